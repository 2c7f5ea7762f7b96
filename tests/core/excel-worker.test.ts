import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetParsedFile, writeTimeoutMs } from '../../electron/core/excel/excel-service';
import { configureExcelWorker, lastTaskRanIn, runExcelTask, stopExcelWorker } from '../../electron/core/excel/worker-client';
import { SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, SHEET_MAX_UNPACKED_BYTES } from '../../shared/domain/spreadsheet';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { asInput, bookBytes, fillRows, instrumentRow, loadBook } from '../fixtures/excel/excel-files';

const ROOT = resolve(__dirname, '..', '..');
const OPTIONS = { knownHeaders: ['名称'], maxRows: SHEET_MAX_ROWS, maxColumns: SHEET_MAX_COLUMNS, maxUnpackedBytes: SHEET_MAX_UNPACKED_BYTES };

function owned(bytes: Buffer): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

describe('parsing off the main thread', () => {
  let core: TempCore;
  let file: Buffer;
  let out: string;
  beforeAll(async () => {
    core = setUpCore('HRB', 'secretariat');
    const book = await loadBook(await core.okAsync('excel.template', { recordType: 'resource' }));
    fillRows(book.worksheets[0]!, Array.from({ length: 200 }, (_, i) => instrumentRow(i)));
    file = await bookBytes(book);
    // Inside the project, as dist/electron is: the bundle resolves better-sqlite3 from node_modules.
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    out = mkdtempSync(join(ROOT, 'test-results', 'excel-worker-'));
  });
  afterEach(async () => {
    configureExcelWorker({});
    forgetParsedFile();
  });
  afterAll(async () => {
    await stopExcelWorker();
    core.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('parses uploads on a worker thread (from the TypeScript source under tests), while the main thread keeps running', async () => {
    await runExcelTask({ kind: 'parse', bytes: owned(Buffer.from('名称\n光谱仪\n')), options: OPTIONS }, 30_000); // start the worker
    const preview = await core.okAsync('excel.preview', asInput(file));
    expect(lastTaskRanIn).toBe('worker');
    expect(preview.counts.add).toBe(200);
    // While a large file is parsed, the main thread's timers keep firing.
    const big = Buffer.from(`名称,联系人,简介\n${'光谱仪,王老师,"用于材料, 化学和生物样品的分析"\n'.repeat(45_000)}`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const table = await runExcelTask({ kind: 'parse', bytes: owned(big), options: OPTIONS }, 30_000);
    const parseMs = performance.now() - started;
    clearInterval(timer);
    expect(table.rows).toHaveLength(45_000);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor((parseMs / 5) * 0.3));
  });

  it('works the same from the desktop bundle: a second esbuild entry that loads only Node built-ins and better-sqlite3 (unpacked beside it)', async () => {
    const script = join(out, 'excel-worker.cjs');
    // The same options as scripts/build-electron.mjs uses for main.cjs.
    const result = await build({
      entryPoints: [join(ROOT, 'electron/core/excel/excel-worker.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron', 'better-sqlite3'],
      absWorkingDir: ROOT,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
    });
    expect(result.warnings).toEqual([]);
    const code = readFileSync(script, 'utf8');
    const required = [...new Set([...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!))];
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(required.filter((m) => !builtins.has(m))).toEqual(['better-sqlite3']);
    expect(code).not.toMatch(/import\.meta|import_meta/);

    const inProcess = await (async () => {
      configureExcelWorker({ inProcess: true });
      const p = await core.okAsync('excel.preview', asInput(file));
      expect(lastTaskRanIn).toBe('in-process');
      return p;
    })();
    forgetParsedFile();
    configureExcelWorker({ script });
    const bundled = await core.okAsync('excel.preview', asInput(file));
    expect(lastTaskRanIn).toBe('worker');
    expect({ ...bundled, tookMs: 0 }).toEqual({ ...inProcess, tookMs: 0 });
    const template = await core.okAsync('excel.template', { recordType: 'resource' });
    expect(lastTaskRanIn).toBe('worker');
    expect((await loadBook(template)).worksheets[0]!.name).toBe('科技资源');
  });

  it('falls back to parsing in-process when no worker can start', async () => {
    configureExcelWorker({ script: join(out, 'missing-worker.cjs') });
    const preview = await core.okAsync('excel.preview', asInput(file));
    expect(lastTaskRanIn).toBe('in-process');
    expect(preview.counts.add).toBe(200);
  });

  it('stops a file that takes too long, with a clear message, and parses the next one', async () => {
    const big = Buffer.from(`名称,联系人\n${'光谱仪,王老师\n'.repeat(40_000)}`);
    await runExcelTask({ kind: 'parse', bytes: owned(Buffer.from('名称\n光谱仪\n')), options: OPTIONS }, 30_000);
    await expect(runExcelTask({ kind: 'parse', bytes: owned(big), options: OPTIONS }, 2)).rejects.toThrow(/处理文件超过 \d+ 秒，已停止/);
    const next = await runExcelTask({ kind: 'parse', bytes: owned(Buffer.from('名称\n光谱仪\n')), options: OPTIONS }, 30_000);
    expect(next.rows).toEqual([{ row: 2, cells: ['光谱仪'] }]);
    expect(lastTaskRanIn).toBe('worker');
  });

  it('stops writing a file that takes too long with a sentence about the export, not about a bad file', async () => {
    const doc = { sheets: [{ name: '资源', columns: [{ header: '名称', width: 20 }], rows: Array.from({ length: 60_000 }, (_, i) => [`光谱仪 ${i}`]) }] };
    await expect(runExcelTask({ kind: 'xlsx', doc }, 2)).rejects.toThrow(/^生成文件超过 \d+ 秒，已停止，没有生成文件。导出列表时请缩小筛选范围分批导出，或改为导出 \.csv（更快）。$/);
    const small = await runExcelTask({ kind: 'xlsx', doc: { sheets: [{ ...doc.sheets[0]!, rows: [['光谱仪']] }] } }, 30_000);
    expect(Buffer.from(small).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('gives a large export more time than a small one: two minutes, plus a second per 1,000 rows past 10,000', () => {
    const sheet = (rows: number) => ({ sheets: [{ name: '资源', columns: [{ header: '名称', width: 20 }], rows: Array.from({ length: rows }, () => ['光谱仪']) }] });
    expect(writeTimeoutMs(sheet(1))).toBe(120_000);
    expect(writeTimeoutMs(sheet(10_000))).toBe(120_000);
    expect(writeTimeoutMs(sheet(100_000))).toBe(210_000);
    // Every sheet counts (the options sheet of a template too).
    expect(writeTimeoutMs({ sheets: [...sheet(40_000).sheets, ...sheet(20_000).sheets] })).toBe(170_000);
  });

  it('lets a worker that runs out of memory fail the file, not the app', async () => {
    configureExcelWorker({ maxHeapMb: 40 });
    await runExcelTask({ kind: 'parse', bytes: owned(Buffer.from('名称\n光谱仪\n')), options: OPTIONS }, 30_000);
    const huge = Buffer.from(`名称,简介\n${`光谱仪,${'很长的简介'.repeat(26)}\n`.repeat(45_000)}`);
    await expect(runExcelTask({ kind: 'parse', bytes: owned(huge), options: OPTIONS }, 60_000)).rejects.toThrow(/内存上限/);
    configureExcelWorker({});
    const next = await runExcelTask({ kind: 'parse', bytes: owned(Buffer.from('名称\n光谱仪\n')), options: OPTIONS }, 30_000);
    expect(next.rows).toHaveLength(1);
  }, 60_000);
});
