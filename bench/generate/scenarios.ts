import { deterministicUlid, isoUtc, randomInstant } from './ids-and-times';
import { companyName, researchOrganisation } from './organisations';
import { recordRng } from './prng';
import { pickZoneAndTopic } from './zones';
import type { GeneratedScenario, ScenarioKind } from './types';
import { personName, phoneNumber } from './vocab/people';
import { SCENARIO_CATEGORIES } from './vocab/scenario-needs';

const CATEGORY_WEIGHTS = SCENARIO_CATEGORIES.map((c) => [c, c.weight] as const);
const KINDS = [['opportunity', 50], ['challenge', 25], ['capability', 25]] as const;
const STATUSES = [['open', 60], ['matched', 25], ['closed', 15]] as const;

/** Scenario #seq: 场景机会, 揭榜挂帅榜单 or 能力清单 of one zone. */
export function generateScenario(seed: number, seq: number): GeneratedScenario {
  const rng = recordRng(seed, 'scenario', seq);
  const { zone, profile } = pickZoneAndTopic(rng);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const kind: ScenarioKind = rng.weighted(KINDS);
  const need = rng.pick(category.needs);
  const organisation =
    kind === 'capability'
      ? rng.chance(0.6) ? companyName(rng, profile, category.topic) : researchOrganisation(rng, profile, category.topic)
      : category.publicSector && rng.chance(0.6)
        ? rng.pick([`${profile.cityShort}市政务服务和数据管理局`, `${zone.shortName}管委会`, `${profile.cityShort}市工业和信息化局`])
        : companyName(rng, profile, category.topic);
  const title = {
    opportunity: () => rng.pick([`${need}应用场景`, `${profile.cityShort}${need}场景机会`, `${organisation}${need}场景`]),
    challenge: () => rng.pick([`${need}关键技术攻关`, `“揭榜挂帅”：${need}技术难题`, `${need}技术需求榜单`]),
    capability: () => rng.pick([`${need}整体解决方案`, `${need}技术服务能力`, `${category.name}：${need}`]),
  }[kind]();
  const budgetWan =
    kind === 'capability' ? null
    : kind === 'challenge' ? rng.int(5, 300) * 10
    : rng.chance(0.7) ? rng.int(1, 500) * 10 : null;
  const createdMs = randomInstant(rng, '2025-06-01T00:00:00Z', '2026-03-01T00:00:00Z');
  // At least two weeks after publication, and within 2026: listings run for the plan year.
  const earliest = Math.max(createdMs + 14 * 86_400_000, Date.parse('2026-01-01T00:00:00Z'));
  const deadline = isoUtc(randomInstant(rng, isoUtc(earliest), '2026-12-31T00:00:00Z')).slice(0, 10);
  const sentences = {
    opportunity: [`${organisation}计划在${profile.cityShort}开展${need}建设，面向${category.name}领域征集解决方案。`, `要求方案具备可复制推广价值${rng.chance(0.4) ? '，优先支持应用 AI、IoT 等新技术' : ''}。`],
    challenge: [`围绕${need}中的关键技术瓶颈，${organisation}发布“揭榜挂帅”榜单，不设门槛、能者揭榜。`, `揭榜方需在 ${rng.int(12, 36)} 个月内完成${rng.pick(['样机研制', '工程化验证', '示范应用', '技术指标验收'])}。`],
    capability: [`${organisation}具备${need}相关技术与产品，已在 ${rng.int(2, 30)} 个项目中落地应用。`, `可为联盟成员高新区企业提供咨询、方案设计与实施服务。`],
  }[kind];
  const budgetText = budgetWan === null ? (kind === 'capability' ? '' : '预算面议。') : `项目预算 ${budgetWan} 万元。`;
  return {
    id: deterministicUlid(createdMs, rng),
    seq,
    kind,
    category: category.name,
    title,
    organisation,
    ownerZoneCode: zone.code,
    description: sentences.join('') + budgetText + (kind === 'capability' ? `有效期至 ${deadline}。` : `截止日期 ${deadline}。`),
    budgetWan,
    deadline,
    contactPerson: personName(rng),
    contactPhone: phoneNumber(rng, profile.areaCode),
    status: rng.weighted(STATUSES),
    createdAt: isoUtc(createdMs),
  };
}
