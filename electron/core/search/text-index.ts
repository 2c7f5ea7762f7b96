import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { dropAlnumStore, markTextChanged } from './alnum-store';
import { PinyinMemo, searchDocument, type SearchableText, type SearchDocument } from './grams';

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

/** The SQL of each index's statements (run through the per-connection statement cache). */
function indexSql(index: TextIndexName) {
  const grams = gramsTable(index);
  const haystack = haystackTable(index);
  return {
    has: `SELECT 1 FROM ${haystack} WHERE seq = ?`,
    deleteGrams: `DELETE FROM ${grams} WHERE rowid = ?`,
    insertGrams: `INSERT INTO ${grams} (rowid, grams) VALUES (?, ?)`,
    upsertHaystack: `INSERT INTO ${haystack} (seq, text, title_key) VALUES (?, ?, ?) ON CONFLICT (seq) DO UPDATE SET text = excluded.text, title_key = excluded.title_key`,
    deleteHaystack: `DELETE FROM ${haystack} WHERE seq = ?`,
  };
}
const SQL = Object.fromEntries(TEXT_INDEXES.map((index) => [index, indexSql(index)])) as Record<TextIndexName, ReturnType<typeof indexSql>>;

function statements(db: Database.Database, index: TextIndexName) {
  const sql = SQL[index];
  return {
    has: statement<[number], number>(db, sql.has, 'pluck'),
    deleteGrams: statement<[number]>(db, sql.deleteGrams),
    insertGrams: statement<[number, string]>(db, sql.insertGrams),
    upsertHaystack: statement<[number, string, string]>(db, sql.upsertHaystack),
    deleteHaystack: statement<[number]>(db, sql.deleteHaystack),
  };
}

/** Indexes (or re-indexes) one record's text (staged until the end of a deferred scope, see below). */
export function indexText(db: Database.Database, index: TextIndexName, seq: number, text: SearchableText): void {
  if (deferring.has(db)) {
    statement<[string, number, string, string, string]>(db, STAGE_SQL).run(index, seq, text.title, text.organisation, text.description);
    return;
  }
  writeDocument(db, statements(db, index), index, seq, searchDocument(text));
}

function writeDocument(db: Database.Database, s: ReturnType<typeof statements>, index: TextIndexName, seq: number, doc: SearchDocument): void {
  if (s.has.get(seq) !== undefined) s.deleteGrams.run(seq);
  s.insertGrams.run(seq, doc.grams);
  s.upsertHaystack.run(seq, doc.haystack, doc.titleKey);
  markTextChanged(db, index, seq);
}

/** Removes a record from the index; call before deleting its row (foreign key). Never deferred (see below). */
export function unindexText(db: Database.Database, index: TextIndexName, seq: number): void {
  if (deferring.has(db)) statement<[string, number]>(db, UNSTAGE_SQL).run(index, seq);
  const s = statements(db, index);
  if (s.has.get(seq) === undefined) return;
  s.deleteGrams.run(seq);
  s.deleteHaystack.run(seq);
  markTextChanged(db, index, seq);
}

// ── Deferred index writes (bulk imports) ───────────────────────────────────────────────────

/*
 * Written one by one inside an import, each record's ~500 gram tokens go out to FTS5 as a
 * segment of their own at every savepoint (each imported row has one, so that a failing row
 * leaves nothing), with FTS5's merge work on top, and each record's pinyin is computed while
 * the row is written. In a deferred scope indexText only stages the record's text in a TEMP
 * table of the connection; the scope's end indexes the staged records in one go, as a rebuild
 * does (no savepoints between them, pinyin memoised for the batch) — in the same transaction
 * as the records, so a crash leaves all or nothing. Because the stage is a table, SQLite rolls
 * it back with the savepoint (or the whole run) whose records were rolled back: exactly the
 * surviving records are indexed, each with its last text, whatever the caller's savepoints
 * did — the same index per-record writes would have left. unindexText is never deferred (the
 * row is deleted right after it: foreign key); it also drops the record's staged text.
 *
 * Inside a scope the index lags behind the records until its end: code inside must not
 * search the records it has just written (imports find records by SQL, never through the index).
 */
const deferring = new WeakSet<Database.Database>();

const STAGE_TABLE = 'temp.text_index_stage';
const STAGE_SQL = `INSERT OR REPLACE INTO ${STAGE_TABLE} (name, seq, title, organisation, description) VALUES (?, ?, ?, ?, ?)`;
const UNSTAGE_SQL = `DELETE FROM ${STAGE_TABLE} WHERE name = ? AND seq = ?`;

/**
 * Runs `run` in one transaction (a savepoint inside a caller's) with indexText deferred to its
 * end, as described above. Nested scopes join the outer one.
 */
