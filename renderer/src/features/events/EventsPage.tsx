import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type FullCalendar from '@fullcalendar/react';
import { Alert, App as AntApp, Button, Card, DatePicker, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExcelMenu } from '../excel/ExcelMenu';
import type { ChannelInput } from '../../../../shared/contract';
import { EVENT_STATUSES, type EventCreateInput, type EventStatus, type EventSummary } from '../../../../shared/domain/event';
import type { HolidayEntry } from '../../../../shared/domain/holidays';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { useDebounced } from '../../ui/useDebounced';
import { CheckInDesk } from './CheckInDesk';
import { downloadText } from './download';
import { EventCalendar, type CalendarMove, type VisibleRange } from './EventCalendar';
import { EventDrawer } from './EventDrawer';
import { EventFormModal } from './EventFormModal';
import { ImportIcsModal } from './ImportIcsModal';
import { PrintView, type PrintKind } from './PrintView';
import { calendarToIso } from './time';
import { useEventLookups } from './useEventLookups';
import { confirmWarnings } from './warnings';
import './events.css';

interface Props {
  /** The event whose drawer is open. */
  openId: string | null;
  onOpenChange(id: string | null): void;
  /** A listing to plan a roadshow for: the form opens pre-filled with events.roadshowDraft. */
  roadshowFrom?: string | null;
  onRoadshowHandled?(): void;
}

type Overlay = { kind: 'desk'; eventId: string } | { kind: 'print'; eventId: string; sheet: PrintKind } | null;
type Creating = { draft: Partial<EventCreateInput> } | null;

