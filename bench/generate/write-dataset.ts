import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import Database from 'better-sqlite3';
import type { Dataset } from './types';

export type DatasetFileFormat = 'ndjson' | 'sqlite';

/** The format a file name asks for; throws on anything else, so a typo fails before the run. */
export function datasetFileFormat(file: string): DatasetFileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.sqlite' || ext === '.db' || ext === '.sqlite3') return 'sqlite';
  throw new Error(`--out 应以 .ndjson、.jsonl、.sqlite 或 .db 结尾，收到「${file}」`);
}

/**
 * Writes the dataset for inspection: `.ndjson`/`.jsonl` (one `{"kind":"resource",…}` a line) or
 * `.sqlite`/`.db` (one flat table per kind, objects and arrays as JSON text). Not the app's
 * schema: a file to open in a SQLite browser or feed to a loader.
 */
export function writeDataset(dataset: Dataset, file: string): DatasetFileFormat {
  const format = datasetFileFormat(file);
  mkdirSync(dirname(file), { recursive: true });
  if (format === 'ndjson') writeNdjson(dataset, file);
  else writeSqlite(dataset, file);
  return format;
}

function writeNdjson(dataset: Dataset, file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const { kind, records } of kinds(dataset)) {
      // Batches keep memory flat: the full file is ~200 MB at the default size.
      for (let i = 0; i < records.length; i += 2000) {
        const lines = records.slice(i, i + 2000).map((record) => JSON.stringify({ kind, ...record })).join('\n');
        writeSync(fd, lines + '\n');
      }
    }
  } finally {
    closeSync(fd);
  }
}

function writeSqlite(dataset: Dataset, file: string): void {
  rmSync(file, { force: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    for (const { table, records } of kinds(dataset)) {
      const first = records[0];
      if (!first) continue;
      const columns = Object.keys(first).map((key) => [key, snakeCase(key)] as const);
      db.exec(`CREATE TABLE ${table} (${columns.map(([, c]) => (c === 'seq' ? 'seq INTEGER PRIMARY KEY' : c)).join(', ')})`);
      const insert = db.prepare(`INSERT INTO ${table} VALUES (${columns.map(() => '?').join(', ')})`);
      db.transaction(() => {
        for (const record of records) insert.run(columns.map(([key]) => toSqlValue((record as unknown as Record<string, unknown>)[key])));
      })();
    }
  } finally {
    db.close();
  }
}

function kinds(dataset: Dataset): Array<{ kind: string; table: string; records: readonly object[] }> {
  return [
    { kind: 'resource', table: 'resources', records: dataset.resources },
    { kind: 'scenario', table: 'scenarios', records: dataset.scenarios },
    { kind: 'event', table: 'events', records: dataset.events },
  ];
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function toSqlValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}
