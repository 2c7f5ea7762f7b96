import { App as AntApp, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_STATUSES, type RequestStatus, type SharingRequest } from '../../../../shared/domain/sharing-request';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { REQUEST_STATUS_COLORS } from './labels';
import { RequestActions } from './RequestActions';
import { onRequestsChanged } from './request-events';
import { RequestSummary } from './RequestSummary';
import { slotLabel } from './time';

/** One tab of the requests page: a table with status tags, a status filter and the allowed actions. */
export function RequestTable({ scope }: { scope: 'mine' | 'toMine' }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [statuses, setStatuses] = useState<RequestStatus[]>([]);
  const [rows, setRows] = useState<SharingRequest[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await api.call('requests.list', { scope, statuses }));
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setLoading(false);
    }
  }, [api, scope, statuses, message]);
  useEffect(() => void load(), [load]);
  useEffect(() => onRequestsChanged(() => void load()), [load]);

  const dateFormat = t('requests.dateFormat');
  // Purpose and handling note ride under the resource and the status, so the table fits a
  // 1366-pixel office screen without squeezing any column to "…".
  const secondary = (text: string) => (
    <Typography.Text type="secondary" ellipsis={{ tooltip: text }} style={{ fontSize: 12, maxWidth: '100%' }}>
      {text}
    </Typography.Text>
  );
  const columns: ColumnsType<SharingRequest> = [
    {
      title: t('requests.field.resource'),
      key: 'resource',
      render: (_, r) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
          <Typography.Text strong>{r.resourceTitle}</Typography.Text>
          {r.purpose ? secondary(`${t('requests.field.purpose')}：${r.purpose}`) : null}
        </Space>
      ),
    },
    {
      title: t('requests.field.organisation'),
      key: 'organisation',
      width: 210,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{r.organisation}</Typography.Text>
          {secondary([r.requesterZoneName, r.contactPerson, r.contactPhone].filter(Boolean).join(' · '))}
        </Space>
      ),
    },
    {
      title: t('requests.field.when'),
      key: 'when',
      width: 200,
      render: (_, r) =>
        r.slotStart && r.slotEnd ? (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{slotLabel(r.slotStart, r.slotEnd, dateFormat)}</span>
        ) : r.sampleQuantity !== null ? (
          t('requests.sampleCount', { count: r.sampleQuantity })
        ) : (
          '—'
        ),
    },
    {
      title: t('requests.field.status'),
      key: 'status',
      width: 160,
      render: (_, r) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
          <Tag color={REQUEST_STATUS_COLORS[r.status]} data-testid="request-status">
            {t(`requests.status.${r.status}`)}
          </Tag>
          {r.decisionNote ? secondary(r.decisionNote) : null}
        </Space>
      ),
    },
    { title: t('requests.field.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(at).format('YYYY-MM-DD HH:mm')}</span> },
    { title: t('common.actions'), key: 'actions', width: 150, render: (_, r) => <RequestActions request={r} onDone={load} /> },
  ];

  return (
    <div data-testid={`requests-${scope}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<RequestStatus[]>
          mode="multiple"
          allowClear
          aria-label={t('requests.filterStatus')}
          placeholder={t('requests.filterStatus')}
          value={statuses}
          onChange={setStatuses}
          style={{ minWidth: 260 }}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
        />
        <Typography.Text type="secondary">{t('requests.count', { count: rows.length })}</Typography.Text>
      </Space>
      <Table<SharingRequest>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t(scope === 'mine' ? 'requests.emptyMine' : 'requests.emptyToMine') }}
        expandable={{ expandedRowRender: (r) => <RequestSummary request={r} /> }}
      />
    </div>
  );
}
