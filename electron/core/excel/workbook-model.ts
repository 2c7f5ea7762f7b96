/**
 * The plain data that crosses the worker boundary (structured clone): a parsed table coming
 * back from a file, a workbook description going out to be written. No classes, no Maps.
 */

/**
 * One cell as read from a file. Dates (from date-formatted .xlsx cells) are wall time as
 * written, 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:ss'; `error` marks a cell that cannot be taken:
 * a formula without a cached result, an error value (#N/A).
 */
export type RawCell = null | string | number | boolean | { date: string } | { error: string };

export interface ParseOptions {
  /** Normalized headers of the record type: to pick the sheet and the header row. */
  knownHeaders: string[];
  maxRows: number;
  maxColumns: number;
  maxUnpackedBytes: number;
}

export interface ParsedTable {
  format: 'xlsx' | 'csv';
  encoding?: string;
  sheetName: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  headers: string[];
  /** Every non-empty row below the header, with its row number as the program shows it. */
  rows: Array<{ row: number; cells: RawCell[] }>;
}

/** A cell to write: dates as wall time ('YYYY-MM-DD' or with 'THH:mm:ss'). Strings are always text, never formulas. */
export type OutCell = null | string | number | boolean | { date: string };

export interface ColumnDoc {
  header: string;
  width: number;
  /** Red header text (required columns). */
  required?: boolean;
  /** Excel number format for dates and numbers. */
  numFmt?: string;
  wrap?: boolean;
}

export interface ValidationDoc {
  /** 0-based column index. */
  column: number;
  firstRow: number;
  lastRow: number;
  /** A short list inline, or a range of a (hidden) sheet: 'A1:A30' on `sheet`. */
  list: { values: string[] } | { sheet: string; range: string };
  prompt?: string;
}

export interface SheetDoc {
  name: string;
  hidden?: boolean;
  columns: ColumnDoc[];
  rows: OutCell[][];
  /** Write the columns' headers as row 1 (off for plain data sheets such as the option lists). */
  headerRow?: boolean;
  freeze?: { rows: number; columns?: number };
  autoFilter?: boolean;
  validations?: ValidationDoc[];
  /** Cells to fill red (error workbook): 0-based data row index (below the header) and column. */
  badCells?: Array<{ row: number; column: number }>;
  /** Data rows (0-based) written grey and italic: the template's example. */
  mutedRows?: number[];
  /** Wrap text in every data cell (instructions). */
  wrapAll?: boolean;
}

export interface WorkbookDoc {
  sheets: SheetDoc[];
}
