import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { BackupEntry, BackupFolderInput, BackupOverview, BackupReason, RestoreResult } from '../../../shared/domain/backup';
import { changeMarkOf, listBackups, pruneBackups, restoreAttachments, verifyBackupFile, writeBackup } from './backup-files';
import { networkPathWarning } from './network-path';

/**
 * Backups as the app uses them: where they go (a setting kept beside the database, not in it,
 * so a restore or a damaged file cannot lose it), when they are made, and restoring one —
 * which first backs up what is there, so a restore can be undone.
 */

/** What the backup service needs of the running app: its database (which a restore replaces). */
export interface Workspace {
  readonly db: Database.Database;
  readonly dataDir: string;
  readonly appVersion: string;
  readonly databaseFile: string;
  /** Closes the database, puts `file` in its place, and opens it again. */
  replaceDatabase(file: string): void;
  /** Why the database failed its checks at start (read-only until a restore), or null. */
  readonly damaged: string | null;
  /** What is still writing to the database file (it cannot be replaced meanwhile), or null. */
  readonly busy: string | null;
}

/** Refuses to replace the database while something else writes to it. */
export function assertNotBusy(ws: Workspace): void {
  if (ws.busy) throw new AppError('CONFLICT', `${ws.busy}，请等它完成后再恢复备份或打开其他工作区。数据未改动。`);
}

const SETTINGS_FILE = 'backup-settings.json';

export function backupFolderOf(dataDir: string): { folder: string; isDefault: boolean } {
  const saved = readBackupSettings(dataDir);
  return saved.folder ? { folder: saved.folder, isDefault: false } : { folder: join(dataDir, 'backups'), isDefault: true };
}

/** How many earlier backup folders are remembered (their backups stay listed and restorable). */
const EARLIER_FOLDERS = 5;

interface BackupSettings {
  folder?: string;
  /** Folders backups went to before, newest first: moving the folder does not hide older backups. */
  earlier?: string[];
}

function readBackupSettings(dataDir: string): BackupSettings {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')) as { folder?: unknown; earlier?: unknown };
    const absolute = (f: unknown): f is string => typeof f === 'string' && isAbsolute(f);
    return { ...(absolute(saved.folder) ? { folder: saved.folder } : {}), earlier: Array.isArray(saved.earlier) ? saved.earlier.filter(absolute) : [] };
  } catch {
    return {}; // No setting (or an unreadable one): the default folder.
  }
}

/** Every backup this installation can restore: the current folder's, then those left in earlier folders (marked with their folder). */
function allBackups(dataDir: string): Array<{ entry: BackupEntry; folder: string }> {
  const { folder } = backupFolderOf(dataDir);
  const earlier = (readBackupSettings(dataDir).earlier ?? []).filter((f) => f !== folder && existsSync(f));
  const current = listBackups(folder).map((entry) => ({ entry, folder }));
  const older = earlier.flatMap((f) => listBackups(f).map((entry) => ({ entry: { ...entry, folder: f }, folder: f })));
  const seen = new Set(current.map((b) => b.entry.id));
  return [...current, ...older.filter((b) => !seen.has(b.entry.id) && seen.add(b.entry.id))].sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt));
}

export function backupOverview(ws: Workspace): BackupOverview {
  const { folder, isDefault } = backupFolderOf(ws.dataDir);
  return { folder, isDefault, backups: allBackups(ws.dataDir).map((b) => b.entry), warning: networkPathWarning(ws.dataDir) ?? networkPathWarning(folder, '备份') };
}

/** Moves future backups to another folder (a USB disk, a network drive); '' goes back to the default. */
export function setBackupFolder(ws: Workspace, input: z.output<typeof BackupFolderInput>): BackupOverview {
  if (input.folder !== '') {
    if (!isAbsolute(input.folder)) throw new AppError('VALIDATION', '备份文件夹：请填写完整路径（如 E:\\联盟备份）。', { folder: '应为完整路径' });
    const probe = join(input.folder, `.alliance-probe-${process.pid}`);
    try {
      mkdirSync(input.folder, { recursive: true });
      writeFileSync(probe, 'ok');
      rmSync(probe, { force: true });
    } catch {
      throw new AppError('VALIDATION', `备份文件夹：无法写入「${input.folder}」（只读、已拔出或没有权限）。`, { folder: '无法写入' });
    }
  }
  const next = input.folder === '' ? join(ws.dataDir, 'backups') : resolve(input.folder);
  const { folder: previous } = backupFolderOf(ws.dataDir);
  const earlier = [previous, ...(readBackupSettings(ws.dataDir).earlier ?? [])].filter((f, i, all) => f !== next && all.indexOf(f) === i).slice(0, EARLIER_FOLDERS);
  const settings: BackupSettings = { ...(input.folder === '' ? {} : { folder: next }), earlier };
  writeFileSync(join(ws.dataDir, SETTINGS_FILE), JSON.stringify(settings));
  return backupOverview(ws);
}

