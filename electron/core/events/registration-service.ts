import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { REGISTERING_EVENT_STATUSES, type AllianceEvent, type RegistrationCounts } from '../../../shared/domain/event';
import {
  CODE_ALPHABET,
  type CancelResult,
  type CheckInInput,
  type CheckInResult,
  type Registration,
  type RegistrationCancelInput,
  type RegistrationCreateInput,
  type RegistrationList,
  type RegistrationStatus,
} from '../../../shared/domain/event-registration';
import { shanghaiToday, toShanghaiIso } from '../../../shared/shanghai-date';
import { writeAudit } from '../audit';
import { insertRow, updateVersionedRow } from '../db/rows';
import { newMetaRow, nowIso, rowToMeta, type Actor, type RecordMetaRow } from '../records';
import { staleVersion } from '../rules';
import { getEvent, mayManageEvent } from './event-service';

interface RegistrationRow extends RecordMetaRow {
  event_id: string;
  code: string;
  name: string;
  initials: string;
  organisation: string;
  title: string;
  phone: string;
  email: string;
  status: RegistrationStatus;
  walk_in: number;
  checked_in_at: string | null;
}

const SELECT = `SELECT r.*, coalesce(z.short_name, '') AS zone_name FROM event_registrations r LEFT JOIN zones z ON z.id = r.owner_zone_id`;

function toRegistration(row: RegistrationRow & { zone_name: string }): Registration {
  const meta = rowToMeta(row);
  return {
    id: row.id,
    version: row.version,
    eventId: row.event_id,
    code: row.code,
    name: row.name,
    initials: row.initials,
    organisation: row.organisation,
    zoneId: row.owner_zone_id,
    zoneName: row.zone_name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    status: row.status,
    walkIn: row.walk_in === 1,
    checkedInAt: row.checked_in_at,
    createdAt: meta.createdAt,
    isDemo: meta.isDemo,
  };
}

function selectRegistration(db: Database.Database, where: string, ...params: string[]): Registration | undefined {
  const row = db.prepare<string[], RegistrationRow & { zone_name: string }>(`${SELECT} WHERE ${where}`).get(...params);
  return row ? toRegistration(row) : undefined;
}

/** A registration that is still there (cancelled ones included), or undefined. */
export const findRegistration = (db: Database.Database, id: string): Registration | undefined => selectRegistration(db, 'r.id = ? AND r.deleted_at IS NULL', id);

export function countsOf(db: Database.Database, eventId: string): RegistrationCounts {
  const row = db
    .prepare<[string], RegistrationCounts>(
      `SELECT coalesce(sum(status = 'confirmed'), 0) AS confirmed, coalesce(sum(status = 'waitlisted'), 0) AS waitlisted,
              coalesce(sum(status = 'confirmed' AND checked_in_at IS NOT NULL), 0) AS checkedIn, coalesce(sum(status = 'confirmed' AND walk_in = 1), 0) AS walkIns
       FROM event_registrations WHERE event_id = ? AND deleted_at IS NULL`,
    )
    .get(eventId);
  return row ?? { confirmed: 0, waitlisted: 0, checkedIn: 0, walkIns: 0 };
}

/** Places taken against the capacity: walk-ins come on top (the room decides on the day). */
function placesTaken(db: Database.Database, eventId: string): number {
  return db.prepare<[string], number>("SELECT count(*) FROM event_registrations WHERE event_id = ? AND status = 'confirmed' AND walk_in = 0 AND deleted_at IS NULL").pluck().get(eventId) ?? 0;
}

/** Whether registration is open today: a live event and its deadline (inclusive) not past. */
export function registrationOpen(e: Pick<AllianceEvent, 'status' | 'registrationDeadline' | 'startAt'>, today = shanghaiToday()): boolean {
  if (!REGISTERING_EVENT_STATUSES.includes(e.status)) return false;
  const lastDay = e.registrationDeadline || e.startAt.slice(0, 10);
  return today <= lastDay;
}

export function listRegistrations(db: Database.Database, actor: Actor, eventId: string): RegistrationList {
  const event = getEvent(db, eventId);
  const rows = db.prepare<[string], RegistrationRow & { zone_name: string }>(`${SELECT} WHERE r.event_id = ? AND r.deleted_at IS NULL ORDER BY r.created_at, r.id`).all(eventId);
  // The host and the secretariat see everyone; a zone sees the people it registered.
  const visible = mayManageEvent(actor, event) ? rows : rows.filter((r) => r.owner_zone_id !== null && r.owner_zone_id === actor.zoneId);
  return { items: visible.map(toRegistration), counts: countsOf(db, eventId), capacity: event.capacity };
}

