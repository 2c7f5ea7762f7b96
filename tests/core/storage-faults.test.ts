import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { createCore, DATABASE_FILE } from '../../electron/core/app-core';
import { instrumentInput } from '../helpers/resources';
import { instrumentCsv } from '../helpers/resource-csv';
import { setUpCore, tempCore, type TempCore } from '../helpers/temp-core';
import { canMountTinyDisk, mountTinyDisk, type TinyDisk } from '../helpers/tiny-disk';

/**
 * Issue 9: a disk that fills up or turns read-only under the app. Each refused write says so
 * in Chinese, naming the folder, and leaves nothing half-written. Where the machine lets the
 * tests mount a small tmpfs the disk is real; SQLite's own page limit stands in for a full
 * disk everywhere (the same SQLITE_FULL, raised by SQLite itself).
 */

const dump = (core: TempCore) => createHash('sha256').update(core.snapshot()).digest('hex');
const integrity = (core: TempCore) => core.db.pragma('integrity_check', { simple: true });
const csvInput = (rows: number, batch: string) => ({ recordType: 'resource' as const, fileName: `${batch}.csv`, dataBase64: Buffer.from(instrumentCsv(rows, batch)).toString('base64'), mode: 'allOrNothing' as const });

/** A member installation with `n` resources, exported as one package for the secretariat. */
function memberPackage(n: number) {
  const dq = setUpCore('DQ', 'member');
  for (let i = 0; i < n; i++) dq.ok('resources.create', instrumentInput(dq, { title: `大庆 检测仪 ${i}`, description: '用于石油化工中试的检测仪器。'.repeat(20) }));
  const file = dq.ok('exchange.export', {});
  dq.remove();
  return { fileName: file.fileName, dataBase64: file.dataBase64 };
}

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

describe('a disk that is full (SQLite’s page limit)', () => {
  it('refuses an exchange package with 磁盘已满 naming the data folder, saves nothing, and works again once there is room', () => {
    const hrb = setUpCore('HRB', 'secretariat');
    cleanup.push(() => hrb.remove());
    const pkg = memberPackage(200);
    const before = dump(hrb);
    const pages = Number(hrb.db.pragma('page_count', { simple: true }));
    hrb.db.pragma(`max_page_count = ${pages}`);

    const refused = hrb.fails('exchange.apply', pkg);
    expect(refused.code).toBe('STORAGE');
    expect(refused.message).toContain(`磁盘已满：无法写入数据文件夹「${hrb.dataDir}」，本次操作没有保存任何内容`);
    expect(dump(hrb)).toBe(before);
    expect(integrity(hrb)).toBe('ok');

    hrb.db.pragma('max_page_count = 4294967294');
    hrb.ok('exchange.apply', pkg);
    expect(hrb.ok('resources.search', { query: '大庆 检测仪' }).total).toBe(200);
  });
});

describe.runIf(canMountTinyDisk)('a small real disk (tmpfs) that fills up or turns read-only', () => {
  function onTinyDisk(sizeMb: number): { disk: TinyDisk; core: TempCore; backups: string } {
    const disk = mountTinyDisk(sizeMb)!;
    const backups = mkdtempSync(join(tmpdir(), 'alliance-backups-elsewhere-'));
    const core = tempCore(join(disk.dir, 'data'));
    cleanup.push(() => {
      try {
        core.close();
      } catch {
        // already closed by the test
      }
      disk.dispose();
      rmSync(backups, { recursive: true, force: true });
    });
    const zone = core.ok('zones.list', { query: 'HRB' }).find((z) => z.code === 'HRB')!;
    core.ok('settings.setup', { zoneId: zone.id, role: 'secretariat', operatorName: '测试员' });
    return { disk, core, backups };
  }

  it('refuses an Excel import and an exchange package on a full disk in Chinese, keeps the data as it was, and takes the same file once space is freed', async () => {
    const { disk, core, backups } = onTinyDisk(48);
    // The safety backups go elsewhere, so the import itself meets the full disk.
    core.ok('backups.setFolder', { folder: backups });
    core.ok('resources.create', instrumentInput(core, { title: '满盘之前登记的仪器' }));
    const pkg = memberPackage(200);
    const before = dump(core);
    disk.fillLeaving(64 * 1024);

    const result = await core.dispatchAsync('excel.commit', csvInput(3000, '满盘'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('STORAGE');
    expect(result.error.message).toMatch(/^磁盘已满：无法写入数据文件夹「.*」，本次操作没有保存任何内容，原有数据未改动。请清理磁盘空间/);
    const refused = core.fails('exchange.apply', pkg);
    expect(refused.code).toBe('STORAGE');
    expect(dump(core)).toBe(before);
    expect(integrity(core)).toBe('ok');

    disk.unfill();
    expect(await core.okAsync('excel.commit', csvInput(3000, '满盘'))).toMatchObject({ added: 3000 });
    core.ok('exchange.apply', pkg);
    expect(core.ok('resources.search', { query: '满盘批' }).total).toBe(3000);
    expect(core.ok('resources.search', { query: '大庆 检测仪' }).total).toBe(200);
  });

  it('refuses a backup on a full backup disk, leaves no part-written file, and keeps every older backup', () => {
    const { disk, core } = onTinyDisk(16);
    const folder = join(disk.dir, 'backups');
    core.ok('backups.setFolder', { folder });
    for (let i = 0; i < 300; i++) core.ok('resources.create', instrumentInput(core, { title: `仪器 ${i}`, description: '简介。'.repeat(100) }));
    const older = core.ok('backups.create', {});
    const olderBytes = readFileSync(join(folder, older.id));
    core.ok('resources.create', instrumentInput(core, { title: '又一台' }));
    disk.fillLeaving(32 * 1024);

    const refused = core.fails('backups.create', {});
    expect(refused.code).toBe('STORAGE');
    expect(refused.message).toMatch(/备份未能写(入|完)「.*」（磁盘已满）.*数据未改动，旧的备份仍在/);
    expect(readdirSync(folder).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(core.ok('backups.overview', {}).backups.map((b) => b.id)).toContain(older.id);
    expect(readFileSync(join(folder, older.id)).equals(olderBytes)).toBe(true);

    disk.unfill();
    expect(core.ok('backups.create', {}).counts.resources).toBe(301);
  });

  it('will not start on a read-only data folder: one Chinese sentence naming it, every file in it untouched', () => {
    const { disk, core } = onTinyDisk(16);
    core.ok('resources.create', instrumentInput(core, { title: '只读之前登记的仪器' }));
    core.close();
    const file = join(core.dataDir, DATABASE_FILE);
    const bytes = readFileSync(file);
    disk.readOnly(true);
    try {
      let thrown: unknown;
      try {
        createCore({ dataDir: core.dataDir, appVersion: '0.0.0-test', logError: () => {} }).close();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('STORAGE');
      expect((thrown as AppError).message).toBe(`无法打开数据文件夹「${core.dataDir}」（文件夹只读或没有写入权限）。其中的文件未做任何改动。请检查该文件夹的写入权限和所在磁盘，然后重新启动。`);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      disk.readOnly(false);
    }
    const again = tempCore(core.dataDir);
    try {
      expect(again.ok('resources.search', { query: '只读之前' }).total).toBe(1);
    } finally {
      again.close();
    }
  });
});
