// Changing a drill's criteria after forms exist: answers kept by criterion id, scores carried to a new full mark, the rest listed.
import { describe, expect, it } from 'vitest';
import { describeAnswerChange, reconcileAnswers } from '../../electron/shared/evaluation-answers';
import { drillCriteriaSetSchema, type CriteriaSet, type Criterion, type EvaluatorForm } from '../../electron/shared/schemas/evaluation';

const LEVELS = { kind: 'levels' as const, levels: [{ label: '达到', value: 1 }, { label: '部分达到', value: 0.5 }, { label: '未达到', value: 0 }] };
const score = (id: string, weight: number, max = 10): Criterion => ({ id, group: '', title: `项${id}`, description: '', weight, scale: { kind: 'score', max } });
const level = (id: string, weight: number): Criterion => ({ id, group: '', title: `项${id}`, description: '', weight, scale: LEVELS });
const set = (...criteria: Criterion[]): CriteriaSet => ({ id: 's', title: '测试', basis: '', criteria });
const form = (evaluator: string, answers: [string, number | string | null, string?][]): EvaluatorForm => ({
  id: `f-${evaluator}`,
  evaluator,
  unit: '',
  answers: answers.map(([criterionId, value, note]) => ({ criterionId, value, note: note ?? '' })),
});

const BEFORE = set(score('a', 40), level('b', 30), score('c', 30));

describe('reconcileAnswers', () => {
  it('keeps every answer when criteria are reordered, reweighted, retitled or added', () => {
    const forms = [form('李', [['a', 8], ['b', '达到'], ['c', 5]])];
    const after = set({ ...score('c', 20), title: '新标题' }, level('b', 30), score('a', 30), score('d', 20));
    expect(reconcileAnswers(BEFORE, after, forms)).toEqual({ forms, changes: [] });
  });

  it('drops answers to removed criteria and values the new scale cannot read, keeping notes, and lists each', () => {
    const forms = [form('李', [['a', 8, '很好'], ['b', '部分达到', '偏慢'], ['c', 5]]), form('王', [['a', null], ['c', null, ''], ['b', null, '未观察']])];
    const after = set({ ...score('a', 50), scale: LEVELS }, { ...level('b', 50), scale: { kind: 'levels', levels: [{ label: '达到', value: 1 }, { label: '未达到', value: 0 }] } });
    const { forms: next, changes } = reconcileAnswers(BEFORE, after, forms);
    expect(next).toEqual([form('李', [['a', null, '很好'], ['b', null, '偏慢']]), form('王', [['a', null], ['b', null, '未观察']])]);
    expect(changes.map(describeAnswerChange)).toEqual(['李：项a（评分方式已改为选择等级）', '李：项b（等级“部分达到”已不存在）', '李：项c（评估项已删除）']);
    expect(changes.every((c) => c.kind === 'dropped')).toBe(true);
  });

  it('carries a score over to a new full mark at the same share', () => {
    const after = set(score('a', 40, 5), level('b', 30), score('c', 30, 100));
    const { forms, changes } = reconcileAnswers(BEFORE, after, [form('李', [['a', 7], ['c', 3]])]);
    expect(forms[0]!.answers.map((a) => a.value)).toEqual([3.5, 30]);
    expect(changes).toEqual([
      { formId: 'f-李', evaluator: '李', criterionId: 'a', title: '项a', kind: 'rescaled', reason: '7/10 按新满分换算为 3.5/5' },
      { formId: 'f-李', evaluator: '李', criterionId: 'c', title: '项c', kind: 'rescaled', reason: '3/10 按新满分换算为 30/100' },
    ]);
  });

  it('drops answers a previous set left behind, naming them', () => {
    const { forms, changes } = reconcileAnswers(BEFORE, BEFORE, [form('李', [['a', 8], ['gone', 3]])]);
    expect(forms[0]!.answers).toHaveLength(1);
    expect(changes.map(describeAnswerChange)).toEqual(['李：gone（评估项不在当前评估标准中）']);
  });
});

describe('drillCriteriaSetSchema', () => {
  const issues = (s: unknown) => {
    const r = drillCriteriaSetSchema.safeParse(s);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('accepts a set whose weights add up to 100, within float noise', () => {
    expect(issues(BEFORE)).toEqual([]);
    expect(issues(set(score('a', 33.33), score('b', 33.33), score('c', 33.34)))).toEqual([]);
  });

  it('says at each field what is wrong: duplicate ids, duplicate level labels, the weights total', () => {
    const twice = { ...level('b', 30), scale: { kind: 'levels' as const, levels: [{ label: '达到', value: 1 }, { label: '达到', value: 0 }] } };
    expect(issues(set(score('a', 40), twice, score('a', 20)))).toEqual([
      ['criteria.1.scale.levels.1.label', '等级名称“达到”重复'],
      ['criteria.2.id', '评估项编号“a”与第 1 项重复'],
      ['criteria', '各评估项权重之和须为 100，现为 90'],
    ]);
  });
});
