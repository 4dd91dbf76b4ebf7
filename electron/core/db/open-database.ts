// Opens the one database file safely: refuses corrupt or newer files, backs up, then migrates.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { backupDatabase } from './backup';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations/index';
import type { Migration } from './migrations/types';
import { migrations as allMigrations } from './migrations/index';

export const DB_FILE = 'workbench.db';
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  dataDir: string;
  now: Date;
  migrations?: readonly Migration[];
}

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (e) {
    throw new AppError('DB_UNWRITABLE', `数据文件夹“${dir}”不可写入（${(e as NodeJS.ErrnoException).code ?? '未知原因'}），请检查文件夹权限或磁盘空间。`);
  }
}

function looksLikeSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

function corrupt(file: string, why: string): AppError {
  return new AppError('DB_CORRUPT', `数据库文件“${file}”无法使用：${why}。原文件不会被改动，可恢复最近的备份。`);
}

/** Opens (creating if absent) and migrates the store; throws AppError for every refusal. */
export async function openDatabase(opts: OpenOptions): Promise<Database.Database> {
  const list = opts.migrations ?? allMigrations;
  const latest = opts.migrations ? list.length : LATEST_VERSION;
  ensureWritableDir(opts.dataDir);
  const file = path.join(opts.dataDir, DB_FILE);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed && !looksLikeSqlite(file)) throw corrupt(file, '不是 SQLite 数据库');

  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw corrupt(file, (e as Error).message);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw corrupt(file, '完整性检查未通过');
    const version = schemaVersion(db);
    if (version > latest) {
      throw new AppError('DB_TOO_NEW', `数据库版本（${version}）高于本软件支持的版本（${latest}），由更新版本的软件创建。原文件不会被改动，请升级软件或恢复备份。`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 3000');
    if (existed) {
      const reason = version < latest ? `before-migration-v${version}-to-v${latest}` : 'start';
      await backupDatabase(db, opts.dataDir, reason, opts.now);
    }
    migrate(db, list);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR_WRITE') {
      throw new AppError('DB_UNWRITABLE', `数据库文件“${file}”无法写入（${code}），请检查文件夹权限或磁盘空间。`);
    }
    throw corrupt(file, (e as Error).message);
  }
}
