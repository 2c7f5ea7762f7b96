import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeKindSummary, ExchangeRefusal, ExchangeResult } from '../../../../shared/domain/exchange';
import { kindName } from './labels';

/** The parts of an ExchangeResult, shared by the import preview, its result and a sync's summary. */

export const MONO: CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', letterSpacing: '0.04em' };

/** A fingerprint to read aloud: monospace, groups of four, copyable. */
export function Fingerprint({ value, large = false, testId }: { value: string; large?: boolean; testId?: string }) {
  return (
    <Typography.Text copyable={{ text: value }} style={{ ...MONO, fontSize: large ? 18 : 12, fontWeight: large ? 600 : undefined, whiteSpace: 'nowrap' }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

/** The first package from a zone: its key is now trusted — compare the fingerprint by phone. */
export function KeyNotice({ result }: { result: ExchangeResult }) {
  const { t } = useTranslation();
  if (!result.keyNotice) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<SafetyCertificateOutlined />}
      data-testid="exchange-key-notice"
      title={<strong>{t('exchange.preview.keyTitle', { zone: result.sender.zoneName })}</strong>}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('exchange.preview.keyHelp')}</Typography.Paragraph>
          <Fingerprint value={result.sender.fingerprint} large testId="exchange-key-fingerprint" />
        </>
      }
    />
  );
}

/** Per record type: new / updated / unchanged / refused / conflicts / waiting. */
export function KindCounts({ kinds }: { kinds: readonly ExchangeKindSummary[] }) {
  const { t } = useTranslation();
  const number = (key: 'added' | 'updated' | 'unchanged' | 'refused' | 'conflicts' | 'pending', danger = false) => ({
    title: t(`exchange.count.${key}`),
    dataIndex: key,
    width: 84,
    align: 'right' as const,
    render: (n: number) => (n > 0 && danger ? <Typography.Text type={key === 'refused' ? 'danger' : 'warning'} strong>{n}</Typography.Text> : n),
  });
  const columns: ColumnsType<ExchangeKindSummary> = [
    { title: t('exchange.preview.kind'), dataIndex: 'kind', render: (kind: string, row) => kindName(t, kind, row.noun) },
    number('added'),
    number('updated'),
    number('unchanged'),
    number('refused', true),
    number('conflicts', true),
    number('pending', true),
  ];
  return <Table<ExchangeKindSummary> rowKey="kind" size="small" pagination={false} dataSource={[...kinds]} columns={columns} data-testid="exchange-counts" />;
}

/** What the package holds that this installation will not take, and why. */
export function Refusals({ refusals, title }: { refusals: readonly ExchangeRefusal[]; title?: string }) {
  const { t } = useTranslation();
  if (refusals.length === 0) return null;
  const columns: ColumnsType<ExchangeRefusal & { key: number }> = [
    { title: t('exchange.preview.refusalKind'), dataIndex: 'kind', width: 110, render: (kind: string, row) => kindName(t, kind, row.noun) },
    { title: t('exchange.preview.record'), dataIndex: 'label', width: 200 },
    { title: t('exchange.preview.reason'), dataIndex: 'reason', render: (reason: string) => <Typography.Text type="danger">{reason}</Typography.Text> },
  ];
  return (
    <div data-testid="exchange-refusals">
      <Typography.Text strong>{title ?? t('exchange.preview.refusalsTitle')}</Typography.Text>
      <Table<ExchangeRefusal & { key: number }>
        style={{ marginTop: 4 }}
        size="small"
        pagination={refusals.length > 8 ? { pageSize: 8, size: 'small' } : false}
        dataSource={refusals.map((r, key) => ({ ...r, key }))}
        columns={columns}
      />
    </div>
  );
}

/** Notices of the import (a roster key that differs from the one trusted here), conflicts and waiting records. */
export function ResultNotices({ result }: { result: ExchangeResult }) {
  const { t } = useTranslation();
  return (
    <>
      {result.notices.map((n) => (
        <Alert key={n} type="warning" showIcon title={n} />
      ))}
      {result.conflicts > 0 ? <Alert type="info" showIcon title={t('exchange.preview.conflictsHint', { count: result.conflicts })} /> : null}
      {result.pending > 0 ? <Alert type="info" showIcon title={t('exchange.preview.pendingHint', { count: result.pending })} /> : null}
    </>
  );
}
