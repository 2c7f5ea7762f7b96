import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyBackupFile } from '../../electron/core/backups/backup-files';
import { isNetworkPath } from '../../electron/core/backups/network-path';
import { backupsToKeep } from '../../electron/core/backups/retention';
import { DATABASE_FILE } from '../../electron/core/app-core';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { instrumentInput } from '../helpers/resources';
import { instrumentCsv } from '../helpers/resource-csv';
import { setUpCore, tempCore, type TempCore } from '../helpers/temp-core';

const dump = (core: TempCore) => createHash('sha256').update(core.snapshot()).digest('hex');

let core: TempCore;
beforeEach(() => {
  core = setUpCore('HRB', 'secretariat');
});
afterEach(() => core.remove());

describe('backups', () => {
  it('backs up at start and on demand, each one checked, listed with its counts, never a copy of the live file', () => {
    const first = core.ok('backups.overview', {});
    expect(first.folder).toBe(join(core.dataDir, 'backups'));
    expect(first.backups.map((b) => b.reason)).toEqual(['start']);
    core.ok('resources.create', instrumentInput(core, { title: '备份前登记的仪器' }));
    const made = core.ok('backups.create', {});
    expect(made).toMatchObject({ reason: 'manual', counts: expect.objectContaining({ resources: 1, zones: 19 }) });
    expect(verifyBackupFile(join(first.folder, made.id), made.counts)).toBeNull();
    expect(core.ok('backups.overview', {}).backups[0]).toEqual(made);
    expect(readdirSync(first.folder).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('skips an automatic backup when nothing changed since the last one, but never a manual one', () => {
    const before = core.ok('backups.overview', {}).backups.length;
    const again = setUpCoreOn(core.dataDir);
    try {
      expect(again.ok('backups.overview', {}).backups).toHaveLength(before);
      again.ok('backups.create', {});
      expect(again.ok('backups.overview', {}).backups).toHaveLength(before + 1);
    } finally {
      again.close();
    }
  });

  it('restores a backup, and restoring the backup it made first undoes the restore exactly', () => {
    core.ok('resources.create', instrumentInput(core, { title: '第一台' }));
    const older = core.ok('backups.create', {});
    core.ok('resources.create', instrumentInput(core, { title: '第二台' }));
    const beforeRestore = dump(core);

    const restored = core.ok('backups.restore', { id: older.id });
    expect(core.ok('resources.search', { query: '' }).total).toBe(1);
    expect(restored.undo.reason).toBe('before-restore');

    core.ok('backups.restore', { id: restored.undo.id });
    expect(dump(core)).toBe(beforeRestore);
    expect(core.ok('resources.search', { query: '第二台' }).total).toBe(1);
  });

  it('will not restore while an Excel import is writing (its connection would write into the replaced file), and restores once it is done', async () => {
    const made = core.ok('backups.create', {});
    const taskId = 'restore-waits-for-import';
    const importing = core.okAsync('excel.commit', { recordType: 'resource', fileName: 'batch.csv', dataBase64: Buffer.from(instrumentCsv(3000, '导入中')).toString('base64'), mode: 'allOrNothing', taskId });
    await vi.waitFor(() => expect(core.ok('excel.progress', { taskId })?.phase).toMatch(/checking|writing/), { timeout: 60_000, interval: 20 });
    const refused = core.fails('backups.restore', { id: made.id });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: '正在导入 Excel 数据，请等它完成后再恢复备份或打开其他工作区。数据未改动。' });
    expect(await importing).toMatchObject({ added: 3000 });
    core.ok('backups.restore', { id: made.id });
    expect(core.ok('resources.search', { query: '导入中' }).total).toBe(0);
  });

  it('refuses to restore a damaged backup and changes nothing', () => {
    const made = core.ok('backups.create', {});
    const file = join(core.ok('backups.overview', {}).folder, made.id);
    writeFileSync(file, Buffer.alloc(4096, 7));
    const before = dump(core);
    expect(core.fails('backups.restore', { id: made.id }).message).toMatch(/该备份已损坏.*数据未改动/);
    expect(dump(core)).toBe(before);
  });

  it('moves future backups to another folder, still lists and restores those left in the earlier one, and refuses a folder it cannot write to, in Chinese', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'alliance-backups-'));
    try {
      const defaultFolder = core.ok('backups.overview', {}).folder;
      core.ok('resources.create', instrumentInput(core, { title: '换文件夹之前的仪器' }));
      const left = core.ok('backups.create', {});
      const moved = core.ok('backups.setFolder', { folder: elsewhere });
      expect(moved).toMatchObject({ folder: elsewhere, isDefault: false });
      expect(moved.backups.length).toBeGreaterThan(0);
      expect(moved.backups.every((b) => b.folder === defaultFolder)).toBe(true);
      const made = core.ok('backups.create', {});
      expect(readdirSync(elsewhere)).toContain(made.id);
      const listed = core.ok('backups.overview', {}).backups;
      expect(listed[0]).toEqual(made); // the newest first, in the current folder (no folder mark)
      expect(listed.find((b) => b.id === left.id)?.folder).toBe(defaultFolder);
      // A backup in the earlier folder restores (its undo goes to the current folder).
      core.ok('resources.create', instrumentInput(core, { title: '换文件夹之后的仪器' }));
      const restored = core.ok('backups.restore', { id: left.id });
      expect(readdirSync(elsewhere)).toContain(restored.undo.id);
      expect(core.ok('resources.search', { query: '换文件夹之后' }).total).toBe(0);
      expect(core.ok('resources.search', { query: '换文件夹之前' }).total).toBe(1);
      // A path under a file cannot be a folder (as good as a read-only or unplugged disk).
      const blocker = join(elsewhere, 'a-file');
      writeFileSync(blocker, 'x');
      expect(core.fails('backups.setFolder', { folder: join(blocker, 'sub') }).message).toMatch(/备份文件夹：无法写入/);
      expect(core.fails('backups.setFolder', { folder: 'relative/path' }).message).toMatch(/请填写完整路径/);
      expect(core.ok('backups.setFolder', { folder: '' }).isDefault).toBe(true);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('backs up an older database before migrating it, and that backup keeps the old version', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'alliance-migrate-'));
    try {
      const old = openDatabase(join(dataDir, DATABASE_FILE), { migrations: MIGRATIONS.slice(0, 5) });
      old.close();
      const upgraded = setUpCoreOn(dataDir);
      try {
        const backups = upgraded.ok('backups.overview', {}).backups;
        const before = backups.find((b) => b.reason === 'before-migration');
        expect(before?.schemaVersion).toBe(5);
        const file = new Database(join(dataDir, 'backups', before!.id), { readonly: true });
        expect(file.pragma('user_version', { simple: true })).toBe(5);
        file.close();
      } finally {
        upgraded.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('retention', () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-11-29T04:00:00Z'); // noon in Beijing

  it('keeps today’s, one a day for two weeks, one a week for three months, and always the newest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 * 24 }), { minLength: 1, maxLength: 80 }), (hoursAgo) => {
        const backups = hoursAgo.map((h, i) => ({ i, createdAt: new Date(now - h * 3_600_000 - i).toISOString() }));
        const keep = backupsToKeep(backups, now);
        const newest = backups.reduce((a, b) => (Date.parse(a.createdAt) > Date.parse(b.createdAt) ? a : b));
        expect(keep.has(newest)).toBe(true);
        for (const b of backups) {
          const age = now - Date.parse(b.createdAt);
          if (age < 12 * 3_600_000) expect(keep.has(b)).toBe(true); // today (Beijing noon minus 12 h is still today)
          if (age > 92 * DAY && b !== newest) expect(keep.has(b)).toBe(false);
        }
        const kept = [...keep].filter((b) => now - Date.parse(b.createdAt) > DAY && now - Date.parse(b.createdAt) <= 14 * DAY);
        const days = kept.map((b) => new Date(Date.parse(b.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10));
        expect(new Set(days).size).toBe(days.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('where data lives', () => {
  it('recognises network drives by path and by mount type', () => {
    expect(isNetworkPath('\\\\fileserver\\联盟\\data', [])).toBe(true);
    expect(isNetworkPath('//nas/share/data', [])).toBe(true);
    const mounts = [
      { point: '/', type: 'ext4' },
      { point: '/mnt/nas', type: 'cifs' },
      { point: '/mnt/nas/local', type: 'ext4' },
    ];
    expect(isNetworkPath('/mnt/nas/联盟', mounts)).toBe(true);
    expect(isNetworkPath('/mnt/nas/local/data', mounts)).toBe(false);
    expect(isNetworkPath('/home/clerk/data', mounts)).toBe(false);
  });
});

/** A second core on the same data folder (a restart). */
function setUpCoreOn(dataDir: string): TempCore {
  return tempCore(dataDir);
}


describe('a damaged data file', () => {
  it('opens read-only with the reason, refuses writes in Chinese, and is replaced only by restoring a backup, the damaged file kept', () => {
    const dataDir = core.dataDir;
    core.ok('resources.create', instrumentInput(core, { title: '损坏前的仪器' }));
    const good = core.ok('backups.create', {});
    const input = { ...instrumentInput(core), title: '损坏后' };
    core.close();
    // Damage the file's pages past the header (the schema page stays readable).
    const file = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(file);
    for (let at = 8 * 4096; at < bytes.length; at += 4096) bytes.fill(0x5a, at + 100, at + 400);
    writeFileSync(file, bytes);
    const damagedBytes = createHash('sha256').update(readFileSync(file)).digest('hex');

    const reopened = tempCore(dataDir);
    const info = reopened.ok('app.info', {});
    expect(info.damaged).toMatch(/损坏/);
    // The input as it was made before (the damaged file may not answer the category list).
    const write = reopened.fails('resources.create', input);
    expect(write).toMatchObject({ code: expect.stringMatching(/DB_CORRUPT|VALIDATION/) });
    expect(write.message).toMatch(/损坏|只读/);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(damagedBytes);

    const restored = reopened.ok('backups.restore', { id: good.id });
    expect(restored.undo.id).toMatch(/\.damaged$/);
    expect(reopened.ok('app.info', {}).damaged).toBeNull();
    expect(reopened.ok('resources.search', { query: '损坏前' }).total).toBe(1);
    const kept = readFileSync(join(reopened.ok('backups.overview', {}).folder, restored.undo.id));
    expect(createHash('sha256').update(kept).digest('hex')).toBe(damagedBytes);
    core = reopened; // removed by afterEach
  });
});

describe('the workspace archive', () => {
  it('carries the whole workspace, attachments included, to another installation, and opening it can be undone', () => {
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('照片')]);
    const r = core.ok('resources.create', instrumentInput(core, { title: '随工作区搬家的仪器' }));
    const file = core.ok('attachments.add', { recordKind: 'resource', recordId: r.id, fileName: '照片.png', dataBase64: PNG.toString('base64') });
    const out = mkdtempSync(join(tmpdir(), 'alliance-archive-'));
    const other = tempCore(); // a new PC, not even set up
    try {
      const archive = core.ok('backups.exportWorkspace', { folder: out });
      expect(archive.path).toMatch(/联盟协同工作台_哈尔滨高新区_\d{4}-\d{2}-\d{2}\.alliance-workspace\.zip$/);
      const before = dump(other);
      const opened = other.ok('backups.openWorkspace', { path: archive.path });
      expect(other.ok('app.info', {}).zoneName).toBe('哈尔滨高新区');
      expect(other.ok('resources.search', { query: '随工作区搬家' }).total).toBe(1);
      expect(Buffer.from(other.ok('attachments.read', { id: file.id }).dataBase64, 'base64').equals(PNG)).toBe(true);
      other.ok('backups.restore', { id: opened.undo.id });
      expect(dump(other)).toBe(before);
    } finally {
      other.remove();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a workspace archive, and a missing one, changing nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'alliance-archive-'));
    try {
      const fake = join(out, 'fake.alliance-workspace.zip');
      writeFileSync(fake, 'PK\u0003\u0004 not really a zip');
      const before = dump(core);
      expect(core.fails('backups.openWorkspace', { path: fake }).message).toMatch(/不是本软件导出的工作区文件/);
      expect(core.fails('backups.openWorkspace', { path: join(out, 'missing.zip') }).message).toMatch(/找不到/);
      expect(core.fails('backups.exportWorkspace', { folder: join(out, 'no-such-folder') }).message).toMatch(/找不到文件夹/);
      expect(dump(core)).toBe(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
