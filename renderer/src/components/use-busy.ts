// One request at a time from a button that creates something: a second click while it runs does nothing.
import { useCallback, useRef, useState } from 'react';

/**
 * `[busy, run]`: run(key, fn) runs fn unless another run is still going; busy is the running key (to show
 * that button loading), null when idle. The ref, not the state, refuses the second click: both clicks of a
 * double click can arrive before React renders the button disabled.
 */
export function useBusy<K extends string = string>() {
  const running = useRef(false);
  const [busy, setBusy] = useState<K | null>(null);
  const run = useCallback(async (key: K, fn: () => Promise<unknown>): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(key);
    try {
      await fn();
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return [busy, run] as const;
}
