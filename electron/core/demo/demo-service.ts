import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { DemoSummary } from '../../../shared/domain/demo';
import { writeAudit } from '../audit';
import type { Actor } from '../records';
import { readInstallation } from '../settings/settings-service';
import type { DemoContributor } from './demo-contributor';
import { demoRequests } from './demo-requests';
import { demoResources } from './demo-resources';
import { demoEvents } from './demo-events';
import { demoIndicators } from './demo-indicators';
import { demoScenarios } from './demo-scenarios';
import { demoZones } from './demo-zones';

/** Modules in dependency order: later ones may refer to earlier ones, so removal runs backwards. */
const CONTRIBUTORS: readonly DemoContributor[] = [demoZones, demoResources, demoRequests, demoScenarios, demoEvents, demoIndicators];

export function isDemoLoaded(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM zones WHERE is_demo = 1 LIMIT 1').get() !== undefined;
}

export function loadDemo(db: Database.Database, actor: Actor): DemoSummary {
  return db.transaction(() => {
    if (isDemoLoaded(db)) throw new AppError('CONFLICT', '示例数据已加载。如需重新加载，请先移除。');
    // Demo records are added under the secretariat's authority whatever this installation's role.
    const demoActor: Actor = { ...actor, role: 'secretariat' };
    const counts: Record<string, number> = {};
    for (const c of CONTRIBUTORS) counts[c.entity] = c.load(db, demoActor);
    writeAudit(db, actor, 'demo', 'demo', 'create', null, counts);
    return { counts };
  })();
}

export function removeDemo(db: Database.Database, actor: Actor): DemoSummary {
  return db.transaction(() => {
    const installation = readInstallation(db);
    const own = installation && db.prepare<[string], { is_demo: number }>('SELECT is_demo FROM zones WHERE id = ?').get(installation.zoneId);
    if (own?.is_demo === 1) throw new AppError('CONFLICT', '本机所属高新区是示例数据，不能移除示例数据。请先在「设置」中改为真实的高新区。');
    const counts: Record<string, number> = {};
    for (const c of [...CONTRIBUTORS].reverse()) counts[c.entity] = c.remove(db);
    writeAudit(db, actor, 'demo', 'demo', 'delete', null, counts);
    return { counts };
  })();
}
