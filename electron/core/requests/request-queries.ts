import type Database from 'better-sqlite3';
import { insertRow, updateVersionedRow } from '../db/rows';
import { statement } from '../db/statements';
import { PAUSED_INSTRUMENT_STATES } from '../../../shared/domain/resource-fields';
import type { RequestStats, RequestStatus, SharingRequest } from '../../../shared/domain/sharing-request';
import { rowToMeta, type RecordMetaRow } from '../records';

export interface RequestRow extends RecordMetaRow {
  resource_id: string;
  requester_zone_id: string;
  organisation: string;
  contact_person: string;
  contact_phone: string;
  contact_email: string;
  purpose: string;
  slot_start: string | null;
  slot_end: string | null;
  sample_description: string;
  sample_quantity: number | null;
  notes: string;
  status: RequestStatus;
  decision_note: string;
  decided_at: string | null;
  decided_by: string;
}

/** A row joined with its resource and the requesting zone, as every read returns it. */
export interface RequestJoinedRow extends RequestRow {
  resource_title: string;
  resource_owner_zone_id: string;
  requester_zone_name: string;
}

const SELECT_JOINED = `
  SELECT q.*, r.title AS resource_title, r.owner_zone_id AS resource_owner_zone_id, z.short_name AS requester_zone_name
  FROM sharing_requests q
  JOIN resources r ON r.id = q.resource_id
  JOIN zones z ON z.id = q.requester_zone_id`;

/** Newest first; ULIDs sort by creation time, so the id breaks ties within one millisecond. */
const NEWEST_FIRST = 'ORDER BY q.created_at DESC, q.id DESC';

export function rowToRequest(row: RequestJoinedRow): SharingRequest {
  // Object.assign rather than a spread literal: see rowToResource. Same properties, same order.
  return Object.assign(rowToMeta(row), {
    resourceId: row.resource_id,
    resourceTitle: row.resource_title,
    resourceOwnerZoneId: row.resource_owner_zone_id,
    requesterZoneId: row.requester_zone_id,
    requesterZoneName: row.requester_zone_name,
    organisation: row.organisation,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    purpose: row.purpose,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    sampleDescription: row.sample_description,
    sampleQuantity: row.sample_quantity,
    notes: row.notes,
    status: row.status,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  });
}

export function selectRequest(db: Database.Database, id: string): RequestJoinedRow | undefined {
  return statement<[string], RequestJoinedRow>(db, `${SELECT_JOINED} WHERE q.id = ? AND q.deleted_at IS NULL`).get(id);
}

export function insertRequest(db: Database.Database, row: RequestRow): void {
  insertRow(db, 'sharing_requests', row);
}

export function updateRequestRow(db: Database.Database, id: string, version: number, changes: Partial<RequestRow>): boolean {
  return updateVersionedRow(db, 'sharing_requests', id, version, changes);
}

/** A booking that holds its slot: approved, or already used. Pending, declined and cancelled ones do not. */
const HOLDS_SLOT = "q.deleted_at IS NULL AND q.status IN ('approved', 'completed') AND q.slot_start IS NOT NULL AND q.slot_start < @end AND q.slot_end > @start";

/**
 * The first booking of `resourceId` that holds [start, end) — approved, or completed (it was
 * approved and used). Half-open: a slot ending at 12:00 and one starting at 12:00 do not clash.
 * Times are stored as UTC ISO strings of one fixed format, so string comparison is time order.
 */
export function selectOverlappingBooking(db: Database.Database, resourceId: string, start: string, end: string, exceptId: string): RequestJoinedRow | undefined {
  return statement<{ resourceId: string; start: string; end: string; exceptId: string }, RequestJoinedRow>(
    db,
    `${SELECT_JOINED}
     WHERE q.resource_id = @resourceId AND q.id <> @exceptId AND ${HOLDS_SLOT}
     ORDER BY q.slot_start LIMIT 1`,
  ).get({ resourceId, start, end, exceptId });
}

