// 010: a counter of the plan's content writes, so a save made from an outdated copy (another window) is refused.
import type { Migration } from './types';

export const m010: Migration = {
  version: 10,
  name: 'plan-save-seq',
  up(db) {
    db.exec('ALTER TABLE plans ADD COLUMN save_seq INTEGER NOT NULL DEFAULT 0');
  },
};
