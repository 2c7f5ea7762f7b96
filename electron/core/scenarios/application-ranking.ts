import type Database from 'better-sqlite3';
import {
  allowedApplicationActions,
  weightedScore,
  type ApplicationRanking,
  type RankedApplication,
  type ReviewerScores,
  type ScenarioApplication,
} from '../../../shared/domain/scenario-application';
import type { Scenario } from '../../../shared/domain/scenario';
import { listAttachments } from '../attachments/attachment-service';
import type { Actor } from '../records';
import { selectApplicationsOf, selectScoresOf, type ScoreRow } from './application-queries';

/** Who sees an application: the secretariat, the listing's zone, and the applicant's zone. */
export function maySeeApplication(actor: Actor, a: Pick<ScenarioApplication, 'scenarioOwnerZoneId' | 'applicantZoneId'>): boolean {
  return actor.role === 'secretariat' || actor.zoneId === a.scenarioOwnerZoneId || actor.zoneId === a.applicantZoneId;
}

/** The applicant's zone and the secretariat change an application's files until it is decided. */
export function mayEditApplicationFiles(actor: Actor, a: Pick<ScenarioApplication, 'applicantZoneId' | 'status'>): boolean {
  return (actor.role === 'secretariat' || actor.zoneId === a.applicantZoneId) && (a.status === 'submitted' || a.status === 'shortlisted');
}

/** Who scores, shortlists and selects: the listing's zone and the secretariat. */
export function mayEvaluate(actor: Actor, s: Pick<Scenario, 'ownerZoneId'>): boolean {
  return actor.role === 'secretariat' || actor.zoneId === s.ownerZoneId;
}

/**
 * The listing's applications ranked by weighted score: per criterion the mean over
 * reviewers, then Σ weight × mean / 100. Ties share a rank (1, 2, 2, 4); unscored and
 * withdrawn applications come last without a rank. Each reviewer's own scores are shown to
 * the secretariat only — a zone sees the combined result.
 */
export function rankApplications(db: Database.Database, actor: Actor, scenario: Scenario): ApplicationRanking {
  const showsReviewers = actor.role === 'secretariat';
  const byApplication = new Map<string, ScoreRow[]>();
  for (const row of selectScoresOf(db, scenario.id)) {
    const list = byApplication.get(row.application_id) ?? [];
    list.push(row);
    byApplication.set(row.application_id, list);
  }
  const ranked: RankedApplication[] = selectApplicationsOf(db, scenario.id)
    .filter((a) => maySeeApplication(actor, a))
    .map((a) => {
      const rows = byApplication.get(a.id) ?? [];
      const reviewers: ReviewerScores[] = rows.map((r) => {
        const scores = JSON.parse(r.scores) as Record<string, number>;
        return { reviewer: r.reviewer, scores, weighted: weightedScore(scenario.criteria, scores) ?? 0, updatedAt: r.updated_at };
      });
      const criterionMeans = Object.fromEntries(scenario.criteria.map((c) => [c.key, mean(reviewers.map((r) => r.scores[c.key]))]));
      return {
        ...a,
        allowedActions: allowedApplicationActions(a, actor),
        attachments: listAttachments(db, 'application', a.id),
        filesEditable: mayEditApplicationFiles(actor, a),
        criterionMeans,
        weightedScore: a.status === 'withdrawn' ? null : weightedScore(scenario.criteria, criterionMeans),
        reviewerCount: reviewers.length,
        rank: null,
        ...(showsReviewers ? { reviewers } : {}),
      };
    });
  ranked.sort((x, y) => (y.weightedScore ?? -1) - (x.weightedScore ?? -1) || x.id.localeCompare(y.id));
  let previous: number | null = null;
  let rank = 0;
  ranked.forEach((a, i) => {
    if (a.weightedScore === null) return;
    if (a.weightedScore !== previous) rank = i + 1;
    previous = a.weightedScore;
    a.rank = rank;
  });
  return { scenarioId: scenario.id, criteria: scenario.criteria, applications: ranked, showsReviewers, mayScore: mayEvaluate(actor, scenario) };
}

function mean(values: ReadonlyArray<number | undefined>): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  if (present.length === 0) return null;
  return Math.round((present.reduce((s, v) => s + v, 0) / present.length) * 100) / 100;
}
