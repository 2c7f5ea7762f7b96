/**
 * Text normalization shared by the indexer and the query side. It is applied one code point
 * at a time (NFKC, then lower case) — deliberately not to the whole string — so it is a
 * homomorphism: if q occurs in t, normalize(q) occurs in normalize(t). That property is
 * what lets the engine promise 100 % recall against a `LIKE '%q%'` scan of the raw columns
 * (whole-string NFKC could compose a base letter with a following accent and lose it).
 */

/** Joins segments in a haystack; normalizeText turns every control character into a space,
 * so no normalized text or query word can ever contain it and no match can span segments. */
export const SEGMENT_SEPARATOR = '\u0001';
/** Ends the literal part of a haystack; the alnum runs follow (see grams.ts). Also a control
 * character, so no normalized text contains it. */
export const ALNUM_SEPARATOR = '\u0002';

// Characters that per-code-point NFKC + lower case leave unchanged and that are common here
// (printable ASCII but A–Z, CJK ideographs, CJK punctuation): the regex engine copies runs of
// them, and only the other characters reach the (cached) per-character mapping.
const NEEDS_MAPPING = /[^ !-@[-`{-~\u3400-\u4dbf\u4e00-\u9fff\u3001\u3002\u300a-\u300f\u3010\u3011\u3014\u3015\u2014\u2018\u2019\u201c\u201d\u00b7]/gu;
const mapped = new Map<string, string>();

function mapCharacter(ch: string): string {
  let m = mapped.get(ch);
  if (m === undefined) {
    // Whitespace and control characters (NUL, the separator…) all become a space.
    m = ch.normalize('NFKC').toLowerCase().replace(/[\s\p{Cc}]+/gu, ' ');
    mapped.set(ch, m);
  }
  return m;
}

/** One character (code point) as normalizeText maps it, before spaces are collapsed. */
export function normalizeCharacter(ch: string): string {
  return NEEDS_MAPPING_ONE.test(ch) ? mapCharacter(ch) : ch;
}
const NEEDS_MAPPING_ONE = new RegExp(NEEDS_MAPPING.source, 'u');

/** NFKC + lower case per code point, whitespace runs collapsed to one space, trimmed. */
export function normalizeText(text: string): string {
  const out = text.replace(NEEDS_MAPPING, mapCharacter);
  return out.includes('  ') || out.startsWith(' ') || out.endsWith(' ') ? out.replace(/ {2,}/g, ' ').trim() : out;
}

/** The distinct normalized words of a query, in order; each must match (AND). */
export function queryWords(query: string): string[] {
  const normalized = normalizeText(query);
  if (normalized === '') return [];
  return [...new Set(normalized.split(' '))];
}
