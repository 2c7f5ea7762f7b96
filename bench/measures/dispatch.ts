import type { Result } from '../../shared/errors';
import { setUpBenchCore } from '../lib/bench-core';
import { sampleSync } from '../lib/timing';
import { latencyRow, type Measure, type Row } from './measure';

/** One call, its input, and the outcome that proves it did what the row claims. */
export interface DispatchCase {
  name: string;
  channel: string;
  input: unknown;
  /** Also timed over HTTP by the browser-host measure. */
  overHttp?: boolean;
  check(result: Result<unknown>): string;
}

const zoneCount = (result: Result<unknown>): string => {
  if (!result.ok) throw new Error(`expected zones, got ${result.error.code}`);
  const zones = result.value as Array<{ shortName: string }>;
  if (zones.length === 0) throw new Error('expected at least one zone');
  return zones.length === 1 ? `1 zone: ${zones[0]!.shortName}` : `${zones.length} zones`;
};

/** Shared with the HTTP measure: the same calls, in process and over the browser host. */
export const ZONE_LIST_CASES: readonly DispatchCase[] = [
  { name: 'zones.list, no query', channel: 'zones.list', input: {}, overHttp: true, check: zoneCount },
  { name: 'zones.list, query 沈阳', channel: 'zones.list', input: { query: '沈阳' }, check: zoneCount },
  { name: 'zones.list, pinyin initials heb', channel: 'zones.list', input: { query: 'heb' }, overHttp: true, check: zoneCount },
  { name: 'zones.list, full pinyin haerbin', channel: 'zones.list', input: { query: 'haerbin' }, check: zoneCount },
];

const VALIDATION_CASE: DispatchCase = {
  name: 'zones.create, invalid input (refused)',
  channel: 'zones.create',
  input: { code: '1', name: '', shortName: '', level: 'county', province: '', email: 'not-an-email' },
  check: (result) => {
    if (result.ok || result.error.code !== 'VALIDATION') throw new Error('expected a VALIDATION failure');
    return `VALIDATION, ${Object.keys(result.error.fields ?? {}).length} fields named`;
  },
};

/** (c) The contract dispatcher in process: channel check → zod → handler → envelope. */
export const dispatchMeasure: Measure = {
  name: 'dispatch',
  title: 'in-process dispatch',
  run(ctx) {
    const core = setUpBenchCore(ctx, 'dispatch');
    try {
      const options = { warmup: ctx.iterations(300, 50), iterations: ctx.iterations(3000, 300) };
      const rows: Row[] = [];
      for (const c of [...ZONE_LIST_CASES, VALIDATION_CASE]) {
        const detail = c.check(core.dispatch(c.channel, c.input));
        rows.push(latencyRow(c.name, sampleSync(() => core.dispatch(c.channel, c.input), options), detail));
      }
      return { rows };
    } finally {
      core.close();
    }
  },
};
