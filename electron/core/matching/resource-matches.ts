import type Database from 'better-sqlite3';
import { MATCH_POINTS, MAX_KEYWORDS, type ResourceMatch } from '../../../shared/domain/matching';
import type { Actor } from '../records';
import { assertMaySeeScenario, getScenario } from '../scenarios/scenario-service';
import { resourceColumns } from '../search/resource-cache';
import { matchedPositions } from '../search/resource-search';
import { readPage } from '../search/result-page';
import { TEXT_ONLY } from '../search/grams';
import { listingContext, zonePlaces } from './listing-context';
import { DIRECT_FIELD_SETS, phraseWords, scoreMatch } from './match-rules';

/**
 * Registry resources that could serve a listing, best first: each of the listing's tags and
 * its category's field words is looked up with the registry's own search engine, as text
 * only — a tag "AI" must not match the "ai" of 材料's pinyin (its recent-match memory serves
 * the field words listing after listing); published resources
 * hit by any are scored by match-rules.ts. Ties: newest first (the columns' 'updated'
 * order), so the ranking is the same on every run.
 *
 * Broad field words (材料, 数据) hit tens of thousands of rows, so scoring runs over typed
 * arrays and a bucket per score; only the shown top rows get their reasons written out —
 * by scoreMatch, the same rule the reverse direction uses.
 */
export function matchResourcesForListing(db: Database.Database, actor: Actor, scenarioId: string, limit: number): ResourceMatch[] {
  const scenario = getScenario(db, scenarioId);
  assertMaySeeScenario(actor, scenario);
  const keep = !db.inTransaction;
  return db.transaction(() => {
    const listing = listingContext(db, scenario);
    const columns = resourceColumns(db, keep);
    const published = columns.statuses.indexOf('published');
    const tags = listing.tags.filter((t) => phraseWords(t).length > 0);
    const hitsOf = (phrase: string) => matchedPositions(db, columns, phraseWords(phrase), keep, TEXT_ONLY);
    const keywordHits = tags.map((tag) => hitsOf(tag));
    const fieldWords = listing.fieldWords.filter((w) => phraseWords(w).length > 0);
    const fieldHits = fieldWords.map((word) => hitsOf(word));

    // Per position: how many tags hit, which field word hit first (−1: none).
    const keywordCount = new Uint8Array(columns.size);
    const keywordAt = keywordHits.map(() => new Uint8Array(columns.size));
    const fieldWordAt = new Int16Array(columns.size).fill(-1);
    keywordHits.forEach((hits, k) => {
      for (const p of hits) {
        if (columns.status[p] !== published) continue;
        keywordCount[p]! += 1;
        keywordAt[k]![p] = 1;
      }
    });
    fieldHits.forEach((hits, w) => {
      for (const p of hits) if (columns.status[p] === published && fieldWordAt[p] === -1) fieldWordAt[p] = w;
    });

    // Location and kind points per zone code and category code, computed once.
    const places = zonePlaces(db);
    const home = places.get(listing.zoneId);
    const placePoints = columns.zoneIds.map((id) => (id === listing.zoneId ? MATCH_POINTS.sameZone : home && places.get(id)?.province === home.province ? MATCH_POINTS.sameProvince : 0));
    const categories = new Map(db.prepare<[], { id: string; name: string; field_set: string }>('SELECT id, name, field_set FROM resource_categories').all().map((c) => [c.id, c]));
    const kindPoints = columns.categoryIds.map((id) => (DIRECT_FIELD_SETS.has(categories.get(id)?.field_set ?? '') ? MATCH_POINTS.directKind : 0));

    // One bucket per score; positions enter in 'updated' order, so each bucket is newest first.
    const buckets = new Map<number, number[]>();
    const scoreAt = new Map<number, number>();
    for (let p = 0; p < columns.size; p++) {
      const keywords = keywordCount[p] as number;
      const field = fieldWordAt[p] as number;
      if (keywords === 0 && field === -1) continue;
      const score =
        Math.min(keywords, MAX_KEYWORDS) * MATCH_POINTS.keyword + (field >= 0 ? MATCH_POINTS.field : 0) + (placePoints[columns.zone[p] as number] ?? 0) + (kindPoints[columns.category[p] as number] ?? 0);
      let bucket = buckets.get(score);
      if (!bucket) buckets.set(score, (bucket = []));
      bucket.push(p);
      scoreAt.set(p, score);
    }
    const top: number[] = [];
    for (const score of [...buckets.keys()].sort((a, b) => b - a)) {
      for (const p of buckets.get(score) as number[]) {
        if (top.length >= limit) break;
        top.push(p);
      }
      if (top.length >= limit) break;
    }

    const summaries = readPage(db, top.map((p) => columns.seq[p] as number), undefined);
    return top.map((p, i) => {
      const zoneId = columns.zoneIds[columns.zone[p] as number] ?? '';
      const place = places.get(zoneId);
      const category = categories.get(columns.categoryIds[columns.category[p] as number] ?? '');
      const field = fieldWordAt[p] as number;
      const result = scoreMatch({
        keywords: tags.filter((_, k) => keywordAt[k]![p] === 1),
        fieldWord: field >= 0 ? (fieldWords[field] as string) : null,
        categoryName: listing.categoryName,
        sameZone: zoneId === listing.zoneId,
        sameProvince: place !== undefined && home !== undefined && place.province === home.province,
        zoneName: place?.name ?? '',
        province: place?.province ?? '',
        directKindName: category && DIRECT_FIELD_SETS.has(category.field_set) ? category.name : null,
      });
      // scoreMatch is the rule; the bucket score above is its arithmetic, and must agree.
      if (!result || result.score !== scoreAt.get(p)) throw new Error('matching: ranking score and reasons disagree');
      return { resource: summaries[i] as ResourceMatch['resource'], score: result.score, reasons: result.reasons };
    });
  })();
}
