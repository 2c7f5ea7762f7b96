import { AppError } from '../../../shared/errors';

/**
 * A write that the disk refused — full, read-only, or failing — told apart from a bug, so the
 * clerk reads what happened and what to do instead of 「内部错误」. SQLite rolls the statement's
 * transaction back on each of these, so the message can promise that nothing was saved.
 * Recognised by SQLite's code and, for errors that crossed a thread (the Excel worker sends
 * only a message), by SQLite's and the OS's own wording.
 */
export type StorageProblem = 'full' | 'readonly' | 'io';

const PATTERNS: ReadonlyArray<[StorageProblem, RegExp]> = [
  ['full', /SQLITE_FULL|database or disk is full|ENOSPC|no space left on device/i],
  ['readonly', /SQLITE_READONLY|readonly database|EROFS|read-only file system|EACCES|EPERM|permission denied/i],
  ['io', /SQLITE_IOERR|disk I\/O error|\bEIO\b/i],
];

export const STORAGE_PROBLEM_LABELS: Record<StorageProblem, string> = {
  full: '磁盘已满',
  readonly: '文件夹只读或没有写入权限',
  io: '读写磁盘出错',
};

const ADVICE: Record<StorageProblem, string> = {
  full: '请清理磁盘空间（或把数据文件夹移到空间更大的磁盘）后重试。',
  readonly: '请检查该文件夹是否被设为只读、磁盘是否写保护，或换一个有写入权限的位置后重试。',
  io: '磁盘可能已拔出或损坏，请检查后重试，并尽快在「设置 → 数据备份」中立即备份。',
};

/** The code a library put on an error (SQLite's `SQLITE_FULL`, Node's `ENOSPC`…), or ''. */
export function errorCodeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

export function storageProblemOf(error: unknown): StorageProblem | null {
  if (error instanceof AppError) return null;
  const code = errorCodeOf(error);
  const text = `${code} ${error instanceof Error ? error.message : String(error)}`;
  return PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** The Chinese error for a refused write in `folder`, or null when `error` is something else. */
export function storageError(error: unknown, folder: string): AppError | null {
  const problem = storageProblemOf(error);
  if (!problem) return null;
  return new AppError('STORAGE', `${STORAGE_PROBLEM_LABELS[problem]}：无法写入数据文件夹「${folder}」，本次操作没有保存任何内容，原有数据未改动。${ADVICE[problem]}`);
}
