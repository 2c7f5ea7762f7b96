import type { ResourceStatus, SharingMode } from '../../shared/domain/resource';
import type { FieldSetKey } from '../../shared/domain/resource-fields';

/**
 * The generated dataset as plain objects. Resources follow the app's resource domain
 * (shared/domain/resource.ts: the same field names, enum values and category-specific
 * `extra` keys) so a later loader can pass them to the real `resources.create` path; zones
 * and categories are named by their stable codes because their ids are made at seed time.
 * Scenarios and events have no domain types yet: theirs are the bench's proposal.
 */
export interface GeneratedResource {
  id: string;
  seq: number;
  /** The default category's code (migration 002), which is also its field-set key. */
  categoryCode: FieldSetKey;
  categoryName: string;
  ownerZoneCode: string;
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
  createdAt: string;
  updatedAt: string;
}

export const SCENARIO_KINDS = { opportunity: '场景机会', challenge: '揭榜挂帅榜单', capability: '能力清单' } as const;
export type ScenarioKind = keyof typeof SCENARIO_KINDS;

export interface GeneratedScenario {
  id: string;
  seq: number;
  kind: ScenarioKind;
  /** 智能制造, 智慧农业, 新能源, 冰雪经济, 低空经济… */
  category: string;
  title: string;
  /** The organisation with the need (场景机会, 榜单) or offering the capability (能力清单). */
  organisation: string;
  ownerZoneCode: string;
  description: string;
  /** 万元; null = 面议 (and for capability listings). */
  budgetWan: number | null;
  /** YYYY-MM-DD, in 2026. */
  deadline: string;
  contactPerson: string;
  contactPhone: string;
  status: 'open' | 'matched' | 'closed';
  createdAt: string;
}

export const EVENT_TYPES = {
  seminar: '研讨会/座谈会',
  roadshow: '项目路演',
  matchmaking: '供需对接会',
  training: '培训',
  contest: '创新创业大赛',
  forum: '论坛',
  visit: '参观考察',
  meeting: '联盟会议',
} as const;
export type EventType = keyof typeof EVENT_TYPES;

export interface GeneratedEvent {
  id: string;
  seq: number;
  type: EventType;
  title: string;
  hostZoneCode: string;
  coHostZoneCodes: string[];
  organiser: string;
  /** ISO 8601 with +08:00 (Asia/Shanghai), in 2026. */
  startAt: string;
  endAt: string;
  capacity: number;
  venue: string;
  online: boolean;
  description: string;
  status: 'planned' | 'open' | 'finished' | 'cancelled';
}

export interface Dataset {
  seed: number;
  resources: GeneratedResource[];
  scenarios: GeneratedScenario[];
  events: GeneratedEvent[];
}

export interface DatasetSizes {
  resources: number;
  scenarios: number;
  events: number;
}
