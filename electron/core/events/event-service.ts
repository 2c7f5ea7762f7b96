import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  eventMachine,
  eventRuleIssues,
  type AllianceEvent,
  type EventCreateInput,
  type EventOutcomeInput,
  type EventTransitionInput,
  type EventUpdateInput,
} from '../../../shared/domain/event';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import { writeAudit } from '../audit';
import { changedKeys, definedOnly, pickFields } from '../patches';
import { newMetaRow, nowIso, type Actor } from '../records';
import { staleVersion } from '../rules';
import { indexText } from '../search/text-index';
import { selectZone } from '../zones/zone-queries';
import { CALENDAR_FIELDS, EVENT_COLUMNS, eventText, insertEvent, selectEvent, updateEventRow, type EventRow } from './event-queries';
import { getEventType } from './event-type-service';

type CreateFields = z.output<typeof EventCreateInput>;
type Patch = z.output<typeof EventUpdateInput>['patch'];

export function getEvent(db: Database.Database, id: string): AllianceEvent {
  const e = selectEvent(db, id);
  if (!e) throw new AppError('NOT_FOUND', '找不到该活动，可能已被删除。');
  return e;
}

/** The host zone and the secretariat plan, change and run an event. */
export function mayManageEvent(actor: Actor, e: Pick<AllianceEvent, 'ownerZoneId'>): boolean {
  return actor.role === 'secretariat' || actor.zoneId === e.ownerZoneId;
}

export function mayEditEvent(actor: Actor, e: AllianceEvent): boolean {
  return mayManageEvent(actor, e) && !['summarised', 'cancelled'].includes(e.status);
}

export function createEvent(db: Database.Database, actor: Actor, input: CreateFields, options: { isDemo?: boolean } = {}): AllianceEvent {
  const ownerZoneId = input.ownerZoneId ?? actor.zoneId;
  if (!ownerZoneId) throw new AppError('NOT_SET_UP', '请先完成初始设置。');
  if (actor.role !== 'secretariat' && ownerZoneId !== actor.zoneId) throw new AppError('FORBIDDEN', '成员单位只能安排本高新区主办的活动。');
  return db.transaction(() => {
    assertZones(db, ownerZoneId, input.coHostZoneIds);
    const type = getEventType(db, input.typeId);
    if (!type.active) throw new AppError('VALIDATION', `活动类型：「${type.name}」已停用。`, { typeId: '该类型已停用' });
    const meta = newMetaRow(actor, ownerZoneId, options.isDemo);
    const row: Omit<EventRow, 'seq'> = {
      ...meta,
      owner_zone_id: ownerZoneId,
      type_id: type.id,
      title: input.title,
      co_host_zone_ids: JSON.stringify(distinct(input.coHostZoneIds.filter((z) => z !== ownerZoneId))),
      start_at: toShanghaiIso(input.startAt),
      end_at: toShanghaiIso(input.endAt),
      all_day: input.allDay ? 1 : 0,
      venue: input.venue,
      online_url: input.onlineUrl,
      capacity: input.capacity,
      registration_deadline: input.registrationDeadline,
      description: input.description,
      agenda: JSON.stringify([...input.agenda].sort((a, b) => a.time.localeCompare(b.time))),
      linked_scenario_ids: JSON.stringify(distinct(input.linkedScenarioIds)),
      linked_resource_ids: JSON.stringify(distinct(input.linkedResourceIds)),
      contact_person: input.contactPerson,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail,
      status: 'planned',
      status_reason: '',
      sequence: 0,
      outcome: JSON.stringify({ agreements: [], projectsMatched: [], notes: '' }),
    };
    const seq = insertEvent(db, row);
    const created = getEvent(db, meta.id);
    indexText(db, 'event', seq, eventText(created));
    writeAudit(db, actor, 'event', created.id, 'create', null, created);
    return created;
  })();
}

/** Edits, including a drag to a new date in the calendar (recorded like any change). */
export function updateEvent(db: Database.Database, actor: Actor, input: z.output<typeof EventUpdateInput>): AllianceEvent {
  return db.transaction(() => {
    const before = getEvent(db, input.id);
    if (!mayEditEvent(actor, before)) throw new AppError('FORBIDDEN', before.status === 'cancelled' || before.status === 'summarised' ? '已取消或已总结的活动不能再修改。' : '只有主办高新区或秘书长单位可以修改该活动。');
    if (before.version !== input.version) throw staleVersion(before.version);
    const patch: Patch = { ...input.patch };
    if (patch.startAt) patch.startAt = toShanghaiIso(patch.startAt);
    if (patch.endAt) patch.endAt = toShanghaiIso(patch.endAt);
    if (patch.agenda) patch.agenda = [...patch.agenda].sort((a, b) => a.time.localeCompare(b.time));
    if (patch.ownerZoneId && patch.ownerZoneId !== before.ownerZoneId && actor.role !== 'secretariat') throw new AppError('FORBIDDEN', '只有秘书长单位可以更改主办高新区。');
    const merged = { ...before, ...definedOnly(patch) } as AllianceEvent;
    const issues = eventRuleIssues(merged);
    if (Object.keys(issues).length > 0) throw new AppError('VALIDATION', `输入有误，未保存。${Object.values(issues).join('；')}`, issues);
    assertZones(db, merged.ownerZoneId, merged.coHostZoneIds);
    if (patch.typeId && patch.typeId !== before.typeId && !getEventType(db, patch.typeId).active) throw new AppError('VALIDATION', '活动类型：该类型已停用。', { typeId: '该类型已停用' });
    if (patch.capacity !== undefined && patch.capacity !== null) assertCapacity(db, before, patch.capacity);
    const changed = changedKeys(before, patch);
    if (changed.length === 0) return before;
    const columns: Record<string, unknown> = { updated_at: nowIso(), updated_by: actor.label };
    for (const key of changed) {
      const value = patch[key];
      columns[EVENT_COLUMNS[key]] = typeof value === 'boolean' ? (value ? 1 : 0) : Array.isArray(value) ? JSON.stringify(value) : value;
    }
    if (changed.some((k) => CALENDAR_FIELDS.has(k))) columns.sequence = before.sequence + 1;
    updateEventRow(db, before.id, before.version, columns as Partial<EventRow>);
    const after = getEvent(db, before.id);
    indexText(db, 'event', after.seq, eventText(after));
    writeAudit(db, actor, 'event', after.id, 'update', pickFields(before, changed), pickFields(after, changed));
    return after;
  })();
}

