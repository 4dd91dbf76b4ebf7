// 003: plan versions, the status history, imported template revisions, and full-text search (trigram, for Chinese).
import type { Migration } from './types';

export const m003: Migration = {
  version: 3,
  name: 'revisions',
  up(db) {
    db.exec(`
      CREATE TABLE plan_versions (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('manual', 'published', 'merge', 'restore')),
        note TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        template_id TEXT,
        template_revision TEXT,
        title TEXT NOT NULL,
        doc_json TEXT NOT NULL,
        char_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (plan_id, seq)
      );
      CREATE TABLE plan_status_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        date TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        department TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        version_id TEXT REFERENCES plan_versions(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX plan_status_events_plan ON plan_status_events (plan_id, id);
      CREATE TABLE imported_templates (
        template_id TEXT NOT NULL,
        revision TEXT NOT NULL,
        file_name TEXT NOT NULL,
        source TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (template_id, revision)
      );
      -- One row per section of the working draft (version_id = '') and of every saved version.
      CREATE VIRTUAL TABLE plan_search USING fts5(
        plan_id UNINDEXED, version_id UNINDEXED, section_id UNINDEXED, title, body, tokenize = 'trigram'
      );
    `);
  },
};
