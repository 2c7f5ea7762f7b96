import { DEFAULT_ROSTER, type RosterEntry } from '../../electron/core/zones/roster';
import type { Rng } from './prng';
import { TOPIC_KEYS, type TopicKey } from './vocab/topics';
import { ZONE_PROFILES, type ZoneProfile } from './vocab/zone-profiles';

/** The zones records belong to: the app's embedded roster, never a copy of it. */
export const ROSTER: readonly RosterEntry[] = DEFAULT_ROSTER;

export function profileOf(zone: RosterEntry): ZoneProfile {
  const profile = ZONE_PROFILES[zone.code];
  if (!profile) throw new Error(`bench/generate: no zone profile for roster zone ${zone.code}`);
  return profile;
}

const ZONE_WEIGHTS = ROSTER.map((zone) => [zone, profileOf(zone).weight] as const);

/** A zone (weighted by size) and one of its industries, mostly: 15 % of records are off-profile. */
export function pickZoneAndTopic(rng: Rng): { zone: RosterEntry; profile: ZoneProfile; topicKey: TopicKey } {
  const zone = rng.weighted(ZONE_WEIGHTS);
  const profile = profileOf(zone);
  const topicKey = rng.chance(0.85) ? rng.pick(profile.industries) : rng.pick(TOPIC_KEYS);
  return { zone, profile, topicKey };
}

export const SECRETARIAT: RosterEntry = ROSTER.find((zone) => zone.role === 'secretariat') ?? ROSTER[0]!;
