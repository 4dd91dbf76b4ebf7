// Evaluations, findings, improvement items and revision requests in SQLite.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { CriteriaSet, EvaluatorForm, Finding, FindingInput, ImprovementItem, ItemInput, ItemStatus, RevisionRequest } from '../../../shared/schemas/evaluation';
import type { RaisedClauses } from '../../domain/evaluation/request-versions';
import { heldOn } from '../../domain/drills/held-on';
import { newId } from '../../domain/plans/ids';
import { clockSpans } from './drill-repo';

// ---- evaluation --------------------------------------------------------------------------------

export interface EvaluationRecord {
  criteria: CriteriaSet;
  forms: EvaluatorForm[];
  conclusion: string;
}

export function getEvaluation(db: Database.Database, drillId: string): EvaluationRecord | null {
  const r = db.prepare('SELECT criteria_json, forms_json, conclusion FROM evaluations WHERE drill_id = ?').get(drillId) as { criteria_json: string; forms_json: string; conclusion: string } | undefined;
  return r ? { criteria: JSON.parse(r.criteria_json), forms: JSON.parse(r.forms_json), conclusion: r.conclusion } : null;
}

export function saveEvaluation(db: Database.Database, drillId: string, e: EvaluationRecord, now: Date): void {
  db.prepare(
    `INSERT INTO evaluations (drill_id, criteria_json, forms_json, conclusion, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(drill_id) DO UPDATE SET criteria_json = excluded.criteria_json, forms_json = excluded.forms_json, conclusion = excluded.conclusion, updated_at = excluded.updated_at`,
  ).run(drillId, JSON.stringify(e.criteria), JSON.stringify(e.forms), e.conclusion, now.toISOString());
}

// ---- findings ----------------------------------------------------------------------------------

interface FindingRow {
  id: string;
  drill_id: string;
  data_json: string;
  created_at: string;
}

const toFinding = (r: FindingRow): Finding => ({ ...(JSON.parse(r.data_json) as FindingInput), id: r.id, drillId: r.drill_id, createdAt: r.created_at });

export function listFindings(db: Database.Database, drillId?: string): Finding[] {
  const rows = drillId ? db.prepare('SELECT * FROM findings WHERE drill_id = ? ORDER BY created_at').all(drillId) : db.prepare('SELECT * FROM findings ORDER BY created_at').all();
  return (rows as FindingRow[]).map(toFinding);
}

export function saveFinding(db: Database.Database, drillId: string, id: string | undefined, f: FindingInput, now: Date): Finding {
  const fid = id ?? newId('f');
  db.transaction(() => {
    if (id && !db.prepare('SELECT 1 FROM findings WHERE id = ? AND drill_id = ?').get(id, drillId)) throw new AppError('NOT_FOUND', '未找到该评估发现。');
    db.prepare(
      `INSERT INTO findings (id, drill_id, kind, title, data_json, unit, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, data_json = excluded.data_json, unit = excluded.unit`,
    ).run(fid, drillId, f.kind, f.title, JSON.stringify(f), f.unit, now.toISOString());
  })();
  return toFinding(db.prepare('SELECT * FROM findings WHERE id = ?').get(fid) as FindingRow);
}

export function deleteFinding(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM findings WHERE id = ?').run(id).changes === 0) throw new AppError('NOT_FOUND', '未找到该评估发现。');
}

// ---- improvement items and revision requests ---------------------------------------------------

interface ItemRow {
  id: string;
  code: string;
  status: ItemStatus;
  evidence: string;
  status_date: string | null;
  data_json: string;
  created_at: string;
  updated_at: string;
}

interface RequestRow {
  id: string;
  item_id: string;
  plan_id: string;
  section_ids_json: string;
  status: 'open' | 'resolved';
  resolved_version_id: string | null;
  resolved_at: string | null;
  created_at: string;
  raised_clauses_json: string | null;
  seq: number | null;
}

