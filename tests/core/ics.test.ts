import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { MAX_ICS_EVENTS, parseCalendar, writeCalendar, type IcsEvent } from '../../electron/core/events/ics';
import { AppError } from '../../shared/errors';

const LONG_CHINESE = '东北地区国家高新区协同创新联盟年度创新成果对接会将集中展示新材料、生物医药、高端装备、人工智能等领域的最新成果🚀，欢迎各园区企业报名参加。'.repeat(4);

const FORUM: IcsEvent = {
  uid: '01JBCDEFGHJKMNPQRSTVWXYZ12',
  sequence: 3,
  title: '创新论坛，第三届；主题：“数智融合”\\东北振兴',
  description: '请携带身份证件。\n会后参观孵化器，午餐自理；联系人：李四。',
  location: '哈尔滨高新区科技创新城，301 会议室',
  url: 'https://example.cn/events/forum?id=3,4',
  start: '2026-10-15T09:00:00+08:00',
  end: '2026-10-15T11:30:00+08:00',
  allDay: false,
  status: 'confirmed',
  updatedAt: '2026-09-01T02:03:04.000Z',
  agenda: [
    { time: '09:00', topic: '开幕致辞', speaker: '张三', organisation: '哈尔滨工业大学' },
    { time: '09:30', topic: '主题报告', speaker: '王五' },
    { time: '10:30', topic: '圆桌讨论', organisation: '联盟秘书处' },
  ],
};
const EXPO: IcsEvent = {
  uid: '01JBCDEFGHJKMNPQRSTVWXYZ34',
  sequence: 0,
  title: '成果对接会',
  description: LONG_CHINESE,
  location: '',
  start: '2026-10-20',
  end: '2026-10-23', // exclusive: 20, 21 and 22 October
  allDay: true,
  status: 'tentative',
  updatedAt: '2026-09-02T00:00:00Z',
};
const CANCELLED: IcsEvent = {
  uid: '01JBCDEFGHJKMNPQRSTVWXYZ56',
  sequence: 5,
  title: '路演（取消）',
  description: '',
  location: '长春',
  start: '2026-11-03T23:30:00+08:00', // crosses midnight, and UTC is the previous day
  end: '2026-11-04T01:00:00+08:00',
  allDay: false,
  status: 'cancelled',
  updatedAt: '2026-09-03T08:00:00+08:00',
};
const EVENTS = [FORUM, EXPO, CANCELLED];
const ICS = writeCalendar(EVENTS, { calendarName: '联盟活动日历，2026' });

function physicalLines(text: string): string[] {
  return text.split('\r\n').slice(0, -1); // the file ends with CRLF
}

