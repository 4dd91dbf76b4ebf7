// Plan library and editor channels: create from a template, list, open, save chapters, fill placeholders.
import { titleKeys, type BlockJSON, type PlanSection } from '../../shared/doc-model';
import { AppError } from '../../shared/errors';
import type { PlanDetail, PlanSummary } from '../../shared/schemas/plan';
import type { Clock } from '../clock';
import { getProfile } from '../db/repos/profile-repo';
import * as repo from '../db/repos/plan-repo';
import { createPlanFromTemplate } from '../domain/plans/create-plan';
import { newId } from '../domain/plans/ids';
import { moveSection } from '../domain/plans/move-section';
import { fillBlocks, fillTitle } from '../domain/plans/placeholders';
import type { HandlerContext, Handlers } from './types';

/** The newer municipal revision this plan has not followed yet, if any. */
export function upstreamRevision(ctx: HandlerContext, r: repo.PlanRow): string | null {
  if (!r.template_id || !r.template_revision || r.status === 'abolished') return null;
  const newest = ctx.templates.newest(r.template_id);
  return newest && newest.meta.revision !== r.template_revision ? newest.meta.revision : null;
}

function summary(ctx: HandlerContext, r: repo.PlanRow): PlanSummary {
  const t = r.template_id && r.template_revision ? ctx.templates.all().templates.find((x) => x.meta.id === r.template_id && x.meta.revision === r.template_revision) : undefined;
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    hazard: r.hazard,
    category: r.category,
    leadUnit: r.lead_unit,
    status: r.status,
    templateId: r.template_id,
    templateRevision: r.template_revision,
    templateTitle: t ? t.meta.title : null,
    upstreamRevision: upstreamRevision(ctx, r),
    openRequests: (ctx.store.get().prepare("SELECT count(*) AS n FROM revision_requests WHERE plan_id = ? AND status = 'open'").get(r.id) as { n: number }).n,
    publishedDate: r.published_date,
    nextReviewDate: r.next_review_date,
    archived: r.archived_at !== null,
    // Chips left in the text, and keys left in the title or lead unit (a template whose title names one the body does not).
    unfilledPlaceholders: new Set([...(JSON.parse(r.unfilled_json) as string[]), ...titleKeys(`${r.title}${r.lead_unit}`, JSON.parse(r.placeholders_json) as { key: string }[])]).size,
    charCount: r.char_count,
    updatedAt: r.updated_at,
    saveSeq: r.save_seq,
  };
}

export function planDetail(ctx: HandlerContext, id: string): PlanDetail {
  const db = ctx.store.get();
  const row = repo.getPlanRow(db, id);
  return { ...summary(ctx, row), doc: repo.getPlanDocument(db, row), cursorSectionId: row.cursor_section_id };
}

function changed(ctx: HandlerContext): void {
  ctx.events.emit('data.changed', { area: 'plans' });
}

function year(clock: Clock): number {
  return clock.now().getFullYear();
}

export const planHandlers: Handlers<
  'plan.list' | 'plan.create' | 'plan.get' | 'plan.save' | 'plan.move-section' | 'plan.update-meta' | 'plan.fill-placeholder' | 'plan.duplicate' | 'plan.archive'
