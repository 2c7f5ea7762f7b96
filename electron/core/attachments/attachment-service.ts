import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentAddInput, type AttachmentContent, type AttachmentRecordKind } from '../../../shared/domain/resource';
import { writeAudit } from '../audit';
import { newId, nowIso, type Actor } from '../records';
import { ATTACHMENT_OWNERS } from './attachment-owners';

const MAX_PER_RECORD = 20;

interface AttachmentRow {
  id: string;
  record_kind: AttachmentRecordKind;
  record_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string;
}

const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  fileName: row.file_name,
  mime: row.mime,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export function listAttachments(db: Database.Database, kind: AttachmentRecordKind, recordId: string): Attachment[] {
  return db
    .prepare<[string, string], AttachmentRow>('SELECT * FROM attachments WHERE record_kind = ? AND record_id = ? AND deleted_at IS NULL ORDER BY id')
    .all(kind, recordId)
    .map(toAttachment);
}

/**
 * Stores a photo or PDF under the data folder by content hash (identical files are kept
 * once) and links it to the record. The type is read from the bytes, not the name.
 */
export function addAttachment(db: Database.Database, actor: Actor, dataDir: string, input: z.output<typeof AttachmentAddInput>): Attachment {
  const owner = ATTACHMENT_OWNERS[input.recordKind];
  owner.assertEditable(db, actor, input.recordId);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64)) throw new AppError('VALIDATION', '附件：文件内容编码不正确。', { dataBase64: '编码不正确' });
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', '附件：文件是空的。', { dataBase64: '文件是空的' });
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError('VALIDATION', `附件：「${input.fileName}」有 ${(bytes.length / 1048576).toFixed(1)} MB，单个文件不能超过 10 MB。`, { dataBase64: '文件不能超过 10 MB' });
  }
  const mime = sniffType(bytes);
  if (!mime) throw new AppError('VALIDATION', `附件：「${input.fileName}」不是 PNG、JPEG、WebP 图片或 PDF 文件。`, { dataBase64: '只支持图片（PNG/JPEG/WebP）和 PDF' });
  if (listAttachments(db, input.recordKind, input.recordId).length >= MAX_PER_RECORD) throw new AppError('CONFLICT', `每条记录最多 ${MAX_PER_RECORD} 个附件。`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  storeBlob(dataDir, sha256, bytes);
  return db.transaction(() => {
    const row: AttachmentRow = {
      id: newId(),
      record_kind: input.recordKind,
      record_id: input.recordId,
      file_name: input.fileName,
      mime,
      size: bytes.length,
      sha256,
      created_at: nowIso(),
      created_by: actor.label,
    };
    db.prepare(
      'INSERT INTO attachments (id, record_kind, record_id, file_name, mime, size, sha256, created_at, created_by) VALUES (@id, @record_kind, @record_id, @file_name, @mime, @size, @sha256, @created_at, @created_by)',
    ).run(row);
    writeAudit(db, actor, owner.entity, input.recordId, 'update', null, { attachmentAdded: row.file_name });
    return toAttachment(row);
  })();
}

export function removeAttachment(db: Database.Database, actor: Actor, id: string): void {
  const row = selectAttachment(db, id);
  const owner = ATTACHMENT_OWNERS[row.record_kind];
  owner.assertEditable(db, actor, row.record_id);
  db.transaction(() => {
    db.prepare('UPDATE attachments SET deleted_at = ? WHERE id = ?').run(nowIso(), id);
    writeAudit(db, actor, owner.entity, row.record_id, 'update', { attachmentRemoved: row.file_name }, null);
  })();
}

export function readAttachment(db: Database.Database, actor: Actor, dataDir: string, id: string): AttachmentContent {
  const row = selectAttachment(db, id);
  ATTACHMENT_OWNERS[row.record_kind].assertVisible(db, actor, row.record_id);
  const path = blobPath(dataDir, row.sha256);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `附件文件「${row.file_name}」不在数据目录中，可能被移动或删除。`);
  return { fileName: row.file_name, mime: row.mime, dataBase64: readFileSync(path).toString('base64') };
}

function selectAttachment(db: Database.Database, id: string): AttachmentRow {
  const row = db.prepare<[string], AttachmentRow>('SELECT * FROM attachments WHERE id = ? AND deleted_at IS NULL').get(id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该附件。');
  return row;
}

/** Where a file's bytes live: content-addressed, so a file shared by records (or installations) is stored once. */
export function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/** Write-then-rename, so a crash never leaves a half-written file under its final name. */
export function storeBlob(dataDir: string, sha256: string, bytes: Buffer): void {
  const path = blobPath(dataDir, sha256);
  if (existsSync(path)) return;
  mkdirSync(join(dataDir, 'attachments', sha256.slice(0, 2)), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes, { flush: true });
  renameSync(temp, path);
}

function sniffType(bytes: Buffer): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}
