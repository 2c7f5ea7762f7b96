import type { ErrorCode } from '../../../shared/errors';
import { writeCsv } from './csv';
import { readTable } from './read-table';
import type { ParsedTable, ParseOptions, WorkbookDoc } from './workbook-model';
import { writeWorkbook } from './write-workbook';

/** The work a worker does: the same functions run in-process when no worker can start. */
export type ExcelTask = { kind: 'parse'; bytes: Uint8Array; options: ParseOptions } | { kind: 'xlsx'; doc: WorkbookDoc } | { kind: 'csv'; doc: WorkbookDoc };

export interface ExcelTaskResult {
  parse: ParsedTable;
  xlsx: Uint8Array;
  csv: Uint8Array;
}

export interface WorkerRequest {
  id: number;
  task: ExcelTask;
}

export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; value: ParsedTable | Uint8Array }
  | { id: number; ok: false; error: { code: ErrorCode; message: string } };

export async function runExcelTaskHere(task: ExcelTask): Promise<ParsedTable | Uint8Array> {
  switch (task.kind) {
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
