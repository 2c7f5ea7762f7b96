import type Database from 'better-sqlite3';
import { holidaysBetween, parseHolidayEntries, type HolidayEntry } from '../../../shared/domain/holidays';
import { writeAudit } from '../audit';
import type { Actor } from '../records';
import { requireRole } from '../rules';
import { readSetting, writeSetting } from '../settings/settings-service';

const KEY = 'holidays_extra';

/**
 * The secretariat's own holiday entries (a coming year's State Council notice, a local
 * change) kept in settings and laid over the built-in data; the built-in data ships with the app.
 */
export function extraHolidays(db: Database.Database): HolidayEntry[] {
  return readSetting<HolidayEntry[]>(db, KEY) ?? [];
}

export function holidaysInRange(db: Database.Database, from: string, to: string): { entries: HolidayEntry[]; extra: HolidayEntry[] } {
  const extra = extraHolidays(db);
  return { entries: holidaysBetween(from, to, extra), extra };
}

export function saveExtraHolidays(db: Database.Database, actor: Actor, input: unknown): HolidayEntry[] {
  requireRole(actor, 'secretariat', '只有秘书长单位可以维护节假日安排。');
  const entries = parseHolidayEntries(input);
  return db.transaction(() => {
    const before = extraHolidays(db);
    writeSetting(db, KEY, entries);
    writeAudit(db, actor, 'holidays', 'holidays', 'update', { count: before.length }, { count: entries.length });
    return entries;
  })();
}
