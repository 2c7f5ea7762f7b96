import dayjs, { type Dayjs } from 'dayjs';
import { addDays, shanghaiToday, toShanghaiIso } from '../../../../shared/shanghai-date';

/**
 * Event times are Asia/Shanghai wall time (…+08:00). The calendar runs in UTC and is fed that
 * wall time without its offset ("2026-10-01T09:00:00"), so a 09:00 event shows at 09:00 on
 * any computer, whatever its own time zone; `calendarToIso` adds the offset back. Pickers get
 * the same wall time as a local Dayjs.
 */

/** 2026-10-01T09:00:00+08:00 → 2026-10-01T09:00:00 (the calendar's UTC wall time). */
export function isoToCalendar(iso: string): string {
  return toShanghaiIso(iso).slice(0, 19);
}

/** A calendar Date (UTC wall time) → ISO with +08:00; all-day: midnight of that date. */
export function calendarToIso(date: Date, allDay: boolean): string {
  const wall = date.toISOString().slice(0, 19);
  return allDay ? `${wall.slice(0, 10)}T00:00:00+08:00` : `${wall}+08:00`;
}

/** "Now" for the calendar's today marker: Beijing wall time as UTC. */
export function calendarNow(): string {
  return toShanghaiIso(Date.now()).slice(0, 19);
}

/** A calendar Date (UTC wall time) as YYYY-MM-DD. */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Stored instant → picker value (the wall time as a local Dayjs). */
export function isoToPicker(iso: string): Dayjs {
  return dayjs(toShanghaiIso(iso).slice(0, 19));
}

/** Picker value (wall time) → ISO with +08:00; `dateOnly` gives midnight of its date. */
export function pickerToIso(value: Dayjs, dateOnly = false): string {
  return dateOnly ? `${value.format('YYYY-MM-DD')}T00:00:00+08:00` : `${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** The last day of an all-day event (its end is 00:00 of the day after). */
export function lastDayOf(endIso: string): string {
  return addDays(toShanghaiIso(endIso).slice(0, 10), -1);
}

export { addDays, shanghaiToday };

/**
 * 2026-10-01 09:00–12:00 · 2026-10-01 – 2026-10-03（全天）· over midnight both ends in full.
 * `allDayText` is the word for 全天 in the current language.
 */
export function eventWhen(e: { startAt: string; endAt: string; allDay: boolean }, allDayText: string): string {
  const start = toShanghaiIso(e.startAt);
  const end = toShanghaiIso(e.endAt);
  if (e.allDay) {
    const last = lastDayOf(end);
    return last === start.slice(0, 10) ? `${start.slice(0, 10)}（${allDayText}）` : `${start.slice(0, 10)} – ${last}（${allDayText}）`;
  }
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return sameDay ? `${start.slice(0, 10)} ${start.slice(11, 16)}–${end.slice(11, 16)}` : `${start.slice(0, 10)} ${start.slice(11, 16)} – ${end.slice(0, 10)} ${end.slice(11, 16)}`;
}

/** HH:mm of a stored instant, Beijing time. */
export function clockOf(iso: string): string {
  return toShanghaiIso(iso).slice(11, 16);
}
