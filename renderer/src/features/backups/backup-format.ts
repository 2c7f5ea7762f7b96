import type { TFunction } from 'i18next';
import { BACKUP_REASON_LABELS, type BackupEntry, type RestoreResult } from '../../../../shared/domain/backup';
import { toShanghaiIso } from '../../../../shared/shanghai-date';

/** A backup's moment as the alliance reads it: Beijing wall time, 2026-10-12 09:00:05. */
export function backupTime(createdAt: string): string {
  return toShanghaiIso(createdAt).slice(0, 19).replace('T', ' ');
}

/** Megabytes, with two decimals for the small files an installation usually has. */
export function backupSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb.toFixed(mb < 10 ? 2 : 1)} MB`;
}

/** Why the backup was made, in the UI language (the core's Chinese label for a reason it adds later). */
export function reasonLabel(t: TFunction, reason: string): string {
  return t(`backups.reason.${reason}`, { defaultValue: (BACKUP_REASON_LABELS as Record<string, string>)[reason] ?? reason });
}

/** A main table's row count in a backup, or — when the backup predates the table. */
export function countOf(entry: BackupEntry, table: 'resources' | 'scenarios' | 'events'): string {
  const n = entry.counts[table];
  return typeof n === 'number' ? String(n) : '—';
}

/**
 * Whether `backups.restore` accepts this id: a damaged data file kept as the undo of a restore
 * (`….sqlite.damaged`) is evidence, not a backup to restore.
 */
export function isRestorable(id: string): boolean {
  return /^alliance_\d{8}-\d{6}-\d{3}_[a-z-]+\.sqlite$/.test(id);
}

/** The last restore of this tab, kept across the reload that follows it so 撤销 stays on offer. */
export interface LastRestore {
  restoredAt: string;
  undoId: string;
  undoAt: string;
}

const LAST_RESTORE_KEY = 'alliance.lastRestore';

export function rememberRestore(result: RestoreResult): void {
  try {
    if (!isRestorable(result.undo.id)) {
      window.sessionStorage.removeItem(LAST_RESTORE_KEY);
      return;
    }
    const last: LastRestore = { restoredAt: result.restored.createdAt, undoId: result.undo.id, undoAt: result.undo.createdAt };
    window.sessionStorage.setItem(LAST_RESTORE_KEY, JSON.stringify(last));
  } catch {
    // No session storage (a locked-down browser): the offer lasts until the reload only.
  }
}

export function lastRestore(): LastRestore | null {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(LAST_RESTORE_KEY) ?? 'null') as Partial<LastRestore> | null;
    return saved && typeof saved.undoId === 'string' && typeof saved.restoredAt === 'string' && typeof saved.undoAt === 'string' ? (saved as LastRestore) : null;
  } catch {
    return null;
  }
}

export function forgetRestore(): void {
  try {
    window.sessionStorage.removeItem(LAST_RESTORE_KEY);
  } catch {
    // Nothing kept.
  }
}

/** After a restore every page's data changed: start the renderer again on the new data. */
export function reloadApp(): void {
  window.location.reload();
}
