import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { AppError } from '../../../shared/errors';
import type { BackupEntry, RestoreResult } from '../../../shared/domain/backup';
import { shanghaiToday } from '../../../shared/shanghai-date';
import { blobPath } from '../attachments/attachment-service';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { readInstallation } from '../settings/settings-service';
import { selectZone } from '../zones/zone-queries';
import { countRows, verifyBackupFile } from './backup-files';
import { assertNotBusy, backupNow, type Workspace } from './backup-service';

/**
 * The whole workspace as one file to carry to another PC: a .zip holding a consistent copy of the
 * database (VACUUM INTO), every attachment file it names, and a manifest. Opening one is a restore
 * — the current data is backed up first, so it can be undone.
 */

const MANIFEST = 'manifest.json';
const DATABASE = 'alliance.sqlite';
export const ARCHIVE_SUFFIX = '.alliance-workspace.zip';
/** An archive may be at most this large, and unpack to at most this much (a zip bomb stops here). */
const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 4 * 1024 * 1024 * 1024;

interface Manifest {
  format: 'alliance-workspace';
  formatVersion: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  zoneName: string | null;
  counts: Record<string, number>;
}

/** Writes the archive into `folder` and returns its path. */
export function exportWorkspace(ws: Workspace, folder: string): { path: string; sizeBytes: number } {
  if (!isAbsolute(folder) || !existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('VALIDATION', `保存位置：找不到文件夹「${folder}」，请填写完整路径。`, { folder: '找不到该文件夹' });
  const temp = join(folder, `.alliance-export-${process.pid}.sqlite`);
  rmSync(temp, { force: true });
  try {
    const counts = countRows(ws.db);
    ws.db.prepare('VACUUM INTO ?').run(temp);
    const problem = verifyBackupFile(temp, counts);
    if (problem) throw new AppError('VALIDATION', `导出的数据校验未通过（${problem}），未生成文件。`);
    const installation = readInstallation(ws.db);
    const manifest: Manifest = {
      format: 'alliance-workspace',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      appVersion: ws.appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      zoneName: installation ? (selectZone(ws.db, installation.zoneId)?.short_name ?? null) : null,
      counts,
    };
    const files: Zippable = { [MANIFEST]: Buffer.from(JSON.stringify(manifest, null, 2)), [DATABASE]: readFileSync(temp) };
    for (const sha of ws.db.prepare<[], string>('SELECT DISTINCT sha256 FROM attachments').pluck().all()) {
      const path = blobPath(ws.dataDir, sha);
      if (existsSync(path)) files[`attachments/${sha.slice(0, 2)}/${sha}`] = readFileSync(path);
    }
    const zipped = zipSync(files, { level: 6 });
    const path = join(folder, `联盟协同工作台_${manifest.zoneName ?? '未设置'}_${shanghaiToday()}${ARCHIVE_SUFFIX}`);
    writeFileSync(`${path}.part`, zipped);
    renameSync(`${path}.part`, path);
    return { path, sizeBytes: zipped.length };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', `无法在「${folder}」写入导出文件（磁盘已满、只读或没有权限）。数据未改动。`);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Opens an archive made by exportWorkspace in place of this installation's data (undoable). */
export function openWorkspace(ws: Workspace, path: string): RestoreResult {
  assertNotBusy(ws);
  if (!isAbsolute(path) || !existsSync(path)) throw new AppError('VALIDATION', `文件：找不到「${path}」，请填写完整路径。`, { path: '找不到该文件' });
  const size = statSync(path).size;
  if (size > MAX_ARCHIVE_BYTES) throw new AppError('VALIDATION', '文件过大，不是本软件导出的工作区文件。');
  const entries = unpack(readFileSync(path));
  const manifest = readManifest(entries);
  const database = entries[DATABASE];
  if (!database) throw notAnArchive();
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) throw new AppError('VALIDATION', `该工作区由更新版本的软件导出（数据结构版本 ${manifest.schemaVersion}），请先升级本软件。数据未改动。`);
  const incoming = `${ws.databaseFile}.restoring`;
  writeFileSync(incoming, database);
  const problem = verifyBackupFile(incoming, manifest.counts);
  if (problem) {
    rmSync(incoming, { force: true });
    throw new AppError('VALIDATION', `工作区文件中的数据已损坏（${problem}），未打开。数据未改动。`);
  }
  // Attachment files first (content-addressed: extra ones are harmless), each checked by its hash.
  for (const [name, bytes] of Object.entries(entries)) {
    const m = /^attachments\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(name);
    if (!m || createHash('sha256').update(bytes).digest('hex') !== m[1]) continue;
    const target = blobPath(ws.dataDir, m[1]!);
    if (existsSync(target)) continue;
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(`${target}.part`, bytes);
    renameSync(`${target}.part`, target);
  }
  const undo = backupNow(ws, 'before-restore');
  ws.replaceDatabase(incoming);
  const restored: BackupEntry = { id: path.split(/[\\/]/).pop() ?? path, createdAt: manifest.createdAt, reason: 'manual', sizeBytes: size, schemaVersion: manifest.schemaVersion, appVersion: manifest.appVersion, counts: manifest.counts, changeMark: 0 };
  return { restored, undo };
}

function unpack(bytes: Uint8Array): Unzipped {
  let unpacked = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new AppError('VALIDATION', '文件解压后过大（可能是恶意构造的压缩包），未打开。数据未改动。');
        return file.name === MANIFEST || file.name === DATABASE || file.name.startsWith('attachments/');
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAnArchive();
  }
}

function readManifest(entries: Unzipped): Manifest {
  try {
    const manifest = JSON.parse(Buffer.from(entries[MANIFEST] ?? new Uint8Array()).toString('utf8')) as Manifest;
    if (manifest.format !== 'alliance-workspace' || typeof manifest.schemaVersion !== 'number' || typeof manifest.counts !== 'object') throw new Error('manifest');
    return manifest;
  } catch {
    throw notAnArchive();
  }
}

const notAnArchive = () => new AppError('VALIDATION', '该文件不是本软件导出的工作区文件（或已损坏），未打开。数据未改动。');
