import { mkdir, readdir, readFile, stat, writeFile, rename } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type {
  ExchangeApplyInput,
  ExchangeConflict,
  ExchangeFileInput,
  ExchangeFolderInput,
  ExchangeIdentity,
  ExchangePackageEntry,
  ExchangeResult,
  SyncSummary,
} from '../../../shared/domain/exchange';
import { readSetting, readInstallation, writeSetting } from '../settings/settings-service';
import { selectZone } from '../zones/zone-queries';
import { ensureIdentity } from './exchange-store';
import { fingerprintOf } from './keys';
import { buildPackage, importPackage } from './package-exchange';
import { selectByKey } from './record-keys';
import { kindOf } from './record-kinds';

/** The exchange.* channels: identity, packages as files, the exchange folder, history, conflicts. */

const FOLDER_SETTING = 'exchange_folder';
const PACKAGE_SUFFIX = '.alliance';

function self(db: Database.Database) {
  const installation = readInstallation(db);
  if (!installation) throw new AppError('NOT_SET_UP', '请先完成初始设置（选择本机所属的高新区和角色）。');
  const zone = selectZone(db, installation.zoneId);
  if (!zone) throw new AppError('NOT_SET_UP', '本机所属的高新区不在名录中，请在「设置」中重新选择。');
  const secretariat = installation.role === 'secretariat';
  return { zone: { id: zone.id, code: zone.code, secretariat }, self: { zoneId: zone.id, secretariat } };
}

export function exchangeIdentity(db: Database.Database): ExchangeIdentity {
  const { zone } = self(db);
  const identity = ensureIdentity(db, zone.id);
  const keys = db
    .prepare<[], { zone_id: string; short_name: string; fingerprint: string; source: string; trusted_at: string }>(
      'SELECT k.zone_id, z.short_name, k.fingerprint, k.source, k.trusted_at FROM zone_keys k JOIN zones z ON z.id = k.zone_id ORDER BY z.code',
    )
    .all();
  return {
    installationId: identity.installationId,
    fingerprint: fingerprintOf(identity.publicKey),
    zoneKeys: keys.map((k) => ({ zoneId: k.zone_id, zoneName: k.short_name, fingerprint: k.fingerprint, source: k.source, trustedAt: k.trusted_at, own: k.zone_id === zone.id })),
    folder: readSetting<string>(db, FOLDER_SETTING),
  };
}

/** A package of this installation's changes since the last one saved as a file. */
export function exportPackageFile(db: Database.Database, dataDir: string): { fileName: string; mime: string; dataBase64: string } {
  const built = buildPackage(db, self(db).zone, 'file', dataDir);
  if (!built) throw new AppError('CONFLICT', '自上次导出以来本机没有新的变更，无需导出交换包。');
  return { fileName: built.fileName, mime: 'application/octet-stream', dataBase64: built.bytes.toString('base64') };
}

export function previewPackageFile(db: Database.Database, dataDir: string, input: z.output<typeof ExchangeFileInput>): ExchangeResult {
  return importPackage(db, Buffer.from(input.dataBase64, 'base64'), { apply: false, self: self(db).self, fileName: input.fileName, dataDir });
}

export function applyPackageFile(db: Database.Database, dataDir: string, input: z.output<typeof ExchangeApplyInput>): ExchangeResult {
  return importPackage(db, Buffer.from(input.dataBase64, 'base64'), { apply: true, confirmMassDelete: input.confirmMassDelete, self: self(db).self, fileName: input.fileName, dataDir });
}

// ── The exchange folder ──────────────────────────────────────────────────────────────────

export async function setExchangeFolder(db: Database.Database, input: z.output<typeof ExchangeFolderInput>): Promise<ExchangeIdentity> {
  if (input.folder === '') {
    writeSetting(db, FOLDER_SETTING, null);
    return exchangeIdentity(db);
  }
  if (!isAbsolute(input.folder)) throw new AppError('VALIDATION', '交换文件夹：请填写完整路径（如 D:\\联盟交换 或 /media/usb/联盟交换）。', { folder: '应为完整路径' });
  const info = await stat(input.folder).catch(() => null);
  if (!info?.isDirectory()) throw new AppError('VALIDATION', `交换文件夹：找不到「${input.folder}」，或它不是文件夹。`, { folder: '找不到该文件夹' });
  writeSetting(db, FOLDER_SETTING, input.folder);
  return exchangeIdentity(db);
}

