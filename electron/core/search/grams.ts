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

/**
 * Pinyin forms by text. Titles and organisations repeat a lot — a zone's universities and
 * institutes, the same instrument in many zones: about half of an import's pinyin is already
 * known — and pinyin is the costly part of a document. pinyinForms is a pure function of the
 * text, so a memo is always safe. Bounded: when full it starts over, which costs one refill
 * and no bookkeeping per hit.
 */
export class PinyinMemo {
  private readonly forms = new Map<string, PinyinForms>();

  constructor(private readonly capacity: number) {}

  of(text: string): PinyinForms {
    let forms = this.forms.get(text);
    if (!forms) {
      if (this.forms.size >= this.capacity) this.forms.clear();
      forms = pinyinForms(text);
      this.forms.set(text, forms);
    }
    return forms;
  }
}

// For records indexed one by one (forms, imports), for the life of the process: ~450 bytes
// an entry, so ~4 MB at most. A rebuild brings its own, larger one.
const recentPinyin = new PinyinMemo(10_000);

const ALNUM_RUN = /[a-z0-9]+/g;

export function searchDocument(r: SearchableText, memo: PinyinMemo = recentPinyin): SearchDocument {
  const title = normalizeText(r.title);
  const organisation = normalizeText(r.organisation);
  const description = normalizeText(r.description);
  const titlePinyin = memo.of(title);
  const orgPinyin = memo.of(organisation);
  const literal = [title, organisation, description];
  const pinyin = [...titlePinyin.full, ...titlePinyin.initials, ...orgPinyin.full, ...orgPinyin.initials];
  const alnum = [...pinyin, ...literal.flatMap((segment) => segment.match(ALNUM_RUN) ?? [])];
  return {
    grams: gramTokens(literal, pinyin),
    haystack: literal.join(SEGMENT_SEPARATOR) + ALNUM_SEPARATOR + alnum.join(SEGMENT_SEPARATOR),
    titleKey: titlePinyin.sortKey,
  };
}

const ALNUM_WORD = /^[a-z0-9]+$/;
const LETTERS = /^[a-z]+$/;

/** Words of ASCII letters and digits are verified in memory (alnum-store.ts). */
export function isAlnumWord(word: string): boolean {
  return ALNUM_WORD.test(word);
}

/**
 * How a query word may match: as text, or (a word of letters) also as pinyin of a title or
 * organisation — what a user typing in a search box means. Matching listings and resources
 * asks for the text only: a tag "AI" is the letters A I, not the "ai" inside 材料's cailiao.
 */
export interface MatchOptions {
  pinyin: boolean;
}
export const TEXT_OR_PINYIN: MatchOptions = { pinyin: true };
export const TEXT_ONLY: MatchOptions = { pinyin: false };

/**
 * The FTS5 expression every document containing `word` (normalized, no spaces) satisfies,
 * built only from our own quoted tokens: exact for 1–3 characters, a superset beyond. A
 * word of letters may also be pinyin: (literal grams) OR (pinyin grams).
 */
export function wordExpression(word: string, options: MatchOptions = TEXT_OR_PINYIN): string {
  const cps = Array.from(word, (ch) => ch.codePointAt(0) as number);
  const literal =
    cps.length === 1
      ? [unigramToken(cps[0] as number)]
      : cps.length === 2
        ? [bigramToken(cps[0] as number, cps[1] as number)]
        : distinct(cps.slice(2).map((cp, i) => trigramToken(cps[i] as number, cps[i + 1] as number, cp)));
  if (!options.pinyin || !LETTERS.test(word)) return and(literal);
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
