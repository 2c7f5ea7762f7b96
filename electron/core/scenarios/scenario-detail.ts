import type Database from 'better-sqlite3';
import { acceptsApplications, allowedScenarioActions, type ScenarioDetail } from '../../../shared/domain/scenario';
import { shanghaiToday } from '../../../shared/shanghai-date';
import { listAttachments } from '../attachments/attachment-service';
import type { Actor } from '../records';
import { mayEvaluate } from './application-ranking';
import { assertMaySeeScenario, getScenario, mayEditScenario } from './scenario-service';

/** A listing with its files and what this installation may do with it now. */
export function getScenarioDetail(db: Database.Database, actor: Actor, id: string): ScenarioDetail {
  const scenario = getScenario(db, id);
  assertMaySeeScenario(actor, scenario);
  const accepting = acceptsApplications(scenario, shanghaiToday());
  return {
    ...scenario,
    attachments: listAttachments(db, 'scenario', scenario.id),
    allowedActions: allowedScenarioActions(scenario, actor),
    editable: mayEditScenario(actor, scenario),
    acceptingApplications: accepting,
    applicationCount:
      db.prepare<[string], number>("SELECT count(*) FROM scenario_applications WHERE scenario_id = ? AND deleted_at IS NULL AND status <> 'withdrawn'").pluck().get(scenario.id) ?? 0,
    mayApply: accepting && actor.zoneId !== null,
    mayEvaluate: mayEvaluate(actor, scenario),
  };
}
