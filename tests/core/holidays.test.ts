import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { builtInHolidays, dayInfo, holidaysBetween, parseHolidayEntries, MAX_HOLIDAY_ENTRIES, type HolidayEntry } from '../../shared/domain/holidays';

function datesFrom(from: string, count: number): string[] {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

describe('the built-in 2026 arrangement (国办发明电〔2025〕7号)', () => {
  it('makes 2026-10-01 a holiday named 国庆节', () => {
    expect(dayInfo('2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节' });
  });

  it('makes Saturday 2026-10-10 a 调休 working day belonging to 国庆节', () => {
    expect(dayInfo('2026-10-10')).toEqual({ kind: 'workday', name: '国庆节' });
  });

  it('gives 春节 nine rest days, 2026-02-15 to 2026-02-23, with Saturdays 02-14 and 02-28 worked', () => {
    for (const date of datesFrom('2026-02-15', 9)) expect(dayInfo(date), date).toEqual({ kind: 'holiday', name: '春节' });
    expect(dayInfo('2026-02-24').kind).toBe('normal');
    expect(dayInfo('2026-02-14')).toEqual({ kind: 'workday', name: '春节' });
    expect(dayInfo('2026-02-28')).toEqual({ kind: 'workday', name: '春节' });
  });

  it('lists every 2026 rest period and working weekend as the notice does', () => {
    const y2026 = holidaysBetween('2026-01-01', '2026-12-31');
    const count = (name: string, kind: string) => y2026.filter((e) => e.name === name && e.kind === kind).length;
    expect([count('元旦', 'holiday'), count('春节', 'holiday'), count('清明节', 'holiday'), count('劳动节', 'holiday')]).toEqual([3, 9, 3, 5]);
    expect([count('端午节', 'holiday'), count('中秋节', 'holiday'), count('国庆节', 'holiday')]).toEqual([3, 3, 7]);
    expect(y2026.filter((e) => e.kind === 'workday').map((e) => e.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});

describe('ordinary days', () => {
  it('calls a plain Saturday a weekend', () => {
    expect(dayInfo('2026-03-14')).toEqual({ kind: 'weekend' });
  });

  it('calls a plain Tuesday a normal day', () => {
    expect(dayInfo('2026-03-17')).toEqual({ kind: 'normal' });
  });

  it('refuses a date that does not exist rather than guessing its weekday', () => {
    expect(() => dayInfo('2026-02-30')).toThrow(/日期格式应为 YYYY-MM-DD/);
    expect(() => holidaysBetween('2026-1-1', '2026-12-31')).toThrow(AppError);
  });
});

describe('the built-in data is internally consistent', () => {
  const entries = builtInHolidays();

  it('only ever asks people to work on a Saturday or Sunday', () => {
    for (const e of entries.filter((x) => x.kind === 'workday')) expect([0, 6], e.date).toContain(new Date(`${e.date}T00:00:00Z`).getUTCDay());
  });

  it('passes the same schema the secretariat’s list must pass', () => {
    expect(parseHolidayEntries(entries)).toHaveLength(entries.length);
  });

  it('covers 2024, 2025 and 2026 with the 2025 reform’s longer 春节 (8 days) and 国庆中秋 (8 days)', () => {
    const y2025 = holidaysBetween('2025-01-01', '2025-12-31');
    expect(y2025.filter((e) => e.name === '春节' && e.kind === 'holiday')).toHaveLength(8);
    expect(y2025.filter((e) => e.date >= '2025-10-01' && e.date <= '2025-10-08' && e.kind === 'holiday')).toHaveLength(8);
    expect(dayInfo('2025-10-06')).toEqual({ kind: 'holiday', name: '中秋节' });
    expect(dayInfo('2024-02-18')).toEqual({ kind: 'workday', name: '春节' });
  });
});

describe('the secretariat’s own list', () => {
  const extra: HolidayEntry[] = [
    { date: '2026-10-10', kind: 'holiday', name: '国庆节（更正）' },
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ];

  it('overrides the built-in entry of the same date', () => {
    expect(dayInfo('2026-10-10', extra)).toEqual({ kind: 'holiday', name: '国庆节（更正）' });
    expect(dayInfo('2026-10-10')).toEqual({ kind: 'workday', name: '国庆节' });
  });

  it('adds years the built-in data does not have', () => {
    expect(dayInfo('2027-01-01')).toEqual({ kind: 'normal' });
    expect(dayInfo('2027-01-01', extra)).toEqual({ kind: 'holiday', name: '元旦' });
  });

  it('appears once per date, in date order, in the calendar’s range', () => {
    const range = holidaysBetween('2026-10-01', '2027-01-01', extra);
    expect(range.map((e) => e.date)).toEqual([...datesFrom('2026-10-01', 7), '2026-10-10', '2027-01-01']);
    expect(range.find((e) => e.date === '2026-10-10')?.kind).toBe('holiday');
  });
});

describe('a hostile list is refused with a Chinese message naming the row and field', () => {
  const good = { date: '2027-01-01', kind: 'holiday', name: '元旦' };
  const BAD: Array<[string, unknown, string, string]> = [
    ['a date that does not exist', [{ ...good, date: '2026-02-30' }], '0.date', '第 1 条的日期：不是有效日期'],
    ['a date in another format', [good, { ...good, date: '2027/01/02' }], '1.date', '第 2 条的日期：日期格式应为 YYYY-MM-DD'],
    ['a date that is a number', [{ ...good, date: 20270101 }], '0.date', '第 1 条的日期：'],
    ['an unknown kind', [{ ...good, kind: 'vacation' }], '0.kind', '第 1 条的类型：应为 holiday（放假）或 workday（调休上班）'],
    ['a missing name', [{ date: good.date, kind: good.kind }], '0.name', '第 1 条的名称：必填'],
    ['a blank name', [{ ...good, name: '   ' }], '0.name', '第 1 条的名称：必填'],
    ['a name with a control character', [{ ...good, name: '元\u0007旦' }], '0.name', '第 1 条的名称：含有不可见的控制字符'],
    ['an unknown field', [{ ...good, note: 'x' }], '0', '第 1 条：有不认识的字段 note（只允许 date、kind、name）'],
    ['the same date twice', [good, { ...good, kind: 'workday' }], '1.date', '第 2 条的日期：与第 1 条日期重复（2027-01-01）'],
    ['an entry that is not an object', ['2027-01-01'], '0', '第 1 条：每一条应包含日期、类型和名称'],
    ['something that is not a list', { entries: [good] }, '_', '节假日安排：应为节假日条目的列表'],
    ['too many entries', datesFrom('2030-01-01', MAX_HOLIDAY_ENTRIES + 1).map((date) => ({ ...good, date })), '_', `节假日安排：最多 ${MAX_HOLIDAY_ENTRIES} 条`],
  ];

  it.each(BAD)('refuses %s', (_label, input, field, text) => {
    let error: unknown;
    try {
      parseHolidayEntries(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('VALIDATION');
    expect(appError.message).toMatch(/^节假日安排有误，未保存。/);
    expect(appError.message).toContain(text);
    expect(Object.keys(appError.fields ?? {})).toContain(field);
  });

  it('accepts a well-formed list unchanged', () => {
    expect(parseHolidayEntries([good, { date: '2027-02-06', kind: 'workday', name: '春节' }])).toEqual([good, { date: '2027-02-06', kind: 'workday', name: '春节' }]);
  });
});
