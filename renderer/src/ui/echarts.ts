import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts, lean: only the core, the bar chart and the components the plan pages draw with
 * (tree-shaken; the full bundle is several times larger).
 */
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;
export { echarts };

/** The app's palette, as charts use it: done, target, growth up / down. */
export const CHART_COLORS = { actual: '#1f5fbf', target: '#c9d6ea', up: '#389e0d', down: '#cf1322', axis: '#8c8c8c' } as const;

export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
