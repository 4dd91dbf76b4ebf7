// Drill frequency rules against a drill programme: met, 待安排 (this year still open), at risk (planned or due soon) and overdue.
import { describe, expect, it } from 'vitest';
import { checkCompliance, defaultComplianceRules, type CompliancePlan } from '../../electron/core/domain/drills/compliance';
import { complianceRuleSchema, type ComplianceRule, type Drill, type DrillStatus } from '../../electron/shared/schemas/drill';

const TODAY = '2025-06-01';

let seq = 0;
function drill(date: string, status: DrillStatus, planIds: string[] = [], more: Partial<Drill> = {}): Drill {
  const id = `d${++seq}`;
  return {
    id,
    name: `演练${id}`,
    form: 'tabletop',
    scope: 'single',
    purpose: 'test',
    hazard: '',
    keyIndustry: false,
    majorNaturalDisaster: false,
    planLinks: planIds.map((planId) => ({ planId, sectionIds: [] })),
    objectives: [],
    date,
    startTime: '09:00',
    endTime: null,
    place: '',
    organizer: '',
    participants: [],
    notes: '',
    status,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...more,
  };
}

const FOREST: CompliancePlan = { id: 'forest', title: '小店区森林火灾应急预案', hazard: '森林火灾', category: '自然灾害', status: 'published', archived: false };
const SAFETY: CompliancePlan = { id: 'safety', title: '小店区生产安全事故应急预案', hazard: '生产安全事故', category: '事故灾难', status: 'published', archived: false };

