import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { PreviewRow, SheetRecordType, SheetScope } from '../../../shared/domain/spreadsheet';
import { withDeferredTextIndex } from '../search/text-index';
import { actorOf, readInstallation } from '../settings/settings-service';
import { mapHeaders, planRows, runRows, type HeaderMapping, type RunMode } from './import-engine';
import type { SheetContext } from './sheet-spec';
import { SHEET_SPECS } from './sheet-specs';
import type { ParsedTable } from './workbook-model';

/**
 * One parsed table through its record type's sheet, synchronously: columns (with today's
 * zones and categories), cells, rows through the services in one transaction, the records'
 * text index written in one batch at its end. Runs on the
 * Excel worker over its own connection (so the app stays responsive during a long import),
 * or in-process when no worker can start.
 */

export interface SheetTarget {
  recordType: SheetRecordType;
  scope: SheetScope;
}

export interface SheetRun {
  mapping: HeaderMapping;
  results: PreviewRow[];
}

/** Who and where at this moment; an unknown scope (no such event) is refused. */
export function sheetContext(db: Database.Database, target: SheetTarget): SheetContext {
  const actor = actorOf(db, readInstallation(db));
  if (!actor) throw new AppError('NOT_SET_UP', '请先完成初始设置（选择本机所属的高新区和角色）。');
  const ctx = { db, actor, scope: target.scope };
  SHEET_SPECS[target.recordType].checkScope?.(ctx);
  return ctx;
}

/** How far a run is: rows checked or written, then (an import) the records' search index written. */
export interface RowsProgress {
  done: number;
  total: number;
  indexing?: true;
}

export function runSheet(db: Database.Database, target: SheetTarget, table: ParsedTable, mode: RunMode, onProgress: (progress: RowsProgress) => void = () => {}): SheetRun {
  const spec = SHEET_SPECS[target.recordType];
  const ctx = sheetContext(db, target);
  const columns = spec.importColumns(ctx);
  const mapping = mapHeaders(table.headers, columns);
  const planned = planRows(table, mapping);
  // The rows' text index is written once, at the end of the import's transaction (text-index.ts).
  const results = withDeferredTextIndex(
    db,
    () => runRows(db, () => spec.beginImport(ctx), planned, columns, mode, (done, total) => onProgress({ done, total })),
    (done, total) => onProgress({ done, total, indexing: true }),
  );
  return { mapping, results };
}
