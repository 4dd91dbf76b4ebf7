// The drill's planned window (its start and end time on the drill date) on the script's time axis.
//
// Script times are seconds after the start (T+) or clock times on the drill date. The window is what
// the coordinators booked: generated injects must fit into it and the script check flags any that do not.
import { pad } from './drill-clock';
import type { Drill, InjectTime } from './schemas/drill';

export type DrillTiming = Pick<Drill, 'startTime' | 'endTime'>;

const DAY_SEC = 24 * 3600;

/** Seconds since midnight of "HH:mm" or "HH:mm:ss". */
export function secondsOfDay(clock: string): number {
  const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** Seconds from the planned start to an inject's planned time: a clock time before the start is negative. */
export function offsetFromStart(time: InjectTime, startTime: string): number {
  return time.mode === 'relative' ? time.offsetSec : secondsOfDay(time.clock) - secondsOfDay(startTime);
}

/**
 * Seconds from the planned start to the planned end; null when the drill has no end time. New drills
 * end after they start (drillTimesProblem), but one saved before that rule, or imported from another
 * workbench's package, may not: an end earlier than the start is read as the next day (through
 * midnight), an end equal to it as no time at all.
 */
export function windowSec(drill: DrillTiming): number | null {
  if (drill.endTime === null) return null;
  const span = secondsOfDay(drill.endTime) - secondsOfDay(drill.startTime);
  return span < 0 ? span + DAY_SEC : span;
}

/**
 * Why a drill's start and end cannot be saved, naming both; null when they can (no end time is fine).
 *
 * Decided: a drill ends on its own date, after it starts. A 综合应急演练 is a daytime event of a few
 * hours; a drill through midnight is not one the programme plans, and its clock-time injects could not
 * say which day they mean. So an end at or before the start is a slip of the time picker, not a drill
 * ending tomorrow, and is refused rather than guessed at.
 */
export function drillTimesProblem(drill: DrillTiming): string | null {
  if (drill.endTime === null || secondsOfDay(drill.endTime) > secondsOfDay(drill.startTime)) return null;
  const [start, end] = [shortClock(drill.startTime), shortClock(drill.endTime)];
  const same = secondsOfDay(drill.endTime) === secondsOfDay(drill.startTime);
  // Short enough to sit on one line under the form's end-time field.
  return same ? `结束时间 ${end} 与开始时间 ${start} 相同，演练须在开始之后结束` : `结束时间 ${end} 早于开始时间 ${start}，演练须在当天结束`;
}

/** Whether a time (seconds after the start) falls outside the window: before the start or after the end (windowSec). */
export const outsideWindow = (offset: number, window: number | null): boolean => offset < 0 || (window !== null && offset > window);

export const crossesMidnight = (drill: DrillTiming): boolean => drill.endTime !== null && secondsOfDay(drill.endTime) < secondsOfDay(drill.startTime);

/** The clock time a relative inject falls at (9:00 + T+05:00 → 9:05), as the Word exports write it. */
export function clockAt(start: string, offsetSec: number): string {
  // Wrapped into one day both ways: a clock-time inject before the start has a negative offset.
  const day = DAY_SEC / 60;
  const total = ((Math.floor((secondsOfDay(start) + offsetSec) / 60) % day) + day) % day;
  return `${Math.floor(total / 60)}:${pad(total % 60)}`;
}

/** "9:00" for "09:00": the short form the exports and messages use. */
export const shortClock = (clock: string): string => clock.replace(/^0(\d)/, '$1');
