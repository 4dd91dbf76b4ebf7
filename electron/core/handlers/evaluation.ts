// Evaluation and improvement channels: scores, timeline analysis, findings, items, revision requests, clause exercise.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { blocksText, type PlanDocument } from '../../shared/doc-model';
import { itemDeadlineProblem } from '../../shared/drill-date';
import { AppError } from '../../shared/errors';
import { describeAnswerChange, formProblems, reconcileAnswers } from '../../shared/evaluation-answers';
import type { ClauseExercise, CriteriaSet, EvaluatorForm, Finding, ImprovementItem, ItemInput, RevisionRequest } from '../../shared/schemas/evaluation';
import { localDate } from '../clock';
import * as drills from '../db/repos/drill-repo';
import * as evals from '../db/repos/evaluation-repo';
import { getPlanDocument, getPlanRow } from '../db/repos/plan-repo';
import { getVersion, listVersions } from '../db/repos/revision-repo';
import { clockSpan, heldOn, heldTime } from '../domain/drills/held-on';
import { loadCriteriaSets } from '../domain/evaluation/criteria';
import { findRecurring } from '../domain/evaluation/recurring';
import { raisedClauses, resolvingVersionIds, whyDraftNotResolving, whyNotResolving, type RequestVersions } from '../domain/evaluation/request-versions';
import { combineScores } from '../domain/evaluation/scores';
import { analyseTimeline } from '../domain/evaluation/timeline';
import type { HandlerContext, Handlers } from './types';

function criteriaSets(ctx: HandlerContext): CriteriaSet[] {
  return loadCriteriaSets(path.join(ctx.templatesDir, 'criteria')).sets;
}

/** `f` by id, each id computed once. */
function memo<T>(f: (id: string) => T): (id: string) => T {
  const cache = new Map<string, T>();
  return (id) => (cache.has(id) ? cache.get(id)! : (cache.set(id, f(id)), cache.get(id)!));
}

/** What deciding on requests reads, each plan's versions and each version's document read once however many requests share them. */
function requestVersionsReader(db: Database.Database): (r: RevisionRequest) => RequestVersions {
  const versionsOf = memo((planId) => listVersions(db, planId));
  const docs = new Map<string, (versionId: string) => PlanDocument>();
  const docsOf = (planId: string) => docs.get(planId) ?? docs.set(planId, memo((id) => getVersion(db, planId, id).doc)).get(planId)!;
  return (r) => ({ request: { ...r, raisedClauses: evals.requestRaisedClauses(db, r.id) }, versions: versionsOf(r.planId), docOf: docsOf(r.planId) });
}

/**
 * Closes the request with the version (inside the caller's transaction), refusing what the version cannot close.
 * `openOnly`: refuse one already closed (saving a version closes only what its dialog showed open).
 */
export function resolveRequestWith(db: Database.Database, requestId: string, versionId: string, now: Date, openOnly = false): RevisionRequest {
  const req = evals.listRequests(db).find((r) => r.id === requestId);
  if (!req) throw new AppError('NOT_FOUND', '未找到该修订请求。');
  if (openOnly && req.status === 'resolved') throw new AppError('CONFLICT', `该修订请求已由 ${req.resolvedVersionLabel} 修订销号。`);
  const refusal = whyNotResolving(requestVersionsReader(db)(req), versionId);
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  evals.resolveRequest(db, requestId, versionId, now);
  return evals.listRequests(db, req.planId).find((r) => r.id === requestId)!;
}

/** The drill's evaluation, started from the shipped set that fits its form on first use. */
function evaluationOf(ctx: HandlerContext, drillId: string): evals.EvaluationRecord {
  const db = ctx.store.get();
  const drill = drills.getDrill(db, drillId);
  const existing = evals.getEvaluation(db, drillId);
  if (existing) return existing;
  const sets = criteriaSets(ctx);
  const set = sets.find((s) => s.id === (drill.form === 'tabletop' ? 'tabletop' : 'drill-default')) ?? sets[0];
  if (!set) throw new AppError('TEMPLATE_INVALID', '没有可用的评估标准（templates/criteria）。');
  return { criteria: set, forms: [], conclusion: '' };
}

function withRecurring(ctx: HandlerContext, list: Finding[]): Finding[] {
  const db = ctx.store.get();
  const all = evals.listFindings(db).filter((f) => f.kind === 'problem');
  const drillInfo = new Map(drills.listDrills(db).map((d) => [d.id, d]));
  const starts = drills.clockSpans(db);
  return list.map((f) => {
    if (f.kind !== 'problem') return f;
    const earlier = all.filter((e) => e.drillId !== f.drillId).map((e) => {
      const d = drillInfo.get(e.drillId);
      return { ...e, drillName: d?.name ?? '', date: d ? heldOn(d, starts.get(d.id)?.startedAt) : '' };
    });
    const recurring = findRecurring(f, earlier);
    return recurring?.length ? { ...f, recurring } : f;
  });
}

