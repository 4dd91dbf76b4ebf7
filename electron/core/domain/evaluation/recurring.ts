// "The same lesson every year": earlier drills' problems that look like the one being written now.
import type { Finding } from '../../../shared/schemas/evaluation';
import { similarity } from '../revisions/inline-diff';

export interface ProblemRef {
  id: string;
  drillId: string;
  title: string;
  detail: string;
  /** 责任单位 or the unit the problem was seen in; '' when not known. */
  unit: string;
  clauses: { planId: string; sectionId: string }[];
}

export interface EarlierProblem extends ProblemRef {
  drillName: string;
  /** The earlier drill's date, YYYY-MM-DD. */
  date: string;
}

export type RecurringMatch = NonNullable<Finding['recurring']>[number];

/** Similar enough on wording alone. */
export const TEXT_THRESHOLD = 0.5;
/** Similar enough when the same unit is concerned: the unit is half the evidence. */
export const SAME_UNIT_THRESHOLD = 0.3;

/**
 * Earlier problems of other drills that match `current`: text similarity ≥ 0.5 (Dice coefficient on
 * character bigrams of title and detail), or the same non-empty unit and similarity ≥ 0.3, or at least
 * one plan clause in common. A problem from the same drill is a sibling, not a recurrence. Newest first.
 */
export function findRecurring(current: ProblemRef, earlier: readonly EarlierProblem[]): RecurringMatch[] {
  const text = normalise(`${current.title}${current.detail}`);
  const unit = current.unit.trim();
  const clauses = new Set(current.clauses.map(clauseKey));
  return earlier
    .filter((e) => e.drillId !== current.drillId && e.id !== current.id)
    .filter((e) => {
      if (e.clauses.some((c) => clauses.has(clauseKey(c)))) return true;
      const score = textSimilarity(text, normalise(`${e.title}${e.detail}`));
      return score >= TEXT_THRESHOLD || (unit !== '' && e.unit.trim() === unit && score >= SAME_UNIT_THRESHOLD);
    })
    .sort((a, b) => (a.date === b.date ? a.drillName.localeCompare(b.drillName, 'zh-CN') || a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1))
    .map((e) => ({ findingId: e.id, drillId: e.drillId, drillName: e.drillName, date: e.date, title: e.title }));
}

/**
 * Whitespace and punctuation carry no meaning for the comparison and only dilute the bigrams of short
 * Chinese texts ("信息报告不及时。" vs "信息报告不及时").
 */
function normalise(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Too short to have a bigram: nothing to compare (two empty details are not "the same problem"). */
function textSimilarity(a: string, b: string): number {
  return a.length < 2 || b.length < 2 ? 0 : similarity(a, b);
}

const clauseKey = (c: { planId: string; sectionId: string }) => `${c.planId}\n${c.sectionId}`;
