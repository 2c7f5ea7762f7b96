import type Database from 'better-sqlite3';
import type { Scenario, ScenarioKind, ScenarioStatus, ScoringCriterion } from '../../../shared/domain/scenario';
import { insertRow, updateVersionedRow } from '../db/rows';
import { statement } from '../db/statements';
import { rowToMeta, type RecordMetaRow } from '../records';

export interface ScenarioRow extends RecordMetaRow {
  seq: number;
  owner_zone_id: string;
  category_id: string;
  kind: ScenarioKind;
  title: string;
  demand_organisation: string;
  description: string;
  requirements: string;
  expected_outcome: string;
  budget_min_wan: number | null;
  budget_max_wan: number | null;
  reward_wan: number | null;
  period_start: string;
  period_end: string;
  deadline: string;
  contact_person: string;
  contact_phone: string;
  contact_email: string;
  tags: string; // JSON array
  criteria: string; // JSON array of ScoringCriterion
  status: ScenarioStatus;
  cancel_reason: string;
  published_at: string | null;
  matched_application_id: string | null;
  matched_at: string | null;
}

interface ScenarioJoinedRow extends ScenarioRow {
  category_name: string;
  zone_name: string;
}

export const SELECT_SCENARIOS = `
  SELECT s.*, c.name AS category_name, z.short_name AS zone_name
  FROM scenarios s
  JOIN scenario_categories c ON c.id = s.category_id
  JOIN zones z ON z.id = s.owner_zone_id`;

export function rowToScenario(row: ScenarioJoinedRow): Scenario {
  // Object.assign rather than a spread literal: see rowToResource. Same properties, same order.
  return Object.assign(rowToMeta(row), {
    seq: row.seq,
    ownerZoneId: row.owner_zone_id,
    ownerZoneName: row.zone_name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    kind: row.kind,
    title: row.title,
    demandOrganisation: row.demand_organisation,
    description: row.description,
    requirements: row.requirements,
    expectedOutcome: row.expected_outcome,
    budgetMinWan: row.budget_min_wan,
    budgetMaxWan: row.budget_max_wan,
    rewardWan: row.reward_wan,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    deadline: row.deadline,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    tags: JSON.parse(row.tags) as string[],
    criteria: JSON.parse(row.criteria) as ScoringCriterion[],
    status: row.status,
    cancelReason: row.cancel_reason,
    publishedAt: row.published_at,
    matchedApplicationId: row.matched_application_id,
  });
}

export function selectScenario(db: Database.Database, id: string): Scenario | undefined {
  const row = statement<[string], ScenarioJoinedRow>(db, `${SELECT_SCENARIOS} WHERE s.id = ? AND s.deleted_at IS NULL`).get(id);
  return row ? rowToScenario(row) : undefined;
}

/** Domain field → column, for the fields a user edits. */
export const SCENARIO_COLUMNS = {
  categoryId: 'category_id',
  kind: 'kind',
  ownerZoneId: 'owner_zone_id',
  title: 'title',
  demandOrganisation: 'demand_organisation',
  description: 'description',
  requirements: 'requirements',
  expectedOutcome: 'expected_outcome',
  budgetMinWan: 'budget_min_wan',
  budgetMaxWan: 'budget_max_wan',
  rewardWan: 'reward_wan',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  deadline: 'deadline',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  tags: 'tags',
  criteria: 'criteria',
} as const satisfies Record<string, keyof ScenarioRow>;

export function insertScenario(db: Database.Database, row: Omit<ScenarioRow, 'seq'>): number {
  return Number(insertRow(db, 'scenarios', row).lastInsertRowid);
}

export function updateScenarioRow(db: Database.Database, id: string, version: number, changes: Partial<ScenarioRow>): boolean {
  return updateVersionedRow(db, 'scenarios', id, version, changes);
}

/** The listing's searchable text: what the registry's engine indexes for it. */
export function scenarioText(s: Pick<Scenario, 'title' | 'demandOrganisation' | 'description' | 'requirements' | 'expectedOutcome' | 'tags'>) {
  return { title: s.title, organisation: s.demandOrganisation, description: [s.description, s.requirements, s.expectedOutcome, s.tags.join(' ')].join('\n') };
}
