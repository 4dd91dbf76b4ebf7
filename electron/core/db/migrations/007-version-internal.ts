// 007: versions the app makes for its own safety (the copy before a merge) are kept, but are not revisions:
// they stay out of the 修订记录 filed with the plan.
import type { Migration } from './types';

export const m007: Migration = {
  version: 7,
  name: 'version-internal',
  up(db) {
    db.exec(`
      ALTER TABLE plan_versions ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;
      UPDATE plan_versions SET internal = 1 WHERE kind = 'manual' AND author = '' AND note LIKE '合并上位修订%前的自动备份';
    `);
  },
};
