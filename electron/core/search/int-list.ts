/**
 * Reading many integers out of SQLite quickly. better-sqlite3 pays roughly a microsecond
 * per returned row, so a list of 100k seqs costs ~20 ms as rows; as ONE group_concat()
 * string parsed here it costs a fraction of that (measured on 100k resources). The bytes
 * are parsed from a Buffer: measured 3× faster than charCodeAt() on the string.
 */

/** Parses group_concat()'s comma-separated non-negative integers (null: none). */
export function parseIntList(csv: string | null | undefined): Float64Array {
  if (!csv) return new Float64Array(0);
  const bytes = Buffer.from(csv, 'latin1');
  const out = new Float64Array((bytes.length >>> 1) + 1); // every number takes ≥ 2 bytes but the last
  let k = 0;
  let v = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  out[k++] = v;
  return out.subarray(0, k);
}