> = {
  'plan.list': (input, ctx) => repo.listPlanRows(ctx.store.get(), input?.includeArchived ?? false).map((r) => summary(ctx, r)),

  'plan.create': (input, ctx) => {
    const db = ctx.store.get();
    const t = ctx.templates.get(input.templateId, input.revision);
    const made = createPlanFromTemplate(t, getProfile(db), input.numbering ?? 'decimal', () => newId('s'));
    const id = newId('p');
    repo.insertPlan(db, { id, code: repo.nextPlanCode(db, year(ctx.clock)), templateId: t.meta.id, templateRevision: t.meta.revision, ...made }, ctx.clock.now());
    changed(ctx);
    return summary(ctx, repo.getPlanRow(db, id));
  },

  'plan.get': (input, ctx) => planDetail(ctx, input.id),

  'plan.save': (input, ctx) => {
    const db = ctx.store.get();
    // The schema checked every block's structure; the loose Lexical fields ride along untouched.
    const chapters = input.chapters.map((c) => ({ id: c.id, sections: c.sections.map((s) => ({ ...s, body: s.body as unknown as BlockJSON[] }) as PlanSection) }));
    const edits = (input.sections ?? []).map((e) => ({ chapterId: e.chapterId, section: { ...e.section, body: e.section.body as unknown as BlockJSON[] } as PlanSection }));
    repo.saveChapters(db, input.id, chapters, input.chapterOrder, input.cursorSectionId, ctx.clock.now(), input.removeChapters, edits, input.baseSeq);
    return summary(ctx, repo.getPlanRow(db, input.id));
  },

  'plan.move-section': (input, ctx) => {
    const current = planDetail(ctx, input.id);
    repo.replaceAllSections(ctx.store.get(), input.id, moveSection(current.doc.sections, input.sectionId, input.beforeId), ctx.clock.now());
    return planDetail(ctx, input.id);
  },

  // 名称、编号、牵头单位、灾种 and numbering are part of the plan: frozen once published, like its text.
  'plan.update-meta': (input, ctx) => {
    const db = ctx.store.get();
    const { id, ...patch } = input;
    db.transaction(() => {
      repo.assertEditable(repo.getPlanRow(db, id));
      repo.updatePlanMeta(db, id, patch, ctx.clock.now());
    })();
    changed(ctx);
    return planDetail(ctx, id);
  },

  'plan.fill-placeholder': (input, ctx) => {
    const db = ctx.store.get();
    const current = planDetail(ctx, input.id);
    const declared = current.doc.placeholders.find((p) => p.key === input.key);
    const placeholders = declared
      ? current.doc.placeholders.map((p) => (p.key === input.key ? { ...p, value: input.value } : p))
      : [...current.doc.placeholders, { key: input.key, label: input.key, value: input.value }];
    const only = [{ key: input.key, label: input.key, value: input.value }];
    const touched = current.doc.sections
      .map((s) => ({ before: s, after: { ...s, body: fillBlocks(s.body, only) } }))
      .filter(({ before, after }) => JSON.stringify(before.body) !== JSON.stringify(after.body))
      .map(({ after }) => after);
    // One transaction: the body, the name and the lead unit are filled together or not at all, and never on a published plan.
    db.transaction(() => {
      repo.assertEditable(repo.getPlanRow(db, input.id));
      repo.replaceSections(db, input.id, touched, placeholders, ctx.clock.now());
      // The plan's title and lead unit came from the template with the same placeholders.
      repo.updatePlanMeta(db, input.id, { title: fillTitle(current.title, input.key, input.value), leadUnit: fillTitle(current.leadUnit, input.key, input.value) }, ctx.clock.now());
    })();
    changed(ctx);
    return planDetail(ctx, input.id);
  },

  'plan.duplicate': (input, ctx) => {
    const db = ctx.store.get();
    const src = planDetail(ctx, input.id);
    const id = newId('p');
    repo.insertPlan(
      db,
      { id, code: repo.nextPlanCode(db, year(ctx.clock)), title: `${src.title}（副本）`, hazard: src.hazard, category: src.category, leadUnit: src.leadUnit, templateId: src.templateId, templateRevision: src.templateRevision, doc: src.doc },
      ctx.clock.now(),
    );
    changed(ctx);
    return summary(ctx, repo.getPlanRow(db, id));
  },

  'plan.archive': (input, ctx) => {
    if (!input.id) throw new AppError('INVALID_INPUT');
    repo.setArchived(ctx.store.get(), input.id, input.archived, ctx.clock.now());
    changed(ctx);
    return summary(ctx, repo.getPlanRow(ctx.store.get(), input.id));
  },
};
