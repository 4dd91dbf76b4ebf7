// The live run: state from the core and logging that shows an event only once it is durable.
//
// Nothing here ticks: the clock's face counts on by itself (live-clock.tsx), so a 2,000-entry log is
// re-rendered only when an entry is added, and an observation or action touches nothing but the log.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Input } from '@shared/contract';
import type { RunState } from '@shared/schemas/drill';
import { ApiError, errorText, request } from '../../api/client';
import type { ClockBase } from './live-clock';

function clientId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a console action logs: the contract's run.log input, less what this hook adds. */
export type LogInput = Omit<Input<'run.log'>, 'drillId' | 'clientId'>;

interface Held {
  state: RunState;
  /** Client time the clock part of `state` was reported. */
  fetchedAt: number;
}

export function useRun(drillId: string, onError: (text: string) => void) {
  const [held, setHeld] = useState<Held | null>(null);
  const busy = useRef(false);
  const refresh = useCallback(
    () => request('run.state', { drillId }).then((state) => setHeld({ state, fetchedAt: Date.now() }), (e: unknown) => onError(errorText(e))),
    [drillId, onError],
  );
  useEffect(() => void refresh(), [refresh]);

  /** Resolves true once the core has committed the event; a call that did not reach it is retried with the same id. */
  const log = useCallback(
    async (e: LogInput): Promise<boolean> => {
      // One action at a time: a double press must not deliver twice or start the clock twice.
      if (busy.current) return false;
      const id = clientId();
      busy.current = true;
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            const { event, state } = await request('run.log', { drillId, clientId: id, ...e });
            // The log only grows: append the committed event instead of re-sending the whole log. Without a
            // new state (observations, actions) the rest is kept as it is, so nothing else re-renders.
            // Rendered at once, in the task that brought the answer, rather than in a later scheduled one.
            flushSync(() =>
              setHeld((prev) => {
                if (!prev) return prev;
                const events = prev.state.events.some((x) => x.id === event.id) ? prev.state.events : [...prev.state.events, event];
                return state ? { state: { ...state, events }, fetchedAt: Date.now() } : { ...prev, state: { ...prev.state, events } };
              }),
            );
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
      }
    },
    [drillId, onError],
  );

  const state = held?.state ?? null;
  const clock = state?.clock;
  const fetchedAt = held?.fetchedAt ?? 0;
  const base = useMemo<ClockBase>(() => ({ status: clock?.status ?? 'not-started', elapsedMs: clock?.elapsedMs ?? 0, fetchedAt }), [clock, fetchedAt]);
  return { state, log, refresh, base };
}
