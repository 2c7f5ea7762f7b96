import { AppError } from '../../../../shared/errors';
import { escapeText, foldLine } from './ics-text';
import { icsDate, icsShanghaiLocal, icsUtc, isIsoDate, isoInstant } from './ics-time';

/**
 * Writes events as one RFC 5545 calendar that Outlook, Google Calendar and WPS import:
 * CRLF, lines folded at 75 octets, an Asia/Shanghai VTIMEZONE (Outlook needs the definition;
 * Google and WPS read the IANA name), METHOD:PUBLISH (Outlook then imports rather than asking
 * to reply to an invitation).
 */

export type IcsStatus = 'confirmed' | 'tentative' | 'cancelled';

export interface IcsAgendaItem {
  time: string; // as shown, e.g. 09:00
  topic: string;
  speaker?: string;
  organisation?: string;
}

/**
 * One event to export. Timed: `start`/`end` are ISO date-times with an offset (the app uses
 * +08:00); `end` may equal `start`. All-day: `start`/`end` are YYYY-MM-DD and `end` is EXCLUSIVE,
 * the day after the last day (RFC 5545 and FullCalendar alike): a one-day event on 10月1日 is
 * start 2026-10-01, end 2026-10-02.
 */
export interface IcsEvent {
  uid: string; // the record id; written as <uid>@alliance-workspace
  sequence: number; // +1 on each change that attendees should see (the record's version − 1 works)
  title: string;
  description: string;
  location: string;
  url?: string;
  start: string;
  end: string;
  allDay: boolean;
  status: IcsStatus;
  updatedAt: string; // ISO; written as DTSTAMP and LAST-MODIFIED (UTC)
  agenda?: IcsAgendaItem[];
}

export interface WriteCalendarOptions {
  calendarName: string;
  prodId?: string;
}

export const UID_DOMAIN = 'alliance-workspace';
export const DEFAULT_PROD_ID = '-//Alliance Workspace//Innovation Events//ZH-CN';

const VTIMEZONE_SHANGHAI = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The calendar as a string with CRLF line endings, ending in CRLF. */
export function writeCalendar(events: readonly IcsEvent[], opts: WriteCalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.prodId ?? DEFAULT_PROD_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.calendarName)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...VTIMEZONE_SHANGHAI,
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function eventLines(event: IcsEvent): string[] {
  const fail = (reason: string): never => {
    throw new AppError('VALIDATION', `无法导出活动“${event.title}”：${reason}`);
  };
  const updated = isoInstant(event.updatedAt) ?? fail(`修改时间格式不正确（${event.updatedAt}）。`);
  const description = eventDescription(event);
  const url = event.url?.trim();
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${event.uid}@${UID_DOMAIN}`)}`,
    `DTSTAMP:${icsUtc(updated)}`,
    `LAST-MODIFIED:${icsUtc(updated)}`,
    `SEQUENCE:${Number.isSafeInteger(event.sequence) && event.sequence >= 0 ? event.sequence : fail('版本序号应为非负整数。')}`,
    ...(event.allDay ? allDayLines(event, fail) : timedLines(event, fail)),
    `SUMMARY:${escapeText(event.title)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(event.location.trim() ? [`LOCATION:${escapeText(event.location)}`] : []),
    // URL is a URI, not TEXT: it is not escaped, so only a plain http(s) URL without spaces or controls may pass.
    ...(url && /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(url) ? [`URL:${url}`] : []),
    `STATUS:${event.status.toUpperCase()}`,
    'END:VEVENT',
  ];
}

function allDayLines(event: IcsEvent, fail: (reason: string) => never): string[] {
  if (!isIsoDate(event.start) || !isIsoDate(event.end)) fail('全天活动的日期应为 YYYY-MM-DD。');
  if (event.end <= event.start) fail('全天活动的结束日期应晚于开始日期（结束日期不含当天）。');
  return [`DTSTART;VALUE=DATE:${icsDate(event.start)}`, `DTEND;VALUE=DATE:${icsDate(event.end)}`];
}

function timedLines(event: IcsEvent, fail: (reason: string) => never): string[] {
  const start = isoInstant(event.start) ?? fail(`开始时间格式不正确（${event.start}）。`);
  const end = isoInstant(event.end) ?? fail(`结束时间格式不正确（${event.end}）。`);
  if (end < start) fail('结束时间早于开始时间。');
  // RFC 5545 wants DTEND later than DTSTART; a moment-long event simply has no DTEND.
  const dtend = end > start ? [`DTEND;TZID=Asia/Shanghai:${icsShanghaiLocal(end)}`] : [];
  return [`DTSTART;TZID=Asia/Shanghai:${icsShanghaiLocal(start)}`, ...dtend];
}

/** The description, then the agenda, one line per item: 09:00 主题 — 报告人（单位）. */
export function eventDescription(event: Pick<IcsEvent, 'description' | 'agenda'>): string {
  const agenda = (event.agenda ?? []).map((item) => {
    const speaker = item.speaker?.trim();
    const organisation = item.organisation?.trim();
    const who = speaker ? (organisation ? `${speaker}（${organisation}）` : speaker) : (organisation ?? '');
    return [item.time.trim(), item.topic.trim()].filter(Boolean).join(' ') + (who ? ` — ${who}` : '');
  });
  const parts = [event.description.trimEnd(), agenda.length ? ['议程：', ...agenda].join('\n') : ''];
  return parts.filter(Boolean).join('\n\n');
}
