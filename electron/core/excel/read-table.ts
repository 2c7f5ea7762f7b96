import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { normalizeHeader, SHEET_MAX_BYTES } from '../../../shared/domain/spreadsheet';
import { decodeText, looksLikeText, parseCsv } from './csv';
import type { ParsedTable, ParseOptions, RawCell } from './workbook-model';
import { checkXlsxZip } from './zip-check';

/**
 * Bytes → one table (the worker's job; also runs in-process when no worker can start). The
 * kind is sniffed from the bytes, never the file name: a zip is an .xlsx (checked for bombs
 * first), text is CSV, anything else is refused with a sentence saying what it is.
 */
export async function readTable(bytes: Buffer, options: ParseOptions): Promise<ParsedTable> {
  if (bytes.length === 0) throw refuse('文件是空的。');
  if (bytes.length > SHEET_MAX_BYTES) throw refuse(`文件不能超过 ${SHEET_MAX_BYTES / 1024 / 1024} MB（这个文件 ${(bytes.length / 1024 / 1024).toFixed(1)} MB）。请拆分后再导入。`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes, options);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw refuse('文件已损坏，无法读取（不是完整的 .xlsx 文件）。');
  if (bytes.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) {
    throw refuse('这是旧版 Excel（.xls）文件，或设置了打开密码的文件，不支持。请用 Excel 或 WPS 打开后另存为 .xlsx（不设密码）再导入。');
  }
  if (!looksLikeText(bytes)) throw refuse(`${describeBinary(bytes)}不是表格文件。请导入 .xlsx 或 .csv 文件。`);
  return readCsv(bytes, options);
}

const refuse = (message: string) => new AppError('VALIDATION', message);
const tooManyRows = (max: number, n?: number) =>
  refuse(`文件${n ? `有 ${n.toLocaleString('en-US')} 行，` : ''}超过一次导入 ${max.toLocaleString('en-US')} 行的上限。请分成多个文件导入。`);

/** A few well-known kinds, so the refusal says what the file is. */
function describeBinary(bytes: Buffer): string {
  const head = bytes.subarray(0, 8).toString('latin1');
  if (head.startsWith('%PDF')) return '这是 PDF 文件，';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8')) return '这是图片，';
  if (head.startsWith('MZ')) return '这是可执行程序，';
  if (head.startsWith('Rar!') || head.startsWith('7z')) return '这是压缩包，';
  return '文件';
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────

const HEADER_SEARCH_ROWS = 10;

function readCsv(bytes: Buffer, options: ParseOptions): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table') || (head.startsWith('<') && head.includes('<table'))) {
    throw refuse('这是网页（HTML）格式的表格（常见于从网站导出的 .xls），不能直接导入。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。');
  }
  if (head.startsWith('<?xml')) throw refuse('这是 XML 文件（例如 Excel 2003 XML 表格），不能直接导入。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。');
  // Room for a few title rows above the header.
  const lines = parseCsv(text, options.maxRows + HEADER_SEARCH_ROWS, () => tooManyRows(options.maxRows));
  const grid = lines.map((cells, i) => ({ row: i + 1, cells: cells.slice(0, options.maxColumns).map(csvCell) }));
  return { format: 'csv', encoding, sheetName: '', ...splitHeader(grid, options) };
}

function csvCell(text: string): RawCell {
  return text.trim() === '' ? null : text;
}

// ── XLSX ─────────────────────────────────────────────────────────────────────────────────

/** Parts of a worksheet the import never needs; skipping them also skips ranges that expand per cell (A1:XFD1048576). */
const IGNORED_NODES = ['cols', 'dataValidations', 'conditionalFormatting', 'mergeCells', 'hyperlinks', 'autoFilter', 'rowBreaks', 'picture', 'drawing', 'tableParts', 'extLst', 'headerFooter', 'pageSetup', 'printOptions', 'pageMargins', 'sheetProtection'];

