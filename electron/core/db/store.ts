// Holds the open database, or the reason it is not open, and restores backups without losing the bad file.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { DatabaseState } from '../../shared/schemas/app';
import type { Clock } from '../clock';
import { backupsDir, listBackups } from './backup';
import { DB_FILE, openDatabase } from './open-database';
import { schemaVersion } from './migrations/index';

export class Store {
  private db: Database.Database | null = null;
  private problem: AppError | null = null;

  constructor(readonly dataDir: string, private readonly clock: Clock) {}

  async open(): Promise<void> {
    try {
      this.db = await openDatabase({ dataDir: this.dataDir, now: this.clock.now() });
      this.problem = null;
    } catch (e) {
      this.db = null;
      this.problem = e instanceof AppError ? e : new AppError('INTERNAL', (e as Error).message);
    }
  }

  /** The open database; every data handler goes through here. */
  get(): Database.Database {
    if (!this.db) throw new AppError('DB_UNAVAILABLE', this.problem ? `${this.problem.message}` : undefined);
    return this.db;
  }

  state(): DatabaseState {
    if (this.db) return { state: 'ready', schemaVersion: schemaVersion(this.db) };
    const p = this.problem ?? new AppError('DB_UNAVAILABLE');
    return { state: 'blocked', code: p.code, message: p.message };
  }

  /** Moves the current file (and its WAL) aside into broken/, then puts the chosen backup in its place. */
  async restore(name: string): Promise<void> {
    const source = path.join(backupsDir(this.dataDir), name);
    if (!listBackups(this.dataDir).some((b) => b.name === name) || !fs.existsSync(source)) throw new AppError('NO_BACKUP', `找不到备份“${name}”。`);
    this.close();
    const file = path.join(this.dataDir, DB_FILE);
    const aside = path.join(this.dataDir, 'broken', this.clock.now().toISOString().replace(/[-:.]/g, ''));
    fs.mkdirSync(aside, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, path.join(aside, DB_FILE + suffix));
    }
    fs.copyFileSync(source, file);
    await this.open();
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}
