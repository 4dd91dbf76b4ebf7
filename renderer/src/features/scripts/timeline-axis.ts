// The script timeline's time axis: seconds from the drill's planned start, its span and round-minute ticks.

/** Tick steps a planner reads at a glance: 1, 2, 5, 10, 15, 20, 30 minutes, then hours. */
const STEPS_SEC = [60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const MAX_TICKS = 10;
/** An axis never shorter than ten minutes: a script of one inject still reads as a line, not a dot. */
const MIN_SPAN_SEC = 600;

export interface TimelineAxis {
  /** The axis runs from `from` to `to`, seconds after the planned start (`from` < 0 when an inject comes before it). */
  from: number;
  to: number;
  ticks: number[];
}

/**
 * An axis holding the start (0), the end when there is one, and every inject, with a little room past
 * the last so its marker is not cut in half.
 */
export function timelineAxis(offsets: readonly number[], endSec: number | null): TimelineAxis {
  const first = Math.min(0, ...offsets);
  const last = Math.max(first + MIN_SPAN_SEC, endSec ?? 0, ...offsets);
  const pad = (last - first) * 0.05;
  const from = first < 0 ? first - pad : 0;
  const to = last + pad;
  const step = STEPS_SEC.find((s) => (to - from) / s <= MAX_TICKS) ?? STEPS_SEC[STEPS_SEC.length - 1]!;
  const ticks: number[] = [];
  // + 0: a first tick of -0 would read as T-00:00.
  for (let t = Math.ceil(from / step) * step + 0; t <= to; t += step) ticks.push(t);
  return { from, to, ticks };
}
