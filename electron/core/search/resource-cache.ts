import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { RESOURCE_STATUSES, SHARING_MODES } from '../../../shared/domain/resource';
import { INSTRUMENT_STATES as STATE_OPTIONS } from '../../../shared/domain/resource-fields';
import { dataVersion as readDataVersion } from './data-version';
import { parseIntList } from './int-list';
import { SeqIndex } from './seq-index';

/**
 * An in-memory, columnar copy of what search filters, counts and sorts on — one small typed
 * array per column, indexed by position — so visibility, six disjunctive facet counts and
 * sorting over 100k rows are tight loops instead of SQL. Text never lives here (FTS5 finds
 * it), and the page's display columns are read per search.
 *
 * Positions are in 'updated' order (updated_at desc, seq desc), so that sort is free.
 */
export interface ResourceColumns {
  size: number;
  seq: Int32Array;
  /** Codes into the dictionaries below; 0 means "none" (NULL or unknown) in every one. */
  zone: Uint16Array;
  category: Uint16Array;
  sharing: Uint8Array;
  status: Uint8Array;
  instrumentState: Uint8Array;
  zoneIds: string[];
  categoryIds: string[];
  sharingModes: readonly string[];
  statuses: readonly string[];
  instrumentStates: readonly string[];
  /** Position of a seq, or -1 if it is not a live (non-deleted) resource. */
  positionOf(seq: number): number;
  /** original_value, NaN for NULL: only the value sort needs it. */
  value: Float64Array;
  /** Positions in title (pinyin) order and in value order, computed on first use (sort-orders.ts). */
  titleOrder: Int32Array | null;
  valueOrder: Int32Array | null;
  /** Recent text matches (normalized words → positions), dropped with the columns. */
  matches: Map<string, Int32Array>;
}

interface CacheEntry {
  columns: ResourceColumns;
  dataVersion: number;
}

const caches = new WeakMap<Database.Database, CacheEntry>();

/** Drops the cached columns; every writer of resources calls this (indexResource does). */
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
  const dataVersion = readDataVersion(db);
  const cached = caches.get(db);
  if (cached && cached.dataVersion === dataVersion) return cached.columns;
  const columns = loadColumns(db);
  if (keep) caches.set(db, { columns, dataVersion });
  else caches.delete(db);
  return columns;
}

