import { MATCH_POINTS, MAX_KEYWORDS, type MatchReason } from '../../../shared/domain/matching';
import { queryWords } from '../search/normalize';

/**
 * The one scoring rule of matching, used both ways (listing → resources, resource →
 * listings). Every point comes with a sentence, so a clerk can check the ranking by hand.
 */
export interface MatchFacts {
  /** The listing's tags found in the resource's text, in the listing's order. */
  keywords: readonly string[];
  /** The listing category's field word found in the resource's text, if any. */
  fieldWord: string | null;
  categoryName: string;
  sameZone: boolean;
  sameProvince: boolean;
  zoneName: string;
  province: string;
  /** The resource's category, when it is of a kind that serves a listing directly. */
  directKindName: string | null;
}

/** Score and reasons; null when nothing about the text matches (location alone is no match). */
export function scoreMatch(f: MatchFacts): { score: number; reasons: MatchReason[] } | null {
  if (f.keywords.length === 0 && f.fieldWord === null) return null;
  const reasons: MatchReason[] = [];
  if (f.fieldWord !== null) reasons.push({ kind: 'field', points: MATCH_POINTS.field, text: `同属${f.categoryName}领域（${f.fieldWord}）` });
  if (f.keywords.length > 0) {
    const counted = f.keywords.slice(0, MAX_KEYWORDS);
    reasons.push({ kind: 'keyword', points: MATCH_POINTS.keyword * counted.length, text: `关键词：${f.keywords.join('、')}` });
  }
  if (f.sameZone) reasons.push({ kind: 'sameZone', points: MATCH_POINTS.sameZone, text: `位于${f.zoneName}` });
  else if (f.sameProvince) reasons.push({ kind: 'sameProvince', points: MATCH_POINTS.sameProvince, text: `同在${f.province}` });
  if (f.directKindName) reasons.push({ kind: 'directKind', points: MATCH_POINTS.directKind, text: `${f.directKindName}可直接服务` });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** Field sets whose resources can serve a listing directly: 仪器、平台、中试、专家、专利. */
export const DIRECT_FIELD_SETS: ReadonlySet<string> = new Set(['instrument', 'platform', 'pilot', 'expert', 'patent']);

/** A tag or field word as the engine's query words (a tag "稀土 永磁" needs both). */
export function phraseWords(phrase: string): string[] {
  return queryWords(phrase);
}
