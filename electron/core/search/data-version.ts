import type Database from 'better-sqlite3';
import { statement } from '../db/statements';

/**
 * PRAGMA data_version: changes whenever ANOTHER connection commits to the file (the browser
 * host and the desktop app may share one), never for this connection's own writes — those
 * invalidate the in-memory caches explicitly.
 */
export function dataVersion(db: Database.Database): number {
  return statement<[], number>(db, 'PRAGMA data_version', 'pluck').get() as number;
}

/**
 * A key that changes with ANY committed or pending write, this connection's (total_changes())
 * or another's (data_version): a cache stamped with it needs no explicit invalidation, at
 * the price of a reload after every write. For small tables read often (the listings).
 */
export function changeStamp(db: Database.Database): string {
  return statement<[], string>(db, "SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version())", 'pluck').get() as string;
}
