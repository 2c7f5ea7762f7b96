import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenBackups, inspect, ROOT, rng, runChild } from '../helpers/kill-child';
import { instrumentInput } from '../helpers/resources';
import { setUpCore } from '../helpers/temp-core';

/**
 * SIGKILL at random moments while an exchange package is applied and while backups are written:
 * each time the database passes integrity_check, holds all or none of the package, and every
 * backup already there still verifies.
 */

const CHILD = join(ROOT, 'tests', 'fixtures', 'faults', 'fault-child.ts');
const RECORDS = Number(process.env.FAULT_RECORDS ?? 800);
const KILLS = Number(process.env.FAULT_KILLS ?? 4);

describe('killing the app', () => {
  let dir: string;
  let base: string;
  let pkg: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'alliance-faults-'));
    base = join(dir, 'base');
    const member = setUpCore('DQ', 'member');
    const secretariat = setUpCore('HRB', 'secretariat');
    try {
      // The secretariat knows 大庆's key already (one small package), then a big one is on its way.
      member.ok('resources.create', instrumentInput(member, { title: '第一台' }));
      const first = member.ok('exchange.export', {});
      secretariat.ok('exchange.apply', { fileName: first.fileName, dataBase64: first.dataBase64 });
      for (let i = 0; i < RECORDS; i++) member.ok('resources.create', instrumentInput(member, { title: `批量仪器 ${i}`, description: `第 ${i} 台，用于故障测试`.repeat(5) }));
      const big = member.ok('exchange.export', {});
      pkg = join(dir, 'big.alliance');
      writeFileSync(pkg, Buffer.from(big.dataBase64, 'base64'));
      secretariat.ok('backups.create', {});
      cpSync(secretariat.dataDir, base, { recursive: true });
    } finally {
      member.remove();
      secretariat.remove();
    }
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh copy of the prepared installation for one run. */
  const copy = (name: string) => {
    const target = join(dir, name);
    cpSync(base, target, { recursive: true });
    return target;
  };

  it(`while it applies a ${RECORDS}-record exchange package: the database holds all or none of it, ${KILLS} times over`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const random = rng(seed);
    const before = inspect(base).count;
    const calibration = await runChild(CHILD, ['exchange', copy('calibration'), pkg]);
    expect(calibration.output, calibration.output).toContain('done');
    const outcomes: string[] = [];
    for (let i = 1; i <= KILLS; i++) {
      const dataDir = copy(`exchange-${i}`);
      const killAfter = Math.round(((i - 1 + random()) / KILLS) * calibration.ranMs);
      const run = await runChild(CHILD, ['exchange', dataDir, pkg], killAfter);
      const after = inspect(dataDir);
      outcomes.push(`${killAfter} ms: ${run.killed ? 'killed' : 'finished'}, ${after.count - before} added`);
      const context = `seed ${seed}\n${outcomes.join('\n')}\n${run.output}`;
      expect(after.integrity, context).toBe('ok');
      expect([before, before + RECORDS], context).toContain(after.count);
      expect(brokenBackups(dataDir), context).toEqual([]);
    }
    expect(outcomes.filter((o) => o.includes('killed')).length, outcomes.join('\n')).toBeGreaterThanOrEqual(1);
  }, 600_000);

  it(`while it writes backups: the database and every finished backup stay good, ${KILLS} times over`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const random = rng(seed);
    const calibration = await runChild(CHILD, ['backup', copy('backup-calibration')]);
    expect(calibration.output, calibration.output).toContain('done');
    for (let i = 1; i <= KILLS; i++) {
      const dataDir = copy(`backup-${i}`);
      const killAfter = Math.round(random() * calibration.ranMs);
      const run = await runChild(CHILD, ['backup', dataDir], killAfter);
      const context = `seed ${seed}, run ${i}, killed after ${killAfter} ms (${run.killed ? 'killed' : 'finished'})\n${run.output}`;
      expect(inspect(dataDir).integrity, context).toBe('ok');
      expect(brokenBackups(dataDir), context).toEqual([]);
    }
  }, 600_000);
});
