// The database file: created, checked, backed up, migrated, and never overwritten when bad.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/core/db/backup';
import { LATEST_VERSION, migrate, migrations } from '../../electron/core/db/migrations/index';
import { DB_FILE, openDatabase } from '../../electron/core/db/open-database';
import { AppError } from '../../electron/shared/errors';
import { fixedClock, makeCore } from '../helpers/core';
import { tempDir } from '../helpers/temp-dir';

const now = new Date('2026-03-02T01:00:00Z');

async function openError(dataDir: string): Promise<AppError> {
  try {
    (await openDatabase({ dataDir, now })).close();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the open to fail');
}

function sha(file: string): string {
  return fs.readFileSync(file).toString('base64');
}

describe('openDatabase', () => {
  it('creates a WAL database with foreign keys at the latest schema version, without a backup of nothing', async () => {
    const dir = tempDir();
    const db = await openDatabase({ dataDir: dir, now });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
    expect(listBackups(dir)).toEqual([]);
  });

  it('backs up at every start and keeps the ten newest start backups', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir, now })).close();
    for (let i = 1; i <= 12; i++) (await openDatabase({ dataDir: dir, now: new Date(now.getTime() + i * 1000) })).close();
    const backups = listBackups(dir);
    expect(backups).toHaveLength(10);
    expect(backups.every((b) => b.reason === 'start')).toBe(true);
    expect(backups[0]!.createdAt).toBe(new Date(now.getTime() + 12_000).toISOString());
    // A backup is a complete database on its own.
    const copy = new Database(path.join(dir, 'backups', backups[0]!.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    copy.close();
  });

  it('backs up before migrating an older database, then migrates it', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir, now, migrations })).close();
    const extra = { version: LATEST_VERSION + 1, name: 'test-extra', up: (db: Database.Database) => db.exec('CREATE TABLE extra (x)') };
    const db = await openDatabase({ dataDir: dir, now, migrations: [...migrations, extra] });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    db.close();
    const [b] = listBackups(dir);
    expect(b!.reason).toBe(`before-migration-v${LATEST_VERSION}-to-v${LATEST_VERSION + 1}`);
    const before = new Database(path.join(dir, 'backups', b!.name), { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    before.close();
  });

  it('rolls back a failing migration entirely', async () => {
    const dir = tempDir();
    (await openDatabase({ dataDir: dir, now })).close();
    const broken = { version: LATEST_VERSION + 1, name: 'broken', up: (db: Database.Database) => db.exec('CREATE TABLE half (x); SELECT * FROM missing_table') };
    await expect(openDatabase({ dataDir: dir, now, migrations: [...migrations, broken] })).rejects.toBeInstanceOf(AppError);
    const db = new Database(path.join(dir, DB_FILE));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, '这不是数据库'.repeat(500));
    const before = sha(file);
    const e = await openError(dir);
    expect(e.code).toBe('DB_CORRUPT');
    expect(e.message).toContain('不是 SQLite 数据库');
    expect(sha(file)).toBe(before);
  });

  it('refuses a truncated database and leaves it untouched', async () => {
    const dir = tempDir();
    const db = await openDatabase({ dataDir: dir, now });
    db.exec('CREATE TABLE filler (t TEXT)');
    const ins = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) ins.run('应急'.repeat(50));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = path.join(dir, DB_FILE);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3));
    const before = sha(file);
    expect((await openError(dir)).code).toBe('DB_CORRUPT');
    expect(sha(file)).toBe(before);
  });

  it('refuses a database from a newer version of the app and leaves it untouched', async () => {
    const dir = tempDir();
    const db = await openDatabase({ dataDir: dir, now });
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(path.join(dir, DB_FILE));
    const e = await openError(dir);
    expect(e.code).toBe('DB_TOO_NEW');
    expect(sha(path.join(dir, DB_FILE))).toBe(before);
  });

  it('says clearly when the data folder cannot be written', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    const e = await openError(path.join(dir, 'a-file', 'data'));
    expect(e.code).toBe('DB_UNWRITABLE');
    expect(e.message).toContain('不可写入');
  });
});

describe('restore from backup through the core', () => {
  it('blocks data channels on a corrupt file, restores the latest backup and keeps the bad file aside', async () => {
    const dir = tempDir();
    const clock = fixedClock();
    const first = await makeCore({ dataDir: dir, clock });
    const profile = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] };
    expect((await first.call('profile.save', profile)).ok).toBe(true);
    first.close();
    clock.advance(60_000);
    (await makeCore({ dataDir: dir, clock })).close(); // a start backup holding the profile
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });

    clock.advance(60_000);
    const core = await makeCore({ dataDir: dir, clock });
    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ ok: true, data: { database: { state: 'blocked', code: 'DB_CORRUPT' } } });
    expect(await core.call('profile.get', {})).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });

    const backups = await core.call('app.list-backups', {});
    if (!backups.ok) throw new Error('list failed');
    const latest = (backups.data as { name: string }[])[0]!.name;
    const restored = await core.call('app.restore-backup', { name: latest });
    expect(restored).toMatchObject({ ok: true, data: { database: { state: 'ready' } } });
    expect(await core.call('profile.get', {})).toMatchObject({ ok: true, data: { districtName: '小店区' } });
    const aside = fs.readdirSync(path.join(dir, 'broken'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'broken', aside[0]!, DB_FILE))).toEqual(Buffer.alloc(8192, 7));
  });

  it('refuses to restore a backup that does not exist', async () => {
    const core = await makeCore();
    expect(await core.call('app.restore-backup', { name: 'workbench-20260101T000000000Z-start.db' })).toMatchObject({ ok: false, error: { code: 'NO_BACKUP' } });
    expect(await core.call('app.restore-backup', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('migration 007', () => {
  it('marks the existing copies made before a merge as internal, and nothing else', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    db.pragma('foreign_keys = OFF');
    const add = db.prepare("INSERT INTO plan_versions (id, plan_id, seq, kind, note, author, status, title, doc_json, char_count, created_at) VALUES (?, 'p', ?, ?, ?, ?, 'draft', 't', '{}', 0, '2026-01-01')");
    add.run('v1', 1, 'manual', '初稿', '王明');
    add.run('v2', 2, 'manual', '合并上位修订（2024）前的自动备份', '');
    add.run('v3', 3, 'merge', '依据市预案2024年修订合并', '');
    migrate(db);
    expect(db.prepare('SELECT id, internal FROM plan_versions ORDER BY seq').all()).toEqual([
      { id: 'v1', internal: 0 },
      { id: 'v2', internal: 1 },
      { id: 'v3', internal: 0 },
    ]);
  });
});

describe('migration 009', () => {
  it('leaves the requests raised before it without recorded clauses (they keep comparing with versions)', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 8));
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO revision_requests (id, item_id, plan_id, section_ids_json, created_at) VALUES ('r1', 't1', 'p', '[\"s1\"]', '2026-01-01')").run();
    migrate(db);
    expect(db.prepare('SELECT id, section_ids_json, raised_clauses_json FROM revision_requests').all()).toEqual([{ id: 'r1', section_ids_json: '["s1"]', raised_clauses_json: null }]);
  });
});
