/**
 * RFC 5545 §3.1 and §3.3.11: content lines, folding, TEXT escaping. No calendar semantics here.
 */

/** Octets a line may hold before the CRLF (§3.1). A continuation's leading space counts too. */
export const MAX_LINE_OCTETS = 75;

/** TEXT values escape backslash, semicolon, comma and newline; other control characters are dropped (clients choke on them). */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** The inverse of `escapeText`; also accepts `\N` and Outlook-era `\:`, and keeps unknown escapes as written. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets joined by CRLF + space.
 * Splits only between code points, so a Chinese character (3 octets) or an emoji (4) is never cut.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Splits on CRLF, LF or a lone CR, and joins each continuation line (leading space or tab) to the one before it. */
export function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  for (const physical of text.split(/\r\n|\n|\r/)) {
    const last = lines.length - 1;
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last >= 0) lines[last] += physical.slice(1);
    else lines.push(physical);
  }
  return lines;
}

/**
 * Removes folds at the byte level, before decoding: a careless writer may fold inside a UTF-8
 * sequence, which decoding line by line would turn into replacement characters.
 */
export function unfoldBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const crlf = b === 0x0d && bytes[i + 1] === 0x0a;
    const breakLength = crlf ? 2 : b === 0x0a ? 1 : 0;
    const next = bytes[i + breakLength];
    if (breakLength && (next === 0x20 || next === 0x09)) {
      i += breakLength; // skip the line break and the one whitespace character after it
      continue;
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

export interface ContentLine {
  name: string; // upper case
  /** Parameter name (upper case) → value, quotes removed; a repeated parameter keeps its first value. */
  params: Map<string, string>;
  value: string;
}

/** Sticky (`y`): matched in place at `lastIndex`, never on a slice, so a 5 MB line of parameters stays linear. */
const NAME = /[A-Za-z0-9-]+/y;

function nameAt(line: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(line)?.[0];
}

/** `NAME;PARAM=value;PARAM="quoted:value":VALUE` → parts, or null when the line is not a content line. */
export function parseContentLine(line: string): ContentLine | null {
  const name = nameAt(line, 0);
  if (!name) return null;
  const params = new Map<string, string>();
  let i = name.length;
  while (line[i] === ';') {
    const key = nameAt(line, i + 1);
    if (!key || line[i + 1 + key.length] !== '=') return null;
    i += key.length + 2;
    let value = '';
    for (;;) {
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) return null;
        value += line.slice(i + 1, close);
        i = close + 1;
      } else {
        let j = i;
        while (j < line.length && line[j] !== ';' && line[j] !== ':' && line[j] !== ',') j++;
        value += line.slice(i, j);
        i = j;
      }
      if (line[i] !== ',') break;
      value += ',';
      i++;
    }
    if (!params.has(key.toUpperCase())) params.set(key.toUpperCase(), value);
  }
  if (line[i] !== ':') return null;
  return { name: name.toUpperCase(), params, value: line.slice(i + 1) };
}