/** Joins folded lines back: the test's own unfolding, independent of the module's. */
function logicalLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('writing a calendar', () => {
  it('uses CRLF line endings only, and ends with one', () => {
    expect(ICS.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ICS.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every physical line to at most 75 octets without ever splitting a character', () => {
    const lines = physicalLines(ICS);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length, line).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    }
    // The long Chinese description really was folded, and nothing was lost doing so.
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    expect(logicalLines(ICS).find((l) => l.startsWith('DESCRIPTION:东北'))).toBe(`DESCRIPTION:${LONG_CHINESE.replace(/,/g, '\\,')}`);
  });

  it('declares Asia/Shanghai in a VTIMEZONE and writes timed events in it, all-day events as dates', () => {
    const lines = logicalLines(ICS);
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz).toEqual(['BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'X-LIC-LOCATION:Asia/Shanghai', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE']);
    expect(lines).toContain('DTSTART;TZID=Asia/Shanghai:20261015T090000');
    expect(lines).toContain('DTEND;TZID=Asia/Shanghai:20261015T113000');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261020');
    expect(lines).toContain('DTEND;VALUE=DATE:20261023');
    expect(lines).toContain('DTSTAMP:20260901T020304Z');
    expect(lines).toContain('DTSTAMP:20260903T000000Z'); // +08:00 input, UTC output
    expect(lines).toContain('X-WR-CALNAME:联盟活动日历，2026');
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    const lines = logicalLines(ICS);
    expect(lines).toContain('SUMMARY:创新论坛，第三届；主题：“数智融合”\\\\东北振兴');
    expect(lines).toContain('LOCATION:哈尔滨高新区科技创新城，301 会议室');
    expect(writeCalendar([{ ...FORUM, title: 'a,b;c\\d\ne' }], { calendarName: 'x' })).toContain('SUMMARY:a\\,b\\;c\\\\d\\ne\r\n');
  });

  it('gives each event a stable UID, its SEQUENCE and STATUS', () => {
    const again = writeCalendar(EVENTS, { calendarName: '联盟活动日历，2026' });
    expect(again).toBe(ICS);
    const lines = logicalLines(ICS);
    expect(lines).toContain('UID:01JBCDEFGHJKMNPQRSTVWXYZ12@alliance-workspace');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines.filter((l) => l.startsWith('STATUS:'))).toEqual(['STATUS:CONFIRMED', 'STATUS:TENTATIVE', 'STATUS:CANCELLED']);
  });

  it('keeps a title or URL from breaking out of its line to inject properties', () => {
    const hostile = writeCalendar([{ ...FORUM, title: '会议\r\nBEGIN:VEVENT\r\nSUMMARY:假冒', url: 'https://example.cn/\r\nATTACH:evil' }], { calendarName: 'x' });
    expect(logicalLines(hostile).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(hostile).not.toContain('URL:');
    expect(parseCalendar(hostile).events[0]?.title).toBe('会议\nBEGIN:VEVENT\nSUMMARY:假冒');
  });

  const BAD: Array<[string, Partial<IcsEvent>, string]> = [
    ['an all-day event ending on its first day', { allDay: true, start: '2026-10-01', end: '2026-10-01' }, '结束日期应晚于开始日期'],
    ['an all-day event with a time', { allDay: true, start: '2026-10-01T09:00:00+08:00', end: '2026-10-02' }, '日期应为 YYYY-MM-DD'],
    ['a timed event ending before it starts', { end: '2026-10-15T08:00:00+08:00' }, '结束时间早于开始时间'],
    ['a start on 30 February', { start: '2026-02-30T09:00:00+08:00' }, '开始时间格式不正确'],
    ['a start without an offset', { start: '2026-10-15T09:00:00' }, '开始时间格式不正确'],
    ['a negative sequence', { sequence: -1 }, '版本序号应为非负整数'],
  ];
  it.each(BAD)('refuses to export %s, naming the event', (_label, change, text) => {
    expect(() => writeCalendar([{ ...FORUM, ...change }], { calendarName: 'x' })).toThrow(new RegExp(`无法导出活动“创新论坛.*${text}`));
  });
});

describe('an independent parser (ical.js) reads our export', () => {
  const root = new ICAL.Component(ICAL.parse(ICS));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const parsed = root.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) }));

  it('finds the calendar name and the Asia/Shanghai VTIMEZONE', () => {
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('联盟活动日历，2026');
    expect(root.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
  });

  it('reads titles, UIDs, sequences and statuses', () => {
    expect(parsed.map(({ e }) => e.summary)).toEqual(EVENTS.map((x) => x.title));
    expect(parsed.map(({ e }) => e.uid)).toEqual(EVENTS.map((x) => `${x.uid}@alliance-workspace`));
    expect(parsed.map(({ e }) => e.sequence)).toEqual([3, 0, 5]);
    expect(parsed.map(({ v }) => v.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'TENTATIVE', 'CANCELLED']);
  });

  it('reads the same instants for timed events, in the Asia/Shanghai zone', () => {
    for (const [i, source] of [[0, FORUM], [2, CANCELLED]] as const) {
      const { e } = parsed[i]!;
      expect(e.startDate.isDate).toBe(false);
      expect(e.startDate.zone?.tzid).toBe('Asia/Shanghai');
      expect(e.startDate.toUnixTime() * 1000).toBe(Date.parse(source.start));
      expect(e.endDate.toUnixTime() * 1000).toBe(Date.parse(source.end));
    }
  });

  it('reads all-day events as dates with the exclusive end', () => {
    const { e } = parsed[1]!;
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe('2026-10-20');
    expect(e.endDate.toString()).toBe('2026-10-23');
  });

  it('reads Chinese text with commas, semicolons, backslashes, newlines and the agenda, and the folded long text whole', () => {
    expect(parsed[0]!.e.description).toBe(
      '请携带身份证件。\n会后参观孵化器，午餐自理；联系人：李四。\n\n议程：\n09:00 开幕致辞 — 张三（哈尔滨工业大学）\n09:30 主题报告 — 王五\n10:30 圆桌讨论 — 联盟秘书处',
    );
    expect(parsed[0]!.e.location).toBe(FORUM.location);
    expect(parsed[0]!.v.getFirstPropertyValue('url')).toBe(FORUM.url);
    expect(parsed[1]!.e.description).toBe(LONG_CHINESE);
  });
});

