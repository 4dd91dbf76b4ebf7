// Plans and their sections in SQLite; a save replaces only the chapters it carries, in one transaction.
import type Database from 'better-sqlite3';
import { blocksText, charCount, type BlockJSON, type NumberingStyle, type PlaceholderValue, type PlanDocument, type PlanSection } from '../../../shared/doc-model';
import { AppError } from '../../../shared/errors';
import type { PlanStatus } from '../../../shared/schemas/plan';
import { titleAsRead, unfilledKeys } from '../../domain/plans/placeholders';
import { DRAFT, indexSections, unindexPlanDraft, unindexSections } from './search-repo';

export interface PlanRow {
  id: string;
  code: string;
  title: string;
  hazard: string;
  category: string;
  lead_unit: string;
  status: PlanStatus;
  template_id: string | null;
  template_revision: string | null;
  numbering: NumberingStyle;
  placeholders_json: string;
  chapters_json: string;
  published_date: string | null;
  next_review_date: string | null;
  archived_at: string | null;
  cursor_section_id: string | null;
  char_count: number;
  /** Bumped by every write of the plan's content: what an open editor's save must still match. */
  save_seq: number;
  unfilled_json: string;
  created_at: string;
  updated_at: string;
}

interface SectionRow {
  id: string;
  chapter_id: string;
  level: 1 | 2 | 3 | 4;
  kind: 'body' | 'annex';
  title: string;
  body_json: string;
  lineage_json: string | null;
}

export interface NewPlanRecord {
  id: string;
  code: string;
  title: string;
  hazard: string;
  category: string;
  leadUnit: string;
  templateId: string | null;
  templateRevision: string | null;
  doc: PlanDocument;
}

function sectionChars(s: PlanSection): number {
  return charCount(s.title) + charCount(blocksText(s.body));
}

/** Splits a flat section list into chapters: each level-1 section with what follows it. */
export function chaptersOf(sections: PlanSection[]): { id: string; sections: PlanSection[] }[] {
  const chapters: { id: string; sections: PlanSection[] }[] = [];
  for (const s of sections) {
    if (s.level === 1 || chapters.length === 0) chapters.push({ id: s.id, sections: [s] });
    else chapters[chapters.length - 1]!.sections.push(s);
  }
  return chapters;
}

function insertSections(db: Database.Database, planId: string, chapterId: string, sections: PlanSection[]): void {
  const ins = db.prepare(
    'INSERT INTO plan_sections (plan_id, id, chapter_id, ord, level, kind, title, body_json, lineage_json, char_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  sections.forEach((s, ord) =>
    ins.run(planId, s.id, chapterId, ord, s.level, s.kind, s.title, JSON.stringify(s.body), s.lineage ? JSON.stringify(s.lineage) : null, sectionChars(s)),
  );
  indexSections(db, planId, DRAFT, sections);
}

const CHIP = '%"placeholder"%';

/**
 * Recomputes the plan's derived columns (length, chips left) from its rows. The chips left are read from every
 * section holding one (a scan of the plan's text): an autosave whose sections held no chip before or after skips it.
 */
function refreshTotals(db: Database.Database, planId: string, chipsMayChange = true): void {
  db.prepare('UPDATE plans SET char_count = (SELECT coalesce(sum(char_count), 0) FROM plan_sections WHERE plan_id = ?) WHERE id = ?').run(planId, planId);
  if (!chipsMayChange) return;
  const rows = db.prepare('SELECT body_json FROM plan_sections WHERE plan_id = ? AND body_json LIKE ?').all(planId, CHIP) as { body_json: string }[];
  const unfilled = unfilledKeys(rows.map((r) => ({ body: JSON.parse(r.body_json) as BlockJSON[] }) as PlanSection));
  db.prepare('UPDATE plans SET unfilled_json = ? WHERE id = ?').run(JSON.stringify(unfilled), planId);
}