/**
 * The seqs of the published 时间预约 instruments that take bookings (not under 维护/离线) and
 * have no booking holding any part of [start, end) (UTC ISO): the availability filter of the
 * registry's search. Overlap as approving checks it, so what this offers can be approved.
 */
export function selectFreeSlotInstrumentSeqs(db: Database.Database, start: string, end: string): number[] {
  return statement<{ start: string; end: string }, number>(
    db,
    // INDEXED BY: the partial index holds exactly these rows (migration 007); without statistics
    // the planner would rather walk resources_status, i.e. nearly every published row.
    `SELECT r.seq FROM resources r INDEXED BY resources_bookable
     WHERE r.deleted_at IS NULL AND r.status = 'published' AND r.booking_mode = 'slot'
       AND coalesce(r.instrument_state, '') NOT IN (${PAUSED_INSTRUMENT_STATES.map((s) => `'${s}'`).join(', ')})
       AND NOT EXISTS (SELECT 1 FROM sharing_requests q WHERE q.resource_id = r.id AND ${HOLDS_SLOT})`,
    'pluck',
  ).all({ start, end });
}

export type RequestFilter =
  | { kind: 'requester'; zoneId: string }
  | { kind: 'resourceOwner'; zoneId: string }
  | { kind: 'resource'; resourceId: string }
  /** A non-owner's view of one resource: its own requests, plus others' live slots for the calendar. */
  | { kind: 'resourceCalendar'; resourceId: string; zoneId: string };

export function selectRequests(db: Database.Database, filter: RequestFilter, statuses: readonly RequestStatus[]): RequestJoinedRow[] {
  const where: string[] = ['q.deleted_at IS NULL'];
  const params: Record<string, string> = {};
  switch (filter.kind) {
    case 'requester':
      where.push('q.requester_zone_id = @zoneId');
      params.zoneId = filter.zoneId;
      break;
    case 'resourceOwner':
      where.push('r.owner_zone_id = @zoneId');
      params.zoneId = filter.zoneId;
      break;
    case 'resource':
      where.push('q.resource_id = @resourceId');
      params.resourceId = filter.resourceId;
      break;
    case 'resourceCalendar':
      where.push("q.resource_id = @resourceId AND (q.requester_zone_id = @zoneId OR (q.status IN ('pending', 'approved') AND q.slot_start IS NOT NULL))");
      params.resourceId = filter.resourceId;
      params.zoneId = filter.zoneId;
      break;
  }
  if (statuses.length > 0) {
    // One named parameter per status: never text spliced into the SQL.
    const names = statuses.map((status, i) => {
      params[`status${i}`] = status;
      return `@status${i}`;
    });
    where.push(`q.status IN (${names.join(', ')})`);
  }
  return db.prepare<Record<string, string>, RequestJoinedRow>(`${SELECT_JOINED} WHERE ${where.join(' AND ')} ${NEWEST_FIRST}`).all(params);
}

/** Requests and completed uses per resource and per owner zone (deleted requests excluded). */
export function selectStats(db: Database.Database): RequestStats {
  const byResource = db
    .prepare<[], { resourceId: string; requests: number; completed: number }>(
      `SELECT q.resource_id AS resourceId, count(*) AS requests, coalesce(sum(q.status = 'completed'), 0) AS completed
       FROM sharing_requests q WHERE q.deleted_at IS NULL
       GROUP BY q.resource_id ORDER BY requests DESC, q.resource_id`,
    )
    .all();
  const byZone = db
    .prepare<[], { zoneId: string; requests: number; completed: number }>(
      `SELECT r.owner_zone_id AS zoneId, count(*) AS requests, coalesce(sum(q.status = 'completed'), 0) AS completed
       FROM sharing_requests q JOIN resources r ON r.id = q.resource_id
       WHERE q.deleted_at IS NULL
       GROUP BY r.owner_zone_id ORDER BY requests DESC, r.owner_zone_id`,
    )
    .all();
  return { byResource, byZone };
}
