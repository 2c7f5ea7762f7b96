import { z } from 'zod';
import { AppError } from '../errors';
import { isoDate, requiredText } from '../validation';
import { BUILT_IN_ARRANGEMENTS, type HolidayArrangement } from './holiday-data';

/**
 * China's public holidays (法定节假日) and the weekend days worked in exchange (调休上班), for the
 * events calendar. Pure functions over the built-in notices plus an optional list the
 * secretariat supplies for years (or corrections) the built-in data does not have yet.
 */

export const HOLIDAY_KINDS = ['holiday', 'workday'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** One day: a rest day of a holiday, or a weekend day that is a working day (调休上班). */
export interface HolidayEntry {
  date: string; // YYYY-MM-DD
  kind: HolidayKind;
  /** The holiday (元旦, 春节 …); for a workday, the holiday it pays for. */
  name: string;
}

export type DayKind = 'holiday' | 'workday' | 'weekend' | 'normal';
export interface DayInfo {
  kind: DayKind;
  name?: string;
}

export const MAX_HOLIDAY_ENTRIES = 1000;
export const HOLIDAY_LABELS: Record<string, string> = { date: '日期', kind: '类型', name: '名称' };

export const HolidayEntrySchema = z.strictObject(
  {
    date: isoDate,
    kind: z.enum(HOLIDAY_KINDS, { error: '应为 holiday（放假）或 workday（调休上班）' }),
    name: requiredText(20),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `有不认识的字段 ${issue.keys.join('、')}（只允许 date、kind、name）`
        : '每一条应包含日期、类型和名称',
  },
);

/** The secretariat's list: at most one entry per date, so an override is never ambiguous. */
export const HolidayEntriesSchema = z
  .array(HolidayEntrySchema, { error: '应为节假日条目的列表' })
  .max(MAX_HOLIDAY_ENTRIES, { error: `最多 ${MAX_HOLIDAY_ENTRIES} 条` })
  .superRefine((entries, ctx) => {
    const firstRow = new Map<string, number>();
    entries.forEach((entry, i) => {
      const seen = firstRow.get(entry.date);
      if (seen === undefined) firstRow.set(entry.date, i);
      else ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `与第 ${seen + 1} 条日期重复（${entry.date}）` });
    });
  });

/**
 * Validates a user-supplied list (e.g. a JSON file the secretariat imports). The message numbers
 * the rows (第 3 条), which `validationError` cannot: it drops array indexes from labels.
 */
export function parseHolidayEntries(input: unknown): HolidayEntry[] {
  const result = HolidayEntriesSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  const parts = Object.entries(fields).map(([path, message]) => {
    if (path === '_') return `节假日安排：${message}`;
    const [row, field] = path.split('.');
    const label = field ? (HOLIDAY_LABELS[field] ?? field) : '';
    return `第 ${Number(row) + 1} 条${label ? `的${label}` : ''}：${message}`;
  });
  return failWith(`节假日安排有误，未保存。${parts.join('；')}`, fields);
}

function failWith(message: string, fields?: Record<string, string>): never {
  throw new AppError('VALIDATION', message, fields);
}

/** Expands the notices' periods into one entry per day; later lines win (none overlap today). */
function expand(arrangements: readonly HolidayArrangement[]): Map<string, HolidayEntry> {
  const byDate = new Map<string, HolidayEntry>();
  for (const { name, off, work = [] } of arrangements) {
    for (let day = off[0]; day <= off[1]; day = addDays(day, 1)) byDate.set(day, { date: day, kind: 'holiday', name });
    for (const day of work) byDate.set(day, { date: day, kind: 'workday', name });
  }
  return byDate;
}

const BUILT_IN = expand(BUILT_IN_ARRANGEMENTS);

/** Every built-in entry, in date order (for tests and for showing the secretariat what ships). */
export function builtInHolidays(): HolidayEntry[] {
  return [...BUILT_IN.values()].sort(byDate).map((e) => ({ ...e })); // copies: callers must not edit the table
}

/**
 * What kind of day `date` is. `extra` (validated with `HolidayEntriesSchema`) overrides the
 * built-in entry of the same date; if it repeats a date anyway, its last entry wins.
 */
export function dayInfo(date: string, extra: readonly HolidayEntry[] = []): DayInfo {
  checkDate(date);
  let entry = BUILT_IN.get(date);
  for (const e of extra) if (e.date === date) entry = e;
  if (entry) return { kind: entry.kind, name: entry.name };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { kind: weekday === 0 || weekday === 6 ? 'weekend' : 'normal' };
}

/** Holiday and 调休 entries from `from` to `to`, both inclusive, in date order, for calendar display. */
export function holidaysBetween(from: string, to: string, extra: readonly HolidayEntry[] = []): HolidayEntry[] {
  checkDate(from);
  checkDate(to);
  const merged = new Map(BUILT_IN);
  for (const e of extra) merged.set(e.date, e);
  return [...merged.values()].filter((e) => e.date >= from && e.date <= to).sort(byDate).map((e) => ({ ...e }));
}

function byDate(a: HolidayEntry, b: HolidayEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Dates are compared as strings, so only real YYYY-MM-DD dates may enter. */
function checkDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || addDays(date, 0) !== date) failWith(`日期格式应为 YYYY-MM-DD，且须是有效日期：${String(date)}`);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
