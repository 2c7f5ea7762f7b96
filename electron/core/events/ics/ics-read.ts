import { AppError } from '../../../../shared/errors';
import { parseContentLine, unfoldBytes, unfoldLines, type ContentLine } from './ics-text';

/**
 * From a file's bytes (or text) to a tree of components, refusing what is not iCalendar with
 * one Chinese sentence. The limits keep a hostile file from holding the core for long.
 */

export const MAX_ICS_BYTES = 5 * 1024 * 1024;
export const MAX_ICS_EVENTS = 5000;
/** Real calendars nest three deep (VCALENDAR › VEVENT › VALARM); a deep pile is an attack or garbage. */
const MAX_DEPTH = 8;

export interface Component {
  name: string; // upper case
  props: ContentLine[];
  children: Component[];
}

export function notIcs(reason: string): never {
  throw new AppError('VALIDATION', `不是有效的 iCalendar (.ics) 文件：${reason}`);
}

/** Rounded up, so a file just over the limit never reads as "5.0 MB". */
function megabytes(bytes: number): string {
  return (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);
}

function checkSize(bytes: number): void {
  if (bytes > MAX_ICS_BYTES) {
    throw new AppError('VALIDATION', `文件过大（${megabytes(bytes)} MB），日历文件不能超过 ${MAX_ICS_BYTES / 1024 / 1024} MB。请分批导出后再导入。`);
  }
}

function utf8Length(text: string): number {
  // Each UTF-16 unit is 1–3 octets: decide without encoding when the length alone settles it.
  if (text.length > MAX_ICS_BYTES) return text.length;
  if (text.length * 3 <= MAX_ICS_BYTES) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

/** Bytes → text: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (older Chinese software), else binary. */
function decode(bytes: Uint8Array, warnings: string[]): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  const unfolded = unfoldBytes(bytes);
  const utf8 = new TextDecoder('utf-8').decode(unfolded);
  const bad = utf8.match(/\uFFFD/g)?.length ?? 0;
  if (bad === 0) return utf8;
  // A few bad sequences in otherwise good UTF-8 (a damaged file) keep UTF-8; GBK text decoded as
  // UTF-8 yields a replacement for nearly every character instead.
  const goodNonAscii = utf8.match(/[^\u0000-\u007f\uFFFD]/g)?.length ?? 0;
  if (bad <= 3 && goodNonAscii >= 10 * bad) {
    warnings.push(`文件中有 ${bad} 处字符无法识别，已显示为 �。`);
    return utf8;
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(unfolded);
    warnings.push('文件不是 UTF-8 编码，已按 GB18030（GBK）读取；如有乱码，请另存为 UTF-8 后重新导入。');
    return text;
  } catch {
    return notIcs('文件含有二进制内容，不是文本格式的日历。');
  }
}

/** Text → logical (unfolded) lines, after the size, emptiness and binary checks. */
export function readLines(input: string | Uint8Array, warnings: string[]): string[] {
  checkSize(typeof input === 'string' ? utf8Length(input) : input.byteLength);
  const text = (typeof input === 'string' ? input : decode(input, warnings)).replace(/^\uFEFF/, '');
  if (text.trim() === '') return notIcs('文件是空的。');
  // Text files never hold NUL or most C0 controls; many replacement characters mean bytes decoded as text.
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) || replacements > 16) return notIcs('文件含有二进制内容，不是文本格式的日历。');
  return unfoldLines(text);
}

/** Logical lines → the file's VCALENDAR components (a file may hold several, RFC 5545 §3.4). */
export function readComponents(lines: string[], warnings: string[]): Component[] {
  const calendars: Component[] = [];
  const stack: Component[] = [];
  let started = false;
  let events = 0;
  let unreadable = 0;
  let outside = 0;
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    const line = parseContentLine(raw);
    const verb = line?.name === 'BEGIN' || line?.name === 'END' ? line.name : null;
    const component = verb && line ? line.value.trim().toUpperCase() : '';
    if (!started) {
      if (verb !== 'BEGIN' || component !== 'VCALENDAR') notIcs('缺少 BEGIN:VCALENDAR，文件开头应为 BEGIN:VCALENDAR。');
      started = true;
    }
    const parent = stack[stack.length - 1];
    if (!line || (verb && !/^[A-Z0-9-]+$/.test(component))) {
      unreadable++;
    } else if (verb === 'BEGIN') {
      if (!parent && component !== 'VCALENDAR') notIcs(`BEGIN:${component} 出现在 VCALENDAR 之外。`);
      if (stack.length >= MAX_DEPTH) notIcs('组件嵌套层数过多。');
      if (component === 'VEVENT' && ++events > MAX_ICS_EVENTS) {
        throw new AppError('VALIDATION', `日历中的活动超过 ${MAX_ICS_EVENTS} 个，一次导入不了这么多。请分批导出后再导入。`);
      }
      const node: Component = { name: component, props: [], children: [] };
      (parent ? parent.children : calendars).push(node);
      stack.push(node);
    } else if (verb === 'END') {
      if (!parent) notIcs(`END:${component} 没有对应的 BEGIN:${component}。`);
      if (parent.name !== component) notIcs(`BEGIN:${parent.name} 与 END:${component} 不配对，缺少 END:${parent.name}。`);
      stack.pop();
    } else if (parent) {
      parent.props.push(line);
    } else {
      outside++;
    }
  }
  const open = stack[stack.length - 1];
  if (open) notIcs(`缺少 END:${open.name}，文件可能不完整。`);
  if (unreadable) warnings.push(`已忽略 ${unreadable} 行无法识别的内容。`);
  if (outside) warnings.push(`已忽略 END:VCALENDAR 之后的 ${outside} 行内容。`);
  return calendars;
}
