// A drill's unsaved criteria, held by the evaluation page rather than by its 评估标准 tab: switching tabs (or
// anything that re-renders the tab) cannot lose them, and leaving the page asks first.
import { useState } from 'react';
import type { CriteriaSet } from '@shared/schemas/evaluation';
import { useUnsavedGuard } from '../../components/use-unsaved-guard';

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface CriteriaDraft {
  /** The edited set; null while there are no edits (the saved set is shown). */
  edited: CriteriaSet | null;
  /** Edited and different from the saved set. */
  dirty: boolean;
  change: (set: CriteriaSet) => void;
  /** Back to the saved set: after saving, or to give the edits up. */
  discard: () => void;
}

export function useCriteriaDraft(saved: CriteriaSet | undefined): CriteriaDraft {
  const [edited, setEdited] = useState<CriteriaSet | null>(null);
  const dirty = edited !== null && saved !== undefined && !sameValue(edited, saved);
  useUnsavedGuard(dirty, '评估标准');
  return { edited, dirty, change: setEdited, discard: () => setEdited(null) };
}
