import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { createCore, type Core } from '../../electron/core/app-core';

export interface TempCore extends Core {
  /** Calls a channel and returns its value, failing the test with the Chinese message if it failed. */
  ok<C extends ChannelName>(channel: C, input?: ChannelInput<C>): ChannelOutput<C>;
  /** The same for the channels that answer with a promise (file builders). */
  okAsync<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel that must fail and returns its error. */
  fails(channel: ChannelName | (string & {}) | null | number, input?: unknown): Extract<Result<unknown>, { ok: false }>['error'];
  /** Every row of every table, to prove a refused call changed nothing. */
  snapshot(): string;
  remove(): void;
}

/** A real core on a real SQLite file in a fresh temp folder. */
export function tempCore(dataDir = mkdtempSync(join(tmpdir(), 'alliance-test-'))): TempCore {
  const core = createCore({ dataDir, appVersion: '0.0.0-test', logError: () => {} });
  return {
    ...core,
    // Read through: a restore replaces the core's database.
    get db() {
      return core.db;
    },
    ok(channel, input) {
      const result = core.dispatch(channel, input ?? {});
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async okAsync(channel, input) {
      const result = await core.dispatchAsync(channel, input ?? {});
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    fails(channel, input) {
      const result = core.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} should have failed but returned ${JSON.stringify(result.value).slice(0, 200)}`);
      return result.error;
    },
    snapshot() {
      // Real tables, FTS shadow tables included (virtual tables are read through them).
      const tables = core.db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all();
      return JSON.stringify(tables.map(({ name }) => [name, core.db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
    },
    remove() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A core already set up as the given zone (by code) and role. */
export function setUpCore(zoneCode = 'HRB', role: 'secretariat' | 'member' = 'secretariat', loadDemo = false): TempCore {
  const core = tempCore();
  const zone = core.ok('zones.list', { query: zoneCode }).find((z) => z.code === zoneCode);
  if (!zone) throw new Error(`no zone ${zoneCode}`);
  core.ok('settings.setup', { zoneId: zone.id, role, operatorName: '测试员', loadDemo });
  return core;
}
