import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ResourceSearchInput, ResourceSearchResult } from '../../../shared/domain/resource-search';
import { facetRecord, pagePositions, tallyFacets, type FacetFilters, type Visibility } from './facet-tally';
import { matchingSeqs } from './gram-query';
import { queryWords } from './normalize';
import { resourceColumns, titleOrder, valueOrder, type ResourceColumns } from './resource-cache';
import { readPage } from './result-page';

export { invalidateResourceCache } from './resource-cache';

export interface SearchViewer {
  role: 'secretariat' | 'member' | null;
  zoneId: string | null;
}

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
    const candidates = words.length === 0 ? null : matchedPositions(db, columns, words, keep);
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

const REMEMBERED_MATCHES = 16;

/**
 * The positions matching the words. A list view asks the same text again and again — each
 * page of the virtual list, each facet click, each sort — so the last few matches are kept
 * with the columns (and dropped with them on any write): only the first ask pays for FTS5
 * and verification.
 */
function matchedPositions(db: Database.Database, columns: ResourceColumns, words: readonly string[], keep: boolean): Int32Array {
  const key = words.join(' ');
  const remembered = columns.matches.get(key);
  if (remembered) {
    columns.matches.delete(key); // re-insert: Map order is the LRU order
    columns.matches.set(key, remembered);
    return remembered;
  }
  const seqs = matchingSeqs(db, words, keep);
  const positions = new Int32Array(seqs.length);
  for (let i = 0; i < seqs.length; i++) positions[i] = columns.positionOf(seqs[i] as number);
  columns.matches.set(key, positions);
  if (columns.matches.size > REMEMBERED_MATCHES) columns.matches.delete(columns.matches.keys().next().value as string);
  return positions;
}

function visibilityFor(columns: ResourceColumns, viewer: SearchViewer): Visibility {
  const ownZoneCode = viewer.role === 'member' && viewer.zoneId !== null ? columns.zoneIds.indexOf(viewer.zoneId) : -1;
  return { all: viewer.role === 'secretariat', publishedCode: columns.statuses.indexOf('published'), ownZoneCode: ownZoneCode > 0 ? ownZoneCode : -1 };
}

/** A filter as allowed codes; unknown values allow nothing (a filter never widens). */
function allowed(values: readonly string[], selected: readonly string[]): Uint8Array | null {
  if (selected.length === 0) return null;
  const out = new Uint8Array(values.length);
  const wanted = new Set(selected);
  for (let code = 1; code < values.length; code++) if (wanted.has(values[code] as string)) out[code] = 1;
  return out;
}

const zoneStatements = new WeakMap<Database.Database, Database.Statement<[], { id: string; province: string }>>();

/**
 * Provinces come from the zones table on every search (a handful of rows), so a zone moved
 * to another province is counted right without any cache invalidation.
 */
function readProvinces(db: Database.Database, columns: ResourceColumns): { provinces: string[]; provinceOfZone: Uint16Array } {
  let stmt = zoneStatements.get(db);
  if (!stmt) {
    stmt = db.prepare<[], { id: string; province: string }>('SELECT id, province FROM zones');
    zoneStatements.set(db, stmt);
  }
  const provinceByZone = new Map(stmt.all().map((z) => [z.id, z.province]));
  const provinces = [''];
  const codes = new Map<string, number>();
  const provinceOfZone = new Uint16Array(columns.zoneIds.length);
  for (let code = 1; code < columns.zoneIds.length; code++) {
    const province = provinceByZone.get(columns.zoneIds[code] as string);
    if (province === undefined) continue;
    let p = codes.get(province);
    if (p === undefined) {
      p = provinces.length;
      provinces.push(province);
      codes.set(province, p);
    }
    provinceOfZone[code] = p;
  }
  return { provinces, provinceOfZone };
}
