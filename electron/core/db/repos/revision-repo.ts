// Plan versions (immutable snapshots), the status history, and the revision record built from them.
import type Database from 'better-sqlite3';
import { blocksText, charCount, type PlanDocument } from '../../../shared/doc-model';
import { AppError } from '../../../shared/errors';
import type { PlanStatus } from '../../../shared/schemas/plan';
import type { PlanHistory, StatusEvent, VersionInfo } from '../../../shared/schemas/revision';
import { newId } from '../../domain/plans/ids';
import { revisionRecord } from '../../domain/revisions/revision-record';
import { getPlanDocument, getPlanRow } from './plan-repo';
import { indexSections } from './search-repo';

interface VersionRow {
  id: string;
  seq: number;
  kind: VersionInfo['kind'];
  internal: number;
  note: string;
  author: string;
  status: PlanStatus;
  template_id: string | null;
  template_revision: string | null;
  title: string;
  char_count: number;
  created_at: string;
  restored_from_seq: number | null;
  doc_json?: string;
}

const toInfo = (r: VersionRow): VersionInfo => ({
  id: r.id,
  seq: r.seq,
  kind: r.kind,
  internal: r.internal === 1,
  note: r.note,
  author: r.author,
  status: r.status,
  templateId: r.template_id,
  templateRevision: r.template_revision,
  title: r.title,
  charCount: r.char_count,
  createdAt: r.created_at,
  restoredFrom: r.restored_from_seq ?? null,
});

/** Snapshots the working draft as the next version (inside the caller's transaction, or its own). */
/** `restoredFrom`: for a restore, the seq of the version whose text it brought back. */
export function saveVersion(db: Database.Database, planId: string, kind: VersionInfo['kind'], note: string, author: string, now: Date, internal = false, restoredFrom: number | null = null): VersionInfo {
  return db.transaction(() => {
    const row = getPlanRow(db, planId);
    const doc = getPlanDocument(db, row);
    const seq = ((db.prepare('SELECT max(seq) AS m FROM plan_versions WHERE plan_id = ?').get(planId) as { m: number | null }).m ?? 0) + 1;
    const id = newId('v');
    const chars = doc.sections.reduce((n, s) => n + charCount(s.title) + charCount(blocksText(s.body)), 0);
    db.prepare(
      `INSERT INTO plan_versions (id, plan_id, seq, kind, internal, note, author, status, template_id, template_revision, title, doc_json, char_count, created_at, restored_from_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, planId, seq, kind, internal ? 1 : 0, note, author, row.status, row.template_id, row.template_revision, row.title, JSON.stringify(doc), chars, now.toISOString(), restoredFrom);
    indexSections(db, planId, id, doc.sections);
    return toInfo(db.prepare('SELECT * FROM plan_versions WHERE id = ?').get(id) as VersionRow);
  })();
}

export function listVersions(db: Database.Database, planId: string): VersionInfo[] {
  return (db.prepare('SELECT id, seq, kind, internal, note, author, status, template_id, template_revision, title, char_count, created_at, restored_from_seq FROM plan_versions WHERE plan_id = ? ORDER BY seq DESC').all(planId) as VersionRow[]).map(toInfo);
}

export function getVersion(db: Database.Database, planId: string, versionId: string): { info: VersionInfo; doc: PlanDocument } {
  const r = db.prepare('SELECT * FROM plan_versions WHERE plan_id = ? AND id = ?').get(planId, versionId) as VersionRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '未找到该版本。');
  return { info: toInfo(r), doc: JSON.parse(r.doc_json!) as PlanDocument };
}

/** Allowed moves of the status flow 草稿 → 征求意见 → 送审 → 已发布 → 已废止; back to 草稿 starts a new revision draft. */
export const TRANSITIONS: Record<PlanStatus, PlanStatus[]> = {
  draft: ['consultation', 'review', 'published'],
  consultation: ['review', 'draft'],
  review: ['published', 'draft'],
  published: ['draft', 'abolished'],
  abolished: [],
};

export function addStatusEvent(db: Database.Database, planId: string, e: Omit<StatusEvent, 'versionId'> & { versionId?: string | null }, now: Date): void {
  db.prepare('INSERT INTO plan_status_events (plan_id, from_status, to_status, date, actor, department, note, version_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    planId,
    e.from,
    e.to,
    e.date,
    e.actor,
    e.department,
    e.note,
    e.versionId ?? null,
    now.toISOString(),
  );
}

export function history(db: Database.Database, planId: string): PlanHistory {
  getPlanRow(db, planId);
  const versions = listVersions(db, planId);
  const statusEvents = (db.prepare('SELECT from_status, to_status, date, actor, department, note, version_id FROM plan_status_events WHERE plan_id = ? ORDER BY id').all(planId) as {
    from_status: PlanStatus;
    to_status: PlanStatus;
    date: string;
    actor: string;
    department: string;
    note: string;
    version_id: string | null;
  }[]).map((r) => ({ from: r.from_status, to: r.to_status, date: r.date, actor: r.actor, department: r.department, note: r.note, versionId: r.version_id }));
  return { versions, statusEvents, revisionRecord: revisionRecord(versions) };
}
