/**
 * One error type for the whole app. Every failure that reaches the renderer is an
 * `AppError` turned into a plain `{ code, message, fields? }`: stack traces and
 * library messages stay in the process that raised them.
 */
export const ERROR_CODES = [
  'VALIDATION', // input failed its schema; `fields` names each bad field
  'NOT_FOUND',
  'CONFLICT', // stale version, duplicate key or a rule between records
  'FORBIDDEN', // this installation's role may not do this
  'NOT_SET_UP', // the first-run wizard has not been completed
  'UNKNOWN_CHANNEL',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'STORAGE', // the disk refused a write (full, read-only, failing); nothing was saved
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** A complete Chinese sentence a clerk can act on. */
  message: string;
  /** Field path (dotted) → Chinese message, for forms. */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }
  toShape(): AppErrorShape {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const INTERNAL_MESSAGE = '内部错误，操作未完成，数据未改动。请重试；如仍出现，请导出日志联系秘书处。';
