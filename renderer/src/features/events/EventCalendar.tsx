import type { DatesSetArg, DayCellContentArg, DayHeaderContentArg, EventContentArg, EventDropArg, EventInput, EventMountArg } from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg, type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import multiMonthPlugin from '@fullcalendar/multimonth';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../../shared/domain/event';
import type { HolidayEntry } from '../../../../shared/domain/holidays';
import { addDays, calendarDate, calendarNow, isoToCalendar } from './time';

export const CALENDAR_VIEWS = ['dayGridMonth', 'timeGridWeek', 'listMonth', 'multiMonthYear'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export interface VisibleRange {
  view: CalendarView;
  /** First and last visible date (inclusive), Asia/Shanghai. */
  from: string;
  to: string;
}

export interface CalendarMove {
  id: string;
  title: string;
  startAt: Date;
  endAt: Date | null;
  allDay: boolean;
  /** Puts the event back where it was. */
  revert(): void;
}

interface Props {
  calendarRef: RefObject<FullCalendar | null>;
  events: readonly EventSummary[];
  holidays: readonly HolidayEntry[];
  /** Whether this installation may move the event (the core decides in the end). */
  mayMove(e: EventSummary): boolean;
  zoneName(id: string): string;
  onRangeChange(range: VisibleRange): void;
  onOpen(id: string): void;
  onMove(move: CalendarMove): void;
  onPickDate(date: string, time: string | null): void;
}

// Options FullCalendar compares by reference: a new object on every render would reset the view.
const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, multiMonthPlugin, interactionPlugin];
const LOCALES = [zhCnLocale];
const HEADER_TOOLBAR = { left: 'prev,next today', center: 'title', right: CALENDAR_VIEWS.join(',') };
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const VIEWS = {
  timeGridWeek: { slotMinTime: '07:00:00', slotMaxTime: '22:00:00', nowIndicator: true, slotLabelFormat: TIME_FORMAT },
  multiMonthYear: { multiMonthMaxColumns: 4, multiMonthMinWidth: 220 },
  listMonth: { listDayFormat: { month: 'long', day: 'numeric', weekday: 'short' }, listDaySideFormat: false },
} as const;

/** Consecutive days of one holiday (or one 调休 day) become one background band. */
function holidayBands(entries: readonly HolidayEntry[]): EventInput[] {
  const bands: EventInput[] = [];
  let current: { start: string; end: string; kind: HolidayEntry['kind']; name: string } | null = null;
  for (const entry of entries) {
    if (current && current.kind === entry.kind && current.name === entry.name && current.end === entry.date) {
      current.end = addDays(entry.date, 1);
      continue;
    }
    if (current) bands.push(band(current));
    current = { start: entry.date, end: addDays(entry.date, 1), kind: entry.kind, name: entry.name };
  }
  if (current) bands.push(band(current));
  return bands;
}

function band(b: { start: string; end: string; kind: HolidayEntry['kind']; name: string }): EventInput {
  return {
    id: `holiday-${b.start}`,
    start: b.start,
    end: b.end,
    allDay: true,
    display: 'background',
    title: b.kind === 'holiday' ? b.name : `${b.name}调休`,
    classNames: [b.kind === 'holiday' ? 'ev-holiday-band' : 'ev-workday-band'],
    editable: false,
  };
}

/**
 * The events calendar (FullCalendar): month, week, list and a year overview, Monday first,
 * Beijing time on any computer (see time.ts), events coloured by type, 休 / 班 on statutory
 * holidays and 调休 working days, drag to move (the page confirms).
 */
