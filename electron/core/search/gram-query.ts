import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { alnumMatches } from './alnum-store';
import { isAlnumWord, isExactByGrams, wordExpression } from './grams';
import { parseIntList } from './int-list';
import { gramsTable, haystackTable, type TextIndexName } from './text-index';

/**
 * The seqs whose text contains every query word: each word as a plain substring of a title,
 * organisation or description — or, for a word of letters, of a title's or organisation's
 * pinyin or initials.
 *
 * One FTS5 statement narrows to the rows holding all of the words' grams (exact for words of
 * up to 3 characters); in the same statement instr() on the haystack confirms longer words
 * with other characters, and the in-memory alnum store confirms longer words of letters and
 * digits. The MATCH string is made only of our own quoted tokens: no user text can reach
 * FTS5's query syntax. `keep`: false inside a caller's transaction (see alnum-store.ts).
 */
export function matchingSeqs(db: Database.Database, index: TextIndexName, words: readonly string[], keep: boolean): ArrayLike<number> {
  const match = words.map(wordExpression).join(' AND ');
  const long = words.filter((w) => !isExactByGrams(w));
  const inSql = long.filter((w) => !isAlnumWord(w));
  const inMemory = long.filter(isAlnumWord);
  const candidates = parseIntList(statement<string[], string | null>(db, matchSql(index, inSql.length), 'pluck').get(match, ...inSql));
  return inMemory.length === 0 || candidates.length === 0 ? candidates : alnumMatches(db, index, inMemory, keep, candidates);
}

/** The SQL for an index and a number of words verified in SQL; only those shape it. */
function matchSql(index: TextIndexName, verifyCount: number): string {
  const grams = gramsTable(index);
  return verifyCount === 0
    ? `SELECT group_concat(rowid) FROM ${grams} WHERE ${grams} MATCH ?`
    : // CROSS JOIN pins the order: FTS5 first, then one haystack lookup per candidate.
      `SELECT group_concat(g.rowid) FROM ${grams} g CROSS JOIN ${haystackTable(index)} h ON h.seq = g.rowid
       WHERE g.${grams} MATCH ?${' AND instr(h.text, ?) > 0'.repeat(verifyCount)}`;
}