const toRequest = (r: RequestRow): RevisionRequest => ({
  id: r.id,
  itemId: r.item_id,
  planId: r.plan_id,
  sectionIds: JSON.parse(r.section_ids_json) as string[],
  status: r.status,
  resolvedVersionId: r.resolved_version_id,
  resolvedVersionLabel: r.seq === null ? null : `V${r.seq}`,
  resolvedAt: r.resolved_at,
  raisedAt: r.created_at,
});

const REQUEST_SELECT = 'SELECT r.*, v.seq FROM revision_requests r LEFT JOIN plan_versions v ON v.id = r.resolved_version_id';

/**
 * The day an item's drill was held (see heldOn): the item's own drill, else its finding's; null for an item from no
 * drill, or from one no longer stored. Three queries however many items are then asked about (the ledger lists all).
 */
export function itemHeldOn(db: Database.Database): (item: Pick<ItemInput, 'drillId' | 'findingId'>) => string | null {
  const starts = clockSpans(db);
  const held = new Map((db.prepare('SELECT id, date FROM drills').all() as { id: string; date: string }[]).map((d) => [d.id, heldOn(d, starts.get(d.id)?.startedAt)]));
  const findingDrill = new Map((db.prepare('SELECT id, drill_id FROM findings').all() as { id: string; drill_id: string }[]).map((f) => [f.id, f.drill_id]));
  return (item) => {
    const drillId = item.drillId || (item.findingId ? findingDrill.get(item.findingId) : undefined);
    return (drillId && held.get(drillId)) || null;
  };
}

function toItem(db: Database.Database, r: ItemRow, today: string, heldOnOf: ReturnType<typeof itemHeldOn>): ImprovementItem {
  const req = db.prepare(`${REQUEST_SELECT} WHERE r.item_id = ?`).get(r.id) as RequestRow | undefined;
  const data = JSON.parse(r.data_json) as ItemInput;
  const finished = r.status === 'done' || r.status === 'closed';
  return { ...data, id: r.id, code: r.code, status: r.status, evidence: r.evidence, statusDate: r.status_date, createdAt: r.created_at, updatedAt: r.updated_at, overdue: !finished && data.deadline < today, drillHeldOn: heldOnOf(data), request: req ? toRequest(req) : null };
}

export function getItem(db: Database.Database, id: string, today: string): ImprovementItem {
  const r = db.prepare('SELECT * FROM improvement_items WHERE id = ?').get(id) as ItemRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '未找到该整改事项。');
  return toItem(db, r, today, itemHeldOn(db));
}

export interface ItemFilter {
  unit?: string;
  drillId?: string;
  status?: ItemStatus;
}

export function listItems(db: Database.Database, today: string, f: ItemFilter = {}): ImprovementItem[] {
  const conditions = ([['unit = ?', f.unit], ['drill_id = ?', f.drillId], ['status = ?', f.status]] as const).filter(([, v]) => v);
  const where = conditions.map(([c]) => c);
  const args = conditions.map(([, v]) => v as string);
  const rows = db.prepare(`SELECT * FROM improvement_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY deadline, code`).all(...args) as ItemRow[];
  const heldOnOf = itemHeldOn(db);
  return rows.map((r) => toItem(db, r, today, heldOnOf));
}

