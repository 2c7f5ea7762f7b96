import { notIcs, readComponents, readLines, type Component } from './ics-read';
import { unescapeText, type ContentLine } from './ics-text';
import { addDays, parseDuration, parseIcsDate, parseIcsDateTime, parseUtcOffset, resolveZone, SHANGHAI, shanghaiIso, type FileZone, type Zone } from './ics-time';
import type { IcsStatus } from './ics-write';

/**
 * Reads the VEVENTs of an .ics file (Outlook, Google, WPS, our own export) into the app's form:
 * timed events as ISO +08:00, all-day events as YYYY-MM-DD with an exclusive end, as written.
 * Recurring events are not expanded: the first occurrence is imported and a warning says so.
 */

export interface ParsedIcsEvent {
  /** As in the file; our own export writes `<record id>@alliance-workspace`. '' when the file has none. */
  uid: string;
  sequence: number;
  title: string;
  /** Our export's agenda arrives here as text, after the description. */
  description: string;
  location: string;
  url?: string; // http(s) only
  start: string;
  end: string; // all-day: exclusive; timed: equal to start when the file gives no end
  allDay: boolean;
  status: IcsStatus;
  /** The file has RRULE/RDATE: only this first occurrence was imported. */
  recurring: boolean;
  /** LAST-MODIFIED, else DTSTAMP, as ISO UTC, to decide whether a re-import is newer. */
  updatedAt?: string;
}

export interface ParsedCalendar {
  events: ParsedIcsEvent[];
  warnings: string[];
  calendarName?: string;
}

const MAX_WARNINGS = 30;
const STATUSES: Record<string, IcsStatus> = { CONFIRMED: 'confirmed', TENTATIVE: 'tentative', CANCELLED: 'cancelled' };

/** Throws a VALIDATION AppError with a Chinese sentence when the input is not a usable calendar. */
export function parseCalendar(input: string | Uint8Array): ParsedCalendar {
  const warnings: string[] = [];
  const calendars = readComponents(readLines(input, warnings), warnings);
  const children = calendars.flatMap((c) => c.children);
  const context = new EventReader(fileZones(children), warnings);
  const skipped = { VTODO: 0, VJOURNAL: 0, override: 0 };
  const events: ParsedIcsEvent[] = [];
  let ordinal = 0;
  for (const child of children) {
    if (child.name === 'VTODO' || child.name === 'VJOURNAL') skipped[child.name]++;
    if (child.name !== 'VEVENT') continue;
    ordinal++;
    // A changed single occurrence of a recurring event: its series is imported once, so it has nowhere to go.
    if (first(child, 'RECURRENCE-ID')) skipped.override++;
    else events.push(context.read(child, ordinal));
  }
  if (skipped.VTODO) warnings.push(`已跳过 ${skipped.VTODO} 个待办事项（VTODO），只导入活动。`);
  if (skipped.VJOURNAL) warnings.push(`已跳过 ${skipped.VJOURNAL} 篇日志（VJOURNAL），只导入活动。`);
  if (skipped.override) warnings.push(`已跳过 ${skipped.override} 个重复活动中单独修改过的场次（RECURRENCE-ID）。`);
  const version = calendars.map((c) => first(c, 'VERSION')?.value.trim()).find(Boolean);
  if (version && version !== '2.0') warnings.push(`文件是 iCalendar ${version} 版本，按 2.0 读取，部分内容可能不准确。`);
  const name = calendars.map((c) => first(c, 'X-WR-CALNAME')).find(Boolean);
  const shown = warnings.length > MAX_WARNINGS ? [...warnings.slice(0, MAX_WARNINGS), `另有 ${warnings.length - MAX_WARNINGS} 条提示未列出。`] : warnings;
  return name ? { events, warnings: shown, calendarName: unescapeText(name.value).trim() } : { events, warnings: shown };
}

function first(component: Component, name: string): ContentLine | undefined {
  return component.props.find((p) => p.name === name);
}

function text(component: Component, name: string): string {
  const prop = first(component, name);
  return prop ? unescapeText(prop.value).trim() : '';
}

/** Each VTIMEZONE's standard offset, for TZIDs the runtime does not know (Windows names other than China's). */
function fileZones(children: Component[]): Map<string, FileZone> {
  const zones = new Map<string, FileZone>();
  for (const tz of children.filter((c) => c.name === 'VTIMEZONE')) {
    const id = first(tz, 'TZID')?.value.trim();
    const standard = tz.children.find((c) => c.name === 'STANDARD') ?? tz.children[0];
    const offset = standard && parseUtcOffset(first(standard, 'TZOFFSETTO')?.value ?? '');
    if (id && offset !== undefined && offset !== null) zones.set(id, { standard: offset, daylight: tz.children.some((c) => c.name === 'DAYLIGHT') });
  }
  return zones;
}

