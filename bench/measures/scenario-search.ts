import type Database from 'better-sqlite3';
import type { Core } from '../../electron/core/app-core';
import { listingContext } from '../../electron/core/matching/listing-context';
import { phraseWords } from '../../electron/core/matching/match-rules';
import { selectScenario } from '../../electron/core/scenarios/scenario-queries';
import { matchingSeqs } from '../../electron/core/search/gram-query';
import { rebuildResourceIndex } from '../../electron/core/search/resource-index';
import type { ResourceMatch, ScenarioMatch } from '../../shared/domain/matching';
import { CLOSING_SOON_DAYS, OPEN_SCENARIO_STATUSES, type ScenarioSearchInput, type ScenarioSearchResult } from '../../shared/domain/scenario';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import type { GeneratedResource } from '../generate/types';
import { expectOk, setUpBenchCore } from '../lib/bench-core';
import { loadResources } from '../lib/load-resources';
import { loadScenarios } from '../lib/load-scenarios';
import { latencyStats, round, type LatencyStats } from '../lib/stats';
import { timeSync } from '../lib/timing';
import { latencyRow, valueRow, type Measure, type Row } from './measure';

/**
 * Scenario listings (part X) on the generated dataset: `scenarios.search` through the real
 * channel, per query class, next to a raw `LIKE '%q%'` scan over the same text columns of the
 * same `scenarios` table in the same run (with the same filters), plus the recall check
 * (engine total ≥ LIKE count for every non-pinyin query); then matching both ways
 * (`scenarios.matchResources`, `resources.matchScenarios`) against the full generated
 * registry, with where a matching call spends its time.
 */

/** The listing text the engine indexes (scenarioText): these six columns, tags as their JSON. */
const TEXT_COLUMNS = ['title', 'demand_organisation', 'description', 'requirements', 'expected_outcome', 'tags'] as const;

interface Case {
  q: string;
  input: ScenarioSearchInput & object;
  /** The LIKE-scan equivalent: count(*) (and a page when the search sorts). null: none. */
  like: (() => number) | null;
}