export function insertPlan(db: Database.Database, p: NewPlanRecord, now: Date): void {
  db.transaction(() => {
    const chapters = chaptersOf(p.doc.sections);
    db.prepare(
      `INSERT INTO plans (id, code, title, hazard, category, lead_unit, template_id, template_revision, numbering, placeholders_json, chapters_json, created_at, updated_at)
       VALUES (@id, @code, @title, @hazard, @category, @leadUnit, @templateId, @templateRevision, @numbering, @placeholders, @chapters, @now, @now)`,
    ).run({ ...p, numbering: p.doc.numbering, placeholders: JSON.stringify(p.doc.placeholders), chapters: JSON.stringify(chapters.map((c) => c.id)), now: now.toISOString() });
    for (const c of chapters) insertSections(db, p.id, c.id, c.sections);
    refreshTotals(db, p.id);
  })();
}

/** Plans made before titles read 〔区名〕 may still hold {{区名}}: read them as a planner does. */
function asRead(row: PlanRow): PlanRow {
  return row.title.includes('{{') || row.lead_unit.includes('{{') ? { ...row, title: titleAsRead(row.title), lead_unit: titleAsRead(row.lead_unit) } : row;
}

export function getPlanRow(db: Database.Database, id: string): PlanRow {
  const row = db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '未找到该预案。');
  return asRead(row);
}

export function listPlanRows(db: Database.Database, includeArchived: boolean): PlanRow[] {
  return (db.prepare(`SELECT * FROM plans ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY updated_at DESC`).all() as PlanRow[]).map(asRead);
}

export function getPlanDocument(db: Database.Database, row: PlanRow): PlanDocument {
  const rows = db.prepare('SELECT id, chapter_id, level, kind, title, body_json, lineage_json FROM plan_sections WHERE plan_id = ? ORDER BY ord').all(row.id) as SectionRow[];
  const byChapter = new Map<string, PlanSection[]>();
  for (const r of rows) {
    const s: PlanSection = { id: r.id, level: r.level, kind: r.kind, title: r.title, body: JSON.parse(r.body_json) };
    if (r.lineage_json) s.lineage = JSON.parse(r.lineage_json);
    byChapter.set(r.chapter_id, [...(byChapter.get(r.chapter_id) ?? []), s]);
  }
  const order = JSON.parse(row.chapters_json) as string[];
  return {
    schema: 1,
    numbering: row.numbering,
    placeholders: JSON.parse(row.placeholders_json) as PlaceholderValue[],
    sections: order.flatMap((c) => byChapter.get(c) ?? []),
  };
}

export interface ChapterSave {
  id: string;
  sections: PlanSection[];
}

/** A section rewritten in place: same id, chapter and level as stored. */
export interface SectionEdit {
  chapterId: string;
  section: PlanSection;
}

/**
 * Replaces the given chapters' sections and sets the chapter order. A chapter in the order that is
 * neither saved nor stored, or a stored chapter missing from the order, is refused: a save never drops text.
 * `edits` are sections rewritten in place (see editInPlace).
 */
