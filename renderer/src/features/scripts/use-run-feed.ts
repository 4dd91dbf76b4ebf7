// The run as a window other than the console follows it (the presenter): read once, then kept by the
// core's run.logged push, entry by entry in seq order. The clock's face counts on by itself
// (live-clock.tsx) and the log is never read whole again, so a second on a 2,000-entry run costs what it
// costs on a 10-entry one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunEvent, RunUpdate } from '@shared/schemas/drill';
import { onEvent, request } from '../../api/client';
import type { ClockBase } from './live-clock';

/**
 * Every so often the feed asks for the entries after its last one (usually none). It makes up a push
 * lost while the browser host's event stream was down, and after a host restart it is the call whose
 * refusal reloads the page onto the new host (api/http-bridge.ts): a page that only listens never would.
 */
const HEAL_MS = 10_000;

export interface RunFeed {
  /** The last entry taken in; 0 before the first. */
  seq: number;
  base: ClockBase;
  /** The inject most recently delivered (on time or late), if any. */
  lastDelivered: string | null;
  /** The inject due next, if any. */
  next: string | null;
}

/** The feed with `events` (in seq order, all after feed.seq) and, when given, the clock and injects as of now. */
export function fold(feed: RunFeed | null, events: readonly RunEvent[], state: RunUpdate['state']): RunFeed {
  let { seq, lastDelivered, next, base } = feed ?? { seq: 0, lastDelivered: null, next: null, base: { status: 'not-started', elapsedMs: 0, fetchedAt: 0 } };
  for (const e of events) {
    seq = Math.max(seq, e.seq);
    if ((e.type === 'inject.delivered' || e.type === 'inject.late') && e.injectId) lastDelivered = e.injectId;
  }
  if (state) {
    base = { status: state.clock.status, elapsedMs: state.clock.elapsedMs, fetchedAt: Date.now() };
    next = state.next[0]?.injectId ?? null;
  }
  return { seq, base, lastDelivered, next };
}

/** What a pushed entry does to the feed: taken in, one it already has, or a sign that entries were missed. */
export function pushed(feed: RunFeed | null, update: RunUpdate): RunFeed | 'had' | 'missed' {
  if (!feed || update.event.seq > feed.seq + 1) return 'missed';
  if (update.event.seq <= feed.seq) return 'had';
  return fold(feed, [update.event], update.state);
}

export function useRunFeed(drillId: string): RunFeed | null {
  const [feed, setFeed] = useState<RunFeed | null>(null);
  const current = useRef<RunFeed | null>(null);
  const syncing = useRef(false);
  const again = useRef(false);
  // A read for a drill the page has since left must not land in the new drill's feed.
  const following = useRef(drillId);

  const take = useCallback((next: RunFeed) => {
    current.current = next;
    setFeed(next);
  }, []);

  /** Reads what the feed lacks: the whole log at first, then the entries after the last one taken. */
  const catchUp = useCallback(async () => {
    if (syncing.current) return void (again.current = true);
    syncing.current = true;
    try {
      do {
        again.current = false;
        const from = current.current?.seq;
        const state = await request('run.state', from === undefined ? { drillId } : { drillId, afterSeq: from });
        if (following.current !== drillId) return;
        take(fold(current.current, state.events, state));
      } while (again.current);
    } catch {
      // The presenter has no one to tell: the next push or the next heal tries again.
    } finally {
      syncing.current = false;
    }
  }, [drillId, take]);

  useEffect(() => {
    following.current = drillId;
    current.current = null;
    setFeed(null);
    const off = onEvent('run.logged', (update) => {
      if (update.event.drillId !== drillId) return;
      // While a read is on its way the entry may or may not be in it: read again after it.
      const next = syncing.current ? 'missed' : pushed(current.current, update);
      if (next === 'missed') void catchUp();
      else if (next !== 'had') take(next);
    });
    void catchUp();
    const heal = window.setInterval(() => void catchUp(), HEAL_MS);
    return () => {
      off();
      window.clearInterval(heal);
    };
  }, [drillId, catchUp, take]);

  return feed;
}
