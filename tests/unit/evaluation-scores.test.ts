// Combining evaluators' forms: shares of full marks, mean and spread, weighted total over answered criteria, grades.
import { describe, expect, it } from 'vitest';
import { combineScores, gradeOf } from '../../electron/core/domain/evaluation/scores';
import { answerShare } from '../../electron/shared/evaluation-answers';
import { formatScore, roundScore } from '../../electron/shared/score-format';
import type { CriteriaSet, Criterion, EvaluatorForm } from '../../electron/shared/schemas/evaluation';

const LEVELS = { kind: 'levels' as const, levels: [{ label: '达到', value: 1 }, { label: '部分达到', value: 0.5 }, { label: '未达到', value: 0 }] };
const score = (id: string, weight: number, max = 10): Criterion => ({ id, group: '', title: id, description: '', weight, scale: { kind: 'score', max } });
const level = (id: string, weight: number): Criterion => ({ id, group: '', title: id, description: '', weight, scale: LEVELS });
const set = (...criteria: Criterion[]): CriteriaSet => ({ id: 's', title: '测试', basis: '', criteria });

let formNo = 0;
function form(answers: Record<string, number | string | null>): EvaluatorForm {
  formNo++;
  return { id: `f${formNo}`, evaluator: `评估人${formNo}`, unit: '', answers: Object.entries(answers).map(([criterionId, value]) => ({ criterionId, value, note: '' })) };
}
const result = (s: ReturnType<typeof combineScores>, id: string) => s.criteria.find((c) => c.criterionId === id)!;

describe('answerShare', () => {
  it('reads a score as a share of the maximum and a level by its label', () => {
    expect(answerShare(score('a', 10), 8)).toBe(0.8);
    expect(answerShare(score('a', 10, 5), 5)).toBe(1);
    expect(answerShare(level('b', 10), '部分达到')).toBe(0.5);
    expect(answerShare(level('b', 10), ' 达到 ')).toBe(1);
    expect(answerShare(level('b', 10), '未达到')).toBe(0);
  });

  it('ignores blanks, unknown labels, out-of-range scores and the other scale kind', () => {
    expect(answerShare(score('a', 10), null)).toBeNull();
    expect(answerShare(score('a', 10), 11)).toBeNull();
    expect(answerShare(score('a', 10), '8')).toBeNull();
    expect(answerShare(level('b', 10), '基本达到')).toBeNull();
    expect(answerShare(level('b', 10), 1)).toBeNull();
  });
});

