// Drill frequency rules (domain.md §3.10) checked against the drill programme: what is met, at risk, overdue.
//
// States read as an outlook, not only a verdict:
// - met: satisfied, and not due within the next 90 days;
// - at-risk: it will only be met if a planned drill happens, or its due date is within 90 days;
// - unscheduled (待安排): the current period is not over and nothing planned meets it yet;
// - overdue: past due (a plan never drilled is due a cycle after it came into force) with nothing planned to make it up.
// For the annual rule the year is the period: a year not yet met is 待安排 until its last 90 days (then at risk),
// never overdue while it lasts; it is overdue when last year passed short of it — judged only when the programme
// reaches back that far, since a new data folder knows nothing of the years before it.
import type { ComplianceFinding, ComplianceRule, ComplianceState, Drill } from '../../../shared/schemas/drill';

export interface CompliancePlan {
  id: string;
  title: string;
  hazard: string;
  category: string;
  status: string;
  archived: boolean;
  /** When the plan came into force (published, else created), YYYY-MM-DD: a never-drilled plan is due this many years on. */
  since?: string | null;
}

export interface ComplianceInput {
  rules: ComplianceRule[];
  drills: Drill[];
  plans: CompliancePlan[];
  /** YYYY-MM-DD, local. */
  today: string;
}

/** How close a due date must be before it is flagged. */
const SOON_DAYS = 90;

export function defaultComplianceRules(): ComplianceRule[] {
  return [
    {
      id: 'annual-comprehensive',
      kind: 'annual-comprehensive',
      label: '重点行业领域或重大自然灾害每年至少组织1次综合演练',
      enabled: true,
      perYear: 1,
      // domain.md §1.3/§7: the national texts say “有针对性地经常开展”; a yearly figure is local practice.
      basis: '《突发事件应急预案管理办法》（国办发〔2024〕5号）：自然灾害多发易发地区、重点行业领域应有针对性地经常开展应急演练；“每年至少1次”为本地工作要求，国家文本未规定固定频次',
    },
    {
      id: 'special-plans-3y',
      kind: 'plan-cycle',
      label: '专项和部门应急预案至少每3年演练1次',
      enabled: true,
      years: 3,
      match: [],
      basis: '《突发事件应急预案管理办法》（国办发〔2024〕5号）、《山西省突发事件应急预案管理办法》（晋政办发〔2024〕32号）：专项应急预案、部门应急预案至少每3年进行一次演练',
    },
    {
      id: 'safety-plans-2y',
      kind: 'plan-cycle',
      label: '生产安全事故应急救援预案至少每2年演练1次',
      enabled: true,
      years: 2,
      match: ['生产安全', '事故灾难'],
      basis: '《生产安全事故应急条例》（国务院令第708号）第八条：县级以上地方人民政府以及负有安全生产监督管理职责的部门，乡、镇人民政府以及街道办事处等，应当至少每2年组织1次生产安全事故应急救援预案演练',
    },
  ];
}

// ---- dates (YYYY-MM-DD strings; whole days, no time zone) -----------------------------------------

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The same month and day `years` later; 29 February falls back to the 28th. */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const lastDay = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** 2022年5月10日 */
function cnDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

// ---- drills ----------------------------------------------------------------------------------------

const isDone = (d: Drill) => d.status === 'conducted' || d.status === 'evaluated' || d.status === 'archived';
const isPlanned = (d: Drill) => d.status === 'planned' || d.status === 'preparing';
const byDate = (a: Drill, b: Drill) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/** Planned drills from today up to `until`, earliest first: a planned date already past no longer counts. */
const plannedBetween = (drills: Drill[], today: string, until: string) => drills.filter((d) => isPlanned(d) && d.date >= today && d.date <= until).sort(byDate);

const bookTitle = (title: string) => `《${title.replace(/^《|》$/g, '')}》`;
const plannedNote = (d: Drill) => `已计划于${cnDate(d.date)}组织“${d.name}”，需按计划实施`;

// ---- rules -----------------------------------------------------------------------------------------

type AnnualRule = Extract<ComplianceRule, { kind: 'annual-comprehensive' }>;
type CycleRule = Extract<ComplianceRule, { kind: 'plan-cycle' }>;

