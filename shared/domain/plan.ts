import { z } from 'zod';
import { isoDate, optionalText, recordId, requiredText, versionNumber } from '../validation';
import type { RecordMeta } from './record';

/** The yearly "1+X+N" plan: targets per metric, computed progress, key work items. */
export const PLAN_PARTS = ['1', 'X', 'N'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];
export const PLAN_PART_LABELS: Record<PlanPart, string> = { '1': '“1”科技资源共享', X: '“X”应用场景', N: '“N”创新活动' };

export const PLAN_METRICS = ['resourcesRegistered', 'resourcesShared', 'requestsServed', 'categoriesOpened', 'listingsPublished', 'listingsMatched', 'eventsHeld'] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

/** What each metric counts — computed from the records, never typed in. */
export const METRIC_INFO: Record<PlanMetric, { part: PlanPart; label: string; unit: string; rule: string }> = {
  resourcesRegistered: { part: '1', label: '登记发布科技资源', unit: '项', rule: '当年发布（状态为已发布）的资源' },
  resourcesShared: { part: '1', label: '实现共享的资源', unit: '项', rule: '当年至少完成一次共享服务的资源' },
  requestsServed: { part: '1', label: '完成共享服务', unit: '次', rule: '当年完成的共享申请' },
  categoriesOpened: { part: 'X', label: '开放场景类别', unit: '类', rule: '当年有清单发布的场景类别' },
  listingsPublished: { part: 'X', label: '发布场景清单', unit: '项', rule: '当年发布、未取消的场景清单' },
  listingsMatched: { part: 'X', label: '场景揭榜对接', unit: '项', rule: '当年确定揭榜方的场景清单' },
  eventsHeld: { part: 'N', label: '举办创新活动', unit: '场', rule: '当年已举办或已总结的活动（取消的不计）' },
};

export const PLAN_LABELS: Record<string, string> = {
  year: '年度',
  fromYear: '源年度',
  toYear: '目标年度',
  targets: '目标',
  metric: '指标',
  zoneId: '高新区',
  typeId: '活动类型',
  quarter: '季度',
  target: '目标值',
  id: '重点工作',
  version: '版本号',
  title: '工作内容',
  ownerZoneId: '牵头高新区',
  dueDate: '完成时限',
  status: '状态',
  progressNote: '进展情况',
  notes: '备注',
};

const year = z.number({ error: '必须是数字' }).int({ error: '应为年份' }).min(2020, { error: '年份应在 2020–2100 之间' }).max(2100, { error: '年份应在 2020–2100 之间' });

export const PlanYearInput = z.strictObject({ year });

export const PlanTarget = z.strictObject({
  metric: z.enum(PLAN_METRICS, { error: '未知的指标' }),
  /** '' = the whole alliance. */
  zoneId: z.union([recordId, z.literal('')]).default(''),
  /** Events only: '' = all types. */
  typeId: z.union([recordId, z.literal('')]).default(''),
  /** 0 = the whole year; 1–4 a quarter. */
  quarter: z.number().int({ error: '应为 0–4' }).min(0, { error: '应为 0–4' }).max(4, { error: '应为 0–4' }).default(0),
  target: z.number({ error: '必须是数字' }).min(0, { error: '不能为负数' }).max(1_000_000, { error: '数值过大' }),
});
export type PlanTarget = z.output<typeof PlanTarget>;

export const PlanTargetsInput = z.strictObject({
  year,
  /** The whole set of targets for the year (replaces the previous set). */
  targets: z.array(PlanTarget, { error: '应为目标列表' }).max(2000, { error: '目标过多' }),
  notes: optionalText(2000).default(''),
});

export const PlanCopyInput = z.strictObject({ fromYear: year, toYear: year });

export const WORK_ITEM_STATUSES = ['todo', 'doing', 'done', 'blocked'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];
export const WORK_ITEM_STATUS_LABELS: Record<WorkItemStatus, string> = { todo: '未开始', doing: '推进中', done: '已完成', blocked: '受阻' };