export function EventCalendar({ calendarRef, events, holidays, mayMove, zoneName, onRangeChange, onOpen, onMove, onPickDate }: Props) {
  const { t, i18n } = useTranslation();
  const lastRange = useRef<VisibleRange | null>(null);
  const buttonText = useMemo(
    () => ({ today: t('events.calendar.today'), month: t('events.calendar.month'), week: t('events.calendar.week'), list: t('events.calendar.list'), year: t('events.calendar.year') }),
    [t],
  );
  const byDate = useMemo(() => new Map(holidays.map((h) => [h.date, h])), [holidays]);
  const inputs = useMemo<EventInput[]>(
    () => [
      ...events.map((e) => ({
        id: e.id,
        title: e.title,
        start: e.allDay ? e.startAt.slice(0, 10) : isoToCalendar(e.startAt),
        end: e.allDay ? isoToCalendar(e.endAt).slice(0, 10) : isoToCalendar(e.endAt),
        allDay: e.allDay,
        backgroundColor: e.typeColor,
        borderColor: e.typeColor,
        editable: mayMove(e),
        classNames: [`ev-status-${e.status}`],
        extendedProps: { summary: e },
      })),
      ...holidayBands(holidays),
    ],
    [events, holidays, mayMove],
  );

  const dayMark = (date: Date, withName: boolean) => {
    const day = calendarDate(date);
    const entry = byDate.get(day);
    if (!entry) return null;
    // The holiday's name once per run of days and once per week row, not on every cell.
    const previous = byDate.get(addDays(day, -1));
    const named = withName && entry.kind === 'holiday' && (!previous || previous.name !== entry.name || previous.kind !== entry.kind || date.getUTCDay() === 1);
    return (
      <span className="ev-day-marks">
        <span className={`ev-day-mark ev-day-mark-${entry.kind}`} title={entry.kind === 'holiday' ? entry.name : t('events.calendar.workdayTitle', { name: entry.name })} data-testid={`day-mark-${day}`} data-kind={entry.kind}>
          {entry.kind === 'holiday' ? t('events.calendar.rest') : t('events.calendar.work')}
        </span>
        {named ? <span className="ev-day-name">{entry.name}</span> : null}
      </span>
    );
  };

  // The year overview: a day's number coloured as 休 / 班, and one dot per event type that day.
  const byDay = useMemo(() => {
    const map = new Map<string, EventSummary[]>();
    for (const e of events) {
      const first = isoToCalendar(e.startAt).slice(0, 10);
      const end = isoToCalendar(e.endAt);
      const last = end.slice(11) === '00:00:00' && end.slice(0, 10) > first ? addDays(end.slice(0, 10), -1) : end.slice(0, 10);
      for (let d = first, n = 0; d <= last && n < 62; d = addDays(d, 1), n++) map.set(d, [...(map.get(d) ?? []), e]);
    }
    return map;
  }, [events]);

  const yearDay = (date: Date) => {
    const day = calendarDate(date);
    const entry = byDate.get(day);
    const onDay = byDay.get(day) ?? [];
    const colours = [...new Set(onDay.map((e) => e.typeColor))].slice(0, 3);
    const title = [entry ? (entry.kind === 'holiday' ? entry.name : t('events.calendar.workdayTitle', { name: entry.name })) : '', ...onDay.map((e) => e.title)].filter(Boolean).join('\n');
    return (
      <span className={`ev-year-day${entry ? ` ev-year-${entry.kind}` : ''}`} title={title || undefined} data-testid={entry ? `day-mark-${day}` : undefined} data-kind={entry?.kind}>
        {date.getUTCDate()}
        {colours.length ? (
          <span className="ev-year-dots">
            {colours.map((c) => (
              <i key={c} style={{ background: c }} />
            ))}
          </span>
        ) : null}
      </span>
    );
  };

  const move = (info: EventDropArg | EventResizeDoneArg) => {
    const { event } = info;
    if (!event.start) return info.revert();
    onMove({ id: event.id, title: event.title, startAt: event.start, endAt: event.end, allDay: event.allDay, revert: info.revert });
  };

  return (
    <div className="ev-calendar" data-testid="event-calendar">
      <FullCalendar
        ref={calendarRef}
        plugins={PLUGINS}
        initialView="dayGridMonth"
        locales={LOCALES}
        locale={i18n.language === 'en' ? 'en' : 'zh-cn'}
        timeZone="UTC"
        now={calendarNow}
        firstDay={1}
        height="auto"
        headerToolbar={HEADER_TOOLBAR}
        buttonText={buttonText}
        views={VIEWS}
        eventTimeFormat={TIME_FORMAT}
        dayMaxEvents={4}
        eventDisplay="block"
        events={inputs}
        editable
        eventDurationEditable
        noEventsText={t('events.calendar.noEvents')}
        datesSet={(arg: DatesSetArg) => {
          const next = { view: arg.view.type as CalendarView, from: calendarDate(arg.start), to: addDays(calendarDate(arg.end), -1) };
          const last = lastRange.current;
          if (last && last.view === next.view && last.from === next.from && last.to === next.to) return;
          lastRange.current = next;
          onRangeChange(next);
        }}
        eventClick={(arg) => {
          if (arg.event.display === 'background') return;
          arg.jsEvent.preventDefault();
          onOpen(arg.event.id);
        }}
        eventContent={(arg: EventContentArg) => {
          const summary = arg.event.extendedProps.summary as EventSummary | undefined;
          if (arg.view.type !== 'listMonth' || !summary) return true; // FullCalendar's own rendering
          return (
            <span className="ev-list-item">
              <span className="ev-list-title">{summary.title}</span>
              <span className="ev-list-meta">{[summary.typeName, [summary.ownerZoneName, ...summary.coHostZoneIds.map(zoneName)].join('、'), summary.venue].filter(Boolean).join(' · ')}</span>
              {summary.status !== 'published' ? <span className={`ev-list-status ev-list-status-${summary.status}`}>{t(`events.status.${summary.status}`)}</span> : null}
              {summary.capacity !== null ? <span className="ev-list-meta">{t('events.calendar.places', { confirmed: summary.confirmed, capacity: summary.capacity })}</span> : null}
            </span>
          );
        }}
        eventDidMount={(arg: EventMountArg) => {
          const summary = arg.event.extendedProps.summary as EventSummary | undefined;
          if (summary) {
            arg.el.title = [summary.title, summary.typeName, summary.ownerZoneName, summary.venue, t(`events.status.${summary.status}`)].filter(Boolean).join(' · ');
            arg.el.setAttribute('data-testid', 'calendar-event');
          }
        }}
        eventDrop={move}
        eventResize={move}
        dateClick={(arg: DateClickArg) => {
          // In the year overview a day opens its month; elsewhere it starts a new event there.
          if (arg.view.type === 'multiMonthYear') return arg.view.calendar.changeView('dayGridMonth', calendarDate(arg.date));
          onPickDate(calendarDate(arg.date), arg.allDay ? null : arg.date.toISOString().slice(11, 16));
        }}
        dayCellContent={(arg: DayCellContentArg) => {
          if (arg.view.type === 'timeGridWeek') return <></>; // the column header carries the date and its mark
          if (arg.view.type === 'multiMonthYear') return yearDay(arg.date);
          return (
            <>
              {dayMark(arg.date, true)}
              <span className="ev-day-number">{arg.date.getUTCDate()}</span>
            </>
          );
        }}
        dayHeaderContent={(arg: DayHeaderContentArg) =>
          arg.view.type === 'timeGridWeek' ? (
            <>
              {arg.text}
              {dayMark(arg.date, true)}
            </>
          ) : (
            arg.text
          )
        }
      />
    </div>
  );
}
