import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { BackupEntry, BackupReason } from '../../../shared/domain/backup';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { STORAGE_PROBLEM_LABELS, storageProblemOf } from '../db/storage-errors';
import { backupsToKeep } from './retention';

/**
 * Backup files: one SQLite file per backup, written by `VACUUM INTO` (a consistent copy made by
 * SQLite itself — never a copy of the live file), checked (integrity, schema version, row counts)
 * before it gets its final name, with a JSON manifest beside it. Attachments are
 * content-addressed and never change, so the folder keeps one shared copy of each file.
 */

/** The tables whose row counts a backup must reproduce. */
const COUNTED = ['zones', 'resources', 'scenarios', 'scenario_applications', 'events', 'event_registrations', 'sharing_requests', 'attachments', 'indicator_values', 'plan_work_items'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function stampOf(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}-${pad(date.getUTCMilliseconds(), 3)}`;
}

export function countRows(db: Database.Database): Record<string, number> {
  const present = new Set(db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all());
  return Object.fromEntries(COUNTED.filter((t) => present.has(t)).map((t) => [t, db.prepare<[], number>(`SELECT count(*) FROM ${t}`).pluck().get() ?? 0]));
}

/** Writes, verifies and names a backup of the open database; its attachments' files are copied once. */
export function writeBackup(db: Database.Database, options: { folder: string; dataDir: string; reason: BackupReason; appVersion: string; now?: Date }): BackupEntry {
  const now = options.now ?? new Date();
  try {
    mkdirSync(options.folder, { recursive: true });
  } catch (error) {
    throw new AppError('STORAGE', `无法在「${options.folder}」中创建备份（${diskProblem(error)}）。数据未改动，旧的备份仍在。`);
  }
  const id = `alliance_${stampOf(now)}_${options.reason}.sqlite`;
  const final = join(options.folder, id);
  const temp = `${final}.part`;
  const manifest = `${final}.json`;
  rmSync(temp, { force: true });
  let counts: Record<string, number>;
  try {
    // The counts and the copy come from the same moment: nothing runs between them on this connection.
    counts = countRows(db);
    db.prepare('VACUUM INTO ?').run(temp);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new AppError('STORAGE', `备份未能写入「${options.folder}」（${diskProblem(error)}）。数据未改动，旧的备份仍在。`);
  }
  const problem = verifyBackupFile(temp, counts);
  if (problem) {
    rmSync(temp, { force: true });
    throw new AppError('VALIDATION', `新写的备份校验未通过（${problem}），已删除。数据未改动，旧的备份仍在。`);
  }
  // A backup is listed once its manifest is there: attachments first, the manifest last, so a
  // disk that fills up on the way leaves no listed backup that is missing a part.
  try {
    copyAttachments(db, join(options.dataDir, 'attachments'), join(options.folder, 'attachments'));
    renameSync(temp, final);
    const entry: BackupEntry = { id, createdAt: now.toISOString(), reason: options.reason, sizeBytes: statSync(final).size, schemaVersion: Number(db.pragma('user_version', { simple: true })), appVersion: options.appVersion, counts, changeMark: changeMarkOf(db) };
    writeFileSync(`${manifest}.part`, JSON.stringify(entry, null, 2));
    renameSync(`${manifest}.part`, manifest);
    return entry;
  } catch (error) {
    for (const leftover of [temp, final, `${manifest}.part`]) rmSync(leftover, { force: true });
    throw new AppError('STORAGE', `备份未能写完「${options.folder}」（${diskProblem(error)}），未完成的文件已删除。数据未改动，旧的备份仍在。`);
  }
}

/** Where the change log is (every tracked write adds to it). */
export function changeMarkOf(db: Database.Database): number {
  const logged = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sync_changes'").get();
  return logged ? (db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM sync_changes').pluck().get() ?? 0) : 0;
}

/** Why a backup file is not usable, or null: it must open, pass integrity_check, have our schema and the counts. */
export function verifyBackupFile(file: string, counts?: Record<string, number>): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return `完整性检查：${String(check).slice(0, 100)}`;
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > LATEST_SCHEMA_VERSION) return `数据结构版本 ${version} 高于本软件支持的 ${LATEST_SCHEMA_VERSION}`;
    if (counts) {
      const found = countRows(db);
      const wrong = Object.keys(counts).find((t) => found[t] !== counts[t]);
      if (wrong) return `「${wrong}」应有 ${counts[wrong]} 行，实有 ${found[wrong] ?? 0} 行`;
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 100) : '无法打开';
  } finally {
    db?.close();
  }
}

export function listBackups(folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.sqlite.json')) continue;
    try {
      const entry = JSON.parse(readFileSync(join(folder, name), 'utf8')) as BackupEntry;
      if (entry.id === name.slice(0, -'.json'.length) && existsSync(join(folder, entry.id))) entries.push(entry);
    } catch {
      // A manifest that cannot be read is not a backup we offer.
    }
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Deletes the backups the retention rule lets go (their manifests with them). */
export function pruneBackups(folder: string, now = Date.now()): number {
  const all = listBackups(folder);
  const keep = backupsToKeep(all, now);
  let removed = 0;
  for (const entry of all) {
    if (keep.has(entry)) continue;
    rmSync(join(folder, entry.id), { force: true });
    rmSync(join(folder, `${entry.id}.json`), { force: true });
    removed++;
  }
  return removed;
}

/** Copies the database's attachment files that the backup folder does not have yet. */
function copyAttachments(db: Database.Database, from: string, to: string): void {
  const hashes = db.prepare<[], string>('SELECT DISTINCT sha256 FROM attachments').pluck().all();
  for (const sha of hashes) {
    const source = join(from, sha.slice(0, 2), sha);
    const target = join(to, sha.slice(0, 2), sha);
    if (existsSync(target) || !existsSync(source)) continue;
    mkdirSync(join(to, sha.slice(0, 2)), { recursive: true });
    copyFileSync(source, `${target}.part`);
    renameSync(`${target}.part`, target);
  }
}

/** After a restore: the attachment files the restored database names, back from the backup folder. */
export function restoreAttachments(db: Database.Database, backupFolder: string, dataDir: string): void {
  copyAttachments(db, join(backupFolder, 'attachments'), join(dataDir, 'attachments'));
}

function diskProblem(error: unknown): string {
  const problem = storageProblemOf(error);
  if (problem) return STORAGE_PROBLEM_LABELS[problem];
  const text = error instanceof Error ? error.message : String(error);
  return /unable to open/i.test(text) ? STORAGE_PROBLEM_LABELS.readonly : text.slice(0, 80);
}
