import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { OutCell, SheetDoc, WorkbookDoc } from './workbook-model';

/**
 * A workbook description → .xlsx bytes (templates, exports, error workbooks all go through
 * here). Strings are written as text cells: exceljs never turns a string into a formula, so
 * `=cmd|…` in a cell stays text. Text is made safe for XML and for Excel's 32,767-character cell.
 *
 * Written with exceljs's streaming writer, row by row: the whole registry (100,000 rows) is
 * written in ~20 s in a few hundred MB, where the in-memory workbook ran past the worker's
 * time limit at over 2 GB. So every cell's style is set before its row is committed.
 */
export async function writeWorkbook(doc: WorkbookDoc): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.creator = '联盟协同工作台';
  for (const sheetDoc of doc.sheets) writeSheet(book, sheetDoc);
  await book.commit();
  return Buffer.concat(chunks);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const BAD_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
const EXCEL_CELL_MAX = 32_767;

function writeSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, doc: SheetDoc): void {
  const freeze = doc.freeze;
  const sheet = book.addWorksheet(doc.name, {
    state: doc.hidden ? 'hidden' : 'visible',
    views: freeze ? [{ state: 'frozen', xSplit: freeze.columns ?? 0, ySplit: freeze.rows }] : [],
  });
  sheet.columns = doc.columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const headerOffset = doc.headerRow === false ? 0 : 1;
  if (headerOffset) {
    const header = sheet.addRow(doc.columns.map((c) => c.header));
    header.height = 20;
    doc.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.font = { bold: true, ...(c.required ? { color: { argb: 'FFC00000' } } : {}) };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle' };
    });
    header.commit();
  }
  const muted = new Set(doc.mutedRows ?? []);
  const badByRow = new Map<number, number[]>();
  for (const bad of doc.badCells ?? []) badByRow.set(bad.row, [...(badByRow.get(bad.row) ?? []), bad.column]);
  doc.rows.forEach((values, r) => {
    const row = sheet.addRow(values.map(excelValue));
    values.forEach((v, c) => {
      const column = doc.columns[c];
      if (v !== null && typeof v === 'object') row.getCell(c + 1).numFmt = v.date.length > 10 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
      if (column?.wrap || doc.wrapAll) row.getCell(c + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    if (muted.has(r)) row.font = { italic: true, color: { argb: 'FF808080' } };
    for (const column of badByRow.get(r) ?? []) {
      const cell = row.getCell(column + 1);
      cell.fill = BAD_FILL;
      cell.font = BAD_FONT;
    }
    row.commit();
  });
  if (doc.autoFilter && doc.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: doc.columns.length } };
  for (const v of doc.validations ?? []) {
    const letter = columnLetter(v.column);
    const formula = 'values' in v.list ? `"${v.list.values.join(',')}"` : `'${v.list.sheet.replace(/'/g, "''")}'!${absoluteRange(v.list.range)}`;
    (sheet as unknown as WithValidations).dataValidations.add(`${letter}${v.firstRow}:${letter}${v.lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '不在可选值中',
      error: '请从下拉列表中选择。',
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt.slice(0, 250) } : {}),
    });
  }
  sheet.commit();
}

/** exceljs has range validations (squeezed into one sqref on write) but its types omit them. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function excelValue(cell: OutCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'string') return safeText(cell);
  if (typeof cell === 'object') return wallTimeDate(cell.date);
  return cell;
}

/** Characters XML 1.0 cannot carry (they would corrupt the file) become U+FFFD; over-long text is cut. */
export function safeText(text: string): string {
  let s = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (s.length > EXCEL_CELL_MAX) s = `${s.slice(0, EXCEL_CELL_MAX - 10)}…（已截断）`;
  return s;
}

/** exceljs writes a Date as the serial of its UTC fields: give it the wall time as UTC. */
function wallTimeDate(wall: string): Date {
  return new Date(`${wall.length === 10 ? `${wall}T00:00:00` : wall}Z`);
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function absoluteRange(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}
