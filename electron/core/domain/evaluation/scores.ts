// The evaluation group's forms combined into one score per criterion, a weighted total and a grade.
import { answerShare } from '../../../shared/evaluation-answers';
import { roundScore } from '../../../shared/score-format';
import type { CriteriaSet, CriterionResult, EvaluatorForm, ScoreSummary } from '../../../shared/schemas/evaluation';

/** Lower bounds of the grades on the 0..100 total, best first. */
export const GRADE_BOUNDS = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 75 },
  { grade: '合格', min: 60 },
] as const satisfies readonly { grade: NonNullable<ScoreSummary['grade']>; min: number }[];

export function gradeOf(total: number | null): ScoreSummary['grade'] {
  if (total === null) return null;
  return GRADE_BOUNDS.find((b) => total >= b.min)?.grade ?? '不合格';
}

/**
 * Every criterion of `set` in set order, and the total over the criteria somebody answered: the sum of
 * points divided by the sum of those criteria's weights, times 100. A criterion nobody judged (say the
 * drill never reached that function) is left out of the total instead of counting as zero.
 *
 * `evaluators` counts the forms that gave at least one usable answer for this set: a form opened and
 * left blank is not an evaluation. A form answering a criterion twice counts its first usable answer.
 */
export function combineScores(set: CriteriaSet, forms: readonly EvaluatorForm[]): ScoreSummary {
  const contributed = new Set<EvaluatorForm>();
  let points = 0;
  let weights = 0;
  const criteria = set.criteria.map((criterion): CriterionResult => {
    const shares: number[] = [];
    for (const form of forms) {
      for (const answer of form.answers) {
        if (answer.criterionId !== criterion.id) continue;
        const share = answerShare(criterion, answer.value);
        if (share === null) continue;
        shares.push(share);
        contributed.add(form);
        break;
      }
    }
    if (shares.length === 0) return { criterionId: criterion.id, mean: null, spread: null, answered: 0, points: null };
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    // Each item's points are kept as shown (one decimal) and the total is built from those, so that the
    // 得分 column of 表1 adds up to its 合计 when every item is scored: an evaluator checks the sum by hand,
    // and a total 0.2 off the column reads as an error, not as rounding.
    const earned = roundScore(mean * criterion.weight);
    points += earned;
    weights += criterion.weight;
    return { criterionId: criterion.id, mean, spread: Math.max(...shares) - Math.min(...shares), answered: shares.length, points: earned };
  });
  // Only weight-0 criteria answered: there is nothing that counts towards a total.
  const total = weights > 0 ? roundScore((points / weights) * 100) : null;
  // The grade follows the rounded total, so that 89.96 shown as 90.0 never reads 良好.
  return { criteria, total, grade: gradeOf(total), evaluators: contributed.size };
}
