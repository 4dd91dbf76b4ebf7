// Drills, scripts and the run log in SQLite. Every run event is committed before the caller sees it.
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { ComplianceRule, Drill, DrillInput, DrillStatus, RunEvent, RunEventType, Script } from '../../../shared/schemas/drill';
import { clockSpan, type ClockSpan } from '../../domain/drills/held-on';
import { newId } from '../../domain/plans/ids';

interface DrillRow {
  id: string;
  name: string;
  date: string;
  status: DrillStatus;
  data_json: string;
  created_at: string;
  updated_at: string;
}

const toDrill = (r: DrillRow): Drill => ({ ...(JSON.parse(r.data_json) as DrillInput), id: r.id, name: r.name, date: r.date, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at });

function writeLinks(db: Database.Database, id: string, input: DrillInput): void {
  db.prepare('DELETE FROM drill_plan_links WHERE drill_id = ?').run(id);
  const ins = db.prepare('INSERT OR IGNORE INTO drill_plan_links (drill_id, plan_id) VALUES (?, ?)');
  for (const l of input.planLinks) ins.run(id, l.planId);
}

export function insertDrill(db: Database.Database, input: DrillInput, now: Date, id = newId('d')): Drill {
  db.transaction(() => {
    db.prepare('INSERT INTO drills (id, name, date, data_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.name, input.date, JSON.stringify(input), now.toISOString(), now.toISOString());
    writeLinks(db, id, input);
  })();
  return getDrill(db, id);
}

export function getDrill(db: Database.Database, id: string): Drill {
  const r = db.prepare('SELECT * FROM drills WHERE id = ?').get(id) as DrillRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '未找到该演练。');
  return toDrill(r);
}

export function listDrills(db: Database.Database, year?: number): Drill[] {
  const rows = year === undefined ? db.prepare('SELECT * FROM drills ORDER BY date').all() : db.prepare('SELECT * FROM drills WHERE date LIKE ? ORDER BY date').all(`${year}-%`);
  return (rows as DrillRow[]).map(toDrill);
}

export function updateDrill(db: Database.Database, id: string, input: DrillInput, now: Date): Drill {
  db.transaction(() => {
    getDrill(db, id);
    db.prepare('UPDATE drills SET name = ?, date = ?, data_json = ?, updated_at = ? WHERE id = ?').run(input.name, input.date, JSON.stringify(input), now.toISOString(), id);
    writeLinks(db, id, input);
  })();
  return getDrill(db, id);
}

export function setDrillStatus(db: Database.Database, id: string, status: DrillStatus, now: Date): Drill {
  getDrill(db, id);
  db.prepare('UPDATE drills SET status = ?, updated_at = ? WHERE id = ?').run(status, now.toISOString(), id);
  return getDrill(db, id);
}

export function getScript(db: Database.Database, drillId: string): Script {
  getDrill(db, drillId);
  const r = db.prepare('SELECT script_json FROM drill_scripts WHERE drill_id = ?').get(drillId) as { script_json: string } | undefined;
  return r ? (JSON.parse(r.script_json) as Script) : { phases: [], injects: [], roster: [] };
}

/** How many times the drill's script was saved: what an open script editor's next save must still match. */
export function scriptSeq(db: Database.Database, drillId: string): number {
  const r = db.prepare('SELECT save_seq FROM drill_scripts WHERE drill_id = ?').get(drillId) as { save_seq: number } | undefined;
  return r?.save_seq ?? 0;
}

/** Why a script save from an outdated copy is refused. */
export const STALE_SCRIPT = '本演练脚本已在另一个窗口（或浏览器标签页）中修改并保存。为免覆盖那边的修改，本页此后的修改没有保存。请重新打开脚本后再继续编辑。';

/** Saves the script; returns its new save count. With `baseSeq`, refuses a save made from an older copy than the stored one. */
export function saveScript(db: Database.Database, drillId: string, script: Script, now: Date, baseSeq?: number): number {
  return db.transaction(() => {
    getDrill(db, drillId);
    if (baseSeq !== undefined && scriptSeq(db, drillId) !== baseSeq) throw new AppError('STALE', STALE_SCRIPT);
    db.prepare(
      'INSERT INTO drill_scripts (drill_id, script_json, updated_at, save_seq) VALUES (?, ?, ?, 1) ON CONFLICT(drill_id) DO UPDATE SET script_json = excluded.script_json, updated_at = excluded.updated_at, save_seq = save_seq + 1',
    ).run(drillId, JSON.stringify(script), now.toISOString());
    return scriptSeq(db, drillId);
  })();
}

interface EventRow {
  id: string;
  drill_id: string;
  seq: number;
  type: RunEventType;
  at: string;
  inject_id: string | null;
  text: string;
  tags_json: string;
  actor: string;
  delay_sec: number | null;
}

