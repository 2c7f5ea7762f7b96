import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { dataVersion as readDataVersion } from './data-version';
import { parseIntList } from './int-list';
import { SeqIndex } from './seq-index';
import { haystackTable, type TextIndexName } from './text-index';

/**
 * The alnum runs of every record of a text index in memory — the pinyin runs of its title and
 * organisation and the [a-z0-9] runs of its text, the haystack's tail: ~120 one-byte
 * characters a resource, ~12 MB for 100k — to verify words of ASCII letters and digits
 * longer than the trigram tokens prove. Pinyin words match ~10k rows each ("shenyang",
 * "changchun"); verifying them with instr() in SQL cost ~2 µs a row (40+ ms a query),
 * here ~0.1 µs.
 *
 * Kept across writes: indexResource marks the seqs it touched, and only those are re-read
 * (after their transaction, so a rollback never leaves a stale entry). A write by another
 * connection changes PRAGMA data_version and reloads everything.
 */
interface AlnumStore {
  dataVersion: number;
  seqs: number[];
  texts: string[];
  indexOf: SeqIndex;
  dirty: Set<number>;
}

const stores = new WeakMap<Database.Database, Map<TextIndexName, AlnumStore>>();

function storesOf(db: Database.Database): Map<TextIndexName, AlnumStore> {
  let byIndex = stores.get(db);
  if (!byIndex) stores.set(db, (byIndex = new Map()));
  return byIndex;
}

/** Called by the indexer for every seq whose text changed (or vanished). */
export function markTextChanged(db: Database.Database, index: TextIndexName, seq: number): void {
  stores.get(db)?.get(index)?.dirty.add(seq);
}

/** Called after a rebuild: everything changed. */
export function dropAlnumStore(db: Database.Database, index: TextIndexName): void {
  stores.get(db)?.delete(index);
}

// The tail of the haystack after ␂ (ALNUM_SEPARATOR); rows joined by ␃, which no text has.
const loadSql = (index: TextIndexName) =>
  `SELECT group_concat(seq), group_concat(substr(text, instr(text, char(2)) + 1), char(3)) FROM ${haystackTable(index)}`;
const patchSql = (index: TextIndexName) =>
  `SELECT seq, substr(text, instr(text, char(2)) + 1) FROM ${haystackTable(index)} WHERE seq IN (SELECT value FROM json_each(?))`;

/**
 * Those of the candidate seqs whose alnum runs contain every word. `keep`: false inside a
 * caller's transaction, whose uncommitted state must not outlive it.
 */
export function alnumMatches(db: Database.Database, index: TextIndexName, words: readonly string[], keep: boolean, candidates: ArrayLike<number>): number[] {
  const { texts, seqs, indexOf } = currentStore(db, index, keep);
  const out: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const i = indexOf.get(candidates[k] as number);
    if (i < 0) continue;
    const text = texts[i] as string;
    let all = true;
    for (let w = 0; w < words.length && all; w++) all = text.includes(words[w] as string);
    if (all) out.push(seqs[i] as number);
  }
  return out;
}

function currentStore(db: Database.Database, index: TextIndexName, keep: boolean): AlnumStore {
  const dataVersion = readDataVersion(db);
  const byIndex = storesOf(db);
  let store = byIndex.get(index);
  if (!store || store.dataVersion !== dataVersion) {
    store = load(db, index, dataVersion);
    if (keep) byIndex.set(index, store);
    else byIndex.delete(index);
    return store;
  }
  if (store.dirty.size === 0) return store;
  if (keep) {
    patch(db, index, store, store.dirty);
    store.dirty.clear();
    return store;
  }
  // Inside a caller's transaction: patch a copy, keep the dirty marks for later.
  const copy: AlnumStore = { ...store, seqs: [...store.seqs], texts: [...store.texts], indexOf: rebuildIndex(store.seqs), dirty: new Set() };
  patch(db, index, copy, store.dirty);
  return copy;
}

function load(db: Database.Database, index: TextIndexName, dataVersion: number): AlnumStore {
  const [seqCsv, textsJoined] = statement<[], [string | null, string | null]>(db, loadSql(index), 'raw').get() ?? [null, null];
  const seqs = Array.from(parseIntList(seqCsv));
  const texts = seqs.length === 0 ? [] : (textsJoined ?? '').split('\u0003');
  if (texts.length !== seqs.length) throw new Error('alnum store: seqs and texts disagree');
  return { dataVersion, seqs, texts, indexOf: rebuildIndex(seqs), dirty: new Set() };
}

function rebuildIndex(seqs: readonly number[]): SeqIndex {
  let maxSeq = 0;
  for (const s of seqs) if (s > maxSeq) maxSeq = s;
  const index = new SeqIndex(maxSeq, seqs.length);
  for (let i = 0; i < seqs.length; i++) index.set(seqs[i] as number, i);
  return index;
}

function patch(db: Database.Database, index: TextIndexName, store: AlnumStore, changed: ReadonlySet<number>): void {
  const fresh = new Map(statement<[string], [number, string]>(db, patchSql(index), 'raw').all(JSON.stringify([...changed])));
  for (const seq of changed) {
    const text = fresh.get(seq) ?? ''; // gone: an empty text matches nothing
    const i = store.indexOf.get(seq);
    if (i >= 0) store.texts[i] = text;
    else if (text !== '') {
      store.indexOf.set(seq, store.seqs.length);
      store.seqs.push(seq);
      store.texts.push(text);
    }
  }
}
