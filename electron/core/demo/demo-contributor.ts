import type Database from 'better-sqlite3';
import type { Actor } from '../records';

/** One module's share of the demo set. Each module that has records adds one. */
export interface DemoContributor {
  entity: string;
  load(db: Database.Database, actor: Actor): number;
  /** Hard-deletes this module's demo rows (they were never real data). */
  remove(db: Database.Database): number;
}
