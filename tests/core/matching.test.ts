import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_POINTS, reasonLine } from '../../shared/domain/matching';
import { actAs } from '../helpers/resources';
import { publishedListing } from '../helpers/scenarios';
import { setUpCore, type TempCore } from '../helpers/temp-core';

/**
 * On the demo set: 14 resources across zones and categories, 8 listings. The demo listing
 * 高丰度稀土永磁电机关键技术攻关 (包头稀土高新区, 新材料, tags 稀土永磁/钕铁硼/电机) and the demo
 * resource 稀土永磁材料概念验证中心 (包头, 中试基地) are the worked example of the issue.
 */
describe('matching resources and listings', () => {
  let core: TempCore;
  let listingId: string;
  let centreId: string;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat', true);
    listingId = core.ok('scenarios.search', { query: '高丰度稀土永磁电机' }).items[0]!.id;
    centreId = core.ok('resources.search', { query: '稀土永磁材料概念验证中心' }).items[0]!.id;
  });
  afterAll(() => core.remove());

  it('ranks the rare-earth centre first for the rare-earth motor listing, with every reason spelled out', () => {
    const [best] = core.ok('scenarios.matchResources', { id: listingId, limit: 10 });
    expect(best!.resource.id).toBe(centreId);
    expect(best!.reasons.map((r) => r.text)).toEqual(['同属新材料领域（稀土）', '关键词：稀土永磁、钕铁硼', '位于包头稀土高新区', '中试基地与概念验证中心可直接服务']);
    expect(reasonLine(best!.reasons)).toBe('同属新材料领域（稀土）；关键词：稀土永磁、钕铁硼；位于包头稀土高新区；中试基地与概念验证中心可直接服务');
    expect(best!.score).toBe(MATCH_POINTS.field + 2 * MATCH_POINTS.keyword + MATCH_POINTS.sameZone + MATCH_POINTS.directKind);
  });

  it('gives a score that is exactly the sum of its reasons’ points, in non-increasing order', () => {
    const matches = core.ok('scenarios.matchResources', { id: listingId, limit: 50 });
    expect(matches.length).toBeGreaterThan(1);
    for (const m of matches) expect(m.score).toBe(m.reasons.reduce((sum, r) => sum + r.points, 0));
    for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
  });

  it('suggests only published resources, and never on location alone', () => {
    const matches = core.ok('scenarios.matchResources', { id: listingId, limit: 100 });
    expect(matches.every((m) => m.resource.status === 'published')).toBe(true);
    expect(matches.every((m) => m.reasons.some((r) => r.kind === 'keyword' || r.kind === 'field'))).toBe(true);
  });

  it('is deterministic: the same call gives the same ranking', () => {
    const a = core.ok('scenarios.matchResources', { id: listingId, limit: 50 });
    const b = core.ok('scenarios.matchResources', { id: listingId, limit: 50 });
    expect(b).toEqual(a);
  });

  it('shows the same listing on the resource, with the same score and reasons both ways', () => {
    const [mine] = core.ok('resources.matchScenarios', { id: centreId, limit: 10 }).filter((m) => m.scenario.id === listingId);
    const [theirs] = core.ok('scenarios.matchResources', { id: listingId, limit: 50 }).filter((m) => m.resource.id === centreId);
    expect(mine).toBeDefined();
    expect(mine!.score).toBe(theirs!.score);
    expect(mine!.reasons).toEqual(theirs!.reasons);
  });

  it('agrees both ways for every open listing and every published resource of the demo set', () => {
    const resources = core.ok('resources.search', { statuses: ['published'], limit: 100 }).items;
    const listings = core.ok('scenarios.search', { statuses: ['published', 'evaluating'], limit: 100 }).items;
    const forward = new Map<string, number>();
    for (const l of listings) for (const m of core.ok('scenarios.matchResources', { id: l.id, limit: 100 })) forward.set(`${l.id}/${m.resource.id}`, m.score);
    const backward = new Map<string, number>();
    for (const r of resources) for (const m of core.ok('resources.matchScenarios', { id: r.id, limit: 100 })) backward.set(`${m.scenario.id}/${r.id}`, m.score);
    expect(forward.size).toBeGreaterThan(3);
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
  });

  it('offers a resource only the listings still open (征集中 or 评审中)', () => {
    for (const r of core.ok('resources.search', { statuses: ['published'], limit: 100 }).items) {
      for (const m of core.ok('resources.matchScenarios', { id: r.id, limit: 100 })) expect(['published', 'evaluating']).toContain(m.scenario.status);
    }
  });

  it('follows the secretariat’s field words: a new word makes a new match', () => {
    const fresh = publishedListing(core, { title: '乳品加工数字化改造', categoryId: core.ok('scenarioCategories.list').find((c) => c.code === 'agri-food')!.id, tags: [] });
    const before = core.ok('scenarios.matchResources', { id: fresh.id, limit: 50 }).map((m) => m.resource.title);
    expect(before).not.toContain('镁质材料检验检测服务（示例）');
    const category = core.ok('scenarioCategories.list').find((c) => c.code === 'agri-food')!;
    core.ok('scenarioCategories.save', { id: category.id, version: category.version, code: category.code, name: category.name, keywords: [...category.keywords, '镁砂'] });
    const after = core.ok('scenarios.matchResources', { id: fresh.id, limit: 50 });
    const found = after.find((m) => m.resource.title === '镁质材料检验检测服务（示例）');
    expect(found?.reasons[0]?.text).toBe('同属现代农业与食品领域（镁砂）');
  });

  it('matches a Latin tag only where the resource’s text has it, never inside a title’s pinyin (AI is not 材料’s cai)', () => {
    const listing = publishedListing(core, { title: 'AI 质量预测应用场景', tags: ['AI'] });
    const matches = core.ok('scenarios.matchResources', { id: listing.id, limit: 100 });
    const byKeyword = matches.filter((m) => m.reasons.some((r) => r.text === '关键词：AI')).map((m) => m.resource.title);
    expect(byKeyword).toEqual(['乳业全产业链质量数据集（示例）']); // "…支持 AI 质量预测研究"
    // The same from the resource's side: 稀土永磁材料… (xitu yongci cailiao) is not offered the listing for "AI".
    const centre = core.ok('resources.matchScenarios', { id: centreId, limit: 100 }).find((m) => m.scenario.id === listing.id);
    expect(centre?.reasons.some((r) => r.text.startsWith('关键词')) ?? false).toBe(false);
    const dataset = core.ok('resources.search', { query: '乳业全产业链质量数据集' }).items[0]!;
    expect(core.ok('resources.matchScenarios', { id: dataset.id, limit: 100 }).find((m) => m.scenario.id === listing.id)?.reasons.map((r) => r.text)).toContain('关键词：AI');
    // Search, unlike matching, still reads pinyin: "cai" finds the 材料 titles.
    expect(core.ok('resources.search', { query: 'cailiao' }).total).toBeGreaterThan(0);
  });

  it('hides a draft listing’s matches from other zones', () => {
    const draft = core.ok('scenarios.search', { statuses: ['draft'] }).items[0]!;
    actAs(core, 'SY');
    expect(core.fails('scenarios.matchResources', { id: draft.id, limit: 5 }).code).toBe('NOT_FOUND');
    actAs(core, 'HRB', 'secretariat');
  });
});
