// 005: drill evaluations, findings, improvement items and the revision requests they raise on plans.
import type { Migration } from './types';

export const m005: Migration = {
  version: 5,
  name: 'evaluation',
  up(db) {
    db.exec(`
      CREATE TABLE evaluations (
        drill_id TEXT PRIMARY KEY REFERENCES drills(id) ON DELETE CASCADE,
        criteria_json TEXT NOT NULL,
        forms_json TEXT NOT NULL DEFAULT '[]',
        conclusion TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      );
      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('strength', 'problem')),
        title TEXT NOT NULL,
        data_json TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX findings_drill ON findings (drill_id);
      CREATE TABLE improvement_items (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        finding_id TEXT REFERENCES findings(id) ON DELETE SET NULL,
        drill_id TEXT REFERENCES drills(id) ON DELETE SET NULL,
        unit TEXT NOT NULL,
        deadline TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'doing', 'done', 'closed')),
        evidence TEXT NOT NULL DEFAULT '',
        status_date TEXT,
        data_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX improvement_items_status ON improvement_items (status, deadline);
      CREATE TABLE revision_requests (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL UNIQUE REFERENCES improvement_items(id) ON DELETE CASCADE,
        plan_id TEXT NOT NULL REFERENCES plans(id),
        section_ids_json TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolved_version_id TEXT REFERENCES plan_versions(id),
        resolved_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX revision_requests_plan ON revision_requests (plan_id, status);
    `);
  },
};