export function evaluationReport(ctx: HandlerContext, drillId: string) {
  const db = ctx.store.get();
  const drill = drills.getDrill(db, drillId);
  const e = evaluationOf(ctx, drillId);
  const script = drills.getScript(db, drillId);
  const events = drills.listEvents(db, drillId);
  return {
    drill,
    held: heldTime(drill, clockSpan(events)),
    criteria: e.criteria,
    forms: e.forms,
    conclusion: e.conclusion,
    scores: combineScores(e.criteria, e.forms),
    timeline: analyseTimeline(script, events, drill.date, drill.startTime),
    findings: withRecurring(ctx, evals.listFindings(db, drillId)),
    items: evals.listItems(db, today(ctx), { drillId }),
    events,
    script,
  };
}

function saveForms(ctx: HandlerContext, drillId: string, change: (forms: EvaluatorForm[]) => EvaluatorForm[]) {
  const e = evaluationOf(ctx, drillId);
  evals.saveEvaluation(ctx.store.get(), drillId, { ...e, forms: change(e.forms) }, ctx.clock.now());
  return evaluationReport(ctx, drillId);
}

function today(ctx: HandlerContext): string {
  return localDate(ctx.clock.now());
}

const clauseKey = (c: { planId: string; sectionId: string }) => `${c.planId}|${c.sectionId}`;

/**
 * The clauses an item names become its revision request, so each clause it newly names must be in its plan
 * now (one since deleted would raise a request no version can resolve), and a request a version has
 * resolved is history: its clauses stay as they were.
 */
function checkItemClauses(db: Database.Database, item: ItemInput, before: ImprovementItem | null): void {
  const known = new Set((before?.clauses ?? []).map(clauseKey));
  const resolved = before?.request?.status === 'resolved' ? before.request : null;
  if (resolved && (!item.needsPlanChange || item.clauses.length !== known.size || item.clauses.some((c) => !known.has(clauseKey(c))))) {
    throw new AppError('CONFLICT', `该整改事项的修订请求已由 ${resolved.resolvedVersionLabel ?? '预案新版本'} 销号，需修订的预案条款不能再更改。`);
  }
  const fresh = item.clauses.filter((c) => !known.has(clauseKey(c)));
  for (const planId of new Set(fresh.map((c) => c.planId))) {
    const row = getPlanRow(db, planId);
    const sections = new Set(getPlanDocument(db, row).sections.map((s) => s.id));
    if (fresh.some((c) => c.planId === planId && !sections.has(c.sectionId))) throw new AppError('INVALID_INPUT', `所选条款已不在预案《${row.title}》中（可能已被删除），请重新选择需修订的条款。`);
  }
}

export const evaluationHandlers: Handlers<
  | 'eval.get'
  | 'eval.criteria-sets'
  | 'eval.set-criteria'
  | 'eval.save-form'
  | 'eval.delete-form'
  | 'eval.set-conclusion'
  | 'finding.list'
  | 'finding.save'
  | 'finding.delete'
  | 'item.list'
  | 'item.save'
  | 'item.set-status'
  | 'request.list'
  | 'request.resolve'
  | 'plan.clause-exercise'
