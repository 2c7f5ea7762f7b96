import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { CLOSING_SOON_DAYS, type ScenarioSearchInput, type ScenarioSearchResult, type ScenarioSummary } from '../../../shared/domain/scenario';
import { addDays, shanghaiToday } from '../../../shared/shanghai-date';
import type { Actor } from '../records';
import { matchingSeqs } from '../search/gram-query';
import { queryWords } from '../search/normalize';
import { snippetOf } from '../search/result-page';

type Input = z.output<typeof ScenarioSearchInput>;
type Facet = 'category' | 'kind' | 'zone' | 'status';

const FACET_COLUMNS: Record<Facet, string> = { category: 's.category_id', kind: 's.kind', zone: 's.owner_zone_id', status: 's.status' };

interface Clause {
  sql: string;
  params: unknown[];
}

/**
 * Listing search: text through the registry's engine (the 'scenario' text index: same
 * Chinese grams, pinyin and verification), then filters, disjunctive facet counts, the
 * deadline window and a sort in SQL — a few thousand listings need nothing cleverer.
 */
export function searchScenarios(db: Database.Database, actor: Actor, input: Input, today = shanghaiToday()): ScenarioSearchResult {
  const started = performance.now();
  const keep = !db.inTransaction;
  return db.transaction(() => {
    const words = queryWords(input.query);
    const base: Clause[] = [{ sql: 's.deleted_at IS NULL', params: [] }];
    if (words.length > 0) base.push({ sql: 's.seq IN (SELECT value FROM json_each(?))', params: [JSON.stringify(Array.from(matchingSeqs(db, 'scenario', words, keep)))] });
    if (actor.role !== 'secretariat') base.push({ sql: "(s.status <> 'draft' OR s.owner_zone_id = ?)", params: [actor.zoneId] });
    base.push(...deadlineClause(input.deadline, today));
    const facetFilters: Record<Facet, readonly string[]> = { category: input.categoryIds, kind: input.kinds, zone: input.zoneIds, status: input.statuses };
    const filterOf = (facet: Facet): Clause[] => {
      const values = facetFilters[facet];
      return values.length === 0 ? [] : [{ sql: `${FACET_COLUMNS[facet]} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] }];
    };
    const all = [...base, ...(Object.keys(FACET_COLUMNS) as Facet[]).flatMap(filterOf)];
    const where = joinClauses(all);
    const total = db.prepare<unknown[], number>(`SELECT count(*) FROM scenarios s WHERE ${where.sql}`).pluck().get(...where.params) ?? 0;
    const facets = Object.fromEntries(
      (Object.keys(FACET_COLUMNS) as Facet[]).map((facet) => {
        // Disjunctive: a facet's counts ignore its own selection, so the user can widen it.
        const others = joinClauses([...base, ...(Object.keys(FACET_COLUMNS) as Facet[]).filter((f) => f !== facet).flatMap(filterOf)]);
        const rows = db.prepare<unknown[], [string, number]>(`SELECT ${FACET_COLUMNS[facet]}, count(*) FROM scenarios s WHERE ${others.sql} GROUP BY 1`).raw().all(...others.params);
        return [facet, Object.fromEntries(rows)];
      }),
    ) as ScenarioSearchResult['facets'];
    const rows = db
      .prepare<unknown[], SummaryRow>(
        `${SELECT_SUMMARIES} ${input.sort === 'title' ? 'LEFT JOIN scenario_haystack h ON h.seq = s.seq' : ''}
         WHERE ${where.sql} ORDER BY ${orderBy(input.sort)} LIMIT ? OFFSET ?`,
      )
      .all(...where.params, ...(input.sort === 'deadline' ? [today, today] : []), input.limit, input.offset);
    return {
      total,
      items: rows.map((row) => toSummary(row, words[0])),
      facets,
      highlight: words,
      today,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  })();
}

function deadlineClause(window: Input['deadline'], today: string): Clause[] {
  switch (window) {
    case 'closingSoon':
      return [{ sql: "s.status = 'published' AND s.deadline >= ? AND s.deadline <= ?", params: [today, addDays(today, CLOSING_SOON_DAYS - 1)] }];
    case 'open':
      return [{ sql: "s.status = 'published' AND (s.deadline = '' OR s.deadline >= ?)", params: [today] }];
    case 'closed':
      return [{ sql: "s.deadline <> '' AND s.deadline < ?", params: [today] }];
    default:
      return [];
  }
}

/** Deadline order: still-open deadlines soonest first, then the rest (newest first). */
function orderBy(sort: Input['sort']): string {
  if (sort === 'title') return 'h.title_key, s.seq';
  if (sort === 'updated') return 's.updated_at DESC, s.seq DESC';
  return "CASE WHEN s.deadline >= ? THEN 0 ELSE 1 END, CASE WHEN s.deadline >= ? THEN s.deadline END, s.updated_at DESC, s.seq DESC";
}

function joinClauses(clauses: readonly Clause[]): Clause {
  return { sql: clauses.map((c) => `(${c.sql})`).join(' AND '), params: clauses.flatMap((c) => c.params) };
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
