import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../../electron/host/server';
import type { Result } from '../../shared/errors';
import { setUpBenchCore } from '../lib/bench-core';
import { sampleAsync } from '../lib/timing';
import { ZONE_LIST_CASES } from './dispatch';
import { latencyRow, type Measure, type Row } from './measure';

/**
 * (d) The same zones.list calls through the browser-mode host: HTTP on 127.0.0.1 with the
 * per-run token, JSON both ways, keep-alive connection (as a browser tab would hold).
 */
export const httpHostMeasure: Measure = {
  name: 'http-host',
  title: 'browser host (HTTP)',
  async run(ctx) {
    const core = setUpBenchCore(ctx, 'http');
    const staticDir = join(ctx.workDir, 'static');
    mkdirSync(staticDir, { recursive: true });
    const host = await startHost({ dispatch: core.dispatchAsync, staticDir, port: 0 });
    try {
      const call = async (channel: string, input: unknown): Promise<Result<unknown>> => {
        const res = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${channel}`);
        return (await res.json()) as Result<unknown>;
      };
      const options = { warmup: ctx.iterations(100, 20), iterations: ctx.iterations(1000, 100) };
      const rows: Row[] = [];
      for (const c of ZONE_LIST_CASES.filter((c) => c.overHttp)) {
        const detail = c.check(await call(c.channel, c.input));
        rows.push(latencyRow(`POST /api/${c.name}`, await sampleAsync(() => call(c.channel, c.input), options), detail));
      }
      return { rows };
    } finally {
      await host.close();
      core.close();
    }
  },
};
