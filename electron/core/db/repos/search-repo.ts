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

export function search(db: Database.Database, query: string, includeVersions: boolean, limit: number): SearchHit[] {
  const q = query.trim();
  const scope = includeVersions ? '' : `AND s.version_id = '${DRAFT}'`;
  const join = `JOIN plans p ON p.id = s.plan_id AND p.archived_at IS NULL LEFT JOIN plan_versions v ON v.id = s.version_id`;
  let rows: Row[];
  if ([...q].length >= 3) {
    const phrase = `"${q.replace(/"/g, '""')}"`;
    rows = db
      .prepare(
        `SELECT s.plan_id, s.version_id, s.section_id, s.title, snippet(plan_search, 4, '${OPEN}', '${CLOSE}', '…', 24) AS snippet, p.title AS plan_title, v.seq
         FROM plan_search s ${join} WHERE plan_search MATCH ? ${scope} ORDER BY s.version_id = '' DESC, rank LIMIT ?`,
      )
      .all(phrase, limit) as Row[];
    // A hit only in the title leaves the body snippet without a mark.
    for (const r of rows) if (!r.snippet.includes(OPEN)) r.snippet = likeSnippet('', r.title, q);
  } else {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    rows = (
      db
        .prepare(
          `SELECT s.plan_id, s.version_id, s.section_id, s.title, s.body AS snippet, p.title AS plan_title, v.seq
           FROM plan_search s ${join} WHERE (s.body LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\') ${scope} ORDER BY s.version_id = '' DESC LIMIT ?`,
        )
        .all(like, like, limit) as Row[]
    ).map((r) => ({ ...r, snippet: likeSnippet(r.snippet, r.title, q) }));
  }
  return rows.map((r) => ({
    planId: r.plan_id,
    planTitle: r.plan_title,
    versionId: r.version_id || null,
    versionLabel: r.seq === null ? null : `V${r.seq}`,
    sectionId: r.section_id,
    sectionTitle: r.title,
    snippet: r.snippet,
  }));
}
