import type Database from 'better-sqlite3';
import type { AnnualReport } from '../../../shared/domain/plan';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import { indicatorTable } from '../indicators/indicator-service';
import type { Actor } from '../records';
import { dashboard } from './dashboard';
import { figureRecords } from './plan-progress';
import { listWorkItems } from './plan-service';

/** Everything the year's work report says — the same figures the dashboard shows. */
export function annualReport(db: Database.Database, actor: Actor, year: number): AnnualReport {
  return {
    year,
    title: `东北地区国家高新区协同创新联盟 ${year} 年度“1+X+N”工作报告`,
    generatedAt: toShanghaiIso(Date.now()),
    dashboard: dashboard(db, actor, year),
    // The report looks back on the year just as it was reported: indicators of the year.
    indicators: indicatorTable(db, year),
    eventsHeld: figureRecords(db, { year, metric: 'eventsHeld' }),
    listingsMatched: figureRecords(db, { year, metric: 'listingsMatched' }),
    resourcesShared: figureRecords(db, { year, metric: 'resourcesShared' }),
    workItems: listWorkItems(db, year),
    typeNames: Object.fromEntries(db.prepare<[], [string, string]>('SELECT id, name FROM event_types').raw().all()),
    zoneNames: Object.fromEntries(db.prepare<[], [string, string]>('SELECT id, short_name FROM zones').raw().all()),
  };
}