describe('any text survives escaping and folding', () => {
  // Printable text from the whole of Unicode (Chinese, emoji, combining marks) plus the characters that need escaping.
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('\\', ';', ',', '\n', ':', '"', ' ', '中', '🚀'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 200 }).map((s) => s.trim());

  it('reads back the same title and description, in both parsers, with every line within 75 octets', () => {
    fc.assert(
      fc.property(text, text, (title, description) => {
        const ics = writeCalendar([{ ...EXPO, title, description }], { calendarName: title });
        for (const line of physicalLines(ics)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const ours = parseCalendar(ics).events[0];
        const theirs = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
        expect([ours?.title, ours?.description]).toEqual([title, description]);
        expect([theirs.summary, theirs.description ?? '']).toEqual([title, description]);
      }),
      { numRuns: 300, seed: 20261001 },
    );
  });
});

describe('our parser reads our export back', () => {
  it('returns every field as written (the agenda now part of the description)', () => {
    const { events, warnings, calendarName } = parseCalendar(ICS);
    expect(warnings).toEqual([]);
    expect(calendarName).toBe('联盟活动日历，2026');
    expect(events).toEqual([
      { ...without(FORUM, 'agenda'), uid: `${FORUM.uid}@alliance-workspace`, description: expect.stringContaining('10:30 圆桌讨论 — 联盟秘书处'), recurring: false },
      { ...EXPO, uid: `${EXPO.uid}@alliance-workspace`, recurring: false, updatedAt: '2026-09-02T00:00:00.000Z' },
      { ...CANCELLED, uid: `${CANCELLED.uid}@alliance-workspace`, recurring: false, updatedAt: '2026-09-03T00:00:00.000Z' },
    ]);
  });

  it('reads its bytes the same as its text', () => {
    expect(parseCalendar(new TextEncoder().encode(ICS))).toEqual(parseCalendar(ICS));
  });
});

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

const OUTLOOK = crlf(
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'X-CALSTART:20261015T010000Z',
  'X-WR-RELCALID:{0000002E-1A2B-3C4D-5E6F-0123456789AB}',
  'X-WR-CALNAME:日历',
  'BEGIN:VTIMEZONE',
  'TZID:China Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'CLASS:PUBLIC',
  'CREATED:20260901T020000Z',
  'DESCRIPTION:请携带身份证件。\\n会后参观孵化器\\, 午餐自理\\; 联系人：李四\\, 电话 0451-8668',
  ' 8888。\\n',
  'DTEND;TZID="China Standard Time":20261015T113000',
  'DTSTAMP:20260910T080000Z',
  'DTSTART;TZID="China Standard Time":20261015T090000',
  'LAST-MODIFIED:20260905T030000Z',
  'LOCATION:哈尔滨高新区科技创新城会议中心 301 室',
  'PRIORITY:5',
  'SEQUENCE:1',
  'SUMMARY;LANGUAGE=zh-cn:东北高新区联盟创新论坛（第三届）',
  'TRANSP:OPAQUE',
  'UID:040000008200E00074C5B7101A82E0080000000010D4A0F5E8D6DB010000000000000000100',
  ' 00000B0A3F1C1E2D3F44D8A6E2B0F7C5D4E3A',
  'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
  'X-MICROSOFT-CDO-IMPORTANCE:1',
  'X-ALT-DESC;FMTTYPE=text/html:<html><body><p>请携带身份证件。</p></body></html>',
  'BEGIN:VALARM',
  'TRIGGER:-PT15M',
  'ACTION:DISPLAY',
  'DESCRIPTION:Reminder',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'CLASS:PUBLIC',
  'DTEND;VALUE=DATE:20261022',
  'DTSTAMP:20260910T080000Z',
  'DTSTART;VALUE=DATE:20261020',
  'SEQUENCE:0',
  'SUMMARY;LANGUAGE=zh-cn:成果对接会',
  'TRANSP:TRANSPARENT',
  'UID:040000008200E00074C5B7101A82E00800000000AAAA',
  'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
  'END:VEVENT',
  'END:VCALENDAR',
);

