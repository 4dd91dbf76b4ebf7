// Versions, comparison, status flow, upstream revisions and the guided merge, search.
import { AppError } from '../../shared/errors';
import { REVIEW_YEARS } from '../../shared/rules';
import type { MergeProposal } from '../../shared/schemas/revision';
import * as plans from '../db/repos/plan-repo';
import * as revisions from '../db/repos/revision-repo';
import { search } from '../db/repos/search-repo';
import { localDate } from '../clock';
import { checkPlan, locateFindings } from '../domain/checks/plan-checks';
import { newId } from '../domain/plans/ids';
import { compareDocuments } from '../domain/revisions/compare-docs';
import { mergeNote, summarise } from '../domain/revisions/merge-note';
import { applyMerge, proposeMerge, unresolved } from '../domain/revisions/three-way-merge';
import { adoptPlaceholders, placeholderChanges } from '../domain/revisions/placeholder-changes';
import { compareRevisions } from '../domain/revisions/upstream-diff';
import { getProfile } from '../db/repos/profile-repo';
import { asPlanReads } from '../domain/plans/placeholders';
import { resolveRequestWith } from './evaluation';
import { planDetail } from './plans';
import type { HandlerContext, Handlers } from './types';


function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus three years is 1 March.
  return date.toISOString().slice(0, 10);
}

function docOf(ctx: HandlerContext, planId: string, ref: string) {
  const db = ctx.store.get();
  return ref === 'draft' ? plans.getPlanDocument(db, plans.getPlanRow(db, planId)) : revisions.getVersion(db, planId, ref).doc;
}

/** The merge's input with the revision's renamed names adopted as proposed or as the planner chose. */
function mergeInput(ctx: HandlerContext, planId: string, toRevision: string, nameChoices: readonly { key: string; adopt: boolean }[] = []) {
  const db = ctx.store.get();
  const row = plans.getPlanRow(db, planId);
  if (!row.template_id || !row.template_revision) throw new AppError('INVALID_INPUT', '该预案不是依据上位预案模板编制的，无法合并上位修订。');
  if (row.status === 'published' || row.status === 'abolished') throw new AppError('CONFLICT', '已发布的预案请先“创建修订稿”，再合并上位修订。');
  const newRev = ctx.templates.get(row.template_id, toRevision);
  if (toRevision === row.template_revision) throw new AppError('INVALID_INPUT', '预案已依据该修订版本。');
  const oldRev = ctx.templates.find(row.template_id, row.template_revision) ?? null;
  const doc = plans.getPlanDocument(db, row);
  const names = placeholderChanges(doc, oldRev, newRev, getProfile(db), nameChoices);
  return { row, names, input: { doc: adoptPlaceholders(doc, names), oldRev, newRev } };
}

export const revisionHandlers: Handlers<
  | 'plan.history'
  | 'plan.save-version'
  | 'plan.get-version'
  | 'plan.compare'
  | 'plan.restore-version'
  | 'plan.set-status'
  | 'template.compare'
  | 'plan.merge-preview'
  | 'plan.merge-apply'
  | 'search.query'
  | 'plan.checks'
