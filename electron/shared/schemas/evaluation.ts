// After-action evaluation: criteria, evaluators' forms, timeline analysis, findings, improvement items, revision requests.
import { z } from 'zod';
import { idSchema, isoDate, requiredText, text } from './common';
import { FINDING_KINDS, ITEM_STATUSES, WEIGHT_TOLERANCE, weightTotal } from '../vocabulary';
import type { Drill, HeldTime, RunEvent, Script } from './drill';

/** A scoring scale: numeric 0..max, or named levels each worth a share of the weight. */
// Messages for the page's criteria editor; the criteria files' loader words its own by issue code (criteria-issues.ts).
const FULL_MARK = '满分须为 1 到 100 的整数';
const LEVEL_VALUE = '等级分值须在 0 到 1 之间';
const LEVEL_COUNT = '等级须有 2 到 6 个';
const WEIGHT = '权重须在 0 到 100 之间';

export const scaleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score'), max: z.number({ error: FULL_MARK }).int(FULL_MARK).min(1, FULL_MARK).max(100, FULL_MARK) }).strict(),
  z
    .object({
      kind: z.literal('levels'),
      levels: z
        .array(z.object({ label: requiredText(20, '等级名称'), value: z.number({ error: LEVEL_VALUE }).min(0, LEVEL_VALUE).max(1, LEVEL_VALUE) }).strict())
        .min(2, LEVEL_COUNT)
        .max(6, LEVEL_COUNT),
    })
    .strict(),
]);

export const criterionSchema = z
  .object({
    id: idSchema,
    group: text(40),
    title: requiredText(120, '评估项'),
    description: text(1000),
    weight: z.number({ error: WEIGHT }).min(0, WEIGHT).max(100, WEIGHT),
    scale: scaleSchema,
  })
  .strict();

export const criteriaSetSchema = z
  .object({ id: idSchema, title: requiredText(120, '评估标准名称'), basis: text(300), criteria: z.array(criterionSchema).min(1, '至少须有 1 个评估项').max(200, '评估项最多 200 个') })
  .strict();



/**
 * A drill's own copy of a set, edited in the app: the rules the criteria files are held to (see
 * domain/evaluation/criteria.ts), each said at the field it concerns.
 */
export const drillCriteriaSetSchema = criteriaSetSchema.superRefine((set, ctx) => {
  const first = new Map<string, number>();
  set.criteria.forEach((c, i) => {
    const seen = first.get(c.id);
    // Forms store answers by criterion id.
    if (seen !== undefined) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `评估项编号“${c.id}”与第 ${seen + 1} 项重复` });
    else first.set(c.id, i);
    if (c.scale.kind !== 'levels') return;
    const labels = new Set<string>();
    c.scale.levels.forEach((l, j) => {
      // Forms store the chosen level's label.
      if (labels.has(l.label)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'scale', 'levels', j, 'label'], message: `等级名称“${l.label}”重复` });
      labels.add(l.label);
    });
  });
  const total = weightTotal(set.criteria);
  if (Math.abs(total - 100) > WEIGHT_TOLERANCE) ctx.addIssue({ code: 'custom', path: ['criteria'], message: `各评估项权重之和须为 100，现为 ${total}` });
});

export type Scale = z.output<typeof scaleSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type CriteriaSet = z.output<typeof criteriaSetSchema>;

/** One evaluator's form: a value per criterion (score 0..max, or the chosen level's label) and a note. */
export const evaluatorFormSchema = z
  .object({
    id: idSchema,
    evaluator: requiredText(40, '评估人'),
    unit: text(120),
    answers: z.array(z.object({ criterionId: idSchema, value: z.union([z.number().min(0).max(100), text(20)]).nullable(), note: text(2000) }).strict()).max(200),
  })
  .strict();
export type EvaluatorForm = z.output<typeof evaluatorFormSchema>;

