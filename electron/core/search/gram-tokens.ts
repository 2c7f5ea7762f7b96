/**
 * Writes the distinct gram tokens of one resource as one space-separated string for
 * resource_grams. Two namespaces, both plain lower-case ASCII alphanumerics that unicode61
 * passes through unchanged and that can never spell FTS5 syntax (MATCH strings are built
 * from these tokens only, never from user text):
 *
 *  - literal text (title, organisation, description): every unigram, bigram and trigram,
 *    'g' + 4 hex digits per BMP code point (5, 9 or 13 characters), or 'h' + 6 hex digits
 *    per code point when a gram has one beyond U+FFFF. Trigrams make a query word of up to
 *    3 characters one exact lookup: with bigrams only, 哈尔滨 or 研究院 (11k and 19k of 100k
 *    rows) were verified row by row against the haystack (~2 µs a row: 25–40 ms). 4-grams
 *    would make 有限公司 exact too, but measured they double the FTS build time (the
 *    vocabulary of distinct grams, not the bytes, is the cost);
 *  - pinyin runs of the title and organisation (only a–z): every unigram, bigram and trigram,
 *    'p' + the letters. A vocabulary of at most 26³ terms, so they cost little to index.
 *
 * Distinct grams are found with reused open-addressing hash sets in typed arrays, cleared by
 * bumping a generation stamp, and written as bytes into one buffer: measured several times
 * faster than Sets of strings or sorting, which matters for a 100k-row rebuild.
 */

let capacity = 4096;
// Unigram key: the code point (< 0x10000). Bigram key: (a << 16 | b), ≥ 0x210000 because a
// is never a control character or a space — so both share one table.
let slots = new Uint32Array(capacity);
let stamps = new Uint32Array(capacity);
let unique = new Uint32Array(capacity);
// Trigram key: a (16 bits) and (b << 16 | c), in two parallel int arrays.
let triHigh = new Uint16Array(capacity);
let triLow = new Uint32Array(capacity);
let triStamps = new Uint32Array(capacity);
let triUniqueHigh = new Uint16Array(capacity);
let triUniqueLow = new Uint32Array(capacity);
let out = Buffer.alloc(capacity * 16);
let generation = 0;
let mask = capacity - 1;
let shift = 32 - Math.log2(capacity);
let count = 0;
let triCount = 0;

// Pinyin grams as numbers (a = 1 … z = 26, 5 bits a letter): unigram 1–26, bigram 33–858,
// trigram ≥ 1057 — disjoint ranges below 2^15, so a direct-mapped stamp table will do.
const pinyinStamps = new Uint32Array(1 << 15);
let pinyinGeneration = 0;
let pinyinUnique = new Uint16Array(capacity);
let pinyinCount = 0;

const HEX = Buffer.from('0123456789abcdef', 'latin1');
const G = 0x67; // 'g'
const P = 0x70; // 'p'
const SPACE = 0x20;

function reserve(length: number): void {
  // At most 2 keys per character in one table; keep the tables at most half full.
  let needed = capacity;
  while (needed < length * 4) needed *= 2;
  if (needed === capacity && generation < 0xfffffff0) return;
  capacity = needed;
  slots = new Uint32Array(capacity);
  stamps = new Uint32Array(capacity);
  unique = new Uint32Array(capacity);
  triHigh = new Uint16Array(capacity);
  triLow = new Uint32Array(capacity);
  triStamps = new Uint32Array(capacity);
  triUniqueHigh = new Uint16Array(capacity);
  triUniqueLow = new Uint32Array(capacity);
  pinyinUnique = new Uint16Array(capacity);
  out = Buffer.alloc(capacity * 16); // ≥ 64 bytes a character; a character makes ≤ 30
  generation = 0;
  mask = capacity - 1;
  shift = 32 - Math.log2(capacity);
}

