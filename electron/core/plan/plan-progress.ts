import type Database from 'better-sqlite3';
import { PLAN_METRICS, type Figure, type MetricProgress, type MetricRecord, type PlanMetric, type PlanProgress, type PlanTarget } from '../../../shared/domain/plan';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import { distinctByKey, metricRows, quarterOf, type CountedRow } from './metric-records';
import { readTargets } from './plan-service';

/**
 * Progress against the year's targets, computed from the records on every call — a published
 * resource, a matched listing, a held event count as soon as they happen; nothing is typed in.
 */
export function planProgress(db: Database.Database, year: number): PlanProgress {
  const targets = readTargets(db, year);
  return {
    year,
    metrics: PLAN_METRICS.map((metric) => metricProgress(metric, metricRows(db, year, metric), targets)),
    asOf: toShanghaiIso(Date.now()),
  };
}

function metricProgress(metric: PlanMetric, rows: readonly CountedRow[], targets: readonly PlanTarget[]): MetricProgress {
  const targetOf = (zoneId: string, typeId: string, quarter: number) =>
    targets.find((t) => t.metric === metric && t.zoneId === zoneId && t.typeId === typeId && t.quarter === quarter)?.target ?? null;
  const count = (subset: readonly CountedRow[]) => new Set(subset.map((r) => r.key)).size;
  const figure = (subset: readonly CountedRow[], zoneId: string, typeId: string, quarter: number): Figure => ({ actual: count(subset), target: targetOf(zoneId, typeId, quarter) });
  const zones = new Set([...rows.map((r) => r.zoneId), ...targets.filter((t) => t.metric === metric && t.zoneId).map((t) => t.zoneId)]);
  const types = new Set([...rows.flatMap((r) => (r.typeId ? [r.typeId] : [])), ...targets.filter((t) => t.metric === metric && t.typeId).map((t) => t.typeId)]);
  return {
    metric,
    total: figure(rows, '', '', 0),
    byQuarter: [1, 2, 3, 4].map((q) => figure(rows.filter((r) => quarterOf(r.date) === q), '', '', q)),
    byZone: Object.fromEntries([...zones].map((z) => [z, figure(rows.filter((r) => r.zoneId === z), z, '', 0)])),
    byType: Object.fromEntries([...types].map((t) => [t, figure(rows.filter((r) => r.typeId === t), '', t, 0)])),
  };
}

/** The records behind one figure: the same rows the figure counted, one per counted key. */
export function figureRecords(db: Database.Database, input: { year: number; metric: PlanMetric; zoneId?: string | undefined; typeId?: string | undefined; quarter?: number | undefined }): MetricRecord[] {
  const rows = metricRows(db, input.year, input.metric).filter(
    (r) => (!input.zoneId || r.zoneId === input.zoneId) && (!input.typeId || r.typeId === input.typeId) && (!input.quarter || quarterOf(r.date) === input.quarter),
  );
  return distinctByKey(rows).map(({ key: _key, ...record }) => record);
}
