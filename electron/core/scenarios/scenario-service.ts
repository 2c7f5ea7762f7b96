import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  scenarioMachine,
  scenarioRuleIssues,
  SCENARIO_KIND_LABELS,
  type Scenario,
  type ScenarioCreateInput,
  type ScenarioTransitionInput,
  type ScenarioUpdateInput,
  type ScoringCriterion,
} from '../../../shared/domain/scenario';
import { shanghaiToday } from '../../../shared/shanghai-date';
import { writeAudit } from '../audit';
import { changedKeys, definedOnly, pickFields } from '../patches';
import { newMetaRow, nowIso, type Actor } from '../records';
import { staleVersion } from '../rules';
import { indexText } from '../search/text-index';
import { selectZone } from '../zones/zone-queries';
import { getScenarioCategory } from './scenario-category-service';
import { insertScenario, scenarioText, SCENARIO_COLUMNS, selectScenario, updateScenarioRow, type ScenarioRow } from './scenario-queries';

type CreateFields = z.output<typeof ScenarioCreateInput>;
type Patch = z.output<typeof ScenarioUpdateInput>['patch'];

export function getScenario(db: Database.Database, id: string): Scenario {
  const s = selectScenario(db, id);
  if (!s) throw new AppError('NOT_FOUND', '找不到该场景清单，可能已被删除。');
  return s;
}

/** Drafts are seen by their zone and the secretariat; everything else by every member. */
export function assertMaySeeScenario(actor: Actor, s: Scenario): void {
  if (actor.role === 'secretariat' || s.status !== 'draft' || s.ownerZoneId === actor.zoneId) return;
  throw new AppError('NOT_FOUND', '找不到该场景清单，或它尚未发布。');
}

/** The publishing zone and the secretariat edit a listing until it is matched; never after it closes. */
export function mayEditScenario(actor: Actor, s: Scenario): boolean {
  if (!['draft', 'published', 'evaluating'].includes(s.status)) return false;
  return actor.role === 'secretariat' || s.ownerZoneId === actor.zoneId;
}

export function createScenario(db: Database.Database, actor: Actor, input: CreateFields, options: { isDemo?: boolean } = {}): Scenario {
  const ownerZoneId = input.ownerZoneId ?? actor.zoneId;
  if (!ownerZoneId) throw new AppError('NOT_SET_UP', '请先完成初始设置。');
  if (actor.role !== 'secretariat' && ownerZoneId !== actor.zoneId) throw new AppError('FORBIDDEN', '成员单位只能发布本高新区的场景清单。');
  assertRules(input);
  return db.transaction(() => {
    assertLiveZone(db, ownerZoneId);
    const category = getScenarioCategory(db, input.categoryId);
    if (!category.active) throw new AppError('VALIDATION', `场景类别：「${category.name}」已停用。`, { categoryId: '该类别已停用' });
    const meta = newMetaRow(actor, ownerZoneId, options.isDemo);
    const row: Omit<ScenarioRow, 'seq'> = {
      ...meta,
      owner_zone_id: ownerZoneId,
      category_id: category.id,
      kind: input.kind,
      title: input.title,
      demand_organisation: input.demandOrganisation,
      description: input.description,
      requirements: input.requirements,
      expected_outcome: input.expectedOutcome,
      budget_min_wan: input.budgetMinWan,
      budget_max_wan: input.budgetMaxWan,
      reward_wan: input.rewardWan,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      deadline: input.deadline,
      contact_person: input.contactPerson,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail,
      tags: JSON.stringify(uniqueTags(input.tags)),
      criteria: JSON.stringify(input.criteria),
      status: 'draft',
      cancel_reason: '',
      published_at: null,
      matched_application_id: null,
      matched_at: null,
    };
    const seq = insertScenario(db, row);
    indexText(db, 'scenario', seq, scenarioText({ ...input, tags: uniqueTags(input.tags) }));
    const created = getScenario(db, meta.id);
    writeAudit(db, actor, 'scenario', created.id, 'create', null, created);
    return created;
  })();
}

