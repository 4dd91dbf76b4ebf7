// Drill channels: the programme, scripts, the live run log and the compliance check.
import { AppError } from '../../shared/errors';
import { complianceRulesSchema, type ClockState, type ComplianceRule, type Drill, type DrillInput, type RunEvent, type RunEventType, type RunState, type RunUpdate, type Script } from '../../shared/schemas/drill';
import { drillDateProblem } from '../../shared/drill-date';
import { drillTimesProblem } from '../../shared/drill-window';
import { delayMismatch, lateRefusal, proposedDelaySec, repeatRefusal, runEventRefusal } from '../../shared/run-rules';
import { localDate } from '../clock';
import * as repo from '../db/repos/drill-repo';
import { getPlanDocument, getPlanRow, listPlanRows } from '../db/repos/plan-repo';
import { checkCompliance, defaultComplianceRules } from '../domain/drills/compliance';
import { clockSpan, heldOn, heldTime } from '../domain/drills/held-on';
import { buildPackage, parsePackage } from '../domain/drills/drill-package';
import { clockState, injectStates, nextInjects } from '../../shared/drill-clock';
import { generateScript } from '../domain/drills/generate-script';
import { scriptToXlsx, xlsxToScript } from '../domain/drills/script-xlsx';
import { checkScript } from '../../shared/script-checks';
import { newId } from '../domain/plans/ids';
import { exportFileName, scriptClauseLabels } from './export';
import type { HandlerContext, Handlers } from './types';

function changed(ctx: HandlerContext): void {
  ctx.events.emit('data.changed', { area: 'drills' });
}

/** The saved rules read through the schema, so rules saved before a field existed get its default. */
export function complianceRules(ctx: HandlerContext): ComplianceRule[] {
  const saved = repo.getSetting<unknown>(ctx.store.get(), repo.COMPLIANCE_RULES_KEY, null);
  if (saved === null) return defaultComplianceRules();
  const parsed = complianceRulesSchema.shape.rules.safeParse(saved);
  // Only a hand-edited database gets here: the shipped rules beat refusing to show the programme.
  if (!parsed.success) console.error('[core] saved compliance rules are invalid, using the defaults', parsed.error.issues.slice(0, 3));
  return parsed.success ? parsed.data : defaultComplianceRules();
}

export function complianceFindings(ctx: HandlerContext, today: string) {
  const db = ctx.store.get();
  const plans = listPlanRows(db, true).map((r) => ({ id: r.id, title: r.title, hazard: r.hazard, category: r.category, status: r.status, archived: r.archived_at !== null, since: r.published_date ?? localDate(new Date(r.created_at)) }));
  // A drill that was run counts from the day its clock started (as 最近演练 does), not the day it was planned for.
  const starts = repo.clockSpans(db);
  const drills = repo.listDrills(db).map((d) => ({ ...d, date: heldOn(d, starts.get(d.id)?.startedAt) }));
  return checkCompliance({ rules: complianceRules(ctx), drills, plans, today });
}

/**
 * The run now. `log` says which entries to send: all, those after a seq (a window catching up), or
 * none beyond the clock and inject events the state is computed from (what run.log sends back).
 */
export function runState(ctx: HandlerContext, drillId: string, log: 'all' | 'timing' | { afterSeq: number } = 'all'): RunState {
  const db = ctx.store.get();
  const drill = repo.getDrill(db, drillId);
  const script = repo.getScript(db, drillId);
  // The clock and inject states read only clock and inject events: the whole log is read only when it is sent whole.
  const basis = log === 'all' ? repo.listEvents(db, drillId) : repo.listTimingEvents(db, drillId);
  const events = typeof log === 'object' ? repo.listEvents(db, drillId, log.afterSeq) : basis;
  const now = ctx.clock.now();
  const clock = clockState(basis, now);
  const injects = injectStates(script, basis, now, drill.date, drill.startTime);
  return { drillId, now: now.toISOString(), clock, events, injects, next: nextInjects(injects, clock, 3) };
}

const omitLog = ({ events: _log, ...state }: RunState): RunUpdate['state'] => state;

/** The drill clock's status now, from the clock and inject events only (not the whole log). */
function clockStatus(ctx: HandlerContext, drillId: string): ClockState['status'] {
  return clockState(repo.listTimingEvents(ctx.store.get(), drillId), ctx.clock.now()).status;
}

/**
 * An inject event must name an inject of the script and suit the clock (see run-rules); a late one must
 * be overdue and its delay, when given, agree with the clock. Throws AppError.
 */
