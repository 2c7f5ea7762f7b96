import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { CLOSING_SOON_DAYS, type ScenarioSearchInput, type ScenarioSearchResult, type ScenarioSummary } from '../../../shared/domain/scenario';
import { addDays, shanghaiToday } from '../../../shared/shanghai-date';
import type { Actor } from '../records';
import { changeStamp } from '../search/data-version';
import { matchingSeqs } from '../search/gram-query';
import { queryWords } from '../search/normalize';
import { snippetOf } from '../search/result-page';

type Input = z.output<typeof ScenarioSearchInput>;
type Facet = 'category' | 'kind' | 'zone' | 'status';
const FACETS: readonly Facet[] = ['category', 'kind', 'zone', 'status'];

/** What filtering, counting and sorting need of a listing: one narrow row each. */
type Slim = [seq: number, category: string, kind: string, zone: string, status: string, deadline: string, updatedAt: string, titleKey: string];

/**
 * Listing search: text through the registry's engine (the 'scenario' text index: same
 * Chinese grams, pinyin and verification), then one narrow read of the visible listings;
 * filters, the deadline window, disjunctive facet counts and the sort run over those rows
 * in memory (a few thousand listings), and one more statement reads the page.
 */
export function searchScenarios(db: Database.Database, actor: Actor, input: Input, today = shanghaiToday()): ScenarioSearchResult {
  const started = performance.now();
  const keep = !db.inTransaction;
  return db.transaction(() => {
    const words = queryWords(input.query);
    const matched = words.length > 0 ? new Set(Array.from(matchingSeqs(db, 'scenario', words, keep))) : null;
    const mayView = (r: Slim) => actor.role === 'secretariat' || r[4] !== 'draft' || r[3] === actor.zoneId;
    const inWindow = deadlineWindow(input.deadline, today);
    const visible = slimRows(db, input.sort === 'title', keep).filter((r) => (matched === null || matched.has(r[0])) && mayView(r) && inWindow(r));
    const selected: Record<Facet, Set<string> | null> = {
      category: setOrNull(input.categoryIds),
      kind: setOrNull(input.kinds),
      zone: setOrNull(input.zoneIds),
      status: setOrNull(input.statuses),
    };
    const valueOf = (r: Slim, facet: Facet) => (facet === 'category' ? r[1] : facet === 'kind' ? r[2] : facet === 'zone' ? r[3] : r[4]);
    const passes = (r: Slim, except?: Facet) => FACETS.every((f) => f === except || selected[f] === null || (selected[f] as Set<string>).has(valueOf(r, f)));
    // Disjunctive: a facet's counts ignore its own selection, so the user can widen it.
    const facets = Object.fromEntries(
      FACETS.map((facet) => {
        const counts: Record<string, number> = {};
        for (const r of visible) if (passes(r, facet)) counts[valueOf(r, facet)] = (counts[valueOf(r, facet)] ?? 0) + 1;
        return [facet, counts];
      }),
    ) as ScenarioSearchResult['facets'];
    const hits = visible.filter((r) => passes(r)).sort(order(input.sort, today));
    const page = hits.slice(input.offset, input.offset + input.limit).map((r) => r[0]);
    const bySeq = new Map(statements(db).page.all(JSON.stringify(page)).map((row) => [row.seq, toSummary(row, words[0])]));
    return {
      total: hits.length,
      items: page.map((seq) => bySeq.get(seq) as ScenarioSummary),
      facets,
      highlight: words,
      today,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  })();
}

function setOrNull(values: readonly string[]): Set<string> | null {
  return values.length === 0 ? null : new Set(values);
}

function deadlineWindow(window: Input['deadline'], today: string): (r: Slim) => boolean {
  const soon = addDays(today, CLOSING_SOON_DAYS - 1);
  switch (window) {
    case 'closingSoon':
      return (r) => r[4] === 'published' && r[5] >= today && r[5] <= soon;
    case 'open':
      return (r) => r[4] === 'published' && (r[5] === '' || r[5] >= today);
    case 'closed':
      return (r) => r[5] !== '' && r[5] < today;
    default:
      return () => true;
  }
}

/**
 * 截止日期: listings still taking applications first, the soonest deadline first; then the
 * rest, most recently changed first. 最近更新: newest first. 名称: by the title's pinyin.
 */
function order(sort: Input['sort'], today: string): (a: Slim, b: Slim) => number {
  const byUpdated = (a: Slim, b: Slim) => (a[6] < b[6] ? 1 : a[6] > b[6] ? -1 : b[0] - a[0]);
  if (sort === 'updated') return byUpdated;
  if (sort === 'title') return (a, b) => (a[7] < b[7] ? -1 : a[7] > b[7] ? 1 : a[0] - b[0]);
  const open = (r: Slim) => r[4] === 'published' && r[5] !== '' && r[5] >= today;
  return (a, b) => {
    const oa = open(a);
    const ob = open(b);
    if (oa !== ob) return oa ? -1 : 1;
    if (oa && a[5] !== b[5]) return a[5] < b[5] ? -1 : 1;
    return byUpdated(a, b);
  };
}

interface Statements {
  slim: Database.Statement<[], Slim>;
  titleKeys: Database.Statement<[], [number, string]>;
  page: Database.Statement<[string], SummaryRow>;
}

const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      // Served by the covering index scenarios_list: the wide rows are never read here.
      slim: db
        .prepare<[], Slim>("SELECT seq, category_id, kind, owner_zone_id, status, deadline, updated_at, '' FROM scenarios WHERE deleted_at IS NULL")
        .raw() as unknown as Database.Statement<[], Slim>,
      titleKeys: db.prepare<[], [number, string]>('SELECT seq, title_key FROM scenario_haystack').raw(),
      page: db.prepare<[string], SummaryRow>(`${SELECT_SUMMARIES} WHERE s.seq IN (SELECT value FROM json_each(?))`),
    };
    prepared.set(db, s);
  }
  return s;
}

