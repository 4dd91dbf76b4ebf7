// A drill run as a window follows it: the log and the clock taken in by seq, from the core's run.logged
// pushes, the window's own run.log answers and catch-up reads, whichever comes first; none twice, none lost.
// No React and no DOM here (use-run-feed.ts wires it to the page), so the orderings are unit-tested.
import type { RunEvent, RunState, RunUpdate } from '@shared/schemas/drill';
import type { ClockBase } from './live-clock';

/** The clock and the injects as the core reported them, without the log. */
export type RunNow = Omit<RunState, 'events'>;

export interface RunFeed {
  /** The last entry taken in; 0 before the first. Seqs are a drill's 1, 2, 3… with no gaps. */
  seq: number;
  /** The log in seq order. */
  events: readonly RunEvent[];
  /** The clock and the injects as of the newest report. */
  state: RunNow;
  /** The clock of that report and when (client time) it came: what the clock faces count on from. Kept as it is while no new report comes. */
  base: ClockBase;
}

/** One report from the core: entries after the feed's last (in seq order), and the state as of entry `asOf`. */
interface Report {
  events: readonly RunEvent[];
  state: RunNow | null;
  asOf: number;
}

function baseOf(state: RunNow, at: number): ClockBase {
  return { status: state.clock.status, elapsedMs: state.clock.elapsedMs, fetchedAt: at };
}

/** The feed from a whole read of the run. */
export function start({ events, ...state }: RunState, at: number): RunFeed {
  return { seq: events.at(-1)?.seq ?? 0, events, state, base: baseOf(state, at) };
}

/**
 * The feed with a report taken in. Entries it already has are dropped; the state is taken only from a
 * report at least as new as the feed, so a read that set out before an entry the feed has since taken
 * cannot put back the clock or the next inject as they were before it.
 */
export function fold(feed: RunFeed, report: Report, at: number): RunFeed {
  const fresh = report.events.filter((e) => e.seq > feed.seq);
  const newer = report.state !== null && report.asOf >= feed.seq;
  if (!fresh.length && !newer) return feed;
  return {
    seq: fresh.at(-1)?.seq ?? feed.seq,
    events: fresh.length ? [...feed.events, ...fresh] : feed.events,
    state: newer ? report.state! : feed.state,
    base: newer ? baseOf(report.state!, at) : feed.base,
  };
}

/** What a committed entry does to the feed: taken in, one it already has, or a sign that entries were missed. */
export function pushed(feed: RunFeed | null, update: RunUpdate, at: number): RunFeed | 'had' | 'missed' {
  if (!feed || update.event.seq > feed.seq + 1) return 'missed';
  if (update.event.seq <= feed.seq) return 'had';
  return fold(feed, { events: [update.event], state: update.state, asOf: update.event.seq }, at);
}

export interface RunFollower {
  /** A committed entry the core pushed (to every window, this one's own entries included). */
  push(update: RunUpdate): void;
  /** The answer to this window's own run.log: taken at once, whatever is held. */
  take(update: RunUpdate): void;
  /**
   * Holds pushes back until the returned release, which takes them in: for the span of the window's own
   * run.log. Its push usually comes before its answer (the host writes the push first, and the answer
   * passes through the page's request worker); held, the entry shows when the answer comes, the moment the
   * console clears the box it was typed in and takes the next key, not while that call is still open.
   */
  hold(): () => void;
  /** Reads what the feed lacks: the whole run at first, then the entries after its last. */
  catchUp(): Promise<void>;
  /** Nothing more reaches onChange (the page left the drill). */
  stop(): void;
}

interface FollowOptions {
  /** run.state for the drill: all of it, or the entries after `afterSeq`. */
  read: (afterSeq: number | undefined) => Promise<RunState>;
  onChange: (feed: RunFeed) => void;
  /** A read failed; `first` while the feed has nothing yet. */
  onReadError?: (e: unknown, first: boolean) => void;
  now?: () => number;
}

export function followRun({ read, onChange, onReadError, now = Date.now }: FollowOptions): RunFollower {
  let feed: RunFeed | null = null;
  let reading = false;
  let again = false;
  let stopped = false;
  const set = (next: RunFeed) => {
    if (stopped || next === feed) return;
    feed = next;
    onChange(next);
  };

  async function catchUp(): Promise<void> {
    // One read at a time; a gap seen meanwhile may lie past what that read returns: read once more after it.
    if (reading) return void (again = true);
    reading = true;
    try {
      do {
        again = false;
        const from = feed?.seq;
        const state = await read(from);
        if (stopped) return;
        const { events, ...rest } = state;
        set(feed === null ? start(state, now()) : fold(feed, { events, state: rest, asOf: events.at(-1)?.seq ?? from ?? 0 }, now()));
      } while (again);
    } catch (e) {
      if (!stopped) onReadError?.(e, feed === null);
    } finally {
      reading = false;
    }
  }

  function take(update: RunUpdate): void {
    if (stopped) return;
    const next = pushed(feed, update, now());
    if (next === 'missed') void catchUp();
    else if (next !== 'had') set(next);
  }

  let held: RunUpdate[] | null = null;
  return {
    push: (update) => (held ? held.push(update) : take(update)),
    take,
    hold() {
      const mine: RunUpdate[] = [];
      held = mine;
      return () => {
        if (held === mine) held = null;
        mine.forEach(take);
      };
    },
    catchUp,
    stop() {
      stopped = true;
    },
  };
}
