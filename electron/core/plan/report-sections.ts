import { METRIC_INFO, PLAN_PART_LABELS, WORK_ITEM_STATUS_LABELS, type AnnualReport } from '../../../shared/domain/plan';
import { completion } from '../../../shared/number-format';

/** One titled table of the report; the .xlsx and .docx writers both lay these out. */
export interface ReportSection {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  note?: string;
}

/** The report as sections, in reading order — one source for every format. */
export function reportSections(r: AnnualReport): ReportSection[] {
  const progress = r.dashboard.progress.metrics;
  const indicatorUnits = r.indicators.indicators.map((i) => `${i.name}（${i.unit}）`);
  return [
    {
      title: '一、“1+X+N”年度目标完成情况',
      columns: ['部分', '指标', '年度目标', '完成', '完成率', '统计口径'],
      rows: progress.map((m) => [PLAN_PART_LABELS[METRIC_INFO[m.metric].part], METRIC_INFO[m.metric].label, m.total.target ?? '—', m.total.actual, completion(m.total.actual, m.total.target), METRIC_INFO[m.metric].rule]),
      note: `统计截至 ${r.dashboard.progress.asOf.slice(0, 16).replace('T', ' ')}，由系统按记录自动计算。`,
    },
    {
      title: '二、分季度完成情况',
      columns: ['指标', '一季度', '二季度', '三季度', '四季度'],
      rows: progress.map((m) => [METRIC_INFO[m.metric].label, ...m.byQuarter.map((q) => (q.target === null ? q.actual : `${q.actual} / ${q.target}`))]),
    },
    {
      title: '三、创新活动分类型情况',
      columns: ['活动类型', '举办场次', '目标'],
      rows: Object.entries(progress.find((m) => m.metric === 'eventsHeld')?.byType ?? {}).map(([id, f]) => [r.typeNames[id] ?? id, f.actual, f.target ?? '—']),
    },
    {
      title: '四、各高新区贡献',
      columns: ['高新区', '发布科技资源', '发布场景清单', '举办创新活动', '完成共享服务'],
      rows: r.dashboard.zones.map((z) => [z.zoneName, z.resources, z.listings, z.eventsHosted, z.requestsServed]),
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
      columns: ['高新区', ...indicatorUnits],
      rows: [
        ...r.indicators.zones.filter((z) => Object.values(z.values).some((v) => v !== null)).map((z) => [z.zoneName, ...r.indicators.indicators.map((i) => z.values[i.id] ?? '—')]),
        ['合计', ...r.indicators.totals.map((t) => t.total)],
        ['同比增长', ...r.indicators.totals.map((t) => (t.growth === null ? '—' : `${t.growth}%`))],
      ],
      ...(r.indicators.hasDemo ? { note: '注：含示例数据，仅供演示。' } : {}),
    },
  ].map((s) => ({ ...s, rows: s.rows.length > 0 ? s.rows : [['（无）', ...s.columns.slice(1).map(() => '')]] }));
}
