import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  CSV_MIME,
  normalizeHeader,
  SHEET_MAX_BYTES,
  SHEET_MAX_COLUMNS,
  SHEET_MAX_ROWS,
  SHEET_MAX_UNPACKED_BYTES,
  SHEET_PARSE_TIMEOUT_MS,
  XLSX_MIME,
  type SheetCommitInput,
  type SheetCommitResult,
  type SheetErrorWorkbookInput,
  type SheetExportInput,
  type SheetFile,
  type SheetFileInput,
  type SheetPreview,
  type SheetRecordType,
  type SheetScope,
  type SheetTemplateInput,
} from '../../../shared/domain/spreadsheet';
import { shanghaiToday } from '../../../shared/shanghai-date';
import { countActions, type RunMode } from './import-engine';
import { finishProgress, reportProgress } from './import-progress';
import { errorDoc, exportDoc, templateDoc } from './sheet-docs';
import { sheetContext as contextNow, type SheetRun, type SheetTarget } from './sheet-run';
import { SHEET_SPECS as SPECS } from './sheet-specs';
import type { ParsedTable, WorkbookDoc } from './workbook-model';
import { excelDatabaseBinding, runExcelTask } from './worker-client';

/**
 * The excel.* channels. Files are parsed, their rows checked and imported, and workbooks
 * written on the worker (worker-client.ts), which opens its own connection for the rows:
 * the app answers other requests — the import's progress among them — meanwhile. The
 * reads here (templates, exports) happen synchronously after the last await.
 */

/**
 * How long writing a file may take: two minutes, and a second more for every 1,000 rows past
 * 10,000 — the whole 100,000-row registry takes ~35 s here as .xlsx, so a PC several times
 * slower still finishes (210 s allowed) instead of being stopped at two minutes.
 */
export function writeTimeoutMs(doc: WorkbookDoc): number {
  const rows = doc.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  return 120_000 + Math.max(0, rows - 10_000);
}
/** How long the rows of one file may take to check or import (50,000 rows through the services). */
const ROWS_TIMEOUT_MS = 15 * 60_000;

// ── Template ─────────────────────────────────────────────────────────────────────────────

export async function sheetTemplate(db: Database.Database, input: z.output<typeof SheetTemplateInput>): Promise<SheetFile> {
  const spec = SPECS[input.recordType];
  const template = spec.template(contextNow(db, input), input);
  return xlsxFile(safeFileName(`${template.fileStem}.xlsx`), templateDoc(template, spec.sheetName));
}

// ── Import ───────────────────────────────────────────────────────────────────────────────

interface Parsed {
  table: ParsedTable;
  token: string;
}

/** The last file parsed, kept a few minutes: preview → commit → error workbook parse once. */
let lastParsed: { token: string; recordType: SheetRecordType; table: ParsedTable; timer: NodeJS.Timeout } | null = null;
const KEEP_PARSED_MS = 10 * 60_000;

async function parseFile(db: Database.Database, input: { recordType: SheetRecordType; scope: SheetScope; dataBase64: string; taskId?: string | undefined }): Promise<Parsed> {
  const ctx = contextNow(db, input);
  reportProgress(input.taskId, { phase: 'reading', done: 0, total: 0 });
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > SHEET_MAX_BYTES) throw new AppError('VALIDATION', `文件不能超过 ${SHEET_MAX_BYTES / 1024 / 1024} MB。请拆分后再导入。`);
  const token = createHash('sha256').update(bytes).digest('hex');
  if (lastParsed && lastParsed.token === token && lastParsed.recordType === input.recordType) return { table: lastParsed.table, token };
  const spec = SPECS[input.recordType];
  const owned = new Uint8Array(bytes.length);
  owned.set(bytes);
  const table = await runExcelTask(
    {
      kind: 'parse',
      bytes: owned,
      options: { knownHeaders: [...new Set(spec.headerNames(ctx).map(normalizeHeader))], maxRows: SHEET_MAX_ROWS, maxColumns: SHEET_MAX_COLUMNS, maxUnpackedBytes: SHEET_MAX_UNPACKED_BYTES },
    },
    SHEET_PARSE_TIMEOUT_MS,
  );
  if (lastParsed) clearTimeout(lastParsed.timer);
  const timer = setTimeout(() => (lastParsed = null), KEEP_PARSED_MS);
  timer.unref();
  lastParsed = { token, recordType: input.recordType, table, timer };
  return { table, token };
}

