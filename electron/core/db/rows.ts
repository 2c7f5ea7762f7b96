import type Database from 'better-sqlite3';
import { statement } from './statements';

/** Tables whose rows carry the shared record columns (id, version, deleted_at …). */
export type RecordTable = 'zones' | 'resources' | 'sharing_requests' | 'scenarios' | 'scenario_applications' | 'events' | 'event_registrations' | 'plan_work_items';

/**
 * Inserts one row, columns named by the object's keys. Keys come from our own row types,
 * never from user input (inputs are parsed by strict schemas first); values are bound.
 */
export function insertRow(db: Database.Database, table: RecordTable, row: object): Database.RunResult {
  const columns = Object.keys(row);
  return statement(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(row);
}

/**
 * Writes the given columns and bumps the version — only if the row is live and still at
 * `version` (optimistic concurrency: a stale edit changes nothing and returns false).
 */
export function updateVersionedRow(db: Database.Database, table: RecordTable, id: string, version: number, changes: object): boolean {
  const sets = Object.keys(changes).map((c) => `${c} = @${c}`);
  const result = statement(db, `UPDATE ${table} SET ${sets.join(', ')}, version = version + 1 WHERE id = @id AND version = @expected AND deleted_at IS NULL`).run({
    ...changes,
    id,
    expected: version,
  });
  return result.changes === 1;
}
