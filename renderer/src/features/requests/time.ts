import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Asia/Shanghai is UTC+8 all year (no daylight saving), so a fixed offset is exact. */
const SHANGHAI_MINUTES = 8 * 60;

/** A stored UTC instant as Asia/Shanghai wall-clock time, whatever the computer's own time zone. */
export function inShanghai(iso: string): Dayjs {
  return dayjs(iso).utcOffset(SHANGHAI_MINUTES);
}

/** The date and time the user picked, read as Asia/Shanghai wall-clock time, as ISO with +08:00. */
export function pickedToIso(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** Today at 00:00 in Asia/Shanghai, as a local wall-clock Dayjs for the picker's disabled dates. */
export function shanghaiToday(): Dayjs {
  return dayjs(dayjs().utcOffset(SHANGHAI_MINUTES).format('YYYY-MM-DD'));
}

/** The day a slot starts on, as the key the booking calendar groups by (YYYY-MM-DD, Shanghai). */
export function dayKey(iso: string): string {
  return inShanghai(iso).format('YYYY-MM-DD');
}

/** 09:00–12:00; a slot that runs past midnight writes out the day it ends on. */
export function rangeText(startIso: string, endIso: string, dayFormat: string): string {
  const start = inShanghai(startIso);
  const end = inShanghai(endIso);
  const sameDay = start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD');
  return sameDay ? `${start.format('HH:mm')}–${end.format('HH:mm')}` : `${start.format('HH:mm')}–${end.format(dayFormat)} ${end.format('HH:mm')}`;
}

/** A full slot with its date: 2026-03-15 09:00–12:00. */
export function slotLabel(startIso: string, endIso: string, dayFormat: string): string {
  return `${inShanghai(startIso).format(dayFormat)} ${rangeText(startIso, endIso, dayFormat)}`;
}
