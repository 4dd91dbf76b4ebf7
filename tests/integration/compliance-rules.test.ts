// The drill-frequency rules through the core: saved rules drive the check, bad ones are refused field by field, reset forgets them.
import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../electron/shared/errors';
import type { ComplianceReport, ComplianceRule, Drill } from '../../electron/shared/schemas/drill';
import type { PlanSummary } from '../../electron/shared/schemas/plan';
import { defaultComplianceRules } from '../../electron/core/domain/drills/compliance';
import { data, fixedClock, makeCore } from '../helpers/core';
import { tempDir } from '../helpers/temp-dir';

const TODAY = '2026-06-01T10:00:00+08:00';

/** A forest-fire plan last drilled 2½ years ago: within three years, past two. */
async function drilledPlan(core: Awaited<ReturnType<typeof makeCore>>) {
  const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
  const drill = await data<Drill>(
    core.call('drill.create', {
      name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: false,
      planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date: '2023-12-01', startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
    }),
  );
  await data(core.call('drill.set-status', { id: drill.id, status: 'conducted' }));
  return plan;
}

const stateOf = (r: ComplianceReport, ruleId: string, planId?: string) => r.findings.find((f) => f.ruleId === ruleId && f.planId === planId)?.state;

describe('compliance rules', () => {
  it('checks the programme against the saved rules, and after a reopen too', async () => {
    const dir = tempDir();
    const core = await makeCore({ dataDir: dir, clock: fixedClock(TODAY) });
    const plan = await drilledPlan(core);
    const before = await data<ComplianceReport>(core.call('compliance.get', {}));
    expect(before.rules).toEqual(defaultComplianceRules());
    expect(stateOf(before, 'special-plans-3y', plan.id)).toBe('met');

    const rules = defaultComplianceRules().map((r) => (r.id === 'special-plans-3y' ? { ...r, years: 2, label: '专项和部门应急预案至少每2年演练1次' } : r.id === 'annual-comprehensive' ? { ...r, enabled: false } : r));
    expect(await data<ComplianceRule[]>(core.call('compliance.save-rules', { rules }))).toEqual(rules);
    const after = await data<ComplianceReport>(core.call('compliance.get', {}));
    expect(stateOf(after, 'special-plans-3y', plan.id)).toBe('overdue');
    expect(after.findings.find((f) => f.planId === plan.id)!.message).toContain('已超过2年未演练');
    expect(after.findings.some((f) => f.ruleId === 'annual-comprehensive')).toBe(false);
    core.close();

    const reopened = await makeCore({ dataDir: dir, clock: fixedClock(TODAY) });
    expect((await data<ComplianceReport>(reopened.call('compliance.get', {}))).rules).toEqual(rules);
  });

  it('refuses invalid rules with a Chinese message at each field, saving nothing', async () => {
    const core = await makeCore({ clock: fixedClock(TODAY) });
    const [annual, cycle] = defaultComplianceRules() as [ComplianceRule, ComplianceRule];
    const bad = [
      { ...annual, perYear: 1.5 },
      { ...cycle, years: 0, label: '  ' },
      { ...cycle, id: 'extra', years: null },
      { ...cycle, id: 'extra', years: 11 },
    ];
    const r = await core.call('compliance.save-rules', { rules: bad });
    expect(r.ok).toBe(false);
    const error = (r as { error: AppErrorData }).error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([
      { path: ['rules', 0, 'perYear'], message: '每年演练次数须为整数' },
      { path: ['rules', 1, 'label'], message: '规则名称不能为空' },
      { path: ['rules', 1, 'years'], message: '演练周期至少为 1 年' },
      { path: ['rules', 2, 'years'], message: '请填写演练周期' },
      { path: ['rules', 3, 'years'], message: '演练周期不能超过 10 年' },
    ]);
    const dup = await core.call('compliance.save-rules', { rules: [cycle, { ...cycle }] });
    expect(dup).toMatchObject({ ok: false, error: { fields: [{ path: ['rules', 1, 'id'], message: `规则编号“${cycle.id}”重复` }] } });
    expect((await data<ComplianceReport>(core.call('compliance.get', {}))).rules).toEqual(defaultComplianceRules());
  });

  it('resets to the shipped rules by forgetting the saved ones', async () => {
    const core = await makeCore({ clock: fixedClock(TODAY) });
    const plan = await drilledPlan(core);
    const only = defaultComplianceRules().filter((r) => r.id === 'special-plans-3y').map((r) => ({ ...r, years: 2 }));
    await data(core.call('compliance.save-rules', { rules: only }));
    expect(stateOf(await data<ComplianceReport>(core.call('compliance.get', {})), 'special-plans-3y', plan.id)).toBe('overdue');

    expect(await data<ComplianceRule[]>(core.call('compliance.reset-rules', {}))).toEqual(defaultComplianceRules());
    const db = core.context.store.get();
    expect(db.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'compliance.rules'").get()).toEqual({ n: 0 });
    const report = await data<ComplianceReport>(core.call('compliance.get', {}));
    expect(report.rules).toEqual(defaultComplianceRules());
    expect(stateOf(report, 'special-plans-3y', plan.id)).toBe('met');
  });

  it('reads rules saved before the on/off switch as switched on', async () => {
    const core = await makeCore({ clock: fixedClock(TODAY) });
    const older = defaultComplianceRules().map(({ enabled: _e, ...r }) => r);
    core.context.store.get().prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('compliance.rules', ?, '2025-01-01T00:00:00Z')").run(JSON.stringify(older));
    expect((await data<ComplianceReport>(core.call('compliance.get', {}))).rules.map((r) => r.enabled)).toEqual([true, true, true]);
  });
});

describe('compliance check dates', () => {
  it('counts a drill that was run from the local day its clock started, not its planned date (as 最近演练 does)', async () => {
    // Midday UTC: the same calendar day on any machine within eleven hours of Greenwich.
    const clock = fixedClock('2023-12-01T12:00:00Z');
    const core = await makeCore({ clock });
    const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
    // Planned for 2023-03-01, run nine months late: three years from the plan would be past due by June 2026, from the run it is not.
    const drill = await data<Drill>(
      core.call('drill.create', {
        name: '森林火灾桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: false,
        planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date: '2023-03-01', startTime: '09:00', endTime: null, place: '', organizer: '', participants: [], notes: '',
      }),
    );
    await data(core.call('run.log', { drillId: drill.id, type: 'clock.start' }));
    clock.advance(30 * 60_000);
    await data(core.call('run.log', { drillId: drill.id, type: 'clock.end' }));
    await data(core.call('drill.set-status', { id: drill.id, status: 'conducted' }));

    const report = await data<ComplianceReport>(core.call('compliance.get', { today: '2026-06-01' }));
    const finding = report.findings.find((f) => f.ruleId === 'special-plans-3y' && f.planId === plan.id)!;
    expect(finding).toMatchObject({ state: 'met', lastDrillDate: '2023-12-01', dueDate: '2026-12-01' });
    expect(finding.message).toContain('最近一次演练为2023年12月1日');
  });
});
