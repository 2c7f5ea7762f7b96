import { z } from 'zod';
import { recordId } from '../validation';
import { EventListInput } from './event';
import { ResourceSearchInput } from './resource-search';
import { ScenarioSearchInput } from './scenario';

/**
 * Excel round trips (issue 7), the platform-free part: which record types have sheets, the
 * channels' inputs and outputs, the column description every template, import and export is
 * generated from, and the pure cell readers (header names, dates, numbers, lists) — the same
 * rules whichever record type a sheet holds.
 */

// ── Record types and limits ──────────────────────────────────────────────────────────────

/** The record types with a sheet. */
export const SHEET_RECORD_TYPES = ['resource', 'scenario', 'application', 'event', 'registration', 'indicator'] as const;
export type SheetRecordType = (typeof SHEET_RECORD_TYPES)[number];
export const SHEET_RECORD_TYPE_LABELS: Record<SheetRecordType, string> = {
  resource: '科技资源',
  scenario: '应用场景',
  application: '揭榜申报',
  event: '创新活动',
  registration: '活动报名',
  indicator: '发展指标',
};

export const SHEET_MAX_BYTES = 20 * 1024 * 1024;
export const SHEET_MAX_ROWS = 50_000;
export const SHEET_MAX_COLUMNS = 200;
/** The xml inside an .xlsx may unpack to at most this much (a 20 MB workbook of text unpacks to ~150 MB). */
export const SHEET_MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
export const SHEET_PARSE_TIMEOUT_MS = 60_000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

// ── Channel inputs and outputs ───────────────────────────────────────────────────────────

const recordType = z.enum(SHEET_RECORD_TYPES, { error: '不支持的记录类型' });
const fileName = z.string({ error: '缺少文件名' }).trim().min(1, { error: '缺少文件名' }).max(255, { error: '文件名过长' });
/** base64 of at most SHEET_MAX_BYTES (4/3 larger); the decoded size is checked again exactly. */
const dataBase64 = z.string({ error: '缺少文件内容' }).max(Math.ceil((SHEET_MAX_BYTES * 4) / 3) + 8, { error: `文件不能超过 ${SHEET_MAX_BYTES / 1024 / 1024} MB` });

/**
 * What a sheet is within: the listing whose applications, the event whose registrations, the
 * year whose indicators. Record types that need one say so (in Chinese) when it is missing.
 */
export const SheetScope = z
  .strictObject({
    scenarioId: recordId.optional(),
    eventId: recordId.optional(),
    year: z.number({ error: '必须是数字' }).int({ error: '应为年份' }).min(2000, { error: '年份应在 2000–2100 之间' }).max(2100, { error: '年份应在 2000–2100 之间' }).optional(),
  })
  .default({});
export type SheetScope = z.output<typeof SheetScope>;

export const SheetTemplateInput = z.strictObject({ recordType, scope: SheetScope, categoryId: recordId.optional() });
export type SheetTemplateInput = z.input<typeof SheetTemplateInput>;

/** A name the caller picks for a long import, to ask excel.progress how far it is. */
const taskId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, { error: '无效的任务标记' }).optional();

export const SheetFileInput = z.strictObject({ recordType, scope: SheetScope, fileName, dataBase64, taskId });
export type SheetFileInput = z.input<typeof SheetFileInput>;

export const IMPORT_MODES = ['validOnly', 'allOrNothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const SheetCommitInput = z.strictObject({
  recordType,
  scope: SheetScope,
  fileName,
  dataBase64,
  taskId,
  mode: z.enum(IMPORT_MODES, { error: '应为 validOnly（只导入无误的行）或 allOrNothing（有错则全部不导入）' }),
  /** The preview's token: when given, the file must be the one previewed. */
  token: z.string().regex(/^[0-9a-f]{64}$/, { error: '无效的预览标记' }).optional(),
});
export type SheetCommitInput = z.input<typeof SheetCommitInput>;

export const SheetErrorWorkbookInput = z.strictObject({
  recordType,
  scope: SheetScope,
  fileName,
  dataBase64,
  /** Only the rows with errors (default: every row, the bad ones marked). */
  onlyErrors: z.boolean().default(false),
});

