// An improvement item on a plan clause raises a revision request on that plan, whatever its category; an item
// that would raise nothing (a plan change without clauses, clauses without a plan change) is refused at its field.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import type { AppErrorData } from '../../electron/shared/errors';
import type { ImprovementItem, ItemInput, RevisionRequest } from '../../electron/shared/schemas/evaluation';
import type { PlanDetail } from '../../electron/shared/schemas/plan';
import { ITEM_CATEGORIES } from '../../electron/shared/vocabulary';
import { data, fixedClock, makeCore } from '../helpers/core';
import { editSection } from '../helpers/plan-edits';
import { tempDir } from '../helpers/temp-dir';
import type { HomeSummary } from '../../electron/shared/schemas/home';

async function forestFirePlan(core: Core): Promise<PlanDetail> {
  const { id } = await data<{ id: string }>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
  return data<PlanDetail>(core.call('plan.get', { id }));
}

const sectionId = (plan: PlanDetail, title: string) => plan.doc.sections.find((s) => s.title === title)!.id;

function item(over: Partial<ItemInput> = {}): ItemInput {
  return { findingId: null, drillId: null, description: '首报超时', measure: '', category: '', unit: '区林业局', owner: '', deadline: '2026-06-30', needsPlanChange: false, clauses: [], ...over };
}

/** A forest-fire plan on a clock that moves a minute before each version it saves. */
async function planWithVersions() {
  const clock = fixedClock();
  const core = await makeCore({ clock });
  const plan = await forestFirePlan(core);
  const version = (note: string) => {
    clock.advance(60_000);
    return data<{ id: string; seq: number }>(core.call('plan.save-version', { id: plan.id, note }));
  };
  return { clock, core, plan, version };
}

async function refused(core: Core, input: unknown): Promise<AppErrorData> {
  const r = await core.call('item.save', input);
  if (r.ok) throw new Error('item.save accepted what it should refuse');
  return r.error;
}

