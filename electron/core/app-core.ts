import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createDispatcher, type AsyncDispatch, type Dispatch } from './dispatcher';
import { openDatabase } from './db/open';
import { useExcelDatabaseBinding } from './excel/worker-client';
import { seedRosterOnce } from './zones/seed-roster';

export const DATABASE_FILE = 'alliance.sqlite';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  nativeBinding?: string;
  logError?: (channel: string, error: unknown) => void;
}

export interface Core {
  dispatch: Dispatch;
  /** Serves every channel, the file builders too: what IPC and the browser host use. */
  dispatchAsync: AsyncDispatch;
  db: Database.Database;
  dataDir: string;
  close(): void;
}

/** Opens the data directory's database and returns the contract dispatcher over it. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  seedRosterOnce(db);
  useExcelDatabaseBinding(options.nativeBinding);
  const { dispatch, dispatchAsync } = createDispatcher({ db, dataDir: options.dataDir, appVersion: options.appVersion, ...(options.logError ? { logError: options.logError } : {}) });
  return {
    dispatch,
    dispatchAsync,
    db,
    dataDir: options.dataDir,
    close: () => db.close(),
  };
}
