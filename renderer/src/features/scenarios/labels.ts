import type { ApplicationStatus } from '../../../../shared/domain/scenario-application';
import { budgetText, type Scenario, type ScenarioKind, type ScenarioStatus } from '../../../../shared/domain/scenario';

export const SCENARIO_STATUS_COLORS: Record<ScenarioStatus, string> = {
  draft: 'default',
  published: 'processing',
  evaluating: 'purple',
  matched: 'green',
  implementing: 'cyan',
  accepted: 'geekblue',
  cancelled: 'default',
};

export const SCENARIO_KIND_COLORS: Record<ScenarioKind, string> = {
  opportunity: 'blue',
  challenge: 'volcano',
  capability: 'lime',
};

export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  shortlisted: 'gold',
  selected: 'success',
  rejected: 'default',
  withdrawn: 'default',
};

/** A weighted score or mean as the ranking shows it: two decimals (86.00), "—" when nobody scored. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** Budget as the clerk reads it: the shared Chinese wording (50–200 万元；奖励 300 万元 / 面议), or its English equivalent. */
export function budgetLabel(s: Pick<Scenario, 'budgetMinWan' | 'budgetMaxWan' | 'rewardWan'>, language: string): string {
  if (language !== 'en') return budgetText(s);
  const parts: string[] = [];
  const { budgetMinWan: min, budgetMaxWan: max } = s;
  if (min !== null && max !== null) parts.push(min === max ? `${min}` : `${min}–${max}`);
  else if (max !== null) parts.push(`≤ ${max}`);
  else if (min !== null) parts.push(`≥ ${min}`);
  const budget = parts.length > 0 ? `${parts[0]} ×10k CNY` : '';
  const reward = s.rewardWan !== null ? `${budget ? 'reward' : 'Reward'} ${s.rewardWan} ×10k CNY` : '';
  return [budget, reward].filter(Boolean).join('; ') || 'negotiable';
}
