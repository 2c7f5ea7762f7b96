/**
 * Reads a holiday file the secretariat imports — CSV (date,kind,name per line) or JSON — into
 * rows. Only the file's shape is checked here; the rows are validated by the core on save
 * (`holidays.save`), whose message numbers them (第 3 条…), so nothing is judged twice.
 */

export interface HolidayRow {
  date: string;
  /** 'holiday' | 'workday' once recognised; anything else is kept so the core names it. */
  kind: string;
  name: string;
}

export type HolidayFileResult = { ok: true; rows: HolidayRow[] } | { ok: false; reason: 'empty' | 'json' };

const KIND_WORDS: Record<string, 'holiday' | 'workday'> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  调休: 'workday',
  调休上班: 'workday',
};

/** 放假 / 休 / holiday → holiday, 上班 / 班 / workday → workday; other words are kept as written. */
export function kindOf(word: string): string {
  const w = word.trim();
  return KIND_WORDS[w.toLowerCase()] ?? w;
}

/** 2027/10/1, 2027.10.1, 2027年10月1日 → 2027-10-01; anything else is kept as written. */
export function normaliseDate(text: string): string {
  const s = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

export function parseHolidayFile(fileName: string, text: string): HolidayFileResult {
  const body = text.replace(/^\uFEFF/, '');
  const looksJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(body);
  const rows = looksJson ? fromJson(body) : fromCsv(body);
  if (rows === null) return { ok: false, reason: 'json' };
  return rows.length === 0 ? { ok: false, reason: 'empty' } : { ok: true, rows };
}

function fromJson(body: string): HolidayRow[] | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.entries) ? (data.entries as unknown[]) : null;
  if (!list) return null;
  return list.map((item) => {
    const o = isObject(item) ? item : {};
    return { date: normaliseDate(text(o.date)), kind: kindOf(text(o.kind)), name: text(o.name).trim() };
  });
}

function fromCsv(body: string): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const line of body.split(/\r\n|\n|\r/)) {
    if (line.trim() === '') continue;
    const [date = '', kind = '', name = ''] = splitCsvLine(line);
    if (rows.length === 0 && /^(date|日期)$/i.test(date.trim())) continue; // a header row
    rows.push({ date: normaliseDate(date), kind: kindOf(kind), name: name.trim() });
  }
  return rows;
}

/** Cells separated by a comma (also ，or a tab); "quoted" cells may hold separators and "" quotes. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === ',' || c === '，' || c === '\t') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** UTF-8 (with or without BOM); otherwise GB18030, as Excel on a Chinese Windows saves CSV. */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The rows with `incoming` laid over them: a date in `incoming` replaces the same date; in date order. */
export function mergeRows<R extends HolidayRow>(rows: readonly R[], incoming: readonly R[]): R[] {
  const dates = new Set(incoming.map((r) => r.date));
  return [...rows.filter((r) => !dates.has(r.date)), ...incoming].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
