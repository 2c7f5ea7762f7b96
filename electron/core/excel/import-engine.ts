import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import {
  ERROR_COLUMN_HEADER,
  EXAMPLE_ROW_ID,
  headerKeys,
  normalizeHeader,
  readDateSerial,
  readDateText,
  readListText,
  readNumberText,
  readOption,
  rowErrorText,
  unescapeCsvText,
  unitsOf,
  type ColumnReport,
  type PreviewRow,
  type RowError,
  type SheetColumn,
} from '../../../shared/domain/spreadsheet';
import type { CellValue, ImportRow, ImportSession } from './sheet-spec';
import type { ParsedTable, RawCell } from './workbook-model';

/**
 * The one import engine: headers → columns, cells → values, then every row through the
 * record type's services inside one transaction (each row in its own savepoint). A preview is
 * the very same run rolled back at the end, so its verdicts are exactly the commit's.
 */

export interface HeaderMapping {
  /** For each column of the file, the column it fills (null: unknown, ignored or blank). */
  columnAt: Array<SheetColumn | null>;
  report: ColumnReport;
}

export function mapHeaders(headers: readonly string[], columns: readonly SheetColumn[]): HeaderMapping {
  // A Map, not an object: a header named __proto__ or constructor is just an unknown header.
  const byName = new Map<string, SheetColumn>();
  for (const column of columns) for (const key of headerKeys(column)) if (!byName.has(key)) byName.set(key, column);
  const errorColumn = normalizeHeader(ERROR_COLUMN_HEADER);
  const taken = new Set<string>();
  const report: ColumnReport = { mapped: [], unknown: [], missing: [], ignored: [] };
  const columnAt = headers.map((header): SheetColumn | null => {
    const name = normalizeHeader(header);
    if (!name) return null;
    if (name === errorColumn) {
      report.ignored.push(header);
      return null;
    }
    const column = byName.get(name);
    if (!column) {
      report.unknown.push(header);
      return null;
    }
    if (column.readOnly) {
      report.ignored.push(header);
      return null;
    }
    if (taken.has(column.key)) {
      report.unknown.push(`${header}（重复的列，已忽略）`);
      return null;
    }
    taken.add(column.key);
    report.mapped.push({ header, column: column.header });
    return column;
  });
  report.missing = columns.filter((c) => c.required === true && !c.readOnly && !taken.has(c.key)).map((c) => c.header);
  return { columnAt, report };
}

export interface PlannedRow extends ImportRow {
  /** Problems found reading the cells (type, format, option, required). */
  errors: RowError[];
}

/** Converts every data row; the template's example row (编号 = 示例) is skipped. */
export function planRows(table: ParsedTable, mapping: HeaderMapping): PlannedRow[] {
  const planned: PlannedRow[] = [];
  for (const source of table.rows) {
    const values = new Map<string, CellValue>();
    const errors: RowError[] = [];
    let example = false;
    mapping.columnAt.forEach((column, i) => {
      if (!column) return;
      const read = convertCell(source.cells[i] ?? null, column);
      if (!read.ok) {
        errors.push({ column: column.header, message: read.message, text: rowErrorText(source.row, column.header, read.message) });
        return;
      }
      if (column.kind === 'id' && read.value === EXAMPLE_ROW_ID) example = true;
      if (read.value === null && column.required === true) {
        errors.push({ column: column.header, message: '必填', text: rowErrorText(source.row, column.header, '必填') });
      }
      values.set(column.key, read.value);
    });
    if (!example) planned.push({ row: source.row, values, errors });
  }
  return planned;
}

type Read = { ok: true; value: CellValue } | { ok: false; message: string };

