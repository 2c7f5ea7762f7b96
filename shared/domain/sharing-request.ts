import { z } from 'zod';
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
