// Rotating backups of the database through SQLite's online backup API, and their listing.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/schemas/app';

const NAME = /^workbench-(\d{8}T\d{9}Z)-([a-z0-9-]+)\.db$/;
/** How many backups of each kind to keep: start-up copies rotate fast, pre-migration ones are rarer and precious. */
const KEEP = { start: 10, migration: 5 } as const;

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export async function backupDatabase(db: Database.Database, dataDir: string, reason: string, now: Date): Promise<string> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = `workbench-${stamp(now)}-${reason}.db`;
  const tmp = path.join(dir, `${name}.partial`);
  await db.backup(tmp);
  fs.renameSync(tmp, path.join(dir, name));
  rotate(dir);
  return name;
}

function kind(reason: string): keyof typeof KEEP {
  return reason.startsWith('before-migration') ? 'migration' : 'start';
}

function rotate(dir: string): void {
  const byKind = new Map<string, string[]>();
  for (const b of listBackupNames(dir)) {
    const k = kind(b.reason);
    byKind.set(k, [...(byKind.get(k) ?? []), b.name]);
  }
  for (const [k, names] of byKind) {
    const excess = names.sort().reverse().slice(KEEP[k as keyof typeof KEEP]);
    for (const n of excess) fs.rmSync(path.join(dir, n), { force: true });
  }
}

function listBackupNames(dir: string): { name: string; stamp: string; reason: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const m = NAME.exec(name);
    return m ? [{ name, stamp: m[1]!, reason: m[2]! }] : [];
  });
}

/** Newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  return listBackupNames(dir)
    .sort((a, b) => b.stamp.localeCompare(a.stamp))
    .map((b) => {
      const s = b.stamp;
      const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
      return { name: b.name, createdAt: iso, sizeBytes: fs.statSync(path.join(dir, b.name)).size, reason: b.reason };
    });
}
