import { z } from 'zod';
import { defineMachine } from '../state-machine';
import { optionalEmail, optionalPhone, optionalText, recordId, requiredText, versionNumber } from '../validation';
import type { RecordMeta } from './record';
import { FIELD_SET_KEYS, type FieldSetKey } from './resource-fields';

// ── Categories (configurable by the secretariat) ─────────────────────────────────────────

export interface ResourceCategory extends RecordMeta {
  code: string;
  name: string;
  fieldSet: FieldSetKey;
  sortOrder: number;
  active: boolean;
}

export const CATEGORY_LABELS: Record<string, string> = { name: '类别名称', code: '类别代码', fieldSet: '专用字段', sortOrder: '排序', active: '状态' };

export const CategorySaveInput = z.strictObject({
  id: recordId.optional(),
  version: versionNumber.optional(),
  code: z.string({ error: '必填' }).trim().toLowerCase().regex(/^[a-z][a-z0-9_]{1,23}$/, { error: '应为 2–24 位小写字母、数字或下划线' }),
  name: requiredText(30),
  fieldSet: z.enum(FIELD_SET_KEYS as [FieldSetKey, ...FieldSetKey[]], { error: '请选择专用字段模板' }),
  sortOrder: z.number().int().min(0).max(999).default(100),
  active: z.boolean().default(true),
});

// ── Resources ────────────────────────────────────────────────────────────────────────────

export const SHARING_MODES = ['free', 'paid', 'negotiable'] as const;
export type SharingMode = (typeof SHARING_MODES)[number];
export const SHARING_MODE_LABELS: Record<SharingMode, string> = { free: '免费', paid: '收费', negotiable: '面议' };

export const RESOURCE_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published', 'archived'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '已审核',
  published: '已发布',
  archived: '已归档',
};

export const RESOURCE_ACTIONS = ['submit', 'withdraw', 'return', 'approve', 'publish', 'archive', 'restore'] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];
export const RESOURCE_ACTION_LABELS: Record<ResourceAction, string> = {
  submit: '提交审核',
  withdraw: '撤回',
  return: '退回',
  approve: '审核通过',
  publish: '发布',
  archive: '归档',
  restore: '恢复为草稿',
};

/** draft → submitted → returned (with a comment) / approved → published → archived. */
export const resourceMachine = defineMachine<ResourceStatus, ResourceAction>({
  states: RESOURCE_STATUSES,
  stateLabels: RESOURCE_STATUS_LABELS,
  actionLabels: RESOURCE_ACTION_LABELS,
  transitions: [
    { action: 'submit', from: ['draft', 'returned'], to: 'submitted', by: ['owner'] },
    { action: 'withdraw', from: ['submitted'], to: 'draft', by: ['owner'] },
    { action: 'return', from: ['submitted'], to: 'returned', by: ['secretariat'], requiresComment: true },
    { action: 'approve', from: ['submitted'], to: 'approved', by: ['secretariat'] },
    { action: 'publish', from: ['approved'], to: 'published', by: ['secretariat'] },
    { action: 'archive', from: ['draft', 'returned', 'approved', 'published'], to: 'archived', by: ['owner', 'secretariat'] },
    { action: 'restore', from: ['archived'], to: 'draft', by: ['owner', 'secretariat'] },
  ],
});

/** States in which the owner zone may still edit; the secretariat may correct any live record. */
export const OWNER_EDITABLE_STATUSES: readonly ResourceStatus[] = ['draft', 'returned'];

export const RESOURCE_LABELS: Record<string, string> = {
  categoryId: '类别',
  ownerZoneId: '所属高新区',
  title: '名称',
  organisation: '所属单位',
  location: '所在地',
  description: '简介',
  sharingMode: '共享方式',
  feeStandard: '收费标准',
  feeAmount: '参考价格',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  tags: '标签',
  extra: '专用字段',
  comment: '理由',
  action: '操作',
};

