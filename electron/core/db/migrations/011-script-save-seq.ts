// 011: a counter of a drill script's saves, so a save made from an outdated copy (another window) is refused.
import type { Migration } from './types';

export const m011: Migration = {
  version: 11,
  name: 'script-save-seq',
  up(db) {
    db.exec('ALTER TABLE drill_scripts ADD COLUMN save_seq INTEGER NOT NULL DEFAULT 0');
  },
};
