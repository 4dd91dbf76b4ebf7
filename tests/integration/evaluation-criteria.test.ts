// A drill's own criteria through the core: edits keep evaluators' answers by criterion id, and nothing is dropped without consent.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import type { AppErrorData } from '../../electron/shared/errors';
import type { Drill } from '../../electron/shared/schemas/drill';
import type { CriteriaSet, EvaluationReport, EvaluatorForm } from '../../electron/shared/schemas/evaluation';
import { data, makeCore } from '../helpers/core';
import { tempDir } from '../helpers/temp-dir';

async function tabletopDrill(core: Core): Promise<Drill> {
  return data<Drill>(
    core.call('drill.create', {
      name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: false,
      planLinks: [], objectives: [], date: '2026-03-10', startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
    }),
  );
}

const li: EvaluatorForm = {
  id: 'f-li',
  evaluator: '李评估',
  unit: '区应急管理局',
  answers: [
    { criterionId: 'plan-knowledge', value: 10, note: '熟悉职责' },
    { criterionId: 'plan-gaps', value: '未达到', note: '未提出修订建议' },
  ],
};

/** The tabletop set with one weight moved to a new criterion: plan-knowledge 15 → 10, a new item of weight 5. */
function edited(set: CriteriaSet): CriteriaSet {
  const criteria = set.criteria.map((c) => (c.id === 'plan-knowledge' ? { ...c, weight: 10 } : c));
  return { ...set, criteria: [...criteria, { id: 'c-new', group: '演练组织', title: '推演记录完整', description: '', weight: 5, scale: { kind: 'score', max: 10 } }] };
}

describe('eval.set-criteria', () => {
  it('keeps answers by criterion id through reweighting and an added criterion, and the total follows', async () => {
    const dir = tempDir();
    const core = await makeCore({ dataDir: dir });
    const drill = await tabletopDrill(core);
    const start = await data<EvaluationReport>(core.call('eval.save-form', { drillId: drill.id, form: li }));
    expect(start.criteria.id).toBe('tabletop');
    // 15 × 1 + 10 × 0 over 25 answered weight.
    expect(start.scores.total).toBe(60);

    const after = await data<EvaluationReport>(core.call('eval.set-criteria', { drillId: drill.id, criteria: edited(start.criteria) }));
    expect(after.forms).toEqual([li]);
    expect(after.scores.total).toBe(50);
    expect(after.criteria.criteria.at(-1)).toMatchObject({ id: 'c-new', title: '推演记录完整' });
    core.close();

    const reopened = await makeCore({ dataDir: dir });
    const again = await data<EvaluationReport>(reopened.call('eval.get', { drillId: drill.id }));
    expect(again.criteria.criteria.find((c) => c.id === 'plan-knowledge')!.weight).toBe(10);
    expect(again.forms).toEqual([li]);
  });

  it('refuses to drop filled-in answers unless told, naming them, and drops exactly those when told', async () => {
    const core = await makeCore();
    const drill = await tabletopDrill(core);
    const start = await data<EvaluationReport>(core.call('eval.save-form', { drillId: drill.id, form: li }));
    const gaps = start.criteria.criteria.find((c) => c.id === 'plan-gaps')!;
    const without = { ...start.criteria, criteria: start.criteria.criteria.filter((c) => c.id !== 'plan-gaps').map((c) => (c.id === 'plan-knowledge' ? { ...c, weight: c.weight + gaps.weight } : c)) };

    const refused = await core.call('eval.set-criteria', { drillId: drill.id, criteria: without });
    expect(refused.ok).toBe(false);
    const error = (refused as { error: AppErrorData }).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual([`李评估：${gaps.title}（评估项已删除）`]);
    expect(await data<EvaluationReport>(core.call('eval.get', { drillId: drill.id }))).toMatchObject({ criteria: start.criteria, forms: [li] });

    const saved = await data<EvaluationReport>(core.call('eval.set-criteria', { drillId: drill.id, criteria: without, dropAnswers: true }));
    expect(saved.forms).toEqual([{ ...li, answers: [li.answers[0]] }]);
    expect(saved.scores.total).toBe(100);
  });

  it('switches to another shipped set, keeping answers to the criteria both share', async () => {
    const core = await makeCore();
    const drill = await tabletopDrill(core);
    const sets = await data<CriteriaSet[]>(core.call('eval.criteria-sets', {}));
    expect(sets.map((s) => s.id)).toEqual(['drill-default', 'tabletop']);
    const form = { ...li, answers: [...li.answers, { criterionId: 'command-decision', value: 7, note: '' }] };
    await data(core.call('eval.save-form', { drillId: drill.id, form }));
    const switched = await data<EvaluationReport>(core.call('eval.set-criteria', { drillId: drill.id, criteria: sets[0]!, dropAnswers: true }));
    expect(switched.criteria.id).toBe('drill-default');
    expect(switched.forms[0]!.answers).toEqual([{ criterionId: 'command-decision', value: 7, note: '' }]);
    expect(switched.scores.criteria.find((c) => c.criterionId === 'command-decision')).toMatchObject({ mean: 0.7, answered: 1 });
  });

  it('refuses a set whose weights do not add up to 100, at the criteria list, saving nothing', async () => {
    const core = await makeCore();
    const drill = await tabletopDrill(core);
    const start = await data<EvaluationReport>(core.call('eval.get', { drillId: drill.id }));
    const heavy = { ...start.criteria, criteria: start.criteria.criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight + 5 } : c)) };
    expect(await core.call('eval.set-criteria', { drillId: drill.id, criteria: heavy })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: ['criteria', 'criteria'], message: '各评估项权重之和须为 100，现为 105' }] },
    });
    expect((await data<EvaluationReport>(core.call('eval.get', { drillId: drill.id }))).criteria).toEqual(start.criteria);
  });
});

describe('eval.save-form', () => {
  it('refuses a score above the criterion’s full marks (12 of 10), naming it, and saves nothing', async () => {
    const core = await makeCore();
    const drill = await tabletopDrill(core);
    await data<EvaluationReport>(core.call('eval.save-form', { drillId: drill.id, form: li }));
    const slip = { ...li, answers: [{ criterionId: 'plan-knowledge', value: 12, note: '' }, li.answers[1]!] };

    const refused = await core.call('eval.save-form', { drillId: drill.id, form: slip });
    expect(refused.ok).toBe(false);
    const error = (refused as { error: AppErrorData }).error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('超出');
    const knowledge = (await data<CriteriaSet[]>(core.call('eval.criteria-sets', {}))).find((s) => s.id === 'tabletop')!.criteria.find((c) => c.id === 'plan-knowledge')!;
    expect(error.details).toEqual([`${knowledge.title}：12 分超出范围，请填写 0～10 分`]);
    expect((await data<EvaluationReport>(core.call('eval.get', { drillId: drill.id }))).forms).toEqual([li]);
  });
});
