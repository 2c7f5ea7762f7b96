import { DesktopOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_METRICS, type Dashboard, type PlanMetric } from '../../../../shared/domain/plan';
import { useApp } from '../../app/AppContext';
import { ChartCard, EChart } from '../../ui/EChart';
import type { echarts } from '../../ui/echarts';
import { AttentionPanel } from './AttentionPanel';
import { progressBars } from './chart-options';
import { formatNumber } from './format';
import { MetricRecordsDrawer, type FigureQuery } from './MetricRecordsDrawer';
import { PartCards } from './PartCards';
import { ProjectorView } from './ProjectorView';
import { ReportPrintView } from './ReportPrintView';
import { usePlanLookups } from './usePlanLookups';
import { currentYear, YearPicker } from './YearPicker';
import './plan.css';
import { ZoneContributionTable } from './ZoneContributionTable';

type Overlay = 'report' | 'projector' | null;

/**
 * 工作台: the year's 1+X+N progress against the plan (every figure opens the records behind
 * it), by quarter and by zone, what needs attention, and who contributed. The landing page.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const lookups = usePlanLookups(api);
  const [year, setYear] = useState(currentYear);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [figure, setFigure] = useState<FigureQuery | null>(null);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [quarterMetric, setQuarterMetric] = useState<PlanMetric>('resourcesRegistered');
  const [zoneMetric, setZoneMetric] = useState<PlanMetric>('resourcesRegistered');
  const overallChart = useRef<echarts.ECharts | null>(null);
  const quarterChart = useRef<echarts.ECharts | null>(null);
  const zoneChart = useRef<echarts.ECharts | null>(null);
  const language = i18n.language;

  const load = useCallback(async () => {
    try {
      setError(null);
      setData(await api.call('dashboard.get', { year }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, year]);
  useEffect(() => {
    setData(null);
    void load();
  }, [load]);

  const metricOf = useCallback((metric: PlanMetric) => data?.progress.metrics.find((m) => m.metric === metric), [data]);
  const labels = useMemo(() => ({ actual: t('dashboard.actual'), target: t('dashboard.target'), format: (v: number) => formatNumber(v, language) }), [t, language]);

  const overallOption = useMemo(
    () => progressBars((data?.progress.metrics ?? []).map((m) => ({ label: t(`plan.metric.${m.metric}`), figure: m.total })), labels, true),
    [data, labels, t],
  );
  const quarterOption = useMemo(
    () => progressBars((metricOf(quarterMetric)?.byQuarter ?? []).map((f, i) => ({ label: t('plan.quarterShort', { quarter: i + 1 }), figure: f })), labels, false),
    [metricOf, quarterMetric, labels, t],
  );
  const zoneRows = useMemo(
    () =>
      Object.entries(metricOf(zoneMetric)?.byZone ?? {})
        .map(([zoneId, f]) => ({ zoneId, label: lookups.zoneName(zoneId), figure: f }))
        .sort((a, b) => b.figure.actual - a.figure.actual || (b.figure.target ?? 0) - (a.figure.target ?? 0) || a.label.localeCompare(b.label, 'zh-CN')),
    [metricOf, zoneMetric, lookups],
  );
  const zoneOption = useMemo(() => progressBars(zoneRows, labels, true), [zoneRows, labels]);

  const metricSelect = (value: PlanMetric, onChange: (m: PlanMetric) => void, label: string) => (
    <Select<PlanMetric> size="small" aria-label={label} value={value} onChange={onChange} style={{ width: 170 }} options={PLAN_METRICS.map((m) => ({ value: m, label: t(`plan.metric.${m}`) }))} />
  );

  return (
    <div className="plan-page" data-testid="dashboard">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('dashboard.title')}
            </Typography.Title>
            <YearPicker value={year} onChange={setYear} />
            {data ? (
              <Typography.Text type="secondary" data-testid="dashboard-as-of">
                {t('dashboard.asOf', { time: data.progress.asOf.slice(0, 16).replace('T', ' ') })}
              </Typography.Text>
            ) : null}
          </Space>
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              {t('dashboard.refresh')}
            </Button>
            <Button icon={<FileTextOutlined />} onClick={() => setOverlay('report')}>
              {t('report.open')}
            </Button>
            <Button type="primary" icon={<DesktopOutlined />} onClick={() => setOverlay('projector')}>
              {t('projector.open')}
            </Button>
          </Space>
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {!data ? (
        error ? null : <Skeleton active />
      ) : (
        <>
          <PartCards progress={data.progress} typeName={lookups.typeName} onFigure={setFigure} />
          <div className="plan-grid-2">
            <ChartCard title={t('dashboard.chart.overall')} fileName={t('dashboard.chart.file', { year, name: t('dashboard.chart.overall') })} chartRef={overallChart} testId="chart-overall">
              <EChart option={overallOption} height={300} chartRef={overallChart} onClick={({ dataIndex }) => setFigure({ year, metric: data.progress.metrics[dataIndex]!.metric })} />
            </ChartCard>
            <ChartCard
              title={t('dashboard.chart.byQuarter')}
              extra={metricSelect(quarterMetric, setQuarterMetric, t('dashboard.chart.metricOfQuarter'))}
              fileName={t('dashboard.chart.file', { year, name: `${t('dashboard.chart.byQuarter')}-${t(`plan.metric.${quarterMetric}`)}` })}
              chartRef={quarterChart}
              testId="chart-quarter"
            >
              <EChart option={quarterOption} height={300} chartRef={quarterChart} onClick={({ dataIndex }) => setFigure({ year, metric: quarterMetric, quarter: dataIndex + 1 })} />
            </ChartCard>
          </div>
          <div className="plan-grid-2">
            <ChartCard
              title={t('dashboard.chart.byZone')}
              extra={metricSelect(zoneMetric, setZoneMetric, t('dashboard.chart.metricOfZone'))}
              fileName={t('dashboard.chart.file', { year, name: `${t('dashboard.chart.byZone')}-${t(`plan.metric.${zoneMetric}`)}` })}
              chartRef={zoneChart}
              empty={zoneRows.length === 0}
              testId="chart-zone"
            >
              <EChart
                option={zoneOption}
                height={Math.max(220, zoneRows.length * 30 + 60)}
                chartRef={zoneChart}
                onClick={({ dataIndex }) => {
                  const row = zoneRows[dataIndex];
                  if (row) setFigure({ year, metric: zoneMetric, zoneId: row.zoneId });
                }}
              />
            </ChartCard>
            <AttentionPanel groups={data.attention} year={year} />
          </div>
          <ZoneContributionTable zones={data.zones} onFigure={(metric, zoneId) => setFigure({ year, metric, zoneId })} />
        </>
      )}
      {figure ? (
        <MetricRecordsDrawer
          query={figure}
          {...(figure.zoneId ? { zoneName: lookups.zoneName(figure.zoneId) } : {})}
          {...(figure.typeId ? { typeName: lookups.typeName(figure.typeId) } : {})}
          onClose={() => setFigure(null)}
        />
      ) : null}
      {overlay === 'report' ? <ReportPrintView year={year} onYearChange={setYear} onClose={() => setOverlay(null)} /> : null}
      {overlay === 'projector' ? <ProjectorView onClose={() => setOverlay(null)} /> : null}
    </div>
  );
}
