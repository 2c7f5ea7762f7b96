import { z } from 'zod';
import { defineMachine, type Actorish } from '../state-machine';
import { optionalDate, optionalEmail, optionalPhone, optionalText, recordId, requiredText, versionNumber } from '../validation';
import type { Attachment } from './resource';
import type { RecordMeta } from './record';
import { offsetDateTime } from './sharing-request';

/** Part "N": the alliance's innovation events, planned by the secretariat and hosted by zones. */
export const EVENT_STATUSES = ['planned', 'published', 'postponed', 'held', 'summarised', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  planned: '计划中',
  published: '已发布',
  postponed: '已延期',
  held: '已举办',
  summarised: '已总结',
  cancelled: '已取消',
};

export const EVENT_ACTIONS = ['publish', 'postpone', 'hold', 'summarise', 'cancel'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];
export const EVENT_ACTION_LABELS: Record<EventAction, string> = {
  publish: '发布',
  postpone: '延期',
  hold: '标记已举办',
  summarise: '完成总结',
  cancel: '取消活动',
};

export const eventMachine = defineMachine<EventStatus, EventAction>({
  states: EVENT_STATUSES,
  stateLabels: EVENT_STATUS_LABELS,
  actionLabels: EVENT_ACTION_LABELS,
  transitions: [
    { action: 'publish', from: ['planned', 'postponed'], to: 'published', by: ['owner', 'secretariat'] },
    { action: 'postpone', from: ['planned', 'published'], to: 'postponed', by: ['owner', 'secretariat'], requiresComment: true },
    { action: 'hold', from: ['published'], to: 'held', by: ['owner', 'secretariat'] },
    { action: 'summarise', from: ['held'], to: 'summarised', by: ['owner', 'secretariat'] },
    { action: 'cancel', from: ['planned', 'published', 'postponed'], to: 'cancelled', by: ['owner', 'secretariat'], requiresComment: true },
  ],
});

/** Events that count toward the plan's N. */
export const COUNTED_EVENT_STATUSES: readonly EventStatus[] = ['held', 'summarised'];
/** Events that still take registrations (before their deadline). */
export const REGISTERING_EVENT_STATUSES: readonly EventStatus[] = ['planned', 'published', 'postponed'];

export function allowedEventActions(e: Pick<AllianceEvent, 'status' | 'ownerZoneId'>, actor: Actorish): EventAction[] {
  return eventMachine.allowed(e.status, actor, e.ownerZoneId);
}

// ── Types (configurable) ──────────────────────────────────────────────────────────────────

export interface EventType extends RecordMeta {
  code: string;
  name: string;
  /** Calendar colour, #rrggbb. */
  color: string;
  sortOrder: number;
  active: boolean;
}

export const EVENT_TYPE_LABELS: Record<string, string> = { code: '类型代码', name: '类型名称', color: '颜色', sortOrder: '排序', active: '启用', includeInactive: '包含停用' };

