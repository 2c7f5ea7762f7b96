import { PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ExcelMenu } from '../excel/ExcelMenu';
import type { EventDetail } from '../../../../shared/domain/event';
import type { Registration, RegistrationList } from '../../../../shared/domain/event-registration';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { REGISTRATION_STATUS_COLORS } from './labels';
import { RegistrationFormModal } from './RegistrationFormModal';
import { clockOf } from './time';
import type { EventLookups } from './useEventLookups';

/** "已报名 2 / 上限 2 · 候补 1 · 已签到 0" (walk-ins counted among 已报名). */
export function CountsLine({ list }: { list: Pick<RegistrationList, 'counts' | 'capacity'> }) {
  const { t } = useTranslation();
  const { counts, capacity } = list;
  return (
    <Typography.Text strong data-testid="registration-counts">
      {capacity === null ? t('events.reg.countsOpen', { ...counts }) : t('events.reg.counts', { ...counts, capacity })}
    </Typography.Text>
  );
}

/** 报名: who registered, who waits, who came; register someone; cancel (the waiting list moves up). */
export function RegistrationsTab({ event, lookups, onChanged }: { event: EventDetail; lookups: EventLookups; onChanged(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [list, setList] = useState<RegistrationList | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ type: 'success' | 'info' | 'warning'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await api.call('registrations.list', { eventId: event.id }));
    } catch (error) {
      showFailure(error, message.error);
    }
  }, [api, event.id, message]);
  useEffect(() => void load(), [load, event.version]);

  async function cancel(r: Registration) {
    try {
      const result = await api.call('registrations.cancel', { id: r.id, version: r.version });
      const text = result.promoted
        ? t('events.reg.cancelledPromoted', { name: result.cancelled.name, promoted: result.promoted.name, organisation: result.promoted.organisation })
        : t('events.reg.cancelled', { name: result.cancelled.name });
      setNotice({ type: result.promoted ? 'success' : 'info', text });
      void load();
      onChanged();
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  function saved(r: Registration) {
    setAdding(false);
    const text = r.status === 'waitlisted' ? t('events.reg.waitlisted', { name: r.name }) : t('events.reg.registered', { name: r.name, code: r.code });
    setNotice({ type: r.status === 'waitlisted' ? 'warning' : 'success', text });
    void load();
    onChanged();
  }

  const label = (key: string) => t(`events.reg.field.${key}`);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="registrations">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        {list ? <CountsLine list={list} /> : <span />}
        <Space>
          {!event.registrationOpen ? <Typography.Text type="secondary">{t('events.reg.closed')}</Typography.Text> : null}
          <ExcelMenu list={{ recordType: 'registration', scope: { eventId: event.id } }} importable={event.registrationOpen}
            onImported={() => {
              void load(); // new registrations do not change the event's version, which the list follows
              onChanged();
            }}
          />
          <Button type="primary" icon={<PlusOutlined />} disabled={!event.registrationOpen} onClick={() => setAdding(true)}>
            {t('events.reg.add')}
          </Button>
        </Space>
      </Space>
      {!event.mayManage ? <Typography.Text type="secondary">{t('events.reg.ownOnly')}</Typography.Text> : null}
      {notice ? <Alert type={notice.type} showIcon closable={{ onClose: () => setNotice(null) }} title={notice.text} data-testid="registration-notice" /> : null}
      <Table<Registration>
        size="small"
        rowKey="id"
        rowClassName={(r) => (r.status === 'cancelled' ? 'ev-row-cancelled' : '')}
        loading={!list}
        dataSource={list?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('events.reg.empty') }}
        onRow={(r) => ({ 'data-testid': 'registration-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'n', title: '#', width: 44, render: (_v, _r, i) => i + 1 },
          { dataIndex: 'name', title: label('name'), render: (name: string, r) => (r.walkIn ? <Space size={4}>{name}<Tag>{t('events.reg.walkIn')}</Tag></Space> : name) },
          { dataIndex: 'organisation', title: label('organisation') },
          { dataIndex: 'zoneName', title: label('zoneId'), render: (v: string) => v || '—' },
          { dataIndex: 'title', title: label('title'), render: (v: string) => v || '—' },
          { dataIndex: 'phone', title: label('phone') },
          { dataIndex: 'code', title: label('code'), render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          {
            dataIndex: 'status',
            title: label('status'),
            render: (_v, r) => (
              <Tag color={REGISTRATION_STATUS_COLORS[r.status]} data-testid="registration-status">
                {t(`events.reg.status.${r.status}`)}
              </Tag>
            ),
          },
          { dataIndex: 'checkedInAt', title: label('checkedInAt'), render: (v: string | null) => (v ? clockOf(v) : '—') },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, r) =>
              r.status !== 'cancelled' && !r.checkedInAt ? (
                <Popconfirm title={t('events.reg.cancelConfirm', { name: r.name })} onConfirm={() => cancel(r)} okText={t('events.reg.cancel')} cancelText={t('events.back')}>
                  <Button size="small" danger>
                    {t('events.reg.cancel')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {adding ? <RegistrationFormModal eventId={event.id} mayManage={event.mayManage} lookups={lookups} onClose={() => setAdding(false)} onSaved={saved} /> : null}
    </Space>
  );
}
