import type Database from 'better-sqlite3';
import { contract, isChannelName, type ChannelName } from '../../shared/contract';
import { AppError, INTERNAL_MESSAGE, type Result } from '../../shared/errors';
import { validationError } from '../../shared/validation';
import type { Workspace } from './backups/backup-service';
import { errorCodeOf, storageError } from './db/storage-errors';
import { handlers } from './handlers';
import { actorOf, readInstallation } from './settings/settings-service';

export interface DispatcherOptions {
  /** Read on every call: a restore replaces it. */
  readonly db: Database.Database;
  /** The running app's database file and how to replace it (backups, restore). */
  workspace: Workspace;
  dataDir: string;
  appVersion: string;
  /** Where unexpected errors are reported (never sent to the renderer). */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * Most channels answer at once (`Dispatch`, used in-process and by tests); a few build files
 * (a report's .xlsx/.docx) and answer with a promise — after their database reads are done,
 * so no transaction spans an await. IPC and the browser host use `AsyncDispatch`, which
 * serves both kinds; the synchronous one refuses a channel that answers with a promise.
 */
export type Dispatch = (channel: unknown, input: unknown) => Result<unknown>;
export type AsyncDispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The one entry point behind Electron IPC and the browser host: checks the channel name,
 * validates the input against the contract, runs the handler, and wraps every outcome in
 * the result envelope. Invalid input never reaches a handler, so it changes nothing.
 */
export function createDispatcher(options: DispatcherOptions): { dispatch: Dispatch; dispatchAsync: AsyncDispatch } {
  const logError = options.logError ?? ((channel, error) => console.error(`[${channel}]`, error));
  const dispatchAny = (channel: unknown, rawInput: unknown): Result<unknown> | Promise<Result<unknown>> => {
    if (!isChannelName(channel)) {
      return fail(new AppError('UNKNOWN_CHANNEL', `未知的操作：${String(channel).slice(0, 60)}`));
    }
    const failed = (error: unknown): Result<never> => {
      if (error instanceof AppError) return fail(error);
      const damaged = options.workspace.damaged;
      if (damaged && isSqliteDamage(error)) {
        const what = String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY') ? '当前为只读模式，不能保存修改' : '这部分数据读不出来';
        return fail(new AppError('DB_CORRUPT', `数据文件已损坏，${what}。${damaged} 请在「设置 → 数据备份」中恢复最近的备份。`));
      }
      logError(channel, error);
      return fail(storageError(error, options.dataDir) ?? new AppError('INTERNAL', INTERNAL_MESSAGE));
    };
    try {
      const value = run(channel, rawInput);
      if (value instanceof Promise) return value.then((v: unknown): Result<unknown> => ({ ok: true, value: v }), failed);
      return { ok: true, value };
    } catch (error) {
      return failed(error);
    }
  };
  return {
    dispatch: (channel, input) => {
      const result = dispatchAny(channel, input);
      if (result instanceof Promise) {
        result.catch(() => {}); // already turned into a result; nothing to report twice
        return fail(new AppError('INTERNAL', `「${String(channel)}」需要异步调用。`));
      }
      return result;
    },
    dispatchAsync: async (channel, input) => dispatchAny(channel, input),
  };

  function run(channel: ChannelName, rawInput: unknown): unknown {
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error, def.labels);
    if (options.workspace.damaged && !hasSchema(options.db)) {
      // Not even readable: only what restores a backup.
      if (!RESTORE_CHANNELS.has(channel)) throw new AppError('DB_CORRUPT', `数据文件已损坏且无法读取。${options.workspace.damaged} 请在「设置 → 数据备份」中恢复最近的备份。`);
      const handler = handlers[channel] as (input: unknown, ctx: unknown) => unknown;
      return handler(parsed.data, { db: options.db, dataDir: options.dataDir, appVersion: options.appVersion, installation: null, actor: null, workspace: options.workspace });
    }
    const installation = readInstallation(options.db);
    const actor = actorOf(options.db, installation);
    if (!actor && !def.beforeSetup) throw new AppError('NOT_SET_UP', '请先完成初始设置（选择本机所属的高新区和角色）。');
    const handler = handlers[channel] as (input: unknown, ctx: unknown) => unknown;
    return handler(parsed.data, { db: options.db, dataDir: options.dataDir, appVersion: options.appVersion, installation, actor, workspace: options.workspace });
  }
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toShape() };
}

/** The channels an unreadable installation still answers: enough to restore a backup. */
const RESTORE_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(['app.info', 'backups.overview', 'backups.setFolder', 'backups.restore', 'backups.openWorkspace']);

function hasSchema(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'settings'").get() !== undefined;
}

/** SQLite refusing a write to a read-only file, or tripping over damage. */
function isSqliteDamage(error: unknown): boolean {
  const code = errorCodeOf(error);
  return /^SQLITE_(READONLY|CORRUPT|NOTADB|IOERR)/.test(code);
}