export const WorkItemSaveInput = z.strictObject({
  id: recordId.optional(),
  version: versionNumber.optional(),
  year,
  title: requiredText(200),
  ownerZoneId: recordId,
  dueDate: isoDate,
  status: z.enum(WORK_ITEM_STATUSES, { error: '应为 未开始、推进中、已完成 或 受阻' }).default('todo'),
  progressNote: optionalText(2000).default(''),
});

export interface WorkItem extends RecordMeta {
  year: number;
  title: string;
  ownerZoneId: string;
  ownerZoneName: string;
  dueDate: string;
  status: WorkItemStatus;
  progressNote: string;
  overdue: boolean;
}

export interface Plan {
  year: number;
  exists: boolean;
  targets: PlanTarget[];
  notes: string;
  workItems: WorkItem[];
  updatedAt: string | null;
}

/** One figure: what the records say, against the target where one is set. */
export interface Figure {
  actual: number;
  target: number | null;
}

export interface MetricProgress {
  metric: PlanMetric;
  total: Figure;
  byQuarter: Figure[]; // 4 entries
  byZone: Record<string, Figure>;
  /** Events only: by type id. */
  byType: Record<string, Figure>;
}

export interface PlanProgress {
  year: number;
  metrics: MetricProgress[];
  /** When the figures were computed (Asia/Shanghai). */
  asOf: string;
}

export const MetricRecordsInput = z.strictObject({
  year,
  metric: z.enum(PLAN_METRICS, { error: '未知的指标' }),
  zoneId: recordId.optional(),
  typeId: recordId.optional(),
  quarter: z.number().int().min(1, { error: '应为 1–4' }).max(4, { error: '应为 1–4' }).optional(),
});

/** A record behind a figure — what a click on the number opens. */
export interface MetricRecord {
  kind: 'resource' | 'request' | 'scenario' | 'category' | 'event';
  id: string;
  title: string;
  zoneId: string;
  zoneName: string;
  /** The date that placed it in the year (Asia/Shanghai). */
  date: string;
  typeId?: string;
}

// ── Dashboard (工作台) ────────────────────────────────────────────────────────────────────

export type AttentionKind = 'reviewQueue' | 'pendingRequests' | 'closingSoon' | 'eventsWithoutVenue' | 'overdueWork';
export const ATTENTION_LABELS: Record<AttentionKind, string> = {
  reviewQueue: '待审核的资源',
  pendingRequests: '待处理的共享申请',
  closingSoon: '7 天内截止的场景清单',
  eventsWithoutVenue: '本周尚未落实场地的活动',
  overdueWork: '逾期的重点工作',
};

export interface AttentionGroup {
  kind: AttentionKind;
  count: number;
  items: Array<{ id: string; title: string; detail: string; zoneName: string }>;
}

export interface ZoneContribution {
  zoneId: string;
  zoneName: string;
  resources: number;
  listings: number;
  eventsHosted: number;
  requestsServed: number;
}

export interface Dashboard {
  year: number;
  progress: PlanProgress;
  attention: AttentionGroup[];
  zones: ZoneContribution[];
}

export const REPORT_FORMATS = ['xlsx', 'docx'] as const;
export const ReportExportInput = z.strictObject({ year, format: z.enum(REPORT_FORMATS, { error: '应为 xlsx 或 docx' }) });

export interface AnnualReport {
  year: number;
  title: string;
  generatedAt: string;
  dashboard: Dashboard;
  indicators: import('./indicators').IndicatorTable;
  eventsHeld: MetricRecord[];
  listingsMatched: MetricRecord[];
  resourcesShared: MetricRecord[];
  workItems: WorkItem[];
  /** Event type names by id, for the by-type figures. */
  typeNames: Record<string, string>;
  zoneNames: Record<string, string>;
}
