import { InfoCircleOutlined } from '@ant-design/icons';
import { InputNumber, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { METRIC_INFO, PLAN_METRICS, type PlanMetric, type PlanTarget } from '../../../../shared/domain/plan';
import type { PlanLookups } from './usePlanLookups';

/** A target's place: metric × zone ('' = alliance) × event type ('' = all) × quarter (0 = year). */
export type TargetKey = `${PlanMetric}|${string}|${string}|${number}`;
export type TargetValues = Partial<Record<TargetKey, number | null>>;

export const targetKey = (metric: PlanMetric, zoneId = '', typeId = '', quarter = 0): TargetKey => `${metric}|${zoneId}|${typeId}|${quarter}`;

export function targetsToValues(targets: readonly PlanTarget[]): TargetValues {
  return Object.fromEntries(targets.map((t) => [targetKey(t.metric, t.zoneId, t.typeId, t.quarter), t.target]));
}

/** The whole set as plans.saveTargets takes it: every key with a value (blank = no target). */
export function valuesToTargets(values: TargetValues): PlanTarget[] {
  return Object.entries(values)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([key, target]) => {
      const [metric, zoneId = '', typeId = '', quarter = '0'] = key.split('|');
      return { metric: metric as PlanMetric, zoneId, typeId, quarter: Number(quarter), target };
    });
}

interface Row {
  metric: PlanMetric;
  /** The first metric of its part carries the part's name (no row spans: opened rows sit between). */
  firstOfPart: boolean;
}

const QUARTERS = [1, 2, 3, 4] as const;

/**
 * 年度目标: one row per metric (grouped by part) with the year's target and optional quarter
 * targets; a row opens to targets per zone and, for events, per event type.
 */
export function TargetsEditor({ values, onChange, readOnly, lookups }: { values: TargetValues; onChange(key: TargetKey, value: number | null): void; readOnly: boolean; lookups: PlanLookups }) {
  const { t } = useTranslation();
  const rows: Row[] = PLAN_METRICS.map((metric, i) => ({ metric, firstOfPart: PLAN_METRICS.findIndex((m) => METRIC_INFO[m].part === METRIC_INFO[metric].part) === i }));

  const cell = (metric: PlanMetric, key: TargetKey, label: string, width = 96) =>
    readOnly ? (
      <span className="plan-target-read" aria-label={label}>
        {values[key] ?? '—'}
      </span>
    ) : (
      <InputNumber<number> aria-label={label} size="small" min={0} max={1_000_000} precision={0} value={values[key] ?? null} onChange={(v) => onChange(key, typeof v === 'number' ? v : null)} style={{ width }} placeholder="—" />
    );

  const splitCount = (metric: PlanMetric) => Object.entries(values).filter(([k, v]) => typeof v === 'number' && k.startsWith(`${metric}|`) && (k.split('|')[1] || k.split('|')[2])).length;

  const columns: ColumnsType<Row> = [
    { title: t('plan.targets.part'), key: 'part', width: 150, render: (_, r) => (r.firstOfPart ? <Typography.Text strong>{t(`plan.part.${METRIC_INFO[r.metric].part}`)}</Typography.Text> : null) },
    {
      title: t('plan.targets.metric'),
      key: 'metric',
      render: (_, r) => (
        <span>
          {t(`plan.metric.${r.metric}`)}（{t(`plan.unit.${r.metric}`)}）{' '}
          <Tooltip title={t(`plan.rule.${r.metric}`)}>
            <InfoCircleOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
          </Tooltip>
        </span>
      ),
    },
    { title: t('plan.targets.year'), key: 'year', width: 120, render: (_, r) => cell(r.metric, targetKey(r.metric), t('plan.targets.yearOf', { metric: t(`plan.metric.${r.metric}`) }), 104) },
    ...QUARTERS.map((q) => ({
      title: t('plan.quarterShort', { quarter: q }),
      key: `q${q}`,
      width: 90,
      render: (_: unknown, r: Row) => cell(r.metric, targetKey(r.metric, '', '', q), t('plan.targets.quarterOf', { metric: t(`plan.metric.${r.metric}`), quarter: q }), 76),
    })),
    {
      title: t('plan.targets.check'),
      key: 'check',
      width: 150,
      render: (_, r) => {
        const quarters = QUARTERS.map((q) => values[targetKey(r.metric, '', '', q)]).filter((v): v is number => typeof v === 'number');
        const year = values[targetKey(r.metric)];
        const sum = quarters.reduce((s, v) => s + v, 0);
        const split = splitCount(r.metric);
        return (
          <span className="plan-target-check">
            {quarters.length > 0 ? (
              // Warn when the quarters add up to more than the year, or all four are set and differ from it.
              <Typography.Text type={typeof year === 'number' && (sum > year || (quarters.length === 4 && sum !== year)) ? 'warning' : 'secondary'}>{t('plan.targets.quarterSum', { sum })}</Typography.Text>
            ) : null}
            {split > 0 ? <Typography.Text type="secondary">{t('plan.targets.splitCount', { count: split })}</Typography.Text> : null}
          </span>
        );
      },
    },
  ];

  return (
    <Table<Row>
      rowKey="metric"
      rowClassName={(r) => (r.firstOfPart ? 'plan-part-first' : '')}
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      columns={columns}
      data-testid="targets-editor"
      expandable={{
        expandRowByClick: false,
        columnTitle: t('plan.targets.split'),
        columnWidth: 64,
        expandedRowRender: (r) => <SplitEditor metric={r.metric} values={values} onChange={onChange} readOnly={readOnly} lookups={lookups} />,
      }}
    />
  );
}

/** Targets per zone (and per event type for 举办创新活动), in a compact grid. */
function SplitEditor({ metric, values, onChange, readOnly, lookups }: { metric: PlanMetric; values: TargetValues; onChange(key: TargetKey, value: number | null): void; readOnly: boolean; lookups: PlanLookups }) {
  const { t } = useTranslation();
  const metricLabel = t(`plan.metric.${metric}`);
  const input = (key: TargetKey, label: string, aria: string) => (
    <label key={key} className="plan-split-cell">
      <span className="plan-split-label" title={label}>
        {label}
      </span>
      {readOnly ? (
        <span className="plan-target-read" aria-label={aria}>
          {values[key] ?? '—'}
        </span>
      ) : (
        <InputNumber<number> aria-label={aria} size="small" min={0} max={1_000_000} precision={0} value={values[key] ?? null} onChange={(v) => onChange(key, typeof v === 'number' ? v : null)} style={{ width: 72 }} placeholder="—" />
      )}
    </label>
  );
  return (
    <div className="plan-split" data-testid={`split-${metric}`}>
      {metric === 'eventsHeld' ? (
        <>
          <Typography.Text strong>{t('plan.targets.byType')}</Typography.Text>
          <div className="plan-split-grid">{lookups.activeTypes.map((ty) => input(targetKey(metric, '', ty.id), ty.name, t('plan.targets.typeOf', { metric: metricLabel, name: ty.name })))}</div>
        </>
      ) : null}
      <Typography.Text strong>{t('plan.targets.byZone')}</Typography.Text>
      <div className="plan-split-grid">{lookups.activeZones.map((z) => input(targetKey(metric, z.id), z.shortName, t('plan.targets.zoneOf', { metric: metricLabel, name: z.shortName })))}</div>
    </div>
  );
}