describe('combineScores', () => {
  it('averages evaluators per criterion, reports their spread and weights the points', () => {
    const s = set(score('a', 60), level('b', 40));
    const out = combineScores(s, [form({ a: 8, b: '达到' }), form({ a: 6, b: '部分达到' }), form({ a: 10, b: '达到' })]);
    expect(result(out, 'a')).toEqual({ criterionId: 'a', mean: expect.closeTo(0.8, 10), spread: expect.closeTo(0.4, 10), answered: 3, points: 48 });
    expect(result(out, 'b').mean).toBeCloseTo(5 / 6, 10);
    expect(result(out, 'b').spread).toBe(0.5);
    expect(result(out, 'b').points).toBe(33.3); // 40 × 5/6 = 33.33…, kept as shown
    // 48 + 33.33… = 81.33… → 81.3
    expect(out.total).toBe(81.3);
    expect(out.grade).toBe('良好');
    expect(out.evaluators).toBe(3);
  });

  it('gives nothing, not zero, when there are no forms', () => {
    const out = combineScores(set(score('a', 50), level('b', 50)), []);
    expect(out.total).toBeNull();
    expect(out.grade).toBeNull();
    expect(out.evaluators).toBe(0);
    expect(out.criteria).toEqual([
      { criterionId: 'a', mean: null, spread: null, answered: 0, points: null },
      { criterionId: 'b', mean: null, spread: null, answered: 0, points: null },
    ]);
  });

  it('has no spread with one evaluator', () => {
    const out = combineScores(set(score('a', 100)), [form({ a: 9 })]);
    expect(result(out, 'a')).toMatchObject({ mean: 0.9, spread: 0, answered: 1 });
    expect(out.total).toBe(90);
    expect(out.grade).toBe('优秀');
  });

  it('does not count an evaluator who answered nothing, nor let the blank form lower any mean', () => {
    const s = set(score('a', 50), score('b', 50));
    const out = combineScores(s, [form({ a: 7, b: 7 }), form({ a: null, b: null }), form({})]);
    expect(out.evaluators).toBe(1);
    expect(result(out, 'a')).toMatchObject({ mean: 0.7, answered: 1, spread: 0 });
    expect(out.total).toBe(70);
    expect(out.grade).toBe('合格');
  });

  it('leaves criteria nobody answered out of the total instead of dragging it to zero', () => {
    const s = set(score('a', 30), score('b', 70));
    const out = combineScores(s, [form({ a: 10 }), form({ a: 8 })]);
    expect(result(out, 'b')).toEqual({ criterionId: 'b', mean: null, spread: null, answered: 0, points: null });
    expect(out.total).toBe(90);
  });

  it('shows weight-0 criteria without letting them move the total', () => {
    const s = set(score('a', 100), score('note', 0));
    const out = combineScores(s, [form({ a: 5, note: 10 })]);
    expect(result(out, 'note')).toMatchObject({ mean: 1, points: 0, answered: 1 });
    expect(out.total).toBe(50);
    expect(out.grade).toBe('不合格');
  });

  it('has no total when only weight-0 criteria were answered', () => {
    const out = combineScores(set(score('a', 100), score('note', 0)), [form({ note: 6 })]);
    expect(out.total).toBeNull();
    expect(out.grade).toBeNull();
    expect(out.evaluators).toBe(1);
  });

  it('ignores answers to criteria outside the set and unusable answers among usable ones', () => {
    const s = set(level('b', 100));
    const out = combineScores(s, [form({ b: '达到', other: 3 }), form({ b: '很好' })]);
    expect(result(out, 'b')).toMatchObject({ mean: 1, answered: 1 });
    expect(out.evaluators).toBe(1);
  });

  it('takes a form’s first usable answer when it answers a criterion twice', () => {
    const twice: EvaluatorForm = { id: 'x', evaluator: '甲', unit: '', answers: [{ criterionId: 'a', value: null, note: '' }, { criterionId: 'a', value: 4, note: '' }, { criterionId: 'a', value: 10, note: '' }] };
    const out = combineScores(set(score('a', 100)), [twice]);
    expect(result(out, 'a')).toMatchObject({ mean: 0.4, answered: 1 });
  });

  it('rounds the total to one decimal and grades the rounded value', () => {
    // 90, 90 and 89.9 of 100 → 89.967 → shown as 90.0 → 优秀, not 良好
    const out = combineScores(set(score('a', 100, 100)), [form({ a: 90 }), form({ a: 90 }), form({ a: 89.9 })]);
    expect(out.total).toBe(90);
    expect(out.grade).toBe('优秀');
  });
});

describe('roundScore / formatScore', () => {
  it('rounds halves up on the decimal value, whatever binary noise the arithmetic left', () => {
    // (0.6 + 0.7) / 2 × 5 is 3.2499999999999996 in floating point; 0.45 × 5 is exactly 2.25.
    expect(roundScore(((6 / 10 + 7 / 10) / 2) * 5)).toBe(3.3);
    expect(roundScore((4.5 / 10) * 5)).toBe(2.3);
    expect([0.15, 1.005 * 10, 2.75, 3.24, 0, 100].map(roundScore)).toEqual([0.2, 10.1, 2.8, 3.2, 0, 100]);
    expect(formatScore(((6 / 10 + 7 / 10) / 2) * 5)).toBe('3.3');
    expect(formatScore(45)).toBe('45.0');
    expect(formatScore(null)).toBe('—');
  });
});

describe('combineScores — rounded as shown', () => {
  it('keeps each item’s points as shown and totals those, so the 得分 column adds up to the total', () => {
    const out = combineScores(set(score('a', 5), score('b', 5), score('c', 90)), [form({ a: 6, b: 4.5, c: 5 }), form({ a: 7, b: 4.5, c: 5 })]);
    expect(out.criteria.map((c) => c.points)).toEqual([3.3, 2.3, 45]);
    // Unrounded 3.25 + 2.25 + 45 = 50.5, but the column reads 3.3 + 2.3 + 45.0 = 50.6.
    expect(out.total).toBe(50.6);
  });
});

describe('gradeOf', () => {
  it('uses the bounds 90 / 75 / 60', () => {
    expect([90, 89.9, 75, 74.9, 60, 59.9, 0].map(gradeOf)).toEqual(['优秀', '良好', '良好', '合格', '合格', '不合格', '不合格']);
    expect(gradeOf(null)).toBeNull();
  });
});
