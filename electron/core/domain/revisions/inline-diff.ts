// Character-level diff that reads well for Chinese (no word splitting on spaces).
import { diffChars } from 'diff';
import type { DiffPart } from '../../../shared/schemas/revision';

export function inlineDiff(a: string, b: string): DiffPart[] {
  if (a === b) return [{ op: 'same', text: a }];
  return diffChars(a, b).map((c) => ({ op: c.added ? 'add' : c.removed ? 'del' : 'same', text: c.value }));
}

/** Similarity in [0, 1]: Dice coefficient over character bigrams (cheap, order-tolerant, fine for Chinese). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      common++;
      grams.set(g, n - 1);
    }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/** Longest common subsequence of two id lists: the ids outside it are the ones that moved. */
export function lcsIds(a: string[], b: string[]): Set<string> {
  // Patience-free O(n·m) would be 250k cells at 500 sections: fine; larger inputs fall back to a greedy pass.
  if (a.length * b.length > 4_000_000) {
    const pos = new Map(b.map((id, i) => [id, i]));
    const keep = new Set<string>();
    let last = -1;
    for (const id of a) {
      const p = pos.get(id);
      if (p !== undefined && p > last) {
        keep.add(id);
        last = p;
      }
    }
    return keep;
  }
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const keep = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      keep.add(a[i]!);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return keep;
}