/** 创新活动: the alliance's event calendar with filters, the event drawer, the check-in desk and printouts. */
export function EventsPage({ openId, onOpenChange, roadshowFrom = null, onRoadshowHandled }: Props) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message, modal } = AntApp.useApp();
  const lookups = useEventLookups(api);
  const calendarRef = useRef<FullCalendar | null>(null);
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [query, setQuery] = useState('');
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const [typeIds, setTypeIds] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<EventStatus[]>([]);
  const [events, setEvents] = useState<EventSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [holidays, setHolidays] = useState<HolidayEntry[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [creating, setCreating] = useState<Creating>(null);
  const [importing, setImporting] = useState(false);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const debouncedQuery = useDebounced(query, 200);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  const filter = useMemo<NonNullable<ChannelInput<'events.list'>>>(
    () => ({ from: range?.from ?? '', to: range?.to ?? '', query: debouncedQuery, zoneIds, typeIds, statuses }),
    [range?.from, range?.to, debouncedQuery, zoneIds, typeIds, statuses],
  );

  useEffect(() => {
    if (!filter.from || !filter.to) return;
    let live = true;
    Promise.all([api.call('events.list', filter), api.call('holidays.list', { from: filter.from, to: filter.to })]).then(
      ([list, days]) => {
        if (!live) return;
        setEvents(list.items);
        setTotal(list.total);
        setHolidays(days.entries);
        setLoadError(null);
      },
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [api, filter, reloadKey]);

  // Roadshow planning from a listing (Shell navigation { page: 'events', roadshowFrom }).
  const handledRoadshow = useRef<string | null>(null);
  useEffect(() => {
    if (!roadshowFrom) {
      handledRoadshow.current = null;
      return;
    }
    if (handledRoadshow.current === roadshowFrom) return;
    handledRoadshow.current = roadshowFrom;
    api.call('events.roadshowDraft', { scenarioId: roadshowFrom }).then(
      (draft) => setCreating({ draft }),
      (error: unknown) => showFailure(error, message.error),
    );
    onRoadshowHandled?.();
  }, [api, message, roadshowFrom, onRoadshowHandled]);

  const mayMove = useCallback(
    (e: EventSummary) => (installation.role === 'secretariat' || e.ownerZoneId === installation.zoneId) && e.status !== 'summarised' && e.status !== 'cancelled',
    [installation.role, installation.zoneId],
  );

  async function move(m: CalendarMove) {
    const event = events.find((e) => e.id === m.id);
    if (!event) return m.revert();
    const startAt = calendarToIso(m.startAt, m.allDay);
    const endAt = m.endAt ? calendarToIso(m.endAt, m.allDay) : calendarToIso(new Date(m.startAt.getTime() + (m.allDay ? 86_400_000 : 3_600_000)), m.allDay);
    const when = m.allDay ? startAt.slice(0, 10) : `${startAt.slice(0, 10)} ${startAt.slice(11, 16)}`;
    try {
      const warnings = await api.call('events.check', { id: event.id, startAt, endAt, ownerZoneId: event.ownerZoneId, coHostZoneIds: event.coHostZoneIds, venue: event.venue });
      const ok = await confirmWarnings(modal, t, warnings, { title: t('events.move.confirm', { title: event.title, when }), okText: t('events.move.ok'), cancelText: t('events.move.cancel'), always: true });
      if (ok) {
        await api.call('events.update', { id: event.id, version: event.version, patch: { startAt, endAt, allDay: m.allDay } });
        message.success(t('events.move.done', { title: event.title, when }));
      } else {
        m.revert();
      }
    } catch (error) {
      m.revert();
      showFailure(error, message.error);
    }
    reload(); // either way, show what the core holds
  }

  async function exportIcs(scope: 'view' | 'all') {
    try {
      const input: ChannelInput<'events.exportIcs'> = scope === 'view' ? { filter } : {};
      const file = await api.call('events.exportIcs', input);
      if (file.count === 0) {
        message.warning(t('events.ics.nothing'));
        return;
      }
      downloadText(file.fileName, file.text, 'text/calendar;charset=utf-8');
      message.success(t('events.ics.exported', { count: file.count }));
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  function pickDate(date: string, time: string | null) {
    const start = time ?? '09:00';
    const [h, m] = start.split(':').map(Number) as [number, number];
    const endHour = Math.min(h + 3, 23);
    setCreating({ draft: { startAt: `${date}T${start}:00+08:00`, endAt: `${date}T${String(endHour).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`, allDay: false } });
  }

  const legendTypes = lookups.types.filter((type) => type.active);

  return (
    <>
      <Card
        size="small"
        title={t('events.title')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void exportIcs('view')}>
              {t('events.ics.exportView')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportIcs('all')}>
              {t('events.ics.exportAll')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t('events.ics.import')}
            </Button>
            <ExcelMenu list={{ recordType: 'event', filter }} onImported={reload} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ draft: {} })}>
              {t('events.add')}
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12, width: '100%' }}>
          <Input.Search allowClear aria-label={t('common.search')} placeholder={t('events.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 250 }} />
          <Select mode="multiple" allowClear aria-label={t('events.filter.zone')} placeholder={t('events.filter.zone')} value={zoneIds} onChange={setZoneIds} options={lookups.zoneOptions} showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" style={{ width: 200 }} />
          <Select mode="multiple" allowClear aria-label={t('events.filter.type')} placeholder={t('events.filter.type')} value={typeIds} onChange={setTypeIds} options={lookups.typeOptions} maxTagCount="responsive" style={{ width: 180 }} />
          <Select
            mode="multiple"
            allowClear
            aria-label={t('events.filter.status')}
            placeholder={t('events.filter.status')}
            value={statuses}
            onChange={setStatuses}
            options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
            maxTagCount="responsive"
            style={{ width: 160 }}
          />
          <DatePicker
            picker="month"
            value={null as Dayjs | null}
            aria-label={t('events.jumpTo')}
            placeholder={t('events.jumpTo')}
            onChange={(d) => d && calendarRef.current?.getApi().gotoDate(d.format('YYYY-MM-01'))}
            style={{ width: 140 }}
          />
          <Typography.Text type="secondary" data-testid="event-count">
            {t('events.count', { count: total })}
          </Typography.Text>
        </Space>
        <div className="ev-legend" aria-label={t('events.legend')}>
          {legendTypes.map((type) => (
            <span key={type.id}>
              <i style={{ background: type.color }} />
              {type.name}
            </span>
          ))}
          <span>
            <i className="ev-legend-planned" />
            {t('events.calendar.plannedLegend')}
          </span>
          <span>
            <b className="ev-day-mark ev-day-mark-holiday">{t('events.calendar.rest')}</b>
            {t('events.calendar.holiday')}
          </span>
          <span>
            <b className="ev-day-mark ev-day-mark-workday">{t('events.calendar.work')}</b>
            {t('events.calendar.workday')}
          </span>
        </div>
        {loadError ? <Alert type="error" showIcon title={loadError} style={{ marginBottom: 12 }} /> : null}
        <EventCalendar calendarRef={calendarRef} events={events} holidays={holidays} mayMove={mayMove} zoneName={lookups.zoneName} onRangeChange={setRange} onOpen={onOpenChange} onMove={(m) => void move(m)} onPickDate={pickDate} />
      </Card>
      {creating ? (
        <EventFormModal
          event={null}
          draft={creating.draft}
          lookups={lookups}
          onClose={() => setCreating(null)}
          onSaved={(saved) => {
            setCreating(null);
            calendarRef.current?.getApi().gotoDate(saved.startAt.slice(0, 10));
            reload();
            onOpenChange(saved.id);
          }}
        />
      ) : null}
      {openId && !overlay ? (
        <EventDrawer
          id={openId}
          lookups={lookups}
          onClose={() => onOpenChange(null)}
          onChanged={reload}
          onDesk={() => setOverlay({ kind: 'desk', eventId: openId })}
          onPrint={(sheet) => setOverlay({ kind: 'print', eventId: openId, sheet })}
        />
      ) : null}
      {importing ? (
        <ImportIcsModal
          lookups={lookups}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            reload();
          }}
        />
      ) : null}
      {overlay?.kind === 'desk' ? (
        <CheckInDesk
          eventId={overlay.eventId}
          onClose={() => {
            setOverlay(null);
            reload();
          }}
        />
      ) : null}
      {overlay?.kind === 'print' ? (
        <PrintView eventId={overlay.eventId} kind={overlay.sheet} onKindChange={(sheet) => setOverlay({ ...overlay, sheet })} onClose={() => setOverlay(null)} />
      ) : null}
    </>
  );
}