/** One cell, by its column's kind. Empty cells are null. */
export function convertCell(cell: RawCell, column: SheetColumn): Read {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'object' && 'error' in cell) return { ok: false, message: cell.error };
  const date = typeof cell === 'object' ? cell.date : null;
  // A leading apostrophe before = + - @ is the formula escape our CSV exports write: undone wherever the text travelled.
  const text = typeof cell === 'object' ? cell.date : typeof cell === 'boolean' ? (cell ? '是' : '否') : typeof cell === 'number' ? numberText(cell) : unescapeCsvText(cell.trim());
  if (text === '') return { ok: true, value: null };
  switch (column.kind) {
    case 'id':
      return { ok: true, value: text.toUpperCase() === EXAMPLE_ROW_ID ? EXAMPLE_ROW_ID : text.toUpperCase() };
    case 'text':
    case 'textarea':
      return { ok: true, value: date ? date.replace('T', ' ').replace(/:00$/, '') : text };
    case 'number':
    case 'integer':
    case 'version': {
      if (date !== null) return { ok: false, message: '必须是数字' };
      if (typeof cell === 'number') return { ok: true, value: cell };
      const n = readNumberText(text, column.units ?? unitsOf(column.unit));
      return n.ok ? { ok: true, value: n.value } : n;
    }
    case 'enum': {
      const o = readOption(text, column.options ?? []);
      return o.ok ? { ok: true, value: o.value } : o;
    }
    case 'list':
      return { ok: true, value: readListText(text) };
    case 'date':
    case 'datetime': {
      const d = date !== null ? { ok: true as const, value: date } : typeof cell === 'number' ? readDateSerial(cell) : readDateText(text);
      if (!d.ok) return d;
      return { ok: true, value: column.kind === 'date' ? d.value.slice(0, 10) : d.value };
    }
  }
}

/** A number as text without exponent or float noise (phone numbers typed as numbers: 13800138000). */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

// ── Running the rows ─────────────────────────────────────────────────────────────────────

export type RunMode = 'preview' | 'validOnly' | 'allOrNothing';

const ROLLBACK = new Error('excel import: roll back');
/** Rows between progress reports (a report costs a message to the main thread). */
const PROGRESS_EVERY = 100;

/**
 * Every row through the session, in order, in one transaction. A failing row leaves nothing:
 * the session writes each row through a service whose own db.transaction is a savepoint here.
 * 'preview' rolls everything back; 'allOrNothing' too when any row failed; 'validOnly'
 * commits the rows that passed.
 */
export function runRows(
  db: Database.Database,
  begin: () => ImportSession,
  rows: readonly PlannedRow[],
  columns: readonly SheetColumn[],
  mode: RunMode,
  onProgress: (done: number, total: number) => void = () => {},
): PreviewRow[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  let results: PreviewRow[] = [];
  const work = () => {
    results = [];
    const session = begin();
    const firstRowOf = new Map<string, number>();
    for (const planned of rows) {
      if (results.length % PROGRESS_EVERY === 0) onProgress(results.length, rows.length);
      const label = session.label(planned);
      const errors = [...planned.errors];
      const identity = session.identity(planned);
      if (identity) {
        const first = firstRowOf.get(identity.key);
        if (first === undefined) firstRowOf.set(identity.key, planned.row);
        else errors.push(rowError(planned.row, '', `与第 ${first} 行是同一条记录（${identity.describe}），同一文件中只能出现一次`));
      }
      if (errors.length > 0) {
        results.push({ row: planned.row, action: 'error', label, errors });
        continue;
      }
      try {
        const outcome = session.apply(planned);
        results.push({ row: planned.row, action: outcome.action, label, ...(mode === 'preview' && outcome.action === 'add' ? {} : { id: outcome.id }), errors: [] });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ row: planned.row, action: 'error', label, errors: errorsOf(error, planned.row, byKey) });
      }
    }
    if (mode === 'preview' || (mode === 'allOrNothing' && results.some((r) => r.action === 'error'))) throw ROLLBACK;
  };
  try {
    db.transaction(work)();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  onProgress(rows.length, rows.length);
  return results;
}

function rowError(row: number, column: string, message: string): RowError {
  return { column, message, text: rowErrorText(row, column, message) };
}

/** A service's AppError as cell errors: each field path names a column ('patch.extra.model' → 型号). */
export function errorsOf(error: AppError, row: number, byKey: ReadonlyMap<string, SheetColumn>): RowError[] {
  const out: RowError[] = [];
  let unplaced = false;
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const column = columnOf(path, byKey);
    if (column) out.push(rowError(row, column.header, message));
    else unplaced = true;
  }
  if (out.length === 0 || unplaced) out.push(rowError(row, '', error.message.replace(/^输入有误，未保存。/, '')));
  return out;
}

function columnOf(path: string, byKey: ReadonlyMap<string, SheetColumn>): SheetColumn | undefined {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  for (let i = 0; i < segments.length; i++) {
    const column = byKey.get(segments.slice(i).join('.'));
    if (column) return column;
  }
  return undefined;
}

export function countActions(rows: readonly PreviewRow[]): { total: number; add: number; update: number; unchanged: number; error: number } {
  const counts = { total: rows.length, add: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return counts;
}
