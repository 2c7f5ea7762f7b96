import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another ABI (Electron's); default: Node's. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Runs on an existing file that is about to be migrated (a backup of the old version). */
  beforeMigrate?: (db: Database.Database) => void;
}

/**
 * Opens (creating if needed) the app database and brings it to the latest schema.
 * Order matters: the schema version is read before anything is written, so a file from a
 * newer app version is refused byte-for-byte untouched; corruption is reported, never
 * "repaired" by deleting anything.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const current = readSchemaVersion(db);
    if (current > migrations.length) {
      throw new AppError(
        'DB_TOO_NEW',
        `数据文件由更新版本的联盟协同工作台创建（数据结构版本 ${current}，本版本最高支持 ${migrations.length}）。文件未做任何改动，请升级软件后再打开。`,
      );
    }
    applyConnectionPragmas(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new AppError('DB_CORRUPT', `数据文件已损坏（完整性检查：${String(check).slice(0, 200)}）。未删除任何内容，请从备份恢复。`);
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new AppError('DB_CORRUPT', `数据文件中有 ${broken.length} 处记录引用了不存在的记录（外键检查未通过）。未删除任何内容，请从备份恢复。`);
    }
    if (current > 0 && current < migrations.length) options.beforeMigrate?.(db);
    migrate(db, migrations, current);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (isNotADatabase(error)) {
      throw new AppError('DB_CORRUPT', '数据文件无法读取：它不是联盟协同工作台的数据文件，或已严重损坏。文件未做任何改动。');
    }
    throw error;
  }
}

/**
 * A second connection to a database the app already opened (the Excel worker's): no
 * migrations, no integrity check — those ran at start — but the same durability settings,
 * and only to a file at this app's schema version.
 */
export function openConnection(file: string, options: { nativeBinding?: string | undefined } = {}): Database.Database {
  const db = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    if (readSchemaVersion(db) !== MIGRATIONS.length) throw new AppError('DB_TOO_NEW', '数据文件的结构版本与本程序不符，未做任何改动。请重新启动软件。');
    applyConnectionPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readSchemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Durability settings SQLite does not remember: they must be set on every open. */
function applyConnectionPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL under WAL, which can lose a committed write on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB page cache: search verifies candidates against the haystack; the 2 MB default re-reads pages.
  db.pragma('cache_size = -65536');
}

function migrate(db: Database.Database, migrations: readonly Migration[], from: number): void {
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}
