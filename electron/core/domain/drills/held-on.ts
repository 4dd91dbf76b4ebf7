// The date and hours a drill took place: the local calendar day its clock started, and the hours it ran (clock start
// to end as logged), else (not yet run) the planned date and hours. Every page and document that dates a drill reads these.
import { localClock, localDate } from '../../clock';
import type { Drill, HeldTime } from '../../../shared/schemas/drill';

/** When the clock ran, as logged: the first clock.start and the first clock.end after it (ISO); none for a drill never run. */
export interface ClockSpan {
  startedAt?: string | undefined;
  endedAt?: string | undefined;
}

const parsed = (iso: string | undefined): Date | null => {
  const at = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(at) ? null : new Date(at);
};

/**
 * A drill moved at short notice is still dated by its programme entry until someone edits it; what it
 * tested, and when, is what the log says. `startedAt` is its first clock.start (ISO), if any.
 */
export function heldOn(drill: Pick<Drill, 'date'>, startedAt: string | undefined): string {
  const at = parsed(startedAt);
  return at ? localDate(at) : drill.date;
}

/**
 * The day (by heldOn) and the hours a drill was held: a run drill's hours are those its clock ran (no end while it
 * still runs), never the planned hours on the run's day; a drill not yet run keeps its planned date and hours.
 */
export function heldTime(drill: Pick<Drill, 'date' | 'startTime' | 'endTime'>, span: ClockSpan | undefined): HeldTime {
  const start = parsed(span?.startedAt);
  if (!start) return { date: drill.date, startTime: drill.startTime, endTime: drill.endTime, ran: false };
  const end = parsed(span?.endedAt);
  return { date: heldOn(drill, span?.startedAt), startTime: localClock(start), endTime: end ? localClock(end) : null, ran: true };
}

/** The span of one drill's log (events in seq order): the start the drill clock takes and the end that stops it. */
export function clockSpan(events: readonly { type: string; at: string }[]): ClockSpan {
  const start = events.findIndex((e) => e.type === 'clock.start');
  const first = events[start];
  if (!first) return {};
  return { startedAt: first.at, endedAt: events.slice(start + 1).find((e) => e.type === 'clock.end')?.at };
}