export function saveChapters(db: Database.Database, planId: string, chapters: ChapterSave[], order: string[], cursor: string | null | undefined, now: Date, removed: string[] = [], edits: SectionEdit[] = [], baseSeq?: number): void {
  db.transaction(() => {
    const row = getPlanRow(db, planId);
    assertEditable(row);
    // Two windows on one plan: the later save would silently overwrite what the other saved since it opened.
    if (baseSeq !== undefined && row.save_seq !== baseSeq) throw new AppError('STALE', STALE_COPY);
    const stored = new Set((db.prepare('SELECT DISTINCT chapter_id AS c FROM plan_sections WHERE plan_id = ?').all(planId) as { c: string }[]).map((r) => r.c));
    const saved = new Set(chapters.map((c) => c.id));
    if (new Set(order).size !== order.length) throw new AppError('INVALID_INPUT', '章节顺序中有重复的章。');
    for (const c of order) if (!stored.has(c) && !saved.has(c)) throw new AppError('CONFLICT', '章节顺序引用了不存在的章，请刷新后重试。');
    for (const c of saved) if (!order.includes(c)) throw new AppError('INVALID_INPUT', '保存的章不在章节顺序中。');
    // A chapter may leave the order only when its sections were moved into saved chapters (merged away).
    const incomingIds = new Set(chapters.flatMap((c) => c.sections.map((s) => s.id)));
    for (const c of removed) if (order.includes(c) || saved.has(c)) throw new AppError('INVALID_INPUT', '删除的章不能同时出现在章节顺序中。');
    for (const c of stored) {
      if (order.includes(c) || removed.includes(c)) continue;
      const left = (db.prepare('SELECT id FROM plan_sections WHERE plan_id = ? AND chapter_id = ?').all(planId, c) as { id: string }[]).filter((r) => !incomingIds.has(r.id));
      if (left.length) throw new AppError('CONFLICT', '保存会丢失未包含在内的章节内容，已拒绝。');
    }
    const replaced = db.prepare('SELECT id FROM plan_sections WHERE plan_id = ? AND (chapter_id = ? OR id = ?)');
    const idsOf = (chapterId: string, sectionId: string) => (replaced.all(planId, chapterId, sectionId) as { id: string }[]).map((r) => r.id);
    // Chips can come or go only with a section written or removed here that holds one, before or after.
    const written = [...chapters.flatMap((c) => c.sections), ...edits.map((e) => e.section)];
    const chipBefore = db.prepare('SELECT 1 FROM plan_sections WHERE plan_id = ? AND (chapter_id = ? OR id = ?) AND body_json LIKE ? LIMIT 1');
    const chipsMayChange =
      written.some((s) => JSON.stringify(s.body).includes('"placeholder"')) ||
      // The rows replaced below: removed chapters, each saved chapter's rows and sections moved into it, sections edited in place.
      [...removed.map((c) => [c, ''] as const), ...chapters.flatMap((c) => c.sections.map((x) => [c.id, x.id] as const)), ...edits.map((e) => ['', e.section.id] as const)].some(
        ([c, id]) => chipBefore.get(planId, c, id, CHIP) !== undefined,
      );
    unindexSections(db, planId, [...removed.flatMap((c) => idsOf(c, '')), ...chapters.flatMap((c) => c.sections.flatMap((s) => idsOf(c.id, s.id)))]);
    const delChapter = db.prepare('DELETE FROM plan_sections WHERE plan_id = ? AND chapter_id = ?');
    for (const c of removed) delChapter.run(planId, c);
    const del = db.prepare('DELETE FROM plan_sections WHERE plan_id = ? AND (chapter_id = ? OR id = ?)');
    for (const c of chapters) for (const s of c.sections) del.run(planId, c.id, s.id);
    for (const c of chapters) insertSections(db, planId, c.id, c.sections);
    editInPlace(db, planId, edits, new Set([...saved, ...removed]));
    db.prepare('UPDATE plans SET chapters_json = ?, cursor_section_id = coalesce(?, cursor_section_id), updated_at = ?, save_seq = save_seq + 1 WHERE id = ?').run(JSON.stringify(order), cursor ?? null, now.toISOString(), planId);
    refreshTotals(db, planId, chipsMayChange);
  })();
}

/** Inside saveChapters' transaction: a section whose chapter or level changed must come with its whole chapter. */
function editInPlace(db: Database.Database, planId: string, edits: SectionEdit[], wholeChapters: ReadonlySet<string>): void {
  if (!edits.length) return;
  const stored = db.prepare('SELECT chapter_id AS chapterId, level FROM plan_sections WHERE plan_id = ? AND id = ?');
  const upd = db.prepare('UPDATE plan_sections SET title = ?, body_json = ?, char_count = ?, kind = ?, lineage_json = ? WHERE plan_id = ? AND id = ?');
  for (const { chapterId, section } of edits) {
    if (wholeChapters.has(chapterId)) throw new AppError('INVALID_INPUT', '同一章不能既整章保存又逐节保存。');
    const row = stored.get(planId, section.id) as { chapterId: string; level: number } | undefined;
    if (!row || row.chapterId !== chapterId || row.level !== section.level) throw new AppError('CONFLICT', '章节结构已在别处改变，请刷新后重试。');
    upd.run(section.title, JSON.stringify(section.body), sectionChars(section), section.kind, section.lineage ? JSON.stringify(section.lineage) : null, planId, section.id);
  }
  unindexSections(db, planId, edits.map((e) => e.section.id));
  indexSections(db, planId, DRAFT, edits.map((e) => e.section));
}

