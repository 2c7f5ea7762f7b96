import { columnHeader, ERROR_COLUMN_HEADER, type PreviewRow, type SheetColumn } from '../../../shared/domain/spreadsheet';
import type { HeaderMapping } from './import-engine';
import type { SheetExport, SheetTemplate } from './sheet-spec';
import type { ColumnDoc, OutCell, ParsedTable, RawCell, SheetDoc, ValidationDoc, WorkbookDoc } from './workbook-model';
import { columnLetter } from './write-workbook';

/** The three workbooks the engine writes — template, export, error workbook — as descriptions. */

/** Rows of a template that get the dropdowns (the example row included). */
const TEMPLATE_ROWS = 5000;
/** Excel's limit for a list written inline in a validation. */
const INLINE_LIST_MAX = 255;
const OPTIONS_SHEET = '选项';
const TEXT_FORMAT = '@';

export function templateDoc(template: SheetTemplate, sheetName: string): WorkbookDoc {
  const columns = template.columns;
  const validations: ValidationDoc[] = [];
  const optionColumns: string[][] = [];
  columns.forEach((column, i) => {
    if (column.kind !== 'enum' || !column.options) return;
    const labels = column.options.filter((o) => !o.hidden).map((o) => o.label);
    if (labels.length === 0) return;
    const inline = `"${labels.join(',')}"`;
    const prompt = column.key === 'ownerZoneId' ? '可从列表选择，也可填全称或代码' : '请从列表选择';
    if (inline.length <= INLINE_LIST_MAX && !labels.some((l) => /[,"]/.test(l))) {
      validations.push({ column: i, firstRow: 2, lastRow: TEMPLATE_ROWS + 1, list: { values: labels }, prompt });
    } else {
      const letter = columnLetter(optionColumns.length);
      optionColumns.push(labels);
      validations.push({ column: i, firstRow: 2, lastRow: TEMPLATE_ROWS + 1, list: { sheet: OPTIONS_SHEET, range: `${letter}1:${letter}${labels.length}` }, prompt });
    }
  });
  const data: SheetDoc = {
    name: sheetName,
    columns: columns.map((c) => ({
      header: columnHeader(c),
      width: Math.max(c.width ?? 12, columnHeader(c).length * 2 + 2),
      required: c.required === true,
      // Text columns are formatted as text, so 0451… phone numbers and long codes stay as typed.
      ...(isTextKind(c) ? { numFmt: TEXT_FORMAT } : {}),
    })),
    // A template either carries one muted example row (skipped on import by its 编号) or,
    // for a sheet without 编号, the rows to fill in (every zone's indicators).
    ...(template.rows
      ? { rows: template.rows.map((row) => columns.map((c) => row[c.key] ?? null)) }
      : { rows: [columns.map((c) => template.example[c.key] ?? null)], mutedRows: [0] }),
    freeze: { rows: 1 },
    validations,
  };
  const instructions: SheetDoc = {
    name: '填写说明',
    columns: [
      { header: '列名', width: 20 },
      { header: '是否必填', width: 16, wrap: true },
      { header: '含义', width: 48, wrap: true },
      { header: '格式', width: 34, wrap: true },
      { header: '可选值', width: 44, wrap: true },
    ],
    rows: [
      ...columns.map((c): OutCell[] => [columnHeader(c), requiredText(c), c.help, formatOf(c), optionsText(c)]),
      [null, null, null, null, null],
      ['说明', null, null, null, null],
      ...template.notes.map((note, i): OutCell[] => [`${i + 1}.`, null, note, null, null]),
    ],
    freeze: { rows: 1 },
    wrapAll: true,
  };
  const sheets: SheetDoc[] = [data, instructions];
  if (optionColumns.length > 0) {
    const height = Math.max(...optionColumns.map((c) => c.length));
    sheets.push({
      name: OPTIONS_SHEET,
      hidden: true,
      headerRow: false,
      columns: optionColumns.map(() => ({ header: '', width: 24 })),
      rows: Array.from({ length: height }, (_, r) => optionColumns.map((list) => list[r] ?? null)),
    });
  }
  return { sheets };
}

function isTextKind(c: SheetColumn): boolean {
  return c.kind === 'text' || c.kind === 'textarea' || c.kind === 'id';
}

function requiredText(c: SheetColumn): string {
  if (c.readOnly) return '只读';
  if (c.required === true) return '必填';
  return typeof c.required === 'string' ? c.required : '选填';
}

/** How to write a column's cells, in words. */
export function formatOf(c: SheetColumn): string {
  const range = c.min !== undefined && c.max !== undefined ? `，${c.min}–${c.max}` : c.max !== undefined ? `，不超过 ${c.max}` : c.min !== undefined ? `，不小于 ${c.min}` : '';
  switch (c.kind) {
    case 'id':
      return '26 位字母数字，由系统生成；新增时留空';
    case 'version':
      return '整数，由系统导出；新增时留空';
    case 'text':
      return `文字${c.max ? `，最多 ${c.max} 字` : ''}`;
    case 'textarea':
      return `文字，可换行${c.max ? `，最多 ${c.max} 字` : ''}`;
    case 'number':
      return `数字${c.unit ? `，单位：${c.unit}` : ''}${range}；可带千分位（1,234.5）${c.units && Object.keys(c.units).length > 1 ? `或单位（${Object.keys(c.units).join('、')}）` : ''}`;
    case 'integer':
      return `整数${c.unit ? `，单位：${c.unit}` : ''}${range}`;
    case 'enum':
      return '从下拉列表选择';
    case 'list':
      return '多个用顿号（、）、逗号或换行分隔';
    case 'date':
      return '日期：2026-03-15、2026/3/15、2026.3.15 或 2026年3月15日';
    case 'datetime':
      return '日期时间：2026-03-15 09:30';
  }
}

function optionsText(c: SheetColumn): string | null {
  if (!c.options) return null;
  const visible = c.options.filter((o) => !o.hidden);
  return visible.map((o) => o.label).join('、');
}

// ── Export ───────────────────────────────────────────────────────────────────────────────

const WIDTH_SAMPLE = 2000;

/** Display width: CJK characters count double. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function cellDisplay(cell: OutCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.date.length > 10 ? '2026-01-01 00:00' : '2026-01-01';
  return String(cell).split('\n')[0] ?? '';
}

export function exportDoc(exported: SheetExport, sheetName: string): WorkbookDoc {
  const headers = exported.columns.map((c) => columnHeader({ ...c, required: false }));
  const rows = exported.rows.map((r) => exported.columns.map((c) => r[c.key] ?? null));
  const columns: ColumnDoc[] = exported.columns.map((c, i) => {
    let widest = displayWidth(headers[i] as string);
    for (let r = 0; r < rows.length && r < WIDTH_SAMPLE; r++) widest = Math.max(widest, displayWidth(cellDisplay(rows[r]?.[i] ?? null)));
    return { header: headers[i] as string, width: Math.min(50, Math.max(8, widest + 2)), ...(isTextKind(c) ? { numFmt: TEXT_FORMAT } : {}) };
  });
  return { sheets: [{ name: sheetName, columns, rows, freeze: { rows: 1 }, autoFilter: true }] };
}

// ── Error workbook ───────────────────────────────────────────────────────────────────────

/**
 * The user's own rows, as read, with 错误说明 first and every bad cell filled red; the
 * header row is the file's own, so the fixed workbook imports like the original.
 */
export function errorDoc(table: ParsedTable, mapping: HeaderMapping, results: readonly PreviewRow[], sheetName: string, onlyErrors: boolean): WorkbookDoc {
  const byRow = new Map(results.map((r) => [r.row, r]));
  const indexOfHeader = new Map<string, number>();
  mapping.columnAt.forEach((column, i) => {
    if (column && !indexOfHeader.has(column.header)) indexOfHeader.set(column.header, i);
  });
  const rows: OutCell[][] = [];
  const badCells: Array<{ row: number; column: number }> = [];
  for (const source of table.rows) {
    const result = byRow.get(source.row);
    const bad = result?.action === 'error';
    if (onlyErrors && !bad) continue;
    const at = rows.length;
    const explanation = bad ? result.errors.map((e) => (e.column ? `「${e.column}」：${e.message}` : e.message)).join('\n') : null;
    rows.push([explanation, ...table.headers.map((_, i) => outCell(source.cells[i] ?? null))]);
    if (!bad) continue;
    badCells.push({ row: at, column: 0 });
    for (const e of result.errors) {
      const i = e.column ? indexOfHeader.get(e.column) : undefined;
      if (i !== undefined) badCells.push({ row: at, column: i + 1 });
    }
  }
  const columns: ColumnDoc[] = [
    { header: ERROR_COLUMN_HEADER, width: 40, wrap: true },
    ...table.headers.map((h) => ({ header: h, width: Math.min(40, Math.max(10, displayWidth(h) + 4)) })),
  ];
  return { sheets: [{ name: sheetName || 'Sheet1', columns, rows, badCells, freeze: { rows: 1, columns: 1 }, autoFilter: true }] };
}

function outCell(cell: RawCell): OutCell {
  if (cell !== null && typeof cell === 'object' && 'error' in cell) return null;
  return cell;
}
