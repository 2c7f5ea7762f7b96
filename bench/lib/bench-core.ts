import { createCore, type Core } from '../../electron/core/app-core';
import type { Zone } from '../../shared/domain/zone';
import type { BenchContext } from './context';

/**
 * A real core in a fresh data dir, set up as the secretariat (Harbin) the way the first-run
 * wizard does it, so every dispatch pays for the identity lookup a real installation pays for.
 */
export function setUpBenchCore(ctx: BenchContext, label: string): Core {
  const core = createCore({ dataDir: ctx.newDataDir(label), appVersion: '0.0.0-bench', logError: () => {}, backups: 'off' });
  const zones = expectOk<Zone[]>(core.dispatch('zones.list', {}), 'zones.list');
  const secretariat = zones.find((zone) => zone.role === 'secretariat');
  if (!secretariat) throw new Error('the seeded roster has no secretariat');
  expectOk(core.dispatch('settings.setup', { zoneId: secretariat.id, role: 'secretariat', operatorName: '基准测试' }), 'settings.setup');
  return core;
}

export function expectOk<T>(result: ReturnType<Core['dispatch']>, channel: string): T {
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
