/**
 * Dates and times between the app's form (ISO, Asia/Shanghai, +08:00) and iCalendar's
 * (DATE, DATE-TIME local with TZID, UTC with Z, floating; DURATION). China has kept +08:00
 * without daylight saving since 1991, so Shanghai wall time is always instant + 8 h.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SHANGHAI_OFFSET_MS = 8 * HOUR;

/** A wall-clock time held as "milliseconds as if it were UTC"; a zone turns it into an instant. */
export type WallMs = number;
export type Zone = (wall: WallMs) => number;

const ISO_TIMED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ICS_DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;
const ICS_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Date.UTC from fields, or null when a field is out of range (2026-02-30, 25:00). Date.parse would roll those over. */
function utcOf(y: string, mo: string, d: string, h = '0', mi = '0', s = '0'): number | null {
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const t = new Date(ms);
  const ok = t.getUTCFullYear() === +y && t.getUTCMonth() === +mo - 1 && t.getUTCDate() === +d && t.getUTCHours() === +h && t.getUTCMinutes() === +mi && +s < 60;
  return ok ? ms : null;
}

/** `2026-10-01T09:00:00+08:00` (any offset or Z) → instant in ms, or null. */
export function isoInstant(iso: string): number | null {
  const m = ISO_TIMED.exec(iso);
  if (!m) return null;
  const wall = utcOf(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6] ?? '0');
  if (wall === null) return null;
  const zone = m[7]!;
  if (zone === 'Z') return wall;
  const offset = (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * HOUR + Number(zone.slice(4, 6)) * 60_000);
  return wall - offset;
}

export function isIsoDate(date: string): boolean {
  const m = ISO_DATE.exec(date);
  return !!m && utcOf(m[1]!, m[2]!, m[3]!) !== null;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
}

/** Instant → `2026-10-01T09:00:00+08:00`. */
export function shanghaiIso(instant: number): string {
  return `${stamp(instant + SHANGHAI_OFFSET_MS).slice(0, 19)}+08:00`;
}

/** Instant → Shanghai wall time as iCalendar local DATE-TIME, `20261001T090000`. */
export function icsShanghaiLocal(instant: number): string {
  return stamp(instant + SHANGHAI_OFFSET_MS).slice(0, 19).replace(/[-:]/g, '');
}

/** Instant → UTC DATE-TIME, `20261001T010000Z` (DTSTAMP and LAST-MODIFIED must be UTC). */
export function icsUtc(instant: number): string {
  return `${stamp(instant).slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** `2026-10-01` → `20261001`. */
export function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

export function addDays(date: string, days: number): string {
  return stamp(Date.parse(`${date}T00:00:00Z`) + days * DAY).slice(0, 10);
}

/** `20261001` → `2026-10-01`, or null. */
export function parseIcsDate(value: string): string | null {
  const m = ICS_DATE.exec(value.trim());
  return m && utcOf(m[1]!, m[2]!, m[3]!) !== null ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** `20261001T090000` (wall time) or `20261001T010000Z` (UTC), or null. */
export function parseIcsDateTime(value: string): { wall: WallMs; utc: boolean } | null {
  const m = ICS_DATE_TIME.exec(value.trim());
  if (!m) return null;
  // Second 60 (a leap second, §3.3.12) is read as 59 rather than refused.
  const wall = utcOf(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6] === '60' ? '59' : m[6]);
  return wall === null ? null : { wall, utc: m[7] === 'Z' };
}

/** `P1D`, `PT1H30M`, `-P2W`, `P1DT12H` → milliseconds and whole days, or null. */
export function parseDuration(value: string): { ms: number; days: number } | null {
  const m = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim().toUpperCase());
  if (!m || !/\d/.test(value)) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const days = Number(m[2] ?? 0) * 7 + Number(m[3] ?? 0);
  const ms = days * DAY + Number(m[4] ?? 0) * HOUR + Number(m[5] ?? 0) * 60_000 + Number(m[6] ?? 0) * 1000;
  return { ms: sign * ms, days: sign * days };
}

export const SHANGHAI: Zone = (wall) => wall - SHANGHAI_OFFSET_MS;
export const UTC: Zone = (wall) => wall;
const fixed = (offsetMs: number): Zone => (wall) => wall - offsetMs;

/** Names China's +08:00 goes by: IANA (incl. the retired Harbin/Chongqing zones), Windows (Outlook), Outlook's display names. */
const CHINA_TZID = /^(asia\/(shanghai|harbin|chongqing|chungking|beijing)|prc|china standard time|china time)$|beijing|chongqing|shanghai/i;
const UTC_TZID = /^(utc|gmt|z|etc\/(utc|gmt|zulu|uct)|universal|zulu|coordinated universal time|greenwich standard time)$/i;
const OFFSET_TZID = /^\(?(?:utc|gmt)\s*([+-])(\d{1,2})(?::?(\d{2}))?\)?(?:\s|$)/i;

/** iCalendar UTC offset `+0800`, `-0530`, `+080000` → ms, or null. */
export function parseUtcOffset(value: string): number | null {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value.trim());
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * HOUR + Number(m[3]) * 60_000 + Number(m[4] ?? 0) * 1000) : null;
}

function intlZone(name: string): Zone | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    return null; // not an IANA name this runtime knows
  }
  const offsetAt = (instant: number): number => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) - Math.floor(instant / 1000) * 1000;
  };
  // Two rounds settle the offset except inside a daylight-saving gap, where any answer is a guess.
  return (wall) => {
    const first = wall - offsetAt(wall);
    return wall - offsetAt(first);
  };
}

export interface FileZone {
  /** TZOFFSETTO of the VTIMEZONE's STANDARD part (or its only part). */
  standard: number;
  daylight: boolean;
}

/**
 * The zone a TZID names: China's names, UTC, any IANA name the runtime knows, then the file's
 * own VTIMEZONE (used for names neither knows, e.g. other Windows names; its daylight rule, if
 * any, is ignored and `note` says so), then a "(UTC+09:00) …" display name. Anything else is
 * read as Asia/Shanghai, with a note.
 */
export function resolveZone(tzid: string, fileZones: ReadonlyMap<string, FileZone>): { zone: Zone; note?: string } {
  const name = tzid.trim();
  // Old Mozilla exports prefix the IANA name: /mozilla.org/20050126_1/Asia/Shanghai
  const iana = /([A-Za-z_]+\/[A-Za-z_+-]+)$/.exec(name)?.[1] ?? name;
  if (CHINA_TZID.test(name) || CHINA_TZID.test(iana)) return { zone: SHANGHAI };
  if (UTC_TZID.test(name)) return { zone: UTC };
  const known = intlZone(name) ?? (iana !== name ? intlZone(iana) : null);
  if (known) return { zone: known };
  const own = fileZones.get(name);
  if (own) return own.daylight ? { zone: fixed(own.standard), note: `时区“${name}”按其标准时间换算，未计夏令时` } : { zone: fixed(own.standard) };
  const offset = OFFSET_TZID.exec(name);
  if (offset) return { zone: fixed((offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * HOUR + Number(offset[3] ?? 0) * 60_000)) };
  return { zone: SHANGHAI, note: `不认识时区“${name}”，已按北京时间（Asia/Shanghai）处理` };
}
