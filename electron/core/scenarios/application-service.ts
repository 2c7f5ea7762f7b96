import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { acceptsApplications, scenarioMachine, SCENARIO_STATUS_LABELS, type Scenario } from '../../../shared/domain/scenario';
import {
  applicationMachine,
  partyZoneOf,
  type ApplicationCreateInput,
  type ApplicationRanking,
  type ApplicationTransitionInput,
  type ScenarioApplication,
  type ScoreSaveInput,
} from '../../../shared/domain/scenario-application';
import { shanghaiToday } from '../../../shared/shanghai-date';
import { writeAudit } from '../audit';
import { insertRow, updateVersionedRow } from '../db/rows';
import { newMetaRow, nowIso, type Actor } from '../records';
import { staleVersion } from '../rules';
import { selectZone } from '../zones/zone-queries';
import { selectApplication, type ApplicationRow } from './application-queries';
import { mayEvaluate, maySeeApplication, rankApplications } from './application-ranking';
import { assertMaySeeScenario, getScenario } from './scenario-service';
import { updateScenarioRow } from './scenario-queries';

export function getApplication(db: Database.Database, actor: Actor, id: string): ScenarioApplication {
  const a = selectApplication(db, id);
  if (!a || !maySeeApplication(actor, a)) throw new AppError('NOT_FOUND', '找不到该申报。');
  return a;
}

/** 揭榜: an organisation applies to an open listing. A member enters it for its own zone. */
export function createApplication(db: Database.Database, actor: Actor, input: z.output<typeof ApplicationCreateInput>, options: { isDemo?: boolean; today?: string } = {}): ScenarioApplication {
  const zoneId = input.applicantZoneId ?? actor.zoneId;
  if (!zoneId) throw new AppError('NOT_SET_UP', '请先完成初始设置。');
  if (actor.role !== 'secretariat' && zoneId !== actor.zoneId) throw new AppError('FORBIDDEN', '成员单位只能为本高新区的单位申报。');
  return db.transaction(() => {
    const scenario = getScenario(db, input.scenarioId);
    assertMaySeeScenario(actor, scenario);
    assertTakesApplications(scenario, options.today ?? shanghaiToday());
    const zone = selectZone(db, zoneId);
    if (!zone || zone.active !== 1) throw new AppError('VALIDATION', '所在高新区：找不到或已停用。', { applicantZoneId: '找不到或已停用' });
    const twin = db
      .prepare<[string, string], string>("SELECT id FROM scenario_applications WHERE scenario_id = ? AND organisation = ? AND deleted_at IS NULL AND status <> 'withdrawn'")
      .pluck()
      .get(scenario.id, input.organisation);
    if (twin) throw new AppError('CONFLICT', `「${input.organisation}」已申报该清单，不能重复申报（可修改或撤回原申报）。`, { organisation: '已申报' });
    const meta = newMetaRow(actor, zoneId, options.isDemo);
    const row: ApplicationRow = {
      ...meta,
      owner_zone_id: zoneId,
      scenario_id: scenario.id,
      organisation: input.organisation,
      organisation_type: input.organisationType,
      proposal_summary: input.proposalSummary,
      team: input.team,
      prior_results: input.priorResults,
      contact_person: input.contactPerson,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail,
      status: 'submitted',
      decision_note: '',
      decided_at: null,
      decided_by: '',
    };
    insertRow(db, 'scenario_applications', row);
    const created = getApplication(db, actor, meta.id);
    writeAudit(db, actor, 'application', created.id, 'create', null, created);
    return created;
  })();
}

function assertTakesApplications(s: Scenario, today: string): void {
  if (acceptsApplications(s, today)) return;
  if (s.status === 'published') throw new AppError('CONFLICT', `「${s.title}」的申报已于 ${s.deadline} 截止，不再接受申报。`);
  if (s.status === 'cancelled') throw new AppError('CONFLICT', `「${s.title}」已取消（${s.cancelReason}），不再接受申报。`);
  if (s.status === 'draft') throw new AppError('CONFLICT', `「${s.title}」尚未发布，不能申报。`);
  throw new AppError('CONFLICT', `「${s.title}」当前为「${SCENARIO_STATUS_LABELS[s.status]}」，已停止征集。`);
}

/**
 * Shortlist, reject (with a reason), withdraw, or select. Selecting moves the listing to
 * 已揭榜 (matched) in the same transaction — by the listing's own machine.
 */
