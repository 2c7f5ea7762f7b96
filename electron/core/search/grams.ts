import { normalizeText, SEGMENT_SEPARATOR } from './normalize';
import { pinyinForms, type PinyinForms } from './pinyin';

/**
 * What the index stores for one resource. Every distinct unigram and bigram of every segment
 * becomes an FTS5 token, so any query of 1 or 2 characters is one token lookup and longer
 * queries are an AND of their bigrams (then verified against the haystack). Grams never
 * span a segment boundary or a space: a query word never contains either.
 *
 * Tokens are plain ASCII alphanumerics that unicode61 passes through unchanged and that
 * cannot spell FTS5 syntax — MATCH strings are built from these tokens only, never from user
 * text: 'g' + 4 hex digits per BMP code point (unigram 5 characters, bigram 9), 'h' + 6 hex
 * digits per code point when a gram has one beyond U+FFFF (7 or 13). Short tokens keep the
 * tokenizer's work, and so the index build, small.
 */
export interface SearchDocument {
  /** Space-separated gram tokens for resource_grams. */
  grams: string;
  /** Normalized segments joined by SEGMENT_SEPARATOR, for exact verification (instr). */
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

export function searchDocument(r: SearchableText, memo?: PinyinMemo): SearchDocument {
  const title = normalizeText(r.title);
  const organisation = normalizeText(r.organisation);
  const description = normalizeText(r.description);
  const titlePinyin = memoPinyin(title, memo);
  const orgPinyin = memoPinyin(organisation, memo);
  // Literal segments first; pinyin segments hold only [a-z], so a query word with any other
  // character can only ever match the literal text, exactly as LIKE would.
  const segments = [title, organisation, description, ...titlePinyin.full, ...titlePinyin.initials, ...orgPinyin.full, ...orgPinyin.initials];
  return { grams: gramTokens(segments), haystack: segments.join(SEGMENT_SEPARATOR), titleKey: titlePinyin.sortKey };
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

// Distinct grams per resource, found with a reused open-addressing hash set (typed arrays,
// cleared by bumping a generation stamp): measured several times faster than a Set or than
// sorting. A BMP unigram key is its code point (< 0x10000); a BMP bigram key is
// (a << 16 | b), at least 0x210000 since a is never a control character or a space.
let capacity = 4096;
let slots = new Uint32Array(capacity);
let stamps = new Uint32Array(capacity);
let generation = 0;
let unique = new Uint32Array(capacity);
let out = Buffer.alloc(capacity * 8);
const HEX = Buffer.from('0123456789abcdef', 'latin1');
const G = 0x67; // 'g'
const SPACE = 0x20;

function reserve(length: number): void {
  // At most 2 grams per character; keep the table at most half full.
  let needed = capacity;
  while (needed < length * 4) needed *= 2;
  if (needed === capacity && generation < 0xfffffff0) return;
  capacity = needed;
  slots = new Uint32Array(capacity);
  stamps = new Uint32Array(capacity);
  unique = new Uint32Array(capacity);
  out = Buffer.alloc(capacity * 8);
  generation = 0;
}

/** The distinct gram tokens of the segments, space-separated; grams never span a segment or a space. */
function gramTokens(segments: readonly string[]): string {
  let length = 0;
  for (const s of segments) length += s.length;
  reserve(length);
  generation++;
  mask = capacity - 1;
  shift = 32 - Math.log2(capacity);
  count = 0;
  let astral: Set<string> | null = null;
  for (const segment of segments) {
    let prev = -1;
    for (let i = 0; i < segment.length; i++) {
      let cp = segment.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) {
        cp = segment.codePointAt(i) as number;
        if (cp > 0xffff) i++;
      }
      if (cp === 0x20) {
        prev = -1;
        continue;
      }
      if (cp > 0xffff || prev > 0xffff) {
        astral ??= new Set();
        if (cp > 0xffff) astral.add(unigramToken(cp));
        else add(cp);
        if (prev >= 0) astral.add(bigramToken(prev, cp));
      } else {
        add(cp);
        if (prev >= 0) add(((prev << 16) | cp) >>> 0);
      }
      prev = cp;
    }
  }
  let at = 0;
  for (let i = 0; i < count; i++) {
    const key = unique[i] as number;
    out[at++] = G;
    if (key > 0xffff) at = writeHex4(key >>> 16, at);
    at = writeHex4(key & 0xffff, at);
    out[at++] = SPACE;
  }
  const text = out.toString('latin1', 0, at > 0 ? at - 1 : 0);
  return astral === null ? text : [text, ...astral].filter((t) => t !== '').join(' ');
}

let mask = 0;
let shift = 0;
let count = 0;

function add(key: number): void {
  let h = Math.imul(key, 0x9e3779b1) >>> shift;
  while (stamps[h] === generation) {
    if (slots[h] === key) return;
    h = (h + 1) & mask;
  }
  stamps[h] = generation;
  slots[h] = key;
  unique[count++] = key;
}

function writeHex4(v: number, at: number): number {
  out[at] = HEX[(v >>> 12) & 15] as number;
  out[at + 1] = HEX[(v >>> 8) & 15] as number;
  out[at + 2] = HEX[(v >>> 4) & 15] as number;
  out[at + 3] = HEX[v & 15] as number;
  return at + 4;
}

function hex4(cp: number): string {
  return cp.toString(16).padStart(4, '0');
}

function unigramToken(cp: number): string {
  return cp > 0xffff ? 'h' + cp.toString(16).padStart(6, '0') : 'g' + hex4(cp);
}

function bigramToken(a: number, b: number): string {
  if (a > 0xffff || b > 0xffff) return 'h' + a.toString(16).padStart(6, '0') + b.toString(16).padStart(6, '0');
  return 'g' + hex4(a) + hex4(b);
}

/**
 * The tokens a query word needs, all of which a matching document contains: its unigram
 * (1 character), its bigram (2), or its distinct bigrams (3+: a superset, to be verified).
 */
export function queryTokens(word: string): string[] {
  const cps = [...word].map((ch) => ch.codePointAt(0) as number);
  if (cps.length === 0) return [];
  if (cps.length === 1) return [unigramToken(cps[0] as number)];
  const tokens = new Set<string>();
  for (let i = 1; i < cps.length; i++) tokens.add(bigramToken(cps[i - 1] as number, cps[i] as number));
  return [...tokens];
}

/** Whether the grams prove the word without verification (1 and 2 characters are exact). */
export function isExactByGrams(word: string): boolean {
  return [...word].length <= 2;
}
