import type Database from 'better-sqlite3';
import { dropAlnumStore, markTextChanged } from './alnum-store';
import { searchDocument, type PinyinMemo, type SearchableText } from './grams';

/**
 * The one text index, kept for each searchable record family: `<name>_grams` (FTS5, rowid =
 * the record's seq) and `<name>_haystack` (the normalized text, to verify longer words and
 * sort by title). Same tokens, same query, same verification for every family — the
 * registry's resources and the scenario listings search alike.
 *
 * Callers run these inside their own write transaction, so the index never disagrees with
 * a committed row. Invariant: a seq has a grams row iff it has a haystack row (the haystack
 * row tells whether there is a grams row to delete: deleting a rowid that a contentless
 * FTS5 table never had would still cost a tombstone).
 */
export const TEXT_INDEXES = ['resource', 'scenario', 'event'] as const;
export type TextIndexName = (typeof TEXT_INDEXES)[number];

export const gramsTable = (index: TextIndexName) => `${index}_grams` as const;
export const haystackTable = (index: TextIndexName) => `${index}_haystack` as const;

interface Statements {
  has: Database.Statement<[number], number>;
  deleteGrams: Database.Statement<[number]>;
  insertGrams: Database.Statement<[number, string]>;
  upsertHaystack: Database.Statement<[number, string, string]>;
  deleteHaystack: Database.Statement<[number]>;
}

const prepared = new WeakMap<Database.Database, Map<TextIndexName, Statements>>();

function statements(db: Database.Database, index: TextIndexName): Statements {
  let byIndex = prepared.get(db);
  if (!byIndex) prepared.set(db, (byIndex = new Map()));
  let s = byIndex.get(index);
  if (!s) {
    const grams = gramsTable(index);
    const haystack = haystackTable(index);
    s = {
      has: db.prepare<[number], number>(`SELECT 1 FROM ${haystack} WHERE seq = ?`).pluck(),
      deleteGrams: db.prepare<[number]>(`DELETE FROM ${grams} WHERE rowid = ?`),
      insertGrams: db.prepare<[number, string]>(`INSERT INTO ${grams} (rowid, grams) VALUES (?, ?)`),
      upsertHaystack: db.prepare<[number, string, string]>(
        `INSERT INTO ${haystack} (seq, text, title_key) VALUES (?, ?, ?) ON CONFLICT (seq) DO UPDATE SET text = excluded.text, title_key = excluded.title_key`,
      ),
      deleteHaystack: db.prepare<[number]>(`DELETE FROM ${haystack} WHERE seq = ?`),
    };
    byIndex.set(index, s);
  }
  return s;
}

/** Indexes (or re-indexes) one record's text. */
export function indexText(db: Database.Database, index: TextIndexName, seq: number, text: SearchableText, memo?: PinyinMemo): void {
  const s = statements(db, index);
  const doc = searchDocument(text, memo);
  if (s.has.get(seq) !== undefined) s.deleteGrams.run(seq);
  s.insertGrams.run(seq, doc.grams);
  s.upsertHaystack.run(seq, doc.haystack, doc.titleKey);
  markTextChanged(db, index, seq);
}

/** Removes a record from the index; call before deleting its row (foreign key). */
export function unindexText(db: Database.Database, index: TextIndexName, seq: number): void {
  const s = statements(db, index);
  if (s.has.get(seq) === undefined) return;
  s.deleteGrams.run(seq);
  s.deleteHaystack.run(seq);
  markTextChanged(db, index, seq);
}

const REBUILD_BATCH = 2000;

/**
 * Rebuilds a whole index in one transaction (after bulk loads, and by the benchmark), then
 * merges the FTS5 b-trees into one so that queries read a single doclist per token.
 * `readPage(after, limit)` returns the next records by seq. Returns the number indexed.
 */
export function rebuildTextIndex(
  db: Database.Database,
  index: TextIndexName,
  readPage: (afterSeq: number, limit: number) => Array<SearchableText & { seq: number }>,
): number {
  const s = statements(db, index);
  const grams = gramsTable(index);
  // Titles and organisations repeat across a registry; their pinyin is the costly part.
  const memo: PinyinMemo = new Map();
  // FTS5 wants an INTEGER value here; better-sqlite3 binds every JS number as REAL: BigInt.
  const ftsCommand = db.prepare<[string, bigint]>(`INSERT INTO ${grams} (${grams}, rank) VALUES (?, ?)`);
  return db.transaction(() => {
    db.prepare(`INSERT INTO ${grams} (${grams}) VALUES ('delete-all')`).run();
    db.prepare(`DELETE FROM ${haystackTable(index)}`).run();
    // No incremental merging during the bulk load, one merge at the end ('optimize'):
    // measured 25 % less work than FTS5's default automerge for 100k rows.
    ftsCommand.run('automerge', 0n);
    ftsCommand.run('crisismerge', 1000n);
    let count = 0;
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      // Paged, not iterated: better-sqlite3 refuses writes while a read cursor is open.
      const rows = readPage(after, REBUILD_BATCH);
      for (const r of rows) {
        const doc = searchDocument(r, memo);
        s.insertGrams.run(r.seq, doc.grams);
        s.upsertHaystack.run(r.seq, doc.haystack, doc.titleKey);
      }
      count += rows.length;
      if (memo.size > 200_000) memo.clear();
      if (rows.length < REBUILD_BATCH) break;
      after = (rows[rows.length - 1] as { seq: number }).seq;
    }
    db.prepare(`INSERT INTO ${grams} (${grams}) VALUES ('optimize')`).run();
    // Back to FTS5's defaults for the one-by-one writes of normal use.
    ftsCommand.run('automerge', 4n);
    ftsCommand.run('crisismerge', 16n);
    dropAlnumStore(db, index);
    return count;
  })();
}
