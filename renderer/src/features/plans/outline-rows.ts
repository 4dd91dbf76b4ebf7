// Which outline rows are in the DOM: only those in view and a few around them (see OutlinePanel).

/** Every row's height (fixed in styles.css), so the rows in view follow from the scroll offset alone. */
export const OUTLINE_ROW_PX = 26;
/** Rows kept above and below the view, so a short scroll or a drag near the edge shows no gap. */
export const OVERSCAN = 6;

/** The rows [first, end) to render for a scroll box showing `top`…`top + height` of a list starting at `listTop`. */
export function rowsInView(count: number, listTop: number, top: number, height: number): [number, number] {
  const first = Math.min(count, Math.max(0, Math.floor((top - listTop) / OUTLINE_ROW_PX) - OVERSCAN));
  const end = Math.min(count, Math.max(0, Math.ceil((top - listTop + height) / OUTLINE_ROW_PX) + OVERSCAN));
  return [first, Math.max(first, end)];
}

/** The scroll offset that brings row `at` into view, or null when it is already in view. */
export function scrollToRow(at: number, listTop: number, top: number, height: number): number | null {
  const y = listTop + at * OUTLINE_ROW_PX;
  if (y >= top && y + OUTLINE_ROW_PX <= top + height) return null;
  return Math.max(0, Math.round(y - height / 3));
}