const toEvent = (r: EventRow): RunEvent => ({ id: r.id, drillId: r.drill_id, seq: r.seq, type: r.type, at: r.at, injectId: r.inject_id, text: r.text, tags: JSON.parse(r.tags_json) as string[], actor: r.actor, delaySec: r.delay_sec });

export interface NewEvent {
  type: RunEventType;
  injectId?: string | null;
  text?: string;
  tags?: string[];
  actor?: string;
  delaySec?: number;
  clientId?: string;
}

/**
 * Appends one event (idempotent per clientId) and returns it as stored. `check` runs inside the
 * transaction after the retry check, so a retried call that already succeeded is never refused.
 */
export function appendEvent(db: Database.Database, drillId: string, e: NewEvent, at: Date, check?: () => void): RunEvent {
  return db.transaction(() => {
    if (e.clientId) {
      const dup = db.prepare('SELECT * FROM drill_events WHERE drill_id = ? AND client_id = ?').get(drillId, e.clientId) as EventRow | undefined;
      if (dup) return toEvent(dup);
    }
    getDrill(db, drillId);
    check?.();
    const seq = ((db.prepare('SELECT max(seq) AS m FROM drill_events WHERE drill_id = ?').get(drillId) as { m: number | null }).m ?? 0) + 1;
    const id = newId('e');
    db.prepare('INSERT INTO drill_events (id, drill_id, seq, type, at, inject_id, text, tags_json, actor, delay_sec, client_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      drillId,
      seq,
      e.type,
      at.toISOString(),
      e.injectId ?? null,
      e.text ?? '',
      JSON.stringify(e.tags ?? []),
      e.actor ?? '',
      e.delaySec ?? null,
      e.clientId ?? null,
    );
    return toEvent(db.prepare('SELECT * FROM drill_events WHERE id = ?').get(id) as EventRow);
  })();
}

/** The log in seq order, or only the entries after `afterSeq` (seqs start at 1). */
export function listEvents(db: Database.Database, drillId: string, afterSeq = 0): RunEvent[] {
  return (db.prepare('SELECT * FROM drill_events WHERE drill_id = ? AND seq > ? ORDER BY seq').all(drillId, afterSeq) as EventRow[]).map(toEvent);
}

/** Each run drill's clock span (see clockSpan: the first start, the first end after it), one query for the programme. */
export function clockSpans(db: Database.Database): Map<string, ClockSpan> {
  const rows = db.prepare("SELECT drill_id, type, at FROM drill_events WHERE type IN ('clock.start', 'clock.end') ORDER BY drill_id, seq").all() as { drill_id: string; type: string; at: string }[];
  const byDrill = new Map<string, { type: string; at: string }[]>();
  for (const r of rows) {
    const events = byDrill.get(r.drill_id);
    if (events) events.push(r);
    else byDrill.set(r.drill_id, [r]);
  }
  return new Map([...byDrill].map(([id, events]) => [id, clockSpan(events)]));
}

/** Only what the clock and inject states read: observations and actions (the bulk of a long log) are left out. */
export function listTimingEvents(db: Database.Database, drillId: string): RunEvent[] {
  return (db.prepare("SELECT * FROM drill_events WHERE drill_id = ? AND (type LIKE 'clock.%' OR type LIKE 'inject.%') ORDER BY seq").all(drillId) as EventRow[]).map(toEvent);
}

export function getSetting<T>(db: Database.Database, key: string, fallback: T): T {
  const r = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
  return r ? (JSON.parse(r.value_json) as T) : fallback;
}

export function setSetting(db: Database.Database, key: string, value: unknown, now: Date): void {
  db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at').run(key, JSON.stringify(value), now.toISOString());
}

/** Back to the built-in value: the fallback of `getSetting` applies again, including later versions' defaults. */
export function deleteSetting(db: Database.Database, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}

export const COMPLIANCE_RULES_KEY = 'compliance.rules';
export type { ComplianceRule };

/** Inserts an imported drill with its script and log under a fresh id, in one transaction. */
export function importDrill(db: Database.Database, input: DrillInput, status: DrillStatus, script: Script, events: Omit<RunEvent, 'id' | 'drillId'>[], now: Date): Drill {
  const id = newId('d');
  db.transaction(() => {
    insertDrill(db, input, now, id);
    db.prepare('UPDATE drills SET status = ? WHERE id = ?').run(status, id);
    saveScript(db, id, script, now);
    const ins = db.prepare('INSERT INTO drill_events (id, drill_id, seq, type, at, inject_id, text, tags_json, actor, delay_sec) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const e of events) ins.run(newId('e'), id, e.seq, e.type, e.at, e.injectId, e.text, JSON.stringify(e.tags), e.actor, e.delaySec);
  })();
  return getDrill(db, id);
}
