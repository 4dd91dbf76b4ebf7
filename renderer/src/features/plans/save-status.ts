// The open plan's save status, kept outside React state: a save repaints the small parts that show it
// (the status tag, the character count, the checks' refresh), never the whole workspace.
import { useSyncExternalStore } from 'react';

/** 'stale': another window saved the plan since this one opened it; this one saves no more. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'stale';

export interface SaveStatus {
  state: SaveState;
  savedAt: Date | null;
  charCount: number;
  /** Saves completed so far: tells readers of the last saved content that it changed. */
  saves: number;
}

export interface SaveStatusStore {
  get(): SaveStatus;
  set(patch: Partial<SaveStatus>): void;
  subscribe(listener: () => void): () => void;
}

export function createSaveStatus(initial: SaveStatus): SaveStatusStore {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(patch) {
      value = { ...value, ...patch };
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One value derived from the status; the component re-renders only when that value changes. */
export function useSaveStatus<T>(store: SaveStatusStore, select: (s: SaveStatus) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
