// The drill's planned window (its start and end time on the drill date) on the script's time axis.
//
// Script times are seconds after the start (T+) or clock times on the drill date. The window is what
// the coordinators booked: generated injects must fit into it and the script check flags any that do not.
import { pad } from './drill-clock';
import type { Drill } from './schemas/drill';

export type DrillTiming = Pick<Drill, 'startTime' | 'endTime'>;

const DAY_SEC = 24 * 3600;

/** Seconds since midnight of "HH:mm" or "HH:mm:ss". */
export function secondsOfDay(clock: string): number {
  const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/**
 * Seconds from the planned start to the planned end; null when the drill has no end time. An end
 * earlier than the start is read as the next day (a drill through midnight); an end equal to it leaves
 * no time at all.
 */
export function windowSec(drill: DrillTiming): number | null {
  if (drill.endTime === null) return null;
  const span = secondsOfDay(drill.endTime) - secondsOfDay(drill.startTime);
  return span < 0 ? span + DAY_SEC : span;
}

export const crossesMidnight = (drill: DrillTiming): boolean => drill.endTime !== null && secondsOfDay(drill.endTime) < secondsOfDay(drill.startTime);

/** The clock time a relative inject falls at (9:00 + T+05:00 → 9:05), as the Word exports write it. */
export function clockAt(start: string, offsetSec: number): string {
  const total = Math.floor((secondsOfDay(start) + offsetSec) / 60) % (DAY_SEC / 60);
  return `${Math.floor(total / 60)}:${pad(total % 60)}`;
}

/** "9:00" for "09:00": the short form the exports and messages use. */
export const shortClock = (clock: string): string => clock.replace(/^0(\d)/, '$1');
