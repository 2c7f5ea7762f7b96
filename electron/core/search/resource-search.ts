import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ResourceSearchInput, ResourceSearchResult } from '../../../shared/domain/resource-search';
import { facetRecord, pagePositions, tallyFacets, type FacetFilters } from './facet-tally';
import { matchingSeqs } from './gram-query';
import { TEXT_OR_PINYIN, type MatchOptions } from './grams';
import { queryWords } from './normalize';
import { resourceColumns, type ResourceColumns } from './resource-cache';
import { readPage } from './result-page';
import { selectFreeSlotInstrumentSeqs } from '../requests/request-queries';
import { titleOrder, valueOrder } from './sort-orders';
import { allowed, readProvinces, visibilityFor, type SearchViewer } from './viewer-filters';

export { invalidateResourceCache } from './resource-cache';

export type { SearchViewer } from './viewer-filters';

/**
 * The one search over the resource registry: text (any length, pinyin too) → visibility →
 * filters and disjunctive facet counts → sort → one page. SQL is used where it is fast
 * (FTS5 lookup, one page of rows); the rest runs over the cached columns.
 */
export function searchResources(db: Database.Database, input: z.output<typeof ResourceSearchInput>, viewer: SearchViewer): ResourceSearchResult {
  const started = performance.now();
  // Keep the cache only when this is our own read transaction (a caller's may roll back).
  const keep = !db.inTransaction;
  // One read transaction: the cache check, the FTS lookup and the page see one snapshot.
  const result = db.transaction(() => {
    const columns = resourceColumns(db, keep);
    const words = queryWords(input.query);
    const textHits = words.length === 0 ? null : matchedPositions(db, columns, words, keep);
    const free = input.freeFrom && input.freeTo ? freePositions(db, columns, input.freeFrom, input.freeTo) : null;
    const candidates = intersect(textHits, free, columns.size);
    const { provinces, provinceOfZone } = readProvinces(db, columns);
    const tally = tallyFacets(columns, candidates, visibilityFor(columns, viewer), provinceOfZone, provinces.length, {
      zone: allowed(columns.zoneIds, input.zoneIds),
      province: allowed(provinces, input.provinces),
      category: allowed(columns.categoryIds, input.categoryIds),
      sharingMode: allowed(columns.sharingModes, input.sharingModes),
      status: allowed(columns.statuses, input.statuses),
      instrumentState: allowed(columns.instrumentStates, input.instrumentStates),
    } satisfies FacetFilters);
    const order = input.sort === 'title' ? titleOrder(db, columns, keep) : input.sort === 'value' ? valueOrder(columns) : null;
    const page = pagePositions(tally.pass, order, input.offset, input.limit).map((p) => columns.seq[p] as number);
    return {
      total: tally.total,
      items: readPage(db, page, words[0]),
      facets: {
        zone: facetRecord(tally.counts.zone, columns.zoneIds),
        province: facetRecord(tally.counts.province, provinces),
        category: facetRecord(tally.counts.category, columns.categoryIds),
        sharingMode: facetRecord(tally.counts.sharingMode, columns.sharingModes),
        status: facetRecord(tally.counts.status, columns.statuses),
        instrumentState: facetRecord(tally.counts.instrumentState, columns.instrumentStates),
      },
      highlight: words,
    };
  })();
  return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

const REMEMBERED_MATCHES = 32;

/**
 * The positions (in the columns) matching the words. A list view asks the same text again and again — each
 * page of the virtual list, each facet click, each sort — so the last few matches are kept
 * with the columns (and dropped with them on any write): only the first ask pays for FTS5
 * and verification. Matching asks the same category field words listing after listing.
 */
export function matchedPositions(db: Database.Database, columns: ResourceColumns, words: readonly string[], keep: boolean, options: MatchOptions = TEXT_OR_PINYIN): Int32Array {
  const key = `${options.pinyin ? 'p' : 't'} ${words.join(' ')}`;
  const remembered = columns.matches.get(key);
  if (remembered) {
    columns.matches.delete(key); // re-insert: Map order is the LRU order
    columns.matches.set(key, remembered);
    return remembered;
  }
  const positions = positionsOf(columns, matchingSeqs(db, 'resource', words, keep, options));
  columns.matches.set(key, positions);
  if (columns.matches.size > REMEMBERED_MATCHES) columns.matches.delete(columns.matches.keys().next().value as string);
  return positions;
}

/** Availability-first search: the 时间预约 instruments free for the whole window (ISO with offset). */
function freePositions(db: Database.Database, columns: ResourceColumns, from: string, to: string): Int32Array {
  return positionsOf(columns, selectFreeSlotInstrumentSeqs(db, new Date(from).toISOString(), new Date(to).toISOString()));
}

function positionsOf(columns: ResourceColumns, seqs: ArrayLike<number>): Int32Array {
  const positions = new Int32Array(seqs.length);
  for (let i = 0; i < seqs.length; i++) positions[i] = columns.positionOf(seqs[i] as number);
  return positions;
}

/** The positions in both lists (null: no restriction); −1 (a seq without a position) drops out. */
function intersect(a: Int32Array | null, b: Int32Array | null, size: number): Int32Array | null {
  if (a === null || b === null) return a ?? b;
  const inB = new Uint8Array(size);
  for (const p of b) if (p >= 0) inB[p] = 1;
  return a.filter((p) => p >= 0 && inB[p] === 1);
}
