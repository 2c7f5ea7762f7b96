import type { ErrorCode } from '../../../shared/errors';
import { openConnection } from '../db/open';
import { writeCsv } from './csv';
import type { RunMode } from './import-engine';
import { readTable } from './read-table';
import { runSheet, type RowsProgress, type SheetRun, type SheetTarget } from './sheet-run';
import type { ParsedTable, ParseOptions, WorkbookDoc } from './workbook-model';
import { writeWorkbook } from './write-workbook';

/**
 * The work a worker does: the same functions run in-process when no worker can start.
 * 'rows' checks or imports a parsed table over the task's own connection to the database.
 */
export type ExcelTask =
  | { kind: 'parse'; bytes: Uint8Array; options: ParseOptions }
  | { kind: 'xlsx'; doc: WorkbookDoc }
  | { kind: 'csv'; doc: WorkbookDoc }
  | { kind: 'rows'; database: { file: string; nativeBinding?: string | undefined }; target: SheetTarget; table: ParsedTable; mode: RunMode };

export interface ExcelTaskResult {
  parse: ParsedTable;
  xlsx: Uint8Array;
  csv: Uint8Array;
  rows: SheetRun;
}

export interface WorkerRequest {
  id: number;
  task: ExcelTask;
}

export type TaskProgress = RowsProgress;

export type WorkerReply =
  | { ready: true }
  | { id: number; progress: TaskProgress }
  | { id: number; ok: true; value: ParsedTable | Uint8Array | SheetRun }
  | { id: number; ok: false; error: { code: ErrorCode; message: string } };

export async function runExcelTaskHere(task: ExcelTask, onProgress: (progress: TaskProgress) => void = () => {}): Promise<ParsedTable | Uint8Array | SheetRun> {
  switch (task.kind) {
    case 'rows': {
      // A connection per task, closed at once: nothing of the worker keeps the file open.
      const db = openConnection(task.database.file, { nativeBinding: task.database.nativeBinding });
      try {
        return runSheet(db, task.target, task.table, task.mode, onProgress);
      } finally {
        db.close();
      }
    }
    case 'parse':
      return readTable(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.options);
    case 'xlsx':
      return ownBytes(await writeWorkbook(task.doc));
    case 'csv': {
      const sheet = task.doc.sheets[0];
      return ownBytes(writeCsv(sheet?.columns.map((c) => c.header) ?? [], sheet?.rows ?? []));
    }
  }
}

/** A Uint8Array over its own ArrayBuffer, so it can be transferred (not copied) between threads. */
function ownBytes(buffer: Buffer): Uint8Array {
  const out = new Uint8Array(buffer.length);
  out.set(buffer);
  return out;
}
