import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { SheetColumn, SheetScope } from '../../../shared/domain/spreadsheet';
import type { Actor } from '../records';
import type { OutCell } from './workbook-model';

/**
 * What one record type contributes to the Excel round trip — everything else (reading files,
 * matching headers, converting cells, previews, error workbooks, templates, exports) is the
 * one engine. A spec's columns come from the same zod schemas and field definitions as its
 * forms, and its rows are written through the same service functions.
 */

/** A converted cell: text, number, list; null when the cell is empty. Enums hold their value (an id for zones). */
export type CellValue = string | number | string[] | null;

export interface ImportRow {
  row: number;
  /** Only the columns the file has: a column left out means "unchanged" for an update. */
  values: ReadonlyMap<string, CellValue>;
}

export interface RowOutcome {
  action: 'add' | 'update' | 'unchanged';
  id: string;
}

export interface ImportSession {
  /** Which record the row means (its id, else its natural key), to find the same record twice in one file. */
  identity(row: ImportRow): { key: string; describe: string } | null;
  /** What the row is, for people (its title). */
  label(row: ImportRow): string;
  /**
   * Adds or updates the row's record through the services; throws the service's AppError
   * (whose field paths name columns' keys). Runs inside the import's transaction and must
   * write atomically — one service call, whose own db.transaction is a savepoint there —
   * so that a row that throws leaves nothing behind.
   */
  apply(row: ImportRow): RowOutcome;
}

export interface SheetTemplate {
  fileStem: string;
  columns: SheetColumn[];
  example: Record<string, OutCell>;
  /** Rows to fill in, written instead of the example (a sheet without 编号 cannot mark an example row). */
  rows?: Array<Record<string, OutCell>>;
  /** Lines for the instructions sheet, after the column table. */
  notes: string[];
}

export interface SheetExport {
  fileStem: string;
  columns: SheetColumn[];
  rows: Array<Record<string, OutCell>>;
}

/** Where a sheet is used: who, and within what (the event whose registrations, the year whose indicators). */
export interface SheetContext {
  db: Database.Database;
  actor: Actor;
  scope: SheetScope;
}

export interface SheetSpec<TemplateOptions, ExportFilter> {
  /** The data sheet's name: 科技资源. */
  sheetName: string;
  /** Refuses a missing or unknown scope (no such event) before any file is read. */
  checkScope?(ctx: SheetContext): void;
  /** Every header an import recognises, whatever the database holds (to find the header row without it). */
  headerNames(ctx: SheetContext): string[];
  /** The columns an import maps (with the current option lists: zones, categories). */
  importColumns(ctx: SheetContext): SheetColumn[];
  template(ctx: SheetContext, options: TemplateOptions): SheetTemplate;
  beginImport(ctx: SheetContext): ImportSession;
  exportRows(ctx: SheetContext, filter: ExportFilter): SheetExport;
}

/** The headers a column list answers to (its names, with and without its unit). */
export function headerNamesOf(columns: ReadonlyArray<Pick<SheetColumn, 'header' | 'unit'>>): string[] {
  return columns.flatMap((c) => [c.header, ...(c.unit ? [`${c.header}(${c.unit})`] : [])]);
}

/** What a zod field schema says about its column: required, length or range limits, enum values. */
export interface FieldFacts {
  required: boolean;
  max?: number;
  min?: number;
  values?: string[];
}

export function fieldFacts(schema: z.ZodType): FieldFacts {
  let inner = schema as unknown as { def: { type: string; innerType?: unknown }; maxLength?: number | null; minLength?: number | null; maxValue?: number | null; minValue?: number | null; options?: string[] };
  while (['default', 'optional', 'nullable', 'prefault'].includes(inner.def.type) && inner.def.innerType) inner = inner.def.innerType as typeof inner;
  const facts: FieldFacts = { required: !schema.safeParse(undefined).success };
  const max = inner.maxLength ?? inner.maxValue;
  const min = inner.minValue;
  if (typeof max === 'number' && Number.isFinite(max)) facts.max = max;
  if (typeof min === 'number' && Number.isFinite(min)) facts.min = min;
  if (inner.def.type === 'enum' && Array.isArray(inner.options)) facts.values = inner.options;
  return facts;
}
