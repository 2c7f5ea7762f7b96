import type Database from 'better-sqlite3';
import { statement } from '../db/statements';

/**
 * Ids as they travel. A record made by a user has a ULID, the same everywhere. A seeded one
 * (the built-in roster, the default categories) got a random id on each installation, so it
 * travels as its kind and code — zone:HRB — and each side maps that to its own row, once
 * (sync_ids pins the mapping, so a later change of code does not break it).
 */

const SEEDED: Readonly<Record<string, string>> = {
  zone: 'zones',
  resource_category: 'resource_categories',
  scenario_category: 'scenario_categories',
  event_type: 'event_types',
  indicator_def: 'indicator_defs',
};

export function globalIdOf(db: Database.Database, kind: string, localId: string): string {
  const pinned = statement<[string, string], string>(db, 'SELECT global_id FROM sync_ids WHERE kind = ? AND local_id = ?', 'pluck').get(kind, localId);
  if (pinned) return pinned;
  const table = SEEDED[kind];
  if (!table) return localId;
  const seed = statement<[string], { code: string }>(db, `SELECT code FROM ${table} WHERE id = ? AND created_by LIKE '系统%'`).get(localId);
  if (!seed) return localId;
  const globalId = `${kind}:${seed.code}`;
  pin(db, kind, localId, globalId);
  return globalId;
}

/** The local id for a global one: the same id, or the seeded row with that code here; null when a seeded code is unknown here. */
export function localIdOf(db: Database.Database, kind: string, globalId: string): string | null {
  const pinned = statement<[string, string], string>(db, 'SELECT local_id FROM sync_ids WHERE kind = ? AND global_id = ?', 'pluck').get(kind, globalId);
  if (pinned) return pinned;
  const table = SEEDED[kind];
  const prefix = `${kind}:`;
  if (!table || !globalId.startsWith(prefix)) return globalId;
  const localId = statement<[string], string>(db, `SELECT id FROM ${table} WHERE code = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1`, 'pluck').get(globalId.slice(prefix.length));
  if (!localId) return null;
  pin(db, kind, localId, globalId);
  return localId;
}

/** Pinned only inside a write (an export, an import): checking a file that is then refused writes nothing. */
function pin(db: Database.Database, kind: string, localId: string, globalId: string): void {
  if (!db.inTransaction) return;
  statement<[string, string, string]>(db, 'INSERT OR IGNORE INTO sync_ids (kind, local_id, global_id) VALUES (?, ?, ?)').run(kind, localId, globalId);
}
