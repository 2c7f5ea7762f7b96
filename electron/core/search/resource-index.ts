import type Database from 'better-sqlite3';
import type { SearchableText } from './grams';
import { invalidateResourceCache } from './resource-cache';
import { forgetTitleOrder } from './sort-orders';
import { indexText, rebuildTextIndex, unindexText } from './text-index';

/**
 * The resource registry's use of the text index (text-index.ts): its text is the title,
 * organisation and description; a change also drops the columns and the title order.
 */
export interface IndexedResource extends SearchableText {
  seq: number;
}

export function indexResource(db: Database.Database, r: IndexedResource): void {
  indexText(db, 'resource', r.seq, r);
  forgetTitleOrder(db);
  invalidateResourceCache(db);
}

export function unindexResource(db: Database.Database, seq: number): void {
  unindexText(db, 'resource', seq);
  forgetTitleOrder(db);
  invalidateResourceCache(db);
}

export function rebuildResourceIndex(db: Database.Database): number {
  const page = db.prepare<[number, number], IndexedResource>('SELECT seq, title, organisation, description FROM resources WHERE seq > ? ORDER BY seq LIMIT ?');
  const count = rebuildTextIndex(db, 'resource', (after, limit) => page.all(after, limit));
  forgetTitleOrder(db);
  invalidateResourceCache(db);
  return count;
}