export interface PlanMetaPatch {
  code?: string;
  title?: string;
  leadUnit?: string;
  hazard?: string;
  numbering?: NumberingStyle;
  publishedDate?: string | null;
  nextReviewDate?: string | null;
}

/** Why a save from an outdated copy of the plan is refused. */
export const STALE_COPY = '本预案已在另一个窗口（或浏览器标签页）中修改并保存。为免覆盖那边的修改，本页此后的修改没有保存。请重新打开预案后再继续编辑。';

/** A published or abolished plan changes only through a new revision draft. */
export function assertEditable(row: Pick<PlanRow, 'status'>): void {
  if (row.status === 'published' || row.status === 'abolished') throw new AppError('CONFLICT', '已发布或已废止的预案不能直接修改，请先创建新的修订稿。');
}

export function updatePlanMeta(db: Database.Database, id: string, patch: PlanMetaPatch, now: Date): void {
  const cols: Record<keyof PlanMetaPatch, string> = { code: 'code', title: 'title', leadUnit: 'lead_unit', hazard: 'hazard', numbering: 'numbering', publishedDate: 'published_date', nextReviewDate: 'next_review_date' };
  const keys = (Object.keys(patch) as (keyof PlanMetaPatch)[]).filter((k) => patch[k] !== undefined);
  db.transaction(() => {
    getPlanRow(db, id);
    if (keys.length) db.prepare(`UPDATE plans SET ${keys.map((k) => `${cols[k]} = @${k}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...patch, id, now: now.toISOString() });
  })();
}

export function setArchived(db: Database.Database, id: string, archived: boolean, now: Date): void {
  db.transaction(() => {
    getPlanRow(db, id);
    db.prepare('UPDATE plans SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now.toISOString() : null, now.toISOString(), id);
  })();
}

/** Rewrites the given sections (same ids, same chapters) and the placeholder values, e.g. after filling a chip. */
export function replaceSections(db: Database.Database, planId: string, sections: PlanSection[], placeholders: PlaceholderValue[], now: Date): void {
  db.transaction(() => {
    const upd = db.prepare('UPDATE plan_sections SET title = ?, body_json = ?, char_count = ? WHERE plan_id = ? AND id = ?');
    for (const s of sections) upd.run(s.title, JSON.stringify(s.body), sectionChars(s), planId, s.id);
    unindexSections(db, planId, sections.map((s) => s.id));
    indexSections(db, planId, DRAFT, sections);
    db.prepare('UPDATE plans SET placeholders_json = ?, updated_at = ?, save_seq = save_seq + 1 WHERE id = ?').run(JSON.stringify(placeholders), now.toISOString(), planId);
    refreshTotals(db, planId);
  })();
}

export function nextPlanCode(db: Database.Database, year: number): string {
  const prefix = `ZXYA-${year}-`;
  const rows = db.prepare('SELECT code FROM plans WHERE code LIKE ?').all(`${prefix}%`) as { code: string }[];
  const max = rows.reduce((m, r) => Math.max(m, Number(r.code.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

export function planIdsByTemplate(db: Database.Database): { id: string; title: string; template_id: string; template_revision: string }[] {
  return db.prepare('SELECT id, title, template_id, template_revision FROM plans WHERE template_id IS NOT NULL AND archived_at IS NULL').all() as never;
}

/** Rewrites every section of the plan in the given order (outline moves: rare, and O(plan) is fine then). */
export function replaceAllSections(db: Database.Database, planId: string, sections: PlanSection[], now: Date): void {
  db.transaction(() => {
    const row = getPlanRow(db, planId);
    assertEditable(row);
    db.prepare('DELETE FROM plan_sections WHERE plan_id = ?').run(planId);
    unindexPlanDraft(db, planId);
    const chapters = chaptersOf(sections);
    for (const c of chapters) insertSections(db, planId, c.id, c.sections);
    db.prepare('UPDATE plans SET chapters_json = ?, updated_at = ?, save_seq = save_seq + 1 WHERE id = ?').run(JSON.stringify(chapters.map((c) => c.id)), now.toISOString(), planId);
    refreshTotals(db, planId);
  })();
}
