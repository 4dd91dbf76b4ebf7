// 009: a revision request remembers its clauses as the plan held them when it was raised (section id -> digest),
// so only a version that changes one of them closes it; null for requests raised before (they keep the old rule).
import type { Migration } from './types';

export const m009: Migration = {
  version: 9,
  name: 'request-clauses',
  up(db) {
    db.exec('ALTER TABLE revision_requests ADD COLUMN raised_clauses_json TEXT');
  },
};
