import { z } from 'zod';
import { daysFromTo } from '../shanghai-date';
import { defineMachine, type Actorish } from '../state-machine';
import { optionalDate, optionalEmail, optionalPhone, optionalText, recordId, requiredText, versionNumber } from '../validation';
import type { RecordMeta } from './record';

/** Part "X": application-scenario listings (场景清单), open challenges (揭榜挂帅) and capabilities. */
export const SCENARIO_KINDS = ['opportunity', 'challenge', 'capability'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];
export const SCENARIO_KIND_LABELS: Record<ScenarioKind, string> = {
  opportunity: '场景机会清单',
  challenge: '揭榜挂帅榜单',
  capability: '能力清单',
};

export const SCENARIO_STATUSES = ['draft', 'published', 'evaluating', 'matched', 'implementing', 'accepted', 'cancelled'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];
export const SCENARIO_STATUS_LABELS: Record<ScenarioStatus, string> = {
  draft: '草稿',
  published: '征集中',
  evaluating: '评审中',
  matched: '已揭榜',
  implementing: '实施中',
  accepted: '已验收',
  cancelled: '已取消',
};

export const SCENARIO_ACTIONS = ['publish', 'evaluate', 'match', 'implement', 'accept', 'cancel'] as const;
export type ScenarioAction = (typeof SCENARIO_ACTIONS)[number];
export const SCENARIO_ACTION_LABELS: Record<ScenarioAction, string> = {
  publish: '发布',
  evaluate: '进入评审',
  match: '确定揭榜方',
  implement: '开始实施',
  accept: '验收通过',
  cancel: '取消',
};

/** The one lifecycle of a listing. `match` is taken by selecting an application, never directly. */
export const scenarioMachine = defineMachine<ScenarioStatus, ScenarioAction>({
  states: SCENARIO_STATUSES,
  stateLabels: SCENARIO_STATUS_LABELS,
  actionLabels: SCENARIO_ACTION_LABELS,
  transitions: [
    { action: 'publish', from: ['draft'], to: 'published', by: ['owner', 'secretariat'] },
    { action: 'evaluate', from: ['published'], to: 'evaluating', by: ['owner', 'secretariat'] },
    { action: 'match', from: ['published', 'evaluating'], to: 'matched', by: ['owner', 'secretariat'] },
    { action: 'implement', from: ['matched'], to: 'implementing', by: ['owner', 'secretariat'] },
    { action: 'accept', from: ['implementing'], to: 'accepted', by: ['owner', 'secretariat'] },
    { action: 'cancel', from: ['draft', 'published', 'evaluating', 'matched', 'implementing'], to: 'cancelled', by: ['owner', 'secretariat'], requiresComment: true },
  ],
});

/** Actions offered as buttons on a listing (`match` happens by selecting an application). */
export const SCENARIO_BUTTON_ACTIONS = SCENARIO_ACTIONS.filter((a) => a !== 'match');

/** Listings still under way: shown as open, and offered to matching. */
export const OPEN_SCENARIO_STATUSES: readonly ScenarioStatus[] = ['published', 'evaluating'];

/** The highlight window for deadlines: "closing within 7 days". */
export const CLOSING_SOON_DAYS = 7;

export type DeadlineState = 'none' | 'open' | 'closingSoon' | 'closed';

/** How a listing's deadline reads today: shown wherever a listing appears. */
export function deadlineState(deadline: string, today: string): DeadlineState {
  if (!deadline) return 'none';
  const days = daysFromTo(today, deadline);
  if (days < 0) return 'closed';
  return days < CLOSING_SOON_DAYS ? 'closingSoon' : 'open';
}

/** Whether the listing takes applications today: published and its deadline (inclusive) not past. */
export function acceptsApplications(s: Pick<Scenario, 'status' | 'deadline' | 'kind'>, today: string): boolean {
  return s.status === 'published' && deadlineState(s.deadline, today) !== 'closed';
}

// ── Categories (the X) ────────────────────────────────────────────────────────────────────

export interface ScenarioCategory extends RecordMeta {
  code: string;
  name: string;
  /** Words that mark a resource as belonging to this field (matching: 同属…领域). */
  keywords: string[];
  sortOrder: number;
  active: boolean;
}

export const SCENARIO_CATEGORY_LABELS: Record<string, string> = {
  id: '类别',
  version: '版本号',
  code: '类别代码',
  name: '类别名称',
  keywords: '领域关键词',
  sortOrder: '排序',
  active: '启用',
  includeInactive: '包含停用',
};

export const ScenarioCategorySaveInput = z.strictObject({
  id: recordId.optional(),
  version: versionNumber.optional(),
  code: z.string({ error: '必填' }).trim().regex(/^[a-z][a-z0-9_-]{1,31}$/, { error: '应为 2–32 位小写字母、数字、- 或 _，以字母开头' }),
  name: requiredText(30),
  keywords: z.array(requiredText(20), { error: '应为关键词列表' }).max(30, { error: '最多 30 个关键词' }).default([]),
  sortOrder: z.number({ error: '必须是数字' }).int({ error: '必须是整数' }).min(0, { error: '不能为负数' }).max(100_000, { error: '数值过大' }).default(100),
  active: z.boolean({ error: '应为 是 或 否' }).default(true),
});

