import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExchangePackageEntry } from '../../../../shared/domain/exchange';
import { summaryText } from './labels';

/** 交换记录: the packages sent and received, newest first. */
export function HistoryTable({ entries }: { entries: readonly ExchangePackageEntry[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ExchangePackageEntry> = [
    {
      title: t('exchange.history.direction'),
      dataIndex: 'direction',
      width: 96,
      render: (d: 'sent' | 'received') => <Tag color={d === 'sent' ? 'blue' : 'green'}>{t(`exchange.history.${d}`)}</Tag>,
    },
    { title: t('exchange.history.zone'), dataIndex: 'zoneName', width: 130 },
    { title: t('exchange.history.summary'), key: 'summary', render: (_, e) => summaryText(t, e.direction, e.summary) },
    { title: t('exchange.history.handledAt'), dataIndex: 'handledAt', width: 140, render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(at).format('YYYY-MM-DD HH:mm')}</span> },
    {
      title: t('exchange.history.fileName'),
      dataIndex: 'fileName',
      width: 180,
      ellipsis: true,
      render: (name: string) => (name ? <Typography.Text copyable={{ text: name }} title={name} style={{ fontSize: 12 }} ellipsis>{name}</Typography.Text> : '—'),
    },
  ];
  return (
    <Table<ExchangePackageEntry>
      rowKey={(e) => `${e.direction}-${e.packageId}`}
      size="small"
      dataSource={[...entries]}
      columns={columns}
      pagination={entries.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t('exchange.history.empty') }}
      data-testid="exchange-history"
    />
  );
}