export interface CriterionResult {
  criterionId: string;
  /** Mean of the evaluators' answers as a share 0..1 of the criterion's full marks (null: nobody answered). */
  mean: number | null;
  /** max − min of the shares: how much evaluators disagree. */
  spread: number | null;
  answered: number;
  /** Weighted points earned on a 0..100 scale for the whole set. */
  points: number | null;
}

export interface ScoreSummary {
  criteria: CriterionResult[];
  /** Weighted total on 0..100 over the answered criteria, or null. */
  total: number | null;
  grade: '优秀' | '良好' | '合格' | '不合格' | null;
  evaluators: number;
}

export interface InjectTiming {
  injectId: string;
  seq: number;
  scene: string;
  plannedMs: number | null;
  actualMs: number | null;
  /** actual − planned, ms (positive: late); for a late delivery, the delay the coordinator recorded. */
  delayMs: number | null;
  /**
   * delivered: on time, within ON_TIME_TOLERANCE_SEC of its planned time either way; early: more than
   * that before it; late: logged late (L), or delivered more than that after it.
   */
  status: 'delivered' | 'early' | 'late' | 'skipped' | 'pending';
  /** From delivery to the first player action logged against this inject, ms. */
  responseMs: number | null;
}

export interface TimelineAnalysis {
  injects: InjectTiming[];
  adhoc: { at: string; drillMs: number; text: string }[];
  durationMs: number;
  pausedMs: number;
  /** Injects that went out: on time, early and late alike. */
  delivered: number;
  skipped: number;
  early: number;
  late: number;
  /** Mean and largest delay of the late injects only: an early one is not a negative delay to average in. */
  meanDelayMs: number | null;
  maxDelayMs: number | null;
  meanResponseMs: number | null;
  observations: number;
  actions: number;
}

export type FindingKind = keyof typeof FINDING_KINDS;

export const clauseRefSchema = z.object({ planId: idSchema, sectionId: idSchema }).strict();

export const findingInputSchema = z
  .object({
    kind: z.enum(['strength', 'problem']),
    title: requiredText(200, '标题'),
    detail: text(5000),
    criterionId: idSchema.nullable(),
    injectIds: z.array(idSchema).max(100),
    observationIds: z.array(idSchema).max(200),
    clauses: z.array(clauseRefSchema).max(50),
    unit: text(120),
  })
  .strict();
export type FindingInput = z.output<typeof findingInputSchema>;

export interface Finding extends FindingInput {
  id: string;
  drillId: string;
  createdAt: string;
  /** Earlier findings of other drills that look like this one ("the same lesson every year"). */
  recurring?: { findingId: string; drillId: string; drillName: string; date: string; title: string }[];
}

export type ItemStatus = keyof typeof ITEM_STATUSES;

export const itemInputSchema = z
  .object({
    findingId: idSchema.nullable(),
    drillId: idSchema.nullable(),
    description: requiredText(2000, '整改内容'),
    measure: text(2000),
    category: text(20),
    unit: requiredText(120, '责任单位'),
    owner: text(60),
    deadline: isoDate,
    needsPlanChange: z.boolean(),
    /** The clauses to revise: they are the revision request, so only with needsPlanChange, and of one plan. */
    clauses: z.array(clauseRefSchema).max(50),
  })
  .strict()
  // One item raises one revision request (revision_requests.item_id is unique), on the clauses it names:
  // a plan change without clauses, or clauses without a plan change, would raise nothing and say nothing.
  .superRefine((item, ctx) => {
    const plans = new Set(item.clauses.map((c) => c.planId));
    if (item.needsPlanChange && plans.size === 0) ctx.addIssue({ code: 'custom', path: ['clauses'], message: '需要修订预案时，请选择需修订的预案条款（至少一条），才能向预案提出修订请求' });
    if (!item.needsPlanChange && plans.size > 0) ctx.addIssue({ code: 'custom', path: ['needsPlanChange'], message: '选择了需修订的条款，但未勾选“需要修订预案”' });
    if (plans.size > 1) ctx.addIssue({ code: 'custom', path: ['clauses'], message: `一个整改事项只向一个预案提出修订请求，所选条款分属 ${plans.size} 个预案：请按预案分别提出整改事项` });
  });