function checkInjectEvent(ctx: HandlerContext, drillId: string, type: RunEventType, injectId: string | null, delaySec: number | undefined): void {
  if (!type.startsWith('inject.')) return;
  const db = ctx.store.get();
  const events = repo.listTimingEvents(db, drillId);
  const now = ctx.clock.now();
  const clock = clockState(events, now);
  const refusal = runEventRefusal(type, clock.status);
  if (refusal) throw new AppError('CONFLICT', refusal);
  if (type === 'inject.adhoc') return;
  if (injectId === null) throw new AppError('INVALID_INPUT', '请指明要下达或跳过的注入。');
  const script = repo.getScript(db, drillId);
  if (!script.injects.some((i) => i.id === injectId)) throw new AppError('NOT_FOUND', '脚本中没有这条注入，可能已被删除。');
  const last = events.findLast((e) => e.injectId === injectId && e.type !== 'inject.adhoc')?.type ?? null;
  const repeat = repeatRefusal(type, last);
  if (repeat) throw new AppError('CONFLICT', repeat);
  if (type === 'inject.late') checkLate(repo.getDrill(db, drillId), script, events, clock.elapsedMs, now, injectId, delaySec);
}

/** A late delivery is of an overdue inject, and a stated delay is the clock's within the tolerance. */
function checkLate(drill: Drill, script: Script, events: RunEvent[], elapsedMs: number, now: Date, injectId: string, delaySec: number | undefined): void {
  const plannedMs = injectStates(script, events, now, drill.date, drill.startTime).find((s) => s.injectId === injectId)?.plannedMs ?? null;
  // An inject without a readable planned time has nothing to be late against: the coordinator's word stands.
  if (plannedMs === null) return;
  const dueInMs = plannedMs - elapsedMs;
  const notDue = lateRefusal(dueInMs);
  if (notDue) throw new AppError('CONFLICT', notDue);
  const mismatch = delaySec === undefined ? null : delayMismatch(delaySec, proposedDelaySec(dueInMs));
  if (mismatch) throw new AppError('INVALID_INPUT', mismatch);
}

/**
 * A date a coordinator enters must be one a drill can have (see drillDateProblem); throws AppError. Its
 * range runs from today by the core's clock, which is why it is checked here and not in the schema.
 */
function checkDate(ctx: HandlerContext, date: string): void {
  const problem = drillDateProblem(date, localDate(ctx.clock.now()));
  if (problem) throw new AppError('INVALID_INPUT', `${problem}。`);
}

/**
 * The date and times a coordinator enters must make a drill (see also drillTimesProblem); throws AppError.
 * Only what is entered is checked: moving a drill checks its new date and keeps its times, and an imported
 * package keeps what it recorded.
 */
function checkEntered(ctx: HandlerContext, input: DrillInput): void {
  checkDate(ctx, input.date);
  const problem = drillTimesProblem(input);
  if (problem) throw new AppError('INVALID_INPUT', `${problem}。`);
}

export const drillHandlers: Handlers<
  | 'drill.list'
  | 'drill.create'
  | 'drill.update'
  | 'drill.get'
  | 'drill.set-status'
  | 'drill.move'
  | 'script.save'
  | 'script.generate'
  | 'run.log'
  | 'run.state'
  | 'compliance.get'
  | 'compliance.save-rules'
  | 'compliance.reset-rules'
  | 'drill.export-package'
  | 'drill.import-package'
  | 'script.export-xlsx'
  | 'script.import-xlsx'