export function transitionApplication(db: Database.Database, actor: Actor, input: z.output<typeof ApplicationTransitionInput>): ScenarioApplication {
  return db.transaction(() => {
    const before = getApplication(db, actor, input.id);
    if (before.version !== input.version) throw staleVersion(before.version);
    const status = applicationMachine.next(before.status, input.action, actor, partyZoneOf(before, input.action), input.comment);
    const scenario = getScenario(db, before.scenarioId);
    if (input.action !== 'withdraw' && scenario.status === 'cancelled') throw new AppError('CONFLICT', `「${scenario.title}」已取消，不能再处理申报。`);
    const at = nowIso();
    const decided = input.action === 'withdraw' ? {} : { decided_at: at, decided_by: actor.label };
    updateVersionedRow(db, 'scenario_applications', before.id, before.version, {
      status,
      updated_at: at,
      updated_by: actor.label,
      decision_note: input.comment?.trim() ?? '',
      ...decided,
    });
    if (input.action === 'select') {
      const next = scenarioMachine.next(scenario.status, 'match', actor, scenario.ownerZoneId);
      updateScenarioRow(db, scenario.id, scenario.version, { status: next, matched_application_id: before.id, matched_at: at, updated_at: at, updated_by: actor.label });
      writeAudit(db, actor, 'scenario', scenario.id, 'transition', { status: scenario.status }, { status: next, action: 'match', applicationId: before.id, organisation: before.organisation });
    }
    const after = getApplication(db, actor, before.id);
    writeAudit(db, actor, 'application', after.id, 'transition', { status: before.status }, { status: after.status, action: input.action, ...(input.comment ? { comment: input.comment } : {}) });
    return after;
  })();
}

/** One reviewer's scores for one application (saving again replaces them); returns the new ranking. */
export function saveScores(db: Database.Database, actor: Actor, input: z.output<typeof ScoreSaveInput>): ApplicationRanking {
  return db.transaction(() => {
    const application = getApplication(db, actor, input.applicationId);
    const scenario = getScenario(db, application.scenarioId);
    if (!mayEvaluate(actor, scenario)) throw new AppError('FORBIDDEN', '只有发布高新区或秘书长单位可以评分。');
    if (scenario.criteria.length === 0) throw new AppError('VALIDATION', '评分：该清单还没有设置评分标准，请先在清单中添加评分标准及权重。', { scores: '没有评分标准' });
    if (!['submitted', 'shortlisted', 'selected'].includes(application.status)) throw new AppError('CONFLICT', `「${application.organisation}」的申报已${application.status === 'withdrawn' ? '撤回' : '未入选'}，不能评分。`);
    if (['accepted', 'cancelled'].includes(scenario.status)) throw new AppError('CONFLICT', `「${scenario.title}」已${SCENARIO_STATUS_LABELS[scenario.status]}，不能再评分。`);
    const known = new Set(scenario.criteria.map((c) => c.key));
    const unknown = Object.keys(input.scores).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new AppError('VALIDATION', `评分：「${unknown.join('、')}」不是该清单的评分标准。`, { scores: '含有未知的评分标准' });
    const missing = scenario.criteria.filter((c) => input.scores[c.key] === undefined).map((c) => c.name);
    if (missing.length > 0) throw new AppError('VALIDATION', `评分：缺少「${missing.join('」「')}」的分数。`, { scores: '每项标准都要评分' });
    const at = nowIso();
    const scores = JSON.stringify(Object.fromEntries(scenario.criteria.map((c) => [c.key, input.scores[c.key]])));
    db.prepare(
      `INSERT INTO application_scores (application_id, reviewer, scores, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (application_id, reviewer) DO UPDATE SET scores = excluded.scores, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(application.id, input.reviewer, scores, at, at, actor.label);
    // The scores themselves stay out of the history: members may read a record's history,
    // and each reviewer's scores are for the secretariat's eyes only.
    writeAudit(db, actor, 'application', application.id, 'update', null, { scoredBy: input.reviewer });
    return rankApplications(db, actor, scenario);
  })();
}

export function applicationRanking(db: Database.Database, actor: Actor, scenarioId: string): ApplicationRanking {
  const scenario = getScenario(db, scenarioId);
  assertMaySeeScenario(actor, scenario);
  return rankApplications(db, actor, scenario);
}
