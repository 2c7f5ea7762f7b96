import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricRecord, PlanMetric } from '../../../../shared/domain/plan';
import { useApp } from '../../app/AppContext';
import { useNavigator } from '../../app/navigation';

/** Which figure was clicked: a metric of a year, narrowed to a zone, an event type or a quarter. */
export interface FigureQuery {
  year: number;
  metric: PlanMetric;
  zoneId?: string;
  typeId?: string;
  quarter?: number;
}

/**
 * The records behind one figure (plans.records with the same metric, zone, type and quarter):
 * the figure is their count. Records of a kind the app has a page for open there.
 */
export function MetricRecordsDrawer({ query, zoneName, typeName, onClose }: { query: FigureQuery; zoneName?: string; typeName?: string; onClose(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const navigator = useNavigator();
  const [records, setRecords] = useState<MetricRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setRecords(null);
    api
      .call('plans.records', { year: query.year, metric: query.metric, ...(query.zoneId ? { zoneId: query.zoneId } : {}), ...(query.typeId ? { typeId: query.typeId } : {}), ...(query.quarter ? { quarter: query.quarter } : {}) })
      .then(
        (found) => live && setRecords(found),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [api, query]);

  const open = (r: MetricRecord): (() => void) | null => {
    if (!navigator) return null;
    if (r.kind === 'resource') return () => navigator.openResource(r.id);
    if (r.kind === 'scenario') return () => navigator.openScenario(r.id);
    if (r.kind === 'event' && navigator.openEvent) {
      const openEvent = navigator.openEvent;
      return () => openEvent(r.id);
    }
    return null;
  };

  const scope = [
    t('plan.yearOption', { year: query.year }),
    zoneName ?? null,
    typeName ?? null,
    query.quarter ? t('plan.quarter', { quarter: query.quarter }) : null,
  ].filter(Boolean);

  return (
    <Drawer open size={720} onClose={onClose} title={`${t(`plan.metric.${query.metric}`)} · ${scope.join(' · ')}`}>
      <div data-testid="metric-records">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t(`plan.rule.${query.metric}`)}
        {records ? ` · ${t('dashboard.recordCount', { count: records.length, unit: t(`plan.unit.${query.metric}`) })}` : ''}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<MetricRecord>
        rowKey={(r) => `${r.kind}-${r.id}`}
        size="small"
        loading={records === null && !error}
        dataSource={records ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('dashboard.noRecords') }}
        columns={[
          { title: t('dashboard.col.date'), dataIndex: 'date', width: 110 },
          {
            title: t('dashboard.col.title'),
            key: 'title',
            render: (_, r) => {
              const go = open(r);
              return go ? (
                <button type="button" className="plan-link" onClick={go} data-testid="metric-record">
                  {r.title}
                </button>
              ) : (
                <span data-testid="metric-record">{r.title}</span>
              );
            },
          },
          { title: t('dashboard.col.zone'), dataIndex: 'zoneName', width: 140, render: (v: string) => <Tag>{v}</Tag> },
        ]}
      />
      </div>
    </Drawer>
  );
}
