import { z } from 'zod';

/** Backups and restore (issue 9), the platform-free part. */

export const BACKUP_REASONS = ['start', 'scheduled', 'manual', 'before-import', 'before-exchange', 'before-restore', 'before-migration'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  start: '启动时',
  scheduled: '定时',
  manual: '手动',
  'before-import': '导入前',
  'before-exchange': '应用交换包前',
  'before-restore': '恢复前',
  'before-migration': '升级数据结构前',
};

export interface BackupEntry {
  /** The backup's file name (its id). */
  id: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  schemaVersion: number;
  appVersion: string;
  /** Rows per main table, as verified after writing. */
  counts: Record<string, number>;
  /** The change log's position when written: an automatic backup is skipped when nothing changed since. */
  changeMark: number;
  /** Set for a backup left in an earlier backup folder (listed and restorable; never pruned from here). */
  folder?: string;
}

export interface BackupOverview {
  folder: string;
  /** True when the folder is the default one inside the data folder. */
  isDefault: boolean;
  backups: BackupEntry[];
  /** A warning about where the data or backups live (a network drive…), or null. */
  warning: string | null;
}

export interface RestoreResult {
  restored: BackupEntry;
  /** The backup made just before: restoring it undoes this restore. */
  undo: BackupEntry;
}

const backupId = z.string({ error: '缺少备份' }).regex(/^alliance_\d{8}-\d{6}-\d{3}_[a-z-]+\.sqlite$/, { error: '无效的备份名称' });

export const BackupIdInput = z.strictObject({ id: backupId });
export const BackupFolderInput = z.strictObject({ folder: z.string({ error: '请填写文件夹' }).trim().max(1000, { error: '路径过长' }) });

/** Where to write the workspace archive (a folder), and which archive to open (a file). */
export const WorkspaceExportInput = z.strictObject({ folder: z.string({ error: '请填写保存位置' }).trim().min(1, { error: '请填写保存位置' }).max(1000, { error: '路径过长' }) });
export const WorkspaceOpenInput = z.strictObject({ path: z.string({ error: '请填写文件路径' }).trim().min(1, { error: '请填写文件路径' }).max(1000, { error: '路径过长' }) });

export interface WorkspaceExport {
  path: string;
  sizeBytes: number;
}

export const BACKUP_LABELS: Record<string, string> = { id: '备份', folder: '文件夹', path: '文件' };