> = {
  'plan.history': (input, ctx) => revisions.history(ctx.store.get(), input.id),

  // The version and the requests it closes (销号) are one write: a request it cannot close refuses the whole save.
  'plan.save-version': (input, ctx) => {
    const db = ctx.store.get();
    const now = ctx.clock.now();
    const resolve = [...new Set(input.resolveRequests ?? [])];
    const v = db.transaction(() => {
      const saved = revisions.saveVersion(db, input.id, 'manual', input.note, input.author ?? '', now);
      // Another plan's request is refused too: the new version is not one of its plan's.
      for (const id of resolve) resolveRequestWith(db, id, saved.id, now, true);
      return saved;
    })();
    ctx.events.emit('data.changed', { area: 'plans' });
    if (resolve.length) ctx.events.emit('data.changed', { area: 'evaluation' });
    return v;
  },

  'plan.get-version': (input, ctx) => revisions.getVersion(ctx.store.get(), input.id, input.versionId),

  'plan.compare': (input, ctx) => compareDocuments(docOf(ctx, input.id, input.from), docOf(ctx, input.id, input.to)),

  'plan.restore-version': (input, ctx) => {
    const db = ctx.store.get();
    const now = ctx.clock.now();
    db.transaction(() => {
      const row = plans.getPlanRow(db, input.id);
      const { info, doc } = revisions.getVersion(db, input.id, input.versionId);
      if (row.status === 'published' || row.status === 'abolished') {
        revisions.addStatusEvent(db, input.id, { from: row.status, to: 'draft', date: localDate(now), actor: '', department: '', note: `恢复 V${info.seq} 为新的修订稿` }, now);
        db.prepare("UPDATE plans SET status = 'draft' WHERE id = ?").run(input.id);
      }
      plans.replaceAllSections(db, input.id, doc.sections, now);
      db.prepare('UPDATE plans SET placeholders_json = ?, numbering = ? WHERE id = ?').run(JSON.stringify(doc.placeholders), doc.numbering, input.id);
      revisions.saveVersion(db, input.id, 'restore', `恢复自 V${info.seq}（${info.note}）`, '', now, false, info.seq);
    })();
    ctx.events.emit('data.changed', { area: 'plans' });
    return planDetail(ctx, input.id);
  },

  // Publishing saves the published version; the requests it closes (销号) go in the same write, as with 保存版本.
  'plan.set-status': (input, ctx) => {
    const db = ctx.store.get();
    const now = ctx.clock.now();
    const resolve = [...new Set(input.resolveRequests ?? [])];
    if (resolve.length && input.to !== 'published') throw new AppError('INVALID_INPUT', '只有发布（保存发布版）时才能同时销号修订请求。');
    db.transaction(() => {
      const row = plans.getPlanRow(db, input.id);
      if (!revisions.TRANSITIONS[row.status].includes(input.to)) throw new AppError('INVALID_INPUT', `预案状态不能从“${row.status}”直接变为“${input.to}”。`);
      let versionId: string | null = null;
      if (input.to === 'published') {
        db.prepare("UPDATE plans SET status = 'published' WHERE id = ?").run(input.id);
        versionId = revisions.saveVersion(db, input.id, 'published', `发布${input.note ? `：${input.note}` : ''}`, input.actor, now).id;
        for (const id of resolve) resolveRequestWith(db, id, versionId, now, true);
        db.prepare('UPDATE plans SET published_date = ?, next_review_date = ? WHERE id = ?').run(input.date, addYears(input.date, REVIEW_YEARS), input.id);
      } else {
        db.prepare('UPDATE plans SET status = ? WHERE id = ?').run(input.to, input.id);
      }
      db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(now.toISOString(), input.id);
      revisions.addStatusEvent(db, input.id, { from: row.status, to: input.to, date: input.date, actor: input.actor, department: input.department, note: input.note ?? '', versionId }, now);
    })();
    ctx.events.emit('data.changed', { area: 'plans' });
    if (resolve.length) ctx.events.emit('data.changed', { area: 'evaluation' });
    return planDetail(ctx, input.id);
  },

  'template.compare': (input, ctx) => compareRevisions(ctx.templates.get(input.templateId, input.from), ctx.templates.get(input.templateId, input.to)),

  'plan.merge-preview': (input, ctx): MergeProposal => {
    const { row, names, input: m } = mergeInput(ctx, input.id, input.toRevision, input.names);
    return {
      planId: row.id,
      templateId: m.newRev.meta.id,
      fromRevision: row.template_revision!,
      toRevision: input.toRevision,
      placeholders: names,
      items: proposeMerge(m),
      // Both sides read with the plan's names (as adopted), so only what the city rewrote shows as changed.
      upstream: m.oldRev ? compareRevisions(m.oldRev, m.newRev, asPlanReads(m.doc.placeholders, [...m.newRev.placeholders, ...m.oldRev.placeholders])) : [],
    };
  },

  'plan.merge-apply': (input, ctx) => {
    const db = ctx.store.get();
    const now = ctx.clock.now();
    const { row, names, input: m } = mergeInput(ctx, input.id, input.toRevision, input.names);
    const items = proposeMerge(m);
    const open = unresolved(items, input.resolutions);
    if (open.length) throw new AppError('INVALID_INPUT', `还有 ${open.length} 处冲突未处理。`, open.map((i) => `“${i.title}”需要选择保留本区文本、采用上位文本或人工修改`));
    const merged = applyMerge(m, input.resolutions, () => newId('s'));
    const renamed = names.filter((n) => n.adopt && n.current !== null).map((n) => `名称“${n.current}”改为“${n.proposed}”`);
    const note = [mergeNote(m.newRev.meta.title, row.template_revision!, input.toRevision, summarise(m, items, input.resolutions, merged)), ...renamed, input.note].filter(Boolean).join('\n');
    db.transaction(() => {
      revisions.saveVersion(db, input.id, 'manual', `合并上位修订（${input.toRevision}）前的自动备份`, '', now, true);
      plans.replaceAllSections(db, input.id, merged.sections, now);
      db.prepare('UPDATE plans SET template_revision = ?, placeholders_json = ? WHERE id = ?').run(input.toRevision, JSON.stringify(merged.placeholders), input.id);
      const lead = names.find((n) => n.adopt && n.current !== null && n.current === row.lead_unit);
      if (lead) db.prepare('UPDATE plans SET lead_unit = ? WHERE id = ?').run(lead.proposed, input.id);
      revisions.saveVersion(db, input.id, 'merge', note, '', now);
    })();
    ctx.events.emit('data.changed', { area: 'plans' });
    return planDetail(ctx, input.id);
  },

  'plan.checks': (input, ctx) => {
    const db = ctx.store.get();
    const row = plans.getPlanRow(db, input.id);
    const newest = row.template_id ? ctx.templates.newest(row.template_id) : undefined;
    const upstream = newest && row.template_revision && newest.meta.revision !== row.template_revision ? { templateTitle: newest.meta.title, currentRevision: row.template_revision, newestRevision: newest.meta.revision } : null;
    const doc = plans.getPlanDocument(db, row);
    return locateFindings(checkPlan({ doc, today: localDate(ctx.clock.now()), nextReviewDate: row.next_review_date, upstream }), doc);
  },

  'search.query': (input, ctx) =>
    search(ctx.store.get(), input.query, { includeVersions: input.includeVersions ?? false, includeArchived: input.includeArchived ?? false, limit: input.limit ?? 50 }),
};
