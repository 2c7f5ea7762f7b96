import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { growthPct, type IndicatorDef, type IndicatorDefSaveInput, type IndicatorTable, type IndicatorValuesSaveInput, type ZoneIndicatorRow } from '../../../shared/domain/indicators';
import { writeAudit } from '../audit';
import { getCategoryRow, listCategoryRows, saveCategoryRow, type CategoryTable } from '../categories/category-table';
import { nowIso, type Actor } from '../records';

type DefInput = z.output<typeof IndicatorDefSaveInput>;

const INDICATORS: CategoryTable<IndicatorDef, DefInput> = {
  table: 'indicator_defs',
  entity: 'indicator_def',
  noun: '发展指标',
  ownColumns: (input) => ({ unit: input.unit }),
  ownFields: (row) => ({ unit: row.unit as string }),
};

export const listIndicatorDefs = (db: Database.Database, includeInactive: boolean): IndicatorDef[] => listCategoryRows(db, INDICATORS, includeInactive);
export const saveIndicatorDef = (db: Database.Database, actor: Actor, input: DefInput): IndicatorDef => saveCategoryRow(db, actor, INDICATORS, input);

/**
 * The year's table: every active zone with its values, last year's, growth and rank per
 * indicator, and the regional totals with their growth. Totals compare like with like:
 * last year's total counts only the zones that reported this year too.
 */
export function indicatorTable(db: Database.Database, year: number): IndicatorTable {
  const indicators = listIndicatorDefs(db, false);
  const zones = db.prepare<[], { id: string; short_name: string; province: string }>('SELECT id, short_name, province FROM zones WHERE deleted_at IS NULL AND active = 1 ORDER BY province, code').all();
  const values = db
    .prepare<[number, number], { zone_id: string; year: number; indicator_id: string; value: number; is_demo: number }>('SELECT zone_id, year, indicator_id, value, is_demo FROM indicator_values WHERE year IN (?, ?)')
    .all(year, year - 1);
  const at = (zoneId: string, y: number, id: string) => values.find((v) => v.zone_id === zoneId && v.year === y && v.indicator_id === id)?.value ?? null;
  const rows: ZoneIndicatorRow[] = zones.map((z) => {
    const current = Object.fromEntries(indicators.map((i) => [i.id, at(z.id, year, i.id)]));
    const previous = Object.fromEntries(indicators.map((i) => [i.id, at(z.id, year - 1, i.id)]));
    return {
      zoneId: z.id,
      zoneName: z.short_name,
      province: z.province,
      values: current,
      previous,
      growth: Object.fromEntries(indicators.map((i) => [i.id, growthPct(current[i.id], previous[i.id])])),
      rank: {},
      isDemo: values.some((v) => v.zone_id === z.id && v.is_demo === 1),
    };
  });
  for (const i of indicators) {
    const ranked = rows.filter((r) => r.values[i.id] !== null).sort((a, b) => (b.values[i.id] as number) - (a.values[i.id] as number));
    for (const r of rows) r.rank[i.id] = null;
    let rank = 0;
    let last: number | null = null;
    ranked.forEach((r, k) => {
      if (r.values[i.id] !== last) rank = k + 1;
      last = r.values[i.id] as number;
      r.rank[i.id] = rank;
    });
  }
  const totals = indicators.map((i) => {
    const reporting = rows.filter((r) => r.values[i.id] !== null);
    const total = round(reporting.reduce((s, r) => s + (r.values[i.id] as number), 0));
    const previousTotal = round(reporting.reduce((s, r) => s + (r.previous[i.id] ?? 0), 0));
    const comparable = reporting.every((r) => r.previous[i.id] !== null);
    return { indicatorId: i.id, total, previousTotal, growth: comparable ? growthPct(total, previousTotal) : null, reporting: reporting.length };
  });
  return { year, indicators, zones: rows, totals, hasDemo: values.some((v) => v.is_demo === 1 && v.year === year) };
}

/** A zone's values for a year; members enter their own zone's, the secretariat any zone's. */
export function saveIndicatorValues(db: Database.Database, actor: Actor, input: z.output<typeof IndicatorValuesSaveInput>, options: { isDemo?: boolean } = {}): IndicatorTable {
  if (actor.role !== 'secretariat' && actor.zoneId !== input.zoneId) throw new AppError('FORBIDDEN', '成员单位只能填报本高新区的发展指标。');
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM zones WHERE id = ? AND deleted_at IS NULL').get(input.zoneId)) throw new AppError('VALIDATION', '高新区：找不到。', { zoneId: '找不到' });
    const known = new Set(listIndicatorDefs(db, true).map((i) => i.id));
    const unknown = Object.keys(input.values).filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError('VALIDATION', '指标值：含有未知的指标。', { values: '含有未知的指标' });
    const upsert = db.prepare(
      `INSERT INTO indicator_values (zone_id, year, indicator_id, value, is_demo, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (zone_id, year, indicator_id) DO UPDATE SET value = excluded.value, is_demo = excluded.is_demo, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    const remove = db.prepare('DELETE FROM indicator_values WHERE zone_id = ? AND year = ? AND indicator_id = ?');
    const at = nowIso();
    for (const [id, value] of Object.entries(input.values)) {
      if (value === null) remove.run(input.zoneId, input.year, id);
      else upsert.run(input.zoneId, input.year, id, value, options.isDemo ? 1 : 0, at, actor.label);
    }
    writeAudit(db, actor, 'indicator_values', `${input.zoneId}:${input.year}`, 'update', null, input.values);
    return indicatorTable(db, input.year);
  })();
}

export const getIndicatorDef = (db: Database.Database, id: string): IndicatorDef => getCategoryRow(db, INDICATORS, id);

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
