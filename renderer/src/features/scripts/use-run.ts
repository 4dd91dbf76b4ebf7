// The console's run: the feed every window follows (use-run-feed.ts), and logging that shows an event only
// once it is durable.
//
// Nothing here ticks: the clock's face counts on by itself (live-clock.tsx), so a 2,000-entry log is
// re-rendered only when an entry is added, and an observation or action touches nothing but the log.
import { useCallback, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { Input } from '@shared/contract';
import { ApiError, errorText, request } from '../../api/client';
import { useRunFeed } from './use-run-feed';

function clientId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a console action logs: the contract's run.log input, less what this hook adds. */
export type LogInput = Omit<Input<'run.log'>, 'drillId' | 'clientId'>;

export function useRun(drillId: string, onError: (text: string) => void) {
  const { feed, own } = useRunFeed(drillId, onError);
  const busy = useRef(false);
  const starting = useRef<Promise<boolean> | null>(null);
  /** Resolves true once the core has committed the event; a call that did not reach it is retried with the same id. */
  const send = useCallback(
    async (e: LogInput): Promise<boolean> => {
      // One action at a time: a double press must not deliver twice or start the clock twice.
      if (busy.current) return false;
      const id = clientId();
      busy.current = true;
      const release = own.hold();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            const update = await request('run.log', { drillId, clientId: id, ...e });
            // Taken in by seq like any push: its own push, held meanwhile, is then one the feed has. Rendered
            // at once, in the task that brought the answer, rather than in a later scheduled one.
            flushSync(() => own.take(update));
            return true;
          } catch (err) {
            // The core answered with a reason (paused, unknown inject…): saying it again will not help.
            const answered = err instanceof ApiError && err.error.code !== 'INTERNAL';
            if (answered || attempt === 2) {
              onError(answered ? errorText(err) : `记录失败：${errorText(err)}`);
              return false;
            }
          }
        }
      } finally {
        busy.current = false;
        release();
      }
    },
    [drillId, onError, own],
  );

  const log = useCallback(
    (e: LogInput): Promise<boolean> => {
      const idle = !busy.current;
      const sent = send(e);
      // A start or resume on its way changes what a key may do: the keys wait for it (see settling).
      if (idle && (e.type === 'clock.start' || e.type === 'clock.resume')) {
        starting.current = sent;
        void sent.finally(() => {
          if (starting.current === sent) starting.current = null;
        });
      }
      return sent;
    },
    [send],
  );

  /**
   * The start (or resume) sent and not yet answered, if any: a key pressed meanwhile acts once it settles, on the
   * clock it started (its answer is rendered before the promise's other reactions run), instead of being refused.
   */
  const settling = useCallback(() => starting.current, []);

  return { feed, log, settling };
}
