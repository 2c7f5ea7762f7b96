import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import type { Visibility } from './facet-tally';
import type { ResourceColumns } from './resource-cache';

/** Who is searching: the secretariat sees everything live, a member its own zone too. */
export interface SearchViewer {
  role: 'secretariat' | 'member' | null;
  zoneId: string | null;
}

export function visibilityFor(columns: ResourceColumns, viewer: SearchViewer): Visibility {
  const ownZoneCode = viewer.role === 'member' && viewer.zoneId !== null ? columns.zoneIds.indexOf(viewer.zoneId) : -1;
  return { all: viewer.role === 'secretariat', publishedCode: columns.statuses.indexOf('published'), ownZoneCode: ownZoneCode > 0 ? ownZoneCode : -1 };
}

/** A filter as allowed codes; unknown values allow nothing (a filter never widens). */
export function allowed(values: readonly string[], selected: readonly string[]): Uint8Array | null {
  if (selected.length === 0) return null;
  const out = new Uint8Array(values.length);
  const wanted = new Set(selected);
  for (let code = 1; code < values.length; code++) if (wanted.has(values[code] as string)) out[code] = 1;
  return out;
}

/**
 * Provinces come from the zones table on every search (a handful of rows), so a zone moved
 * to another province is counted right without any cache invalidation.
 */
export function readProvinces(db: Database.Database, columns: ResourceColumns): { provinces: string[]; provinceOfZone: Uint16Array } {
  const zones = statement<[], { id: string; province: string }>(db, 'SELECT id, province FROM zones').all();
  const provinceByZone = new Map(zones.map((z) => [z.id, z.province]));
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