> = {
  'drill.list': (input, ctx) => {
    const db = ctx.store.get();
    const spans = repo.clockSpans(db);
    return repo.listDrills(db, input?.year).map((d) => ({ ...d, held: heldTime(d, spans.get(d.id)) }));
  },
  'drill.create': (input, ctx) => {
    checkEntered(ctx, input);
    const d = repo.insertDrill(ctx.store.get(), input, ctx.clock.now());
    changed(ctx);
    return d;
  },
  'drill.update': (input, ctx) => {
    checkEntered(ctx, input.drill);
    const d = repo.updateDrill(ctx.store.get(), input.id, input.drill, ctx.clock.now());
    changed(ctx);
    return d;
  },
  'drill.get': (input, ctx) => {
    const db = ctx.store.get();
    const drill = repo.getDrill(db, input.id);
    const script = repo.getScript(db, input.id);
    return { drill, script, scriptSeq: repo.scriptSeq(db, input.id), issues: checkScript(script, drill), runStatus: clockStatus(ctx, input.id), held: heldTime(drill, clockSpan(repo.listTimingEvents(db, input.id))) };
  },
  'drill.set-status': (input, ctx) => {
    const d = repo.setDrillStatus(ctx.store.get(), input.id, input.status, ctx.clock.now());
    changed(ctx);
    return d;
  },
  'drill.move': (input, ctx) => {
    checkDate(ctx, input.date);
    const db = ctx.store.get();
    const { id: _id, status: _s, createdAt: _c, updatedAt: _u, ...current } = repo.getDrill(db, input.id);
    const d = repo.updateDrill(db, input.id, { ...current, date: input.date }, ctx.clock.now());
    changed(ctx);
    return d;
  },
  'script.save': (input, ctx) => {
    const db = ctx.store.get();
    // The log refers to injects by id and number: the script holds still while the clock runs.
    const status = clockStatus(ctx, input.drillId);
    if (status === 'running' || status === 'paused') throw new AppError('CONFLICT', '演练正在进行，脚本已锁定；结束演练后才能修改。');
    const saveSeq = repo.saveScript(db, input.drillId, input.script, ctx.clock.now(), input.baseSeq);
    return { script: input.script, issues: checkScript(input.script, repo.getDrill(db, input.drillId)), saveSeq };
  },
  'script.generate': (input, ctx) => {
    const db = ctx.store.get();
    const drill = repo.getDrill(db, input.drillId);
    return generateScript(getPlanDocument(db, getPlanRow(db, input.planId)), input.planId, () => newId('i'), drill);
  },
  // The event is committed (synchronous=FULL) before this returns: the console shows it only then.
  'run.log': (input, ctx) => {
    const { drillId, ...e } = input;
    const db = ctx.store.get();
    if (e.delaySec !== undefined && e.type !== 'inject.late') throw new AppError('INVALID_INPUT', '只有“延迟下达”的注入才能记录延迟时间。');
    const event = repo.appendEvent(db, drillId, e, ctx.clock.now(), () => checkInjectEvent(ctx, drillId, e.type, e.injectId ?? null, e.delaySec));
    if (e.type === 'clock.end') {
      const d = repo.getDrill(db, drillId);
      if (d.status === 'planned' || d.status === 'preparing') {
        repo.setDrillStatus(db, drillId, 'conducted', ctx.clock.now());
        changed(ctx);
      }
    }
    // Observations and actions move neither the clock nor any inject: nothing to recompute or send back.
    const update: RunUpdate = e.type === 'observation' || e.type === 'action' ? { event, state: null } : { event, state: omitLog(runState(ctx, drillId, 'timing')) };
    // Committed: other windows (the presenter) follow the run by this push rather than re-reading the log.
    ctx.events.emit('run.logged', update);
    return update;
  },
  'run.state': (input, ctx) => runState(ctx, input.drillId, input.afterSeq === undefined ? 'all' : { afterSeq: input.afterSeq }),
  'compliance.get': (input, ctx) => ({ rules: complianceRules(ctx), findings: complianceFindings(ctx, input?.today ?? localDate(ctx.clock.now())) }),
  'drill.export-package': (input, ctx) => {
    const db = ctx.store.get();
    const drill = repo.getDrill(db, input.id);
    const pkg = buildPackage(drill, repo.getScript(db, input.id), repo.listEvents(db, input.id), ctx.clock.now());
    return { fileName: exportFileName(drill.name, drill.date, 'drill.json'), dataBase64: Buffer.from(JSON.stringify(pkg, null, 1)).toString('base64') };
  },
  // Ids never clash: the drill gets a new id; plan links survive only for plans this machine has.
  'drill.import-package': (input, ctx) => {
    const db = ctx.store.get();
    const pkg = parsePackage(input.content);
    const { id: _id, status, ...entry } = pkg.drill;
    const known = new Set(listPlanRows(db, true).map((p) => p.id));
    const kept = entry.planLinks.filter((l) => known.has(l.planId));
    const script = { ...pkg.script, injects: pkg.script.injects.map((i) => ({ ...i, clauseLinks: i.clauseLinks.filter((c) => known.has(c.planId)) })) };
    const drill = repo.importDrill(db, { ...entry, planLinks: kept }, status, script, pkg.events, ctx.clock.now());
    changed(ctx);
    return { drill, droppedPlanLinks: entry.planLinks.length - kept.length, events: pkg.events.length };
  },
  'script.export-xlsx': async (input, ctx) => {
    const db = ctx.store.get();
    const drill = repo.getDrill(db, input.id);
    const script = repo.getScript(db, input.id);
    const bytes = await scriptToXlsx(script, drill.name, scriptClauseLabels(db, script));
    return { fileName: exportFileName(`${drill.name}_演练脚本`, drill.date, 'xlsx'), dataBase64: bytes.toString('base64') };
  },
  // A preview: the coordinator sees the rows and their errors before saving.
  'script.import-xlsx': async (input, ctx) => {
    const current = repo.getScript(ctx.store.get(), input.drillId);
    return xlsxToScript(Buffer.from(input.dataBase64, 'base64'), current, () => newId('i'));
  },
  'compliance.save-rules': (input, ctx) => {
    repo.setSetting(ctx.store.get(), repo.COMPLIANCE_RULES_KEY, input.rules, ctx.clock.now());
    changed(ctx);
    return input.rules;
  },
  // Forgets the bureau's own rules rather than storing a copy of today's defaults: later versions' defaults then apply.
  'compliance.reset-rules': (_input, ctx) => {
    repo.deleteSetting(ctx.store.get(), repo.COMPLIANCE_RULES_KEY);
    changed(ctx);
    return complianceRules(ctx);
  },
};
