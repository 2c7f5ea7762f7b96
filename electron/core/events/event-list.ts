import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { EventListInput, EventListResult, EventSummary } from '../../../shared/domain/event';
import { addDays } from '../../../shared/shanghai-date';
import { matchingSeqs } from '../search/gram-query';
import { queryWords } from '../search/normalize';

type Input = z.output<typeof EventListInput>;

/**
 * Events for the calendar and the list: those overlapping [from, to] (dates, Asia/Shanghai),
 * filtered by zone (host or co-host), type and status, with text through the one engine
 * (the 'event' text index). Ordered by start.
 */
export function listEvents(db: Database.Database, input: Input): EventListResult {
  const keep = !db.inTransaction;
  return db.transaction(() => {
    const where: string[] = ['e.deleted_at IS NULL'];
    const params: unknown[] = [];
    const words = queryWords(input.query);
    if (words.length > 0) {
      where.push('e.seq IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(Array.from(matchingSeqs(db, 'event', words, keep))));
    }
    if (input.from) {
      where.push('e.end_at > ?');
      params.push(`${input.from}T00:00:00+08:00`);
    }
    if (input.to) {
      where.push('e.start_at < ?');
      params.push(`${addDays(input.to, 1)}T00:00:00+08:00`);
    }
    if (input.zoneIds.length > 0) {
      where.push('(e.owner_zone_id IN (SELECT value FROM json_each(?)) OR EXISTS (SELECT 1 FROM json_each(e.co_host_zone_ids) c WHERE c.value IN (SELECT value FROM json_each(?))))');
      params.push(JSON.stringify(input.zoneIds), JSON.stringify(input.zoneIds));
    }
    if (input.typeIds.length > 0) {
      where.push('e.type_id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(input.typeIds));
    }
    if (input.statuses.length > 0) {
      where.push('e.status IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(input.statuses));
    }
    const clause = where.join(' AND ');
    const total = db.prepare<unknown[], number>(`SELECT count(*) FROM events e WHERE ${clause}`).pluck().get(...params) ?? 0;
    const rows = db
      .prepare<unknown[], Row>(
        `SELECT e.id, e.seq, e.version, e.title, e.type_id, t.name AS type_name, t.color AS type_color, e.owner_zone_id, z.short_name AS zone_name,
                e.co_host_zone_ids, e.start_at, e.end_at, e.all_day, e.venue, e.status, e.capacity, e.is_demo,
                (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed' AND r.deleted_at IS NULL) AS confirmed
         FROM events e JOIN event_types t ON t.id = e.type_id JOIN zones z ON z.id = e.owner_zone_id
         WHERE ${clause} ORDER BY e.start_at, e.seq LIMIT ?`,
      )
      .all(...params, input.limit);
    return { items: rows.map(toSummary), total, highlight: words };
  })();
}

interface Row {
  id: string;
  seq: number;
  version: number;
  title: string;
  type_id: string;
  type_name: string;
  type_color: string;
  owner_zone_id: string;
  zone_name: string;
  co_host_zone_ids: string;
  start_at: string;
  end_at: string;
  all_day: number;
  venue: string;
  status: EventSummary['status'];
  capacity: number | null;
  is_demo: number;
  confirmed: number;
}

function toSummary(r: Row): EventSummary {
  return {
    id: r.id,
    seq: r.seq,
    version: r.version,
    title: r.title,
    typeId: r.type_id,
    typeName: r.type_name,
    typeColor: r.type_color,
    ownerZoneId: r.owner_zone_id,
    ownerZoneName: r.zone_name,
    coHostZoneIds: JSON.parse(r.co_host_zone_ids) as string[],
    startAt: r.start_at,
    endAt: r.end_at,
    allDay: r.all_day === 1,
    venue: r.venue,
    status: r.status,
    capacity: r.capacity,
    isDemo: r.is_demo === 1,
    confirmed: r.confirmed,
  };
}
