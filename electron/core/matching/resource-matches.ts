import type Database from 'better-sqlite3';
import type { ResourceMatch } from '../../../shared/domain/matching';
import type { Actor } from '../records';
import { assertMaySeeScenario, getScenario } from '../scenarios/scenario-service';
import { matchingSeqs } from '../search/gram-query';
import { resourceColumns } from '../search/resource-cache';
import { readPage } from '../search/result-page';
import { listingContext, zonePlaces } from './listing-context';
import { DIRECT_FIELD_SETS, phraseWords, scoreMatch } from './match-rules';

/**
 * Registry resources that could serve a listing, best first: each of the listing's tags and
 * its category's field words is looked up with the registry's own search engine; published
 * resources hit by any are scored by match-rules.ts. Ties: newest first (the columns'
 * 'updated' order), so the ranking is the same on every run.
 */
export function matchResourcesForListing(db: Database.Database, actor: Actor, scenarioId: string, limit: number): ResourceMatch[] {
  const scenario = getScenario(db, scenarioId);
  assertMaySeeScenario(actor, scenario);
  const keep = !db.inTransaction;
  return db.transaction(() => {
    const listing = listingContext(db, scenario);
    const columns = resourceColumns(db, keep);
    const keywordsAt = new Map<number, string[]>();
    for (const tag of listing.tags) {
      const words = phraseWords(tag);
      if (words.length === 0) continue;
      for (const seq of Array.from(matchingSeqs(db, 'resource', words, keep))) {
        const p = columns.positionOf(seq);
        if (p < 0) continue;
        const list = keywordsAt.get(p) ?? [];
        list.push(tag);
        keywordsAt.set(p, list);
      }
    }
    const fieldWordAt = new Map<number, string>();
    for (const word of listing.fieldWords) {
      const words = phraseWords(word);
      if (words.length === 0) continue;
      for (const seq of Array.from(matchingSeqs(db, 'resource', words, keep))) {
        const p = columns.positionOf(seq);
        if (p >= 0 && !fieldWordAt.has(p)) fieldWordAt.set(p, word);
      }
    }
    const places = zonePlaces(db);
    const home = places.get(listing.zoneId);
    const fieldSets = new Map(db.prepare<[], { id: string; name: string; field_set: string }>('SELECT id, name, field_set FROM resource_categories').all().map((c) => [c.id, c]));
    const published = columns.statuses.indexOf('published');
    const scored: Array<{ position: number; score: number; reasons: ResourceMatch['reasons'] }> = [];
    for (const p of new Set([...keywordsAt.keys(), ...fieldWordAt.keys()])) {
      if (columns.status[p] !== published) continue;
      const zoneId = columns.zoneIds[columns.zone[p] as number] ?? '';
      const place = places.get(zoneId);
      const category = fieldSets.get(columns.categoryIds[columns.category[p] as number] ?? '');
      const result = scoreMatch({
        keywords: keywordsAt.get(p) ?? [],
        fieldWord: fieldWordAt.get(p) ?? null,
        categoryName: listing.categoryName,
        sameZone: zoneId === listing.zoneId,
        sameProvince: place !== undefined && home !== undefined && place.province === home.province,
        zoneName: place?.name ?? '',
        province: place?.province ?? '',
        directKindName: category && DIRECT_FIELD_SETS.has(category.field_set) ? category.name : null,
      });
      if (result) scored.push({ position: p, ...result });
    }
    // Positions are in 'updated' order: lower position = more recently updated.
    scored.sort((a, b) => b.score - a.score || a.position - b.position);
    const top = scored.slice(0, limit);
    const summaries = readPage(db, top.map((m) => columns.seq[m.position] as number), undefined);
    return top.map((m, i) => ({ resource: summaries[i] as ResourceMatch['resource'], score: m.score, reasons: m.reasons }));
  })();
}
