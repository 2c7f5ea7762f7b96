import type { ScenarioCreateInput } from '../../shared/domain/scenario';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import type { TempCore } from './temp-core';

export function scenarioCategoryId(core: TempCore, code: string): string {
  const category = core.ok('scenarioCategories.list', { includeInactive: true }).find((c) => c.code === code);
  if (!category) throw new Error(`no scenario category ${code}`);
  return category.id;
}

/** A 揭榜挂帅 listing in 新材料 with two weighted criteria, its deadline a month ahead. */
export function challengeInput(core: TempCore, overrides: Partial<ScenarioCreateInput> = {}): ScenarioCreateInput {
  return {
    categoryId: scenarioCategoryId(core, 'materials'),
    kind: 'challenge',
    title: '高丰度稀土永磁电机关键技术攻关',
    demandOrganisation: '包头某稀土电机有限公司',
    description: '开发以镧铈部分替代镨钕的永磁材料及电机设计方案。',
    requirements: '剩磁 ≥ 1.35 T；峰值效率 ≥ 96%。',
    rewardWan: 500,
    deadline: addDays(shanghaiToday(), 30),
    contactPerson: '王工',
    contactPhone: '0472-5179000',
    tags: ['稀土永磁', '电机'],
    criteria: [
      { key: 'c1', name: '技术方案', weight: 60 },
      { key: 'c2', name: '团队实力', weight: 40 },
    ],
    ...overrides,
  };
}

/** Creates and publishes a listing through the real channels; returns its id and version. */
export function publishedListing(core: TempCore, overrides: Partial<ScenarioCreateInput> = {}): { id: string; version: number } {
  const created = core.ok('scenarios.create', challengeInput(core, overrides));
  const published = core.ok('scenarios.transition', { id: created.id, version: created.version, action: 'publish' });
  return { id: published.id, version: published.version };
}

/** Moves a listing's deadline into the past (as if the days went by). */
export function passDeadline(core: TempCore, id: string): void {
  core.db.prepare('UPDATE scenarios SET deadline = ? WHERE id = ?').run(addDays(shanghaiToday(), -1), id);
}

export const applicationInput = (scenarioId: string, organisation: string) => ({
  scenarioId,
  organisation,
  organisationType: 'enterprise' as const,
  proposalSummary: `${organisation}的技术方案`,
  contactPerson: '李工',
  contactPhone: '13800138000',
});