const GOOGLE = crlf(
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:联盟秘书处',
  'X-WR-TIMEZONE:Asia/Shanghai',
  'BEGIN:VEVENT',
  'DTSTART:20261103T013000Z',
  'DTEND:20261103T033000Z',
  'DTSTAMP:20260920T000000Z',
  'UID:7kq2r3s4t5u6v7w8x9y0@google.com',
  'CREATED:20260915T061500Z',
  'DESCRIPTION:线上路演，链接见会议邀请。',
  'LAST-MODIFIED:20260915T061500Z',
  'LOCATION:',
  'SEQUENCE:0',
  'STATUS:CONFIRMED',
  'SUMMARY:科技金融路演',
  'TRANSP:OPAQUE',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'DESCRIPTION:This is an event reminder',
  'TRIGGER:-P0DT0H30M0S',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20261105T060000Z',
  'DTEND:20261105T070000Z',
  'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TH',
  'DTSTAMP:20260920T000000Z',
  'UID:weekly01@google.com',
  'SEQUENCE:2',
  'STATUS:TENTATIVE',
  'SUMMARY:联盟周例会',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20261112T070000Z',
  'DTEND:20261112T080000Z',
  'RECURRENCE-ID:20261112T060000Z',
  'DTSTAMP:20260920T000000Z',
  'UID:weekly01@google.com',
  'SUMMARY:联盟周例会（改期）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261201',
  'DTEND;VALUE=DATE:20261202',
  'DTSTAMP:20260920T000000Z',
  'UID:deadline01@google.com',
  'STATUS:CANCELLED',
  'SUMMARY:材料报送截止',
  'URL:javascript:alert(1)',
  'END:VEVENT',
  'END:VCALENDAR',
);

// WPS-style (as Chinese office and messaging apps write them): BOM, LF line endings, a TZID
// without its VTIMEZONE, floating times, DURATION, the retired Harbin/Chongqing zone names, a to-do.
const WPS = `\uFEFF${[
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Kingsoft//WPS Calendar 1.0//CN',
  'BEGIN:VEVENT',
  'UID:wps-0001',
  'DTSTART;TZID=Asia/Shanghai:20261208T093000',
  'DURATION:PT2H',
  'SUMMARY:园区政策宣讲会',
  'DESCRIPTION:地点另行通知',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:wps-0002',
  'DTSTART:20261209T140000',
  'DTEND:20261209T153000',
  'SUMMARY:专家咨询（浮动时间）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:wps-0003',
  'DTSTART;TZID=Asia/Harbin:20261210T080000',
  'DTEND;TZID="Asia/Chongqing":20261210T090000',
  'SUMMARY:早间对接',
  '\t会（续行）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:wps-0004',
  'DTSTART:20261225',
  'SUMMARY:年终总结提交',
  'END:VEVENT',
  'BEGIN:VTODO',
  'UID:wps-todo',
  'SUMMARY:准备材料',
  'END:VTODO',
  'END:VCALENDAR',
].join('\n')}\n`;

