import type Database from 'better-sqlite3';
import { searchDocument, type PinyinMemo, type SearchableText } from './grams';
import { dropAlnumStore, markTextChanged } from './alnum-store';
import { invalidateResourceCache } from './resource-cache';
import { forgetTitleOrder } from './sort-orders';

/**
 * Keeps resource_grams (FTS5, rowid = resources.seq) and resource_haystack in step with the
 * resources table. Callers run these inside their own write transaction, so the index never
 * disagrees with a committed row. Invariant: a seq has a grams row iff it has a haystack row
 * (the haystack row tells us whether there is a grams row to delete: deleting a rowid that a
 * contentless FTS5 table never had would still cost a tombstone).
 */
export interface IndexedResource extends SearchableText {
  seq: number;
}

interface Statements {
  has: Database.Statement<[number], number>;
  deleteGrams: Database.Statement<[number]>;
  insertGrams: Database.Statement<[number, string]>;
  upsertHaystack: Database.Statement<[number, string, string]>;
  deleteHaystack: Database.Statement<[number]>;
}

const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      has: db.prepare<[number], number>('SELECT 1 FROM resource_haystack WHERE seq = ?').pluck(),
      deleteGrams: db.prepare<[number]>('DELETE FROM resource_grams WHERE rowid = ?'),
      insertGrams: db.prepare<[number, string]>('INSERT INTO resource_grams (rowid, grams) VALUES (?, ?)'),
      upsertHaystack: db.prepare<[number, string, string]>(
        'INSERT INTO resource_haystack (seq, text, title_key) VALUES (?, ?, ?) ON CONFLICT (seq) DO UPDATE SET text = excluded.text, title_key = excluded.title_key',
      ),
      deleteHaystack: db.prepare<[number]>('DELETE FROM resource_haystack WHERE seq = ?'),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Indexes (or re-indexes) one resource's title, organisation and description. */
export function indexResource(db: Database.Database, r: IndexedResource, memo?: PinyinMemo): void {
  const s = statements(db);
  const doc = searchDocument(r, memo);
  if (s.has.get(r.seq) !== undefined) s.deleteGrams.run(r.seq);
  s.insertGrams.run(r.seq, doc.grams);
  s.upsertHaystack.run(r.seq, doc.haystack, doc.titleKey);
  markTextChanged(db, r.seq);
  forgetTitleOrder(db);
  invalidateResourceCache(db);
}

/** Removes a resource from the index; call before deleting the resources row (foreign key). */
export function unindexResource(db: Database.Database, seq: number): void {
  const s = statements(db);
  if (s.has.get(seq) === undefined) return;
  s.deleteGrams.run(seq);
  s.deleteHaystack.run(seq);
  markTextChanged(db, seq);
  forgetTitleOrder(db);
  invalidateResourceCache(db);
}

const REBUILD_BATCH = 2000;

/**
 * Rebuilds the whole index from the resources table in one transaction (after bulk loads,
 * and by the benchmark), then merges the FTS5 b-trees into one so that queries read a
 * single doclist per token. Returns the number of resources indexed.
 */
export function rebuildResourceIndex(db: Database.Database): number {
  const page = db.prepare<[number, number], IndexedResource>(
    'SELECT seq, title, organisation, description FROM resources WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const s = statements(db);
  // Titles and organisations repeat across a registry; their pinyin is the costly part.
  const memo: PinyinMemo = new Map();
  // FTS5 wants an INTEGER value here; better-sqlite3 binds every JS number as REAL: BigInt.
  const ftsCommand = db.prepare<[string, bigint]>('INSERT INTO resource_grams (resource_grams, rank) VALUES (?, ?)');
  return db.transaction(() => {
    db.prepare("INSERT INTO resource_grams (resource_grams) VALUES ('delete-all')").run();
    db.prepare('DELETE FROM resource_haystack').run();
    // No incremental merging during the bulk load, one merge at the end ('optimize'):
    // measured 25 % less work than FTS5's default automerge for 100k rows.
    ftsCommand.run('automerge', 0n);
    ftsCommand.run('crisismerge', 1000n);
    let count = 0;
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      // Paged, not iterated: better-sqlite3 refuses writes while a read cursor is open.
      const rows = page.all(after, REBUILD_BATCH);
      for (const r of rows) {
        const doc = searchDocument(r, memo);
        s.insertGrams.run(r.seq, doc.grams);
        s.upsertHaystack.run(r.seq, doc.haystack, doc.titleKey);
      }
      count += rows.length;
      if (memo.size > 200_000) memo.clear();
      if (rows.length < REBUILD_BATCH) break;
      after = (rows[rows.length - 1] as IndexedResource).seq;
    }
    db.prepare("INSERT INTO resource_grams (resource_grams) VALUES ('optimize')").run();
    // Back to FTS5's defaults for the one-by-one writes of normal use.
    ftsCommand.run('automerge', 4n);
    ftsCommand.run('crisismerge', 16n);
    dropAlnumStore(db);
    forgetTitleOrder(db);
    invalidateResourceCache(db);
    return count;
  })();
}