// ── Listings ──────────────────────────────────────────────────────────────────────────────

export interface ScoringCriterion {
  /** Stable key within the listing (c1, c2…), so scores survive renaming a criterion. */
  key: string;
  name: string;
  /** Percent; a listing's weights sum to 100. */
  weight: number;
}

export const SCENARIO_LABELS: Record<string, string> = {
  id: '场景',
  version: '版本号',
  title: '名称',
  categoryId: '场景类别',
  kind: '清单类型',
  ownerZoneId: '发布高新区',
  demandOrganisation: '需求单位',
  description: '场景描述',
  requirements: '技术要求与指标',
  expectedOutcome: '预期成果',
  budgetMinWan: '预算下限',
  budgetMaxWan: '预算上限',
  rewardWan: '揭榜奖励',
  periodStart: '实施开始',
  periodEnd: '实施结束',
  deadline: '申报截止日期',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  tags: '关键词标签',
  criteria: '评分标准',
  key: '标准代码',
  name: '标准名称',
  weight: '权重',
  comment: '理由',
  action: '操作',
  patch: '修改内容',
};

const wan = z.number({ error: '必须是数字' }).min(0, { error: '不能为负数' }).max(10_000_000, { error: '数额过大' }).nullable();

const criterion = z.strictObject({
  key: z.string({ error: '必填' }).regex(/^c\d{1,3}$/, { error: '代码无效' }),
  name: requiredText(30),
  weight: z.number({ error: '必须是数字' }).int({ error: '应为整数百分比' }).min(1, { error: '至少 1%' }).max(100, { error: '不能超过 100%' }),
});

const criteriaList = z
  .array(criterion, { error: '应为评分标准列表' })
  .max(12, { error: '最多 12 项评分标准' })
  .refine((list) => list.length === 0 || list.reduce((sum, c) => sum + c.weight, 0) === 100, {
    error: (issue) => `各项权重之和应为 100%，现在是 ${(issue.input as ScoringCriterion[]).reduce((sum, c) => sum + c.weight, 0)}%`,
  })
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, { error: '标准代码重复' })
  .refine((list) => new Set(list.map((c) => c.name.trim())).size === list.length, { error: '标准名称重复' });

const scenarioFields = {
  categoryId: recordId,
  kind: z.enum(SCENARIO_KINDS, { error: '应为 场景机会清单、揭榜挂帅榜单 或 能力清单' }),
  ownerZoneId: recordId.optional(),
  title: requiredText(100),
  demandOrganisation: requiredText(100),
  description: requiredText(5000),
  requirements: optionalText(3000),
  expectedOutcome: optionalText(2000),
  budgetMinWan: wan,
  budgetMaxWan: wan,
  rewardWan: wan,
  periodStart: optionalDate,
  periodEnd: optionalDate,
  deadline: optionalDate,
  contactPerson: requiredText(30),
  contactPhone: optionalPhone,
  contactEmail: optionalEmail,
  tags: z.array(requiredText(20), { error: '应为标签列表' }).max(10, { error: '最多 10 个标签' }),
  criteria: criteriaList,
};

/** Cross-field rules, checked on create and on the merged record of an update. */
export function scenarioRuleIssues(s: {
  budgetMinWan: number | null;
  budgetMaxWan: number | null;
  periodStart: string;
  periodEnd: string;
}): Record<string, string> {
  const issues: Record<string, string> = {};
  if (s.budgetMinWan !== null && s.budgetMaxWan !== null && s.budgetMinWan > s.budgetMaxWan) issues.budgetMaxWan = `预算上限（${s.budgetMaxWan} 万元）不能小于下限（${s.budgetMinWan} 万元）`;
  if (s.periodStart && s.periodEnd && s.periodEnd < s.periodStart) issues.periodEnd = '实施结束日期不能早于开始日期';
  return issues;
}

export const ScenarioCreateInput = z.strictObject({
  ...scenarioFields,
  requirements: scenarioFields.requirements.default(''),
  expectedOutcome: scenarioFields.expectedOutcome.default(''),
  budgetMinWan: scenarioFields.budgetMinWan.default(null),
  budgetMaxWan: scenarioFields.budgetMaxWan.default(null),
  rewardWan: scenarioFields.rewardWan.default(null),
  periodStart: scenarioFields.periodStart.default(''),
  periodEnd: scenarioFields.periodEnd.default(''),
  deadline: scenarioFields.deadline.default(''),
  contactPhone: scenarioFields.contactPhone.default(''),
  contactEmail: scenarioFields.contactEmail.default(''),
  tags: scenarioFields.tags.default([]),
  criteria: scenarioFields.criteria.default([]),
}).superRefine((s, ctx) => {
  for (const [field, message] of Object.entries(scenarioRuleIssues(s))) ctx.addIssue({ code: 'custom', path: [field], message });
});
export type ScenarioCreateInput = z.input<typeof ScenarioCreateInput>;