/** Makes a backup now and lets the retention rule tidy the folder. */
export function backupNow(ws: Workspace, reason: BackupReason): BackupEntry {
  const { folder } = backupFolderOf(ws.dataDir);
  const entry = writeBackup(ws.db, { folder, dataDir: ws.dataDir, reason, appVersion: ws.appVersion });
  pruneBackups(folder);
  return entry;
}

/**
 * An automatic backup (at start, on the timer, before an import or an exchange package): made
 * unless the newest backup already holds every change. Never stops the app: a failure is
 * returned for the caller to log or show.
 */
export function autoBackup(ws: Workspace, reason: BackupReason): { made: BackupEntry | null; error: string | null } {
  try {
    const newest = listBackups(backupFolderOf(ws.dataDir).folder)[0];
    if (newest && newest.changeMark === changeMarkOf(ws.db) && newest.schemaVersion === Number(ws.db.pragma('user_version', { simple: true }))) return { made: null, error: null };
    return { made: backupNow(ws, reason), error: null };
  } catch (error) {
    return { made: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Restores a backup: checks it, backs up the current database (the undo), copies the backup
 * beside the database, swaps the files by renaming (atomic on one disk) and reopens — the
 * migrations bring an older backup up to date. The backup itself is never changed.
 */
export function restoreBackup(ws: Workspace, id: string): RestoreResult {
  assertNotBusy(ws);
  const found = allBackups(ws.dataDir).find((b) => b.entry.id === id);
  if (!found) throw new AppError('NOT_FOUND', '找不到该备份，可能已被清理，或它所在的文件夹（如移动硬盘）当前不可用。');
  const { entry: chosen, folder } = found;
  const problem = verifyBackupFile(join(folder, chosen.id), chosen.counts);
  if (problem) throw new AppError('VALIDATION', `该备份已损坏（${problem}），不能恢复。数据未改动，请选择其他备份。`);
  // A damaged database cannot be backed up: it is kept beside, renamed, as the undo instead.
  const undo = ws.damaged ? keepDamagedFile(ws) : backupNow(ws, 'before-restore');
  const incoming = `${ws.databaseFile}.restoring`;
  copyFileSync(join(folder, chosen.id), incoming);
  ws.replaceDatabase(incoming);
  restoreAttachments(ws.db, folder, ws.dataDir);
  return { restored: chosen, undo };
}

/** Copies the damaged file (untouched) into the backup folder under a name that says what it is. */
function keepDamagedFile(ws: Workspace): BackupEntry {
  const { folder } = backupFolderOf(ws.dataDir);
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19);
  const id = `alliance_${stamp}_before-restore.sqlite`;
  copyFileSync(ws.databaseFile, join(folder, `${id}.damaged`));
  return { id: `${id}.damaged`, createdAt: new Date().toISOString(), reason: 'before-restore', sizeBytes: 0, schemaVersion: 0, appVersion: ws.appVersion, counts: {}, changeMark: 0 };
}

/** Swaps the database file for `incoming` while it is closed: the old one kept until the new one opens. */
export function swapDatabaseFile(databaseFile: string, incoming: string, reopen: () => void): void {
  const previous = `${databaseFile}.previous`;
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  rmSync(previous, { force: true });
  renameSync(databaseFile, previous);
  renameSync(incoming, databaseFile);
  try {
    reopen();
    rmSync(previous, { force: true });
  } catch (error) {
    // The restored file would not open: put the previous one back, as it was.
    if (existsSync(databaseFile)) rmSync(databaseFile, { force: true });
    renameSync(previous, databaseFile);
    reopen();
    throw error;
  }
}
