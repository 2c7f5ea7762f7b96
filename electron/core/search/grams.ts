import { bigramToken, gramTokens, pinyinToken, trigramToken, unigramToken } from './gram-tokens';
import { ALNUM_SEPARATOR, normalizeText, SEGMENT_SEPARATOR } from './normalize';
import { pinyinForms, type PinyinForms } from './pinyin';

/**
 * What the index stores for one resource, and the FTS5 expression of a query word.
 *
 * Tokens (gram-tokens.ts): the literal text's unigrams, bigrams and trigrams, and the pinyin
 * runs' unigrams, bigrams and trigrams. So any word of up to 3 characters is an exact token
 * lookup, and a longer one an AND of its trigrams — a superset, verified:
 *  - a word of ASCII letters and digits ("shenyang", "cnas") can only occur inside an alnum
 *    run — an [a-z0-9] run of the text or a pinyin run — and is verified in memory against
 *    the haystack's alnum tail (alnum-store.ts), no SQL round trip per row;
 *  - any other word (Chinese, or with punctuation: 扫描电子显微镜, icp-ms) is verified with
 *    instr() on the haystack in SQL.
 */
export interface SearchDocument {
  /** Space-separated gram tokens for resource_grams. */
  grams: string;
  /** title ␁ organisation ␁ description ␂ alnum runs (␁-separated), all normalized. */
  haystack: string;
  /** Pinyin sort key of the title (resource_haystack.title_key). */
  titleKey: string;
}

export interface SearchableText {
  title: string;
  organisation: string;
  description: string;
}

/** Pinyin of titles and organisations repeats a lot in bulk loads: callers may pass a memo. */
export type PinyinMemo = Map<string, PinyinForms>;

const ALNUM_RUN = /[a-z0-9]+/g;

export function searchDocument(r: SearchableText, memo?: PinyinMemo): SearchDocument {
  const title = normalizeText(r.title);
  const organisation = normalizeText(r.organisation);
  const description = normalizeText(r.description);
  const titlePinyin = memoPinyin(title, memo);
  const orgPinyin = memoPinyin(organisation, memo);
  const literal = [title, organisation, description];
  const pinyin = [...titlePinyin.full, ...titlePinyin.initials, ...orgPinyin.full, ...orgPinyin.initials];
  const alnum = [...pinyin, ...literal.flatMap((segment) => segment.match(ALNUM_RUN) ?? [])];
  return {
    grams: gramTokens(literal, pinyin),
    haystack: literal.join(SEGMENT_SEPARATOR) + ALNUM_SEPARATOR + alnum.join(SEGMENT_SEPARATOR),
    titleKey: titlePinyin.sortKey,
  };
}

function memoPinyin(text: string, memo: PinyinMemo | undefined): PinyinForms {
  if (!memo) return pinyinForms(text);
  let forms = memo.get(text);
  if (!forms) {
    forms = pinyinForms(text);
    memo.set(text, forms);
  }
  return forms;
}

const ALNUM_WORD = /^[a-z0-9]+$/;
const LETTERS = /^[a-z]+$/;

/** Words of ASCII letters and digits are verified in memory (alnum-store.ts). */
export function isAlnumWord(word: string): boolean {
  return ALNUM_WORD.test(word);
}

/**
 * The FTS5 expression every document containing `word` (normalized, no spaces) satisfies,
 * built only from our own quoted tokens: exact for 1–3 characters, a superset beyond. A
 * word of letters may also be pinyin: (literal grams) OR (pinyin grams).
 */
export function wordExpression(word: string): string {
  const cps = Array.from(word, (ch) => ch.codePointAt(0) as number);
  const literal =
    cps.length === 1
      ? [unigramToken(cps[0] as number)]
      : cps.length === 2
        ? [bigramToken(cps[0] as number, cps[1] as number)]
        : distinct(cps.slice(2).map((cp, i) => trigramToken(cps[i] as number, cps[i + 1] as number, cp)));
  if (!LETTERS.test(word)) return and(literal);
  const pinyin = word.length <= 3 ? [pinyinToken(word)] : distinct(Array.from({ length: word.length - 2 }, (_, i) => pinyinToken(word.slice(i, i + 3))));
  return `(${and(literal)} OR ${and(pinyin)})`;
}

/** Whether the tokens prove the word without verification (up to 3 characters they do). */
export function isExactByGrams(word: string): boolean {
  return Array.from(word).length <= 3;
}

function distinct(tokens: string[]): string[] {
  return [...new Set(tokens)];
}

function and(tokens: readonly string[]): string {
  return tokens.length === 1 ? `"${tokens[0]}"` : `(${tokens.map((t) => `"${t}"`).join(' AND ')})`;
}