/** All gram tokens, space-separated; grams never span a segment, a run or a space. */
export function gramTokens(segments: readonly string[], pinyinRuns: readonly string[]): string {
  let length = 0;
  for (const s of segments) length += s.length;
  for (const s of pinyinRuns) length += s.length;
  reserve(length);
  generation++;
  count = 0;
  triCount = 0;
  let astral: Set<string> | null = null;
  for (const segment of segments) {
    let prev2 = -1; // the two code points before this one; -1 at a segment start or space
    let prev = -1;
    for (let i = 0; i < segment.length; i++) {
      let cp = segment.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) {
        cp = segment.codePointAt(i) as number;
        if (cp > 0xffff) i++;
      }
      if (cp === 0x20) {
        prev2 = prev = -1;
        continue;
      }
      if (cp > 0xffff || prev > 0xffff || prev2 > 0xffff) {
        // Rare (CJK extension B and beyond, emoji): plain strings in a Set.
        astral ??= new Set();
        if (cp > 0xffff) astral.add(unigramToken(cp));
        else add(cp);
        if (prev >= 0) {
          if (cp > 0xffff || prev > 0xffff) astral.add(bigramToken(prev, cp));
          else add(((prev << 16) | cp) >>> 0);
        }
        if (prev2 >= 0) astral.add(trigramToken(prev2, prev, cp));
      } else {
        add(cp);
        if (prev >= 0) add(((prev << 16) | cp) >>> 0);
        if (prev2 >= 0) addTrigram(prev2, ((prev << 16) | cp) >>> 0);
      }
      prev2 = prev;
      prev = cp;
    }
  }

  addPinyin(pinyinRuns);

  let at = 0;
  for (let i = 0; i < count; i++) {
    const key = unique[i] as number;
    out[at++] = G;
    if (key > 0xffff) at = writeHex4(key >>> 16, at);
    at = writeHex4(key & 0xffff, at);
    out[at++] = SPACE;
  }
  for (let i = 0; i < triCount; i++) {
    const low = triUniqueLow[i] as number;
    out[at++] = G;
    at = writeHex4(triUniqueHigh[i] as number, at);
    at = writeHex4(low >>> 16, at);
    at = writeHex4(low & 0xffff, at);
    out[at++] = SPACE;
  }
  for (let i = 0; i < pinyinCount; i++) {
    const key = pinyinUnique[i] as number;
    out[at++] = P;
    if (key >= 1024) out[at++] = 96 + (key >>> 10);
    if (key >= 32) out[at++] = 96 + ((key >>> 5) & 31);
    out[at++] = 96 + (key & 31);
    out[at++] = SPACE;
  }
  const text = out.toString('latin1', 0, at > 0 ? at - 1 : 0);
  return astral === null ? text : [text, ...astral].filter((t) => t !== '').join(' ');
}

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

function addTrigram(high: number, low: number): void {
  let h = Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> shift;
  while (triStamps[h] === generation) {
    if (triLow[h] === low && triHigh[h] === high) return;
    h = (h + 1) & mask;
  }
  triStamps[h] = generation;
  triHigh[h] = high;
  triLow[h] = low;
  triUniqueHigh[triCount] = high;
  triUniqueLow[triCount++] = low;
}

function addPinyin(runs: readonly string[]): void {
  if (++pinyinGeneration === 0xffffffff) {
    pinyinStamps.fill(0);
    pinyinGeneration = 1;
  }
  pinyinCount = 0;
  for (const run of runs) {
    let pair = 0; // the previous two letters, 5 bits each
    for (let i = 0; i < run.length; i++) {
      const letter = run.charCodeAt(i) - 96; // runs hold only a–z
      addPinyinKey(letter);
      if (i >= 1) addPinyinKey(((pair & 31) << 5) | letter);
      if (i >= 2) addPinyinKey((pair << 5) | letter);
      pair = ((pair & 31) << 5) | letter;
    }
  }
}

function addPinyinKey(key: number): void {
  if (pinyinStamps[key] === pinyinGeneration) return;
  pinyinStamps[key] = pinyinGeneration;
  pinyinUnique[pinyinCount++] = key;
}

// The 4 hex digits of every 16-bit value, precomputed (256 KB): 4 loads instead of shifts.
const HEX4 = new Uint8Array(0x10000 * 4);
for (let v = 0; v < 0x10000; v++) for (let d = 0; d < 4; d++) HEX4[v * 4 + d] = HEX[(v >>> (12 - 4 * d)) & 15] as number;

function writeHex4(v: number, at: number): number {
  const t = v * 4;
  out[at] = HEX4[t] as number;
  out[at + 1] = HEX4[t + 1] as number;
  out[at + 2] = HEX4[t + 2] as number;
  out[at + 3] = HEX4[t + 3] as number;
  return at + 4;
}

function tokenOf(cps: readonly number[]): string {
  return cps.some((cp) => cp > 0xffff)
    ? 'h' + cps.map((cp) => cp.toString(16).padStart(6, '0')).join('')
    : 'g' + cps.map((cp) => cp.toString(16).padStart(4, '0')).join('');
}

/** The token of one code point. */
export function unigramToken(cp: number): string {
  return tokenOf([cp]);
}

/** The token of two adjacent code points. */
export function bigramToken(a: number, b: number): string {
  return tokenOf([a, b]);
}

/** The token of three adjacent code points. */
export function trigramToken(a: number, b: number, c: number): string {
  return tokenOf([a, b, c]);
}

/** The pinyin-namespace token of 1–3 letters. */
export function pinyinToken(letters: string): string {
  return 'p' + letters;
}
