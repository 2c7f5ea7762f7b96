import { shanghaiDateOf } from '../../../shared/shanghai-date';

/**
 * Which backups to keep: everything from today (Beijing time), the newest of each of the 14
 * days before, the newest of each week for about three months; and always the newest one and
 * anything under an hour old. Pure, so the rule is tested on its own.
 */

const DAY_MS = 86_400_000;
const DAILY_DAYS = 14;
const WEEKLY_DAYS = 91;
const GRACE_MS = 60 * 60 * 1000;

export function backupsToKeep<T extends { createdAt: string }>(backups: readonly T[], now: number): Set<T> {
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const keep = new Set<T>(newestFirst.slice(0, 1));
  const today = shanghaiDateOf(now);
  const seenDays = new Set<string>();
  const seenWeeks = new Set<number>();
  for (const b of newestFirst) {
    const at = Date.parse(b.createdAt);
    const age = now - at;
    const day = shanghaiDateOf(at);
    if (age < GRACE_MS || day === today) {
      keep.add(b);
      continue;
    }
    if (age <= DAILY_DAYS * DAY_MS) {
      if (!seenDays.has(day)) keep.add(b);
      seenDays.add(day);
      continue;
    }
    if (age <= WEEKLY_DAYS * DAY_MS) {
      const week = Math.floor(age / (7 * DAY_MS));
      if (!seenWeeks.has(week)) keep.add(b);
      seenWeeks.add(week);
    }
  }
  return keep;
}
