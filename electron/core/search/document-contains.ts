import { isAlnumWord, TEXT_OR_PINYIN, type MatchOptions } from './grams';
import { ALNUM_SEPARATOR } from './normalize';

/**
 * Whether one indexed document (its haystack row) contains every word — exactly what
 * matchingSeqs() decides for a whole index, decided for one document: a word of letters
 * and digits against the alnum runs (literal runs, title and organisation pinyin) unless
 * `options` says text only, any other word against the literal text. Words come from
 * queryWords() (normalized). For checking one record against many short queries (the
 * listings a resource could serve) without a query per listing.
 */
export function documentContains(haystack: string, words: readonly string[], options: MatchOptions = TEXT_OR_PINYIN): boolean {
  const split = haystack.indexOf(ALNUM_SEPARATOR);
  const literal = split < 0 ? haystack : haystack.slice(0, split);
  const alnum = split < 0 ? '' : haystack.slice(split + 1);
  return words.every((w) => (options.pinyin && isAlnumWord(w) ? alnum.includes(w) : literal.includes(w)));
}
