import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanMetric, ZoneContribution } from '../../../../shared/domain/plan';
import { FigureButton } from './PartCards';

/** Each column counts the same records as one plan metric (the zone's share of it). */
const COLUMNS: Array<{ key: keyof Omit<ZoneContribution, 'zoneId' | 'zoneName'>; metric: PlanMetric }> = [
  { key: 'resources', metric: 'resourcesRegistered' },
  { key: 'listings', metric: 'listingsPublished' },
  { key: 'eventsHosted', metric: 'eventsHeld' },
  { key: 'requestsServed', metric: 'requestsServed' },
];

/** 各高新区贡献: who published, hosted and served this year; every figure opens its records. */
export function ZoneContributionTable({ zones, onFigure }: { zones: ZoneContribution[]; onFigure(metric: PlanMetric, zoneId: string): void }) {
  const { t } = useTranslation();
  const total = (z: ZoneContribution) => z.resources + z.listings + z.eventsHosted + z.requestsServed;
  return (
    <Card size="small" title={t('dashboard.zones.title')} style={{ marginTop: 16 }} data-testid="zone-contributions">
      <Table<ZoneContribution>
        rowKey="zoneId"
        size="small"
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={zones}
        rowClassName={(z) => (total(z) === 0 ? 'plan-row-quiet' : '')}
        columns={[
          { title: t('dashboard.zones.zone'), dataIndex: 'zoneName', width: 160 },
          ...COLUMNS.map((c) => ({
            title: t(`dashboard.zones.${c.key}`),
            key: c.key,
            align: 'right' as const,
            render: (_: unknown, z: ZoneContribution) => (z[c.key] === 0 ? <span className="plan-zero">0</span> : <FigureButton value={z[c.key]} onClick={() => onFigure(c.metric, z.zoneId)} testId={`zone-${c.key}`} />),
          })),
          { title: t('dashboard.zones.total'), key: 'total', align: 'right' as const, width: 90, render: (_: unknown, z: ZoneContribution) => total(z) },
        ]}
      />
    </Card>
  );
}
