import type Database from 'better-sqlite3';
import type { ApplicationStatus, OrganisationType, ScenarioApplication } from '../../../shared/domain/scenario-application';
import { statement } from '../db/statements';
import { rowToMeta, type RecordMetaRow } from '../records';

export interface ApplicationRow extends RecordMetaRow {
  owner_zone_id: string;
  scenario_id: string;
  organisation: string;
  organisation_type: OrganisationType;
  proposal_summary: string;
  team: string;
  prior_results: string;
  contact_person: string;
  contact_phone: string;
  contact_email: string;
  status: ApplicationStatus;
  decision_note: string;
  decided_at: string | null;
  decided_by: string;
}

interface ApplicationJoinedRow extends ApplicationRow {
  scenario_title: string;
  scenario_owner_zone_id: string;
  zone_name: string;
}

const SELECT_APPLICATIONS = `
  SELECT a.*, s.title AS scenario_title, s.owner_zone_id AS scenario_owner_zone_id, z.short_name AS zone_name
  FROM scenario_applications a
  JOIN scenarios s ON s.id = a.scenario_id
  JOIN zones z ON z.id = a.owner_zone_id`;

function toApplication(row: ApplicationJoinedRow): ScenarioApplication {
  // Object.assign rather than a spread literal: see rowToResource. Same properties, same order.
  return Object.assign(rowToMeta(row), {
    scenarioId: row.scenario_id,
    scenarioTitle: row.scenario_title,
    scenarioOwnerZoneId: row.scenario_owner_zone_id,
    applicantZoneId: row.owner_zone_id,
    applicantZoneName: row.zone_name,
    organisation: row.organisation,
    organisationType: row.organisation_type,
    proposalSummary: row.proposal_summary,
    team: row.team,
    priorResults: row.prior_results,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    status: row.status,
    decisionNote: row.decision_note,
    submittedAt: row.created_at,
  });
}

export function selectApplication(db: Database.Database, id: string): ScenarioApplication | undefined {
  const row = statement<[string], ApplicationJoinedRow>(db, `${SELECT_APPLICATIONS} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id);
  return row ? toApplication(row) : undefined;
}

/** A listing's applications, oldest first (the order they came in). */
export function selectApplicationsOf(db: Database.Database, scenarioId: string): ScenarioApplication[] {
  return statement<[string], ApplicationJoinedRow>(db, `${SELECT_APPLICATIONS} WHERE a.scenario_id = ? AND a.deleted_at IS NULL ORDER BY a.id`)
    .all(scenarioId)
    .map(toApplication);
}

export interface ScoreRow {
  application_id: string;
  reviewer: string;
  scores: string; // JSON: criterion key → 0–100
  updated_at: string;
}

export function selectScoresOf(db: Database.Database, scenarioId: string): ScoreRow[] {
  return db
    .prepare<[string], ScoreRow>(
      `SELECT sc.application_id, sc.reviewer, sc.scores, sc.updated_at FROM application_scores sc
       JOIN scenario_applications a ON a.id = sc.application_id WHERE a.scenario_id = ? ORDER BY sc.reviewer`,
    )
    .all(scenarioId);
}
