import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { runExcelTaskHere, type TaskProgress, type WorkerReply, type WorkerRequest } from './excel-tasks';

/**
 * The worker thread's entry: parses uploaded files, checks and imports their rows (over its
 * own database connection) and writes workbooks, off the main thread.
 * Bundled as dist/electron/excel-worker.cjs for the desktop app; run from source (through
 * tsx's loader) under tsx and vitest. Does nothing when imported outside such a worker.
 */
if (parentPort && (workerData as { allianceExcelWorker?: boolean } | null)?.allianceExcelWorker) {
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    const progress = (value: TaskProgress) => port.postMessage({ id: request.id, progress: value } satisfies WorkerReply);
    runExcelTaskHere(request.task, progress).then(
      (value) => {
        const reply: WorkerReply = { id: request.id, ok: true, value };
        port.postMessage(reply, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
      },
      (error: unknown) => {
        const reply: WorkerReply =
          error instanceof AppError
            ? { id: request.id, ok: false, error: { code: error.code, message: error.message } }
            : { id: request.id, ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } };
        port.postMessage(reply);
      },
    );
  });
  const ready: WorkerReply = { ready: true };
  port.postMessage(ready);
}
