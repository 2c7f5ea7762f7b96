/**
 * The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知), written the way the
 * notices are written — a rest period and the weekend days worked in exchange — so each line can
 * be checked against the notice by eye. `holidays.ts` expands them into one entry per day.
 *
 * Years after the last one here come from the secretariat's own list (merged over this one), so
 * the app keeps working before a release ships the new year's notice.
 */
export interface HolidayArrangement {
  /** The holiday's name; also the name of the 调休 workdays that pay for it. */
  name: string;
  /** Rest days, first and last inclusive (weekends inside the period included, as the notice counts them). */
  off: [string, string];
  /** Weekend days that are working days (调休上班) because of this holiday. */
  work?: string[];
}

export const BUILT_IN_ARRANGEMENTS: readonly HolidayArrangement[] = [
  // 2024 — 国办发明电〔2023〕7号
  { name: '元旦', off: ['2023-12-30', '2024-01-01'] },
  { name: '春节', off: ['2024-02-10', '2024-02-17'], work: ['2024-02-04', '2024-02-18'] },
  { name: '清明节', off: ['2024-04-04', '2024-04-06'], work: ['2024-04-07'] },
  { name: '劳动节', off: ['2024-05-01', '2024-05-05'], work: ['2024-04-28', '2024-05-11'] },
  { name: '端午节', off: ['2024-06-10', '2024-06-10'] },
  { name: '中秋节', off: ['2024-09-15', '2024-09-17'], work: ['2024-09-14'] },
  { name: '国庆节', off: ['2024-10-01', '2024-10-07'], work: ['2024-09-29', '2024-10-12'] },

  // 2025 — 国办发明电〔2024〕12号 (the first year with the extra 春节 and 劳动节 days)
  { name: '元旦', off: ['2025-01-01', '2025-01-01'] },
  { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', off: ['2025-04-04', '2025-04-06'] },
  { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
  { name: '端午节', off: ['2025-05-31', '2025-06-02'] },
  // 国庆节、中秋节 share one 8-day period (10月1日–8日); 10月6日 is the Mid-Autumn day itself.
  { name: '国庆节', off: ['2025-10-01', '2025-10-05'], work: ['2025-09-28', '2025-10-11'] },
  { name: '中秋节', off: ['2025-10-06', '2025-10-06'] },
  { name: '国庆节', off: ['2025-10-07', '2025-10-08'] },

  // 2026 — 国办发明电〔2025〕7号
  { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
  { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', off: ['2026-04-04', '2026-04-06'] },
  { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
  { name: '端午节', off: ['2026-06-19', '2026-06-21'] },
  { name: '中秋节', off: ['2026-09-25', '2026-09-27'] },
  { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] },
];
