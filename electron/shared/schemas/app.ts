// Shapes of the app-level channels: status of the store, backups, native file dialogs.
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { text } from './common';

export type Shell = 'electron' | 'browser';

export type DatabaseState =
  | { state: 'ready'; schemaVersion: number }
  | { state: 'blocked'; code: ErrorCode; message: string };

export interface AppStatus {
  shell: Shell;
  version: string;
  dataDir: string;
  database: DatabaseState;
}

export interface BackupInfo {
  name: string;
  createdAt: string;
  sizeBytes: number;
  reason: string;
}

export const backupNameSchema = z.object({
  name: z.string().regex(/^workbench-[0-9TZ-]+-[a-z0-9-]+\.db$/, '备份文件名不正确'),
}).strict();

const fileFilter = z.object({ name: text(40), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(10) }).strict();

export const openFileSchema = z.object({ title: text(60).optional(), filters: z.array(fileFilter).max(5) }).strict();

// 100 MB of base64 is far above any export; the transports cap bodies below this anyway.
export const saveFileSchema = z
  .object({
    // eslint-disable-next-line no-control-regex -- file names must not hold control characters
    suggestedName: z.string().min(1).max(200).regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, '文件名含有不允许的字符'),
    filters: z.array(fileFilter).max(5),
    dataBase64: z.string().max(140_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确'),
  })
  .strict();

export interface OpenedFile {
  name: string;
  path: string;
  dataBase64: string;
}

export const saveFilesSchema = z
  .object({
    title: text(60).optional(),
    files: z
      .array(
        z
          .object({
            // eslint-disable-next-line no-control-regex -- file names must not hold control characters
            name: z.string().min(1).max(200).regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, '文件名含有不允许的字符'),
            dataBase64: z.string().max(140_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确'),
          })
          .strict(),
      )
      .min(1)
      .max(300),
  })
  .strict();
