// The drill clock read from the append-only run log: elapsed drill time, inject due times and countdowns.
//
// Two time axes are used throughout:
// - wall time: real time, epoch ms (the `at` of every event);
// - drill time: ms since the clock started with every pause left out ("T+" times in the script).
// Everything here is a pure function of the log and `now`, so a reopened drill shows exactly what the
// live screen showed.
import type { ClockState, InjectRunState, RunEvent, Script } from './schemas/drill';

/** A stretch of wall time during which the clock ran; `wallTo` null while it is still running. */
interface Run {
  wallFrom: number;
  drillFrom: number;
  wallTo: number | null;
}

interface Timeline {
  status: ClockState['status'];
  startedAt: string | null;
  startWall: number | null;
  runs: Run[];
  endWall: number | null;
  /** Wall time of the latest clock event taken; wall time is never read as earlier than this. */
  lastWall: number;
}

const bySeq = (events: readonly RunEvent[]) => [...events].sort((a, b) => a.seq - b.seq);

/** The clock's history with nonsense events dropped: a live drill must not stop on a double click. */
function timeline(events: readonly RunEvent[]): Timeline {
  const tl: Timeline = { status: 'not-started', startedAt: null, startWall: null, runs: [], endWall: null, lastWall: -Infinity };
  for (const e of bySeq(events)) {
    if (!e.type.startsWith('clock.')) continue;
    const parsed = Date.parse(e.at);
    if (Number.isNaN(parsed)) continue;
    // A machine clock set back mid-drill must not make drill time run backwards.
    const at = Math.max(parsed, tl.lastWall);
    const open = tl.runs[tl.runs.length - 1];
    if (e.type === 'clock.start' && tl.status === 'not-started') {
      tl.status = 'running';
      tl.startedAt = e.at;
      tl.startWall = at;
      tl.runs.push({ wallFrom: at, drillFrom: 0, wallTo: null });
    } else if (e.type === 'clock.pause' && tl.status === 'running' && open) {
      open.wallTo = at;
      tl.status = 'paused';
    } else if (e.type === 'clock.resume' && tl.status === 'paused' && open && open.wallTo !== null) {
      tl.runs.push({ wallFrom: at, drillFrom: open.drillFrom + (open.wallTo - open.wallFrom), wallTo: null });
      tl.status = 'running';
    } else if (e.type === 'clock.end' && (tl.status === 'running' || tl.status === 'paused') && open) {
      if (open.wallTo === null) open.wallTo = at;
      tl.endWall = at;
      tl.status = 'ended';
    } else {
      continue; // ignored: its time must not move lastWall either
    }
    tl.lastWall = at;
  }
  return tl;
}

/** Drill time reached at wall time `wall` as it actually happened (a running clock counts up to `wall`). */
function drillAt(tl: Timeline, wall: number): number {
  let ms = 0;
  for (const r of tl.runs) ms += Math.max(0, Math.min(wall, r.wallTo ?? Infinity) - r.wallFrom);
  return ms;
}

/** The wall time `now` is read as: never before the last clock event, frozen at the end. */
function reference(tl: Timeline, now: Date): number {
  return tl.endWall ?? Math.max(now.getTime(), tl.lastWall);
}

export function clockState(events: readonly RunEvent[], now: Date): ClockState {
  const tl = timeline(events);
  if (tl.startWall === null) return { status: 'not-started', elapsedMs: 0, startedAt: null, pausedMs: 0 };
  const ref = reference(tl, now);
  const elapsedMs = drillAt(tl, ref);
  return { status: tl.status, elapsedMs, startedAt: tl.startedAt, pausedMs: ref - tl.startWall - elapsedMs };
}

/**
 * Drill time at each logged entry, read from the clock entries up to it: with the whole log a clock that
 * ended later would read its end time instead. What the timeline analysis and the presenter put beside
 * an entry ("T+05:12").
 */
export function drillTimeReader(log: readonly RunEvent[]): (e: RunEvent) => number {
  const clockEvents = log.filter((e) => e.type.startsWith('clock.'));
  return (e) => clockState(clockEvents.filter((c) => c.seq <= e.seq), new Date(e.at)).elapsedMs;
}

/**
 * Drill time at which the clock will read wall time `wall`. Past wall times (and any time on a running
 * clock) come from the log; for a paused clock the future is read as "resumed at `now`", and after the
 * end as "had it kept running". Either way a countdown to `wall` equals the wall-clock countdown.
 */
function drillAtPlanned(tl: Timeline, wall: number, now: Date): number {
  const ref = reference(tl, now);
  if (wall <= ref || tl.status === 'running') return drillAt(tl, wall);
  return drillAt(tl, ref) + (wall - ref);
}

/**
 * The wall time (ISO) at which drill time reached, or will reach, `drillMs`: the earliest such moment
 * when a pause sat exactly there. While running the future assumes no further pause; while paused it
 * assumes a resume at `now` (null without `now`); after the end, or before the start, null.
 */
export function wallTimeAt(events: readonly RunEvent[], drillMs: number, now?: Date): string | null {
  const tl = timeline(events);
  if (tl.startWall === null || !(drillMs >= 0)) return null;
  for (const r of tl.runs) {
    if (drillMs < r.drillFrom) break;
    if (r.wallTo === null || drillMs <= r.drillFrom + (r.wallTo - r.wallFrom)) return new Date(r.wallFrom + (drillMs - r.drillFrom)).toISOString();
  }
  if (tl.status !== 'paused' || !now) return null;
  const ref = reference(tl, now);
  return new Date(ref + (drillMs - drillAt(tl, ref))).toISOString();
}