type Moment = { allDay: true; date: string } | { allDay: false; instant: number };

class EventReader {
  private readonly zones = new Map<string, Zone>();
  constructor(
    private readonly fileZones: Map<string, FileZone>,
    private readonly warnings: string[],
  ) {}

  read(event: Component, ordinal: number): ParsedIcsEvent {
    const title = text(event, 'SUMMARY');
    const chars = Array.from(title); // by code point, so an emoji is not cut in half
    const label = `第 ${ordinal} 个活动${title ? `（“${chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : title}”）` : ''}`;
    const dtstart = first(event, 'DTSTART') ?? notIcs(`${label}缺少开始时间（DTSTART）。`);
    const start = this.moment(dtstart) ?? notIcs(`${label}的开始时间“${dtstart.value.slice(0, 40)}”无法识别。`);
    const end = this.end(event, start, label);
    const recurring = !!(first(event, 'RRULE') || first(event, 'RDATE'));
    if (recurring) this.warnings.push(`${label}是重复活动，只导入了第一次（${this.show(start)}），以后各次请导入后自行添加。`);
    const status = STATUSES[(first(event, 'STATUS')?.value ?? '').trim().toUpperCase()] ?? 'confirmed';
    const sequence = /^\s*\d{1,9}\s*$/.test(first(event, 'SEQUENCE')?.value ?? '') ? Number(first(event, 'SEQUENCE')?.value) : 0;
    const url = text(event, 'URL');
    const urlOk = /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(url);
    if (url && !urlOk) this.warnings.push(`${label}的链接不是 http(s) 网址，已忽略。`);
    const stamp = this.utcStamp(first(event, 'LAST-MODIFIED')) ?? this.utcStamp(first(event, 'DTSTAMP'));
    return {
      uid: text(event, 'UID'),
      sequence,
      title,
      description: text(event, 'DESCRIPTION'),
      location: text(event, 'LOCATION'),
      ...(urlOk ? { url } : {}),
      start: this.show(start),
      end: this.show(end),
      allDay: start.allDay,
      status,
      recurring,
      ...(stamp ? { updatedAt: stamp } : {}),
    };
  }

  /** DTEND, else DURATION, else RFC 5545's defaults: one day for a date, a moment for a date-time. */
  private end(event: Component, start: Moment, label: string): Moment {
    const fallback: Moment = start.allDay ? { allDay: true, date: addDays(start.date, 1) } : start;
    const dtend = first(event, 'DTEND');
    const duration = first(event, 'DURATION');
    let end: Moment | null = fallback;
    if (dtend) end = this.moment(dtend);
    else if (duration) {
      const d = parseDuration(duration.value);
      end = !d ? null : start.allDay ? { allDay: true, date: addDays(start.date, Math.max(d.days, 1)) } : { allDay: false, instant: start.instant + d.ms };
    }
    if (!end || end.allDay !== start.allDay) {
      this.warnings.push(`${label}的结束时间无法识别或与开始时间类型不一致，已按${start.allDay ? '一天' : '开始时间'}处理。`);
      return fallback;
    }
    const backwards = end.allDay && start.allDay ? end.date <= start.date : !end.allDay && !start.allDay && end.instant < start.instant;
    if (backwards) {
      this.warnings.push(`${label}的结束时间早于开始时间，已按${start.allDay ? '一天' : '开始时间'}处理。`);
      return fallback;
    }
    return end;
  }

  private moment(prop: ContentLine): Moment | null {
    const value = prop.value.trim();
    const date = parseIcsDate(value);
    // VALUE=DATE, or a bare date where the writer forgot the parameter.
    if (date && (prop.params.get('VALUE')?.toUpperCase() === 'DATE' || !value.includes('T'))) return { allDay: true, date };
    const time = parseIcsDateTime(value);
    if (!time) return null;
    if (time.utc) return { allDay: false, instant: time.wall };
    const tzid = prop.params.get('TZID');
    // A floating time (no TZID, no Z) is taken as Beijing time: the alliance's events happen in China.
    return { allDay: false, instant: (tzid ? this.zone(tzid) : SHANGHAI)(time.wall) };
  }

  private zone(tzid: string): Zone {
    let zone = this.zones.get(tzid);
    if (!zone) {
      const resolved = resolveZone(tzid, this.fileZones);
      if (resolved.note) this.warnings.push(`${resolved.note}。`);
      zone = resolved.zone;
      this.zones.set(tzid, zone);
    }
    return zone;
  }

  private utcStamp(prop: ContentLine | undefined): string | undefined {
    const time = prop && parseIcsDateTime(prop.value);
    return time?.utc ? new Date(time.wall).toISOString() : undefined;
  }

  private show(moment: Moment): string {
    return moment.allDay ? moment.date : shanghaiIso(moment.instant);
  }
}
