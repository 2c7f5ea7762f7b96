import { z } from 'zod';
import { defineMachine, type Actorish } from '../state-machine';
import { optionalEmail, optionalPhone, optionalText, recordId, requiredText, versionNumber } from '../validation';
import type { RecordMeta } from './record';

/** 揭榜: an organisation's application to an open listing, and its reviewers' scores. */
export const ORGANISATION_TYPES = ['enterprise', 'university', 'institute', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  enterprise: '企业',
  university: '高校',
  institute: '科研院所',
  other: '其他',
};

export const APPLICATION_STATUSES = ['submitted', 'shortlisted', 'selected', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已申报',
  shortlisted: '入围',
  selected: '揭榜成功',
  rejected: '未入选',
  withdrawn: '已撤回',
};

export const APPLICATION_ACTIONS = ['shortlist', 'select', 'reject', 'withdraw'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
export const APPLICATION_ACTION_LABELS: Record<ApplicationAction, string> = {
  shortlist: '入围',
  select: '确定揭榜',
  reject: '不予入选',
  withdraw: '撤回申报',
};

/**
 * The "owner" of a decision (shortlist, select, reject) is the listing's zone; of a
 * withdrawal, the applicant's zone. partyZoneOf() says which zone to ask the machine about.
 */
export const applicationMachine = defineMachine<ApplicationStatus, ApplicationAction>({
  states: APPLICATION_STATUSES,
  stateLabels: APPLICATION_STATUS_LABELS,
  actionLabels: APPLICATION_ACTION_LABELS,
  transitions: [
    { action: 'shortlist', from: ['submitted'], to: 'shortlisted', by: ['owner', 'secretariat'] },
    { action: 'select', from: ['submitted', 'shortlisted'], to: 'selected', by: ['owner', 'secretariat'] },
    { action: 'reject', from: ['submitted', 'shortlisted'], to: 'rejected', by: ['owner', 'secretariat'], requiresComment: true },
    { action: 'withdraw', from: ['submitted', 'shortlisted'], to: 'withdrawn', by: ['owner', 'secretariat'] },
  ],
});

export function partyZoneOf(a: Pick<ScenarioApplication, 'scenarioOwnerZoneId' | 'applicantZoneId'>, action: ApplicationAction): string {
  return action === 'withdraw' ? a.applicantZoneId : a.scenarioOwnerZoneId;
}

export function allowedApplicationActions(a: Pick<ScenarioApplication, 'status' | 'scenarioOwnerZoneId' | 'applicantZoneId'>, actor: Actorish): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => applicationMachine.allowed(a.status, actor, partyZoneOf(a, action)).includes(action));
}

export const APPLICATION_LABELS: Record<string, string> = {
  id: '申报',
  version: '版本号',
  scenarioId: '场景',
  applicantZoneId: '所在高新区',
  organisation: '申报单位',
  organisationType: '单位类型',
  proposalSummary: '方案摘要',
  team: '团队情况',
  priorResults: '前期成果',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  action: '操作',
  comment: '理由',
  applicationId: '申报',
  reviewer: '评审专家',
  scores: '评分',
};

export const ApplicationCreateInput = z.strictObject({
  scenarioId: recordId,
  applicantZoneId: recordId.optional(),
  organisation: requiredText(100),
  organisationType: z.enum(ORGANISATION_TYPES, { error: '应为 企业、高校、科研院所 或 其他' }),
  proposalSummary: requiredText(3000),
  team: optionalText(2000).default(''),
  priorResults: optionalText(2000).default(''),
  contactPerson: requiredText(30),
  contactPhone: optionalPhone.default(''),
  contactEmail: optionalEmail.default(''),
});
export type ApplicationCreateInput = z.input<typeof ApplicationCreateInput>;

export const ApplicationTransitionInput = z.strictObject({
  id: recordId,
  version: versionNumber,
  action: z.enum(APPLICATION_ACTIONS, { error: '未知的操作' }),
  comment: optionalText(500).optional(),
});

export const ApplicationListInput = z.strictObject({ scenarioId: recordId });

/** One reviewer's scores for one application: criterion key → 0–100. Saving again replaces them. */
export const ScoreSaveInput = z.strictObject({
  applicationId: recordId,
  reviewer: requiredText(30),
  scores: z
    .record(
      z.string().regex(/^c\d{1,3}$/, { error: '评分标准代码无效' }),
      z.number({ error: '必须是数字' }).min(0, { error: '不能低于 0 分' }).max(100, { error: '不能高于 100 分' }),
      { error: '评分格式不正确' },
    )
    .refine((s) => Object.keys(s).length > 0, { error: '至少给一项评分' }),
});

export interface ScenarioApplication extends RecordMeta {
  scenarioId: string;
  scenarioTitle: string;
  scenarioOwnerZoneId: string;
  applicantZoneId: string;
  applicantZoneName: string;
  organisation: string;
  organisationType: OrganisationType;
  proposalSummary: string;
  team: string;
  priorResults: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  status: ApplicationStatus;
  decisionNote: string;
  submittedAt: string;
}

export interface ReviewerScores {
  reviewer: string;
  scores: Record<string, number>;
  /** Σ weight × score / 100 over this reviewer's criteria. */
  weighted: number;
  updatedAt: string;
}

/** An application in the ranking: its weighted score and rank; reviewers only for the secretariat. */
export interface RankedApplication extends ScenarioApplication {
  allowedActions: ApplicationAction[];
  /** The proposal's files (PDF, images). */
  attachments: import('./resource').Attachment[];
  /** Whether this installation may add or remove those files (the applicant's zone or the secretariat, until decided). */
  filesEditable: boolean;
  /** Mean over reviewers per criterion (null where nobody scored it). */
  criterionMeans: Record<string, number | null>;
  /** Σ weight × mean / 100; null until someone scored. */
  weightedScore: number | null;
  reviewerCount: number;
  /** 1-based among scored, non-withdrawn applications; null if unscored. */
  rank: number | null;
  /** Each reviewer's own scores: present for the secretariat only. */
  reviewers?: ReviewerScores[];
}

export interface ApplicationRanking {
  scenarioId: string;
  criteria: import('./scenario').ScoringCriterion[];
  applications: RankedApplication[];
  /** Whether this installation sees each reviewer's scores (the secretariat does). */
  showsReviewers: boolean;
  mayScore: boolean;
}

/** Weighted total of per-criterion scores, rounded to 0.01; null if no criterion was scored. */
export function weightedScore(criteria: readonly { key: string; weight: number }[], scores: Record<string, number | null | undefined>): number | null {
  let total = 0;
  let any = false;
  for (const c of criteria) {
    const s = scores[c.key];
    if (s === null || s === undefined) continue;
    any = true;
    total += (c.weight * s) / 100;
  }
  return any ? Math.round(total * 100) / 100 : null;
}
