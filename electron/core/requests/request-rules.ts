import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { RESOURCE_STATUS_LABELS, type Resource } from '../../../shared/domain/resource';
import { bookingPausedBy } from '../../../shared/domain/resource-fields';
import { REQUEST_LABELS, slotHasBegun, slotText, type RequestCreateInput, type SharingRequest } from '../../../shared/domain/sharing-request';
import type { RequestJoinedRow } from './request-queries';

type CreateFields = z.output<typeof RequestCreateInput>;

/** What a resource's booking mode (resources.booking_mode, from the instrument's 预约方式) asks of a request. */
export type BookingMode = 'slot' | 'sample' | null;

export function bookingModeOf(column: string | null): BookingMode {
  return column === 'slot' || column === 'sample' ? column : null;
}

export interface BookingFields {
  slotStart: string | null;
  slotEnd: string | null;
}

/**
 * The rules between fields that a schema cannot express: a 时间预约 instrument needs a slot in
 * the future that ends after it starts; a 送样检测 one needs a sample description and quantity.
 * Every broken rule is reported at once, under its field. Slots come back as UTC ISO strings
 * (one fixed format), so the database can compare them as text.
 */
export function checkBookingFields(mode: BookingMode, input: CreateFields, now: Date): BookingFields {
  const fields: Record<string, string> = {};
  const wantsSlot = mode === 'slot' || input.slotStart !== undefined || input.slotEnd !== undefined;
  let slot: BookingFields = { slotStart: null, slotEnd: null };
  if (wantsSlot) {
    const why = mode === 'slot' ? '必填（该仪器按时间预约）' : '开始和结束时间须同时填写';
    if (input.slotStart === undefined) fields.slotStart = why;
    if (input.slotEnd === undefined) fields.slotEnd = why;
    if (input.slotStart !== undefined && input.slotEnd !== undefined) {
      const start = new Date(input.slotStart);
      const end = new Date(input.slotEnd);
      if (end.getTime() <= start.getTime()) fields.slotEnd = '必须晚于开始时间';
      if (start.getTime() < now.getTime()) fields.slotStart = '不能早于当前时间';
      slot = { slotStart: start.toISOString(), slotEnd: end.toISOString() };
    }
  }
  if (mode === 'sample') {
    if (!input.sampleDescription) fields.sampleDescription = '必填（该仪器为送样检测）';
    if (input.sampleQuantity === null) fields.sampleQuantity = '必填（该仪器为送样检测）';
  }
  if (Object.keys(fields).length > 0) throw fieldsError(fields);
  return slot;
}

/** One VALIDATION error naming each field in Chinese, worded like the schema's own messages. */
export function fieldsError(fields: Record<string, string>): AppError {
  const parts = Object.entries(fields).map(([key, message]) => `${REQUEST_LABELS[key] ?? key}：${message}`);
  return new AppError('VALIDATION', `输入有误，未保存。${parts.join('；')}`, fields);
}

/** The refusal for a slot that would overlap an existing booking, naming that booking as a clerk knows it. */
export function overlapError(other: RequestJoinedRow): AppError {
  const when = other.slot_start && other.slot_end ? slotText(other.slot_start, other.slot_end) : '';
  return new AppError('CONFLICT', `该时段与已同意的预约冲突：「${other.organisation} ${when}」（${other.requester_zone_name}）。同一资源已同意的预约不能重叠，未作任何修改。`);
}

/**
 * Whether the resource takes bookings now — checked when a request is filed and again when it is
 * approved, since the resource may have been archived or its instrument taken offline meanwhile.
 * `doing` names the step in the refusal: 申请 / 同意.
 */
export function assertOpenForBookings(resource: Resource, doing: string): void {
  if (resource.status !== 'published') {
    throw new AppError('CONFLICT', `「${resource.title}」当前状态为「${RESOURCE_STATUS_LABELS[resource.status]}」，只有已发布的资源可以${doing}。`);
  }
  const paused = bookingPausedBy(resource);
  if (paused) {
    throw new AppError('CONFLICT', `「${resource.title}」设备状态为「${paused.label}」，暂停预约，不能${doing}。设备恢复后，请资源所属高新区把设备状态改回「空闲」或「使用中」。`);
  }
}

/** A slot that has already begun cannot be approved any more: the requester must choose another. */
export function assertSlotAhead(request: Pick<SharingRequest, 'slotStart' | 'slotEnd'>, now: Date): void {
  if (slotHasBegun(request, now) && request.slotStart && request.slotEnd) {
    throw new AppError('CONFLICT', `该申请的预约时段（${slotText(request.slotStart, request.slotEnd)}）已经开始或已过，不能再同意。请拒绝，并请申请方另选时段。`);
  }
}
