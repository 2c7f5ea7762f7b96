import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  columnHeader,
  escapeCsvText,
  headerKeys,
  normalizeHeader,
  readDateSerial,
  readDateText,
  readListText,
  readNumberText,
  readOption,
  unescapeCsvText,
  unitsOf,
  type SheetColumn,
} from '../../shared/domain/spreadsheet';
import { decodeText, parseCsv, writeCsv } from '../../electron/core/excel/csv';
import { convertCell, mapHeaders } from '../../electron/core/excel/import-engine';
import { AppError } from '../../shared/errors';

const tooMany = () => new AppError('VALIDATION', 'too many');

describe('reading dates', () => {
  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026/3/15', '2026-03-15'],
    ['2026.3.15', '2026-03-15'],
    ['2026年3月15日', '2026-03-15'],
    ['2026年03月15', '2026-03-15'],
    ['2026 年 3 月 15 日', '2026-03-15'],
    ['２０２６－０３－１５', '2026-03-15'],
    ['20260315', '2026-03-15'],
    [' 2026-3-5 ', '2026-03-05'],
    ['2026-03-15 09:30', '2026-03-15T09:30:00'],
    ['2026/3/15 9:30:15', '2026-03-15T09:30:15'],
    ['2026年3月15日 9:30', '2026-03-15T09:30:00'],
  ])('reads %s as %s', (text, expected) => {
    expect(readDateText(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2026-02-30', '不是有效日期'],
    ['2026-13-01', '不是有效日期'],
    ['2026-03-15 25:00', '不是有效日期'],
    ['2026/03-15', '日期格式应为'],
    ['15/03/2026', '日期格式应为'],
    ['下周一', '日期格式应为'],
  ])('refuses %s, saying why', (text, message) => {
    const read = readDateText(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain(message);
  });

  it('reads Excel serial numbers (with the 1900 leap-year quirk) and refuses impossible ones', () => {
    expect(readDateSerial(46096)).toEqual({ ok: true, value: '2026-03-15' });
    expect(readDateSerial(46096.5)).toEqual({ ok: true, value: '2026-03-15T12:00:00' });
    expect(readDateSerial(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(readDateSerial(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(readDateSerial(60).ok).toBe(false);
    expect(readDateSerial(-3).ok).toBe(false);
    expect(readDateSerial(3e7).ok).toBe(false);
  });

  const dateColumn: SheetColumn = { key: 'deadline', header: '截止日期', kind: 'date', required: false, help: '' };
  it.each([
    ['a date cell of an .xlsx', { date: '2026-03-15' }],
    ['a date-time cell, in a date column', { date: '2026-03-15T18:00:00' }],
    ['an Excel serial in a general-format cell', 46096],
    ['ISO text', '2026-03-15'],
    ['slashes', '2026/3/15'],
    ['dots', '2026.3.15'],
    ['Chinese', '2026年3月15日'],
  ])('turns %s into the same date', (_label, cell) => {
    expect(convertCell(cell, dateColumn)).toEqual({ ok: true, value: '2026-03-15' });
  });
});

describe('reading numbers', () => {
  it.each([
    ['1234.5', {}, 1234.5],
    ['1,234,567', {}, 1234567],
    ['1，234', {}, 1234],
    ['１２３', {}, 123],
    ['￥1,200', {}, 1200],
    ['-5', {}, -5],
    ['385万元', unitsOf('万元'), 385],
    ['385 万', unitsOf('万元'), 385],
    ['3,850,000元', unitsOf('万元'), 385],
    ['1.2亿元', unitsOf('万元'), 12000],
    ['1,200平方米', unitsOf('平方米'), 1200],
    ['1200㎡', unitsOf('平方米'), 1200],
    ['2019年', { 年: 1 }, 2019],
    ['4万', unitsOf('元'), 40000],
  ])('reads %s', (text, units, expected) => {
    expect(readNumberText(text, units)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['五十', {}, '必须是数字'],
    ['约50', {}, '必须是数字'],
    ['50公斤', unitsOf('万元'), '单位应为 万元、万、元、亿元、亿'],
    ['50元', {}, '不要带单位'],
  ])('refuses %s', (text, units, message) => {
    const read = readNumberText(text, units);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain(message);
  });

  it('keeps phone numbers typed as numbers whole, in a text column', () => {
    const phone: SheetColumn = { key: 'contactPhone', header: '联系电话', kind: 'text', required: false, help: '' };
    expect(convertCell(13800138000, phone)).toEqual({ ok: true, value: '13800138000' });
    expect(convertCell(0.1 + 0.2, phone)).toEqual({ ok: true, value: '0.3' });
  });
});

describe('reading lists, choices and headers', () => {
  it('splits lists on 、 , ， ; and line breaks', () => {
    expect(readListText('稀土、永磁, 材料，检测;分析\n测试')).toEqual(['稀土', '永磁', '材料', '检测', '分析', '测试']);
  });

  const zones = [{ value: 'Z1', label: '哈尔滨高新区', aliases: ['哈尔滨高新技术产业开发区', 'HRB'] }];
  it.each(['哈尔滨高新区', '哈尔滨高新技术产业开发区', 'hrb', ' 哈尔滨 高新区 ', 'Ｚ１'])('finds a zone by %s', (text) => {
    expect(readOption(text, zones)).toEqual({ ok: true, value: 'Z1' });
  });

  it('names the choices when a value is not one of them', () => {
    expect(readOption('租赁', [{ value: 'free', label: '免费' }, { value: 'paid', label: '收费' }])).toEqual({ ok: false, message: '「租赁」不是可选值，应为 免费、收费 之一' });
  });

  it.each(['名称', '名称（必填）', '名称(必填)', ' 名 称 ', '*名称', '名称＊', '名称 (必填)'])('matches the header %s', (header) => {
    expect(normalizeHeader(header)).toBe('名称');
  });

  it('matches a unit column with or without its unit, and full-width brackets alike', () => {
    const column: SheetColumn = { key: 'extra.originalValue', header: '原值', unit: '万元', kind: 'number', required: false, help: '' };
    expect(columnHeader(column)).toBe('原值（万元）');
    expect(headerKeys(column)).toEqual(['原值', '原值(万元)']);
    expect(normalizeHeader('原值（万元）')).toBe('原值(万元)');
  });

  it('maps headers in any order, reports unknown and missing ones, and treats __proto__ and constructor as plain unknown names', () => {
    const columns: SheetColumn[] = [
      { key: 'title', header: '名称', kind: 'text', required: true, help: '' },
      { key: 'organisation', header: '所属单位', kind: 'text', required: true, help: '' },
      { key: 'status', header: '状态', kind: 'text', required: false, help: '', readOnly: true },
    ];
    const mapping = mapHeaders(['__proto__', '状态', ' 名称（必填） ', 'constructor', '备注', '错误说明', '名称'], columns);
    expect(mapping.report).toEqual({
      mapped: [{ header: ' 名称（必填） ', column: '名称' }],
      unknown: ['__proto__', 'constructor', '备注', '名称（重复的列，已忽略）'],
      missing: ['所属单位'],
      ignored: ['状态', '错误说明'],
    });
    expect(mapping.columnAt.map((c) => c?.key ?? null)).toEqual([null, null, 'title', null, null, null, null]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('CSV text', () => {
  const csv = '名称,联系人\r\n"稀土, 永磁","王""老师"""\r\n多行,"第一行\n第二行"\n';

  it('decodes UTF-8 with and without a BOM, GB18030 (GBK) and UTF-16 by their bytes alone', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]))).toEqual({ text: csv, encoding: 'UTF-8 (BOM)' });
    expect(decodeText(Buffer.from(csv))).toEqual({ text: csv, encoding: 'UTF-8' });
    expect(decodeText(iconv.encode(csv, 'gbk'))).toEqual({ text: csv, encoding: 'GB18030' });
    expect(decodeText(iconv.encode('𠮷野家,€', 'gb18030'))).toEqual({ text: '𠮷野家,€', encoding: 'GB18030' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t联系人', 'utf16le')]))).toEqual({ text: '名称\t联系人', encoding: 'UTF-16LE' });
  });

  it('parses quotes, doubled quotes, line breaks in cells and CRLF/LF endings', () => {
    expect(parseCsv(csv, 100, tooMany)).toEqual([
      ['名称', '联系人'],
      ['稀土, 永磁', '王"老师"'],
      ['多行', '第一行\n第二行'],
    ]);
  });

  it('finds tab and semicolon delimiters from the first line', () => {
    expect(parseCsv('a\tb\n1\t2', 10, tooMany)).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a;b\n1;2', 10, tooMany)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('stops at the row limit with the caller’s message', () => {
    expect(() => parseCsv('a\n'.repeat(1000), 10, tooMany)).toThrow('too many');
  });

  it('writes UTF-8 with a BOM and escapes text a spreadsheet would run as a formula', () => {
    const bytes = writeCsv(['名称', '值', '日期'], [['=HYPERLINK("http://x","点我")', -5, { date: '2026-03-15' }], ['+86 138', '@SUM(A1)', { date: '2026-03-15T09:30:00' }], ['a,b', null, true]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      ['名称,值,日期', `"'=HYPERLINK(""http://x"",""点我"")",-5,2026-03-15`, "'+86 138,'@SUM(A1),2026-03-15 09:30", '"a,b",,是', ''].join('\r\n'),
    );
  });

  it('undoes its own escaping on import, and only that', () => {
    for (const text of ['=1+1', '+86', '-x', '@a']) expect(unescapeCsvText(escapeCsvText(text))).toBe(text);
    expect(unescapeCsvText("'hello")).toBe("'hello");
  });
});
