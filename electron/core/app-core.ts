import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { join } from 'node:path';
import { createDispatcher, type AsyncDispatch, type Dispatch } from './dispatcher';
import { openDatabase } from './db/open';
import { errorCodeOf, STORAGE_PROBLEM_LABELS, storageProblemOf } from './db/storage-errors';
import { excelImportRunning, useExcelDatabaseBinding } from './excel/worker-client';
import { writeBackup } from './backups/backup-files';
import { autoBackup, backupFolderOf, swapDatabaseFile, type Workspace } from './backups/backup-service';
import { seedRosterOnce } from './zones/seed-roster';

export const DATABASE_FILE = 'alliance.sqlite';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  nativeBinding?: string;
  logError?: (channel: string, error: unknown) => void;
  /** 'off': no automatic backups (the benchmarks, which measure the work itself). */
  backups?: 'auto' | 'off';
}

export interface Core {
  dispatch: Dispatch;
  /** Serves every channel, the file builders too: what IPC and the browser host use. */
  dispatchAsync: AsyncDispatch;
  db: Database.Database;
  dataDir: string;
  close(): void;
}

/** How often an open app backs up (when something changed). */
const BACKUP_EVERY_MS = 4 * 60 * 60 * 1000;

/** Opens the data directory's database and returns the contract dispatcher over it. */
export function createCore(options: CoreOptions): Core {
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const log = options.logError ?? ((channel: string, error: unknown) => console.error(`[${channel}]`, error));
  const open = () =>
    openDatabase(databaseFile, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      // An older file is backed up before its schema changes (the backup keeps the old version).
      beforeMigrate: (old) => {
        const { folder } = backupFolderOf(options.dataDir);
        writeBackup(old, { folder, dataDir: options.dataDir, reason: 'before-migration', appVersion: options.appVersion });
      },
    });
  let damaged: string | null = null;
  let db: Database.Database;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    db = open();
  } catch (error) {
    const refused = unopenableFolder(error, options.dataDir);
    if (refused) throw refused;
    if (!(error instanceof AppError) || error.code !== 'DB_CORRUPT') throw error;
    // Never repaired, deleted or overwritten: opened read-only (or not at all) until a backup is restored.
    damaged = error.message;
    db = openReadOnly(databaseFile, options.nativeBinding);
  }
  if (!damaged) seedRosterOnce(db);
  useExcelDatabaseBinding(options.nativeBinding);
  const workspace: Workspace = {
    get db() {
      return db;
    },
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    databaseFile,
    get damaged() {
      return damaged;
    },
    get busy() {
      // An import's own connection would go on writing into the file being replaced.
      return excelImportRunning() ? '正在导入 Excel 数据' : null;
    },
    replaceDatabase(file) {
      db.close();
      swapDatabaseFile(databaseFile, file, () => {
        db = open();
        damaged = null;
      });
    },
  };
  if (options.backups !== 'off' && !damaged) {
    const started = autoBackup(workspace, 'start');
    if (started.error) log('backup', started.error);
  }
  const timer = options.backups === 'off' ? null : setInterval(() => {
    if (damaged) return;
    const made = autoBackup(workspace, 'scheduled');
    if (made.error) log('backup', made.error);
  }, BACKUP_EVERY_MS);
  timer?.unref();
  const { dispatch, dispatchAsync } = createDispatcher({
    workspace,
    get db() {
      return db;
    },
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    ...(options.logError ? { logError: options.logError } : {}),
  });
  return {
    dispatch,
    dispatchAsync,
    get db() {
      return db;
    },
    dataDir: options.dataDir,
    close: () => {
      if (timer) clearInterval(timer);
      db.close();
    },
  };
}

/**
 * A data folder the app cannot write to (read-only, no permission, a disk that is gone):
 * SQLite's WAL needs to write beside the file even to read it, so the app cannot start there.
 * Said in one sentence naming the folder; nothing in it was touched.
 */
function unopenableFolder(error: unknown, dataDir: string): AppError | null {
  const code = errorCodeOf(error);
  const problem = storageProblemOf(error) ?? (code === 'SQLITE_CANTOPEN' ? 'readonly' : null);
  if (!problem) return null;
  return new AppError('STORAGE', `无法打开数据文件夹「${dataDir}」（${STORAGE_PROBLEM_LABELS[problem]}）。其中的文件未做任何改动。请检查该文件夹的写入权限和所在磁盘，然后重新启动。`);
}

/**
 * The damaged file, read-only: what can still be read is shown, every write is refused by
 * SQLite itself. A file that cannot even be opened gives an empty in-memory stand-in, and the
 * dispatcher then allows only the channels that restore a backup.
 */
function openReadOnly(file: string, nativeBinding: string | undefined): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch {
    return new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  }
}
