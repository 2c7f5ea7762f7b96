import { match as pinyinMatch } from 'pinyin-pro';

/**
 * Whether `query` finds any of `texts` the way a Chinese user expects: a plain substring
 * (any length, case-insensitive), or full pinyin / initials of the text (haerbin, hrb).
 * Used for small in-memory lists; large tables get the indexed search engine.
 */
export function matchesQuery(texts: readonly string[], query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (texts.some((t) => t.toLowerCase().includes(q))) return true;
  if (!/^[a-z]+$/.test(q.replace(/\s+/g, ''))) return false;
  const letters = q.replace(/\s+/g, '');
  return texts.some((t) => /[\u4e00-\u9fff]/.test(t) && pinyinMatch(t, letters, { continuous: true }) !== null);
}
