import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExchangeIdentity } from '../../../../shared/domain/exchange';
import { Fingerprint } from './ResultParts';

type ZoneKey = ExchangeIdentity['zoneKeys'][number];

/** 本机身份与密钥: the fingerprint to read aloud by phone, and the zone keys trusted here. */
export function IdentitySection({ identity }: { identity: ExchangeIdentity | null }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ZoneKey> = [
    {
      title: t('exchange.identity.zone'),
      dataIndex: 'zoneName',
      width: 170,
      render: (name: string, k) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          {name}
          {k.own ? <Tag color="blue">{t('exchange.identity.own')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('exchange.identity.keyFingerprint'), dataIndex: 'fingerprint', width: 320, render: (f: string) => <Fingerprint value={f} /> },
    {
      title: t('exchange.identity.source'),
      dataIndex: 'source',
      render: (source: string, k) => (
        <>
          {source}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('exchange.identity.trustedAt')} {dayjs(k.trustedAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </>
      ),
    },
  ];
  const others = identity?.zoneKeys.filter((k) => !k.own).length ?? 0;
  return (
    <section aria-labelledby="exchange-identity-title" data-testid="exchange-identity">
      <Typography.Title level={5} id="exchange-identity-title">
        {t('exchange.identity.title')}
      </Typography.Title>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('exchange.identity.fingerprint')}</Typography.Text>
        {identity ? <Fingerprint value={identity.fingerprint} large testId="exchange-fingerprint" /> : <Typography.Text type="secondary">…</Typography.Text>}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('exchange.identity.fingerprintHelp')}
        </Typography.Paragraph>
      </Space>
      <Typography.Text strong>{t('exchange.identity.keysTitle')}</Typography.Text>
      <Table<ZoneKey>
        style={{ marginTop: 4 }}
        rowKey="zoneId"
        size="small"
        pagination={false}
        dataSource={identity?.zoneKeys ?? []}
        columns={columns}
        data-testid="exchange-zone-keys"
        footer={others === 0 ? () => <Typography.Text type="secondary">{t('exchange.identity.noKeys')}</Typography.Text> : undefined}
      />
    </section>
  );
}
