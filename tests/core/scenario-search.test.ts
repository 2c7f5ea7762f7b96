import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenarios } from '../../bench/generate/dataset';
import { SCENARIO_CATEGORIES } from '../../bench/generate/vocab/scenario-needs';
import { loadScenarios, SCENARIO_CATEGORY_CODES, scenarioTags } from '../../bench/lib/load-scenarios';
import { CLOSING_SOON_DAYS, ScenarioCreateInput, type ScenarioSearchInput, type ScenarioSummary } from '../../shared/domain/scenario';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { actAs, zoneId } from '../helpers/resources';
import { passDeadline, publishedListing, scenarioCategoryId } from '../helpers/scenarios';
import { setUpCore, type TempCore } from '../helpers/temp-core';

/**
 * Listing search (scenarios.search) on ~300 generated listings loaded by the bench loader,
 * against the ground truth a `LIKE '%word%'` scan per text column gives, plus the list's
 * own rules: disjunctive facets, deadline windows in Asia/Shanghai days, draft visibility,
 * deadline order, paging, re-indexing on edit and hostile query text.
 */
const GENERATED = 300;
const LOADER = '基准数据（bench loader）';
const today = shanghaiToday();

let core: TempCore;
let db: Database.Database;

interface Row {
  id: string;
  seq: number;
  status: string;
  deadline: string;
  category_id: string;
  kind: string;
  owner_zone_id: string;
}

beforeAll(() => {
  core = setUpCore('HRB', 'secretariat');
  db = core.db;
  loadScenarios(db, generateScenarios(GENERATED), { actorLabel: LOADER, rebaseTo: today });
  // Deadline edges the generator may or may not produce: today, the window's last day, the day after, yesterday.
  publishedListing(core, { title: '今天截止的寒地测试场景', deadline: today });
  publishedListing(core, { title: '第七天截止的寒地测试场景', deadline: addDays(today, CLOSING_SOON_DAYS - 1) });
  publishedListing(core, { title: '第八天截止的寒地测试场景', deadline: addDays(today, CLOSING_SOON_DAYS) });
  passDeadline(core, publishedListing(core, { title: '昨天截止的寒地测试场景', deadline: today }).id);
});

afterAll(() => core.remove());

const search = (input: ScenarioSearchInput & object) => core.ok('scenarios.search', input);

/** Every listing the engine finds, page by page (500 is the contract's maximum page). */
function engineIds(input: ScenarioSearchInput & object): Set<string> {
  const found = new Set<string>();
  for (let offset = 0; ; offset += 500) {
    const page = search({ ...input, offset, limit: 500 });
    for (const item of page.items) found.add(item.id);
    if (offset + 500 >= page.total) {
      expect(found.size).toBe(page.total);
      return found;
    }
  }
}

const escapeLike = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const COLUMNS = ['title', 'demand_organisation', 'description', 'requirements', 'expected_outcome'];
const ANY_COLUMN = `(${COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')} OR EXISTS (SELECT 1 FROM json_each(tags) WHERE value LIKE ? ESCAPE '\\'))`;

/** Ground truth: live listings where every word is in one text column (or one tag). */
function likeIds(query: string): Set<string> {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const where = ['deleted_at IS NULL', ...words.map(() => ANY_COLUMN)].join(' AND ');
  const params = words.flatMap((w) => Array.from({ length: COLUMNS.length + 1 }, () => escapeLike(w)));
  return new Set(db.prepare<string[], string>(`SELECT id FROM scenarios WHERE ${where}`).pluck().all(...params));
}

const missing = (truth: Set<string>, found: Set<string>) => [...truth].filter((id) => !found.has(id));
const extra = (truth: Set<string>, found: Set<string>) => [...found].filter((id) => !truth.has(id));
/**
 * Where only a superset of LIKE is promised: letters may also match as pinyin, and the engine
 * matches NFKC-folded text, so a full-width character (：) and its ASCII form (:) find each other.
 */
const onlySuperset = (query: string) =>
  /[a-z]/i.test(query) ||
  query.normalize('NFKC') !== query ||
  Array.from(query).some((ch) => /[!-~]/.test(ch) && likeIds(String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).size > 0);

const rows = () => db.prepare<[], Row>('SELECT id, seq, status, deadline, category_id, kind, owner_zone_id FROM scenarios WHERE deleted_at IS NULL').all();

