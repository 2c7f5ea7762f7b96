/**
 * Calendar dates as the alliance reads them: China has one time zone and no daylight saving,
 * so "today" is the UTC+8 date, whatever the machine's own zone setting says.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(nowMs: number = Date.now()): string {
  return new Date(nowMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `today` to `date` (both YYYY-MM-DD): 0 on the day, negative once past. */
export function daysFromTo(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as Asia/Shanghai wall time with its offset: 2026-10-12T09:00:00+08:00. Sorts as text. */
export function toShanghaiIso(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: string | number): string {
  return toShanghaiIso(instant).slice(0, 10);
}
