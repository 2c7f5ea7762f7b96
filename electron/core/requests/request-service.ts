import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  partyZoneOf,
  REQUEST_ACTION_LABELS,
  REQUEST_STATUS_LABELS,
  requestMachine,
  type RequestAction,
  type RequestActInput,
  type RequestCreateInput,
  type RequestDecideInput,
  type SharingRequest,
} from '../../../shared/domain/sharing-request';
import { writeAudit } from '../audit';
import { newMetaRow, nowIso, type Actor } from '../records';
import { assertMaySee, getResource } from '../resources/resource-service';
import { selectResource } from '../resources/resource-queries';
import { staleVersion } from '../rules';
import { selectZone } from '../zones/zone-queries';
import { insertRequest, rowToRequest, selectOverlappingBooking, selectRequest, updateRequestRow, type RequestRow } from './request-queries';
import { assertOpenForBookings, assertSlotAhead, bookingModeOf, checkBookingFields, fieldsError, overlapError } from './request-rules';

type CreateFields = z.output<typeof RequestCreateInput>;
type DecideFields = z.output<typeof RequestDecideInput>;
type ActFields = z.output<typeof RequestActInput>;

export function getRequest(db: Database.Database, id: string): SharingRequest {
  const row = selectRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该申请，可能已被删除。');
  return rowToRequest(row);
}

/** A zone asks another zone for one of its published resources; the request waits for the owner. */
export function createRequest(db: Database.Database, actor: Actor, input: CreateFields, now = new Date()): SharingRequest {
  const zoneId = actor.zoneId;
  if (!zoneId) throw new AppError('NOT_SET_UP', '请先完成初始设置。');
  return db.transaction(() => {
    const resource = getResource(db, input.resourceId);
    assertMaySee(actor, resource);
    if (resource.ownerZoneId === zoneId) {
      throw new AppError('FORBIDDEN', `「${resource.title}」是本高新区的资源，不能向自己提交共享申请；请直接在资源详情中安排使用。`);
    }
    assertOpenForBookings(resource, '申请');
    const mode = bookingModeOf(selectResource(db, resource.id)?.booking_mode ?? null);
    const slot = checkBookingFields(mode, input, now);
    const meta = newMetaRow(actor, zoneId);
    const row: RequestRow = {
      ...meta,
      resource_id: resource.id,
      requester_zone_id: zoneId,
      organisation: input.organisation,
      contact_person: input.contactPerson,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail,
      purpose: input.purpose,
      slot_start: slot.slotStart,
      slot_end: slot.slotEnd,
      sample_description: input.sampleDescription,
      sample_quantity: input.sampleQuantity,
      notes: input.notes,
      status: 'pending',
      decision_note: '',
      decided_at: null,
      decided_by: '',
    };
    insertRequest(db, row);
    const created = getRequest(db, meta.id);
    writeAudit(db, actor, 'sharing_request', created.id, 'create', null, created);
    return created;
  })();
}

/**
 * The owner zone (or the secretariat) approves or declines. Approving a slot checks for an
 * overlapping approved booking and writes in the same transaction, so two approvals can
 * never both pass the check.
 */
export function decideRequest(db: Database.Database, actor: Actor, input: DecideFields, now = new Date()): SharingRequest {
  return act(db, actor, input, input.decision, now);
}

export function cancelRequest(db: Database.Database, actor: Actor, input: ActFields): SharingRequest {
  return act(db, actor, input, 'cancel');
}

export function completeRequest(db: Database.Database, actor: Actor, input: ActFields): SharingRequest {
  return act(db, actor, input, 'complete');
}

function act(db: Database.Database, actor: Actor, input: ActFields, action: RequestAction, now = new Date()): SharingRequest {
  return db.transaction(() => {
    const before = getRequest(db, input.id);
    assertParty(db, actor, before, action);
    if (before.version !== input.version) throw staleVersion(before.version);
    const status = nextStatus(before, action, actor, input.note);
    if (action === 'approve') {
      // An approval holds the slot: the resource still takes bookings, the slot is ahead and free.
      assertOpenForBookings(getResource(db, before.resourceId), '同意预约');
      assertSlotAhead(before, now);
      const other = before.slotStart && before.slotEnd ? selectOverlappingBooking(db, before.resourceId, before.slotStart, before.slotEnd, before.id) : undefined;
      if (other) throw overlapError(other);
    }
    const at = nowIso();
    const columns: Partial<RequestRow> = { status, updated_at: at, updated_by: actor.label };
    if (action === 'approve' || action === 'decline') Object.assign(columns, { decided_at: at, decided_by: actor.label });
    // The latest handling note is shown with the request; earlier ones stay in the audit log.
    if (input.note) columns.decision_note = input.note;
    if (!updateRequestRow(db, before.id, before.version, columns)) throw staleVersion(before.version);
    const after = getRequest(db, before.id);
    writeAudit(db, actor, 'sharing_request', after.id, 'transition', { status: before.status }, { status: after.status, action, ...(input.note ? { note: input.note } : {}) });
    return after;
  })();
}

/** Says who may act, in words naming the party, before the state machine's generic check. */
function assertParty(db: Database.Database, actor: Actor, request: SharingRequest, action: RequestAction): void {
  const party = partyZoneOf(request, action);
  if (action === 'cancel') {
    if (actor.zoneId !== party) throw new AppError('FORBIDDEN', `只有提出申请的高新区（${zoneName(db, party)}）可以取消该申请。`);
    return;
  }
  if (actor.role !== 'secretariat' && actor.zoneId !== party) {
    throw new AppError('FORBIDDEN', `只有资源所属高新区（${zoneName(db, party)}）或秘书长单位可以「${REQUEST_ACTION_LABELS[action]}」该申请。`);
  }
}

function nextStatus(request: SharingRequest, action: RequestAction, actor: Actor, note: string) {
  try {
    return requestMachine.next(request.status, action, actor, partyZoneOf(request, action), note);
  } catch (error) {
    // The helper names its reason field `comment`; this form calls it 处理意见 (`note`).
    if (error instanceof AppError && error.code === 'VALIDATION') throw fieldsError({ note: `「${REQUEST_ACTION_LABELS[action]}」时必填，请写明原因` });
    if (error instanceof AppError && error.code === 'CONFLICT') {
      throw new AppError('CONFLICT', `该申请当前为「${REQUEST_STATUS_LABELS[request.status]}」，不能「${REQUEST_ACTION_LABELS[action]}」。请刷新后查看。`);
    }
    throw error;
  }
}

function zoneName(db: Database.Database, zoneId: string): string {
  return selectZone(db, zoneId)?.short_name ?? '未知高新区';
}