export const ScenarioUpdateInput = z.strictObject({ id: recordId, version: versionNumber, patch: z.strictObject(scenarioFields).partial() });
export type ScenarioUpdateInput = z.input<typeof ScenarioUpdateInput>;

export const ScenarioTransitionInput = z.strictObject({
  id: recordId,
  version: versionNumber,
  action: z.enum(SCENARIO_BUTTON_ACTIONS as [ScenarioAction, ...ScenarioAction[]], { error: '未知的操作' }),
  comment: optionalText(500).optional(),
});

export interface Scenario extends RecordMeta {
  seq: number;
  ownerZoneId: string;
  ownerZoneName: string;
  categoryId: string;
  categoryName: string;
  kind: ScenarioKind;
  title: string;
  demandOrganisation: string;
  description: string;
  requirements: string;
  expectedOutcome: string;
  budgetMinWan: number | null;
  budgetMaxWan: number | null;
  rewardWan: number | null;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  tags: string[];
  criteria: ScoringCriterion[];
  status: ScenarioStatus;
  cancelReason: string;
  publishedAt: string | null;
  matchedApplicationId: string | null;
}

export interface ScenarioDetail extends Scenario {
  attachments: import('./resource').Attachment[];
  allowedActions: ScenarioAction[];
  editable: boolean;
  /** Whether applications are taken today (published, deadline not past). */
  acceptingApplications: boolean;
  applicationCount: number;
  /** Whether this installation may enter an application (an open listing; any zone). */
  mayApply: boolean;
  /** Whether this installation may shortlist, score and select (owner zone or secretariat). */
  mayEvaluate: boolean;
}

/** What this installation may do with a listing now (the core enforces the same rules). */
export function allowedScenarioActions(s: Pick<Scenario, 'status' | 'ownerZoneId'>, actor: Actorish): ScenarioAction[] {
  return scenarioMachine.allowed(s.status, actor, s.ownerZoneId).filter((a) => a !== 'match');
}

// ── Search ────────────────────────────────────────────────────────────────────────────────

export const SCENARIO_SORTS = ['deadline', 'updated', 'title'] as const;
export const DEADLINE_WINDOWS = ['any', 'closingSoon', 'open', 'closed'] as const;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(100).default([]);

export const ScenarioSearchInput = z
  .strictObject({
    query: z.string({ error: '必须是文字' }).max(100, { error: '不能超过 100 个字' }).default(''),
    categoryIds: list(recordId),
    kinds: list(z.enum(SCENARIO_KINDS)),
    zoneIds: list(recordId),
    statuses: list(z.enum(SCENARIO_STATUSES)),
    deadline: z.enum(DEADLINE_WINDOWS, { error: '未知的截止范围' }).default('any'),
    sort: z.enum(SCENARIO_SORTS, { error: '未知的排序' }).default('deadline'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({} as never);
export type ScenarioSearchInput = z.input<typeof ScenarioSearchInput>;

export const SCENARIO_SEARCH_LABELS: Record<string, string> = {
  query: '搜索词',
  categoryIds: '场景类别',
  kinds: '清单类型',
  zoneIds: '发布高新区',
  statuses: '状态',
  deadline: '截止范围',
  sort: '排序',
  offset: '起始位置',
  limit: '条数',
};

export type ScenarioSummary = Pick<
  Scenario,
  | 'id'
  | 'seq'
  | 'version'
  | 'title'
  | 'kind'
  | 'categoryId'
  | 'categoryName'
  | 'ownerZoneId'
  | 'ownerZoneName'
  | 'demandOrganisation'
  | 'status'
  | 'deadline'
  | 'budgetMinWan'
  | 'budgetMaxWan'
  | 'rewardWan'
  | 'updatedAt'
  | 'isDemo'
> & { applicationCount: number; snippet: string };

export interface ScenarioSearchResult {
  total: number;
  items: ScenarioSummary[];
  facets: { category: Record<string, number>; kind: Record<string, number>; zone: Record<string, number>; status: Record<string, number> };
  highlight: string[];
  /** The date (Asia/Shanghai) the deadlines were judged against. */
  today: string;
  tookMs: number;
}

/** Budget as a clerk reads it: 50–200 万元, ≤ 200 万元, 奖励 300 万元, 面议. */
export function budgetText(s: Pick<Scenario, 'budgetMinWan' | 'budgetMaxWan' | 'rewardWan'>): string {
  const parts: string[] = [];
  const { budgetMinWan: min, budgetMaxWan: max } = s;
  if (min !== null && max !== null) parts.push(min === max ? `${min} 万元` : `${min}–${max} 万元`);
  else if (max !== null) parts.push(`≤ ${max} 万元`);
  else if (min !== null) parts.push(`≥ ${min} 万元`);
  if (s.rewardWan !== null) parts.push(`奖励 ${s.rewardWan} 万元`);
  return parts.length > 0 ? parts.join('；') : '面议';
}
