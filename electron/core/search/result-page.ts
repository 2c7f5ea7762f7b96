import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import type { ResourceStatus, SharingMode } from '../../../shared/domain/resource';
import type { ResourceSummary } from '../../../shared/domain/resource-search';
import { normalizeCharacter } from './normalize';

interface PageRow {
  seq: number;
  id: string;
  version: number;
  title: string;
  organisation: string;
  category_id: string;
  category_name: string | null;
  owner_zone_id: string;
  zone_name: string | null;
  sharing_mode: SharingMode;
  status: ResourceStatus;
  updated_at: string;
  is_demo: number;
  location: string;
  instrument_state: string | null;
  original_value: number | null;
  description: string;
}

const PAGE_SQL = `
  SELECT r.seq, r.id, r.version, r.title, r.organisation, r.category_id, c.name AS category_name,
         r.owner_zone_id, z.short_name AS zone_name, r.sharing_mode, r.status, r.updated_at, r.is_demo,
         r.location, r.instrument_state, r.original_value, r.description
  FROM json_each(?) j
  JOIN resources r ON r.seq = j.value
  LEFT JOIN resource_categories c ON c.id = r.category_id
  LEFT JOIN zones z ON z.id = r.owner_zone_id
  ORDER BY j.key`;

/** The summaries of one page's resources, in the order of `seqs`, with one query. */
export function readPage(db: Database.Database, seqs: readonly number[], firstWord: string | undefined): ResourceSummary[] {
  if (seqs.length === 0) return [];
  return statement<[string], PageRow>(db, PAGE_SQL).all(JSON.stringify(seqs)).map((row) => ({
    id: row.id,
    seq: row.seq,
    version: row.version,
    title: row.title,
    organisation: row.organisation,
    categoryId: row.category_id,
    categoryName: row.category_name ?? '',
    ownerZoneId: row.owner_zone_id,
    ownerZoneName: row.zone_name ?? '',
    sharingMode: row.sharing_mode,
    status: row.status,
    updatedAt: row.updated_at,
    isDemo: row.is_demo === 1,
    location: row.location,
    instrumentState: row.instrument_state,
    originalValue: row.original_value,
    snippet: snippetOf(row.description, firstWord),
  }));
}

const SNIPPET_LENGTH = 80;
const LEAD = 20; // characters shown before the match

/** About 80 characters of the description around the first match of `word`, or its start. */
export function snippetOf(description: string, word: string | undefined): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const at = word ? findNormalized(text, word) : -1;
  const start = at <= LEAD ? 0 : at - LEAD;
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}

/** Index in `text` of `word` (already normalized), comparing text the way the index does. */
function findNormalized(text: string, word: string): number {
  // Fast path: lower-casing kept the length, so indexes carry over (nearly always).
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    const at = lower.indexOf(word);
    if (at >= 0) return at;
  }
  // Slow path (full-width or compatibility characters): map character by character.
  let normalized = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    const mapped = normalizeCharacter(String.fromCodePoint(cp));
    for (let j = 0; j < mapped.length; j++) origin.push(i);
    normalized += mapped;
    if (cp > 0xffff) i++;
  }
  const at = normalized.indexOf(word);
  return at >= 0 ? (origin[at] as number) : -1;
}
