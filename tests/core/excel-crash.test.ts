import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenBackups, inspect, ROOT, rng, runChild } from '../helpers/kill-child';
import { instrumentCsv } from '../helpers/resource-csv';
import { tempCore } from '../helpers/temp-core';

const CHILD = join(ROOT, 'tests', 'fixtures', 'excel', 'import-child.ts');
// 1–4 minutes on 2 cores at the defaults (the services take 2–4 ms a row); smaller for a quick run.
const BATCH = Number(process.env.EXCEL_CRASH_BATCH ?? 1000);
const KILLS = Number(process.env.EXCEL_CRASH_KILLS ?? 10);

const batchCsv = (batch: number) => instrumentCsv(BATCH, batch);

describe('killing the app in the middle of an import', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'alliance-excel-crash-'));
    dataDir = join(dir, 'data');
    const core = tempCore(dataDir);
    const zone = core.ok('zones.list', { query: 'HRB' }).find((z) => z.code === 'HRB')!;
    core.ok('settings.setup', { zoneId: zone.id, role: 'secretariat', operatorName: '测试员' });
    core.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`leaves the database intact, holding all or none of each ${BATCH}-row batch, ${KILLS} times over`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const random = rng(seed);
    const first = join(dir, 'batch-0.csv');
    writeFileSync(first, batchCsv(0));
    // Two undisturbed runs: the first warms tsx's compile cache for the child and its worker (slow once),
    // the second says how long an import takes here.
    const warmUp = await runChild(CHILD, [dataDir, first]);
    expect(warmUp.output, warmUp.output).toContain(`done ${BATCH}`);
    expect(inspect(dataDir)).toEqual({ integrity: 'ok', count: BATCH });
    const second = join(dir, 'batch-0b.csv');
    writeFileSync(second, batchCsv(100));
    const calibration = await runChild(CHILD, [dataDir, second]);
    expect(calibration.output, calibration.output).toContain(`done ${BATCH}`);
    expect(inspect(dataDir)).toEqual({ integrity: 'ok', count: 2 * BATCH });

    const outcomes: string[] = [];
    // An import that finishes before its kill shows the machine got faster (load changes): aim by the fastest seen.
    let importMs = calibration.ranMs;
    for (let i = 1; i <= KILLS; i++) {
      const file = join(dir, `batch-${i}.csv`);
      writeFileSync(file, batchCsv(i));
      const before = inspect(dataDir).count;
      // Spread over the whole import, parse and commit alike: slot i of KILLS, at a random point in it.
      const killAfter = Math.round(((i - 1 + random()) / KILLS) * importMs);
      const run = await runChild(CHILD, [dataDir, file], killAfter);
      if (!run.killed) importMs = Math.min(importMs, run.ranMs);
      const after = inspect(dataDir);
      outcomes.push(`${killAfter} ms: ${run.killed ? 'killed' : 'finished'}, ${after.count - before} added`);
      const context = `seed ${seed}, run ${i}, killed after ${killAfter} ms\n${outcomes.join('\n')}\n${run.output}`;
      expect(after.integrity, context).toBe('ok');
      expect([before, before + BATCH], context).toContain(after.count);
      if (!run.killed) expect(after.count, context).toBe(before + BATCH);
      // The backup made before each import may be cut short too: the ones already there stay good.
      expect(brokenBackups(dataDir), context).toEqual([]);
    }
    // Most kills must have landed before the commit finished, or the test proved little.
    expect(outcomes.filter((o) => o.includes('killed, 0 added')).length, outcomes.join('\n')).toBeGreaterThanOrEqual(KILLS / 2);
    console.log(`crash test (seed ${seed}, import ${Math.round(calibration.ranMs)} ms, fastest ${Math.round(importMs)} ms):\n${outcomes.join('\n')}`);
    // And the app opens the file afterwards as usual.
    const core = tempCore(dataDir);
    const count = inspect(dataDir).count;
    expect(core.ok('resources.search', {}).total).toBe(count);
    // The text index holds exactly the committed rows: it is written inside the import's transaction.
    expect(core.db.prepare('SELECT count(*) FROM resource_haystack').pluck().get()).toBe(count);
    expect(core.ok('resources.search', { query: '批导入' }).total).toBe(count);
    core.close();
  }, 600_000);
});
