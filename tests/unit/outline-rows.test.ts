// The outline renders only the rows in view: the window must always cover what the scroll box shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTLINE_ROW_PX, OVERSCAN, rowsInView, scrollToRow } from '../../renderer/src/features/plans/outline-rows';

describe('the outline rows in view', () => {
  it('renders the first screen and a few rows more at the top', () => {
    expect(rowsInView(480, 40, 0, 520)).toEqual([0, Math.ceil((520 - 40) / OUTLINE_ROW_PX) + OVERSCAN]);
    expect(rowsInView(5, 40, 0, 520)).toEqual([0, 5]);
    expect(rowsInView(0, 40, 0, 520)).toEqual([0, 0]);
  });

  it('always covers every row the scroll box shows, and no more than a screen and the overscan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 50, max: 1200 }), (count, listTop, top, height) => {
        const [first, end] = rowsInView(count, listTop, top, height);
        expect(0 <= first && first <= end && end <= count).toBe(true);
        for (let i = 0; i < count; i++) {
          const y = listTop + i * OUTLINE_ROW_PX;
          const visible = y + OUTLINE_ROW_PX > top && y < top + height;
          if (visible) expect(i >= first && i < end).toBe(true);
        }
        expect(end - first).toBeLessThanOrEqual(Math.ceil(height / OUTLINE_ROW_PX) + 2 * OVERSCAN + 1);
      }),
    );
  });

  it('scrolls a row into view only when it is out of view, and then shows it', () => {
    expect(scrollToRow(3, 40, 0, 520)).toBeNull();
    const to = scrollToRow(300, 40, 0, 520)!;
    const y = 40 + 300 * OUTLINE_ROW_PX;
    expect(y >= to && y + OUTLINE_ROW_PX <= to + 520).toBe(true);
    expect(scrollToRow(0, 40, 2000, 520)).toBe(0);
  });
});