export type ItemInput = z.output<typeof itemInputSchema>;

export interface ImprovementItem extends ItemInput {
  id: string;
  code: string;
  status: ItemStatus;
  evidence: string;
  statusDate: string | null;
  createdAt: string;
  updatedAt: string;
  overdue: boolean;
  /** The date its drill was held (the core's heldOn rule): the deadline may not be earlier. Null without a drill. */
  drillHeldOn: string | null;
  /** The revision request raised on the plan for this item, if it needs a plan change. */
  request: RevisionRequest | null;
}

export interface RevisionRequest {
  id: string;
  itemId: string;
  planId: string;
  sectionIds: string[];
  status: 'open' | 'resolved';
  resolvedVersionId: string | null;
  resolvedVersionLabel: string | null;
  resolvedAt: string | null;
  /** When the item raised it: versions saved earlier cannot close it. */
  raisedAt: string;
  /** From request.list, for an open request: the versions that may close it (saved after it, changing its clauses), newest first. */
  resolvingVersionIds?: string[];
  /** From request.list, for an open request: a version saved from the plan's draft now would close it (offered in 保存版本). */
  draftResolves?: boolean;
}

// ---- channel inputs -------------------------------------------------------------------------------

export const evalDrillSchema = z.object({ drillId: idSchema }).strict();
/** `dropAnswers`: the caller has shown which filled-in answers the new criteria cannot hold, and the user agreed. */
export const evalCriteriaSchema = z.object({ drillId: idSchema, criteria: drillCriteriaSetSchema, dropAnswers: z.boolean().optional() }).strict();
export const evalFormSchema = z.object({ drillId: idSchema, form: evaluatorFormSchema }).strict();
export const evalDeleteFormSchema = z.object({ drillId: idSchema, formId: idSchema }).strict();
export const evalConclusionSchema = z.object({ drillId: idSchema, text: text(10_000) }).strict();
export const findingSaveSchema = z.object({ drillId: idSchema, id: idSchema.optional(), finding: findingInputSchema }).strict();
export const findingDeleteSchema = z.object({ id: idSchema }).strict();
export const itemListSchema = z.object({ unit: text(120).optional(), drillId: idSchema.optional(), status: z.enum(['open', 'doing', 'done', 'closed']).optional() }).strict().optional();
export const itemSaveSchema = z.object({ id: idSchema.optional(), item: itemInputSchema }).strict();
export const itemStatusSchema = z.object({ id: idSchema, status: z.enum(['open', 'doing', 'done', 'closed']), evidence: text(5000).optional(), date: isoDate }).strict();
export const requestListSchema = z.object({ planId: idSchema.optional() }).strict().optional();
export const requestResolveSchema = z.object({ id: idSchema, versionId: idSchema }).strict();
export const clauseExerciseSchema = z.object({ planId: idSchema }).strict();

export interface ClauseExercise {
  sectionId: string;
  lastDrill: { drillId: string; name: string; date: string; grade: ScoreSummary['grade'] } | null;
  /** The clause's text differs from the plan version in force at its last drill. */
  changedSinceDrill: boolean;
  testedBy: { drillId: string; drillName: string; injectId: string; scene: string }[];
}

export interface EvaluationReport {
  drill: Drill;
  /** When it took place (the core's heldTime): the day its clock started and the hours it ran, or the plan if never run. */
  held: HeldTime;
  criteria: CriteriaSet;
  forms: EvaluatorForm[];
  conclusion: string;
  scores: ScoreSummary;
  timeline: TimelineAnalysis;
  findings: Finding[];
  /** The 整改 items raised from this drill, as the ledger holds them: the report quotes them. */
  items: ImprovementItem[];
  events: RunEvent[];
  script: Script;
}
