import type Database from 'better-sqlite3';
import { isExactByGrams, queryTokens } from './grams';

/**
 * The seqs whose indexed text contains every query word (each as a plain substring of a
 * title, organisation or description, or of a title's / organisation's pinyin or initials).
 *
 * One statement: FTS5 narrows to the rows holding all of the words' grams — exact for words
 * of 1 or 2 characters — and instr() on the haystack confirms longer words. The MATCH string
 * is made only of our own quoted hex tokens, so no user text can reach FTS5's query syntax.
 */
export function matchingSeqs(db: Database.Database, words: readonly string[]): number[] {
  const tokens = new Set<string>();
  for (const word of words) for (const token of queryTokens(word)) tokens.add(token);
  if (tokens.size === 0) return [];
  const match = [...tokens].map((t) => `"${t}"`).join(' AND ');
  const verify = words.filter((w) => !isExactByGrams(w));
  return statement(db, verify.length).all(match, ...verify);
}

const prepared = new WeakMap<Database.Database, Map<number, Database.Statement<string[], number>>>();

/** One prepared statement per number of words to verify; only that count shapes the SQL. */
function statement(db: Database.Database, verifyCount: number): Database.Statement<string[], number> {
  let byCount = prepared.get(db);
  if (!byCount) {
    byCount = new Map();
    prepared.set(db, byCount);
  }
  let stmt = byCount.get(verifyCount);
  if (!stmt) {
    const sql =
      verifyCount === 0
        ? 'SELECT rowid FROM resource_grams WHERE resource_grams MATCH ?'
        : // CROSS JOIN pins the order: FTS5 first, then one haystack lookup per candidate.
          `SELECT g.rowid FROM resource_grams g CROSS JOIN resource_haystack h ON h.seq = g.rowid
           WHERE g.resource_grams MATCH ?${' AND instr(h.text, ?) > 0'.repeat(verifyCount)}`;
    stmt = db.prepare<string[], number>(sql).pluck();
    byCount.set(verifyCount, stmt);
  }
  return stmt;
}
