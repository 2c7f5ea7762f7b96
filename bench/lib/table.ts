import type { Row } from '../measures/measure';

export interface TableSection {
  measure: string;
  rows: Row[];
  error?: string;
}

const COLUMNS: Array<{ title: string; get: (row: Row) => string; align: 'left' | 'right'; max?: number }> = [
  { title: 'case', get: (r) => r.case, align: 'left', max: 46 },
  { title: 'n', get: (r) => fmt(r.n, 0), align: 'right' },
  { title: 'p50 ms', get: (r) => fmt(r.p50), align: 'right' },
  { title: 'p95 ms', get: (r) => fmt(r.p95), align: 'right' },
  { title: 'p99 ms', get: (r) => fmt(r.p99), align: 'right' },
  { title: 'value', get: (r) => fmt(r.value), align: 'right' },
  { title: 'unit', get: (r) => r.unit ?? '', align: 'left' },
  { title: 'detail', get: (r) => r.detail ?? '', align: 'left', max: 64 },
];

/** A plain-text table, one block per measure; Chinese counts as two columns so it lines up. */
export function renderTable(sections: readonly TableSection[]): string {
  const measureWidth = Math.max('measure'.length, ...sections.map((s) => width(s.measure)));
  const cells = sections.flatMap((s) => s.rows.map((row) => COLUMNS.map((c) => clip(c.get(row), c.max))));
  const widths = COLUMNS.map((c, i) => Math.max(width(c.title), ...cells.map((row) => width(row[i]!))));
  const line = (measure: string, values: string[]) =>
    [pad(measure, measureWidth, 'left'), ...values.map((v, i) => pad(v, widths[i]!, COLUMNS[i]!.align))].join('  ').trimEnd();
  const out = [line('measure', COLUMNS.map((c) => c.title)), '-'.repeat(measureWidth + widths.reduce((a, b) => a + b + 2, 0))];
  for (const section of sections) {
    if (section.error) out.push(line(section.measure, [`FAILED: ${section.error}`, '', '', '', '', '', '', '']));
    section.rows.forEach((row, i) => out.push(line(i === 0 ? section.measure : '', COLUMNS.map((c) => clip(c.get(row), c.max)))));
  }
  return out.join('\n');
}

function fmt(value: number | undefined, decimals?: number): string {
  if (value === undefined || Number.isNaN(value)) return '';
  const places = decimals ?? (Number.isInteger(value) || Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3);
  return value.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** Display width: CJK and full-width characters take two terminal columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function clip(text: string, max?: number): string {
  if (!max || width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'left' ? text + fill : fill + text;
}