/**
 * 立即同步: writes this installation's new package into its own sub-folder (written under a
 * temporary name, then renamed, so a sync tool never copies half a file), then imports every
 * package of the other sub-folders not applied yet, oldest first.
 */
export async function syncFolder(db: Database.Database, dataDir: string): Promise<SyncSummary> {
  const folder = readSetting<string>(db, FOLDER_SETTING);
  if (!folder) throw new AppError('VALIDATION', '请先在「数据交换」中选择交换文件夹。', { folder: '未设置' });
  const { zone, self: me } = self(db);
  const identity = ensureIdentity(db, zone.id);
  const own = join(folder, `${zone.code}_${identity.installationId}`);
  try {
    await mkdir(own, { recursive: true });
  } catch {
    throw new AppError('VALIDATION', `无法写入交换文件夹「${folder}」（可能是只读、已拔出或没有权限）。本机数据未改动。`);
  }
  const summary: SyncSummary = { folder, sent: null, received: [], failed: [] };
  const built = buildPackage(db, zone, 'folder', dataDir);
  if (built) {
    const target = join(own, built.fileName);
    await writeFile(`${target}.part`, built.bytes);
    await rename(`${target}.part`, target);
    summary.sent = { fileName: built.fileName, count: Object.values(built.header.counts).reduce((a, b) => a + b, 0) };
  }
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || join(folder, entry.name) === own) continue;
    for (const name of await readdir(join(folder, entry.name)).catch(() => [] as string[])) if (name.endsWith(PACKAGE_SUFFIX)) files.push(join(folder, entry.name, name));
  }
  // File names start with the zone code and the time: sorting by the time part applies the oldest first.
  files.sort((a, b) => timeOf(a).localeCompare(timeOf(b)));
  const handled = new Set(db.prepare<[], string>('SELECT file_name FROM sync_packages').pluck().all());
  for (const file of files) {
    const name = file.split(/[\\/]/).pop() ?? file;
    if (handled.has(name)) continue;
    try {
      const bytes = await readFile(file);
      const result = importPackage(db, bytes, { apply: true, self: me, fileName: name, dataDir });
      if (!result.duplicate) summary.received.push(result);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      summary.failed.push({ fileName: name, message: error.message });
    }
  }
  return summary;
}

const timeOf = (file: string) => (file.split(/[\\/]/).pop() ?? '').split('_')[1] ?? '';

// ── History and conflicts ────────────────────────────────────────────────────────────────

export function exchangeHistory(db: Database.Database): ExchangePackageEntry[] {
  return db
    .prepare<[], { package_id: string; direction: 'sent' | 'received'; short_name: string | null; created_at: string; handled_at: string; file_name: string; summary: string }>(
      'SELECT p.*, z.short_name FROM sync_packages p LEFT JOIN zones z ON z.id = p.sender_zone_id ORDER BY p.handled_at DESC LIMIT 500',
    )
    .all()
    .map((p) => ({ packageId: p.package_id, direction: p.direction, zoneName: p.short_name ?? '', createdAt: p.created_at, handledAt: p.handled_at, fileName: p.file_name, summary: p.summary }));
}

export function exchangeConflicts(db: Database.Database): ExchangeConflict[] {
  const rows = db
    .prepare<[], { kind: string; record_id: string; hlc: string; origin_zone_id: string; row: string; deleted: number; found_at: string }>('SELECT kind, record_id, hlc, origin_zone_id, row, deleted, found_at FROM sync_conflicts ORDER BY found_at DESC LIMIT 500')
    .all();
  return rows.flatMap((c) => {
    const kind = kindOf(c.kind);
    if (!kind) return [];
    const current = selectByKey(db, kind, c.record_id) ?? {};
    const other = JSON.parse(c.row) as Record<string, unknown>;
    return [{ kind: c.kind, noun: kind.noun, recordId: c.record_id, label: kind.label(current) || kind.label(other), current, other, otherHlc: c.hlc, otherDeleted: c.deleted === 1, otherZoneName: selectZone(db, c.origin_zone_id)?.short_name ?? '', foundAt: c.found_at }];
  });
}
