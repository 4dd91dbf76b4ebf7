// 008: a late inject's delay as the coordinator recorded it (seconds; null for every other event).
import type { Migration } from './types';

export const m008: Migration = {
  version: 8,
  name: 'event-delay',
  up(db) {
    db.exec('ALTER TABLE drill_events ADD COLUMN delay_sec INTEGER');
  },
};