async function readXlsx(bytes: Buffer, options: ParseOptions): Promise<ParsedTable> {
  const zip = checkXlsxZip(bytes, options.maxUnpackedBytes);
  if (zip.maxSheetRows > options.maxRows + HEADER_SEARCH_ROWS) throw tooManyRows(options.maxRows, zip.maxSheetRows);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as never);
  } catch {
    throw refuse('无法读取这个 .xlsx 文件（文件已损坏或格式异常）。请用 Excel 或 WPS 打开后重新另存为 .xlsx。');
  }
  const known = new Set(options.knownHeaders);
  let best: { sheet: ExcelJS.Worksheet; grid: ParsedTable['rows']; score: number } | null = null;
  for (const sheet of book.worksheets) {
    if (sheet.state !== 'visible') continue;
    const grid = sheetGrid(sheet, options);
    const score = Math.max(0, ...grid.slice(0, HEADER_SEARCH_ROWS).map((r) => headerScore(r.cells, known)));
    if (!best || score > best.score) best = { sheet, grid, score };
  }
  if (!best) throw refuse('文件里没有可见的工作表。');
  return { format: 'xlsx', sheetName: best.sheet.name, ...splitHeader(best.grid, options) };
}

function sheetGrid(sheet: ExcelJS.Worksheet, options: ParseOptions): ParsedTable['rows'] {
  const grid: ParsedTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.min(row.cellCount, options.maxColumns);
    const cells: RawCell[] = new Array(width);
    let any = false;
    for (let c = 1; c <= width; c++) {
      const value = cellValue(row.getCell(c).value);
      cells[c - 1] = value;
      if (value !== null) any = true;
    }
    if (any) grid.push({ row: rowNumber, cells });
  });
  return grid;
}

type ExcelValue = ExcelJS.CellValue | undefined;

/** An exceljs value as a plain cell: formulas give their cached result or an error. */
export function cellValue(value: ExcelValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelValue }).result;
      if (result === undefined || result === null) return { error: '公式单元格不导入（没有计算结果），请改为填写数值或文字' };
      return cellValue(result as ExcelValue);
    }
    if ('error' in value) return { error: `单元格是错误值 ${String((value as { error: unknown }).error)}` };
    if ('richText' in value) return cellValue(value.richText.map((r) => r.text).join(''));
    if ('text' in value) return cellValue(typeof value.text === 'string' ? value.text : (value.text as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join(''));
  }
  return { error: '无法识别的单元格内容' };
}

/** exceljs reads date-formatted cells as Dates whose UTC fields are the wall time written. */
function dateCell(d: Date): RawCell {
  if (Number.isNaN(d.getTime())) return { error: '不是有效日期' };
  const iso = d.toISOString().slice(0, 19);
  return { date: iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso };
}

// ── Header ───────────────────────────────────────────────────────────────────────────────

function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'date' in cell ? cell.date : '';
  return String(cell);
}

function headerScore(cells: readonly RawCell[], known: ReadonlySet<string>): number {
  let n = 0;
  for (const cell of cells) if (known.has(normalizeHeader(cellText(cell)))) n++;
  return n;
}

/**
 * The header is the row (among the first ten) naming the most known columns — member zones
 * often put a title row or two above it; without any known name, the first row.
 */
function splitHeader(grid: ParsedTable['rows'], options: ParseOptions): Pick<ParsedTable, 'headerRow' | 'headers' | 'rows'> {
  if (grid.length === 0) throw refuse('文件里没有数据（表格是空的）。');
  const known = new Set(options.knownHeaders);
  let at = 0;
  let bestScore = 0;
  grid.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const score = headerScore(r.cells, known);
    if (score > bestScore) [at, bestScore] = [i, score];
  });
  const header = grid[at] as ParsedTable['rows'][number];
  const headers = header.cells.map((c) => cellText(c).trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const rows = grid.slice(at + 1).map((r) => ({ row: r.row, cells: r.cells.slice(0, headers.length) })).filter((r) => r.cells.some((c) => c !== null));
  if (rows.length > options.maxRows) throw tooManyRows(options.maxRows, rows.length);
  return { headerRow: header.row, headers, rows };
}
