import type { RosterEntry } from '../../../electron/core/zones/roster';
import type { Rng } from '../prng';
import type { Topic, TopicKey } from '../vocab/topics';
import type { ZoneProfile } from '../vocab/zone-profiles';

/** Everything a category builder may draw on for one record. */
export interface DraftContext {
  rng: Rng;
  zone: RosterEntry;
  profile: ZoneProfile;
  topicKey: TopicKey;
  topic: Topic;
}

/** The category-specific part of a resource; resource.ts adds what every category shares. */
export interface CategoryDraft {
  title: string;
  organisation: string;
  /** Sentences, joined by resource.ts together with the shared sharing/contact sentence. */
  sentences: string[];
  extra: Record<string, string | number | null>;
  tags: string[];
  /** How a 收费 record prices itself, e.g. 元/小时 between 100 and 1500. */
  fee: { unit: string; min: number; max: number };
}

export type CategoryBuilder = (ctx: DraftContext) => CategoryDraft;

export const OPEN_HOURS = ['工作日 8:30–17:00', '周一至周五 9:00–16:30', '7×24 小时（需提前预约）', '工作日及周六上午', '预约开放', '工作日 8:00–11:30，13:30–17:00'] as const;

