// Error codes, their Chinese messages, and the Result type every channel returns.

export const errorMessages = {
  INVALID_INPUT: '输入内容不符合要求，请检查后重试。',
  UNKNOWN_CHANNEL: '不支持的操作。',
  NOT_FOUND: '未找到要操作的记录，可能已被删除或归档。',
  CONFLICT: '数据已被修改，请刷新后重试。',
  STALE: '内容已在另一个窗口中修改并保存，本页的修改未保存。',
  DB_CORRUPT: '数据库文件已损坏或不是本软件的数据库。原文件不会被改动，可恢复最近的备份。',
  DB_TOO_NEW: '数据库由更新版本的软件创建，当前版本无法打开。原文件不会被改动，请升级软件或恢复备份。',
  DB_UNWRITABLE: '数据文件夹不可写入，请检查文件夹权限或磁盘空间。',
  DB_UNAVAILABLE: '数据库当前不可用，请先处理数据库问题（可恢复最近的备份）。',
  NO_BACKUP: '没有可用的备份。',
  UNSUPPORTED: '当前运行方式不支持此操作。',
  FORBIDDEN: '请求被拒绝。',
  TOO_LARGE: '提交的内容过大。',
  TEMPLATE_INVALID: '模板文件有误。',
  INTERNAL: '发生内部错误，操作未完成，已保存的数据不受影响。',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** One input problem at its place in the input, so that a form can show it beside the field. */
export interface FieldError {
  path: (string | number)[];
  message: string;
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Field-level or line-level explanations, already in Chinese. */
  details?: string[];
  /** The same problems as `details` where they concern one input field (INVALID_INPUT from the schema). */
  fields?: FieldError[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

/** Thrown inside the core; dispatch turns it into `{ok:false}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: string[];
  constructor(code: ErrorCode, message?: string, details?: string[]) {
    super(message ?? errorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): AppErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string, details?: string[]): Result<never> {
  return { ok: false, error: new AppError(code, message, details).toData() };
}
