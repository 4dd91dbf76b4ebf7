// 001: the district profile and its department list.
import type { Migration } from './types';

export const m001: Migration = {
  version: 1,
  name: 'district-profile',
  up(db) {
    db.exec(`
      CREATE TABLE district_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        district_name TEXT NOT NULL DEFAULT '',
        government_name TEXT NOT NULL DEFAULT '',
        emergency_bureau TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      );
      CREATE TABLE departments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        duty TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL
      );
    `);
  },
};
