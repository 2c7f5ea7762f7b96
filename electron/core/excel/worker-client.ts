import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { runExcelTaskHere, type ExcelTask, type ExcelTaskResult, type TaskProgress, type WorkerReply, type WorkerRequest } from './excel-tasks';

/**
 * Runs Excel work (parsing uploads, writing workbooks) on one worker thread, so the main
 * process stays responsive and a hostile file can cost at most the worker: each task has a
 * time limit (the worker is terminated) and the worker has a heap limit (it dies, not the app).
 *
 * Where the worker's code is:
 * - desktop bundle: `excel-worker.cjs` next to `main.cjs` (a second esbuild entry);
 * - source (tsx, vitest): `excel-worker.ts` next to this file, loaded through tsx's require hook;
 * - `configureExcelWorker({ script })` names it explicitly; `{ inProcess: true }` turns workers off.
 * When none can start, the same task runs in-process (the main thread then parses): the
 * app keeps working, only less isolated.
 */
export interface ExcelWorkerOptions {
  /** A compiled (JavaScript) worker entry to use. */
  script?: string;
  /** Never start a worker: run everything in this thread. */
  inProcess?: boolean;
  /** The worker's heap limit, MB. */
  maxHeapMb?: number;
  /** How long an idle worker is kept for the next file. */
  idleMs?: number;
}

const DEFAULT_HEAP_MB = 2048;
const DEFAULT_IDLE_MS = 30_000;
const START_TIMEOUT_MS = 30_000;

let settings: ExcelWorkerOptions = {};
let current: WorkerHandle | null = null;
/** The worker could not start here (no entry found, or it failed to load): run in-process. */
let unavailable = false;

/** The better-sqlite3 binary the app's own connection uses (Electron's ABI), for the worker's connection. */
let databaseBinding: string | undefined;

export function useExcelDatabaseBinding(path: string | undefined): void {
  databaseBinding = path;
}

export const excelDatabaseBinding = (): string | undefined => databaseBinding;

export function configureExcelWorker(options: ExcelWorkerOptions): void {
  settings = { ...options };
  unavailable = false;
  void stopExcelWorker();
}

/** Stops the worker (tests, shutdown). Pending tasks fail. */
export async function stopExcelWorker(): Promise<void> {
  const handle = current;
  current = null;
  if (handle) await handle.terminate();
}

/** How the last task ran: 'worker' or 'in-process' (for tests and the bench). */
export let lastTaskRanIn: 'worker' | 'in-process' | null = null;

let rowTasksRunning = 0;

/** Whether an import is checking or writing rows over its own connection (a restore must wait for it). */
export const excelImportRunning = (): boolean => rowTasksRunning > 0;

export async function runExcelTask<K extends ExcelTask['kind']>(task: Extract<ExcelTask, { kind: K }>, timeoutMs: number, onProgress: (progress: TaskProgress) => void = () => {}): Promise<ExcelTaskResult[K]> {
  if (task.kind !== 'rows') return runTask(task, timeoutMs, onProgress);
  rowTasksRunning++;
  try {
    return await runTask(task, timeoutMs, onProgress);
  } finally {
    rowTasksRunning--;
  }
}

async function runTask<K extends ExcelTask['kind']>(task: Extract<ExcelTask, { kind: K }>, timeoutMs: number, onProgress: (progress: TaskProgress) => void): Promise<ExcelTaskResult[K]> {
  if (!settings.inProcess && !unavailable) {
    const handle = current ?? startWorker();
    if (handle) {
      current = handle;
      const result = await handle.run(task, timeoutMs, onProgress);
      if (result.kind === 'done') {
        lastTaskRanIn = 'worker';
        return result.value as ExcelTaskResult[K];
      }
      // The worker never came up: fall through and do it here.
      if (current === handle) current = null;
    }
    unavailable = true;
    console.warn('[excel] 无法启动处理文件的工作线程，改在主线程中处理。 · Excel worker unavailable, running in-process.');
  }
  lastTaskRanIn = 'in-process';
  return (await runExcelTaskHere(task, onProgress)) as ExcelTaskResult[K];
}

/** The sentence for a task stopped at its time limit: a file read, or a file being written. */
function tookTooLong(task: ExcelTask, timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 1000);
  if (task.kind === 'xlsx' || task.kind === 'csv') return `生成文件超过 ${seconds} 秒，已停止，没有生成文件。导出列表时请缩小筛选范围分批导出，或改为导出 .csv（更快）。`;
  return `处理文件超过 ${seconds} 秒，已停止（文件可能过大或结构异常）。请拆分后再试。`;
}

// ── The worker ───────────────────────────────────────────────────────────────────────────

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  progress: (progress: TaskProgress) => void;
  timer: NodeJS.Timeout;
}

interface WorkerHandle {
  run(task: ExcelTask, timeoutMs: number, onProgress: (progress: TaskProgress) => void): Promise<{ kind: 'done'; value: unknown } | { kind: 'unavailable' }>;
  terminate(): Promise<void>;
}

