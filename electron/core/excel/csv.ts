import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors';
import { escapeCsvText } from '../../../shared/domain/spreadsheet';
import type { OutCell } from './workbook-model';

/**
 * CSV in and out. Reading decides the encoding deterministically: a byte-order mark says
 * UTF-8 or UTF-16; otherwise bytes that are valid UTF-8 are UTF-8, and anything else is
 * GB18030 (the superset of GBK, which Chinese Excel and WPS write). Writing is UTF-8 with a
 * BOM, so Excel opens Chinese text correctly.
 */
export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';
}

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'GB18030' };
  }
}

/** Whether the bytes look like text at all (no NUL bytes in the first 8 KB, unless UTF-16). */
export function looksLikeText(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return false;
  let control = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  return control <= head.length / 100;
}

/** The delimiter of the first line: comma, tab (Excel's "Unicode text") or semicolon. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * RFC 4180: quoted fields with doubled quotes and line breaks, CRLF/LF/CR. Stops with a clear
 * message once the rows exceed `maxRows` (the caller's limit plus room for title rows).
 */
export function parseCsv(text: string, maxRows: number, tooMany: () => AppError): string[][] {
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') {
      rows.push(row);
      if (rows.length > maxRows) throw tooMany();
    }
    row = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field: up to the closing quote; "" is one quote.
      i++;
      let start = i;
      let out = '';
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          out += text.slice(start);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          out += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        out += text.slice(start, q);
        i = q + 1;
        break;
      }
      field = out;
      // Anything between the closing quote and the delimiter is kept (lenient, like Excel).
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      const next = nextSpecial(text, i, delimiter);
      field += text.slice(i, next);
      i = next;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function nextSpecial(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === delimiter || c === '\n' || c === '\r' || c === '"') return i === from ? i + 1 : i;
  }
  return text.length;
}

/** CSV text (UTF-8 with BOM, CRLF) of a header and rows; text that could run as a formula is escaped. */
export function writeCsv(headers: readonly string[], rows: readonly OutCell[][]): Buffer {
  const lines = [headers.map((h) => csvField(h)).join(',')];
  for (const row of rows) lines.push(row.map((cell) => csvField(cell)).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

function csvField(cell: OutCell): string {
  let text: string;
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') text = cell ? '是' : '否';
  else if (typeof cell === 'object') text = cell.date.slice(0, 16).replace('T', ' ');
  else text = escapeCsvText(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
