import { z } from 'zod';
import { recordId, requiredText, versionNumber } from '../validation';
import type { RecordMeta } from './record';

/** Zone development indicators (高新区发展指标): a configurable list, values per zone and year. */
export interface IndicatorDef extends RecordMeta {
  code: string;
  name: string;
  unit: string;
  sortOrder: number;
  active: boolean;
}

export const INDICATOR_LABELS: Record<string, string> = {
  code: '指标代码',
  name: '指标名称',
  unit: '单位',
  sortOrder: '排序',
  active: '启用',
  includeInactive: '包含停用',
  zoneId: '高新区',
  year: '年度',
  values: '指标值',
};

export const IndicatorDefSaveInput = z.strictObject({
  id: recordId.optional(),
  version: versionNumber.optional(),
  code: z.string({ error: '必填' }).trim().regex(/^[a-z][a-z0-9_-]{1,31}$/, { error: '应为 2–32 位小写字母、数字、- 或 _，以字母开头' }),
  name: requiredText(30),
  unit: z.string({ error: '必须是文字' }).trim().max(10, { error: '不能超过 10 个字' }).default(''),
  sortOrder: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(0, { error: '不能为负数' }).max(100_000, { error: '数值过大' }).default(100),
  active: z.boolean({ error: '应为 是 或 否' }).default(true),
});

const year = z.number({ error: '必须是数字' }).int({ error: '应为年份' }).min(2000, { error: '年份应在 2000–2100 之间' }).max(2100, { error: '年份应在 2000–2100 之间' });

export const IndicatorYearInput = z.strictObject({ year });

/** One zone's values for a year: indicator id → value (null clears it). */
export const IndicatorValuesSaveInput = z.strictObject({
  zoneId: recordId,
  year,
  values: z.record(
    recordId,
    z.number({ error: '必须是数字' }).min(0, { error: '不能为负数' }).max(1e9, { error: '数值过大' }).nullable(),
    { error: '指标值格式不正确' },
  ),
});

export interface ZoneIndicatorRow {
  zoneId: string;
  zoneName: string;
  province: string;
  /** indicator id → value this year / last year (null: not entered). */
  values: Record<string, number | null>;
  previous: Record<string, number | null>;
  /** Year-on-year growth in percent, one decimal; null without both years. */
  growth: Record<string, number | null>;
  /** 1-based rank among zones with a value. */
  rank: Record<string, number | null>;
  isDemo: boolean;
}

export interface IndicatorTotal {
  indicatorId: string;
  total: number;
  previousTotal: number;
  growth: number | null;
  /** Zones that reported this year. */
  reporting: number;
}

export interface IndicatorTable {
  year: number;
  indicators: IndicatorDef[];
  zones: ZoneIndicatorRow[];
  totals: IndicatorTotal[];
  /** Whether any shown value is demo data (labelled 示例数据 in the UI). */
  hasDemo: boolean;
}

/** Growth in percent (one decimal), or null when the base is missing or zero. */
export function growthPct(value: number | null | undefined, previous: number | null | undefined): number | null {
  if (value === null || value === undefined || previous === null || previous === undefined || previous === 0) return null;
  return Math.round(((value - previous) / previous) * 1000) / 10;
}
