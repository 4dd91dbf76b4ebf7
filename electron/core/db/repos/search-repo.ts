// Full-text search over every plan's draft and versions: FTS5 with the trigram tokenizer (works for Chinese).
import type Database from 'better-sqlite3';
import { blocksText, type PlanSection } from '../../../shared/doc-model';
import type { SearchHit } from '../../../shared/schemas/revision';

/** version_id for the working draft's rows. */
export const DRAFT = '';

// Rows are found through search_rows (an ordinary indexed table) and deleted by rowid: FTS5 cannot index its key columns.

export function unindexSections(db: Database.Database, planId: string, sectionIds: string[]): void {
  const find = db.prepare('SELECT id FROM search_rows WHERE plan_id = ? AND version_id = ? AND section_id = ?');
  const delFts = db.prepare('DELETE FROM plan_search WHERE rowid = ?');
  const delRow = db.prepare('DELETE FROM search_rows WHERE id = ?');
  for (const sid of sectionIds) {
    for (const { id } of find.all(planId, DRAFT, sid) as { id: number }[]) {
      delFts.run(id);
      delRow.run(id);
    }
  }
}

export function unindexPlanDraft(db: Database.Database, planId: string): void {
  const ids = db.prepare('SELECT id FROM search_rows WHERE plan_id = ? AND version_id = ?').all(planId, DRAFT) as { id: number }[];
  const delFts = db.prepare('DELETE FROM plan_search WHERE rowid = ?');
  for (const { id } of ids) delFts.run(id);
  db.prepare('DELETE FROM search_rows WHERE plan_id = ? AND version_id = ?').run(planId, DRAFT);
}

export function indexSections(db: Database.Database, planId: string, versionId: string, sections: PlanSection[]): void {
  const row = db.prepare('INSERT INTO search_rows (plan_id, version_id, section_id) VALUES (?, ?, ?)');
  const ins = db.prepare('INSERT INTO plan_search (rowid, plan_id, version_id, section_id, title, body) VALUES (?, ?, ?, ?, ?, ?)');
  for (const s of sections) {
    const id = row.run(planId, versionId, s.id).lastInsertRowid;
    ins.run(id, planId, versionId, s.id, s.title, blocksText(s.body));
  }
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

interface Row {
  plan_id: string;
  version_id: string;
  section_id: string;
  title: string;
  snippet: string;
  plan_title: string;
  plan_code: string;
  archived: number;
  seq: number | null;
}

/** Snippet for the LIKE path (queries under three characters, which trigrams cannot index). */
function likeSnippet(body: string, title: string, q: string): string {
  const src = body.includes(q) ? body : title;
  const at = src.indexOf(q);
  const start = Math.max(0, at - 24);
  const end = Math.min(src.length, at + q.length + 24);
  return `${start > 0 ? '…' : ''}${src.slice(start, at)}${OPEN}${q}${CLOSE}${src.slice(at + q.length, end)}${end < src.length ? '…' : ''}`;
}

export interface SearchScope {
  includeVersions: boolean;
  /** Archived plans are searched only when asked (the library shows them only when asked), and listed after the others. */
  includeArchived: boolean;
  limit: number;
}

/**
 * Every whitespace-separated term must occur (AND). Terms of three characters or more go through the
 * trigram index; shorter ones (which trigrams cannot index) through LIKE on the same rows.
 */
export function search(db: Database.Database, query: string, { includeVersions, includeArchived, limit }: SearchScope): SearchHit[] {
  const terms = query.trim().split(/\s+/).filter(Boolean);
  if (!terms.length) return [];
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const where: string[] = [];
  const params: string[] = [];
  if (long.length) {
    where.push('plan_search MATCH ?');
    params.push(long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND '));
  }
  for (const t of short) {
    const like = `%${t.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push("(s.body LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\')");
    params.push(like, like);
  }
  if (!includeVersions) where.push(`s.version_id = '${DRAFT}'`);
  if (!includeArchived) where.push('p.archived_at IS NULL');
  const snippet = long.length ? `snippet(plan_search, 4, '${OPEN}', '${CLOSE}', '…', 24)` : 's.body';
  const rows = db
    .prepare(
      `SELECT s.plan_id, s.version_id, s.section_id, s.title, s.body, ${snippet} AS snippet, p.title AS plan_title, p.code AS plan_code,
              p.archived_at IS NOT NULL AS archived, v.seq
       FROM plan_search s JOIN plans p ON p.id = s.plan_id LEFT JOIN plan_versions v ON v.id = s.version_id
       WHERE ${where.join(' AND ')} ORDER BY p.archived_at IS NOT NULL, s.version_id = '' DESC${long.length ? ', rank' : ''} LIMIT ?`,
    )
    .all(...params, limit) as (Row & { body: string })[];
  // A hit found without the index, or only in the title, gets its snippet marked here.
  for (const r of rows) if (!r.snippet.includes(OPEN)) r.snippet = likeSnippet(r.body, r.title, terms.find((t) => r.body.includes(t)) ?? terms[0]!);
  return rows.map((r) => ({
    planId: r.plan_id,
    planTitle: r.plan_title,
    planCode: r.plan_code,
    archived: r.archived === 1,
    versionId: r.version_id || null,
    versionLabel: r.seq === null ? null : `V${r.seq}`,
    sectionId: r.section_id,
    sectionTitle: r.title,
    snippet: r.snippet,
  }));
}
