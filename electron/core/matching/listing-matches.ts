import type Database from 'better-sqlite3';
import type { ScenarioMatch } from '../../../shared/domain/matching';
import { OPEN_SCENARIO_STATUSES } from '../../../shared/domain/scenario';
import { assertMaySee, getResource } from '../resources/resource-service';
import type { Actor } from '../records';
import { selectScenarioSummaries } from '../scenarios/scenario-search';
import { documentContains } from '../search/document-contains';
import { TEXT_ONLY } from '../search/grams';
import { haystackTable } from '../search/text-index';
import { listingContext, zonePlaces } from './listing-context';
import { DIRECT_FIELD_SETS, phraseWords, scoreMatch } from './match-rules';

/**
 * The open listings (征集中, 评审中) a resource could serve, best first — the same rules as
 * matchResourcesForListing, decided against this one resource's indexed text.
 */
export function matchListingsForResource(db: Database.Database, actor: Actor, resourceId: string, limit: number): ScenarioMatch[] {
  const resource = getResource(db, resourceId);
  assertMaySee(actor, resource);
  return db.transaction(() => {
    const haystack = db.prepare<[number], string>(`SELECT text FROM ${haystackTable('resource')} WHERE seq = ?`).pluck().get(resource.seq) ?? '';
    const listings = db
      .prepare<[string], { id: string; tags: string; category_id: string; owner_zone_id: string; updated_at: string }>(
        'SELECT id, tags, category_id, owner_zone_id, updated_at FROM scenarios WHERE deleted_at IS NULL AND status IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(OPEN_SCENARIO_STATUSES));
    const places = zonePlaces(db);
    const here = places.get(resource.ownerZoneId);
    const fieldSet = db.prepare<[string], string>('SELECT field_set FROM resource_categories WHERE id = ?').pluck().get(resource.categoryId) ?? '';
    const contains = memoize((phrase: string) => {
      const words = phraseWords(phrase);
      return words.length > 0 && documentContains(haystack, words, TEXT_ONLY);
    });
    const categories = new Map<string, { name: string; keywords: string[] }>();
    const scored: Array<{ id: string; updatedAt: string; score: number; reasons: ScenarioMatch['reasons'] }> = [];
    for (const row of listings) {
      const listing = listingContext(db, { tags: JSON.parse(row.tags) as string[], categoryId: row.category_id, ownerZoneId: row.owner_zone_id }, categories);
      const place = places.get(row.owner_zone_id);
      const result = scoreMatch({
        keywords: listing.tags.filter(contains),
        fieldWord: listing.fieldWords.find(contains) ?? null,
        categoryName: listing.categoryName,
        sameZone: row.owner_zone_id === resource.ownerZoneId,
        sameProvince: place !== undefined && here !== undefined && place.province === here.province,
        zoneName: here?.name ?? '',
        province: here?.province ?? '',
        directKindName: DIRECT_FIELD_SETS.has(fieldSet) ? resource.categoryName : null,
      });
      if (result) scored.push({ id: row.id, updatedAt: row.updated_at, ...result });
    }
    scored.sort((a, b) => b.score - a.score || b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
    const top = scored.slice(0, limit);
    const summaries = new Map(selectScenarioSummaries(db, top.map((m) => m.id)).map((s) => [s.id, s]));
    return top.flatMap((m) => {
      const scenario = summaries.get(m.id);
      return scenario ? [{ scenario, score: m.score, reasons: m.reasons }] : [];
    });
  })();
}

function memoize<T>(f: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    if (!memo.has(key)) memo.set(key, f(key));
    return memo.get(key) as T;
  };
}
