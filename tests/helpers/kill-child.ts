import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/app-core';
import { listBackups, verifyBackupFile } from '../../electron/core/backups/backup-files';
import { mulberry32 } from '../../bench/generate/prng';

/** The crash tests' tools: a child process running the real core, killed at a chosen moment. */

export const ROOT = resolve(__dirname, '..', '..');

/** Kill moments random but reproducible from the seed printed on failure (the bench's generator). */
export const rng = mulberry32;

export interface ChildRun {
  /** ms from "start" to exit. */
  ranMs: number;
  killed: boolean;
  output: string;
}

/** Runs a TypeScript child (through tsx); kills it `killAfterMs` after it printed "start" (never, if undefined). */
export function runChild(script: string, args: readonly string[], killAfterMs?: number): Promise<ChildRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let startedAt = 0;
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!startedAt && output.includes('start\n')) {
        startedAt = performance.now();
        if (killAfterMs !== undefined) {
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolveRun({ ranMs: startedAt ? performance.now() - startedAt : 0, killed: killed && signal === 'SIGKILL', output }));
  });
}

/** The data file's integrity and a table's row count, read by a plain connection. */
export function inspect(dataDir: string, table = 'resources'): { integrity: string; count: number } {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      count: (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** Every backup in the data folder's backup folder that fails its check (name: problem). */
export function brokenBackups(dataDir: string): string[] {
  const folder = join(dataDir, 'backups');
  return listBackups(folder).flatMap((b) => {
    const problem = verifyBackupFile(join(folder, b.id), b.counts);
    return problem ? [`${b.id}: ${problem}`] : [];
  });
}
