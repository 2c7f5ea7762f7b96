import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateEvents, generateResources, generateScenarios } from '../generate/dataset';
import type { Dataset } from '../generate/types';
import type { BenchOptions } from './options';
import { timeSync } from './timing';

/** What every measure gets: the options, the generated dataset and a private scratch area. */
export interface BenchContext {
  options: BenchOptions;
  dataset: Dataset;
  /** Milliseconds it took to generate each kind of record. */
  generationMs: { resources: number; scenarios: number; events: number };
  /** This run's temporary folder; removed at the end unless --keep. */
  workDir: string;
  /**
   * The bench-only SQLite file (workDir/bench.sqlite): scratch tables for baselines, never the
   * app's schema. Opened on first use with the app's durability settings (WAL, synchronous=FULL).
   */
  benchDb(): Database.Database;
  /** A new, empty folder to use as an app data dir. */
  newDataDir(label: string): string;
  /** The full iteration count, or the smaller one under --quick. */
  iterations(full: number, quick: number): number;
  /** Progress, on stderr: stdout carries only the table and the JSON line. */
  log(message: string): void;
}

export interface OwnedContext {
  ctx: BenchContext;
  dispose(): void;
}

export function createContext(options: BenchOptions): OwnedContext {
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  const parent = options.dir ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const workDir = mkdtempSync(join(parent, 'alliance-bench-'));

  const { sizes, seed } = options;
  log(`generating ${sizes.resources} resources, ${sizes.scenarios} scenarios, ${sizes.events} events (seed ${seed})…`);
  const resources = timeSync(() => generateResources(sizes.resources, seed));
  const scenarios = timeSync(() => generateScenarios(sizes.scenarios, seed));
  const events = timeSync(() => generateEvents(sizes.events, seed));

  let db: Database.Database | null = null;
  let dataDirs = 0;
  const ctx: BenchContext = {
    options,
    dataset: { seed, resources: resources.value, scenarios: scenarios.value, events: events.value },
    generationMs: { resources: resources.ms, scenarios: scenarios.ms, events: events.ms },
    workDir,
    benchDb() {
      if (!db) {
        db = new Database(join(workDir, 'bench.sqlite'));
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
      }
      return db;
    },
    newDataDir(label) {
      const dir = join(workDir, `data-${++dataDirs}-${label}`);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    iterations: (full, quick) => (options.quick ? quick : full),
    log,
  };
  return {
    ctx,
    dispose() {
      (db as Database.Database | null)?.close();
      if (options.keep) log(`kept ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    },
  };
}
