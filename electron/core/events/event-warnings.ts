import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { BUSY_DAY_EVENTS, type EventCheckInput, type EventWarning } from '../../../shared/domain/event';
import { dayInfo } from '../../../shared/domain/holidays';
import { addDays, shanghaiDateOf, toShanghaiIso } from '../../../shared/shanghai-date';
import type { Actor } from '../records';
import { extraHolidays } from './holiday-settings';

type Input = z.output<typeof EventCheckInput>;

interface Neighbour {
  id: string;
  title: string;
  owner_zone_id: string;
  co_host_zone_ids: string;
  venue: string;
  start_at: string;
  end_at: string;
}

const MAX_DAYS_CHECKED = 31;

/**
 * What a planner should know before saving — warnings, not blocks: a statutory holiday or a
 * 调休 workday on any of the event's days; the host or a co-host zone already has an event
 * overlapping in time; the venue is taken then; a day already has many alliance events.
 */
export function eventWarnings(db: Database.Database, actor: Actor, input: Input): EventWarning[] {
  const warnings: EventWarning[] = [];
  const start = toShanghaiIso(input.startAt);
  const end = toShanghaiIso(input.endAt);
  const extra = extraHolidays(db);
  const days = eventDays(start, end);
  for (const day of days) {
    const info = dayInfo(day, extra);
    if (info.kind === 'holiday') warnings.push({ kind: 'holiday', message: `${day} 是法定节假日（${info.name}），参会人员可能难以出席。` });
    if (info.kind === 'workday') warnings.push({ kind: 'workday', message: `${day} 是${info.name}调休上班日（周末补班）。` });
  }
  const overlapping = db
    .prepare<[string, string, string], Neighbour>(
      `SELECT id, title, owner_zone_id, co_host_zone_ids, venue, start_at, end_at FROM events
       WHERE deleted_at IS NULL AND status <> 'cancelled' AND id <> ? AND start_at < ? AND end_at > ? ORDER BY start_at`,
    )
    .all(input.id ?? '', end, start);
  const host = input.ownerZoneId ?? actor.zoneId ?? '';
  const ours = new Set([host, ...input.coHostZoneIds]);
  const zoneNames = new Map(db.prepare<[], [string, string]>('SELECT id, short_name FROM zones').raw().all());
  for (const other of overlapping) {
    const theirs = [other.owner_zone_id, ...(JSON.parse(other.co_host_zone_ids) as string[])];
    const shared = theirs.filter((z) => ours.has(z)).map((z) => zoneNames.get(z) ?? z);
    if (shared.length > 0) warnings.push({ kind: 'zoneBusy', message: `${shared.join('、')}同一时间已有活动「${other.title}」（${when(other)}）。` });
    if (input.venue.trim() && sameVenue(input.venue, other.venue)) warnings.push({ kind: 'venueTaken', message: `场地「${other.venue}」同一时间已被「${other.title}」使用（${when(other)}）。` });
  }
  const perDay = db.prepare<[string, string, string], number>(
    "SELECT count(*) FROM events WHERE deleted_at IS NULL AND status <> 'cancelled' AND id <> ? AND start_at < ? AND end_at > ?",
  ).pluck();
  for (const day of days) {
    const n = perDay.get(input.id ?? '', `${addDays(day, 1)}T00:00:00+08:00`, `${day}T00:00:00+08:00`) ?? 0;
    if (n >= BUSY_DAY_EVENTS) warnings.push({ kind: 'busyDay', message: `${day} 已有 ${n} 场联盟活动，参会人员可能分身乏术。` });
  }
  return warnings;
}

/** The calendar days an event touches (an end at midnight does not touch the next day). */
function eventDays(start: string, end: string): string[] {
  const first = shanghaiDateOf(start);
  const last = shanghaiDateOf(Date.parse(end) - 1);
  const days: string[] = [];
  for (let d = first; d <= last && days.length < MAX_DAYS_CHECKED; d = addDays(d, 1)) days.push(d);
  return days;
}

function sameVenue(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s，,。.·()（）-]/g, '').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

function when(e: Neighbour): string {
  return `${e.start_at.slice(5, 16).replace('T', ' ')}–${e.end_at.slice(11, 16)}`;
}
