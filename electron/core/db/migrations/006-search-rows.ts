// 006: a plain index of the search table's rows. FTS5 columns are unindexed, so deleting a section's row by
// (plan, version, section) scanned the whole table on every autosave (about a second at 100k characters).
import type { Migration } from './types';

export const m006: Migration = {
  version: 6,
  name: 'search-rows',
  up(db) {
    db.exec(`
      CREATE TABLE search_rows (
        id INTEGER PRIMARY KEY,
        plan_id TEXT NOT NULL,
        version_id TEXT NOT NULL,
        section_id TEXT NOT NULL
      );
      CREATE INDEX search_rows_key ON search_rows (plan_id, version_id, section_id);
      INSERT INTO search_rows (id, plan_id, version_id, section_id) SELECT rowid, plan_id, version_id, section_id FROM plan_search;
    `);
  },
};
