// A drill's times: the end after the start on the drill's own day, and the script timeline's axis between them.
import { describe, expect, it } from 'vitest';
import { clockAt, drillTimesProblem, offsetFromStart, outsideWindow } from '../../electron/shared/drill-window';
import { timelineAxis } from '../../renderer/src/features/scripts/timeline-axis';

describe('drillTimesProblem', () => {
  it('takes an end after the start, or no end at all', () => {
    expect(drillTimesProblem({ startTime: '09:00', endTime: '11:30' })).toBeNull();
    expect(drillTimesProblem({ startTime: '09:00', endTime: '09:01' })).toBeNull();
    expect(drillTimesProblem({ startTime: '09:00', endTime: null })).toBeNull();
  });

  it('refuses an end before or at the start, a midnight crossing among them, naming both times', () => {
    expect(drillTimesProblem({ startTime: '09:00', endTime: '08:30' })).toBe('结束时间 8:30 早于开始时间 9:00，演练须在当天结束');
    expect(drillTimesProblem({ startTime: '14:30', endTime: '14:30' })).toBe('结束时间 14:30 与开始时间 14:30 相同，演练须在开始之后结束');
    expect(drillTimesProblem({ startTime: '22:00', endTime: '01:00' })).toContain('结束时间 1:00 早于开始时间 22:00');
  });
});

describe('offsets from the planned start', () => {
  it('places a relative inject at its offset and a clock-time one from the start, before it negative', () => {
    expect(offsetFromStart({ mode: 'relative', offsetSec: 600 }, '09:00')).toBe(600);
    expect(offsetFromStart({ mode: 'clock', clock: '09:30:15' }, '09:00')).toBe(30 * 60 + 15);
    expect(offsetFromStart({ mode: 'clock', clock: '08:45' }, '09:00')).toBe(-15 * 60);
    expect(clockAt('09:00', -15 * 60)).toBe('8:45');
    expect(clockAt('00:10', -20 * 60)).toBe('23:50');
  });

  it('calls outside the window what falls before the start or after the end, the ends themselves inside', () => {
    expect([-1, 0, 9000, 9001].map((s) => outsideWindow(s, 9000))).toEqual([true, false, false, true]);
    expect(outsideWindow(100_000, null)).toBe(false);
  });
});

describe('timelineAxis', () => {
  it('spans the start, the end and every inject, with round ticks a planner reads', () => {
    // The forest-fire drill: 9:00—11:30, injects up to T+2:06:00.
    const axis = timelineAxis([0, 360, 7560], 9000);
    expect(axis.from).toBe(0);
    expect(axis.to).toBeGreaterThan(9000);
    expect(axis.ticks).toEqual([0, 1200, 2400, 3600, 4800, 6000, 7200, 8400]);
  });

  it('reaches past the end to an inject after it, and before the start to a clock time before it', () => {
    const axis = timelineAxis([-900, 0, 12_600], 9000);
    expect(axis.from).toBeLessThan(-900);
    expect(axis.to).toBeGreaterThan(12_600);
    // Half-hour ticks from the start: the quarter hour before it has no tick of its own, and none reads T-00:00.
    expect(axis.ticks).toEqual([0, 1800, 3600, 5400, 7200, 9000, 10_800, 12_600]);
    expect(Object.is(axis.ticks[0], 0)).toBe(true);
  });

  it('keeps ten minutes at least, for a script of one inject and no end', () => {
    const axis = timelineAxis([0], null);
    expect(axis.to).toBeGreaterThanOrEqual(600);
    expect(axis.ticks).toEqual([0, 120, 240, 360, 480, 600]);
  });
});