/** Registers a participant: a place if one is free, else the waiting list. Walk-ins are checked in at once. */
export function createRegistration(db: Database.Database, actor: Actor, input: z.output<typeof RegistrationCreateInput>, options: { isDemo?: boolean } = {}): Registration {
  return db.transaction(() => {
    const event = getEvent(db, input.eventId);
    if (input.walkIn) {
      if (!mayManageEvent(actor, event)) throw new AppError('FORBIDDEN', '只有主办高新区或秘书长单位可以在签到台现场登记。');
      if (event.status === 'cancelled') throw new AppError('CONFLICT', `「${event.title}」已取消（${event.statusReason}），不能登记。`);
    } else {
      if (event.status === 'cancelled') throw new AppError('CONFLICT', `「${event.title}」已取消（${event.statusReason}），不再接受报名。`);
      if (!registrationOpen(event)) {
        const deadline = event.registrationDeadline || event.startAt.slice(0, 10);
        throw new AppError('CONFLICT', REGISTERING_EVENT_STATUSES.includes(event.status) ? `「${event.title}」的报名已于 ${deadline} 截止。` : `「${event.title}」已举办，不再接受报名。`);
      }
    }
    const twin = db.prepare<[string, string], string>("SELECT name FROM event_registrations WHERE event_id = ? AND phone = ? AND status <> 'cancelled' AND deleted_at IS NULL").pluck().get(event.id, input.phone);
    if (twin) throw new AppError('CONFLICT', `手机号 ${input.phone} 已由「${twin}」报名本活动，同一手机号不能重复报名。`, { phone: '已报名' });
    const full = event.capacity !== null && placesTaken(db, event.id) >= event.capacity;
    const status: RegistrationStatus = input.walkIn || !full ? 'confirmed' : 'waitlisted';
    const meta = newMetaRow(actor, input.zoneId, options.isDemo);
    const row: RegistrationRow = {
      ...meta,
      owner_zone_id: input.zoneId,
      event_id: event.id,
      code: uniqueCode(db, event.id),
      name: input.name,
      initials: initialsOf(input.name),
      organisation: input.organisation,
      title: input.title,
      phone: input.phone,
      email: input.email,
      status,
      walk_in: input.walkIn ? 1 : 0,
      checked_in_at: input.walkIn ? toShanghaiIso(Date.now()) : null,
    };
    insertRow(db, 'event_registrations', row);
    const created = selectRegistration(db, 'r.id = ?', meta.id) as Registration;
    writeAudit(db, actor, 'event', event.id, 'update', null, { registered: created.name, code: created.code, status });
    return created;
  })();
}

/** Cancels a registration; a freed place goes to the first on the waiting list, in the same transaction. */
export function cancelRegistration(db: Database.Database, actor: Actor, input: z.output<typeof RegistrationCancelInput>): CancelResult {
  return db.transaction(() => {
    const before = selectRegistration(db, 'r.id = ? AND r.deleted_at IS NULL', input.id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该报名。');
    const event = getEvent(db, before.eventId);
    if (!mayManageEvent(actor, event) && !(before.zoneId !== null && before.zoneId === actor.zoneId)) throw new AppError('FORBIDDEN', '只有主办高新区、秘书长单位或报名所在的高新区可以取消该报名。');
    if (before.version !== input.version) throw staleVersion(before.version);
    if (before.status === 'cancelled') throw new AppError('CONFLICT', `「${before.name}」的报名已经取消。`);
    if (before.checkedInAt) throw new AppError('CONFLICT', `「${before.name}」已签到，不能取消报名。`);
    updateVersionedRow(db, 'event_registrations', before.id, before.version, { status: 'cancelled', updated_at: nowIso(), updated_by: actor.label });
    let promoted: Registration | null = null;
    if (before.status === 'confirmed' && !before.walkIn && (event.capacity === null || placesTaken(db, event.id) < event.capacity)) {
      const next = selectRegistration(db, "r.event_id = ? AND r.status = 'waitlisted' AND r.deleted_at IS NULL ORDER BY r.created_at, r.id LIMIT 1", event.id);
      if (next) {
        updateVersionedRow(db, 'event_registrations', next.id, next.version, { status: 'confirmed', updated_at: nowIso(), updated_by: actor.label });
        promoted = selectRegistration(db, 'r.id = ?', next.id) as Registration;
      }
    }
    writeAudit(db, actor, 'event', event.id, 'update', { registered: before.name, status: before.status }, { cancelled: before.name, ...(promoted ? { promoted: promoted.name } : {}) });
    return { cancelled: selectRegistration(db, 'r.id = ?', before.id) as Registration, promoted };
  })();
}

/**
 * Checks a badge in at the desk. The time is the moment of the scan; a second scan changes
 * nothing and says when the first was. A waiting-list code is refused: no place was given.
 */
export function checkIn(db: Database.Database, actor: Actor, input: z.output<typeof CheckInInput>): CheckInResult {
  return db.transaction(() => {
    const event = getEvent(db, input.eventId);
    if (!mayManageEvent(actor, event)) throw new AppError('FORBIDDEN', '只有主办高新区或秘书长单位可以签到。');
    if (event.status === 'cancelled') throw new AppError('CONFLICT', `「${event.title}」已取消。`);
    const found = selectRegistration(db, 'r.event_id = ? AND r.code = ? AND r.deleted_at IS NULL', event.id, input.code);
    if (!found) throw new AppError('NOT_FOUND', `签到码 ${input.code} 不是本活动的报名，请核对胸牌或按姓名查找。`);
    if (found.status === 'cancelled') throw new AppError('CONFLICT', `「${found.name}」的报名已取消，请现场登记。`);
    if (found.status === 'waitlisted') throw new AppError('CONFLICT', `「${found.name}」仍在候补名单中，尚未获得名额。`);
    if (found.checkedInAt) return { registration: found, already: true, counts: countsOf(db, event.id) };
    updateVersionedRow(db, 'event_registrations', found.id, found.version, { checked_in_at: toShanghaiIso(Date.now()), updated_at: nowIso(), updated_by: actor.label });
    return { registration: selectRegistration(db, 'r.id = ?', found.id) as Registration, already: false, counts: countsOf(db, event.id) };
  })();
}

function uniqueCode(db: Database.Database, eventId: string): string {
  const taken = db.prepare<[string, string], number>('SELECT 1 FROM event_registrations WHERE event_id = ? AND code = ?').pluck();
  for (;;) {
    let code = '';
    for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (taken.get(eventId, code) === undefined) return code;
  }
}

/** 张三 → zs; letters in the name are kept (Li Lei → ll). */
function initialsOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/[^a-z]/g, '');
}
