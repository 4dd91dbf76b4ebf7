// Drills: the programme entry, its script (phases, injects, roster) and the append-only run log.
import { z } from 'zod';
import { idSchema, isoDate, requiredText, text } from './common';
import { DRILL_FORMS, DRILL_PURPOSES, DRILL_SCOPES, DRILL_STATUSES, MAX_DELAY_SEC } from '../vocabulary';


export type DrillForm = keyof typeof DRILL_FORMS;
export type DrillScope = keyof typeof DRILL_SCOPES;
export type DrillPurpose = keyof typeof DRILL_PURPOSES;
export type DrillStatus = keyof typeof DRILL_STATUSES;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

export const planLinkSchema = z.object({ planId: idSchema, sectionIds: z.array(idSchema).max(500) }).strict();

export const drillInputSchema = z
  .object({
    name: requiredText(120, '演练名称'),
    form: z.enum(['tabletop', 'live', 'combined']),
    scope: z.enum(['single', 'comprehensive']),
    purpose: z.enum(['test', 'demo', 'research']),
    hazard: text(40),
    /** 重点行业领域 or 重大自然灾害: what the annual comprehensive-drill rule counts. */
    keyIndustry: z.boolean(),
    majorNaturalDisaster: z.boolean(),
    planLinks: z.array(planLinkSchema).max(50),
    objectives: z.array(text(300)).max(50),
    date: isoDate,
    startTime: hhmm,
    endTime: hhmm.nullable(),
    place: text(120),
    organizer: text(120),
    participants: z.array(text(120)).max(200),
    notes: text(5000),
  })
  .strict();

export type DrillInput = z.output<typeof drillInputSchema>;

export interface Drill extends DrillInput {
  id: string;
  status: DrillStatus;
  createdAt: string;
  updatedAt: string;
}

/** When a drill was held, as every page and document dates it (the core's heldTime): run or planned. */
export interface HeldTime {
  /** YYYY-MM-DD: the local day its clock started, else the planned date. */
  date: string;
  /** HH:mm: when its clock started, else the planned start. */
  startTime: string;
  /** HH:mm: when its clock ended; the planned end for a drill not run; null while it runs (or none was planned). */
  endTime: string | null;
  /** Whether the times are the run's (from the log) rather than the plan's. */
  ran: boolean;
}

/** A drill as drill.list gives it: with the day and hours it was held. */
export interface ListedDrill extends Drill {
  held: HeldTime;
}

// ---- script ------------------------------------------------------------------------------------

/** Planned time of an inject: seconds after the drill clock starts (T+mm:ss), or a clock time of day. */
export const injectTimeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('relative'), offsetSec: z.number().int().min(0).max(7 * 24 * 3600) }).strict(),
  z.object({ mode: z.literal('clock'), clock: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, '时刻格式应为 HH:mm 或 HH:mm:ss') }).strict(),
]);

export const clauseLinkSchema = z.object({ planId: idSchema, sectionId: idSchema }).strict();

export const injectSchema = z
  .object({
    id: idSchema,
    phaseId: idSchema,
    time: injectTimeSchema,
    scene: text(200),
    info: text(5000),
    sender: text(120),
    receiver: text(120),
    method: text(20),
    expectedAction: text(5000),
    clauseLinks: z.array(clauseLinkSchema).max(50),
    controller: text(60),
    narration: text(5000),
  })
  .strict();

export const phaseSchema = z.object({ id: idSchema, name: requiredText(60, '阶段名称') }).strict();

export const rosterEntrySchema = z
  .object({ id: idSchema, role: text(20), name: text(60), unit: text(120), contact: text(60) })
  .strict();

export const scriptSchema = z
  .object({
    phases: z.array(phaseSchema).max(50),
    injects: z.array(injectSchema).max(2000),
    roster: z.array(rosterEntrySchema).max(500),
  })
  .strict();

export type InjectTime = z.output<typeof injectTimeSchema>;
export type Inject = z.output<typeof injectSchema>;
export type Phase = z.output<typeof phaseSchema>;
export type RosterEntry = z.output<typeof rosterEntrySchema>;
export type Script = z.output<typeof scriptSchema>;

/** A non-blocking script problem shown beside the inject it concerns. */
export interface ScriptIssue {
  injectId: string;
  field: 'time' | 'receiver' | 'expectedAction' | 'phaseId';
  message: string;
}

// ---- run log -----------------------------------------------------------------------------------

export const RUN_EVENT_TYPES = [
  'clock.start',
  'clock.pause',
  'clock.resume',
  'clock.end',
  'inject.delivered',
  'inject.skipped',
  'inject.late',
  'inject.adhoc',
  'observation',
  'action',
] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

export interface RunEvent {
  id: string;
  drillId: string;
  seq: number;
  type: RunEventType;
  /** Wall-clock time the event was recorded (ISO). */
  at: string;
  injectId: string | null;
  text: string;
  tags: string[];
  actor: string;
  /** How late an inject went out, as the coordinator recorded it (inject.late only); else null. */
  delaySec: number | null;
}


export const runEventInputSchema = z
  .object({
    drillId: idSchema,
    type: z.enum(RUN_EVENT_TYPES),
    injectId: idSchema.nullable().optional(),
    text: text(5000).optional(),
    tags: z.array(text(30)).max(20).optional(),
    actor: text(60).optional(),
    delaySec: z.number().int().min(0).max(MAX_DELAY_SEC).optional(),
    /** The client's id for the event: a retried call is recorded once. */
    clientId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
  })
  .strict();

