import type { BenchContext } from '../lib/context';
import { latencyStats, round } from '../lib/stats';

/**
 * One line of results. Latency rows carry n/p50/p95/p99 (ms); throughput and count rows
 * carry `value` + `unit`. `case` is stable across runs so two JSON outputs can be diffed.
 */
export interface Row {
  case: string;
  n?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  value?: number;
  unit?: string;
  /** A short human note for the table (matched rows, sanity checks…). */
  detail?: string;
}

export interface MeasureOutput {
  rows: Row[];
  /** Anything else worth keeping in the JSON (full breakdowns); never printed in the table. */
  details?: Record<string, unknown>;
}

/**
 * A measurement module. Later issues add one file per feature (search engine, resource
 * writes, Excel import…) to bench/measures/ and list it in bench/measures/index.ts.
 */
export interface Measure {
  /** Stable id, used by `--only` and as the JSON key. */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<MeasureOutput> | MeasureOutput;
}

export function latencyRow(name: string, samples: readonly number[], detail?: string): Row {
  const stats = latencyStats(samples);
  return { case: name, n: stats.n, p50: stats.p50, p95: stats.p95, p99: stats.p99, ...(detail ? { detail } : {}) };
}

export function valueRow(name: string, value: number, unit: string, detail?: string): Row {
  return { case: name, value: round(value, value >= 100 ? 0 : 2), unit, ...(detail ? { detail } : {}) };
}
