import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, DATABASE_FILE } from '../../electron/core/app-core';
import { timeSync } from '../lib/timing';
import { latencyRow, valueRow, type Measure } from './measure';

const APP_VERSION = '0.0.0-bench';

/**
 * (b) Start-up cost of the real core: createCore on an empty data dir (create the file,
 * migrate, seed the roster) and on an existing one (open, quick_check, no migration).
 * The very first open in the process is reported apart: it also pays for loading the
 * native module, as the app's first launch does.
 */
export const coldOpenMeasure: Measure = {
  name: 'cold-open',
  title: 'core open',
  run(ctx) {
    const first = timeSync(() => createCore({ dataDir: ctx.newDataDir('first'), appVersion: APP_VERSION, backups: 'off' }));
    const schemaVersion = Number(first.value.db.pragma('user_version', { simple: true }));
    const tables = first.value.db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    first.value.close();

    const rounds = ctx.iterations(10, 3);
    const fresh: number[] = [];
    const reopen: number[] = [];
    let fileBytes = 0;
    for (let i = 0; i < rounds; i++) {
      const dataDir = ctx.newDataDir('open');
      const created = timeSync(() => createCore({ dataDir, appVersion: APP_VERSION, backups: 'off' }));
      fresh.push(created.ms);
      created.value.close();
      fileBytes = statSync(join(dataDir, DATABASE_FILE)).size;
      const reopened = timeSync(() => createCore({ dataDir, appVersion: APP_VERSION, backups: 'off' }));
      reopen.push(reopened.ms);
      reopened.value.close();
    }
    return {
      rows: [
        latencyRow('createCore, first in process', [first.ms], `schema v${schemaVersion}, ${tables.length} tables`),
        latencyRow('createCore, new data dir (migrate + seed)', fresh),
        latencyRow('createCore, reopen existing data dir', reopen),
        valueRow('database file after seeding', fileBytes / 1024, 'KiB', 'main file; WAL checkpointed on close'),
      ],
      details: { schemaVersion, tables },
    };
  },
};
