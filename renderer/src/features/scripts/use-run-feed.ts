// The run as every window follows it, the console and the presenter alike: read once, then kept by the
// core's run.logged push, entry by entry in seq order (run-feed.ts), so a second console or the presenter
// sees what another window logged without a reload. The clock's face counts on by itself (live-clock.tsx)
// and the log is never read whole again, so a second on a 2,000-entry run costs what it costs on a 10-entry one.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunUpdate } from '@shared/schemas/drill';
import { errorText, onEvent, onEventsConnected, request } from '../../api/client';
import { followRun, type RunFeed, type RunFollower } from './run-feed';

/**
 * Every so often the feed asks for the entries after its last one (usually none). It makes up a push
 * lost while the browser host's event stream was down and entries logged by another process on the same
 * data (the Electron window beside the browser host), and after a host restart it is the call whose
 * refusal reloads the page onto the new host (api/http-bridge.ts): a page that only listens never would.
 */
const HEAL_MS = 10_000;

/** What a window that logs as well needs besides the feed: see RunFollower's take and hold. */
export interface RunFeedOwn {
  take: (update: RunUpdate) => void;
  hold: () => () => void;
}

/**
 * `feed` is null until the first read. `own` is for a window that logs too (the console): its answers and
 * pushes are one entry, taken once by seq. `onFirstReadError` hears of a failed first read (later ones are
 * retried by the next push or heal with no one to tell).
 */
export function useRunFeed(drillId: string, onFirstReadError?: (text: string) => void): { feed: RunFeed | null; own: RunFeedOwn } {
  const [feed, setFeed] = useState<RunFeed | null>(null);
  const follower = useRef<RunFollower | null>(null);
  const onError = useRef(onFirstReadError);
  useEffect(() => {
    onError.current = onFirstReadError;
  }, [onFirstReadError]);

  useEffect(() => {
    setFeed(null);
    const f = followRun({
      read: (afterSeq) => request('run.state', afterSeq === undefined ? { drillId } : { drillId, afterSeq }),
      onChange: setFeed,
      onReadError: (e, first) => first && onError.current?.(errorText(e)),
    });
    follower.current = f;
    const offPush = onEvent('run.logged', (update) => update.event.drillId === drillId && f.push(update));
    // Back on screen, or the event stream (re)connected: what came meanwhile may have been missed.
    const offConnected = onEventsConnected(() => void f.catchUp());
    const onVisible = () => document.visibilityState === 'visible' && void f.catchUp();
    document.addEventListener('visibilitychange', onVisible);
    const heal = window.setInterval(() => void f.catchUp(), HEAL_MS);
    void f.catchUp();
    return () => {
      f.stop();
      offPush();
      offConnected();
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(heal);
    };
  }, [drillId]);

  const own = useMemo<RunFeedOwn>(
    () => ({
      take: (update) => follower.current?.take(update),
      hold: () => follower.current?.hold() ?? (() => undefined),
    }),
    [],
  );
  return { feed, own };
}