> = {
  'eval.get': (input, ctx) => evaluationReport(ctx, input.drillId),
  'eval.criteria-sets': (_input, ctx) => criteriaSets(ctx),
  // Answers follow their criterion id; none is dropped unless the caller says the user agreed to exactly that.
  'eval.set-criteria': (input, ctx) => {
    const e = evaluationOf(ctx, input.drillId);
    const { forms, changes } = reconcileAnswers(e.criteria, input.criteria, e.forms);
    const dropped = changes.filter((c) => c.kind === 'dropped');
    if (dropped.length > 0 && !input.dropAnswers) {
      throw new AppError('CONFLICT', `新的评估标准无法保留 ${dropped.length} 条已填写的评分，未保存。请确认后再保存。`, dropped.map(describeAnswerChange));
    }
    evals.saveEvaluation(ctx.store.get(), input.drillId, { ...e, criteria: input.criteria, forms }, ctx.clock.now());
    return evaluationReport(ctx, input.drillId);
  },
  'eval.save-form': (input, ctx) => {
    const problems = formProblems(evaluationOf(ctx, input.drillId).criteria, input.form);
    if (problems.length > 0) throw new AppError('INVALID_INPUT', `评估表中有 ${problems.length} 项评分超出该评估项的评分范围，未保存。请改正后再保存。`, problems);
    return saveForms(ctx, input.drillId, (forms) => [...forms.filter((f) => f.id !== input.form.id), input.form]);
  },
  'eval.delete-form': (input, ctx) => saveForms(ctx, input.drillId, (forms) => forms.filter((f) => f.id !== input.formId)),
  'eval.set-conclusion': (input, ctx) => {
    const e = evaluationOf(ctx, input.drillId);
    evals.saveEvaluation(ctx.store.get(), input.drillId, { ...e, conclusion: input.text }, ctx.clock.now());
    return evaluationReport(ctx, input.drillId);
  },
  'finding.list': (input, ctx) => {
    drills.getDrill(ctx.store.get(), input.drillId);
    return evals.listFindings(ctx.store.get(), input.drillId);
  },
  'finding.save': (input, ctx) => {
    drills.getDrill(ctx.store.get(), input.drillId);
    const f = evals.saveFinding(ctx.store.get(), input.drillId, input.id, input.finding, ctx.clock.now());
    ctx.events.emit('data.changed', { area: 'evaluation' });
    return withRecurring(ctx, [f])[0]!;
  },
  'finding.delete': (input, ctx) => {
    evals.deleteFinding(ctx.store.get(), input.id);
    return null;
  },
  'item.list': (input, ctx) => evals.listItems(ctx.store.get(), today(ctx), input ?? {}),
  'item.save': (input, ctx) => {
    const db = ctx.store.get();
    checkItemClauses(db, input.item, input.id ? evals.getItem(db, input.id, today(ctx)) : null);
    const held = evals.itemHeldOn(db)(input.item);
    const late = held ? itemDeadlineProblem(input.item.deadline, held) : null;
    if (late) throw new AppError('INVALID_INPUT', `${late}。`);
    const planId = input.item.needsPlanChange ? input.item.clauses[0]?.planId : undefined;
    // The clauses as the plan holds them now: only a version that changes one of them may close the request.
    const raised = planId ? raisedClauses(getPlanDocument(db, getPlanRow(db, planId)), input.item.clauses.map((c) => c.sectionId)) : {};
    const id = evals.saveItem(db, input.id, input.item, ctx.clock.now(), raised);
    ctx.events.emit('data.changed', { area: 'evaluation' });
    return evals.getItem(db, id, today(ctx));
  },
  'item.set-status': (input, ctx) => {
    const db = ctx.store.get();
    evals.setItemStatus(db, input.id, input.status, input.evidence ?? '', input.date, ctx.clock.now());
    ctx.events.emit('data.changed', { area: 'evaluation' });
    return evals.getItem(db, input.id, today(ctx));
  },
  'request.list': (input, ctx) => {
    const db = ctx.store.get();
    const read = requestVersionsReader(db);
    const draftOf = memo((planId) => getPlanDocument(db, getPlanRow(db, planId)));
    const now = ctx.clock.now();
    return evals.listRequests(db, input?.planId).map((r) => {
      if (r.status !== 'open') return r;
      const versions = read(r);
      return { ...r, resolvingVersionIds: resolvingVersionIds(versions), draftResolves: whyDraftNotResolving(versions, draftOf(r.planId), now) === null };
    });
  },
  'request.resolve': (input, ctx) => {
    const db = ctx.store.get();
    const r = db.transaction(() => resolveRequestWith(db, input.id, input.versionId, ctx.clock.now()))();
    ctx.events.emit('data.changed', { area: 'evaluation' });
    return r;
  },
  // Loaded once per call: every drill's script, and per drill its grade and the plan version then in force.
  'plan.clause-exercise': (input, ctx) => {
    const db = ctx.store.get();
    const plan = getPlanDocument(db, getPlanRow(db, input.planId));
    const versions = listVersions(db, input.planId);
    const all = drills.listDrills(db);
    const injectsBySection = new Map<string, ClauseExercise['testedBy']>();
    for (const d of all) {
      for (const i of drills.getScript(db, d.id).injects) {
        for (const c of i.clauseLinks) {
          if (c.planId !== input.planId) continue;
          injectsBySection.set(c.sectionId, [...(injectsBySection.get(c.sectionId) ?? []), { drillId: d.id, drillName: d.name, injectId: i.id, scene: i.scene }]);
        }
      }
    }
    // Dated as held (see heldOn), so the latest is the latest run, and the plan version compared is the one then in force.
    const starts = drills.clockSpans(db);
    const done = all
      .filter((d) => d.status === 'conducted' || d.status === 'evaluated' || d.status === 'archived')
      .map((d) => ({ ...d, date: heldOn(d, starts.get(d.id)?.startedAt) }))
      .sort((a, b) => b.date.localeCompare(a.date));
    const gradeOf = memo((drillId) => {
      const e = evaluationOf(ctx, drillId);
      return combineScores(e.criteria, e.forms).grade;
    });
    const docAt = memo((date) => {
      const v = versions.find((x) => localDate(new Date(x.createdAt)) <= date);
      return v ? getVersion(db, input.planId, v.id).doc : null;
    });
    return plan.sections.map((s): ClauseExercise => {
      const testedBy = injectsBySection.get(s.id) ?? [];
      const last = done.find((d) => d.planLinks.some((l) => l.planId === input.planId && l.sectionIds.includes(s.id)) || testedBy.some((t) => t.drillId === d.id));
      const then = last ? docAt(last.date)?.sections.find((x) => x.id === s.id) : undefined;
      return {
        sectionId: s.id,
        lastDrill: last ? { drillId: last.id, name: last.name, date: last.date, grade: gradeOf(last.id) } : null,
        changedSinceDrill: then !== undefined && (then.title !== s.title || blocksText(then.body) !== blocksText(s.body)),
        testedBy,
      };
    });
  },
};
