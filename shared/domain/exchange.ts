import { z } from 'zod';

/**
 * Exchange between installations (issue 8), the platform-free part: the channels' inputs and
 * what they answer. Packages travel as files (.alliance); the core signs, verifies and merges.
 */

const fileName = z.string({ error: '缺少文件名' }).trim().min(1, { error: '缺少文件名' }).max(255, { error: '文件名过长' });
/** The largest package file accepted (the codec checks the decoded size again). */
export const EXCHANGE_PACKAGE_MAX_BYTES = 64 * 1024 * 1024;
/** base64 of at most 64 MB. */
const dataBase64 = z.string({ error: '缺少文件内容' }).max(Math.ceil((EXCHANGE_PACKAGE_MAX_BYTES * 4) / 3) + 8, { error: '文件不能超过 64 MB' });
/** What exchange.export answered may be passed back as it is. */
const mime = z.string().max(100).optional();

export const ExchangeFileInput = z.strictObject({ fileName, dataBase64, mime });
export const ExchangeApplyInput = z.strictObject({
  fileName,
  dataBase64,
  mime,
  /** The secretariat confirms a package that deletes most of a kind's records. */
  confirmMassDelete: z.boolean().default(false),
});
/** Trusts a zone's new key (after comparing its fingerprint by phone), shown by a package signed with it. */
export const ExchangeKeyChangeInput = z.strictObject({
  fileName,
  dataBase64,
  mime,
  fingerprint: z.string({ error: '缺少新密钥指纹' }).trim().regex(/^[0-9A-Fa-f]{4}( ?[0-9A-Fa-f]{4}){7}$/, { error: '应为 32 位十六进制指纹（8 组，每组 4 位）' }),
});

export const ExchangeFolderInput = z.strictObject({
  folder: z.string({ error: '请选择文件夹' }).trim().max(1000, { error: '路径过长' }),
});

/** Settles a conflict: keep the version shown, or take the other one. */
export const ExchangeResolveInput = z.strictObject({
  kind: z.string({ error: '缺少记录类型' }).regex(/^[a-z_]{1,40}$/, { error: '未知的记录类型' }),
  recordId: z.string({ error: '缺少记录编号' }).min(1).max(80),
  hlc: z.string({ error: '缺少版本' }).regex(/^\d{13}\.\d{4}\.[A-Za-z0-9]{1,32}$/, { error: '版本标记不正确' }),
  keep: z.enum(['current', 'other', 'merge'], { error: '应为 current（保留当前）、other（采用另一版本）或 merge（合并）' }),
  /** merge: the fields taken from the other version; the rest stay as they are here. */
  take: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, { error: '字段名不正确' }), { error: '应为字段名列表' }).max(80, { error: '字段过多' }).optional(),
}).refine((input) => input.keep !== 'merge' || (input.take?.length ?? 0) > 0, { error: '合并时请至少选择一项采用另一版本的内容', path: ['take'] });

export const EXCHANGE_LABELS: Record<string, string> = {
  fileName: '文件名',
  dataBase64: '文件内容',
  confirmMassDelete: '确认大量删除',
  folder: '交换文件夹',
  kind: '记录类型',
  take: '合并的字段',
  fingerprint: '新密钥指纹',
  recordId: '记录编号',
  hlc: '版本',
  keep: '处理方式',
};

export interface ExchangeKindSummary {
  kind: string;
  noun: string;
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
  conflicts: number;
  pending: number;
  /** Of the added and updated: how many delete a record here. */
  deleted: number;
}

export interface ExchangeRefusal {
  kind: string;
  noun: string;
  label: string;
  reason: string;
}

export interface ExchangeResult {
  packageId: string;
  sender: { zoneId: string; zoneName: string; fingerprint: string; createdAt: string };
  /** This package was imported before: nothing changes. */
  duplicate: boolean;
  /** False for a preview. */
  applied: boolean;
  /** The first package from this zone: its key is now trusted; compare the fingerprint by phone. */
  keyNotice: string | null;
  notices: string[];
  kinds: ExchangeKindSummary[];
  refusals: ExchangeRefusal[];
  conflicts: number;
  /** Versions waiting for a record not here yet (another package brings it). */
  pending: number;
}

export interface ExchangeIdentity {
  installationId: string;
  fingerprint: string;
  zoneKeys: Array<{ zoneId: string; zoneName: string; fingerprint: string; source: string; trustedAt: string; own: boolean }>;
  folder: string | null;
}

export interface ExchangePackageEntry {
  packageId: string;
  direction: 'sent' | 'received';
  zoneName: string;
  createdAt: string;
  handledAt: string;
  fileName: string;
  summary: string;
}

export interface ExchangeConflict {
  kind: string;
  noun: string;
  recordId: string;
  label: string;
  current: Record<string, unknown>;
  other: Record<string, unknown>;
  otherHlc: string;
  /** The other version deletes the record: it can be taken or refused whole, not merged. */
  otherDeleted: boolean;
  otherZoneName: string;
  foundAt: string;
}

export interface SyncSummary {
  folder: string;
  sent: { fileName: string; count: number } | null;
  received: ExchangeResult[];
  /** Files in the folder that could not be read, and why. */
  failed: Array<{ fileName: string; message: string }>;
}
