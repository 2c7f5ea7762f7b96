import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Zone, ZoneLevel } from '../../../../shared/domain/zone';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { useDebounced } from '../../ui/useDebounced';
import { ZoneDetails } from './ZoneDetails';
import { ZoneFormModal } from './ZoneFormModal';
import { ZoneHistoryDrawer } from './ZoneHistoryDrawer';

/** 成员高新区: the alliance roster — list, search (incl. pinyin), add, edit, deactivate, history. */
export function ZonesPage() {
  const { t } = useTranslation();
  const { api, refresh } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState<ZoneLevel | undefined>();
  const [showInactive, setShowInactive] = useState(true);
  const [zones, setZones] = useState<Zone[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<Zone | null>(null);
  const debouncedQuery = useDebounced(query, 150);
  const isSecretariat = installation.role === 'secretariat';

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setZones(await api.call('zones.list', { query: debouncedQuery, level, includeInactive: showInactive }));
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setLoading(false);
    }
  }, [api, debouncedQuery, level, showInactive, message]);

  useEffect(() => void load(), [load]);

  async function setActive(zone: Zone, active: boolean) {
    try {
      const saved = await api.call('zones.setActive', { id: zone.id, version: zone.version, active });
      // Deactivating is cheap to undo: offer it right in the confirmation.
      message.success({
        key: `zone-active-${zone.id}`,
        content: (
          <Space>
            {t(active ? 'zones.activated' : 'zones.deactivated', { name: zone.shortName })}
            {active ? null : (
              <Button type="link" size="small" onClick={() => void setActive(saved, true)}>
                {t('common.undo')}
              </Button>
            )}
          </Space>
        ),
        duration: 6,
      });
      await load();
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  const columns: ColumnsType<Zone> = [
    {
      title: t('zones.field.name'),
      key: 'name',
      width: 300,
      render: (_, zone) => (
        <Space direction="vertical" size={0}>
          <Space size={4} wrap>
            <Typography.Text strong>{zone.shortName}</Typography.Text>
            {zone.role === 'secretariat' ? <Tag color="gold">{t('role.secretariat')}</Tag> : null}
            {zone.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {zone.name}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('zones.field.code'), dataIndex: 'code', width: 90 },
    { title: t('zones.field.level'), dataIndex: 'level', width: 90, render: (v: ZoneLevel) => <Tag color={v === 'national' ? 'blue' : 'cyan'}>{t(`level.${v}`)}</Tag> },
    { title: t('zones.field.province'), key: 'place', width: 170, render: (_, z) => `${z.province} ${z.city}` },
    { title: t('zones.field.contactPerson'), dataIndex: 'contactPerson', width: 100 },
    { title: t('zones.field.phone'), dataIndex: 'phone', width: 140 },
    {
      title: t('zones.field.status'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) => (active ? <Tag color="green">{t('zones.active')}</Tag> : <Tag>{t('zones.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, zone) => (
        <Space size={0}>
          {isSecretariat || zone.id === installation.zoneId ? (
            <Button type="link" size="small" onClick={() => setEditing(zone)}>
              {t('common.edit')}
            </Button>
          ) : null}
          {isSecretariat && zone.role !== 'secretariat' ? (
            zone.active ? (
              <Popconfirm title={t('zones.deactivateConfirm', { name: zone.shortName })} onConfirm={() => setActive(zone, false)}>
                <Button type="link" size="small" danger>
                  {t('zones.deactivate')}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => void setActive(zone, true)}>
                {t('zones.activate')}
              </Button>
            )
          ) : null}
          <Button type="link" size="small" onClick={() => setHistoryOf(zone)}>
            {t('common.history')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('zones.title')}
      extra={
        isSecretariat ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('zones.add')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('zones.memberHint')}</Typography.Text>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('common.search')}
          placeholder={t('zones.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 440 }}
        />
        <Select
          allowClear
          aria-label={t('zones.level')}
          placeholder={t('zones.level')}
          value={level}
          onChange={(v?: ZoneLevel) => setLevel(v)}
          style={{ width: 120 }}
          options={[
            { value: 'national', label: t('level.national') },
            { value: 'provincial', label: t('level.provincial') },
          ]}
        />
        <Space>
          <Switch checked={showInactive} onChange={setShowInactive} aria-label={t('zones.showInactive')} />
          {t('zones.showInactive')}
        </Space>
        <Typography.Text type="secondary">{t('zones.count', { count: zones.length })}</Typography.Text>
      </Space>
      <Table<Zone>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={zones}
        pagination={false}
        locale={{ emptyText: t('zones.empty') }}
        rowClassName={(zone) => (zone.active ? '' : 'zone-inactive')}
        expandable={{ expandedRowRender: (zone) => <ZoneDetails zone={zone} /> }}
      />
      {editing ? (
        <ZoneFormModal
          zone={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async (zone) => {
            message.success(t(editing === 'new' ? 'zones.created' : 'zones.updated', { name: zone.shortName }));
            setEditing(null);
            await Promise.all([load(), refresh()]);
          }}
        />
      ) : null}
      {historyOf ? <ZoneHistoryDrawer zone={historyOf} onClose={() => setHistoryOf(null)} /> : null}
    </Card>
  );
}
