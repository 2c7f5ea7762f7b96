import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { alnumMatches } from './alnum-store';
import { isAlnumWord, isExactByGrams, TEXT_OR_PINYIN, wordExpression, type MatchOptions } from './grams';
import { parseIntList } from './int-list';
import { gramsTable, haystackTable, type TextIndexName } from './text-index';

/**
 * The seqs whose text contains every query word: each word as a plain substring of a title,
 * organisation or description — or, for a word of letters and unless `options` says text
 * only, of a title's or organisation's pinyin or initials.
 *
 * One FTS5 statement narrows to the rows holding all of the words' grams (exact for words of
 * up to 3 characters); in the same statement instr() on the haystack confirms longer words
 * with other characters, and the in-memory alnum store confirms longer words of letters and
 * digits (or, text only, instr() on the haystack's literal part: the alnum runs hold pinyin
 * too). The MATCH string is made only of our own quoted tokens: no user text can reach
 * FTS5's query syntax. `keep`: false inside a caller's transaction (see alnum-store.ts).
 */
export function matchingSeqs(db: Database.Database, index: TextIndexName, words: readonly string[], keep: boolean, options: MatchOptions = TEXT_OR_PINYIN): ArrayLike<number> {
  const match = words.map((w) => wordExpression(w, options)).join(' AND ');
  const long = words.filter((w) => !isExactByGrams(w));
  const inSql = options.pinyin ? long.filter((w) => !isAlnumWord(w)) : long;
  const inMemory = options.pinyin ? long.filter(isAlnumWord) : [];
  const candidates = parseIntList(statement<string[], string | null>(db, matchSql(index, inSql.length, options), 'pluck').get(match, ...inSql));
  return inMemory.length === 0 || candidates.length === 0 ? candidates : alnumMatches(db, index, inMemory, keep, candidates);
}

/**
 * The SQL for an index and the number of words verified in SQL; only those shape it. A word
 * with other characters than letters and digits cannot occur in the haystack's alnum part,
 * so the whole haystack will do; a text-only word is looked for in the literal part (before
 * ␂) alone, which costs a substr() per candidate.
 */
function matchSql(index: TextIndexName, verifyCount: number, options: MatchOptions): string {
  const grams = gramsTable(index);
  const text = options.pinyin ? 'h.text' : 'substr(h.text, 1, instr(h.text, char(2)))';
  return verifyCount === 0
    ? `SELECT group_concat(rowid) FROM ${grams} WHERE ${grams} MATCH ?`
    : // CROSS JOIN pins the order: FTS5 first, then one haystack lookup per candidate.
      `SELECT group_concat(g.rowid) FROM ${grams} g CROSS JOIN ${haystackTable(index)} h ON h.seq = g.rowid
       WHERE g.${grams} MATCH ?${` AND instr(${text}, ?) > 0`.repeat(verifyCount)}`;
}
