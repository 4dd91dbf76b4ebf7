// 004: drills (programme entries), their scripts, the append-only run log, and the compliance rules.
import type { Migration } from './types';

export const m004: Migration = {
  version: 4,
  name: 'drills',
  up(db) {
    db.exec(`
      CREATE TABLE drills (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'preparing', 'conducted', 'evaluated', 'archived')),
        -- The rest of the programme entry, validated at the boundary (DrillInput).
        data_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX drills_date ON drills (date);
      CREATE TABLE drill_plan_links (
        drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        plan_id TEXT NOT NULL,
        PRIMARY KEY (drill_id, plan_id)
      );
      CREATE TABLE drill_scripts (
        drill_id TEXT PRIMARY KEY REFERENCES drills(id) ON DELETE CASCADE,
        script_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE drill_events (
        id TEXT PRIMARY KEY,
        drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        inject_id TEXT,
        text TEXT NOT NULL DEFAULT '',
        tags_json TEXT NOT NULL DEFAULT '[]',
        actor TEXT NOT NULL DEFAULT '',
        client_id TEXT,
        UNIQUE (drill_id, seq),
        UNIQUE (drill_id, client_id)
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
