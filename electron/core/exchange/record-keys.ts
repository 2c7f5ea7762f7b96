import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import type { RecordKind, Row } from './record-kinds';

/**
 * How a record is named inside the exchange. Most tables have an `id`; a few are keyed by
 * several columns (an indicator value by zone, year and indicator) and are named by the JSON
 * list of those values — the same text SQLite's json_array() gives the change-log triggers.
 */

export const keyColumnsOf = (kind: RecordKind): readonly string[] => kind.key ?? ['id'];

export function keyOf(kind: RecordKind, row: Row): string {
  return kind.key ? JSON.stringify(kind.key.map((c) => row[c] ?? null)) : String(row.id);
}

/** The key's columns and values, from a key made by keyOf (or by a trigger). */
export function keyRow(kind: RecordKind, key: string): Row {
  if (!kind.key) return { id: key };
  const values = JSON.parse(key) as unknown[];
  return Object.fromEntries(kind.key.map((c, i) => [c, values[i] ?? null]));
}

// The WHERE clause naming one row by its key, per kind (the SQL text is the statement cache's key).
const whereKey = new Map<RecordKind, string>();
function keyWhere(kind: RecordKind): string {
  let where = whereKey.get(kind);
  if (where === undefined) whereKey.set(kind, (where = keyColumnsOf(kind).map((c) => `${c} = ?`).join(' AND ')));
  return where;
}

export function selectByKey(db: Database.Database, kind: RecordKind, key: string): Row | undefined {
  const row = keyRow(kind, key);
  return statement<unknown[], Row>(db, `SELECT * FROM ${kind.table} WHERE ${keyWhere(kind)}`).get(...keyColumnsOf(kind).map((c) => row[c]));
}

export function deleteByKey(db: Database.Database, kind: RecordKind, key: string): void {
  const row = keyRow(kind, key);
  statement<unknown[]>(db, `DELETE FROM ${kind.table} WHERE ${keyWhere(kind)}`).run(...keyColumnsOf(kind).map((c) => row[c]));
}
