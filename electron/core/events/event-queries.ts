import type Database from 'better-sqlite3';
import type { AgendaItem, AllianceEvent, EventOutcome, EventStatus } from '../../../shared/domain/event';
import { insertRow, updateVersionedRow } from '../db/rows';
import { statement } from '../db/statements';
import { rowToMeta, type RecordMetaRow } from '../records';

export interface EventRow extends RecordMetaRow {
  seq: number;
  owner_zone_id: string;
  type_id: string;
  title: string;
  co_host_zone_ids: string;
  start_at: string;
  end_at: string;
  all_day: number;
  venue: string;
  online_url: string;
  capacity: number | null;
  registration_deadline: string;
  description: string;
  agenda: string;
  linked_scenario_ids: string;
  linked_resource_ids: string;
  contact_person: string;
  contact_phone: string;
  contact_email: string;
  status: EventStatus;
  status_reason: string;
  sequence: number;
  outcome: string;
}

interface EventJoinedRow extends EventRow {
  type_name: string;
  type_color: string;
  zone_name: string;
}

const SELECT_EVENTS = `
  SELECT e.*, t.name AS type_name, t.color AS type_color, z.short_name AS zone_name
  FROM events e JOIN event_types t ON t.id = e.type_id JOIN zones z ON z.id = e.owner_zone_id`;

export function rowToEvent(row: EventJoinedRow, zoneNames: ReadonlyMap<string, string>): AllianceEvent {
  const coHosts = JSON.parse(row.co_host_zone_ids) as string[];
  // Object.assign rather than a spread literal: see rowToResource. Same properties, same order.
  return Object.assign(rowToMeta(row), {
    seq: row.seq,
    ownerZoneId: row.owner_zone_id,
    ownerZoneName: row.zone_name,
    typeId: row.type_id,
    typeName: row.type_name,
    typeColor: row.type_color,
    title: row.title,
    coHostZoneIds: coHosts,
    coHostZoneNames: coHosts.map((id) => zoneNames.get(id) ?? '未知高新区'),
    startAt: row.start_at,
    endAt: row.end_at,
    allDay: row.all_day === 1,
    venue: row.venue,
    onlineUrl: row.online_url,
    capacity: row.capacity,
    registrationDeadline: row.registration_deadline,
    description: row.description,
    agenda: JSON.parse(row.agenda) as AgendaItem[],
    linkedScenarioIds: JSON.parse(row.linked_scenario_ids) as string[],
    linkedResourceIds: JSON.parse(row.linked_resource_ids) as string[],
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    status: row.status,
    statusReason: row.status_reason,
    sequence: row.sequence,
    outcome: JSON.parse(row.outcome) as EventOutcome,
  });
}

export function zoneNameMap(db: Database.Database): Map<string, string> {
  return new Map(statement<[], [string, string]>(db, 'SELECT id, short_name FROM zones', 'raw').all());
}

export function selectEvent(db: Database.Database, id: string): AllianceEvent | undefined {
  const row = statement<[string], EventJoinedRow>(db, `${SELECT_EVENTS} WHERE e.id = ? AND e.deleted_at IS NULL`).get(id);
  return row ? rowToEvent(row, zoneNameMap(db)) : undefined;
}

/** Events by id (any order); for exports. */
export function selectEvents(db: Database.Database, ids: readonly string[]): AllianceEvent[] {
  const names = zoneNameMap(db);
  return statement<[string], EventJoinedRow>(db, `${SELECT_EVENTS} WHERE e.id IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL ORDER BY e.start_at, e.seq`)
    .all(JSON.stringify(ids))
    .map((row) => rowToEvent(row, names));
}

export const EVENT_COLUMNS = {
  typeId: 'type_id',
  ownerZoneId: 'owner_zone_id',
  title: 'title',
  coHostZoneIds: 'co_host_zone_ids',
  startAt: 'start_at',
  endAt: 'end_at',
  allDay: 'all_day',
  venue: 'venue',
  onlineUrl: 'online_url',
  capacity: 'capacity',
  registrationDeadline: 'registration_deadline',
  description: 'description',
  agenda: 'agenda',
  linkedScenarioIds: 'linked_scenario_ids',
  linkedResourceIds: 'linked_resource_ids',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
} as const satisfies Record<string, keyof EventRow>;

/** Fields a calendar shows: changing one bumps the iCalendar SEQUENCE. */
export const CALENDAR_FIELDS: ReadonlySet<string> = new Set(['title', 'startAt', 'endAt', 'allDay', 'venue', 'onlineUrl', 'description', 'agenda']);

export function insertEvent(db: Database.Database, row: Omit<EventRow, 'seq'>): number {
  return Number(insertRow(db, 'events', row).lastInsertRowid);
}

export function updateEventRow(db: Database.Database, id: string, version: number, changes: Partial<EventRow>): boolean {
  return updateVersionedRow(db, 'events', id, version, changes);
}

/** The event's searchable text for the one text engine. */
export function eventText(e: Pick<AllianceEvent, 'title' | 'venue' | 'description' | 'agenda'>) {
  return {
    title: e.title,
    organisation: e.venue,
    description: [e.description, ...e.agenda.map((a) => `${a.topic} ${a.speaker} ${a.organisation}`)].join('\n'),
  };
}
