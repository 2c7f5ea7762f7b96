import type { ResourceColumns } from './resource-cache';

/** The six facets, in the order of FacetTally.counts. */
export const FACETS = ['zone', 'province', 'category', 'sharingMode', 'status', 'instrumentState'] as const;
export type Facet = (typeof FACETS)[number];

/** Per facet: which codes are allowed (1), or null when that facet is not filtered. */
export type FacetFilters = Record<Facet, Uint8Array | null>;

export interface Visibility {
  /** The secretariat sees every live resource. */
  all: boolean;
  /** Status code of 'published' (visible to everyone). */
  publishedCode: number;
  /** The viewer's zone code (its own resources in any status), or -1. */
  ownZoneCode: number;
}

export interface FacetTally {
  /** 1 at each position that is visible, matches the text and passes every filter. */
  pass: Uint8Array;
  total: number;
  /** Counts by code, each facet counted with all the OTHER facets' filters applied. */
  counts: Record<Facet, Int32Array>;
}

/**
 * One pass over the candidates (all positions, or those the text matched): visibility, the
 * filters, the total and all six disjunctive facet counts. A row failing exactly one facet's
 * filter still counts for that facet — that is what "counts with the other filters applied"
 * means — and a row failing two counts nowhere.
 */
export function tallyFacets(
  c: ResourceColumns,
  candidates: ArrayLike<number> | null,
  visibility: Visibility,
  provinceOfZone: Uint16Array,
  provinceCount: number,
  filters: FacetFilters,
): FacetTally {
  const pass = new Uint8Array(c.size);
  const counts: Record<Facet, Int32Array> = {
    zone: new Int32Array(c.zoneIds.length),
    province: new Int32Array(provinceCount),
    category: new Int32Array(c.categoryIds.length),
    sharingMode: new Int32Array(c.sharingModes.length),
    status: new Int32Array(c.statuses.length),
    instrumentState: new Int32Array(c.instrumentStates.length),
  };
  const { zone: cZone, province: cProvince, category: cCategory, sharingMode: cSharing, status: cStatus, instrumentState: cState } = counts;
  const { zone: fZone, province: fProvince, category: fCategory, sharingMode: fSharing, status: fStatus, instrumentState: fState } = filters;
  const { zone, category, sharing, status, instrumentState } = c;
  const { all, publishedCode, ownZoneCode } = visibility;
  const n = candidates ? candidates.length : c.size;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const p = candidates ? (candidates[k] as number) : k;
    if (p < 0) continue;
    const st = status[p] as number;
    const z = zone[p] as number;
    if (!all && st !== publishedCode && z !== ownZoneCode) continue;
    const pr = provinceOfZone[z] as number;
    const ca = category[p] as number;
    const sh = sharing[p] as number;
    const is = instrumentState[p] as number;
    let fails = 0;
    let failed = 0;
    if (fZone !== null && fZone[z] !== 1) (fails++, (failed = 0));
    if (fProvince !== null && fProvince[pr] !== 1) (fails++, (failed = 1));
    if (fCategory !== null && fCategory[ca] !== 1) (fails++, (failed = 2));
    if (fSharing !== null && fSharing[sh] !== 1) (fails++, (failed = 3));
    if (fStatus !== null && fStatus[st] !== 1) (fails++, (failed = 4));
    if (fState !== null && fState[is] !== 1) (fails++, (failed = 5));
    if (fails === 0) {
      pass[p] = 1;
      total++;
      (cZone[z] as number)++;
      (cProvince[pr] as number)++;
      (cCategory[ca] as number)++;
      (cSharing[sh] as number)++;
      (cStatus[st] as number)++;
      (cState[is] as number)++;
    } else if (fails === 1) {
      if (failed === 0) (cZone[z] as number)++;
      else if (failed === 1) (cProvince[pr] as number)++;
      else if (failed === 2) (cCategory[ca] as number)++;
      else if (failed === 3) (cSharing[sh] as number)++;
      else if (failed === 4) (cStatus[st] as number)++;
      else (cState[is] as number)++;
    }
  }
  return { pass, total, counts };
}

/** Count arrays as the contract's records: non-zero counts only, code 0 ("none") left out. */
export function facetRecord(counts: Int32Array, values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let code = 1; code < counts.length; code++) {
    const n = counts[code] as number;
    if (n > 0) out[values[code] as string] = n;
  }
  return out;
}

/** The positions of one page, walking `order` (null: position order) and keeping passes. */
export function pagePositions(pass: Uint8Array, order: Int32Array | null, offset: number, limit: number): number[] {
  const out: number[] = [];
  let skipped = 0;
  const n = pass.length;
  for (let k = 0; k < n && out.length < limit; k++) {
    const p = order ? (order[k] as number) : k;
    if (pass[p] !== 1) continue;
    if (skipped < offset) skipped++;
    else out.push(p);
  }
  return out;
}