function nextCode(db: Database.Database, year: number): string {
  const prefix = `ZG-${year}-`;
  const rows = db.prepare('SELECT code FROM improvement_items WHERE code LIKE ?').all(`${prefix}%`) as { code: string }[];
  const max = rows.reduce((m, r) => Math.max(m, Number(r.code.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

/**
 * Creates or updates an item. An item that needs a plan change keeps one open revision request on its clauses
 * (the contract holds them to one plan); one a version has resolved is left as it was. `raised`: the clauses as
 * the plan holds them now; a request keeps what it first recorded for a clause and records the ones it gains.
 */
export function saveItem(db: Database.Database, id: string | undefined, input: ItemInput, now: Date, raised: RaisedClauses = {}): string {
  const iid = id ?? newId('t');
  db.transaction(() => {
    const stamp = now.toISOString();
    if (id) {
      if (!db.prepare('SELECT 1 FROM improvement_items WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', '未找到该整改事项。');
      db.prepare('UPDATE improvement_items SET finding_id = ?, drill_id = ?, unit = ?, deadline = ?, data_json = ?, updated_at = ? WHERE id = ?').run(input.findingId, input.drillId, input.unit, input.deadline, JSON.stringify(input), stamp, id);
    } else {
      db.prepare('INSERT INTO improvement_items (id, code, finding_id, drill_id, unit, deadline, data_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        iid,
        nextCode(db, now.getFullYear()),
        input.findingId,
        input.drillId,
        input.unit,
        input.deadline,
        JSON.stringify(input),
        stamp,
        stamp,
      );
    }
    const existing = db.prepare('SELECT * FROM revision_requests WHERE item_id = ?').get(iid) as RequestRow | undefined;
    if (existing?.status === 'resolved') return;
    const planId = input.clauses[0]?.planId;
    if (!input.needsPlanChange || !planId) {
      if (existing) db.prepare('DELETE FROM revision_requests WHERE id = ?').run(existing.id);
      return;
    }
    const sectionIds = input.clauses.map((c) => c.sectionId);
    const recorded = (kept: RaisedClauses) => JSON.stringify(Object.fromEntries(sectionIds.map((sid) => [sid, sid in kept ? kept[sid]! : (raised[sid] ?? null)])));
    if (existing) {
      // A request from before clauses were recorded keeps the old rule (compared with versions) for all of them.
      const kept = existing.raised_clauses_json === null ? null : recorded(JSON.parse(existing.raised_clauses_json) as RaisedClauses);
      db.prepare('UPDATE revision_requests SET plan_id = ?, section_ids_json = ?, raised_clauses_json = ? WHERE id = ?').run(planId, JSON.stringify(sectionIds), kept, existing.id);
    } else {
      db.prepare('INSERT INTO revision_requests (id, item_id, plan_id, section_ids_json, created_at, raised_clauses_json) VALUES (?, ?, ?, ?, ?, ?)').run(newId('r'), iid, planId, JSON.stringify(sectionIds), stamp, recorded({}));
    }
  })();
  return iid;
}

export function setItemStatus(db: Database.Database, id: string, status: ItemStatus, evidence: string, date: string, now: Date): void {
  const r = db.prepare('UPDATE improvement_items SET status = ?, evidence = ?, status_date = ?, updated_at = ? WHERE id = ?').run(status, evidence, date, now.toISOString(), id);
  if (r.changes === 0) throw new AppError('NOT_FOUND', '未找到该整改事项。');
}

export function listRequests(db: Database.Database, planId?: string): RevisionRequest[] {
  const rows = planId ? db.prepare(`${REQUEST_SELECT} WHERE r.plan_id = ? ORDER BY r.created_at`).all(planId) : db.prepare(`${REQUEST_SELECT} ORDER BY r.created_at`).all();
  return (rows as RequestRow[]).map(toRequest);
}

/** The request's clauses as recorded when it was raised; null for a request from before they were kept. */
export function requestRaisedClauses(db: Database.Database, id: string): RaisedClauses | null {
  const r = db.prepare('SELECT raised_clauses_json FROM revision_requests WHERE id = ?').get(id) as Pick<RequestRow, 'raised_clauses_json'> | undefined;
  return r?.raised_clauses_json ? (JSON.parse(r.raised_clauses_json) as RaisedClauses) : null;
}

export function resolveRequest(db: Database.Database, id: string, versionId: string, now: Date): void {
  db.transaction(() => {
    const r = db.prepare('SELECT * FROM revision_requests WHERE id = ?').get(id) as RequestRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', '未找到该修订请求。');
    const v = db.prepare('SELECT 1 FROM plan_versions WHERE id = ? AND plan_id = ?').get(versionId, r.plan_id);
    if (!v) throw new AppError('INVALID_INPUT', '所选版本不属于该预案。');
    db.prepare("UPDATE revision_requests SET status = 'resolved', resolved_version_id = ?, resolved_at = ? WHERE id = ?").run(versionId, now.toISOString(), id);
  })();
}
