import type Database from 'better-sqlite3';
import type { Scenario } from '../../../shared/domain/scenario';
import { getScenarioCategory } from '../scenarios/scenario-category-service';

/** What matching needs to know about a listing, and the zones' names and provinces. */
export interface ListingContext {
  tags: string[];
  fieldWords: string[];
  categoryName: string;
  zoneId: string;
}

export function listingContext(db: Database.Database, s: Pick<Scenario, 'tags' | 'categoryId' | 'ownerZoneId'>, categoryCache?: Map<string, { name: string; keywords: string[] }>): ListingContext {
  let category = categoryCache?.get(s.categoryId);
  if (!category) {
    category = getScenarioCategory(db, s.categoryId);
    categoryCache?.set(s.categoryId, category);
  }
  return { tags: s.tags, fieldWords: category.keywords, categoryName: category.name, zoneId: s.ownerZoneId };
}

export interface ZonePlace {
  name: string;
  province: string;
}

export function zonePlaces(db: Database.Database): Map<string, ZonePlace> {
  return new Map(db.prepare<[], { id: string; short_name: string; province: string }>('SELECT id, short_name, province FROM zones').all().map((z) => [z.id, { name: z.short_name, province: z.province }]));
}