describe('item.save and revision requests', () => {
  it('raises a request on the clause’s plan for an item of every category, and request.list names it', async () => {
    const core = await makeCore();
    const plan = await forestFirePlan(core);
    const clause = { planId: plan.id, sectionId: sectionId(plan, '报告时限与程序') };
    for (const category of ['', ...ITEM_CATEGORIES]) {
      const saved = await data<ImprovementItem>(core.call('item.save', { item: item({ category, needsPlanChange: true, clauses: [clause] }) }));
      expect(saved.request, category || '（无类别）').toMatchObject({ planId: plan.id, sectionIds: [clause.sectionId], status: 'open' });
    }
    const requests = await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }));
    expect(requests).toHaveLength(ITEM_CATEGORIES.length + 1);
    // The 工作台 lists them, the clause named as the plan numbers it, opening where the plan must change.
    const home = await data<HomeSummary>(core.call('home.summary', {}));
    expect(home.openRequests).toHaveLength(requests.length);
    expect(home.openRequests[0]).toMatchObject({ planId: plan.id, planTitle: plan.title, sectionId: clause.sectionId, clauses: [expect.stringMatching(/^\d+(\.\d+)* 报告时限与程序$/)] });
  });

  it('refuses a plan change without a clause, naming the clause field, and saves nothing', async () => {
    const core = await makeCore();
    await forestFirePlan(core);
    const error = await refused(core, { item: item({ needsPlanChange: true }) });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([{ path: ['item', 'clauses'], message: expect.stringContaining('请选择需修订的预案条款') }]);
    expect(await data<ImprovementItem[]>(core.call('item.list', {}))).toEqual([]);
    expect(await data<RevisionRequest[]>(core.call('request.list', {}))).toEqual([]);
  });

  it('refuses clauses without a plan change, clauses of two plans, and a clause no longer in its plan', async () => {
    const core = await makeCore();
    const a = await forestFirePlan(core);
    const b = await forestFirePlan(core);
    const inA = { planId: a.id, sectionId: sectionId(a, '报告时限与程序') };
    const inB = { planId: b.id, sectionId: sectionId(b, '报告时限与程序') };

    expect((await refused(core, { item: item({ clauses: [inA] }) })).fields).toEqual([{ path: ['item', 'needsPlanChange'], message: expect.stringContaining('未勾选“需要修订预案”') }]);
    expect((await refused(core, { item: item({ needsPlanChange: true, clauses: [inA, inB] }) })).fields).toEqual([{ path: ['item', 'clauses'], message: expect.stringContaining('分属 2 个预案') }]);
    const gone = await refused(core, { item: item({ needsPlanChange: true, clauses: [{ planId: a.id, sectionId: 's-gone' }] }) });
    expect(gone).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(`所选条款已不在预案《${a.title}》中`) });
    expect(await data<ImprovementItem[]>(core.call('item.list', {}))).toEqual([]);
  });

  it('follows the item’s edits while open, and leaves a resolved request as the version left it', async () => {
    const core = await makeCore();
    const plan = await forestFirePlan(core);
    const report = { planId: plan.id, sectionId: sectionId(plan, '报告时限与程序') };
    const start = { planId: plan.id, sectionId: sectionId(plan, '先期处置') };
    const first = await data<ImprovementItem>(core.call('item.save', { item: item({ needsPlanChange: true, clauses: [report] }) }));

    const moved = await data<ImprovementItem>(core.call('item.save', { id: first.id, item: item({ needsPlanChange: true, clauses: [report, start] }) }));
    expect(moved.request).toMatchObject({ id: first.request!.id, sectionIds: [report.sectionId, start.sectionId] });
    const dropped = await data<ImprovementItem>(core.call('item.save', { id: first.id, item: item() }));
    expect(dropped.request).toBeNull();
    expect(await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }))).toEqual([]);

    const again = await data<ImprovementItem>(core.call('item.save', { id: first.id, item: item({ needsPlanChange: true, clauses: [report] }) }));
    // The plan's first version, which rewrites the clause, resolves it.
    await editSection(core, plan, '报告时限与程序', '接报后15分钟内电话报告。');
    const v1 = await data<{ id: string }>(core.call('plan.save-version', { id: plan.id, note: '修订信息报告时限' }));
    await data(core.call('request.resolve', { id: again.request!.id, versionId: v1.id }));

    const conflict = await refused(core, { id: first.id, item: item({ needsPlanChange: true, clauses: [start] }) });
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已由 V1 销号') });
    expect((await refused(core, { id: first.id, item: item() })).code).toBe('CONFLICT');
    const edited = await data<ImprovementItem>(core.call('item.save', { id: first.id, item: item({ owner: '王林', needsPlanChange: true, clauses: [report] }) }));
    expect(edited).toMatchObject({ owner: '王林', request: { status: 'resolved', resolvedVersionLabel: 'V1', sectionIds: [report.sectionId] } });
  });

  it('is closed only by a version saved after it that changes one of its clauses, and request.list offers just those', async () => {
    const { clock, core, plan, version } = await planWithVersions();
    const resolve = (requestId: string, versionId: string) => core.call('request.resolve', { id: requestId, versionId });
    const v1 = await version('演练前自动备份');
    clock.advance(60_000);
    const clause = { planId: plan.id, sectionId: sectionId(plan, '先期处置') };
    const raised = (await data<ImprovementItem>(core.call('item.save', { item: item({ needsPlanChange: true, clauses: [clause] }) }))).request!;
    const list = async () => (await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }))).find((r) => r.id === raised.id)!;

    // V1 predates the request; V2 changes another clause only.
    expect(await resolve(raised.id, v1.id)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'V1 保存于该修订请求提出之前，不能据此销号。' } });
    await editSection(core, plan, '报告时限与程序', '接报后15分钟内电话报告。');
    const v2 = await version('修订报告时限');
    expect(await resolve(raised.id, v2.id)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'V2 没有修改该请求涉及的条款（与提出请求时相比），不能据此销号。' } });
    expect((await list()).resolvingVersionIds).toEqual([]);

    // V3 rewrites the clause; V4 after it leaves the clause as V3 made it, still changed from V1.
    await editSection(core, await data<PlanDetail>(core.call('plan.get', { id: plan.id })), '先期处置', '林业站接报后30分钟内到场先期处置。');
    const v3 = await version('修订先期处置');
    const v4 = await version('定稿');
    expect((await list()).resolvingVersionIds).toEqual([v4.id, v3.id]);
    expect((await list()).status).toBe('open');
    await data(resolve(raised.id, v3.id));
    expect(await list()).toMatchObject({ status: 'resolved', resolvedVersionLabel: 'V3' });
    expect((await list()).resolvingVersionIds).toBeUndefined();
  });

  it('raised before the plan has any version, is closed only by a version that changes its clause as it was then', async () => {
    const { clock, core, plan, version } = await planWithVersions();
    // 先期处置 was rewritten in the draft before the request: that edit does not answer it.
    await editSection(core, plan, '先期处置', '林业站接报后立即到场。');
    clock.advance(60_000);
    const clause = { planId: plan.id, sectionId: sectionId(plan, '先期处置') };
    const raised = (await data<ImprovementItem>(core.call('item.save', { item: item({ needsPlanChange: true, clauses: [clause] }) }))).request!;
    const list = async () => (await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }))).find((r) => r.id === raised.id)!;

    await editSection(core, await data<PlanDetail>(core.call('plan.get', { id: plan.id })), '报告时限与程序', '接报后15分钟内电话报告。');
    const v1 = await version('修订报告时限');
    expect(await core.call('request.resolve', { id: raised.id, versionId: v1.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'V1 没有修改该请求涉及的条款（与提出请求时相比），不能据此销号。' } });
    expect((await list()).resolvingVersionIds).toEqual([]);

    await editSection(core, await data<PlanDetail>(core.call('plan.get', { id: plan.id })), '先期处置', '林业站接报后30分钟内到场先期处置。');
    const v2 = await version('修订先期处置');
    expect((await list()).resolvingVersionIds).toEqual([v2.id]);
    await data(core.call('request.resolve', { id: raised.id, versionId: v2.id }));
    expect(await list()).toMatchObject({ status: 'resolved', resolvedVersionLabel: 'V2' });
  });

  it('saving a version closes the requests it is asked to, in the same write; request.list says which the draft would close', async () => {
    const { core, plan, version } = await planWithVersions();
    const raise = async (title: string) => (await data<ImprovementItem>(core.call('item.save', { item: item({ needsPlanChange: true, clauses: [{ planId: plan.id, sectionId: sectionId(plan, title) }] }) }))).request!;
    const report = await raise('报告时限与程序');
    const first = await raise('先期处置');
    const draftResolves = async () => Object.fromEntries((await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }))).map((r) => [r.id, r.draftResolves]));
    expect(await draftResolves()).toEqual({ [report.id]: false, [first.id]: false });

    await editSection(core, await data<PlanDetail>(core.call('plan.get', { id: plan.id })), '报告时限与程序', '接报后15分钟内电话报告。');
    expect(await draftResolves()).toEqual({ [report.id]: true, [first.id]: false });

    // One the version cannot close refuses the whole save: no version, nothing closed.
    const refusedSave = await core.call('plan.save-version', { id: plan.id, note: '修订报告时限', resolveRequests: [report.id, first.id] });
    expect(refusedSave).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'V1 没有修改该请求涉及的条款（与提出请求时相比），不能据此销号。' } });
    expect((await data<{ versions: unknown[] }>(core.call('plan.history', { id: plan.id }))).versions).toHaveLength(0);
    expect(await draftResolves()).toEqual({ [report.id]: true, [first.id]: false });

    const v1 = await data<{ id: string; seq: number }>(core.call('plan.save-version', { id: plan.id, note: '修订报告时限', resolveRequests: [report.id] }));
    expect(v1.seq).toBe(1);
    const after = await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }));
    expect(after.find((r) => r.id === report.id)).toMatchObject({ status: 'resolved', resolvedVersionId: v1.id, resolvedVersionLabel: 'V1' });
    expect(after.find((r) => r.id === first.id)).toMatchObject({ status: 'open' });

    // Closed already: saving another version cannot close it again.
    await editSection(core, await data<PlanDetail>(core.call('plan.get', { id: plan.id })), '报告时限与程序', '接报后10分钟内电话报告。');
    expect(await core.call('plan.save-version', { id: plan.id, note: '再修订', resolveRequests: [report.id] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该修订请求已由 V1 修订销号。' } });
    expect((await version('再修订')).seq).toBe(2);
  });

  it('publishing a revision closes the requests it is asked to, in the same write as the published version', async () => {
    const { core, plan } = await planWithVersions();
    const req = (await data<ImprovementItem>(core.call('item.save', { item: item({ needsPlanChange: true, clauses: [{ planId: plan.id, sectionId: sectionId(plan, '报告时限与程序') }] }) }))).request!;
    const publish = (over: object) => core.call('plan.set-status', { id: plan.id, to: 'published', date: '2026-03-01', actor: '', department: '区人民政府', ...over });
    // Only 发布 saves a version, so only 发布 can close a request.
    expect(await core.call('plan.set-status', { id: plan.id, to: 'consultation', date: '2026-03-01', actor: '', department: '', resolveRequests: [req.id] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The clause not changed yet: the publish is refused whole, the plan stays a draft with no version.
    expect(await publish({ resolveRequests: [req.id] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).toMatchObject({ status: 'draft' });
    expect((await data<{ versions: unknown[] }>(core.call('plan.history', { id: plan.id }))).versions).toHaveLength(0);

    await editSection(core, await data<PlanDetail>(core.call('plan.get', { id: plan.id })), '报告时限与程序', '接报后15分钟内电话报告。');
    await data(publish({ note: '修订报告时限', resolveRequests: [req.id] }));
    const { versions } = await data<{ versions: { id: string; seq: number; kind: string }[] }>(core.call('plan.history', { id: plan.id }));
    const after = await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }));
    expect(after[0]).toMatchObject({ status: 'resolved', resolvedVersionId: versions[0]!.id, resolvedVersionLabel: 'V1' });
  });

  it('a request raised before its clauses were recorded keeps the old rule: the plan\'s first version may close it', async () => {
    const dataDir = tempDir();
    const clock = fixedClock();
    let core = await makeCore({ dataDir, clock });
    const plan = await forestFirePlan(core);
    const clause = { planId: plan.id, sectionId: sectionId(plan, '先期处置') };
    const raised = (await data<ImprovementItem>(core.call('item.save', { item: item({ needsPlanChange: true, clauses: [clause] }) }))).request!;
    core.close();
    // As a database migrated from before 009 holds it.
    const db = new Database(path.join(dataDir, 'workbench.db'));
    db.prepare('UPDATE revision_requests SET raised_clauses_json = NULL').run();
    db.close();
    core = await makeCore({ dataDir, clock });
    clock.advance(60_000);
    const v1 = await data<{ id: string }>(core.call('plan.save-version', { id: plan.id, note: '初稿' }));
    const [request] = await data<RevisionRequest[]>(core.call('request.list', { planId: plan.id }));
    expect(request!.resolvingVersionIds).toEqual([v1.id]);
    await data(core.call('request.resolve', { id: raised.id, versionId: v1.id }));
  });
});

describe('item.save and the drill’s held date', () => {
  /** A drill planned for 2026-03-01 whose clock started (on the test clock) 2026-03-20. */
  async function heldLate() {
    const clock = fixedClock('2026-03-20T12:00:00+08:00');
    const core = await makeCore({ clock });
    const drill = await data<{ id: string }>(
      core.call('drill.create', {
        name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: false,
        planLinks: [], objectives: [], date: '2026-03-01', startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
      }),
    );
    return { core, drill };
  }

  it('refuses a deadline before the day the drill was planned for, naming both dates, and saves nothing', async () => {
    const { core, drill } = await heldLate();
    const error = await refused(core, { item: item({ drillId: drill.id, deadline: '2026-02-28' }) });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('2026-02-28');
    expect(error.message).toContain('2026-03-01');
    expect(error.message).toContain('早于');
    expect(await data<ImprovementItem[]>(core.call('item.list', {}))).toEqual([]);
    const same = await data<ImprovementItem>(core.call('item.save', { item: item({ drillId: drill.id, deadline: '2026-03-01' }) }));
    expect(same.drillHeldOn).toBe('2026-03-01');
  });

  it('dates a drill that was run by the day its clock started (the 最近演练 rule), for items raised from its findings too', async () => {
    const { core, drill } = await heldLate();
    await data(core.call('run.log', { drillId: drill.id, type: 'clock.start' }));
    const finding = await data<{ id: string }>(core.call('finding.save', { drillId: drill.id, finding: { kind: 'problem', title: '首报超时', detail: '', criterionId: null, injectIds: [], observationIds: [], clauses: [], unit: '区林业局' } }));
    // After the planned date but before the run is refused now, even with only the finding named.
    const error = await refused(core, { item: item({ findingId: finding.id, deadline: '2026-03-10' }) });
    expect(error.message).toContain('2026-03-10');
    expect(error.message).toContain('2026-03-20');
    const saved = await data<ImprovementItem>(core.call('item.save', { item: item({ findingId: finding.id, drillId: drill.id, deadline: '2026-04-30' }) }));
    expect(saved.drillHeldOn).toBe('2026-03-20');
    // Editing it back to before the run is refused and leaves it as saved.
    expect((await refused(core, { id: saved.id, item: item({ findingId: finding.id, drillId: drill.id, deadline: '2026-03-19' }) })).code).toBe('INVALID_INPUT');
    expect((await data<ImprovementItem[]>(core.call('item.list', {})))[0]!.deadline).toBe('2026-04-30');
  });

  it('leaves an item without a drill free to take any deadline', async () => {
    const { core } = await heldLate();
    const saved = await data<ImprovementItem>(core.call('item.save', { item: item({ deadline: '2026-01-05' }) }));
    expect(saved.drillHeldOn).toBeNull();
  });
});