function startWorker(): WorkerHandle | null {
  const entry = locateWorker();
  if (!entry) return null;
  let worker: Worker;
  try {
    worker = new Worker(entry.code, {
      eval: entry.eval,
      workerData: { allianceExcelWorker: true, ...entry.data },
      resourceLimits: { maxOldGenerationSizeMb: settings.maxHeapMb ?? DEFAULT_HEAP_MB },
    });
  } catch {
    return null;
  }
  worker.unref();
  let dead = false;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  const pending = new Map<number, Pending>();
  // Tasks wait for the worker to be up: bytes are transferred only to a worker that loaded.
  let settleReady: (up: boolean) => void = () => {};
  const up = new Promise<boolean>((resolve) => (settleReady = resolve));
  const startTimer = setTimeout(() => {
    settleReady(false);
    void handle.terminate();
  }, START_TIMEOUT_MS);
  startTimer.unref();

  const finish = (id: number) => {
    const p = pending.get(id);
    if (p) clearTimeout(p.timer);
    pending.delete(id);
    if (pending.size === 0 && !dead) {
      worker.unref();
      idleTimer = setTimeout(() => void handle.terminate(), settings.idleMs ?? DEFAULT_IDLE_MS);
      idleTimer.unref();
    }
    return p;
  };
  const failAll = (error: unknown) => {
    dead = true;
    clearTimeout(startTimer);
    settleReady(false);
    if (current === handle) current = null;
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(error);
      pending.delete(id);
    }
  };

  worker.on('message', (reply: WorkerReply) => {
    if ('ready' in reply) {
      clearTimeout(startTimer);
      settleReady(true);
      return;
    }
    if ('progress' in reply) {
      pending.get(reply.id)?.progress(reply.progress);
      return;
    }
    const p = finish(reply.id);
    if (!p) return;
    if (reply.ok) p.resolve(reply.value);
    else p.reject(reply.error.code === 'INTERNAL' ? internal(reply.error.message) : new AppError(reply.error.code, reply.error.message));
  });
  worker.on('error', (error: Error & { code?: string }) => {
    failAll(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError('VALIDATION', '文件内容过多，处理时超出了内存上限，已停止。请拆分后再导入。')
        : internal(error.message),
    );
  });
  worker.on('exit', () => failAll(new AppError('VALIDATION', '处理文件的线程意外退出，文件可能已损坏或过大。请检查后重试。')));

  const handle: WorkerHandle = {
    async run(task, timeoutMs, onProgress) {
      if (!(await up)) return { kind: 'unavailable' as const };
      if (dead) throw new AppError('VALIDATION', '处理文件的线程已停止，请重试。');
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      worker.ref(); // keep the process alive while a task is out
      const id = nextId++;
      const value = await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          finish(id);
          reject(new AppError('VALIDATION', tookTooLong(task, timeoutMs)));
          void handle.terminate();
        }, timeoutMs);
        pending.set(id, { resolve, reject, progress: onProgress, timer });
        const request: WorkerRequest = { id, task };
        const transfer = task.kind === 'parse' ? [task.bytes.buffer as ArrayBuffer] : [];
        worker.postMessage(request, transfer);
      });
      return { kind: 'done' as const, value };
    },
    async terminate() {
      if (idleTimer) clearTimeout(idleTimer);
      clearTimeout(startTimer);
      if (current === handle) current = null;
      dead = true;
      settleReady(false);
      await worker.terminate();
    },
  };
  return handle;
}

function internal(detail: string): Error {
  return new Error(`excel worker: ${detail}`);
}

interface WorkerEntry {
  code: string;
  eval: boolean;
  data: Record<string, unknown>;
}

/** The compiled worker beside the bundle, else the TypeScript source through tsx. */
function locateWorker(): WorkerEntry | null {
  if (settings.script) return { code: settings.script, eval: false, data: {} };
  // CommonJS (the bundle; vitest too) has __dirname; ESM under tsx finds its file from the stack.
  const dir = typeof __dirname === 'string' ? __dirname : ownDirectory();
  if (!dir) return null;
  const compiled = join(dir, 'excel-worker.cjs');
  // Packaged: a worker may not load from inside app.asar; prefer an unpacked copy when there is one.
  const unpacked = compiled.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  if (unpacked !== compiled && existsSync(unpacked)) return { code: unpacked, eval: false, data: {} };
  if (existsSync(compiled)) return { code: compiled, eval: false, data: {} };
  const source = join(dir, 'excel-worker.ts');
  if (!existsSync(source)) return null;
  let tsxApi: string;
  try {
    tsxApi = createRequire(join(dir, 'noop.js')).resolve('tsx/cjs/api');
  } catch {
    return null;
  }
  const bootstrap = "const { workerData } = require('node:worker_threads'); require(workerData.tsxApi).register(); require(workerData.entry);";
  return { code: bootstrap, eval: true, data: { tsxApi, entry: source } };
}

function ownDirectory(): string | null {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const sites = new Error().stack as unknown as NodeJS.CallSite[];
    const file = sites[0]?.getFileName();
    if (!file) return null;
    return dirname(file.startsWith('file:') ? fileURLToPath(file) : file);
  } catch {
    return null;
  } finally {
    Error.prepareStackTrace = original;
  }
}