function checkAnnual(rule: AnnualRule, drills: Drill[], today: string): ComplianceFinding {
  const year = today.slice(0, 4);
  const yearEnd = `${year}-12-31`;
  const counted = drills.filter((d) => d.scope === 'comprehensive' && (d.keyIndustry || d.majorNaturalDisaster));
  const everDone = counted.filter(isDone).sort(byDate);
  const done = everDone.filter((d) => d.date.startsWith(`${year}-`));
  const planned = plannedBetween(counted, today, yearEnd);
  const what = '重点行业领域或重大自然灾害综合演练';
  const base = { ruleId: rule.id, ruleLabel: rule.label, lastDrillDate: everDone[everDone.length - 1]?.date ?? null, dueDate: yearEnd };
  const latest = done[done.length - 1];
  if (latest && done.length >= rule.perYear) {
    return { ...base, state: 'met', drillId: latest.id, message: `${year}年已组织${what}${done.length}次，最近一次为${cnDate(latest.date)}“${latest.name}”` };
  }
  const sofar = done.length ? `${year}年已组织${what}${done.length}次，少于每年至少${rule.perYear}次` : `${year}年尚未组织${what}`;
  const next = planned[0];
  if (next && done.length + planned.length >= rule.perYear) {
    return { ...base, state: 'at-risk', drillId: next.id, message: `${sofar}；${plannedNote(next)}` };
  }
  const perYear = done.length ? '' : `（每年至少${rule.perYear}次）`;
  const short = next ? `，加上计划中的演练仍不足${perYear}` : `，也没有计划中的演练${perYear}`;
  const drill = next ? { drillId: next.id } : {};
  const lastYear = Number(year) - 1;
  const lastYearDone = everDone.filter((d) => d.date.startsWith(`${lastYear}-`)).length;
  if (drills.some((d) => d.date < `${year}-01-01`) && lastYearDone < rule.perYear) {
    const missed = lastYearDone ? `${lastYear}年仅组织${what}${lastYearDone}次` : `${lastYear}年未组织${what}`;
    return { ...base, state: 'overdue', ...drill, message: `${missed}（每年至少${rule.perYear}次）；${sofar}${short}` };
  }
  const left = daysBetween(today, yearEnd);
  if (left <= SOON_DAYS) return { ...base, state: 'at-risk', ...drill, message: `${sofar}${short}，距年底仅剩${left}天` };
  return { ...base, state: 'unscheduled', ...drill, message: `${sofar}${short}，请在${cnDate(yearEnd)}前安排` };
}

function matches(rule: CycleRule, plan: CompliancePlan): boolean {
  return rule.match.length === 0 || rule.match.some((w) => w !== '' && (plan.hazard.includes(w) || plan.category.includes(w)));
}

function checkPlanCycle(rule: CycleRule, plan: CompliancePlan, drills: Drill[], today: string): ComplianceFinding {
  const linked = drills.filter((d) => d.planLinks.some((l) => l.planId === plan.id));
  const done = linked.filter(isDone).sort(byDate);
  const last = done[done.length - 1] ?? null;
  const title = bookTitle(plan.title);
  const yearEnd = `${today.slice(0, 4)}-12-31`;
  // Never drilled: due the cycle's length after the plan came into force (now, when that is unknown).
  const due = last ? addYears(last.date, rule.years) : plan.since ? addYears(plan.since, rule.years) : today;
  const base = { ruleId: rule.id, ruleLabel: rule.label, planId: plan.id, lastDrillDate: last?.date ?? null, dueDate: due };
  const lastText = last ? `${title}最近一次演练为${cnDate(last.date)}` : `${title}尚无演练记录`;

  const result = (state: ComplianceState, message: string, drill?: Drill | null): ComplianceFinding => ({
    ...base,
    state,
    message,
    ...(drill ? { drillId: drill.id } : {}),
  });

  if (due < today || (!last && due === today)) {
    const what = last ? `${lastText}，已超过${rule.years}年未演练` : `${lastText}，应至少每${rule.years}年演练一次`;
    const next = plannedBetween(linked, today, yearEnd)[0];
    return next ? result('at-risk', `${what}；${plannedNote(next)}`, next) : result('overdue', what, last);
  }
  const left = daysBetween(today, due);
  if (left <= SOON_DAYS) {
    const what = `${lastText}，应于${cnDate(due)}前再次演练（还有${left}天）`;
    // Close to the year's end the due date may fall next year: a drill planned for then still counts.
    const next = plannedBetween(linked, today, due > yearEnd ? due : yearEnd)[0];
    return next ? result('at-risk', `${what}；${plannedNote(next)}`, next) : result('at-risk', `${what}，尚未安排演练`, last);
  }
  return result('met', `${lastText}，下次应于${cnDate(due)}前演练`, last);
}

const SEVERITY: Record<ComplianceState, number> = { overdue: 0, 'at-risk': 1, unscheduled: 2, met: 3 };

/** One finding per enabled rule (annual) or per rule and plan (plan cycles), worst first within each rule. */
export function checkCompliance(input: ComplianceInput): ComplianceFinding[] {
  const { rules, drills, plans, today } = input;
  const live = plans.filter((p) => !p.archived && p.status !== 'abolished');
  return rules.flatMap((rule) => {
    if (!rule.enabled) return [];
    if (rule.kind === 'annual-comprehensive') return [checkAnnual(rule, drills, today)];
    return live
      .filter((p) => matches(rule, p))
      .map((p) => checkPlanCycle(rule, p, drills, today))
      .sort((a, b) => SEVERITY[a.state] - SEVERITY[b.state] || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  });
}