export function withDeferredTextIndex<T>(db: Database.Database, run: () => T, onIndexing?: (done: number, total: number) => void): T {
  if (deferring.has(db)) return run();
  return db.transaction(() => {
    db.prepare(`CREATE TABLE IF NOT EXISTS ${STAGE_TABLE} (name TEXT NOT NULL, seq INTEGER NOT NULL, title TEXT NOT NULL, organisation TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (name, seq)) WITHOUT ROWID`).run();
    deferring.add(db);
    let result: T;
    try {
      result = run();
    } finally {
      deferring.delete(db);
    }
    writeStaged(db, onIndexing);
    return result;
  })();
}

interface StagedText extends SearchableText {
  name: TextIndexName;
  seq: number;
}

/** How often the batch reports how far it got (a few seconds for 10,000 records). */
const INDEXING_PROGRESS_EVERY = 250;

function writeStaged(db: Database.Database, onIndexing: (done: number, total: number) => void = () => {}): void {
  const staged = db.prepare<[], StagedText>(`SELECT name, seq, title, organisation, description FROM ${STAGE_TABLE} ORDER BY name, seq`).all();
  db.prepare(`DELETE FROM ${STAGE_TABLE}`).run();
  const memo = new PinyinMemo(BULK_MEMO_SIZE); // as a rebuild: the batch's titles and organisations repeat
  let done = 0;
  if (staged.length > 0) onIndexing(0, staged.length);
  for (const index of TEXT_INDEXES) {
    const records = staged.filter((r) => r.name === index);
    if (records.length === 0) continue;
    const s = statements(db, index);
    withFtsOptions(db, index, [BULK_HASHSIZE], () => {
      for (const r of records) {
        writeDocument(db, s, index, r.seq, searchDocument(r, memo));
        if (++done % INDEXING_PROGRESS_EVERY === 0) onIndexing(done, staged.length);
      }
    });
  }
}

/*
 * FTS5 options for writing many records at once. FTS5 buffers pending tokens in memory and
 * writes them out as a new level-0 segment whenever that buffer passes 'hashsize' (1 MB by
 * default): a batch of 10,000 records (~500 tokens each) flushed every megabyte makes dozens
 * of small segments and the merging after them; a larger buffer makes a few — measured ~20 %
 * less FTS5 work for 10,000 records on a 100,000-record index. The options are stored in the
 * index, so they are put back afterwards (FTS5's defaults, for the one-by-one writes of
 * normal use) — in the same transaction, so a rolled-back batch leaves them untouched too.
 */
type FtsOption = readonly [name: 'hashsize' | 'automerge' | 'crisismerge', bulk: bigint, normal: bigint];
const BULK_HASHSIZE: FtsOption = ['hashsize', 16n * 1024n * 1024n, 1024n * 1024n];

function withFtsOptions<T>(db: Database.Database, index: TextIndexName, options: readonly FtsOption[], run: () => T): T {
  const grams = gramsTable(index);
  // FTS5 wants an INTEGER value here; better-sqlite3 binds every JS number as REAL: BigInt.
  const set = statement<[string, bigint]>(db, `INSERT INTO ${grams} (${grams}, rank) VALUES (?, ?)`);
  for (const [name, bulk] of options) set.run(name, bulk);
  try {
    return run();
  } finally {
    for (const [name, , normal] of options) set.run(name, normal);
  }
}

const REBUILD_BATCH = 2000;
/** Pinyin forms remembered during a bulk write (~450 bytes each). */
const BULK_MEMO_SIZE = 200_000;

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
  const memo = new PinyinMemo(BULK_MEMO_SIZE);
  return db.transaction(() => {
    db.prepare(`INSERT INTO ${grams} (${grams}) VALUES ('delete-all')`).run();
    db.prepare(`DELETE FROM ${haystackTable(index)}`).run();
    // No incremental merging during the bulk load, one merge at the end ('optimize'):
    // measured 25 % less work than FTS5's default automerge for 100k rows.
    const count = withFtsOptions(db, index, [['automerge', 0n, 4n], ['crisismerge', 1000n, 16n], BULK_HASHSIZE], () => {
      let written = 0;
      let after = Number.MIN_SAFE_INTEGER;
      for (;;) {
        // Paged, not iterated: better-sqlite3 refuses writes while a read cursor is open.
        const rows = readPage(after, REBUILD_BATCH);
        for (const r of rows) {
          const doc = searchDocument(r, memo);
          s.insertGrams.run(r.seq, doc.grams);
          s.upsertHaystack.run(r.seq, doc.haystack, doc.titleKey);
        }
        written += rows.length;
        if (rows.length < REBUILD_BATCH) break;
        after = (rows[rows.length - 1] as { seq: number }).seq;
      }
      db.prepare(`INSERT INTO ${grams} (${grams}) VALUES ('optimize')`).run();
      return written;
    });
    dropAlnumStore(db, index);
    return count;
  })();
}