interface SlimCache {
  stamp: string;
  rows: Slim[];
  withTitles: boolean;
}

const slimCaches = new WeakMap<Database.Database, SlimCache>();

/**
 * Every live listing's narrow row, kept until the next write of any kind (changeStamp): the
 * list asks again for each page, facet click and sort, and ~5k rows cost ~10 ms to read.
 * Title keys are added on the first title sort. Not kept inside a caller's transaction.
 */
function slimRows(db: Database.Database, withTitles: boolean, keep: boolean): Slim[] {
  const stamp = changeStamp(db);
  let cache = slimCaches.get(db);
  if (!cache || cache.stamp !== stamp) cache = { stamp, rows: statements(db).slim.all(), withTitles: false };
  if (withTitles && !cache.withTitles) {
    const keys = new Map(statements(db).titleKeys.all());
    cache = { stamp, rows: cache.rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], keys.get(r[0]) ?? ''] as Slim), withTitles: true };
  }
  if (keep) slimCaches.set(db, cache);
  return cache.rows;
}

const SELECT_SUMMARIES = `
  SELECT s.seq, s.id, s.version, s.title, s.kind, s.category_id, c.name AS category_name, s.owner_zone_id, z.short_name AS zone_name,
         s.demand_organisation, s.status, s.deadline, s.budget_min_wan, s.budget_max_wan, s.reward_wan, s.updated_at, s.is_demo, s.description,
         (SELECT count(*) FROM scenario_applications a WHERE a.scenario_id = s.id AND a.deleted_at IS NULL AND a.status <> 'withdrawn') AS application_count
  FROM scenarios s JOIN scenario_categories c ON c.id = s.category_id JOIN zones z ON z.id = s.owner_zone_id`;

/** Summaries of the given listings (any order), as the list shows them. */
export function selectScenarioSummaries(db: Database.Database, ids: readonly string[]): ScenarioSummary[] {
  if (ids.length === 0) return [];
  return db
    .prepare<[string], SummaryRow>(`${SELECT_SUMMARIES} WHERE s.id IN (SELECT value FROM json_each(?)) AND s.deleted_at IS NULL`)
    .all(JSON.stringify(ids))
    .map((row) => toSummary(row, undefined));
}

interface SummaryRow {
  seq: number;
  id: string;
  version: number;
  title: string;
  kind: ScenarioSummary['kind'];
  category_id: string;
  category_name: string;
  owner_zone_id: string;
  zone_name: string;
  demand_organisation: string;
  status: ScenarioSummary['status'];
  deadline: string;
  budget_min_wan: number | null;
  budget_max_wan: number | null;
  reward_wan: number | null;
  updated_at: string;
  is_demo: number;
  description: string;
  application_count: number;
}

function toSummary(row: SummaryRow, firstWord: string | undefined): ScenarioSummary {
  return {
    id: row.id,
    seq: row.seq,
    version: row.version,
    title: row.title,
    kind: row.kind,
    categoryId: row.category_id,
    categoryName: row.category_name,
    ownerZoneId: row.owner_zone_id,
    ownerZoneName: row.zone_name,
    demandOrganisation: row.demand_organisation,
    status: row.status,
    deadline: row.deadline,
    budgetMinWan: row.budget_min_wan,
    budgetMaxWan: row.budget_max_wan,
    rewardWan: row.reward_wan,
    updatedAt: row.updated_at,
    isDemo: row.is_demo === 1,
    applicationCount: row.application_count,
    snippet: snippetOf(row.description, firstWord),
  };
}