export function updateScenario(db: Database.Database, actor: Actor, input: z.output<typeof ScenarioUpdateInput>): Scenario {
  return db.transaction(() => {
    const before = getScenario(db, input.id);
    assertMaySeeScenario(actor, before);
    if (!mayEditScenario(actor, before)) throw new AppError('FORBIDDEN', '该场景清单已揭榜、实施或关闭，不能再修改；只有发布高新区或秘书长单位可以修改。');
    if (before.version !== input.version) throw staleVersion(before.version);
    if (input.patch.ownerZoneId && input.patch.ownerZoneId !== before.ownerZoneId) {
      if (actor.role !== 'secretariat') throw new AppError('FORBIDDEN', '只有秘书长单位可以更改场景清单的发布高新区。');
      assertLiveZone(db, input.patch.ownerZoneId);
    }
    const patch: Patch = { ...input.patch, ...(input.patch.tags ? { tags: uniqueTags(input.patch.tags) } : {}) };
    const merged = { ...before, ...definedOnly(patch) } as Scenario;
    assertRules(merged);
    if (patch.categoryId && patch.categoryId !== before.categoryId && !getScenarioCategory(db, patch.categoryId).active) {
      throw new AppError('VALIDATION', '场景类别：该类别已停用。', { categoryId: '该类别已停用' });
    }
    if (before.status !== 'draft') assertPublishable(merged);
    if (patch.criteria && JSON.stringify(patch.criteria) !== JSON.stringify(before.criteria)) assertCriteriaChangeable(db, before, patch.criteria);
    const changed = changedKeys(before, patch);
    if (changed.length === 0) return before;
    const columns: Record<string, unknown> = { updated_at: nowIso(), updated_by: actor.label };
    for (const key of changed) columns[SCENARIO_COLUMNS[key]] = key === 'tags' || key === 'criteria' ? JSON.stringify(patch[key]) : patch[key];
    updateScenarioRow(db, before.id, before.version, columns as Partial<ScenarioRow>);
    const after = getScenario(db, before.id);
    indexText(db, 'scenario', after.seq, scenarioText(after));
    writeAudit(db, actor, 'scenario', after.id, 'update', pickFields(before, changed), pickFields(after, changed));
    return after;
  })();
}

/** One lifecycle step (publish, evaluate, implement, accept, cancel), checked by the machine. */
export function transitionScenario(db: Database.Database, actor: Actor, input: z.output<typeof ScenarioTransitionInput>): Scenario {
  return db.transaction(() => {
    const before = getScenario(db, input.id);
    assertMaySeeScenario(actor, before);
    if (before.version !== input.version) throw staleVersion(before.version);
    const status = scenarioMachine.next(before.status, input.action, actor, before.ownerZoneId, input.comment);
    if (input.action === 'publish') assertPublishable(before);
    const at = nowIso();
    const columns: Partial<ScenarioRow> = { status, updated_at: at, updated_by: actor.label };
    if (input.action === 'publish') columns.published_at = at;
    if (input.action === 'cancel') columns.cancel_reason = input.comment?.trim() ?? '';
    updateScenarioRow(db, before.id, before.version, columns);
    const after = getScenario(db, before.id);
    writeAudit(db, actor, 'scenario', after.id, 'transition', { status: before.status }, { status: after.status, action: input.action, ...(input.comment ? { comment: input.comment } : {}) });
    return after;
  })();
}

/** Publishing needs a deadline not yet past (capability listings have none to keep). */
function assertPublishable(s: Pick<Scenario, 'deadline' | 'kind' | 'status'>): void {
  if (s.kind === 'capability') return;
  if (!s.deadline) throw new AppError('VALIDATION', `申报截止日期：${SCENARIO_KIND_LABELS[s.kind]}发布前必须填写。`, { deadline: '发布前必须填写' });
  const today = shanghaiToday();
  if (s.status === 'draft' && s.deadline < today) {
    throw new AppError('VALIDATION', `申报截止日期：${s.deadline} 已经过去（今天是 ${today}），请改为今天或以后的日期再发布。`, { deadline: '已经过去' });
  }
}

function assertRules(s: Parameters<typeof scenarioRuleIssues>[0]): void {
  const issues = scenarioRuleIssues(s);
  const messages = Object.values(issues);
  if (messages.length > 0) throw new AppError('VALIDATION', `输入有误，未保存。${messages.join('；')}`, issues);
}

/** Criteria are the yardstick of the scores already given: fixed once anyone scored. */
function assertCriteriaChangeable(db: Database.Database, s: Scenario, next: readonly ScoringCriterion[]): void {
  const scored = db
    .prepare<[string], number>('SELECT count(*) FROM application_scores sc JOIN scenario_applications a ON a.id = sc.application_id WHERE a.scenario_id = ?')
    .pluck()
    .get(s.id);
  if (scored && JSON.stringify(next) !== JSON.stringify(s.criteria)) {
    throw new AppError('CONFLICT', `已有 ${scored} 份评分，评分标准不能再修改（否则已给的分数失去依据）。`, { criteria: '已有评分，不能修改' });
  }
}

function assertLiveZone(db: Database.Database, zoneId: string): void {
  const zone = selectZone(db, zoneId);
  if (!zone || zone.active !== 1) throw new AppError('VALIDATION', '发布高新区：找不到或已停用。', { ownerZoneId: '找不到或已停用' });
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}
