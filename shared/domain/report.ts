import { growthText, indicatorText, completion } from '../number-format';
import { METRIC_INFO, PLAN_PART_LABELS, WORK_ITEM_STATUS_LABELS, type AnnualReport } from './plan';

/**
 * The year's work report as text and tables, in reading order — the one source for the print
 * view (PDF), the .docx and the .xlsx, so the three always say the same. Always in Chinese:
 * it is the alliance's own document.
 */
export interface ReportSection {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Columns holding figures (right-aligned, narrow). */
  numeric?: number[];
  /** Columns kept on one line. */
  nowrap?: number[];
  /** Rows to set in bold (totals). */
  strongRows?: number[];
  note?: string;
}

export function reportSubtitle(r: AnnualReport): string {
  return `东北地区国家高新区协同创新联盟秘书处 · 生成时间 ${r.generatedAt.slice(0, 16).replace('T', ' ')}`;
}

const asOf = (r: AnnualReport) => r.dashboard.progress.asOf.slice(0, 16).replace('T', ' ');

/** 年度工作概要: one sentence, then one line per metric. */
export function reportSummary(r: AnnualReport): { lead: string; lines: string[] } {
  return {
    lead: `${r.year} 年，联盟围绕“1+X+N”工作体系推进科技资源共享、应用场景开放和创新活动组织。截至 ${asOf(r)}，系统按记录自动统计的主要成果如下：`,
    lines: r.dashboard.progress.metrics.map((m) => {
      const info = METRIC_INFO[m.metric];
      const target = m.total.target !== null ? `（年度目标 ${m.total.target} ${info.unit}，完成率 ${completion(m.total.actual, m.total.target)}）` : '（未设年度目标）';
      return `${info.label}：${m.total.actual} ${info.unit}${target}`;
    }),
  };
}

const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];

export function reportSections(r: AnnualReport): ReportSection[] {
  const metrics = r.dashboard.progress.metrics;
  const events = metrics.find((m) => m.metric === 'eventsHeld');
  const contributing = r.dashboard.zones.filter((z) => z.resources + z.listings + z.eventsHosted + z.requestsServed > 0);
  const quiet = r.dashboard.zones.length - contributing.length;
  const reported = r.indicators.zones.filter((z) => Object.values(z.values).some((v) => v !== null));
  const indicatorNote = r.indicators.hasDemo ? '注：含示例数据，仅供演示。' : reported.length === 0 ? `${r.year} 年尚无填报数据。` : undefined;
  const sections: ReportSection[] = [
    {
      title: '一、“1+X+N”年度目标完成情况',
      columns: ['部分', '指标', '年度目标', '完成', '完成率', '统计口径'],
      numeric: [2, 3, 4],
      nowrap: [0, 1],
      rows: metrics.map((m) => [PLAN_PART_LABELS[METRIC_INFO[m.metric].part], METRIC_INFO[m.metric].label, m.total.target ?? '—', m.total.actual, completion(m.total.actual, m.total.target), METRIC_INFO[m.metric].rule]),
      note: `统计截至 ${asOf(r)}，由系统按记录自动计算。`,
    },
    {
      title: '二、分季度完成情况',
      columns: ['指标', ...QUARTERS],
      numeric: [1, 2, 3, 4],
      rows: metrics.map((m) => [METRIC_INFO[m.metric].label, ...m.byQuarter.map((q) => (q.target === null ? q.actual : `${q.actual} / ${q.target}`))]),
      note: '“完成 / 目标”；未设季度目标的只列完成数。',
    },
    {
      title: '三、创新活动分类型情况',
      columns: ['活动类型', '举办场次', '目标'],
      numeric: [1, 2],
      rows: Object.entries(events?.byType ?? {})
        .sort(([, a], [, b]) => b.actual - a.actual)
        .map(([id, f]) => [r.typeNames[id] ?? id, f.actual, f.target ?? '—']),
    },
    {
      title: '四、各高新区贡献',
      columns: ['高新区', '发布科技资源', '发布场景清单', '举办创新活动', '完成共享服务'],
      numeric: [1, 2, 3, 4],
      rows: contributing.map((z) => [z.zoneName, z.resources, z.listings, z.eventsHosted, z.requestsServed]),
      ...(quiet > 0 ? { note: `其余 ${quiet} 个高新区本年度暂无计入统计的记录。` } : {}),
    },
    { title: '五、举办的创新活动', columns: ['日期', '活动名称', '主办高新区'], rows: r.eventsHeld.map((e) => [e.date, e.title, e.zoneName]) },
    { title: '六、揭榜对接的场景清单', columns: ['日期', '清单名称', '发布高新区'], rows: r.listingsMatched.map((e) => [e.date, e.title, e.zoneName]) },
    { title: '七、实现共享的科技资源', columns: ['首次共享日期', '资源名称', '所属高新区'], rows: r.resourcesShared.map((e) => [e.date, e.title, e.zoneName]) },
    {
      title: '八、重点工作推进情况',
      columns: ['重点工作', '牵头高新区', '完成时限', '状态', '进展情况'],
      rows: r.workItems.map((w) => [w.title, w.ownerZoneName, w.dueDate, WORK_ITEM_STATUS_LABELS[w.status] + (w.overdue ? '（逾期）' : ''), w.progressNote]),
    },
    {
      title: `九、高新区发展指标（${r.year} 年）`,
      columns: ['高新区', ...r.indicators.indicators.map((i) => `${i.name}（${i.unit}）`)],
      numeric: r.indicators.indicators.map((_, k) => k + 1),
      rows:
        reported.length === 0
          ? []
          : [
              ...reported.map((z) => [z.zoneName, ...r.indicators.indicators.map((i) => z.values[i.id] ?? '—')]),
              ['合计', ...r.indicators.indicators.map((i) => indicatorText(r.indicators.totals.find((t) => t.indicatorId === i.id)?.total ?? 0, i.unit))],
              ['同比增长', ...r.indicators.indicators.map((i) => growthText(r.indicators.totals.find((t) => t.indicatorId === i.id)?.growth))],
            ],
      strongRows: reported.length === 0 ? [] : [reported.length, reported.length + 1],
      ...(indicatorNote ? { note: indicatorNote } : {}),
    },
  ];
  return sections;
}
