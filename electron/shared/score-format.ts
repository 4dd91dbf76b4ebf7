// One rounding for every score the app shows or exports, so 表1 of the page and of the report agree.

/**
 * `n` rounded half up to one decimal as people round the decimal number they see: 2.25 → 2.3 and
 * 3.25 → 3.3 alike. Going through 12 significant digits first drops binary noise (0.65 × 5 is
 * 3.2499999999999996 in floating point), which `toFixed` and a bare Math.round would round down.
 */
export function roundScore(n: number): number {
  const tenths = Number((Math.abs(n) * 10).toPrecision(12));
  return (Math.sign(n) * Math.round(tenths)) / 10 || 0;
}

/** A score as shown: one decimal, rounded by roundScore; — for no score. */
export function formatScore(n: number | null): string {
  return n === null ? '—' : roundScore(n).toFixed(1);
}