// Codes are fixed by the domain's enums: code = index + 1 (0: none). Bound as parameters.
const INSTRUMENT_STATES = STATE_OPTIONS.map((o) => o.value);
const SHARING_CODES = ['', ...SHARING_MODES];
const STATUS_CODES = ['', ...RESOURCE_STATUSES];
const STATE_CODES = ['', ...INSTRUMENT_STATES];
const caseOf = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((_, i) => `WHEN ? THEN ${i + 1}`).join(' ')} ELSE 0 END`;

/**
 * Everything but seq packed into one integer per row, read as two group_concat() strings:
 * measured ~8× faster than fetching 100k rows of separate columns through better-sqlite3.
 * Bits: zone rowid 0–19, category rowid 20–39, sharing 40–42, status 43–45, state 46–48
 * (below 2^53, so exact as a JS number).
 */
const ROWID_BITS = 2 ** 20;
const COLUMNS_SQL = `
  SELECT group_concat(r.seq), group_concat(
    min(coalesce(z.rowid, 0), ${ROWID_BITS - 1}) + min(coalesce(c.rowid, 0), ${ROWID_BITS - 1}) * ${ROWID_BITS}
    + (${caseOf('r.sharing_mode', SHARING_MODES)}) * ${2 ** 40}
    + (${caseOf('r.status', RESOURCE_STATUSES)}) * ${2 ** 43}
    + (${caseOf('r.instrument_state', INSTRUMENT_STATES)}) * ${2 ** 46}),
    -- '' for NULL: group_concat() would skip a NULL and shift every later value.
    group_concat(coalesce(r.original_value, ''))
  FROM resources r
  LEFT JOIN zones z ON z.id = r.owner_zone_id
  LEFT JOIN resource_categories c ON c.id = r.category_id
  WHERE r.deleted_at IS NULL AND r.seq > 0`;
const COLUMN_PARAMS = [...SHARING_MODES, ...RESOURCE_STATUSES, ...INSTRUMENT_STATES];

// The 'updated' order from the (status, updated_at) index — no table scan; every status is
// listed (the CHECK constraint allows no other). SQLite keeps a FROM-subquery's ORDER BY
// for the aggregate over it (an ordered subquery is never flattened into an aggregate);
// the sort test in search-behaviour.test.ts guards that.
const UPDATED_ORDER_SQL = `
  SELECT group_concat(seq) FROM (
    SELECT seq FROM resources WHERE status IN (${RESOURCE_STATUSES.map(() => '?').join(', ')})
    ORDER BY updated_at DESC, seq DESC)`;

/** rowid → dense code (1…), and code → id; code 0 is "none". */
function dictionary(rows: Array<[number, string]>): { codeOf: Map<number, number>; ids: string[] } {
  const codeOf = new Map<number, number>();
  const ids = [''];
  for (const [rowid, id] of rows) {
    codeOf.set(rowid, ids.length);
    ids.push(id);
  }
  if (ids.length > 0xffff) throw new Error('resource cache: too many zones or categories');
  return { codeOf, ids };
}

function loadColumns(db: Database.Database): ResourceColumns {
  const zones = dictionary(statement<[], [number, string]>(db, 'SELECT rowid, id FROM zones', 'raw').all());
  const categories = dictionary(statement<[], [number, string]>(db, 'SELECT rowid, id FROM resource_categories', 'raw').all());
  const [seqCsv, packedCsv, valueCsv] = statement<string[], [string | null, string | null, string | null]>(db, COLUMNS_SQL, 'raw').get(...COLUMN_PARAMS) ?? [null, null, null];
  const liveSeqs = parseIntList(seqCsv);
  const packed = parseIntList(packedCsv);
  const values = liveSeqs.length === 0 ? [] : (valueCsv ?? '').split(',');
  let maxSeq = 0;
  for (let i = 0; i < liveSeqs.length; i++) if ((liveSeqs[i] as number) > maxSeq) maxSeq = liveSeqs[i] as number;
  // Row of each live seq in the unordered read, then positions in 'updated' order.
  const lookup = new SeqIndex(maxSeq, liveSeqs.length);
  for (let i = 0; i < liveSeqs.length; i++) lookup.set(liveSeqs[i] as number, i);
  const size = liveSeqs.length;
  const seq = new Int32Array(size);
  const zone = new Uint16Array(size);
  const category = new Uint16Array(size);
  const sharing = new Uint8Array(size);
  const status = new Uint8Array(size);
  const instrumentState = new Uint8Array(size);
  const value = new Float64Array(size);
  const placed = new Uint8Array(size);
  let p = 0;
  const place = (row: number) => {
    if (placed[row]) return;
    placed[row] = 1;
    const v = packed[row] as number;
    const low = v % 2 ** 40; // the two rowids
    const high = (v - low) / 2 ** 40; // the three enum codes
    seq[p] = liveSeqs[row] as number;
    zone[p] = zones.codeOf.get(low % ROWID_BITS) ?? 0;
    category[p] = categories.codeOf.get((low - (low % ROWID_BITS)) / ROWID_BITS) ?? 0;
    sharing[p] = high & 7;
    status[p] = (high >>> 3) & 7;
    instrumentState[p] = (high >>> 6) & 7;
    const v0 = values[row] as string;
    value[p] = v0 === '' ? NaN : Number(v0);
    p++;
  };
  const order = parseIntList(statement<string[], string | null>(db, UPDATED_ORDER_SQL, 'pluck').get(...RESOURCE_STATUSES));
  for (let k = 0; k < order.length; k++) {
    const row = lookup.get(order[k] as number);
    if (row >= 0) place(row);
  }
  for (let row = 0; row < size; row++) place(row); // belt and braces: a row the order missed
  const positions = new SeqIndex(maxSeq, size);
  for (let i = 0; i < size; i++) positions.set(seq[i] as number, i);
  return {
    size,
    seq,
    zone,
    category,
    sharing,
    status,
    instrumentState,
    zoneIds: zones.ids,
    categoryIds: categories.ids,
    sharingModes: SHARING_CODES,
    statuses: STATUS_CODES,
    instrumentStates: STATE_CODES,
    positionOf: (s: number) => positions.get(s),
    value,
    titleOrder: null,
    valueOrder: null,
    matches: new Map(),
  };
}
