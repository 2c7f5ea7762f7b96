import { performance } from 'node:perf_hooks';
import { writeDataset } from './generate/write-dataset';
import { createContext } from './lib/context';
import { describeMachine } from './lib/machine';
import { parseOptions, USAGE, type BenchOptions } from './lib/options';
import { renderTable } from './lib/table';
import { MEASURES } from './measures';
import type { MeasureOutput, Row } from './measures/measure';

interface MeasureResult {
  measure: string;
  title: string;
  tookMs: number;
  rows: Row[];
  details?: Record<string, unknown>;
  error?: string;
}

/**
 * `npm run bench [-- options]`: generate the dataset, run every measure against the real core
 * and bench-only scratch files, print a table for people and, as the last line, one JSON
 * object for machines (`npm run bench --silent | tail -n 1`).
 */
async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const options: BenchOptions = parsed;
  const selected = selectMeasures(options.only);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const { ctx, dispose } = createContext(options);
  const results: MeasureResult[] = [];
  try {
    if (options.out) {
      const format = writeDataset(ctx.dataset, options.out);
      ctx.log(`dataset written to ${options.out} (${format})`);
    }
    for (const measure of selected) {
      ctx.log(`${measure.name}…`);
      const t = performance.now();
      try {
        const output: MeasureOutput = await measure.run(ctx);
        results.push({ measure: measure.name, title: measure.title, tookMs: Math.round(performance.now() - t), ...output });
      } catch (error) {
        // One broken measure must not hide the others' numbers.
        const message = error instanceof Error ? error.message : String(error);
        ctx.log(`${measure.name} FAILED: ${error instanceof Error ? (error.stack ?? message) : message}`);
        results.push({ measure: measure.name, title: measure.title, tookMs: Math.round(performance.now() - t), rows: [], error: message });
      }
    }
  } finally {
    dispose();
  }
  const tookMs = Math.round(performance.now() - started);
  const report = {
    bench: 'alliance-workspace',
    format: 1,
    startedAt,
    tookMs,
    machine,
    options: { seed: options.seed, quick: options.quick, only: options.only },
    dataset: options.sizes,
    results,
  };
  console.log(`\nAlliance Workspace bench · ${machine.cpus}× ${machine.cpuModel} · Node ${machine.node} · SQLite ${machine.sqlite}`);
  console.log(`dataset: ${options.sizes.resources} resources, ${options.sizes.scenarios} scenarios, ${options.sizes.events} events · seed ${options.seed}${options.quick ? ' · quick' : ''} · ${(tookMs / 1000).toFixed(1)} s\n`);
  console.log(renderTable(results.map((r) => ({ measure: r.measure, rows: r.rows, ...(r.error ? { error: r.error } : {}) }))));
  console.log('');
  console.log(JSON.stringify(report));
  return results.some((r) => r.error) ? 1 : 0;
}

function selectMeasures(only: readonly string[]) {
  if (only.length === 0) return MEASURES;
  const unknown = only.filter((name) => !MEASURES.some((m) => m.name === name));
  if (unknown.length > 0) throw new Error(`未知的测量：${unknown.join(', ')}（可选：${MEASURES.map((m) => m.name).join(', ')}）`);
  return MEASURES.filter((m) => only.includes(m.name));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