export const EventTypeSaveInput = z.strictObject({
  id: recordId.optional(),
  version: versionNumber.optional(),
  code: z.string({ error: '必填' }).trim().regex(/^[a-z][a-z0-9_-]{1,31}$/, { error: '应为 2–32 位小写字母、数字、- 或 _，以字母开头' }),
  name: requiredText(30),
  color: z.string({ error: '必填' }).regex(/^#[0-9a-fA-F]{6}$/, { error: '应为 #rrggbb 颜色' }).default('#1677ff'),
  sortOrder: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(0, { error: '不能为负数' }).max(100_000, { error: '数值过大' }).default(100),
  active: z.boolean({ error: '应为 是 或 否' }).default(true),
});

// ── Events ────────────────────────────────────────────────────────────────────────────────

export interface AgendaItem {
  time: string;
  topic: string;
  speaker: string;
  organisation: string;
}

export interface EventOutcome {
  agreements: Array<{ title: string; parties: string }>;
  projectsMatched: Array<{ title: string; note: string }>;
  notes: string;
}

export const EVENT_LABELS: Record<string, string> = {
  id: '活动',
  version: '版本号',
  title: '活动名称',
  typeId: '活动类型',
  ownerZoneId: '主办高新区',
  coHostZoneIds: '协办高新区',
  startAt: '开始时间',
  endAt: '结束时间',
  allDay: '全天',
  venue: '地点',
  onlineUrl: '线上链接',
  capacity: '人数上限',
  registrationDeadline: '报名截止日期',
  description: '活动介绍',
  agenda: '议程',
  time: '时间',
  topic: '议题',
  speaker: '报告人',
  organisation: '单位',
  linkedScenarioIds: '关联场景清单',
  linkedResourceIds: '关联资源',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  action: '操作',
  comment: '理由',
  patch: '修改内容',
  agreements: '签约（意向）',
  projectsMatched: '对接项目',
  parties: '签约方',
  note: '说明',
  notes: '备注',
};

const agendaItem = z.strictObject({
  time: z.string({ error: '必填' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间应为 HH:MM，如 09:30' }),
  topic: requiredText(100),
  speaker: optionalText(30).default(''),
  organisation: optionalText(100).default(''),
});

const onlineUrl = optionalText(500).refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), { error: '应为 http:// 或 https:// 开头的链接' });

const eventFields = {
  typeId: recordId,
  ownerZoneId: recordId.optional(),
  title: requiredText(100),
  coHostZoneIds: z.array(recordId, { error: '应为高新区列表' }).max(30, { error: '最多 30 个协办高新区' }),
  startAt: offsetDateTime,
  endAt: offsetDateTime,
  allDay: z.boolean({ error: '应为 是 或 否' }),
  venue: optionalText(200),
  onlineUrl,
  capacity: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(1, { error: '至少为 1' }).max(100_000, { error: '人数过大' }).nullable(),
  registrationDeadline: optionalDate,
  description: optionalText(5000),
  agenda: z.array(agendaItem, { error: '应为议程列表' }).max(60, { error: '最多 60 项议程' }),
  linkedScenarioIds: z.array(recordId).max(50, { error: '最多关联 50 个场景清单' }),
  linkedResourceIds: z.array(recordId).max(50, { error: '最多关联 50 个资源' }),
  contactPerson: optionalText(30),
  contactPhone: optionalPhone,
  contactEmail: optionalEmail,
};

const MIDNIGHT = /T00:00:00(\.000)?\+08:00$/;

/** Cross-field rules, checked on create and on the merged record of an update. */
export function eventRuleIssues(e: { startAt: string; endAt: string; allDay: boolean; registrationDeadline: string }): Record<string, string> {
  const issues: Record<string, string> = {};
  if (Date.parse(e.endAt) <= Date.parse(e.startAt)) issues.endAt = '结束时间应晚于开始时间';
  if (e.allDay && (!MIDNIGHT.test(e.startAt) || !MIDNIGHT.test(e.endAt))) issues.allDay = '全天活动的开始和结束应为北京时间零点（结束为最后一天的次日零点）';
  if (e.registrationDeadline && e.registrationDeadline > e.startAt.slice(0, 10)) issues.registrationDeadline = '报名截止日期不能晚于活动开始日期';
  return issues;
}

export const EventCreateInput = z
  .strictObject({
    ...eventFields,
    coHostZoneIds: eventFields.coHostZoneIds.default([]),
    allDay: eventFields.allDay.default(false),
    venue: eventFields.venue.default(''),
    onlineUrl: eventFields.onlineUrl.default(''),
    capacity: eventFields.capacity.default(null),
    registrationDeadline: eventFields.registrationDeadline.default(''),
    description: eventFields.description.default(''),
    agenda: eventFields.agenda.default([]),
    linkedScenarioIds: eventFields.linkedScenarioIds.default([]),
    linkedResourceIds: eventFields.linkedResourceIds.default([]),
    contactPerson: eventFields.contactPerson.default(''),
    contactPhone: eventFields.contactPhone.default(''),
    contactEmail: eventFields.contactEmail.default(''),
  })
  .superRefine((e, ctx) => {
    for (const [field, message] of Object.entries(eventRuleIssues(e))) ctx.addIssue({ code: 'custom', path: [field], message });
  });
export type EventCreateInput = z.input<typeof EventCreateInput>;

export const EventUpdateInput = z.strictObject({ id: recordId, version: versionNumber, patch: z.strictObject(eventFields).partial() });

export const EventTransitionInput = z.strictObject({
  id: recordId,
  version: versionNumber,
  action: z.enum(EVENT_ACTIONS, { error: '未知的操作' }),
  comment: optionalText(500).optional(),
  /** For 延期: the new dates (optional: "date to be announced" keeps the old ones). */
  startAt: offsetDateTime.optional(),
  endAt: offsetDateTime.optional(),
});

export const EventOutcomeInput = z.strictObject({
  id: recordId,
  version: versionNumber,
  agreements: z.array(z.strictObject({ title: requiredText(100), parties: optionalText(200).default('') }), { error: '应为签约列表' }).max(200, { error: '最多 200 项' }).default([]),
  projectsMatched: z.array(z.strictObject({ title: requiredText(100), note: optionalText(200).default('') }), { error: '应为项目列表' }).max(200, { error: '最多 200 项' }).default([]),
  notes: optionalText(5000).default(''),
  /** Also move the event to 已总结. */
  summarise: z.boolean().default(false),
});

export interface AllianceEvent extends RecordMeta {
  seq: number;
  ownerZoneId: string;
  ownerZoneName: string;
  typeId: string;
  typeName: string;
  typeColor: string;
  title: string;
  coHostZoneIds: string[];
  coHostZoneNames: string[];
  startAt: string;
  endAt: string;
  allDay: boolean;
  venue: string;
  onlineUrl: string;
  capacity: number | null;
  registrationDeadline: string;
  description: string;
  agenda: AgendaItem[];
  linkedScenarioIds: string[];
  linkedResourceIds: string[];
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  status: EventStatus;
  statusReason: string;
  /** iCalendar SEQUENCE: bumped on every change a calendar shows. */
  sequence: number;
  outcome: EventOutcome;
}

export interface RegistrationCounts {
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
  walkIns: number;
}

export interface EventDetail extends AllianceEvent {
  attachments: Attachment[];
  allowedActions: EventAction[];
  editable: boolean;
  /** Host zone or secretariat: runs registrations, the desk and the outcome. */
  mayManage: boolean;
  counts: RegistrationCounts;
  /** Whether registration is open today (status and deadline). */
  registrationOpen: boolean;
  linkedScenarios: Array<{ id: string; title: string }>;
  linkedResources: Array<{ id: string; title: string }>;
}

export type EventSummary = Pick<
  AllianceEvent,
  'id' | 'seq' | 'version' | 'title' | 'typeId' | 'typeName' | 'typeColor' | 'ownerZoneId' | 'ownerZoneName' | 'coHostZoneIds' | 'startAt' | 'endAt' | 'allDay' | 'venue' | 'status' | 'capacity' | 'isDemo'
> & { confirmed: number };

const list = <T extends z.ZodType>(item: T) => z.array(item).max(100).default([]);

export const EventListInput = z
  .strictObject({
    /** Dates (YYYY-MM-DD, Asia/Shanghai), inclusive: events overlapping the range. */
    from: optionalDate.default(''),
    to: optionalDate.default(''),
    query: z.string({ error: '必须是文字' }).max(100, { error: '不能超过 100 个字' }).default(''),
    zoneIds: list(recordId),
    typeIds: list(recordId),
    statuses: list(z.enum(EVENT_STATUSES)),
    limit: z.number().int().min(1).max(5000).default(2000),
  })
  .default({} as never);
export type EventListInput = z.input<typeof EventListInput>;

export const EVENT_LIST_LABELS: Record<string, string> = { from: '开始日期', to: '结束日期', query: '搜索词', zoneIds: '高新区', typeIds: '活动类型', statuses: '状态', limit: '条数' };

export interface EventListResult {
  items: EventSummary[];
  total: number;
  highlight: string[];
}

// ── Warnings before saving (China-aware; the user decides) ───────────────────────────────

export const EventCheckInput = z.strictObject({
  id: recordId.optional(),
  startAt: offsetDateTime,
  endAt: offsetDateTime,
  ownerZoneId: recordId.optional(),
  coHostZoneIds: z.array(recordId).max(30).default([]),
  venue: optionalText(200).default(''),
});

export interface EventWarning {
  kind: 'holiday' | 'workday' | 'zoneBusy' | 'venueTaken' | 'busyDay';
  message: string;
}

/** The number of alliance events on one day from which the day counts as crowded. */
export const BUSY_DAY_EVENTS = 3;

// ── Reminders ─────────────────────────────────────────────────────────────────────────────

export interface EventReminder {
  key: string;
  eventId: string;
  kind: 'starts' | 'registrationCloses';
  at: string;
  message: string;
}

// ── iCalendar ─────────────────────────────────────────────────────────────────────────────

export const EventExportInput = z.strictObject({
  /** Events to export; empty: those of `filter`. */
  ids: z.array(recordId).max(5000, { error: '一次最多导出 5000 个活动' }).default([]),
  filter: EventListInput.optional(),
});

export const EventImportInput = z.strictObject({
  text: z.string({ error: '缺少文件内容' }).max(5 * 1024 * 1024 + 1024, { error: '文件不能超过 5 MB' }),
  typeId: recordId,
  /** false: preview only, nothing saved. */
  commit: z.boolean().default(false),
});

export interface EventImportPreview {
  rows: Array<{ title: string; startAt: string; endAt: string; allDay: boolean; venue: string; description: string; skip: string }>;
  warnings: string[];
  imported: number;
}
