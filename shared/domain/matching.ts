import { z } from 'zod';
import { recordId } from '../validation';
import type { ResourceSummary } from './resource-search';
import type { ScenarioSummary } from './scenario';

/**
 * Matching resources ↔ listings: deterministic points a clerk can check by hand, each with
 * the sentence that earned it. The same rules both ways (core/matching/match-rules.ts).
 */
export const MATCH_POINTS = {
  /** Per listing keyword (tag) found in the resource's text; at most MAX_KEYWORDS count. */
  keyword: 30,
  /** The resource's text has one of the listing category's field words (同属…领域). */
  field: 20,
  sameZone: 15,
  sameProvince: 8,
  /** 仪器、平台、专家、专利 — the kinds that can directly serve a listing. */
  directKind: 5,
} as const;
export const MAX_KEYWORDS = 3;

export interface MatchReason {
  kind: 'keyword' | 'field' | 'sameZone' | 'sameProvince' | 'directKind';
  points: number;
  text: string;
}

export interface ResourceMatch {
  resource: ResourceSummary;
  score: number;
  reasons: MatchReason[];
}

export interface ScenarioMatch {
  scenario: ScenarioSummary;
  score: number;
  reasons: MatchReason[];
}

export const MatchInput = z.strictObject({ id: recordId, limit: z.number().int().min(1).max(100).default(20) });
export const MATCH_LABELS: Record<string, string> = { id: '记录', limit: '条数' };

/** The reasons as one line: 同属新材料领域；关键词：稀土永磁；位于包头稀土高新区 */
export function reasonLine(reasons: readonly MatchReason[]): string {
  return reasons.map((r) => r.text).join('；');
}