describe('the bench loader', () => {
  it('maps every generated category onto a default scenario category, and fills every default category', () => {
    const codes = db.prepare<[], string>('SELECT code FROM scenario_categories WHERE deleted_at IS NULL').pluck().all();
    for (const c of SCENARIO_CATEGORIES) expect(codes, c.name).toContain(SCENARIO_CATEGORY_CODES[c.name]);
    const used = new Set(db.prepare<[], string>('SELECT DISTINCT c.code FROM scenarios s JOIN scenario_categories c ON c.id = s.category_id').pluck().all());
    expect([...used].sort()).toEqual([...codes].sort());
  });

  it('writes listings the contract would accept: every loaded listing passes ScenarioCreateInput, its text naming its deadline', () => {
    const loaded = db.prepare<[string], Record<string, unknown>>('SELECT * FROM scenarios WHERE created_by = ?').all(LOADER);
    expect(loaded.length).toBe(GENERATED);
    for (const r of loaded) {
      const parsed = ScenarioCreateInput.safeParse(inputOf(r));
      expect(parsed.success, `${String(r.title)}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(r.description as string, 'the deadline in the text moved with the column').toContain(r.deadline as string);
      const tags = JSON.parse(r.tags as string) as string[];
      expect(tags.length).toBeGreaterThanOrEqual(1);
      expect(tags.length).toBeLessThanOrEqual(3);
    }
  });

  it('writes exactly the row and the index entry createScenario writes for the same listing', () => {
    const own = setUpCore('HRB', 'secretariat');
    try {
      loadScenarios(own.db, generateScenarios(12), { rebaseTo: today });
      for (const kind of ['opportunity', 'challenge', 'capability']) {
        const original = own.db.prepare<[string], Record<string, unknown>>('SELECT * FROM scenarios WHERE kind = ? ORDER BY seq LIMIT 1').get(kind)!;
        const created = own.ok('scenarios.create', ScenarioCreateInput.parse(inputOf(original)));
        const copy = own.db.prepare<[string], Record<string, unknown>>('SELECT * FROM scenarios WHERE id = ?').get(created.id)!;
        // Only what the lifecycle and the moment of writing decide may differ.
        const lifecycle = new Set(['seq', 'id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'status', 'published_at', 'matched_at']);
        const strip = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !lifecycle.has(k)));
        expect(Object.keys(copy).sort()).toEqual(Object.keys(original).sort());
        expect(strip(copy), kind).toEqual(strip(original));
        const haystack = own.db.prepare<[number], { text: string; title_key: string }>('SELECT text, title_key FROM scenario_haystack WHERE seq = ?');
        expect(haystack.get(copy.seq as number), kind).toEqual(haystack.get(original.seq as number));
      }
    } finally {
      own.remove();
    }
  });

  it('derives one to three tags from the listing’s need, deterministically', () => {
    const [a, b] = [generateScenarios(20), generateScenarios(20)];
    expect(a.map(scenarioTags)).toEqual(b.map(scenarioTags));
    expect(scenarioTags({ title: '“揭榜挂帅”：寒地水稻无人化种植技术难题', category: '智慧农业' })).toEqual(['水稻', '无人', '种植']);
    expect(scenarioTags({ title: '智慧城市：智慧停车', category: '智慧城市' })).toEqual(['智慧停车']);
  });
});

describe('listing search recall against a LIKE scan per column', () => {
  const TABLE: Array<[kind: string, queries: string[]]> = [
    ['1-character', ['氢', '雪', '药', '网', '农', '光', '榜']],
    ['2-character', ['水稻', '稀土', '冷链', '光伏', '政务', '揭榜', '无人', '预算']],
    ['3+-character', ['无人机', '数字孪生', '揭榜挂帅', '有限公司', '可复制推广价值', '寒地水稻无人化种植', '整体解决方案']],
    ['punctuated', ['“揭榜挂帅”', '”：', '。要求', '万元。', '，优先支持', '：', 'AI、IoT']],
    ['multi-word (AND)', ['无人机 巡检', '稀土 电机', '揭榜挂帅 万元', '寒地 测试', '哈尔滨 冰雪 装备']],
  ];

  it.each(TABLE)('finds exactly the listings LIKE finds for %s queries', (_kind, queries) => {
    let hits = 0;
    for (const query of queries) {
      const truth = likeIds(query);
      const found = engineIds({ query });
      hits += truth.size;
      expect(missing(truth, found), `missed for「${query}」`).toEqual([]);
      if (!onlySuperset(query)) expect(extra(truth, found), `extra for「${query}」`).toEqual([]);
    }
    expect(hits).toBeGreaterThan(0);
  });

  it('finds a word in the tags as in any other column', () => {
    const tag = (JSON.parse(db.prepare<[], string>("SELECT tags FROM scenarios WHERE tags <> '[]' ORDER BY seq LIMIT 1").pluck().get()!) as string[])[0]!;
    expect(missing(likeIds(tag), engineIds({ query: tag }))).toEqual([]);
  });

  it('finds Chinese titles by their pinyin: xitu → 稀土, wurenji → 无人机, shuidao → 水稻', () => {
    for (const [query, chinese] of [['xitu', '稀土'], ['wurenji', '无人机'], ['shuidao', '水稻'], ['haerbin', '哈尔滨']] as const) {
      const expected = db.prepare<[string], string>("SELECT id FROM scenarios WHERE title LIKE ? ESCAPE '\\'").pluck().all(escapeLike(chinese));
      expect(expected.length, `no title with ${chinese}`).toBeGreaterThan(0);
      expect(missing(new Set(expected), engineIds({ query })), `${query} → ${chinese}`).toEqual([]);
    }
  });
});

describe('listing search filters, facets and order', () => {
  it('counts facets disjunctively: choosing a category keeps the other categories’ counts', () => {
    const all = search({});
    const [chosen, count] = Object.entries(all.facets.category).sort((a, b) => b[1] - a[1])[0]!;
    const filtered = search({ categoryIds: [chosen] });
    expect(filtered.total).toBe(count);
    expect(filtered.facets.category).toEqual(all.facets.category);
    expect(Object.keys(filtered.facets.category).length).toBeGreaterThan(1);
    // Other facets narrow to the chosen category.
    expect(Object.values(filtered.facets.kind).reduce((a, b) => a + b, 0)).toBe(count);
    const kindInCategory = db.prepare<[string], [string, number]>('SELECT kind, count(*) FROM scenarios WHERE category_id = ? GROUP BY kind').raw().all(chosen);
    expect(filtered.facets.kind).toEqual(Object.fromEntries(kindInCategory));
  });

  it('combines a text query and a category filter as both', () => {
    const manufacturing = scenarioCategoryId(core, 'manufacturing');
    const found = engineIds({ query: '改造', categoryIds: [manufacturing] });
    const truth = new Set([...likeIds('改造')].filter((id) => rows().find((r) => r.id === id)!.category_id === manufacturing));
    expect(truth.size).toBeGreaterThan(0);
    expect([...found].sort()).toEqual([...truth].sort());
  });

  it('windows deadlines in Asia/Shanghai days: closing soon = published and due within 7 days from today', () => {
    expect(search({ deadline: 'closingSoon', limit: 1 }).today).toBe(today);
    const all = rows();
    const last = addDays(today, CLOSING_SOON_DAYS - 1);
    const expected = {
      closingSoon: all.filter((r) => r.status === 'published' && r.deadline >= today && r.deadline <= last),
      open: all.filter((r) => r.status === 'published' && (r.deadline === '' || r.deadline >= today)),
      closed: all.filter((r) => r.deadline !== '' && r.deadline < today),
    };
    expect(expected.closingSoon.length).toBeGreaterThanOrEqual(2);
    expect(expected.closed.length).toBeGreaterThan(0);
    for (const window of ['closingSoon', 'open', 'closed'] as const) {
      expect([...engineIds({ deadline: window })].sort(), window).toEqual(expected[window].map((r) => r.id).sort());
    }
    const titles = search({ query: '寒地测试场景', deadline: 'closingSoon' }).items.map((i) => i.title).sort();
    expect(titles).toEqual(['今天截止的寒地测试场景', '第七天截止的寒地测试场景']);
  });

  it('sorts by deadline with listings still taking applications first, soonest first, then the rest', () => {
    const items = allPages({ sort: 'deadline' }, 100);
    const open = (i: ScenarioSummary) => i.status === 'published' && i.deadline !== '' && i.deadline >= today;
    const firstClosed = items.findIndex((i) => !open(i));
    expect(firstClosed).toBeGreaterThan(0);
    expect(items.slice(firstClosed).every((i) => !open(i))).toBe(true);
    const deadlines = items.slice(0, firstClosed).map((i) => i.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(deadlines[0]).toBe(today);
  });

  it.each(['deadline', 'updated', 'title'] as const)('pages through every listing exactly once when sorted by %s', (sort) => {
    const items = allPages({ sort }, 37);
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(rows().length);
    expect(ids).toEqual(search({ sort, limit: 500 }).items.map((i) => i.id));
  });

  it('pages a text query too: the pages add up to its total, none repeated', () => {
    const items = allPages({ query: '场景' }, 25);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.length).toBe(likeIds('场景').size);
  });
});

describe('listing search visibility and edits', () => {
  it('shows a member its own zone’s drafts and never another zone’s', () => {
    const own = core.ok('scenarios.create', draftInput('SY', '沈阳草稿场景甲'));
    const theirs = core.ok('scenarios.create', draftInput('CC', '长春草稿场景乙'));
    try {
      actAs(core, 'SY', 'member');
      expect([...engineIds({ query: '草稿场景' })]).toEqual([own.id]);
      expect([...engineIds({ statuses: ['draft'] })]).toEqual([own.id]);
      expect(search({}).facets.status.draft).toBe(1);
      expect(search({ query: 'changchun' }).items.map((i) => i.id)).not.toContain(theirs.id);
      actAs(core, 'DL', 'member');
      expect(engineIds({ query: '草稿场景' }).size).toBe(0);
    } finally {
      actAs(core, 'HRB', 'secretariat');
    }
    expect([...engineIds({ query: '草稿场景' })].sort()).toEqual([own.id, theirs.id].sort());
  });

  it('finds an edited listing by its new title and no longer by its old one', () => {
    const row = db.prepare<[], { id: string; title: string; version: number }>("SELECT id, title, version FROM scenarios WHERE status = 'published' AND kind = 'opportunity' ORDER BY seq LIMIT 1").get()!;
    const oldWord = row.title;
    expect(engineIds({ query: oldWord }).has(row.id)).toBe(true);
    expect(row.title.length).toBeGreaterThan(3);
    core.ok('scenarios.update', { id: row.id, version: row.version, patch: { title: '松花江冰面巡检新场景' } });
    expect([...engineIds({ query: '松花江冰面巡检' })]).toEqual([row.id]);
    expect([...engineIds({ query: 'songhuajiang' })]).toEqual([row.id]);
    expect(likeIds(oldWord).has(row.id)).toBe(false); // the old title is nowhere in its text now
    expect(engineIds({ query: oldWord }).has(row.id)).toBe(false);
    expect(engineIds({ query: oldWord })).toEqual(likeIds(oldWord));
  });

  it.each(['"', '""', "'", 'AND', 'OR NOT', '%', '_', '%_%', '\\', 'NEAR(', 'NEAR(稀土 电机, 2)', '*', '^稀土', '-', '(', ')', ':', '稀土"', 'a'.repeat(100), '题'.repeat(100)])(
    'takes the hostile query「%s」as plain text, never an error',
    (query) => {
      expect(() => core.ok('scenarios.search', { query })).not.toThrow();
      const found = engineIds({ query });
      const truth = likeIds(query);
      expect(missing(truth, found), query).toEqual([]);
      if (!onlySuperset(query)) expect(extra(truth, found), query).toEqual([]);
    },
  );

  it('refuses a 101-character query with a validation message, not an internal error', () => {
    expect(core.fails('scenarios.search', { query: '题'.repeat(101) }).code).toBe('VALIDATION');
  });
});

/** Every item of a search, read `pageSize` at a time. */
function allPages(input: ScenarioSearchInput & object, pageSize: number): ScenarioSummary[] {
  const items: ScenarioSummary[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = search({ ...input, offset, limit: pageSize });
    items.push(...page.items);
    if (offset + pageSize >= page.total) {
      expect(items.length).toBe(page.total);
      return items;
    }
  }
}

function draftInput(zone: string, title: string) {
  return {
    categoryId: scenarioCategoryId(core, 'smart-city'),
    kind: 'opportunity' as const,
    ownerZoneId: zoneId(core, zone),
    title,
    demandOrganisation: `${title}需求单位`,
    description: '草稿，尚未发布。',
    contactPerson: '测试员',
  };
}

/** The create input a stored row corresponds to (what createScenario would have been given). */
function inputOf(r: Record<string, unknown>) {
  return {
    categoryId: r.category_id as string,
    kind: r.kind as 'opportunity',
    ownerZoneId: r.owner_zone_id as string,
    title: r.title as string,
    demandOrganisation: r.demand_organisation as string,
    description: r.description as string,
    requirements: r.requirements as string,
    expectedOutcome: r.expected_outcome as string,
    budgetMinWan: r.budget_min_wan as number | null,
    budgetMaxWan: r.budget_max_wan as number | null,
    rewardWan: r.reward_wan as number | null,
    periodStart: r.period_start as string,
    periodEnd: r.period_end as string,
    deadline: r.deadline as string,
    contactPerson: r.contact_person as string,
    contactPhone: r.contact_phone as string,
    contactEmail: r.contact_email as string,
    tags: JSON.parse(r.tags as string) as string[],
    criteria: JSON.parse(r.criteria as string) as [],
  };
}
