import { CalendarOutlined, DesktopOutlined, IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Empty, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, EventDetail } from '../../../../shared/domain/event';
import { toShanghaiIso } from '../../../../shared/shanghai-date';
import { useApp } from '../../app/AppContext';
import { useNavigator } from '../../app/navigation';
import { showFailure } from '../../ui/errors';
import { RecordHistory } from '../../ui/RecordHistory';
import { downloadText } from './download';
import { EventActions } from './EventActions';
import { EventFormModal } from './EventFormModal';
import { EVENT_STATUS_COLORS } from './labels';
import { OutcomeTab } from './OutcomeTab';
import type { PrintKind } from './PrintView';
import { CountsLine, RegistrationsTab } from './RegistrationsTab';
import { eventWhen } from './time';
import type { EventLookups } from './useEventLookups';

interface Props {
  id: string;
  lookups: EventLookups;
  onClose(): void;
  onChanged(): void;
  onDesk(): void;
  onPrint(kind: PrintKind): void;
}

/** One event: details and lifecycle, registrations, the check-in desk and printouts, the outcome, history. */
export function EventDrawer({ id, lookups, onClose, onChanged, onDesk, onPrint }: Props) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const navigator = useNavigator();
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('details');

  const load = useCallback(async () => {
    try {
      setEvent(await api.call('events.get', { id }));
    } catch (error) {
      showFailure(error, message.error);
      onClose();
    }
  }, [api, id, message, onClose]);
  useEffect(() => void load(), [load]);

  const changed = () => {
    void load();
    onChanged();
  };

  async function exportOne() {
    try {
      const file = await api.call('events.exportIcs', { ids: [id] });
      downloadText(file.fileName, file.text, 'text/calendar;charset=utf-8');
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  const label = (key: string) => t(`events.field.${key}`);
  const extra = (
    <Space>
      <Button icon={<CalendarOutlined />} onClick={() => void exportOne()}>
        {t('events.ics.exportOne')}
      </Button>
      {event?.editable ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
    </Space>
  );

  return (
    <Drawer open size={960} onClose={onClose} title={event?.title ?? t('app.loading')} extra={extra}>
      {!event ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="event-detail">
          <Space wrap size={[6, 6]}>
            <Tag color={EVENT_STATUS_COLORS[event.status]} data-testid="event-status">
              {t(`events.status.${event.status}`)}
            </Tag>
            <Tag color={event.typeColor}>{event.typeName}</Tag>
            <Typography.Text>{eventWhen(event, t('events.allDay'))}</Typography.Text>
            <Typography.Text type="secondary">{[event.ownerZoneName, ...event.coHostZoneNames].join('、')}</Typography.Text>
            {event.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
          </Space>
          {event.statusReason && (event.status === 'postponed' || event.status === 'cancelled') ? (
            <Alert type={event.status === 'cancelled' ? 'error' : 'warning'} showIcon title={t(`events.reasonOf.${event.status}`)} description={event.statusReason} data-testid="status-reason" />
          ) : null}
          <EventActions event={event} onDone={changed} onSummarise={() => setTab('outcome')} />
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'details',
                label: t('events.tab.details'),
                children: (
                  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                    <Descriptions column={2} size="small" bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
                      <Descriptions.Item label={t('events.when')} span={2}>
                        {eventWhen(event, t('events.allDay'))} <Typography.Text type="secondary">{t('events.beijingTime')}</Typography.Text>
                      </Descriptions.Item>
                      <Descriptions.Item label={label('ownerZoneId')}>{event.ownerZoneName}</Descriptions.Item>
                      <Descriptions.Item label={label('coHostZoneIds')}>{event.coHostZoneNames.join('、') || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('venue')}>{event.venue || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('onlineUrl')}>{event.onlineUrl ? <Typography.Text copyable>{event.onlineUrl}</Typography.Text> : '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('capacity')}>{event.capacity ?? t('events.noLimit')}</Descriptions.Item>
                      <Descriptions.Item label={label('registrationDeadline')}>
                        {event.registrationDeadline || t('events.deadlineDefault')} {event.registrationOpen ? <Tag color="green">{t('events.reg.open')}</Tag> : <Tag>{t('events.reg.closed')}</Tag>}
                      </Descriptions.Item>
                      <Descriptions.Item label={label('description')} span={2}>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{event.description || '—'}</Typography.Paragraph>
                      </Descriptions.Item>
                      <Descriptions.Item label={label('linkedScenarioIds')} span={2}>
                        {event.linkedScenarios.length
                          ? event.linkedScenarios.map((s) => (
                              <Button key={s.id} type="link" size="small" disabled={!navigator} onClick={() => navigator?.openScenario(s.id)}>
                                {s.title}
                              </Button>
                            ))
                          : '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={label('linkedResourceIds')} span={2}>
                        {event.linkedResources.length
                          ? event.linkedResources.map((r) => (
                              <Button key={r.id} type="link" size="small" disabled={!navigator} onClick={() => navigator?.openResource(r.id)}>
                                {r.title}
                              </Button>
                            ))
                          : '—'}
                      </Descriptions.Item>
                    </Descriptions>
                    <div>
                      <Typography.Title level={5} style={{ marginTop: 0 }}>
                        {label('agenda')}
                      </Typography.Title>
                      {event.agenda.length ? (
                        <Table<AgendaItem>
                          size="small"
                          pagination={false}
                          rowKey={(a) => `${a.time}-${a.topic}`}
                          dataSource={event.agenda}
                          columns={[
                            { dataIndex: 'time', title: label('time'), width: 80 },
                            { dataIndex: 'topic', title: label('topic') },
                            { dataIndex: 'speaker', title: label('speaker') },
                            { dataIndex: 'organisation', title: label('organisation') },
                          ]}
                        />
                      ) : (
                        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.noAgenda')} />
                      )}
                    </div>
                    <Descriptions title={t('events.section.contact')} column={3} size="small">
                      <Descriptions.Item label={label('contactPerson')}>{event.contactPerson || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('contactPhone')}>{event.contactPhone || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('contactEmail')}>{event.contactEmail || '—'}</Descriptions.Item>
                    </Descriptions>
                    <Typography.Text type="secondary">{t('events.updated', { at: toShanghaiIso(event.updatedAt).slice(0, 16).replace('T', ' '), by: event.updatedBy })}</Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'registrations',
                label: t('events.tab.registrations', { count: event.counts.confirmed + event.counts.waitlisted }),
                children: <RegistrationsTab event={event} lookups={lookups} onChanged={changed} />,
              },
              {
                key: 'checkin',
                label: t('events.tab.checkin'),
                children: (
                  <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                    <Space size={48}>
                      <Statistic title={t('events.desk.checkedIn')} value={event.counts.checkedIn} />
                      <Statistic title={t('events.desk.registered')} value={event.counts.confirmed} />
                      <Statistic title={t('events.desk.capacity')} value={event.capacity ?? t('events.noLimit')} />
                      <Statistic title={t('events.desk.walkIns')} value={event.counts.walkIns} />
                    </Space>
                    <CountsLine list={{ counts: event.counts, capacity: event.capacity }} />
                    <Space wrap>
                      {event.mayManage ? (
                        <Button type="primary" size="large" icon={<DesktopOutlined />} onClick={onDesk} disabled={event.status === 'cancelled'}>
                          {t('events.desk.open')}
                        </Button>
                      ) : null}
                      <Button icon={<PrinterOutlined />} onClick={() => onPrint('sheet')}>
                        {t('events.print.sheet')}
                      </Button>
                      <Button icon={<IdcardOutlined />} onClick={() => onPrint('badges')}>
                        {t('events.print.badges')}
                      </Button>
                    </Space>
                    <Typography.Paragraph type="secondary">{t('events.desk.intro')}</Typography.Paragraph>
                  </Space>
                ),
              },
              { key: 'outcome', label: t('events.tab.outcome'), children: <OutcomeTab key={event.version} event={event} onChanged={changed} /> },
              {
                key: 'history',
                label: t('events.tab.history'),
                children: <RecordHistory key={event.version} recordId={event.id} label={(key) => t(`events.field.${key}`, { defaultValue: key })} format={(key, value) => formatHistory(key, value, t)} />,
              },
            ]}
          />
        </Space>
      )}
      {editing && event ? (
        <EventFormModal
          event={event}
          lookups={lookups}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      ) : null}
    </Drawer>
  );
}

function formatHistory(key: string, value: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (value === null || value === undefined || value === '') return t('events.empty');
  if (key === 'status') return t(`events.status.${String(value)}`, { defaultValue: String(value) });
  if (key === 'action') return t(`events.action.${String(value)}`, { defaultValue: String(value) });
  if (key === 'allDay' || typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key === 'startAt' || key === 'endAt') return String(value).slice(0, 16).replace('T', ' ');
  if (key === 'outcome' && typeof value === 'object') {
    const o = value as { agreements?: unknown[]; projectsMatched?: unknown[] };
    return t('events.outcome.summary', { agreements: o.agreements?.length ?? 0, projects: o.projectsMatched?.length ?? 0 });
  }
  if (key === 'agenda' && Array.isArray(value)) return t('events.agenda.count', { count: value.length });
  if (Array.isArray(value)) return value.length ? value.join('、') : t('events.empty');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
