import type Database from 'better-sqlite3';
import type { AttentionGroup, Dashboard, PlanProgress, ZoneContribution } from '../../../shared/domain/plan';
import { CLOSING_SOON_DAYS } from '../../../shared/domain/scenario';
import { slotHasBegun, slotText } from '../../../shared/domain/sharing-request';
import { addDays, shanghaiToday } from '../../../shared/shanghai-date';
import type { Actor } from '../records';
import { planProgress } from './plan-progress';
import { listWorkItems } from './plan-service';

const SHOWN = 8;

/** The secretariat's desk for a year: 1+X+N progress, what needs attention, who contributed. */
export function dashboard(db: Database.Database, actor: Actor, year: number): Dashboard {
  const progress = planProgress(db, year);
  return { year, progress, attention: attention(db, actor, year), zones: contributions(db, progress) };
}

function attention(db: Database.Database, actor: Actor, year: number): AttentionGroup[] {
  const today = shanghaiToday();
  const group = (kind: AttentionGroup['kind'], rows: AttentionGroup['items']): AttentionGroup => ({ kind, count: rows.length, items: rows.slice(0, SHOWN) });
  const own = actor.role === 'secretariat' ? '' : ' AND x.owner_zone_id = @zone';
  const params = { zone: actor.zoneId ?? '', today, soon: addDays(today, CLOSING_SOON_DAYS - 1), weekEnd: `${addDays(today, 7)}T00:00:00+08:00`, now: `${today}T00:00:00+08:00` };
  const review = db
    .prepare<typeof params, AttentionGroup['items'][number]>(
      `SELECT x.id, x.title, '提交于 ' || substr(x.submitted_at, 1, 10) AS detail, z.short_name AS zoneName FROM resources x JOIN zones z ON z.id = x.owner_zone_id
       WHERE x.deleted_at IS NULL AND x.status = 'submitted'${own} ORDER BY x.submitted_at`,
    )
    .all(params);
  const closing = db
    .prepare<typeof params, AttentionGroup['items'][number]>(
      `SELECT x.id, x.title, x.deadline || ' 截止' AS detail, z.short_name AS zoneName FROM scenarios x JOIN zones z ON z.id = x.owner_zone_id
       WHERE x.deleted_at IS NULL AND x.status = 'published' AND x.deadline >= @today AND x.deadline <= @soon ORDER BY x.deadline`,
    )
    .all(params);
  const noVenue = db
    .prepare<typeof params, AttentionGroup['items'][number]>(
      `SELECT x.id, x.title, substr(x.start_at, 6, 11) AS detail, z.short_name AS zoneName FROM events x JOIN zones z ON z.id = x.owner_zone_id
       WHERE x.deleted_at IS NULL AND x.status IN ('planned', 'published') AND x.start_at >= @now AND x.start_at < @weekEnd AND x.venue = '' AND x.online_url = ''${own} ORDER BY x.start_at`,
    )
    .all(params);
  // Requests waiting for this zone's answer (the secretariat: all), oldest slot first; one whose
  // slot has begun can only be declined, and says so.
  const now = new Date();
  const pending = db
    .prepare<typeof params, { id: string; title: string; organisation: string; slot_start: string | null; slot_end: string | null; zoneName: string }>(
      `SELECT q.id, x.title, q.organisation, q.slot_start, q.slot_end, z.short_name AS zoneName
       FROM sharing_requests q JOIN resources x ON x.id = q.resource_id JOIN zones z ON z.id = q.requester_zone_id
       WHERE q.deleted_at IS NULL AND q.status = 'pending'${own} ORDER BY coalesce(q.slot_start, q.created_at)`,
    )
    .all(params)
    .map((q) => ({
      id: q.id,
      title: q.title,
      zoneName: q.zoneName,
      detail: q.slot_start && q.slot_end ? `${q.organisation} · ${slotText(q.slot_start, q.slot_end)}${slotHasBegun({ slotStart: q.slot_start }, now) ? '（时段已过）' : ''}` : `${q.organisation} · 送样检测`,
    }));
  const overdue = listWorkItems(db, year)
    .filter((w) => w.overdue && (actor.role === 'secretariat' || w.ownerZoneId === actor.zoneId))
    .map((w) => ({ id: w.id, title: w.title, detail: `应于 ${w.dueDate} 完成`, zoneName: w.ownerZoneName }));
  return [group('reviewQueue', actor.role === 'secretariat' ? review : []), group('pendingRequests', pending), group('closingSoon', closing), group('eventsWithoutVenue', noVenue), group('overdueWork', overdue)];
}

/** Per zone, the year's figures that zone contributed (the same counts as the progress). */
function contributions(db: Database.Database, progress: PlanProgress): ZoneContribution[] {
  const zones = db.prepare<[], { id: string; short_name: string }>('SELECT id, short_name FROM zones WHERE deleted_at IS NULL AND active = 1 ORDER BY province, code').all();
  const of = (metric: string, zoneId: string) => progress.metrics.find((m) => m.metric === metric)?.byZone[zoneId]?.actual ?? 0;
  return zones
    .map((z) => ({
      zoneId: z.id,
      zoneName: z.short_name,
      resources: of('resourcesRegistered', z.id),
      listings: of('listingsPublished', z.id),
      eventsHosted: of('eventsHeld', z.id),
      requestsServed: of('requestsServed', z.id),
    }))
    .sort((a, b) => b.resources + b.listings + b.eventsHosted + b.requestsServed - (a.resources + a.listings + a.eventsHosted + a.requestsServed));
}
