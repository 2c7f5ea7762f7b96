import { z } from 'zod';
import { defineMachine, type Actorish } from '../state-machine';
import { optionalEmail, optionalPhone, optionalText, recordId, requiredText, versionNumber } from '../validation';
import type { RecordMeta } from './record';

export const REQUEST_STATUSES = ['pending', 'approved', 'declined', 'cancelled', 'completed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: '待处理',
  approved: '已同意',
  declined: '已拒绝',
  cancelled: '已取消',
  completed: '已完成',
};

export const REQUEST_LABELS: Record<string, string> = {
  resourceId: '资源',
  organisation: '申请单位',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  purpose: '用途',
  slotStart: '开始时间',
  slotEnd: '结束时间',
  sampleDescription: '样品说明',
  sampleQuantity: '样品数量',
  notes: '备注',
  note: '处理意见',
  decision: '处理结果',
  id: '申请',
  version: '版本号',
  scope: '范围',
  statuses: '状态',
};

/** A date-time with an explicit offset, e.g. 2026-03-15T09:00:00+08:00 (Asia/Shanghai). */
export const offsetDateTime = z.iso.datetime({ offset: true, error: '时间格式不正确' });

export const RequestCreateInput = z.strictObject({
  resourceId: recordId,
  organisation: requiredText(100),
  contactPerson: requiredText(30),
  contactPhone: optionalPhone.default(''),
  contactEmail: optionalEmail.default(''),
  purpose: requiredText(500),
  /** For 时间预约 instruments. */
  slotStart: offsetDateTime.optional(),
  slotEnd: offsetDateTime.optional(),
  /** For 送样检测. */
  sampleDescription: optionalText(500).default(''),
  sampleQuantity: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(1, { error: '至少为 1' }).max(100_000, { error: '数量过大' }).nullable().default(null),
  notes: optionalText(500).default(''),
});
export type RequestCreateInput = z.input<typeof RequestCreateInput>;

export const RequestDecideInput = z.strictObject({
  id: recordId,
  version: versionNumber,
  decision: z.enum(['approve', 'decline'], { error: '应为 同意 或 拒绝' }),
  note: optionalText(500).default(''),
});

export const RequestActInput = z.strictObject({ id: recordId, version: versionNumber, note: optionalText(500).default('') });

export const RequestListInput = z
  .strictObject({
    scope: z.enum(['mine', 'toMine', 'resource'], { error: '未知的范围' }).default('mine'),
    resourceId: recordId.optional(),
    statuses: z.array(z.enum(REQUEST_STATUSES)).max(5).default([]),
  })
  .default({ scope: 'mine', statuses: [] });

export interface SharingRequest extends RecordMeta {
  resourceId: string;
  resourceTitle: string;
  resourceOwnerZoneId: string;
  requesterZoneId: string;
  requesterZoneName: string;
  organisation: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  purpose: string;
  slotStart: string | null;
  slotEnd: string | null;
  sampleDescription: string;
  sampleQuantity: number | null;
  notes: string;
  status: RequestStatus;
  decisionNote: string;
  decidedAt: string | null;
  decidedBy: string;
}

export interface RequestStats {
  byResource: Array<{ resourceId: string; requests: number; completed: number }>;
  byZone: Array<{ zoneId: string; requests: number; completed: number }>;
}

// ── Workflow ──────────────────────────────────────────────────────────────────────────────

export const REQUEST_ACTIONS = ['approve', 'decline', 'cancel', 'complete'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
export const REQUEST_ACTION_LABELS: Record<RequestAction, string> = {
  approve: '同意',
  decline: '拒绝',
  cancel: '取消申请',
  complete: '确认完成',
};

/**
 * pending → approved / declined (by the resource's owner zone or the secretariat);
 * pending / approved → cancelled (by the requesting zone); approved → completed (owner).
 *
 * A request has two parties, but the helper knows one "owner": for approve, decline and
 * complete pass the resource's owner zone; for cancel pass the requesting zone — which is
 * why cancel is not open to the secretariat (it cannot withdraw another zone's request).
 */
export const requestMachine = defineMachine<RequestStatus, RequestAction>({
  states: REQUEST_STATUSES,
  stateLabels: REQUEST_STATUS_LABELS,
  actionLabels: REQUEST_ACTION_LABELS,
  transitions: [
    { action: 'approve', from: ['pending'], to: 'approved', by: ['owner', 'secretariat'] },
    { action: 'decline', from: ['pending'], to: 'declined', by: ['owner', 'secretariat'], requiresComment: true },
    { action: 'cancel', from: ['pending', 'approved'], to: 'cancelled', by: ['owner'] },
    { action: 'complete', from: ['approved'], to: 'completed', by: ['owner', 'secretariat'] },
  ],
});

/** The party whose zone counts as "owner" for an action (see requestMachine). */
export function partyZoneOf(request: Pick<SharingRequest, 'resourceOwnerZoneId' | 'requesterZoneId'>, action: RequestAction): string {
  return action === 'cancel' ? request.requesterZoneId : request.resourceOwnerZoneId;
}

/** What this installation may do with a request now (the core enforces the same rules). */
export function allowedRequestActions(request: Pick<SharingRequest, 'status' | 'resourceOwnerZoneId' | 'requesterZoneId'>, actor: Actorish): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => requestMachine.allowed(request.status, actor, partyZoneOf(request, action)).includes(action));
}

// ── Time slots (Asia/Shanghai) ────────────────────────────────────────────────────────────

/** A slot that has begun can no longer be approved (the core refuses it; the list does not offer it). */
export function slotHasBegun(request: Pick<SharingRequest, 'slotStart'>, now: Date): boolean {
  return request.slotStart !== null && Date.parse(request.slotStart) <= now.getTime();
}

/** China has one time zone and no daylight saving: Asia/Shanghai is always UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghaiParts(iso: string) {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

/** A slot as a clerk reads it, in Asia/Shanghai time: 3月15日 09:00–12:00 (or across days: 3月15日 22:00–3月16日 02:00). */
export function slotText(startIso: string, endIso: string): string {
  const start = shanghaiParts(startIso);
  const end = shanghaiParts(endIso);
  return start.day === end.day ? `${start.day} ${start.time}–${end.time}` : `${start.day} ${start.time}–${end.day} ${end.time}`;
}