export const scenarioSearchMeasure: Measure = {
  name: 'scenario-search',
  title: 'scenario listing search vs LIKE, and matching both ways',
  run(ctx) {
    const core = setUpBenchCore(ctx, 'scenarios');
    try {
      const db = core.db;
      const today = shanghaiToday();
      ctx.log(`scenario-search: loading ${ctx.dataset.resources.length} resources (for matching)…`);
      const registry = timeSync(() => loadRegistry(db, ctx.dataset.resources));
      ctx.log(`scenario-search: loading ${ctx.dataset.scenarios.length} scenarios…`);
      // Dates rebased so that "today" is the generator's reference day: the deadline windows
      // hold the same share of listings whatever day the bench runs.
      const loaded = loadScenarios(db, ctx.dataset.scenarios, { actorLabel: '基准测试（bench）', rebaseTo: today });
      db.pragma('wal_checkpoint(TRUNCATE)');
      const fileMb = db.prepare<[], number>('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get()! / 1048576;

      const search = (input: object) => expectOk<ScenarioSearchResult>(core.dispatch('scenarios.search', { limit: 50, ...input }), 'scenarios.search');
      const like = likeScanner(db, today);
      const manufacturing = db.prepare<[], string>("SELECT id FROM scenario_categories WHERE code = 'manufacturing'").pluck().get()!;

      const closingTo = addDays(today, CLOSING_SOON_DAYS - 1);
      const classes: Array<{ id: string; label: string; recall: boolean; cases: Case[] }> = [
        { id: 'cjk-1', label: '1-char Chinese', recall: true, cases: textCases(['氢', '雪', '药', '网', '农', '光'], like) },
        { id: 'cjk-2', label: '2-char Chinese', recall: true, cases: textCases(['水稻', '稀土', '冷链', '光伏', '长春', '政务', '揭榜'], like) },
        {
          id: 'cjk-3plus',
          label: '3+-char Chinese',
          recall: true,
          cases: textCases(['无人机', '数字孪生', '揭榜挂帅', '储能电站', '石墨烯', '智慧停车', '有限公司', '可复制推广价值', '寒地水稻无人化种植'], like),
        },
        { id: 'multi-word', label: 'multi-word (AND)', recall: true, cases: textCases(['无人机 巡检', '稀土 电机', '哈尔滨 冰雪', '智能 改造 车间'], like) },
        { id: 'pinyin', label: 'pinyin', recall: false, cases: textCases(['xitu', 'wurenji', 'shuidao', 'haerbin', 'bingxue', 'dq', 'zhihui'], like) },
        { id: 'english', label: 'English / digits', recall: true, cases: textCases(['AI', 'IoT', '5G', 'CCUS', '12345'], like) },
        {
          id: 'category',
          label: '2-char + category filter',
          recall: true,
          cases: ['改造', '智能', '平台'].map((q) => ({ q, input: { query: q, categoryIds: [manufacturing] }, like: () => like.count([q], { sql: 'category_id = ?', params: [manufacturing] }) })),
        },
        {
          id: 'closing-soon',
          label: "deadline 'closingSoon' (7 days)",
          recall: true,
          cases: ['', '智能', '无人机'].map((q) => ({
            q,
            input: { query: q, deadline: 'closingSoon' as const },
            like: () => like.count(q ? [q] : [], { sql: "status = 'published' AND deadline >= ? AND deadline <= ?", params: [today, closingTo] }),
          })),
        },
        { id: 'by-deadline', label: 'empty query, sorted by deadline', recall: true, cases: [{ q: '', input: { query: '', sort: 'deadline' }, like: () => like.countAndDeadlinePage() }] },
        { id: 'by-title', label: 'empty query, sorted by title (pinyin)', recall: false, cases: [{ q: '', input: { query: '', sort: 'title' }, like: null }] },
      ];

      const cold = timeSync(() => search({ query: '' }));
      for (const c of classes) for (const k of c.cases) (search(k.input), k.like?.()); // warm-up: statements, page cache, alnum store

      const reps = ctx.iterations(10, 3);
      const likeReps = Math.max(2, Math.floor(reps / 3));
      const rows: Row[] = [
        valueRow(`load ${ctx.dataset.resources.length.toLocaleString('en-US')} resources + index (for matching)`, registry.ms, 'ms'),
        valueRow(`load ${loaded.inserted.toLocaleString('en-US')} scenarios (SQL, one transaction)`, loaded.insertMs, 'ms'),
        valueRow('build scenario text index (grams + pinyin)', loaded.indexMs, 'ms', `${loaded.indexed} listings · ${round(fileMb, 1)} MB database file`),
        valueRow('first scenario search', cold.ms, 'ms'),
      ];
      const perClass: Record<string, unknown> = {};
      const recallFailures: string[] = [];
      for (const c of classes) {
        const ours: number[] = [];
        const theirs: number[] = [];
        const queries: Array<{ q: string; total: number; like: number | null; engineMs: number }> = [];
        for (const k of c.cases) {
          const own: number[] = [];
          let total = 0;
          for (let i = 0; i < reps; i++) {
            const t = timeSync(() => search(k.input));
            own.push(t.ms);
            total = t.value.total;
          }
          ours.push(...own);
          let count: number | null = null;
          if (k.like) {
            for (let i = 0; i < likeReps; i++) {
              const t = timeSync(k.like);
              theirs.push(t.ms);
              count = t.value;
            }
            if (c.recall && total < count!) recallFailures.push(`${c.id}「${k.q}」: engine ${total} < LIKE ${count}`);
          }
          queries.push({ q: k.q, total, like: count, engineMs: latencyStats(own).p50 });
        }
        const a = latencyStats(ours);
        const b = theirs.length ? latencyStats(theirs) : null;
        const ratio = b ? b.p95 / Math.max(a.p95, 0.001) : null;
        const ratioP50 = b ? b.p50 / Math.max(a.p50, 0.001) : null;
        const detail = ratio === null ? `no LIKE equivalent · ${hits(queries)}` : `LIKE p95 ${round(b!.p95)} ms → ${speed(ratio)} · ${hits(queries)}`;
        rows.push({ ...latencyRow(`search ${c.label}`, ours, detail), ...(ratio !== null ? { value: round(ratio, 2), unit: '× vs LIKE p95' } : {}) });
        perClass[c.id] = { label: c.label, search: a, like: b, ratioP95: ratio && round(ratio, 2), ratioP50: ratioP50 && round(ratioP50, 2), queries };
      }
      rows.push(valueRow('recall vs LIKE (non-pinyin queries)', recallFailures.length === 0 ? 100 : 0, '%', recallFailures.length ? recallFailures.join('; ') : 'every engine total ≥ LIKE count'));

      const matching = measureMatching(core, ctx.iterations(50, 20), ctx.iterations(3, 1));
      rows.push(...matching.rows);

      const windows = Object.fromEntries(
        (['closingSoon', 'open', 'closed', 'any'] as const).map((deadline) => [deadline, search({ query: '', deadline, limit: 1 }).total]),
      );
      return {
        rows,
        details: {
          today,
          datesRebasedTo: today,
          loaded,
          registryLoadMs: round(registry.ms),
          fileMb: round(fileMb, 1),
          deadlineWindows: windows,
          perClass,
          recallFailures,
          repetitionsPerQuery: reps,
          likeRepetitionsPerQuery: likeReps,
          likeColumns: TEXT_COLUMNS,
          matching: matching.details,
        },
      };
    } finally {
      core.close();
    }
  },
};

function textCases(queries: readonly string[], like: LikeScanner): Case[] {
  return queries.map((q) => ({ q, input: { query: q }, like: () => like.count(q.trim().split(/\s+/), null) }));
}

const hits = (queries: ReadonlyArray<{ q: string; total: number }>) => queries.map((x) => `${x.q || '∅'} ${x.total}`).join(' · ');
const speed = (ratio: number) => (ratio >= 1 ? `${round(ratio, 1)}× faster` : `${round(1 / ratio, 1)}× slower`);

interface LikeScanner {
  count(words: readonly string[], filter: { sql: string; params: unknown[] } | null): number;
  countAndDeadlinePage(): number;
}

/**
 * The baseline: `LIKE '%word%'` (ESCAPE'd) over the six text columns of live listings, every
 * word required, counting all matches as a result list's total does.
 */
function likeScanner(db: Database.Database, today: string): LikeScanner {
  const statements = new Map<string, Database.Statement<unknown[], number>>();
  const escape = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const anyColumn = `(${TEXT_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`;
  const count = db.prepare<[], number>('SELECT count(*) FROM scenarios WHERE deleted_at IS NULL').pluck();
  const page = db.prepare<[string, string], { id: string }>(
    `SELECT id, title, deadline, status FROM scenarios WHERE deleted_at IS NULL
     ORDER BY CASE WHEN deadline >= ? THEN 0 ELSE 1 END, CASE WHEN deadline >= ? THEN deadline END, updated_at DESC, seq DESC LIMIT 50`,
  );
  return {
    count(words, filter) {
      const key = `${words.length}|${filter?.sql ?? ''}`;
      let stmt = statements.get(key);
      if (!stmt) {
        const where = ['deleted_at IS NULL', ...words.map(() => anyColumn), ...(filter ? [filter.sql] : [])].join(' AND ');
        stmt = db.prepare<unknown[], number>(`SELECT count(*) FROM scenarios WHERE ${where}`).pluck();
        statements.set(key, stmt);
      }
      return stmt.get(...words.flatMap((w) => TEXT_COLUMNS.map(() => escape(w))), ...(filter?.params ?? [])) ?? 0;
    },
    countAndDeadlinePage() {
      page.all(today, today);
      return count.get() ?? 0;
    },
  };
}

interface MatchingResult {
  rows: Row[];
  details: Record<string, unknown>;
}

/**
 * Both matching channels on evenly spread samples: open listings → resources, published
 * resources → listings. For listings, the engine lookups of its tags and field words are
 * timed again on their own, to tell FTS5 time from scoring time.
 */
function measureMatching(core: Core, samples: number, reps: number): MatchingResult {
  const db = core.db;
  const spread = <T>(list: readonly T[]) => Array.from({ length: Math.min(samples, list.length) }, (_, i) => list[Math.floor((i * list.length) / Math.min(samples, list.length))] as T);
  const listingIds = spread(
    db.prepare<[string], string>('SELECT id FROM scenarios WHERE deleted_at IS NULL AND status IN (SELECT value FROM json_each(?)) ORDER BY seq').pluck().all(JSON.stringify(OPEN_SCENARIO_STATUSES)),
  );
  const resourceIds = spread(db.prepare<[], string>("SELECT id FROM resources WHERE deleted_at IS NULL AND status = 'published' ORDER BY seq").pluck().all());
  const openListings = db.prepare<[string], number>('SELECT count(*) FROM scenarios WHERE deleted_at IS NULL AND status IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(OPEN_SCENARIO_STATUSES)) ?? 0;
  const rows: Row[] = [];
  if (listingIds.length === 0 || resourceIds.length === 0) return { rows: [valueRow('matching', 0, 'skipped', 'no open listings or no published resources')], details: {} };

  const matchResources = (id: string) => expectOk<ResourceMatch[]>(core.dispatch('scenarios.matchResources', { id, limit: 20 }), 'scenarios.matchResources');
  const matchScenarios = (id: string) => expectOk<ScenarioMatch[]>(core.dispatch('resources.matchScenarios', { id, limit: 20 }), 'resources.matchScenarios');

  const first = timeSync(() => matchResources(listingIds[0]!));
  rows.push(valueRow('first matchResources (builds resource columns)', first.ms, 'ms'));

  // listing → resources
  const listingMs: number[] = [];
  const found: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const id of listingIds) {
      const t = timeSync(() => matchResources(id));
      listingMs.push(t.ms);
      if (r === 0) found.push(t.value.length);
    }
  }
  // Where the time goes: the same lookups the channel makes, one by one.
  const categories = new Map<string, { name: string; keywords: string[] }>();
  const lookups = listingIds.map((id) => {
    const s = selectScenario(db, id)!;
    const listing = listingContext(db, s, categories);
    const time = (phrases: readonly string[]) => {
      let ms = 0;
      let seqs = 0;
      for (const phrase of phrases) {
        const words = phraseWords(phrase);
        if (words.length === 0) continue;
        const t = timeSync(() => matchingSeqs(db, 'resource', words, true).length);
        ms += t.ms;
        seqs += t.value;
      }
      return { ms, seqs };
    };
    const tags = time(listing.tags);
    const field = time(listing.fieldWords);
    return { id, tags: listing.tags, tagMs: tags.ms, tagSeqs: tags.seqs, fieldWords: listing.fieldWords.length, fieldMs: field.ms, fieldSeqs: field.seqs };
  });
  const matchStats = latencyStats(listingMs);
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const lookupMean = mean(lookups.map((l) => l.tagMs + l.fieldMs));
  const fieldMean = mean(lookups.map((l) => l.fieldMs));
  rows.push(
    latencyRow(
      `scenarios.matchResources (${listingIds.length} listings, limit 20)`,
      listingMs,
      `avg ${round(mean(found), 1)} matches · lookups ${round(lookupMean, 1)} ms of ${round(matchStats.mean, 1)} ms mean (field words ${round(fieldMean, 1)} ms, ~${Math.round(mean(lookups.map((l) => l.fieldSeqs)))} rows hit)`,
    ),
  );

  // resource → listings
  const resourceMs: number[] = [];
  const offered: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const id of resourceIds) {
      const t = timeSync(() => matchScenarios(id));
      resourceMs.push(t.ms);
      if (r === 0) offered.push(t.value.length);
    }
  }
  rows.push(latencyRow(`resources.matchScenarios (${resourceIds.length} resources, limit 20)`, resourceMs, `avg ${round(mean(offered), 1)} matches · ${openListings} open listings scored per call`));

  const lookupStats = (pick: (l: (typeof lookups)[number]) => number): LatencyStats => latencyStats(lookups.map(pick));
  return {
    rows,
    details: {
      repetitions: reps,
      firstMatchResourcesMs: round(first.ms),
      matchResources: matchStats,
      matchScenarios: latencyStats(resourceMs),
      openListings,
      averageMatches: { matchResources: round(mean(found), 2), matchScenarios: round(mean(offered), 2) },
      /** Per listing: time in the engine lookups of its tags and of its category's field words. */
      lookupBreakdown: {
        tagLookupMs: lookupStats((l) => l.tagMs),
        fieldWordLookupMs: lookupStats((l) => l.fieldMs),
        rowsHitByFieldWords: lookupStats((l) => l.fieldSeqs),
        rowsHitByTags: lookupStats((l) => l.tagSeqs),
        scoringAndPageMsMean: round(matchStats.mean - lookupMean),
      },
      slowestListings: [...lookups]
        .map((l, i) => ({ ...l, callMs: round(listingMs[i] ?? 0), tagMs: round(l.tagMs), fieldMs: round(l.fieldMs) }))
        .sort((a, b) => b.callMs - a.callMs)
        .slice(0, 5),
    },
  };
}

/**
 * The generated registry, straight into the resources table, then its index rebuilt — the
 * same as bench/measures/resource-search.ts does.
 */
function loadRegistry(db: Database.Database, resources: readonly GeneratedResource[]): void {
  loadResources(db, resources);
  rebuildResourceIndex(db);
}
