// 012: which version a restore took the text back to, so the 修订记录 can leave out the revisions it undid.
import type { Migration } from './types';

export const m012: Migration = {
  version: 12,
  name: 'version-restored-from',
  up(db) {
    db.exec('ALTER TABLE plan_versions ADD COLUMN restored_from_seq INTEGER');
  },
};
