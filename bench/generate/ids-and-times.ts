import type { Rng } from './prng';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID made from a chosen time and the record's own random stream: it passes the app's
 * `recordId` rule (so generated records load into real tables unchanged) and sorts by
 * creation time like the app's ids, yet stays reproducible.
 */
export function deterministicUlid(timeMs: number, rng: Rng): string {
  let time = '';
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let random = '';
  for (let i = 0; i < 16; i++) random += CROCKFORD[Math.floor(rng.next() * 32)];
  return time + random;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** A UTC instant between two ISO dates, as the app stores createdAt/updatedAt. */
export function randomInstant(rng: Rng, fromIso: string, toIso: string): number {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  return from + Math.floor(rng.next() * (to - from));
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** A calendar day of `year` (YYYY-MM-DD), optionally limited to some months (1–12). */
export function randomDate(rng: Rng, year: number, months?: readonly number[]): string {
  for (;;) {
    const day = new Date(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY_MS);
    if (!months || months.includes(day.getUTCMonth() + 1)) return day.toISOString().slice(0, 10);
  }
}

/** `2026-03-15T09:30:00+08:00`: wall-clock time in Asia/Shanghai (no DST, always +08:00). */
export function shanghaiDateTime(date: string, hour: number, minute: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

/** Adds minutes to a `+08:00` date-time and writes it back in the same zone. */
export function addMinutesShanghai(dateTime: string, minutes: number): string {
  const ms = Date.parse(dateTime) + minutes * 60_000 + SHANGHAI_OFFSET_MS;
  return new Date(ms).toISOString().slice(0, 19) + '+08:00';
}
