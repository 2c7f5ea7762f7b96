import type Database from 'better-sqlite3';
import { contract, isChannelName, type ChannelName } from '../../shared/contract';
import { AppError, INTERNAL_MESSAGE, type Result } from '../../shared/errors';
import { validationError } from '../../shared/validation';
import { handlers } from './handlers';
import { actorOf, readInstallation } from './settings/settings-service';

export interface DispatcherOptions {
  db: Database.Database;
  dataDir: string;
  appVersion: string;
  /** Where unexpected errors are reported (never sent to the renderer). */
  logError?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: unknown, input: unknown) => Result<unknown>;

/**
 * The one entry point behind Electron IPC and the browser host: checks the channel name,
 * validates the input against the contract, runs the handler, and wraps every outcome in
 * the result envelope. Invalid input never reaches a handler, so it changes nothing.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const logError = options.logError ?? ((channel, error) => console.error(`[${channel}]`, error));
  return (channel, rawInput) => {
    if (!isChannelName(channel)) {
      return fail(new AppError('UNKNOWN_CHANNEL', `未知的操作：${String(channel).slice(0, 60)}`));
    }
    try {
      return { ok: true, value: run(channel, rawInput) };
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      logError(channel, error);
      return fail(new AppError('INTERNAL', INTERNAL_MESSAGE));
    }
  };

  function run(channel: ChannelName, rawInput: unknown): unknown {
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error, def.labels);
    const installation = readInstallation(options.db);
    const actor = actorOf(options.db, installation);
    if (!actor && !def.beforeSetup) throw new AppError('NOT_SET_UP', '请先完成初始设置（选择本机所属的高新区和角色）。');
    const handler = handlers[channel] as (input: unknown, ctx: unknown) => unknown;
    return handler(parsed.data, { db: options.db, dataDir: options.dataDir, appVersion: options.appVersion, installation, actor });
  }
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toShape() };
}
