// Which dates a drill can be planned on: the one rule the drill form shows at its date field and the core enforces.

/** The earliest year a drill can be dated: the workbench plans this century's drills and records recent ones. */
export const FIRST_DRILL_YEAR = 2000;
/** How many years ahead a drill can be planned: a programme is made a year or two out, never decades. */
export const DRILL_YEARS_AHEAD = 10;

/** YYYY-MM-DD of a UTC date made from parts (month and day roll over, as Date.UTC does). */
function isoOf(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * Why a drill cannot be dated `date` (YYYY-MM-DD) when it is `today` (YYYY-MM-DD, local); null when it can.
 *
 * Decided: a date before 2000 or more than ten years ahead is a slip of the year (1900-01-01, 2206 for
 * 2026), not a drill; a date that does not exist (2026-02-30) is refused rather than rolled over.
 * The date must be in the YYYY-MM-DD form (the schema checks that first).
 */
export function drillDateProblem(date: string, today: string): string | null {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  if (y < FIRST_DRILL_YEAR) return `日期 ${date} 早于 ${FIRST_DRILL_YEAR} 年，请核对年份`;
  if (isoOf(y, m, d) !== date) return `日期 ${date} 不存在，请核对`;
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  const latest = isoOf(ty + DRILL_YEARS_AHEAD, tm, td);
  if (date > latest) return `日期 ${date} 晚于 ${latest}（今后${DRILL_YEARS_AHEAD}年内），请核对年份`;
  return null;
}

/**
 * Why an improvement item raised from a drill cannot be due on `deadline`, the drill having been held on `heldOn`
 * (both YYYY-MM-DD; the held date is the one rule of heldOn in the core); null when it can. Due the same day is allowed.
 */
export function itemDeadlineProblem(deadline: string, heldOn: string): string | null {
  return deadline < heldOn ? `完成时限 ${deadline} 早于该整改事项来源演练的举行日期 ${heldOn}，整改期限不能早于演练举行之日，请核对` : null;
}
