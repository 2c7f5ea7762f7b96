import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetParsedFile } from '../../electron/core/excel/excel-service';
import { instrumentInput } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { asInput, headersOf, loadBook, resourceCount } from '../fixtures/excel/excel-files';

/**
 * Files that went through another spreadsheet program: LibreOffice converts CSV the app
 * wrote to .xlsx (`soffice --headless --convert-to xlsx`), and the app imports the result.
 * Needs LibreOffice Calc (`apt-get install -y --no-install-recommends libreoffice-calc`,
 * ~300 MB); skipped where `soffice` is not installed.
 */
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('excel-libreoffice.test.ts skipped: LibreOffice (soffice) is not installed.');

/** CSV → .xlsx with LibreOffice, reading the CSV as UTF-8, comma-separated. */
function convertWithLibreOffice(dir: string, csv: Buffer, name: string): Buffer {
  const source = join(dir, `${name}.csv`);
  writeFileSync(source, csv);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, source], { stdio: 'pipe', timeout: 120_000 });
  return readFileSync(join(dir, `${name}.xlsx`));
}

function csvLine(cells: ReadonlyArray<string | number>): string {
  return cells.map((c) => (typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(',');
}

describe.skipIf(!hasSoffice)('files saved by LibreOffice (skipped when soffice is not installed)', () => {
  let core: TempCore;
  let dir: string;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat');
    dir = mkdtempSync(join(tmpdir(), 'alliance-excel-lo-'));
  });
  afterAll(() => {
    core.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the template’s columns filled in as CSV and saved as .xlsx by LibreOffice', async () => {
    const headers = headersOf((await loadBook(await core.okAsync('excel.template', { recordType: 'resource' }))).worksheets[0]!);
    const row = (n: number): Record<string, string | number> => ({
      '类别（必填）': '大型科研仪器设备',
      '名称（必填）': `原子力显微镜 ${n} 号`,
      '所属单位（必填）': '东北大学',
      '共享方式（必填）': '收费',
      收费标准: '300 元/小时',
      '参考价格（元）': '1,200',
      '联系人（必填）': '赵老师',
      联系电话: n === 2 ? '024-8368' : '024-83687788',
      型号: `AFM-${n}`,
      '原值（万元）': '215.5',
      购置年份: 2021,
      预约方式: '时间预约',
      设备状态: '空闲',
      标签: '纳米、表面',
    });
    const lines = [csvLine(headers), ...[1, 2, 3].map((n) => csvLine(headers.map((h) => row(n)[h] ?? '')))];
    const xlsx = convertWithLibreOffice(dir, Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`), 'filled');
    const input = asInput(xlsx, 'filled.xlsx');
    const preview = await core.okAsync('excel.preview', input);
    expect(preview.format).toBe('xlsx');
    expect(preview.rows.flatMap((r) => r.errors.map((e) => e.text))).toEqual(['第 3 行「联系电话」：格式不正确，应为手机号（如 13800138000）或座机（如 0451-86688888）']);
    expect(await core.okAsync('excel.commit', { ...input, mode: 'validOnly' })).toMatchObject({ added: 2, skipped: 1 });
    expect(core.db.prepare("SELECT fee_amount, original_value, contact_phone FROM resources WHERE title = '原子力显微镜 1 号'").get()).toEqual({ fee_amount: 1200, original_value: 215.5, contact_phone: '024-83687788' });
  });

  it('re-imports the app’s own CSV export, converted by LibreOffice, as unchanged records', async () => {
    core.ok('resources.create', instrumentInput(core, { title: '=cmd|"/c calc"!A1', contactPhone: '13800138000' }));
    forgetParsedFile();
    const count = resourceCount(core);
    const exported = await core.okAsync('excel.export', { recordType: 'resource', filter: {}, format: 'csv' });
    const xlsx = convertWithLibreOffice(dir, Buffer.from(exported.dataBase64, 'base64'), 'exported');
    const preview = await core.okAsync('excel.preview', asInput(xlsx, 'exported.xlsx'));
    expect(preview.rows.flatMap((r) => r.errors.map((e) => e.text))).toEqual([]);
    expect(preview.counts).toEqual({ total: count, add: 0, update: 0, unchanged: count, error: 0 });
  });
});