const resourceFields = {
  categoryId: recordId,
  ownerZoneId: recordId.optional(),
  title: requiredText(100),
  organisation: requiredText(100),
  location: optionalText(100),
  description: optionalText(5000),
  sharingMode: z.enum(SHARING_MODES, { error: '应为 免费、收费 或 面议' }),
  feeStandard: optionalText(200),
  feeAmount: z.number({ error: '必须是数字' }).min(0, { error: '不能为负数' }).max(100_000_000, { error: '数额过大' }).nullable(),
  contactPerson: requiredText(30),
  contactPhone: optionalPhone,
  contactEmail: optionalEmail,
  tags: z.array(requiredText(20), { error: '应为标签列表' }).max(10, { error: '最多 10 个标签' }),
  /** Category-specific values; validated in the core against the category's field set. */
  extra: z.record(z.string(), z.union([z.string(), z.number(), z.null()]), { error: '专用字段格式不正确' }),
};

export const ResourceCreateInput = z.strictObject({
  ...resourceFields,
  location: resourceFields.location.default(''),
  description: resourceFields.description.default(''),
  feeStandard: resourceFields.feeStandard.default(''),
  feeAmount: resourceFields.feeAmount.default(null),
  contactPhone: resourceFields.contactPhone.default(''),
  contactEmail: resourceFields.contactEmail.default(''),
  tags: resourceFields.tags.default([]),
  extra: resourceFields.extra.default({}),
});
export type ResourceCreateInput = z.input<typeof ResourceCreateInput>;

export const ResourceUpdateInput = z.strictObject({ id: recordId, version: versionNumber, patch: z.strictObject(resourceFields).partial() });

export const ResourceTransitionInput = z.strictObject({
  id: recordId,
  version: versionNumber,
  action: z.enum(RESOURCE_ACTIONS, { error: '未知的操作' }),
  comment: optionalText(500).optional(),
});

export const ResourceBulkTransitionInput = z.strictObject({
  items: z.array(z.strictObject({ id: recordId, version: versionNumber }), { error: '应为记录列表' }).min(1, { error: '请至少选择一条' }).max(500, { error: '一次最多 500 条' }),
  action: z.enum(RESOURCE_ACTIONS, { error: '未知的操作' }),
  comment: optionalText(500).optional(),
});

export interface Attachment {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
}

export interface Resource extends RecordMeta {
  seq: number;
  categoryId: string;
  categoryName: string;
  fieldSet: FieldSetKey;
  ownerZoneId: string;
  ownerZoneName: string;
  title: string;
  organisation: string;
  location: string;
  description: string;
  sharingMode: SharingMode;
  feeStandard: string;
  feeAmount: number | null;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  tags: string[];
  extra: Record<string, string | number | null>;
  status: ResourceStatus;
  reviewComment: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

export interface ResourceDetail extends Resource {
  attachments: Attachment[];
  /** What this installation may do now (the core enforces the same rules). */
  allowedActions: ResourceAction[];
  editable: boolean;
  requestCount: number;
  completedCount: number;
}

export interface BulkResult {
  done: string[];
  failed: Array<{ id: string; title: string; message: string }>;
}

// ── Attachments ───────────────────────────────────────────────────────────────────────────

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;

/** The records a file can hang on. */
export const ATTACHMENT_RECORD_KINDS = ['resource', 'scenario', 'application', 'event'] as const;
export type AttachmentRecordKind = (typeof ATTACHMENT_RECORD_KINDS)[number];

export const AttachmentAddInput = z.strictObject({
  recordKind: z.enum(ATTACHMENT_RECORD_KINDS, { error: '未知的记录类型' }),
  recordId,
  fileName: requiredText(120).refine((s) => !/[\\/:*?"<>|]/.test(s), { error: '文件名含有不允许的字符' }),
  // base64 of at most ATTACHMENT_MAX_BYTES (4/3 larger) — checked precisely after decoding.
  dataBase64: z.string({ error: '缺少文件内容' }).max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 8, { error: '文件不能超过 10 MB' }),
});
export const AttachmentIdInput = z.strictObject({ id: recordId });
export interface AttachmentContent {
  fileName: string;
  mime: string;
  dataBase64: string;
}