const rules = defaultComplianceRules();
const rule = (id: string) => rules.find((r) => r.id === id)!;
const threeYears = [rule('special-plans-3y')];
const check = (drills: Drill[], plans: CompliancePlan[] = [FOREST], only: ComplianceRule[] = threeYears, today = TODAY) => checkCompliance({ rules: only, drills, plans, today });
const one = (...args: Parameters<typeof check>) => {
  const findings = check(...args);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

describe('defaultComplianceRules', () => {
  it('are valid rules citing their sources', () => {
    expect(rules.map((r) => r.id)).toEqual(['annual-comprehensive', 'special-plans-3y', 'safety-plans-2y']);
    for (const r of rules) expect(complianceRuleSchema.parse(r)).toEqual(r);
    expect(rule('special-plans-3y')).toMatchObject({ kind: 'plan-cycle', years: 3, match: [] });
    expect(rule('special-plans-3y').basis).toContain('国办发〔2024〕5号');
    expect(rule('special-plans-3y').basis).toContain('晋政办发〔2024〕32号');
    expect(rule('safety-plans-2y')).toMatchObject({ kind: 'plan-cycle', years: 2, match: ['生产安全', '事故灾难'] });
    expect(rule('safety-plans-2y').basis).toContain('国务院令第708号');
    expect(rule('annual-comprehensive')).toMatchObject({ kind: 'annual-comprehensive', perYear: 1 });
  });
});

describe('plan-cycle rules', () => {
  it('is overdue past the cycle, naming the plan and the last drill', () => {
    const last = drill('2022-05-10', 'conducted', ['forest']);
    expect(one([last])).toEqual({
      ruleId: 'special-plans-3y',
      ruleLabel: '专项和部门应急预案至少每3年演练1次',
      state: 'overdue',
      message: '《小店区森林火灾应急预案》最近一次演练为2022年5月10日，已超过3年未演练',
      planId: 'forest',
      drillId: last.id,
      lastDrillDate: '2022-05-10',
      dueDate: '2025-05-10',
    });
  });

  it('is at risk, not overdue, when a drill of the plan is planned later this year', () => {
    const planned = drill('2025-10-15', 'preparing', ['forest'], { name: '森林火灾桌面推演' });
    const f = one([drill('2022-05-10', 'evaluated', ['forest']), planned]);
    expect(f).toMatchObject({ state: 'at-risk', drillId: planned.id, dueDate: '2025-05-10' });
    expect(f.message).toBe('《小店区森林火灾应急预案》最近一次演练为2022年5月10日，已超过3年未演练；已计划于2025年10月15日组织“森林火灾桌面推演”，需按计划实施');
  });

  it('stays overdue when the planned drill is next year, already past its date, or for another plan', () => {
    for (const planned of [drill('2026-01-10', 'planned', ['forest']), drill('2025-05-20', 'planned', ['forest']), drill('2025-09-01', 'planned', ['other'])]) {
      expect(one([drill('2022-05-10', 'conducted', ['forest']), planned]).state).toBe('overdue');
    }
  });

  it('is due the day the cycle ends, overdue the day after', () => {
    expect(one([drill('2022-06-01', 'conducted', ['forest'])]).state).toBe('at-risk');
    expect(one([drill('2022-05-31', 'conducted', ['forest'])]).state).toBe('overdue');
  });

  it('is at risk within 90 days of the due date, saying whether a drill is planned', () => {
    const f = one([drill('2022-07-01', 'conducted', ['forest'])]);
    expect(f).toMatchObject({ state: 'at-risk', dueDate: '2025-07-01' });
    expect(f.message).toBe('《小店区森林火灾应急预案》最近一次演练为2022年7月1日，应于2025年7月1日前再次演练（还有30天），尚未安排演练');
    const planned = drill('2025-06-20', 'planned', ['forest'], { name: '森林火灾实战演练' });
    const g = one([drill('2022-07-01', 'conducted', ['forest']), planned]);
    expect(g).toMatchObject({ state: 'at-risk', drillId: planned.id });
    expect(g.message).toContain('；已计划于2025年6月20日组织“森林火灾实战演练”，需按计划实施');
    expect(one([drill('2022-09-01', 'conducted', ['forest'])]).state).toBe('met');
    expect(one([drill('2022-08-30', 'conducted', ['forest'])]).state).toBe('at-risk');
  });

  it('counts a drill planned early next year when the due date falls next year', () => {
    const last = drill('2023-01-10', 'conducted', ['forest']);
    const planned = drill('2026-01-05', 'planned', ['forest']);
    const f = one([last, planned], [FOREST], threeYears, '2025-11-15');
    expect(f).toMatchObject({ state: 'at-risk', drillId: planned.id, dueDate: '2026-01-10' });
    expect(f.message).toContain('还有56天');
  });

  it('is met with a recent drill, counting only conducted, evaluated or archived drills', () => {
    const f = one([drill('2024-03-01', 'archived', ['forest']), drill('2025-05-01', 'planned', ['forest'])]);
    expect(f).toMatchObject({ state: 'met', lastDrillDate: '2024-03-01', dueDate: '2027-03-01' });
    expect(f.message).toBe('《小店区森林火灾应急预案》最近一次演练为2024年3月1日，下次应于2027年3月1日前演练');
  });

  it('treats a plan never drilled as due now', () => {
    const f = one([]);
    expect(f).toMatchObject({ state: 'overdue', lastDrillDate: null, dueDate: TODAY });
    expect(f.message).toBe('《小店区森林火灾应急预案》尚无演练记录，应至少每3年演练一次');
    expect(f.drillId).toBeUndefined();
    const planned = drill('2025-12-31', 'planned', ['forest']);
    expect(one([planned])).toMatchObject({ state: 'at-risk', drillId: planned.id });
  });

  it('uses the latest drill that links the plan', () => {
    const drills = [drill('2021-04-01', 'conducted', ['forest']), drill('2023-04-01', 'evaluated', ['forest', 'safety']), drill('2024-04-01', 'conducted', ['safety'])];
    expect(one(drills)).toMatchObject({ lastDrillDate: '2023-04-01', dueDate: '2026-04-01', state: 'met' });
  });

  it('leaves out archived and abolished plans', () => {
    expect(check([], [{ ...FOREST, archived: true }, { ...SAFETY, status: 'abolished' }])).toEqual([]);
    expect(check([], [{ ...FOREST, status: 'draft' }])).toHaveLength(1);
  });

  it('applies the 2-year rule only to safety-accident plans', () => {
    const drills = [drill('2023-05-01', 'conducted', ['forest', 'safety'])];
    const found = check(drills, [FOREST, SAFETY], [rule('safety-plans-2y')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ planId: 'safety', state: 'overdue', dueDate: '2025-05-01' });
    expect(found[0]!.message).toBe('《小店区生产安全事故应急预案》最近一次演练为2023年5月1日，已超过2年未演练');
    expect(check(drills, [FOREST, SAFETY], threeYears).map((f) => [f.planId, f.state])).toEqual([
      ['forest', 'met'],
      ['safety', 'met'],
    ]);
    // Matched by category as well as hazard.
    expect(check(drills, [{ ...SAFETY, hazard: '危险化学品' }], [rule('safety-plans-2y')])).toHaveLength(1);
  });

  it('lists the worst first within a rule', () => {
    const plans = [FOREST, { ...FOREST, id: 'b', title: '乙预案' }, { ...FOREST, id: 'c', title: '丙预案' }];
    const drills = [drill('2024-01-01', 'conducted', ['forest']), drill('2022-07-01', 'conducted', ['c'])];
    expect(check(drills, plans).map((f) => [f.planId, f.state])).toEqual([
      ['b', 'overdue'],
      ['c', 'at-risk'],
      ['forest', 'met'],
    ]);
  });

  it('moves a 29 February drill to 28 February', () => {
    expect(one([drill('2024-02-29', 'conducted', ['forest'])]).dueDate).toBe('2027-02-28');
  });
});

describe('annual comprehensive rule', () => {
  const annual = [rule('annual-comprehensive')];
  const comprehensive = (date: string, status: DrillStatus, more: Partial<Drill> = {}) => drill(date, status, [], { scope: 'comprehensive', majorNaturalDisaster: true, ...more });

  it('is met by a comprehensive drill this year for a key industry or a major natural disaster', () => {
    const done = comprehensive('2025-03-15', 'conducted', { name: '防汛综合演练' });
    expect(one([done], [], annual)).toEqual({
      ruleId: 'annual-comprehensive',
      ruleLabel: '重点行业领域或重大自然灾害每年至少组织1次综合演练',
      state: 'met',
      message: '2025年已组织重点行业领域或重大自然灾害综合演练1次，最近一次为2025年3月15日“防汛综合演练”',
      drillId: done.id,
      lastDrillDate: '2025-03-15',
      dueDate: '2025-12-31',
    });
    expect(one([comprehensive('2025-01-02', 'evaluated', { majorNaturalDisaster: false, keyIndustry: true })], [], annual).state).toBe('met');
  });

  it('is at risk when the year only has one planned', () => {
    const planned = comprehensive('2025-09-10', 'planned', { name: '地震综合演练' });
    const f = one([comprehensive('2024-09-10', 'conducted'), planned], [], annual);
    expect(f).toMatchObject({ state: 'at-risk', drillId: planned.id, lastDrillDate: '2024-09-10' });
    expect(f.message).toBe('2025年尚未组织重点行业领域或重大自然灾害综合演练；已计划于2025年9月10日组织“地震综合演练”，需按计划实施');
  });

  it('is still to schedule (待安排), not overdue, while the year lasts with none done or planned, whatever does not count', () => {
    const drills = [
      comprehensive('2024-09-10', 'conducted'),
      comprehensive('2025-04-01', 'conducted', { majorNaturalDisaster: false }),
      drill('2025-04-01', 'conducted', [], { majorNaturalDisaster: true }),
      comprehensive('2025-05-01', 'planned'),
      comprehensive('2026-02-01', 'planned'),
    ];
    const f = one(drills, [], annual);
    expect(f).toMatchObject({ state: 'unscheduled', lastDrillDate: '2024-09-10', dueDate: '2025-12-31' });
    expect(f.message).toBe('2025年尚未组织重点行业领域或重大自然灾害综合演练，也没有计划中的演练（每年至少1次），请在2025年12月31日前安排');
    expect(f.drillId).toBeUndefined();
  });

  it('on a new data folder is 待安排, then at risk in the last 90 days of the year, never overdue before the year ends', () => {
    expect(one([], [], annual, '2026-01-01').state).toBe('unscheduled');
    expect(one([], [], annual, '2026-10-01').state).toBe('unscheduled');
    // The tester's clock: a month left and nothing planned.
    const late = one([], [], annual, '2026-11-30');
    expect(late).toMatchObject({ state: 'at-risk', lastDrillDate: null, dueDate: '2026-12-31' });
    expect(late.message).toBe('2026年尚未组织重点行业领域或重大自然灾害综合演练，也没有计划中的演练（每年至少1次），距年底仅剩31天');
    expect(one([], [], annual, '2026-12-31').state).toBe('at-risk');
  });

  it('is overdue once a past year went without, when the programme reaches back to it', () => {
    const older = comprehensive('2023-09-10', 'conducted');
    const f = one([older], [], annual);
    expect(f).toMatchObject({ state: 'overdue', lastDrillDate: '2023-09-10' });
    expect(f.message).toBe('2024年未组织重点行业领域或重大自然灾害综合演练（每年至少1次）；2025年尚未组织重点行业领域或重大自然灾害综合演练，也没有计划中的演练（每年至少1次）');
    // Any record of last year counts as the programme reaching back, a drill that does not qualify included.
    expect(one([drill('2024-03-01', 'planned')], [], annual).state).toBe('overdue');
    // Planning this year's drill, or holding it, is what is left to do about it.
    expect(one([older, comprehensive('2025-09-01', 'planned')], [], annual).state).toBe('at-risk');
    expect(one([older, comprehensive('2025-03-01', 'conducted')], [], annual).state).toBe('met');
  });

  it('counts up to perYear', () => {
    const twice: ComplianceRule[] = [{ ...rule('annual-comprehensive'), perYear: 2 } as ComplianceRule];
    const done = comprehensive('2025-02-01', 'conducted');
    expect(one([done], [], twice)).toMatchObject({ state: 'unscheduled', message: '2025年已组织重点行业领域或重大自然灾害综合演练1次，少于每年至少2次，也没有计划中的演练，请在2025年12月31日前安排' });
    expect(one([comprehensive('2025-07-01', 'planned')], [], twice).message).toBe('2025年尚未组织重点行业领域或重大自然灾害综合演练，加上计划中的演练仍不足（每年至少2次），请在2025年12月31日前安排');
    expect(one([done, comprehensive('2025-11-01', 'preparing')], [], twice).state).toBe('at-risk');
    expect(one([done, comprehensive('2025-05-01', 'archived')], [], twice).state).toBe('met');
  });
});

it('checks every rule in order', () => {
  const findings = checkCompliance({ rules, drills: [], plans: [FOREST, SAFETY], today: TODAY });
  expect(findings.map((f) => [f.ruleId, f.planId ?? null, f.state])).toEqual([
    ['annual-comprehensive', null, 'unscheduled'],
    ['special-plans-3y', 'forest', 'overdue'],
    ['special-plans-3y', 'safety', 'overdue'],
    ['safety-plans-2y', 'safety', 'overdue'],
  ]);
});

it('skips a disabled rule and keeps checking the others', () => {
  const off = rules.map((r) => (r.id === 'special-plans-3y' ? { ...r, enabled: false } : r));
  const findings = checkCompliance({ rules: off, drills: [], plans: [FOREST, SAFETY], today: TODAY });
  expect(findings.map((f) => f.ruleId)).toEqual(['annual-comprehensive', 'safety-plans-2y']);
});

it('reads a rule saved before rules could be switched off as switched on', () => {
  const { enabled: _e, ...older } = rule('special-plans-3y');
  expect(complianceRuleSchema.parse(older)).toEqual(rule('special-plans-3y'));
});

describe('a plan never drilled', () => {
  it('is due a full cycle after it came into force, not at once', () => {
    expect(check([], [{ ...FOREST, since: '2024-03-01' }])[0]!.state).toBe('met');
    expect(check([], [{ ...FOREST, since: '2022-07-15' }])[0]!.state).toBe('at-risk');
    expect(check([], [{ ...FOREST, since: '2021-01-10' }])[0]!.state).toBe('overdue');
  });
});