describe('importing other applications’ calendars', () => {
  it('reads an Outlook export: "China Standard Time", its VTIMEZONE, folded lines, alarms and HTML ignored', () => {
    const { events, warnings } = parseCalendar(OUTLOOK);
    expect(warnings).toEqual([]);
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      uid: '040000008200E00074C5B7101A82E0080000000010D4A0F5E8D6DB01000000000000000010000000B0A3F1C1E2D3F44D8A6E2B0F7C5D4E3A',
      sequence: 1,
      title: '东北高新区联盟创新论坛（第三届）',
      description: '请携带身份证件。\n会后参观孵化器, 午餐自理; 联系人：李四, 电话 0451-86688888。',
      location: '哈尔滨高新区科技创新城会议中心 301 室',
      start: '2026-10-15T09:00:00+08:00',
      end: '2026-10-15T11:30:00+08:00',
      allDay: false,
      status: 'confirmed',
      recurring: false,
      updatedAt: '2026-09-05T03:00:00.000Z',
    });
    expect(events[1]).toMatchObject({ title: '成果对接会', allDay: true, start: '2026-10-20', end: '2026-10-22' });
  });

  it('reads a Google export: UTC times to +08:00, the first occurrence of a weekly series, a cancelled all-day event', () => {
    const { events, warnings, calendarName } = parseCalendar(GOOGLE);
    expect(calendarName).toBe('联盟秘书处');
    expect(events.map((e) => [e.title, e.start, e.end, e.status])).toEqual([
      ['科技金融路演', '2026-11-03T09:30:00+08:00', '2026-11-03T11:30:00+08:00', 'confirmed'],
      ['联盟周例会', '2026-11-05T14:00:00+08:00', '2026-11-05T15:00:00+08:00', 'tentative'],
      ['材料报送截止', '2026-12-01', '2026-12-02', 'cancelled'],
    ]);
    expect(events[0]?.description).toBe('线上路演，链接见会议邀请。'); // not the alarm's description
    expect(events[1]).toMatchObject({ recurring: true, sequence: 2 });
    expect(events[2]?.url).toBeUndefined();
    expect(warnings).toEqual([
      '第 2 个活动（“联盟周例会”）是重复活动，只导入了第一次（2026-11-05T14:00:00+08:00），以后各次请导入后自行添加。',
      '第 4 个活动（“材料报送截止”）的链接不是 http(s) 网址，已忽略。',
      '已跳过 1 个重复活动中单独修改过的场次（RECURRENCE-ID）。',
    ]);
  });

  it('reads a WPS-style file: BOM and LF, TZID without VTIMEZONE, floating times, DURATION, Harbin and Chongqing zones; skips the to-do', () => {
    const { events, warnings } = parseCalendar(WPS);
    expect(events.map((e) => [e.uid, e.title, e.start, e.end, e.allDay])).toEqual([
      ['wps-0001', '园区政策宣讲会', '2026-12-08T09:30:00+08:00', '2026-12-08T11:30:00+08:00', false],
      ['wps-0002', '专家咨询（浮动时间）', '2026-12-09T14:00:00+08:00', '2026-12-09T15:30:00+08:00', false],
      ['wps-0003', '早间对接会（续行）', '2026-12-10T08:00:00+08:00', '2026-12-10T09:00:00+08:00', false],
      ['wps-0004', '年终总结提交', '2026-12-25', '2026-12-26', true],
    ]);
    expect(warnings).toEqual(['已跳过 1 个待办事项（VTODO），只导入活动。']);
  });

  it('converts other zones to Beijing time: IANA names with daylight saving, and a Windows name through its VTIMEZONE', () => {
    const { events, warnings } = parseCalendar(
      crlf(
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VTIMEZONE',
        'TZID:Tokyo Standard Time',
        'BEGIN:STANDARD',
        'DTSTART:16010101T000000',
        'TZOFFSETFROM:+0900',
        'TZOFFSETTO:+0900',
        'END:STANDARD',
        'END:VTIMEZONE',
        'BEGIN:VEVENT',
        'DTSTART;TZID=America/New_York:20260701T090000', // EDT, UTC−4
        'DTEND;TZID=America/New_York:20261201T090000', // EST, UTC−5
        'SUMMARY:纽约',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;TZID=Tokyo Standard Time:20261015T100000',
        'SUMMARY:东京',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;TZID="(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi":20261016T100000',
        'DTEND;TZID=/mozilla.org/20050126_1/Asia/Shanghai:20261016T110000',
        'SUMMARY:Outlook 显示名与旧 Mozilla 时区名',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;TZID=Mars/Olympus:20261015T100000',
        'SUMMARY:未知',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    );
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2026-07-01T21:00:00+08:00', '2026-12-01T22:00:00+08:00'],
      ['2026-10-15T09:00:00+08:00', '2026-10-15T09:00:00+08:00'],
      ['2026-10-16T10:00:00+08:00', '2026-10-16T11:00:00+08:00'],
      ['2026-10-15T10:00:00+08:00', '2026-10-15T10:00:00+08:00'],
    ]);
    expect(warnings).toEqual(['不认识时区“Mars/Olympus”，已按北京时间（Asia/Shanghai）处理。']);
  });

  it('reads a file folded in the middle of a Chinese character, when given its bytes', () => {
    const head = Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20261001T010000Z\r\nSUMMARY:创新', 'utf8');
    const 论 = Buffer.from('论', 'utf8');
    const bytes = Buffer.concat([head, 论.subarray(0, 1), Buffer.from('\r\n '), 论.subarray(1), Buffer.from('坛\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')]);
    expect(parseCalendar(bytes).events[0]?.title).toBe('创新论坛');
  });

  it('reads a GB18030 (GBK) file from older Chinese software, with a warning', () => {
    const gbk = Uint8Array.from([
      ...Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261001\r\nSUMMARY:'),
      0xd6, 0xd0, 0xce, 0xc4, // 中文 in GBK
      ...Buffer.from('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
    ]);
    const { events, warnings } = parseCalendar(gbk);
    expect(events[0]?.title).toBe('中文');
    expect(warnings[0]).toContain('GB18030');
  });

  it('keeps a UTF-8 file with one damaged character, with a warning, rather than reading it as GBK', () => {
    const bytes = Buffer.concat([Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261001\r\nSUMMARY:联盟创新论坛'), Buffer.from([0xe5]), Buffer.from('哈尔滨站\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')]);
    const { events, warnings } = parseCalendar(bytes);
    expect(events[0]?.title).toBe('联盟创新论坛\uFFFD哈尔滨站');
    expect(warnings).toEqual(['文件中有 1 处字符无法识别，已显示为 �。']);
  });

  it('reads a 4 MB line of parameters in linear time', () => {
    const line = `X-ATTACK${';A=b'.repeat(1_000_000)}:x`;
    const started = Date.now();
    expect(parseCalendar(crlf('BEGIN:VCALENDAR', line, 'END:VCALENDAR')).events).toEqual([]);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('repairs an end before the start and says so', () => {
    const { events, warnings } = parseCalendar(crlf('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'SUMMARY:倒序', 'DTSTART:20261001T010000Z', 'DTEND:20261001T000000Z', 'END:VEVENT', 'END:VCALENDAR'));
    expect(events[0]).toMatchObject({ start: '2026-10-01T09:00:00+08:00', end: '2026-10-01T09:00:00+08:00' });
    expect(warnings).toEqual(['第 1 个活动（“倒序”）的结束时间早于开始时间，已按开始时间处理。']);
  });

  it(`accepts the limit of ${MAX_ICS_EVENTS} events quickly`, () => {
    const started = Date.now();
    const { events } = parseCalendar(manyEvents(MAX_ICS_EVENTS));
    expect(events).toHaveLength(MAX_ICS_EVENTS);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

function manyEvents(count: number): string {
  const body = Array.from({ length: count }, (_, i) => `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTART:20261001T010000Z\r\nSUMMARY:活动 ${i}\r\nEND:VEVENT\r\n`).join('');
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;
}

/** A calendar of harmless X- lines, exactly `bytes` long in UTF-8. */
function validLinesOfSize(bytes: number, filler = 'a'): string {
  const head = 'BEGIN:VCALENDAR\r\nX-FILLER:';
  const tail = '\r\nEND:VCALENDAR\r\n';
  const room = bytes - Buffer.byteLength(head + tail);
  const unit = Buffer.byteLength(filler);
  const text = head + filler.repeat(Math.floor(room / unit)) + 'a'.repeat(room % unit) + tail;
  if (Buffer.byteLength(text) !== bytes) throw new Error('validLinesOfSize miscounted');
  return text;
}

/** Deterministic noise, so a failure can be reproduced. */
function garbage(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('input that is not a usable calendar is refused with a Chinese sentence', () => {
  const event = (...props: string[]) => crlf('BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', ...props, 'END:VEVENT', 'END:VCALENDAR');
  const HOSTILE: Array<[string, string | Uint8Array, string]> = [
    ['an empty file', '', '不是有效的 iCalendar (.ics) 文件：文件是空的。'],
    ['a file of blank lines', '\r\n  \r\n', '文件是空的'],
    ['an empty byte array', new Uint8Array(0), '文件是空的'],
    ['plain text', '会议纪要\n明天九点开会', '不是有效的 iCalendar (.ics) 文件：缺少 BEGIN:VCALENDAR'],
    ['a web page', '<!DOCTYPE html><html><body>404</body></html>', '缺少 BEGIN:VCALENDAR'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nEND:VCARD\r\n', '缺少 BEGIN:VCALENDAR'],
    ['a file missing END:VCALENDAR', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20261001T010000Z\r\nEND:VEVENT\r\n', '缺少 END:VCALENDAR，文件可能不完整。'],
    ['an event missing END:VEVENT', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261001T010000Z\r\nEND:VCALENDAR\r\n', 'BEGIN:VEVENT 与 END:VCALENDAR 不配对，缺少 END:VEVENT。'],
    ['an END without its BEGIN', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n', 'END:VEVENT 没有对应的 BEGIN:VEVENT。'],
    ['an event outside the calendar', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\n', 'BEGIN:VEVENT 出现在 VCALENDAR 之外。'],
    ['an event without DTSTART', event('UID:x', 'SUMMARY:无开始'), '第 1 个活动（“无开始”）缺少开始时间（DTSTART）。'],
    ['an event whose DTSTART is 13th month', event('SUMMARY:坏日期', 'DTSTART:20261301T090000'), '第 1 个活动（“坏日期”）的开始时间“20261301T090000”无法识别。'],
    ['components nested absurdly deep', `BEGIN:VCALENDAR\r\n${'BEGIN:X\r\n'.repeat(20)}`, '组件嵌套层数过多。'],
    ['a 6 MB file of valid lines', validLinesOfSize(6 * 1024 * 1024), '文件过大（6.0 MB），日历文件不能超过 5 MB。'],
    ['a file of Chinese text just over 5 MB in UTF-8 (under 5 M characters)', validLinesOfSize(5 * 1024 * 1024 + 3, '论'), '文件过大（5.1 MB）'],
    ['6 MB of bytes', new Uint8Array(6 * 1024 * 1024), '文件过大（6.0 MB）'],
    [`${MAX_ICS_EVENTS + 1} events`, manyEvents(MAX_ICS_EVENTS + 1), `日历中的活动超过 ${MAX_ICS_EVENTS} 个`],
    ['garbage bytes', garbage(4096), '不是有效的 iCalendar (.ics) 文件：文件含有二进制内容，不是文本格式的日历。'],
    ['garbage bytes behind a valid header', Uint8Array.from([...Buffer.from('BEGIN:VCALENDAR\r\n'), ...garbage(4096, 7)]), '文件含有二进制内容'],
    ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), '文件含有二进制内容'],
    ['text with NUL characters', 'BEGIN:VCALENDAR\r\n\u0000\u0000\u0000END:VCALENDAR\r\n', '文件含有二进制内容'],
  ];

  it.each(HOSTILE)('refuses %s', (_label, input, message) => {
    let error: unknown;
    try {
      parseCalendar(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).message).toContain(message);
  });
});
