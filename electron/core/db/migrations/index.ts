// The ordered list of migrations and the runner that applies the pending ones.
import type Database from 'better-sqlite3';
import { m001 } from './001-profile';
import { m002 } from './002-plans';
import { m003 } from './003-revisions';
import { m004 } from './004-drills';
import { m005 } from './005-evaluation';
import { m006 } from './006-search-rows';
import { m007 } from './007-version-internal';
import { m008 } from './008-event-delay';
import { m009 } from './009-request-clauses';
import { m010 } from './010-plan-save-seq';
import { m011 } from './011-script-save-seq';
import { m012 } from './012-version-restored-from';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012];

export const LATEST_VERSION = migrations.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current version, each in its own transaction. */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  const from = schemaVersion(db);
  for (const m of list) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
