import type Database from 'better-sqlite3';
import type { MetricRecord, PlanMetric } from '../../../shared/domain/plan';
import { shanghaiDateOf } from '../../../shared/shanghai-date';

/**
 * The records behind each plan metric for a year — the one source of every progress figure
 * and of the list a click on a figure opens. A metric counts distinct `key`s: usually the
 * record itself; for 实现共享的资源 the resource (one row per completed request); for
 * 开放场景类别 the category (one row per listing). Years are Asia/Shanghai calendar years.
 */
export interface CountedRow extends MetricRecord {
  key: string;
}

/** A Shanghai calendar year as bounds on stored times (UTC ISO stamps, or +08:00 wall times). */
function yearBounds(year: number) {
  return {
    utcFrom: new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000).toISOString(),
    utcTo: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000).toISOString(),
    localFrom: `${year}-01-01T00:00:00+08:00`,
    localTo: `${year + 1}-01-01T00:00:00+08:00`,
  };
}

interface Raw {
  key: string;
  id: string;
  title: string;
  zone_id: string;
  zone_name: string;
  at: string;
  type_id?: string;
}

const QUERIES: Record<PlanMetric, { kind: MetricRecord['kind']; sql: string; local?: boolean }> = {
  resourcesRegistered: {
    kind: 'resource',
    sql: `SELECT r.id AS key, r.id, r.title, r.owner_zone_id AS zone_id, z.short_name AS zone_name, r.published_at AS at
          FROM resources r JOIN zones z ON z.id = r.owner_zone_id
          WHERE r.deleted_at IS NULL AND r.status = 'published' AND r.published_at >= @from AND r.published_at < @to`,
  },
  requestsServed: {
    kind: 'request',
    sql: `SELECT q.id AS key, q.id, r.title || '（' || q.organisation || '）' AS title, r.owner_zone_id AS zone_id, z.short_name AS zone_name, q.updated_at AS at
          FROM sharing_requests q JOIN resources r ON r.id = q.resource_id JOIN zones z ON z.id = r.owner_zone_id
          WHERE q.deleted_at IS NULL AND q.status = 'completed' AND q.updated_at >= @from AND q.updated_at < @to`,
  },
  resourcesShared: {
    kind: 'resource',
    sql: `SELECT r.id AS key, r.id, r.title, r.owner_zone_id AS zone_id, z.short_name AS zone_name, q.updated_at AS at
          FROM sharing_requests q JOIN resources r ON r.id = q.resource_id JOIN zones z ON z.id = r.owner_zone_id
          WHERE q.deleted_at IS NULL AND q.status = 'completed' AND q.updated_at >= @from AND q.updated_at < @to`,
  },
  listingsPublished: {
    kind: 'scenario',
    sql: `SELECT s.id AS key, s.id, s.title, s.owner_zone_id AS zone_id, z.short_name AS zone_name, s.published_at AS at
          FROM scenarios s JOIN zones z ON z.id = s.owner_zone_id
          WHERE s.deleted_at IS NULL AND s.status NOT IN ('draft', 'cancelled') AND s.published_at >= @from AND s.published_at < @to`,
  },
  categoriesOpened: {
    kind: 'category',
    sql: `SELECT c.id AS key, c.id, c.name AS title, s.owner_zone_id AS zone_id, z.short_name AS zone_name, s.published_at AS at
          FROM scenarios s JOIN scenario_categories c ON c.id = s.category_id JOIN zones z ON z.id = s.owner_zone_id
          WHERE s.deleted_at IS NULL AND s.status NOT IN ('draft', 'cancelled') AND s.published_at >= @from AND s.published_at < @to`,
  },
  listingsMatched: {
    kind: 'scenario',
    sql: `SELECT s.id AS key, s.id, s.title, s.owner_zone_id AS zone_id, z.short_name AS zone_name, s.matched_at AS at
          FROM scenarios s JOIN zones z ON z.id = s.owner_zone_id
          WHERE s.deleted_at IS NULL AND s.status IN ('matched', 'implementing', 'accepted') AND s.matched_at >= @from AND s.matched_at < @to`,
  },
  eventsHeld: {
    kind: 'event',
    local: true,
    sql: `SELECT e.id AS key, e.id, e.title, e.owner_zone_id AS zone_id, z.short_name AS zone_name, e.start_at AS at, e.type_id
          FROM events e JOIN zones z ON z.id = e.owner_zone_id
          WHERE e.deleted_at IS NULL AND e.status IN ('held', 'summarised') AND e.start_at >= @from AND e.start_at < @to`,
  },
};

/** Every counted row of a metric in a year, ordered by date. */
export function metricRows(db: Database.Database, year: number, metric: PlanMetric): CountedRow[] {
  const q = QUERIES[metric];
  const b = yearBounds(year);
  const rows = db.prepare<{ from: string; to: string }, Raw>(`SELECT * FROM (${q.sql}) ORDER BY at, id`).all(q.local ? { from: b.localFrom, to: b.localTo } : { from: b.utcFrom, to: b.utcTo });
  return rows.map((r) => ({
    key: r.key,
    kind: q.kind,
    id: r.id,
    title: r.title,
    zoneId: r.zone_id,
    zoneName: r.zone_name,
    date: q.local ? r.at.slice(0, 10) : shanghaiDateOf(r.at),
    ...(r.type_id ? { typeId: r.type_id } : {}),
  }));
}

/** The quarter (1–4) of a YYYY-MM-DD date. */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** Distinct keys, first row of each kept: the records a figure stands for. */
export function distinctByKey(rows: readonly CountedRow[]): CountedRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
}
