import type Database from 'better-sqlite3';
import type { Actor } from '../records';
import { listIndicatorDefs, saveIndicatorValues } from '../indicators/indicator-service';
import type { DemoContributor } from './demo-contributor';

/**
 * Zone indicators for 2023 and 2024 across the national zones, labelled 示例数据. Their 2024
 * regional totals equal the published ones (../shared/data/regional-indicators-2024.csv:
 * 营业收入 3.1 万亿元 +8.8%, 工业总产值 2.5 万亿元 +24.1%, 工商注册企业 38.2 万家 +8.9%,
 * 高新技术企业 8865 家 +3.9%); the split between zones is made up (weights below).
 */
const REGIONAL_2024: Record<string, { total: number; growthPct: number; decimals: number }> = {
  revenue: { total: 31000, growthPct: 8.8, decimals: 2 },
  output: { total: 25000, growthPct: 24.1, decimals: 2 },
  enterprises: { total: 382000, growthPct: 8.9, decimals: 0 },
  hightech: { total: 8865, growthPct: 3.9, decimals: 0 },
  incubators: { total: 312, growthPct: 6.1, decimals: 0 },
};

/** Rough relative size of each zone (the big four lead); deterministic. */
const WEIGHTS: Record<string, number> = { SY: 14, DL: 16, CC: 15, HRB: 13, JY: 5, DQ: 7, JL: 4, BT: 5, AS: 3, YK: 2, LY: 1.5, BX: 1.5, FX: 1, JZ: 1.5, YJ: 1, TH: 1.5, QQHR: 2, HHHT: 3, ORDOS: 2.5 };

/** Splits `total` by `weights` into values with `decimals` places that add up to it exactly. */
function split(total: number, weights: readonly number[], decimals: number): number[] {
  const unit = 10 ** decimals;
  const units = Math.round(total * unit);
  const sum = weights.reduce((s, w) => s + w, 0);
  const parts = weights.map((w) => Math.floor((units * w) / sum));
  parts[0]! += units - parts.reduce((s, p) => s + p, 0);
  return parts.map((p) => p / unit);
}

export const demoIndicators: DemoContributor = {
  entity: 'indicator_values',
  load(db: Database.Database, actor: Actor): number {
    const zones = db.prepare<[], { id: string; code: string }>("SELECT id, code FROM zones WHERE deleted_at IS NULL AND is_demo = 0 AND level = 'national' ORDER BY code").all().filter((z) => WEIGHTS[z.code] !== undefined);
    const defs = new Map(listIndicatorDefs(db, true).map((d) => [d.code, d.id]));
    const values: Record<number, Record<string, Record<string, number>>> = { 2023: {}, 2024: {} };
    for (const [code, spec] of Object.entries(REGIONAL_2024)) {
      const id = defs.get(code);
      if (!id) continue;
      const now = split(spec.total, zones.map((z) => WEIGHTS[z.code]!), spec.decimals);
      // Last year's zones grew unevenly (the weights tilt a little), but the region grew exactly as published.
      const previousTotal = Math.round((spec.total / (1 + spec.growthPct / 100)) * 10 ** spec.decimals) / 10 ** spec.decimals;
      const before = split(previousTotal, zones.map((z, k) => WEIGHTS[z.code]! * (1 + ((k % 5) - 2) / 40)), spec.decimals);
      zones.forEach((z, k) => {
        (values[2024]![z.id] ??= {})[id] = now[k]!;
        (values[2023]![z.id] ??= {})[id] = before[k]!;
      });
    }
    let count = 0;
    for (const [year, byZone] of Object.entries(values)) {
      for (const [zoneId, v] of Object.entries(byZone)) {
        saveIndicatorValues(db, actor, { zoneId, year: Number(year), values: v }, { isDemo: true });
        count += Object.keys(v).length;
      }
    }
    return count;
  },
  remove(db: Database.Database): number {
    return db.prepare('DELETE FROM indicator_values WHERE is_demo = 1').run().changes;
  },
};
