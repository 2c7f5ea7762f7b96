import type Database from 'better-sqlite3';
import { RESOURCE_STATUSES, SHARING_MODES } from '../../../shared/domain/resource';

/**
 * An in-memory, columnar copy of what search filters, counts and sorts on — one small typed
 * array per column, indexed by position — so visibility, six disjunctive facet counts and
 * sorting over 100k rows are tight loops instead of SQL. Built with one query on first use;
 * text never lives here (FTS5 finds it), and the page's display columns are read per search.
 *
 * Positions are in 'updated' order (updated_at desc, seq desc), so that sort is free.
 */
export interface ResourceColumns {
  size: number;
  seq: Int32Array;
  /** Codes into the dictionaries below; 0 means "none" (NULL) in every dictionary. */
  zone: Uint16Array;
  category: Uint16Array;
  sharing: Uint8Array;
  status: Uint8Array;
  instrumentState: Uint8Array;
  zoneIds: string[];
  categoryIds: string[];
  sharingModes: string[];
  statuses: string[];
  instrumentStates: string[];
  /** original_value, NaN for NULL. */
  value: Float64Array;
  /** Position of a seq, or -1 if it is not a live (non-deleted) resource. */
  positionOf(seq: number): number;
  /** Positions in title (pinyin) order and value order, computed on first use. */
  titleOrder: Int32Array | null;
  valueOrder: Int32Array | null;
}

interface CacheEntry {
  columns: ResourceColumns;
  dataVersion: number;
}

const caches = new WeakMap<Database.Database, CacheEntry>();

/** Drops the cached columns; every writer of resources (or of anything cached) calls this. */
export function invalidateResourceCache(db: Database.Database): void {
  caches.delete(db);
}

/**
 * The columns for the current state of the database. `PRAGMA data_version` changes when
 * another connection (the browser host and the desktop app may share a file) commits, so
 * such writes are noticed without any call. Inside a caller's transaction the columns are
 * built but not kept: that transaction may still roll back.
 */
export function resourceColumns(db: Database.Database, keep: boolean): ResourceColumns {
  const dataVersion = Number(db.prepare('PRAGMA data_version').pluck().get());
  const cached = caches.get(db);
  if (cached && cached.dataVersion === dataVersion) return cached.columns;
  const columns = loadColumns(db);
  if (keep) caches.set(db, { columns, dataVersion });
  else caches.delete(db);
  return columns;
}

type CacheRow = [seq: number, zone: string | null, category: string | null, sharing: string, status: string, state: string | null, value: number | null];

class Dictionary {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>();
  constructor(fixed: readonly string[] = []) {
    for (const v of fixed) this.code(v);
  }
  code(value: string | null): number {
    if (value === null) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}

function loadColumns(db: Database.Database): ResourceColumns {
  const rows = db
    .prepare<[], CacheRow>(
      `SELECT seq, owner_zone_id, category_id, sharing_mode, status, instrument_state, original_value
       FROM resources WHERE deleted_at IS NULL ORDER BY updated_at DESC, seq DESC`,
    )
    .raw()
    .all();
  const size = rows.length;
  const seq = new Int32Array(size);
  const zone = new Uint16Array(size);
  const category = new Uint16Array(size);
  const sharing = new Uint8Array(size);
  const status = new Uint8Array(size);
  const instrumentState = new Uint8Array(size);
  const value = new Float64Array(size);
  const zones = new Dictionary();
  const categories = new Dictionary();
  const sharingModes = new Dictionary(SHARING_MODES);
  const statuses = new Dictionary(RESOURCE_STATUSES);
  const states = new Dictionary();
  let maxSeq = 0;
  for (let i = 0; i < size; i++) {
    const r = rows[i] as CacheRow;
    seq[i] = r[0];
    if (r[0] > maxSeq) maxSeq = r[0];
    zone[i] = zones.code(r[1]);
    category[i] = categories.code(r[2]);
    sharing[i] = sharingModes.code(r[3]);
    status[i] = statuses.code(r[4]);
    instrumentState[i] = states.code(r[5]);
    value[i] = r[6] ?? NaN;
  }
  if (zones.values.length > 0xffff || categories.values.length > 0xffff || states.values.length > 0xff) {
    throw new Error('resource cache: too many distinct zones, categories or instrument states');
  }
  return {
    size,
    seq,
    zone,
    category,
    sharing,
    status,
    instrumentState,
    zoneIds: zones.values,
    categoryIds: categories.values,
    sharingModes: sharingModes.values,
    statuses: statuses.values,
    instrumentStates: states.values,
    value,
    positionOf: positionLookup(seq, maxSeq),
    titleOrder: null,
    valueOrder: null,
  };
}

/** seq → position: a dense array when seqs are compact (the normal case), else a Map. */
function positionLookup(seq: Int32Array, maxSeq: number): (s: number) => number {
  if (maxSeq <= seq.length * 4 + 1024) {
    const table = new Int32Array(maxSeq + 1).fill(-1);
    for (let i = 0; i < seq.length; i++) table[seq[i] as number] = i;
    return (s) => (s >= 0 && s <= maxSeq ? (table[s] as number) : -1);
  }
  const map = new Map<number, number>();
  for (let i = 0; i < seq.length; i++) map.set(seq[i] as number, i);
  return (s) => map.get(s) ?? -1;
}

/** Positions by the title's pinyin key (then title, then seq), read once per cache. */
export function titleOrder(db: Database.Database, columns: ResourceColumns): Int32Array {
  if (columns.titleOrder) return columns.titleOrder;
  const seqs = db
    .prepare<[], number>(
      `SELECT r.seq FROM resources r LEFT JOIN resource_haystack h ON h.seq = r.seq
       WHERE r.deleted_at IS NULL ORDER BY coalesce(h.title_key, ''), r.title, r.seq`,
    )
    .pluck()
    .all();
  columns.titleOrder = completeOrder(seqs.map(columns.positionOf), columns.size);
  return columns.titleOrder;
}

/** Positions by original_value descending, NULLs last; ties keep the 'updated' order. */
export function valueOrder(columns: ResourceColumns): Int32Array {
  if (columns.valueOrder) return columns.valueOrder;
  const withValue: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < columns.size; i++) (Number.isNaN(columns.value[i]) ? without : withValue).push(i);
  const v = columns.value;
  withValue.sort((a, b) => (v[b] as number) - (v[a] as number) || a - b);
  columns.valueOrder = Int32Array.from([...withValue, ...without]);
  return columns.valueOrder;
}

/** Guards against a row appearing or vanishing between two reads: every position once. */
function completeOrder(positions: number[], size: number): Int32Array {
  const seen = new Uint8Array(size);
  const out = new Int32Array(size);
  let n = 0;
  for (const p of positions) {
    if (p < 0 || seen[p]) continue;
    seen[p] = 1;
    out[n++] = p;
  }
  for (let p = 0; p < size; p++) if (!seen[p]) out[n++] = p;
  return out;
}