/** The drill clock as the log says it is at a moment. */
export interface ClockState {
  status: 'not-started' | 'running' | 'paused' | 'ended';
  /** Drill time elapsed (pauses excluded), ms. */
  elapsedMs: number;
  startedAt: string | null;
  pausedMs: number;
}

/** An inject's situation during the run. */
export interface InjectRunState {
  injectId: string;
  /** Planned drill time (ms after start, pauses excluded), or null for a clock-time inject before the start. */
  plannedMs: number | null;
  status: 'pending' | 'delivered' | 'skipped' | 'late';
  deliveredAt: string | null;
  /** Drill time at delivery, ms. */
  deliveredMs: number | null;
  /** The delay the coordinator recorded for a late delivery, s; null otherwise. */
  delaySec: number | null;
}

// ---- compliance --------------------------------------------------------------------------------

/** Whole numbers only, with what to write in the message when a value is missing or out of range. */
function count(what: string, min: number, max: number, unit: string) {
  return z
    .number({ error: `请填写${what}` })
    .int(`${what}须为整数`)
    .min(min, `${what}至少为 ${min} ${unit}`)
    .max(max, `${what}不能超过 ${max} ${unit}`);
}

/** Off: kept with its settings, but not checked. Absent in rules saved before it existed: on. */
const enabled = z.boolean().default(true);

export const complianceRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: idSchema,
      kind: z.literal('annual-comprehensive'),
      label: requiredText(120, '规则名称'),
      enabled,
      /** At least this many comprehensive drills per calendar year, for a key industry or major natural disaster. */
      perYear: count('每年演练次数', 1, 12, '次'),
      basis: text(200),
    })
    .strict(),
  z
    .object({
      id: idSchema,
      kind: z.literal('plan-cycle'),
      label: requiredText(120, '规则名称'),
      enabled,
      /** Every plan matching the filter drilled at least once in this many years. */
      years: count('演练周期', 1, 10, '年'),
      /** Empty: every plan; else plans whose hazard or category contains one of these words. */
      match: z.array(text(40)).max(20, '关键词最多 20 个'),
      basis: text(200),
    })
    .strict(),
]);
export type ComplianceRule = z.output<typeof complianceRuleSchema>;

/** unscheduled (待安排): the current period still open, not met and not yet planned for; never overdue before it ends. */
export type ComplianceState = 'met' | 'at-risk' | 'unscheduled' | 'overdue';

export interface ComplianceFinding {
  ruleId: string;
  ruleLabel: string;
  state: ComplianceState;
  message: string;
  /** What to open to fix it. */
  planId?: string;
  drillId?: string;
  lastDrillDate?: string | null;
  dueDate?: string;
}

// ---- channel inputs and results ------------------------------------------------------------------

export const drillIdSchema = z.object({ id: idSchema }).strict();
export const drillListSchema = z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict().optional();
export const drillUpdateSchema = z.object({ id: idSchema, drill: drillInputSchema }).strict();
export const drillStatusSchema = z.object({ id: idSchema, status: z.enum(['planned', 'preparing', 'conducted', 'evaluated', 'archived']) }).strict();
export const drillMoveSchema = z.object({ id: idSchema, date: isoDate }).strict();
/** `baseSeq`: the DrillDetail.scriptSeq (or last save's saveSeq) the edit was made from; refused if the script moved on since. */
export const scriptSaveSchema = z.object({ drillId: idSchema, script: scriptSchema, baseSeq: z.number().int().min(0).optional() }).strict();
export const scriptGenerateSchema = z.object({ drillId: idSchema, planId: idSchema }).strict();
/** afterSeq: only the log entries after this one (a window catching up); the clock and injects are always whole. */
export const runStateSchema = z.object({ drillId: idSchema, afterSeq: z.number().int().min(0).optional() }).strict();
export const complianceSchema = z.object({ today: isoDate.optional() }).strict().optional();
export const complianceRulesSchema = z
  .object({
    rules: z
      .array(complianceRuleSchema)
      .max(50, '规则最多 50 条')
      // Findings name their rule by id: two rules of one id could not be told apart.
      .superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach((r, i) => {
          if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `规则编号“${r.id}”重复` });
          seen.add(r.id);
        });
      }),
  })
  .strict();

export interface DrillDetail {
  drill: Drill;
  script: Script;
  /** How many times the script was saved (see script.save's baseSeq). */
  scriptSeq: number;
  issues: ScriptIssue[];
  /** The drill clock's status: the script is locked while it is running or paused. */
  runStatus: ClockState['status'];
  /** When it was held (the core's heldTime). */
  held: HeldTime;
}

export interface NextInjectView extends InjectRunState {
  plannedMs: number;
  dueInMs: number;
}

export interface RunState {
  drillId: string;
  now: string;
  clock: ClockState;
  /** The log in seq order: all of it, or the entries after run.state's afterSeq. */
  events: RunEvent[];
  injects: InjectRunState[];
  next: NextInjectView[];
}

/**
 * What logging one event returns: the event as stored and, for clock and inject events, the new state
 * without the (growing) log itself. Observations and actions move neither the clock nor any inject, so
 * their state is null: the console keeps what it has and answers a key press sooner.
 */
export interface RunUpdate {
  event: RunEvent;
  state: Omit<RunState, 'events'> | null;
}

export interface ComplianceReport {
  rules: ComplianceRule[];
  findings: ComplianceFinding[];
}
export const drillImportSchema = z.object({ content: z.string().min(1).max(50_000_000) }).strict();
export const scriptImportXlsxSchema = z.object({ drillId: idSchema, dataBase64: z.string().max(70_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确') }).strict();

export interface ScriptImport {
  script: Script;
  errors: { row: number; message: string }[];
}
