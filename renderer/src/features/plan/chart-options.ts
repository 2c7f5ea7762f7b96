import type { Figure } from '../../../../shared/domain/plan';
import { CHART_COLORS, type ChartOption } from '../../ui/echarts';

export interface BarRow {
  label: string;
  figure: Figure;
}

interface Labels {
  actual: string;
  target: string;
  format(value: number): string;
}

/**
 * Done against target as two bar series (target only where one is set), with the figures on
 * the bars. Horizontal for long category names (metrics, zones), vertical for quarters.
 */
export function progressBars(rows: readonly BarRow[], labels: Labels, horizontal: boolean): ChartOption {
  const categories = rows.map((r) => r.label);
  const anyTarget = rows.some((r) => r.figure.target !== null);
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: CHART_COLORS.axis, formatter: (v: number) => labels.format(v) }, splitLine: { lineStyle: { color: '#f0f0f0' } } };
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    inverse: horizontal, // first row on top
    axisTick: { show: false },
    axisLabel: { color: '#262626', width: horizontal ? 120 : undefined, overflow: 'truncate' as const },
  };
  const label = { show: true, position: horizontal ? ('right' as const) : ('top' as const), color: '#262626', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? labels.format(p.value) : '') };
  return {
    aria: { enabled: true },
    color: [CHART_COLORS.actual, CHART_COLORS.target],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? labels.format(v) : '—') },
    legend: anyTarget ? { data: [labels.actual, labels.target], top: 0, right: 0 } : { show: false },
    grid: { left: 8, right: horizontal ? 48 : 16, top: anyTarget ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      { name: labels.actual, type: 'bar', data: rows.map((r) => r.figure.actual), barMaxWidth: 22, label },
      ...(anyTarget ? [{ name: labels.target, type: 'bar' as const, data: rows.map((r) => r.figure.target), barMaxWidth: 22, label: { ...label, color: '#8c8c8c' } }] : []),
    ],
  };
}

/** One value per category, ranked (longest bar on top): the indicator ranking. */
export function rankingBars(rows: ReadonlyArray<{ label: string; value: number }>, name: string, format: (v: number) => string): ChartOption {
  return {
    aria: { enabled: true },
    color: [CHART_COLORS.actual],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: CHART_COLORS.axis, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r, i) => `${i + 1}. ${r.label}`), axisTick: { show: false }, axisLabel: { color: '#262626' } },
    series: [{ name, type: 'bar', data: rows.map((r) => r.value), barMaxWidth: 18, label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? format(p.value) : '') } }],
  };
}