/** Publish, postpone (reason, optionally new dates), mark held, summarise, cancel (reason). */
export function transitionEvent(db: Database.Database, actor: Actor, input: z.output<typeof EventTransitionInput>): AllianceEvent {
  return db.transaction(() => {
    const before = getEvent(db, input.id);
    if (before.version !== input.version) throw staleVersion(before.version);
    const status = eventMachine.next(before.status, input.action, actor, before.ownerZoneId, input.comment);
    const columns: Partial<EventRow> = { status, updated_at: nowIso(), updated_by: actor.label, sequence: before.sequence + 1 };
    if (input.action === 'cancel' || input.action === 'postpone') columns.status_reason = input.comment?.trim() ?? '';
    if (input.action === 'publish') columns.status_reason = '';
    if (input.action === 'hold' && Date.parse(before.startAt) > Date.now()) throw new AppError('CONFLICT', `活动开始时间（${before.startAt.slice(0, 16).replace('T', ' ')}）还没到，不能标记为已举办。`);
    if (input.action === 'postpone' && (input.startAt || input.endAt)) {
      if (!input.startAt || !input.endAt) throw new AppError('VALIDATION', '延期：新的开始时间和结束时间要一起填写。', { startAt: '要一起填写' });
      const issues = eventRuleIssues({ ...before, startAt: toShanghaiIso(input.startAt), endAt: toShanghaiIso(input.endAt) });
      if (Object.keys(issues).length > 0) throw new AppError('VALIDATION', `输入有误，未保存。${Object.values(issues).join('；')}`, issues);
      columns.start_at = toShanghaiIso(input.startAt);
      columns.end_at = toShanghaiIso(input.endAt);
    }
    updateEventRow(db, before.id, before.version, columns);
    const after = getEvent(db, before.id);
    writeAudit(db, actor, 'event', after.id, 'transition', { status: before.status, startAt: before.startAt }, {
      status: after.status,
      action: input.action,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(after.startAt !== before.startAt ? { startAt: after.startAt, endAt: after.endAt } : {}),
    });
    return after;
  })();
}

/** The outcome after the event: agreements, matched projects, notes; optionally 完成总结. */
export function saveOutcome(db: Database.Database, actor: Actor, input: z.output<typeof EventOutcomeInput>): AllianceEvent {
  return db.transaction(() => {
    const before = getEvent(db, input.id);
    if (!mayManageEvent(actor, before)) throw new AppError('FORBIDDEN', '只有主办高新区或秘书长单位可以填写活动总结。');
    if (before.version !== input.version) throw staleVersion(before.version);
    if (!['held', 'summarised'].includes(before.status)) throw new AppError('CONFLICT', '活动举办后才能填写总结，请先「标记已举办」。');
    const outcome = { agreements: input.agreements, projectsMatched: input.projectsMatched, notes: input.notes };
    const columns: Partial<EventRow> = { outcome: JSON.stringify(outcome), updated_at: nowIso(), updated_by: actor.label };
    if (input.summarise && before.status === 'held') columns.status = eventMachine.next(before.status, 'summarise', actor, before.ownerZoneId);
    updateEventRow(db, before.id, before.version, columns);
    const after = getEvent(db, before.id);
    writeAudit(db, actor, 'event', after.id, input.summarise ? 'transition' : 'update', { outcome: before.outcome, status: before.status }, { outcome: after.outcome, status: after.status });
    return after;
  })();
}

/** Capacity may not drop below the places already given. */
function assertCapacity(db: Database.Database, e: AllianceEvent, capacity: number): void {
  const confirmed = db.prepare<[string], number>("SELECT count(*) FROM event_registrations WHERE event_id = ? AND status = 'confirmed' AND walk_in = 0").pluck().get(e.id) ?? 0;
  if (capacity < confirmed) throw new AppError('VALIDATION', `人数上限：已有 ${confirmed} 人确认报名，上限不能低于 ${confirmed}。`, { capacity: `不能低于已确认的 ${confirmed} 人` });
}

function assertZones(db: Database.Database, host: string, coHosts: readonly string[]): void {
  for (const id of [host, ...coHosts]) {
    const zone = selectZone(db, id);
    if (!zone || zone.active !== 1) throw new AppError('VALIDATION', `${id === host ? '主办高新区' : '协办高新区'}：找不到或已停用。`, { [id === host ? 'ownerZoneId' : 'coHostZoneIds']: '找不到或已停用' });
  }
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