// ---- inject due times ---------------------------------------------------------------------------

/**
 * Local wall time of a date (YYYY-MM-DD) and time of day (HH:mm or HH:mm:ss). The drill happens where
 * the computer is, so its local time zone is the one on the wall (see electron/core/clock.ts).
 */
export function localWallTime(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi, s] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 || s > 59) return null;
  const at = new Date(y, mo - 1, da, h, mi, s);
  return at.getDate() === da ? at : null; // 02-30 would roll into March
}

/**
 * Every inject of the script, in script order, with its planned drill time and run status.
 *
 * Relative injects are planned at offsetSec in drill time, so a pause moves them later in wall time.
 * Clock-time injects stay at their wall-clock time on the drill date: their drill time is wherever
 * the clock stands when the wall clock reads that time (a pause makes them come sooner in drill
 * time). Before the clock starts they count from the planned start (drillDate + startTime). One that
 * falls before the start is due at the start (0): the script has no way to say "the next day", so a
 * drill that runs past midnight should use relative times.
 */
export function injectStates(script: Script, events: readonly RunEvent[], now: Date, drillDate: string, startTime: string): InjectRunState[] {
  const tl = timeline(events);
  const plannedStart = localWallTime(drillDate, startTime);
  const last = new Map<string, RunEvent>();
  for (const e of bySeq(events)) {
    if (e.injectId !== null && (e.type === 'inject.delivered' || e.type === 'inject.skipped' || e.type === 'inject.late')) last.set(e.injectId, e);
  }
  return script.injects.map((inject): InjectRunState => {
    let plannedMs: number | null;
    if (inject.time.mode === 'relative') plannedMs = inject.time.offsetSec * 1000;
    else {
      const wall = localWallTime(drillDate, inject.time.clock)?.getTime();
      if (wall === undefined) plannedMs = null;
      else if (tl.startWall !== null) plannedMs = Math.max(0, drillAtPlanned(tl, wall, now));
      else plannedMs = plannedStart ? Math.max(0, wall - plannedStart.getTime()) : null;
    }
    const e = last.get(inject.id);
    const at = e ? Date.parse(e.at) : NaN;
    if (!e || e.type === 'inject.skipped' || Number.isNaN(at)) {
      return { injectId: inject.id, plannedMs, status: e ? 'skipped' : 'pending', deliveredAt: null, deliveredMs: null, delaySec: null };
    }
    return {
      injectId: inject.id,
      plannedMs,
      status: e.type === 'inject.late' ? 'late' : 'delivered',
      deliveredAt: e.at,
      // Delivered before the clock started reads T+00:00; after the end, the end time.
      deliveredMs: tl.startWall === null ? null : drillAt(tl, at),
      delaySec: e.type === 'inject.late' ? e.delaySec : null,
    };
  });
}

export interface NextInject extends InjectRunState {
  plannedMs: number;
  /** plannedMs − elapsed drill time: negative when overdue. */
  dueInMs: number;
}

/**
 * Pending injects by planned time, the first being the current one (the most overdue when any are
 * overdue), with countdowns in drill time. Nothing is next once the clock has ended.
 */
export function nextInjects(states: readonly InjectRunState[], clock: ClockState, count: number): NextInject[] {
  if (clock.status === 'ended' || count <= 0) return [];
  return states
    .map((s, order) => ({ s, order }))
    .filter(({ s }) => s.status === 'pending' && s.plannedMs !== null)
    .sort((a, b) => a.s.plannedMs! - b.s.plannedMs! || a.order - b.order)
    .slice(0, count)
    .map(({ s }) => ({ ...s, plannedMs: s.plannedMs!, dueInMs: s.plannedMs! - clock.elapsedMs }));
}

// ---- T+ offsets ---------------------------------------------------------------------------------

/** Two digits: 9 → "09". */
export const pad = (n: number) => String(n).padStart(2, '0');

/** "T+05:30" under an hour, "T+1:02:03" from an hour; negative (overdue) as "T-…". Fractions drop. */
export function formatOffset(sec: number): string {
  const whole = Math.floor(Math.abs(sec));
  const sign = sec < 0 && whole > 0 ? '-' : '+';
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `T${sign}${h}:${pad(m)}:${pad(s)}` : `T${sign}${pad(m)}:${pad(s)}`;
}

/**
 * Seconds from "T+05:30", "05:30" (mm:ss, minutes may pass 59) or "1:02:03" (h:mm:ss); null when it
 * is none of these. Full-width colons and plus signs are accepted: Chinese input methods type them.
 */
export function parseOffset(input: string): number | null {
  const s = input.trim().replace(/[：]/g, ':').replace(/＋/g, '+').replace(/^[Tt]\s*\+\s*/, '');
  const hms = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(s);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const ms = /^(\d{1,4}):([0-5]\d)$/.exec(s);
  if (ms) return Number(ms[1]) * 60 + Number(ms[2]);
  return null;
}

/** A delay or response time in words: 准时 / 提前1分20秒 / 2分05秒. */
export function duration(ms: number | null, signed = false): string {
  if (ms === null) return '—';
  const total = Math.round(Math.abs(ms) / 1000);
  if (signed && total === 0) return '准时';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const text = h ? `${h}小时${m}分` : m ? `${m}分${pad(s)}秒` : `${s}秒`;
  return signed && ms < 0 ? `提前${text}` : text;
}