export const SheetProgressInput = z.strictObject({ taskId: z.string({ error: '缺少任务标记' }).regex(/^[A-Za-z0-9_-]{8,40}$/, { error: '无效的任务标记' }) });

/** How far an import is: reading the file, checking rows (preview), writing rows (commit). */
export interface SheetProgress {
  /** indexing: an import's rows are written; their search index is being written, in the same transaction. */
  phase: 'reading' | 'checking' | 'writing' | 'indexing' | 'done';
  done: number;
  total: number;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
const format = z.enum(EXPORT_FORMATS, { error: '应为 xlsx 或 csv' });
/** A list's export takes the list's own filter; a scoped list (one event's registrations) its scope. */
export const SheetExportInput = z.discriminatedUnion(
  'recordType',
  [
    z.strictObject({ recordType: z.literal('resource'), filter: ResourceSearchInput, format }),
    z.strictObject({ recordType: z.literal('scenario'), filter: ScenarioSearchInput, format }),
    z.strictObject({ recordType: z.literal('event'), filter: EventListInput, format }),
    z.strictObject({ recordType: z.literal('application'), scope: SheetScope, format }),
    z.strictObject({ recordType: z.literal('registration'), scope: SheetScope, format }),
    z.strictObject({ recordType: z.literal('indicator'), scope: SheetScope, format }),
  ],
  { error: '不支持的记录类型' },
);
export type SheetExportInput = z.input<typeof SheetExportInput>;

export const SHEET_LABELS: Record<string, string> = {
  recordType: '记录类型',
  scope: '范围',
  scenarioId: '场景',
  eventId: '活动',
  year: '年度',
  categoryId: '类别',
  fileName: '文件名',
  dataBase64: '文件内容',
  mode: '导入方式',
  token: '预览标记',
  taskId: '任务标记',
  onlyErrors: '只含出错的行',
  filter: '筛选条件',
  format: '格式',
};

export interface SheetFile {
  fileName: string;
  mime: string;
  dataBase64: string;
}

export type RowAction = 'add' | 'update' | 'unchanged' | 'error';

export interface RowError {
  /** The column's header as the template writes it ('' when the problem is the whole row). */
  column: string;
  message: string;
  /** The whole sentence: 第 5 行「联系电话」：格式不正确… */
  text: string;
}

export interface PreviewRow {
  /** The row number as the spreadsheet program shows it. */
  row: number;
  action: RowAction;
  /** What the row is, for people: the record's title. */
  label: string;
  /** The record it adds or updates (none for errors, nor for adds in a preview). */
  id?: string;
  errors: RowError[];
}

export interface ColumnReport {
  /** Each recognised header of the file and the column it fills. */
  mapped: Array<{ header: string; column: string }>;
  /** Headers no column has: ignored (a `__proto__` header is just one of these). */
  unknown: string[];
  /** Required columns the file lacks: new rows cannot be added without them. */
  missing: string[];
  /** Columns an export writes for reading only (状态, 更新时间, 错误说明): skipped. */
  ignored: string[];
}

export interface SheetPreview {
  fileName: string;
  format: 'xlsx' | 'csv';
  /** For CSV: the text encoding found (UTF-8, GB18030…). */
  encoding?: string;
  sheetName: string;
  headerRow: number;
  columns: ColumnReport;
  rows: PreviewRow[];
  counts: { total: number; add: number; update: number; unchanged: number; error: number };
  /** The file's SHA-256: pass it to excel.commit to be sure the same file is imported. */
  token: string;
  tookMs: number;
}

export interface SheetCommitResult {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** The rows not imported and why (validOnly), or the reasons nothing was (allOrNothing). */
  errors: PreviewRow[];
  tookMs: number;
}

// ── Column descriptions ──────────────────────────────────────────────────────────────────

/**
 * How a column's cells are read and written. `enum` covers fixed lists and looked-up
 * records alike (zones, categories): the options carry the stored value, the label written
 * in the sheet and other accepted spellings (full name, code…).
 */
export type ColumnKind = 'id' | 'version' | 'text' | 'textarea' | 'number' | 'integer' | 'enum' | 'date' | 'datetime' | 'list';

export interface ColumnOption {
  value: string;
  label: string;
  aliases?: readonly string[];
  /** Still understood on import but not offered in templates (an inactive zone or category). */
  hidden?: boolean;
}

export interface SheetColumn {
  /** The field path the core reports errors under: 'title', 'extra.model'. */
  key: string;
  header: string;
  kind: ColumnKind;
  /** true: every new row needs it (marked （必填）); a string: when it is needed (仪器设备类必填). */
  required: boolean | string;
  help: string;
  max?: number;
  min?: number;
  unit?: string;
  /** Suffixes accepted after a number and what they multiply by (元 in a 万元 column: 0.0001). */
  units?: Readonly<Record<string, number>>;
  options?: readonly ColumnOption[];
  /** Other headers meaning this column (English label, 'ID'…). */
  aliases?: readonly string[];
  /** Written by exports for reading; skipped on import. */
  readOnly?: boolean;
  width?: number;
}

export const REQUIRED_MARK = '（必填）';
export const ERROR_COLUMN_HEADER = '错误说明';
/** The 编号 the template's example row carries: such rows are skipped on import. */
export const EXAMPLE_ROW_ID = '示例';

/** The header a template writes: the name, the unit, the required mark. */
export function columnHeader(column: Pick<SheetColumn, 'header' | 'required' | 'unit'>): string {
  return `${column.header}${column.unit ? `（${column.unit}）` : ''}${column.required === true ? REQUIRED_MARK : ''}`;
}

/**
 * A header as compared: NFKC (full-width letters, digits and brackets become half-width),
 * without spaces, required marks (（必填）, (必填), *) or case.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\((?:必填|选填|可选)\)/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** Text compared loosely: NFKC, no spaces, lower case (option labels, zone names, units). */
export function looseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Every header that means this column, normalized. */
export function headerKeys(column: SheetColumn): string[] {
  const names = [column.header, ...(column.unit ? [`${column.header}(${column.unit})`] : []), ...(column.aliases ?? [])];
  return [...new Set(names.map(normalizeHeader))];
}

// ── Cell readers ─────────────────────────────────────────────────────────────────────────

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

const DATE_HINT = '日期格式应为 2026-03-15、2026/3/15、2026.3.15 或 2026年3月15日';

/** A real calendar date as YYYY-MM-DD, or null (no 2026-02-30). */
function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function clock(h: string | undefined, min: string | undefined, s: string | undefined): string | null {
  if (h === undefined) return '';
  const hh = Number(h);
  const mm = Number(min);
  const ss = s === undefined ? 0 : Number(s);
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return `T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

const DATE_PATTERNS: readonly RegExp[] = [
  // 2026-03-15, 2026/3/15, 2026.3.15 (one separator throughout), optional time
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
  // 2026年3月15日, 2026年3月15, optional time
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?(?:(\d{1,2})[:时](\d{2})分?(?::(\d{2}))?)?$/,
  // 20260315
  /^(\d{4})()(\d{2})(\d{2})$/,
];

/**
 * A date written as text: 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日, 20260315, with full-width
 * digits too, optionally followed by a time. → 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:ss' (wall time).
 */
export function readDateText(text: string): ReadResult<string> {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/ ?([年月日时分]) ?/g, '$1');
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(s);
    if (!m) continue;
    const date = calendarDate(Number(m[1]), Number(m[3]), Number(m[4]));
    const time = clock(m[5], m[6], m[7]);
    if (!date || time === null) return { ok: false, message: '不是有效日期' };
    return { ok: true, value: date + time };
  }
  return { ok: false, message: DATE_HINT };
}

/** An Excel date serial (days since 1899-12-30, with Excel's 1900 leap-year bug) → wall time. */
export function readDateSerial(serial: number): ReadResult<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466 || serial === 60) return { ok: false, message: DATE_HINT };
  const days = serial < 60 ? serial + 1 : serial; // Excel counts a 1900-02-29 that never was
  const ms = Math.round((days - 25_569) * 86_400_000);
  const iso = new Date(Date.UTC(1970, 0, 1) + ms).toISOString().slice(0, 19);
  return { ok: true, value: iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso };
}

/** Units understood after a number, by the column's unit. */
export const UNIT_ALIASES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  万元: { 万元: 1, 万: 1, 元: 0.0001, 亿元: 10_000, 亿: 10_000 },
  元: { 元: 1, 万元: 10_000, 万: 10_000 },
  平方米: { 平方米: 1, 平米: 1, m2: 1, 平: 1 },
  年: { 年: 1 },
  个: { 个: 1 },
};

/** The accepted suffixes of a column's unit (its own name at least). */
export function unitsOf(unit: string | undefined): Readonly<Record<string, number>> {
  if (!unit) return {};
  return UNIT_ALIASES[unit] ?? { [unit]: 1 };
}

/**
 * A number written as text: full-width digits, thousands separators (1,234.5 or 1，234), a
 * currency sign, a unit the column accepts (385万元, 3,850,000元 in a 万元 column → 385).
 */
export function readNumberText(text: string, units: Readonly<Record<string, number>> = {}): ReadResult<number> {
  let s = text.normalize('NFKC').trim().replace(/\s+/g, '');
  s = s.replace(/^[¥$]/, '');
  s = s.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(.*)$/i.exec(s);
  if (!m) return { ok: false, message: '必须是数字' };
  let value = Number(m[1]);
  const suffix = looseText(m[2] ?? '');
  if (suffix) {
    const factor = Object.entries(units).find(([name]) => looseText(name) === suffix)?.[1];
    if (factor === undefined) {
      const names = Object.keys(units);
      return { ok: false, message: names.length > 0 ? `单位应为 ${names.join('、')}` : '必须是数字（不要带单位）' };
    }
    value = Number((value * factor).toPrecision(12));
  }
  if (!Number.isFinite(value)) return { ok: false, message: '必须是数字' };
  return { ok: true, value };
}

/** A list cell: 稀土、永磁, 稀土,永磁 or one per line. */
export function readListText(text: string): string[] {
  return text
    .split(/[,，、;；|\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Each option list's labels, values and aliases, loosened once: an import reads every cell of
 * a column against the same list, and loosening them again for each cell showed per row. The
 * first option a key belongs to wins, as in a scan in order. Lists are not changed once made.
 */
const optionKeys = new WeakMap<readonly ColumnOption[], Map<string, string>>();

function optionKeysOf(options: readonly ColumnOption[]): Map<string, string> {
  let keys = optionKeys.get(options);
  if (!keys) {
    keys = new Map();
    for (const o of options) {
      for (const name of [o.label, o.value, ...(o.aliases ?? [])]) {
        const key = looseText(name);
        if (!keys.has(key)) keys.set(key, o.value);
      }
    }
    optionKeys.set(options, keys);
  }
  return keys;
}

/** A choice by its label, value or alias, loosely (full-width, spaces, case). */
export function readOption(text: string, options: readonly ColumnOption[]): ReadResult<string> {
  const value = optionKeysOf(options).get(looseText(text));
  if (value !== undefined) return { ok: true, value };
  const labels = options.map((o) => o.label);
  return { ok: false, message: labels.length <= 12 ? `「${text.slice(0, 40)}」不是可选值，应为 ${labels.join('、')} 之一` : `「${text.slice(0, 40)}」不在可选值中，请从下拉列表选择` };
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────

/**
 * Text a spreadsheet program would run as a formula (=, +, -, @, and a leading tab or CR):
 * in CSV it gets a leading apostrophe, which Excel and WPS show as text and we strip on import.
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

export function escapeCsvText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** Undoes escapeCsvText on import. */
export function unescapeCsvText(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}

/** 第 5 行「联系电话」：格式不正确… */
export function rowErrorText(row: number, column: string, message: string): string {
  return column ? `第 ${row} 行「${column}」：${message}` : `第 ${row} 行：${message}`;
}
