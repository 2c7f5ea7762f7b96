import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { dataVersion as readDataVersion } from './data-version';
import { parseIntList } from './int-list';
import type { ResourceColumns } from './resource-cache';

/**
 * The title order as seqs, kept across column rebuilds: it costs a sort of the whole
 * haystack (~120 ms for 100k), and only a changed text (indexResource, unindexResource) or
 * another connection's write can change it — not the status changes that rebuild columns.
 */
interface TitleOrder {
  seqs: Float64Array;
  dataVersion: number;
}
const titleOrders = new WeakMap<Database.Database, TitleOrder>();

/** Called by the indexer when a title may have changed or a resource came or went. */
export function forgetTitleOrder(db: Database.Database): void {
  titleOrders.delete(db);
}

const TITLE_ORDER_SQL = 'SELECT group_concat(seq) FROM (SELECT seq FROM resource_haystack ORDER BY title_key, seq)';

/** Positions by the title's pinyin key (ties: seq). `keep`: false inside a caller's transaction,
 * which may still roll back: then nothing is remembered. */
export function titleOrder(db: Database.Database, columns: ResourceColumns, keep: boolean): Int32Array {
  if (columns.titleOrder) return columns.titleOrder;
  const version = readDataVersion(db);
  let order = titleOrders.get(db);
  if (!order || order.dataVersion !== version) {
    order = { seqs: parseIntList(statement<[], string | null>(db, TITLE_ORDER_SQL, 'pluck').get()), dataVersion: version };
    if (keep) titleOrders.set(db, order);
  }
  columns.titleOrder = completeOrder(columns, order.seqs);
  return columns.titleOrder;
}

/** Positions by original_value descending, ties (and no value, last) in 'updated' order. */
export function valueOrder(columns: ResourceColumns): Int32Array {
  if (columns.valueOrder) return columns.valueOrder;
  const v = columns.value;
  const withValue: number[] = [];
  const without: number[] = [];
  for (let p = 0; p < columns.size; p++) (Number.isNaN(v[p]) ? without : withValue).push(p);
  withValue.sort((a, b) => (v[b] as number) - (v[a] as number) || a - b);
  columns.valueOrder = Int32Array.from([...withValue, ...without]);
  return columns.valueOrder;
}

/** Maps an ordered seq list to positions, then appends every position it missed (in
 * 'updated' order): a row without a haystack, or one that came after the list was read. */
function completeOrder(columns: ResourceColumns, seqs: Float64Array): Int32Array {
  const seen = new Uint8Array(columns.size);
  const out = new Int32Array(columns.size);
  let n = 0;
  for (let k = 0; k < seqs.length; k++) {
    const p = columns.positionOf(seqs[k] as number);
    if (p < 0 || seen[p]) continue;
    seen[p] = 1;
    out[n++] = p;
  }
  for (let p = 0; p < columns.size; p++) if (!seen[p]) out[n++] = p;
  return out;
}
