import type Database from 'better-sqlite3';

const prepared = new WeakMap<Database.Database, Database.Statement<[], number>>();

/**
 * PRAGMA data_version: changes whenever ANOTHER connection commits to the file (the browser
 * host and the desktop app may share one), never for this connection's own writes — those
 * invalidate the in-memory caches explicitly.
 */
export function dataVersion(db: Database.Database): number {
  let stmt = prepared.get(db);
  if (!stmt) {
    stmt = db.prepare<[], number>('PRAGMA data_version').pluck();
    prepared.set(db, stmt);
  }
  return stmt.get() as number;
}
