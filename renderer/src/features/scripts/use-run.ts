// The live run: state from the core, a local tick for the clock, and logging that shows an event only once it is durable.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunEventType, RunState } from '@shared/schemas/drill';
import { errorText, request } from '../../api/client';

function clientId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface LogInput {
  type: RunEventType;
  injectId?: string | null;
  text?: string;
  tags?: string[];
  actor?: string;
}

export function useRun(drillId: string, onError: (text: string) => void, pollMs = 0) {
  const [state, setState] = useState<RunState | null>(null);
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const [, setTick] = useState(0);
  const busy = useRef(false);
  const accept = (s: RunState) => {
    setState(s);
    setFetchedAt(Date.now());
  };
  const refresh = useCallback(() => request('run.state', { drillId }).then(accept, (e: unknown) => onError(errorText(e))), [drillId, onError]);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => {
    const t = window.setInterval(() => {
      setTick((n) => n + 1);
      if (pollMs && !busy.current) void refresh();
    }, pollMs || 250);
    return () => window.clearInterval(t);
  }, [pollMs, refresh]);

  /** Resolves once the core has committed the event; a failed call is retried with the same id. */
  const log = useCallback(
    async (e: LogInput): Promise<boolean> => {
      // One action at a time: a double press must not deliver twice or start the clock twice.
      if (busy.current) return false;
      const id = clientId();
      busy.current = true;
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            const { event, ...rest } = await request('run.log', { drillId, clientId: id, ...e });
            // The log only grows: append the committed event instead of re-sending the whole log.
            setState((prev) => ({ ...rest, events: prev && !prev.events.some((x) => x.id === event.id) ? [...prev.events, event] : (prev?.events ?? [event]) }));
            setFetchedAt(Date.now());
            return true;
          } catch (err) {
            if (attempt === 2) onError(`记录失败：${errorText(err)}`);
          }
        }
        return false;
      } finally {
        busy.current = false;
      }
    },
    [drillId, onError],
  );

  const running = state?.clock.status === 'running';
  const drift = running ? Date.now() - fetchedAt : 0;
  return { state, log, refresh, elapsedMs: state ? state.clock.elapsedMs + drift : 0, drift };
}
