import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per connection and SQL text, for statements that run often (per
 * record written, per search). better-sqlite3 has no cache of its own, and compiling a
 * statement often costs more than running it (a 29-column INSERT: ~90 µs to prepare, ~35 µs
 * to run) — on a path that runs per row, like an import, that dominated. One-off statements
 * (migrations, a rebuild's commands) may just call db.prepare.
 *
 * A statement is shared by every caller with the same SQL and mode, so callers must not
 * change its mode (pluck/raw: ask for the mode here instead) nor iterate it (a statement
 * being iterated is busy for everyone else). Released with the connection (WeakMap).
 */
export type StatementMode = 'rows' | 'pluck' | 'raw';

// Dynamic SQL (an UPDATE of the changed columns) could grow the cache without end: past this
// many, the least recently used statement is dropped (and finalized when garbage collected).
const MAX_PER_CONNECTION = 500;

const caches = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

export function statement<P extends unknown[] | object = unknown[], R = unknown>(
  db: Database.Database,
  sql: string,
  mode: StatementMode = 'rows',
): P extends unknown[] ? Database.Statement<P, R> : Database.Statement<[P], R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = mode === 'rows' ? sql : `${mode}\u0000${sql}`;
  let stmt = cache.get(key);
  if (stmt) {
    cache.delete(key); // re-insert: Map order is the LRU order
  } else {
    stmt = db.prepare(sql);
    if (mode === 'pluck') stmt.pluck();
    if (mode === 'raw') stmt.raw();
    if (cache.size >= MAX_PER_CONNECTION) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, stmt);
  return stmt as never;
}