/** Forget the cached parse (tests). */
export function forgetParsedFile(): void {
  if (lastParsed) clearTimeout(lastParsed.timer);
  lastParsed = null;
}

/** The table's rows through the sheet on the worker, reporting progress under the caller's task id. */
async function run(db: Database.Database, input: SheetTarget & { taskId?: string | undefined }, table: ParsedTable, mode: RunMode): Promise<SheetRun> {
  const phase = mode === 'preview' ? 'checking' : 'writing';
  reportProgress(input.taskId, { phase, done: 0, total: 0 }); // the total comes from the worker: rows to import, the example row left out
  try {
    return await runExcelTask(
      { kind: 'rows', database: { file: db.name, nativeBinding: excelDatabaseBinding() }, target: { recordType: input.recordType, scope: input.scope }, table, mode },
      ROWS_TIMEOUT_MS,
      ({ done, total, indexing }) => reportProgress(input.taskId, { phase: indexing ? 'indexing' : phase, done, total }),
    );
  } finally {
    finishProgress(input.taskId);
  }
}

export async function sheetPreview(db: Database.Database, input: z.output<typeof SheetFileInput>): Promise<SheetPreview> {
  const started = performance.now();
  const { table, token } = await parseFile(db, input);
  const { mapping, results } = await run(db, input, table, 'preview');
  return {
    fileName: input.fileName,
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    sheetName: table.sheetName,
    headerRow: table.headerRow,
    columns: mapping.report,
    rows: results,
    counts: countActions(results),
    token,
    tookMs: Math.round(performance.now() - started),
  };
}

export async function sheetCommit(db: Database.Database, input: z.output<typeof SheetCommitInput>): Promise<SheetCommitResult> {
  const started = performance.now();
  const { table, token } = await parseFile(db, input);
  if (input.token && input.token !== token) throw new AppError('VALIDATION', '文件与预览时的不同，请重新预览后再导入。', { token: '与文件不符' });
  const { results } = await run(db, input, table, input.mode);
  const counts = countActions(results);
  const errors = results.filter((r) => r.action === 'error');
  const nothing = input.mode === 'allOrNothing' && errors.length > 0;
  return {
    added: nothing ? 0 : counts.add,
    updated: nothing ? 0 : counts.update,
    unchanged: nothing ? 0 : counts.unchanged,
    skipped: nothing ? counts.total : counts.error,
    errors,
    tookMs: Math.round(performance.now() - started),
  };
}

export async function sheetErrorWorkbook(db: Database.Database, input: z.output<typeof SheetErrorWorkbookInput>): Promise<SheetFile> {
  const { table } = await parseFile(db, input);
  const { mapping, results } = await run(db, input, table, 'preview');
  const stem = input.fileName.replace(/\.[^.]*$/, '') || '导入文件';
  return xlsxFile(`${stem}_错误说明.xlsx`, errorDoc(table, mapping, results, table.sheetName || SPECS[input.recordType].sheetName, input.onlyErrors));
}

// ── Export ───────────────────────────────────────────────────────────────────────────────

export async function sheetExport(db: Database.Database, input: z.output<typeof SheetExportInput>): Promise<SheetFile> {
  const spec = SPECS[input.recordType];
  const scope = 'scope' in input ? input.scope : {};
  const exported = spec.exportRows(contextNow(db, { recordType: input.recordType, scope }), 'filter' in input ? input.filter : scope);
  const doc = exportDoc(exported, spec.sheetName);
  const fileName = safeFileName(`${exported.fileStem}_${shanghaiToday()}.${input.format}`);
  if (input.format === 'csv') {
    const bytes = await runExcelTask({ kind: 'csv', doc }, writeTimeoutMs(doc));
    return { fileName, mime: CSV_MIME, dataBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  }
  return xlsxFile(fileName, doc);
}

/** A file name every system accepts: a listing's title may hold / or : (全角 stays). */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

async function xlsxFile(fileName: string, doc: WorkbookDoc): Promise<SheetFile> {
  const bytes = await runExcelTask({ kind: 'xlsx', doc }, writeTimeoutMs(doc));
  return { fileName, mime: XLSX_MIME, dataBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}
