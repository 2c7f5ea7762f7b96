import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { eventTypeId, forumInput } from '../helpers/events';
import { actAs, zoneId } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';

const today = shanghaiToday();

describe('an event goes through one lifecycle', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  it('is planned, published, held and summarised; held and summarised events count', () => {
    const e = core.ok('events.create', forumInput(core, 0, { startAt: `${today}T00:00:00+08:00`, endAt: `${today}T23:59:00+08:00` }));
    expect(e).toMatchObject({ status: 'planned', sequence: 0, ownerZoneName: '哈尔滨高新区' });
    const published = core.ok('events.transition', { id: e.id, version: e.version, action: 'publish' });
    const held = core.ok('events.transition', { id: e.id, version: published.version, action: 'hold' });
    expect(held.status).toBe('held');
    const summarised = core.ok('events.saveOutcome', { id: e.id, version: held.version, agreements: [{ title: '稀土永磁合作协议', parties: '包头稀土研究院、某电机公司' }], notes: '到会 80 人', summarise: true });
    expect(summarised).toMatchObject({ status: 'summarised', outcome: { agreements: [{ title: '稀土永磁合作协议' }], notes: '到会 80 人' } });
    expect(core.ok('events.list', { statuses: ['held', 'summarised'] }).total).toBe(1);
  });

  it('refuses to be marked held before it starts', () => {
    const e = core.ok('events.create', forumInput(core, 3));
    const p = core.ok('events.transition', { id: e.id, version: e.version, action: 'publish' });
    expect(core.fails('events.transition', { id: e.id, version: p.version, action: 'hold' })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('还没到') });
  });

  it('is postponed with a reason and new dates, then published again; the calendar sequence goes up', () => {
    const e = core.ok('events.create', forumInput(core, 10));
    const newDay = addDays(today, 40);
    expect(core.fails('events.transition', { id: e.id, version: e.version, action: 'postpone' }).message).toContain('必须填写理由');
    const postponed = core.ok('events.transition', { id: e.id, version: e.version, action: 'postpone', comment: '嘉宾时间冲突', startAt: `${newDay}T14:00:00+08:00`, endAt: `${newDay}T17:00:00+08:00` });
    expect(postponed).toMatchObject({ status: 'postponed', statusReason: '嘉宾时间冲突', startAt: `${newDay}T14:00:00+08:00` });
    expect(postponed.sequence).toBe(e.sequence + 1);
    expect(core.ok('events.transition', { id: e.id, version: postponed.version, action: 'publish' }).status).toBe('published');
  });

  it('is cancelled only with a reason, and then takes no more changes', () => {
    const e = core.ok('events.create', forumInput(core));
    const before = core.snapshot();
    expect(core.fails('events.transition', { id: e.id, version: e.version, action: 'cancel', comment: ' ' }).code).toBe('VALIDATION');
    expect(core.snapshot()).toBe(before);
    const cancelled = core.ok('events.transition', { id: e.id, version: e.version, action: 'cancel', comment: '场地检修' });
    expect(core.fails('events.update', { id: e.id, version: cancelled.version, patch: { title: '改名' } }).code).toBe('FORBIDDEN');
    expect(core.fails('events.transition', { id: e.id, version: cancelled.version, action: 'publish' }).code).toBe('CONFLICT');
  });

  it('records a drag to a new date as a change, bumping the sequence, with the old and new times in the history', () => {
    const e = core.ok('events.create', forumInput(core, 20));
    const day = addDays(today, 22);
    const moved = core.ok('events.update', { id: e.id, version: e.version, patch: { startAt: `${day}T09:00:00+08:00`, endAt: `${day}T12:00:00+08:00` } });
    expect(moved.sequence).toBe(1);
    const [last] = core.ok('audit.list', { recordId: e.id });
    expect(last).toMatchObject({ action: 'update', before: { startAt: e.startAt }, after: { startAt: `${day}T09:00:00+08:00` } });
  });

  it('stores times given in UTC as Beijing wall time', () => {
    const day = addDays(today, 5);
    const e = core.ok('events.create', forumInput(core, 5, { startAt: `${day}T01:00:00Z`, endAt: `${day}T04:00:00Z` }));
    expect(e.startAt).toBe(`${day}T09:00:00+08:00`);
    expect(e.endAt).toBe(`${day}T12:00:00+08:00`);
  });

  it('lets a member plan only its own zone’s events and not touch another zone’s', () => {
    const theirs = core.ok('events.create', forumInput(core));
    actAs(core, 'SY');
    expect(core.fails('events.create', { ...forumInput(core), ownerZoneId: zoneId(core, 'DL') }).code).toBe('FORBIDDEN');
    const mine = core.ok('events.create', forumInput(core, 30, { title: '沈阳活动' }));
    expect(mine.ownerZoneId).toBe(zoneId(core, 'SY'));
    expect(core.fails('events.update', { id: theirs.id, version: theirs.version, patch: { title: 'x' } }).code).toBe('FORBIDDEN');
    expect(core.ok('events.get', { id: theirs.id })).toMatchObject({ mayManage: false, allowedActions: [] });
  });
});

describe('the event validator', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  const day = addDays(today, 30);
  const BAD: Array<[what: string, label: string, overrides: Record<string, unknown>]> = [
    ['an end before the start', '结束时间', { startAt: `${day}T12:00:00+08:00`, endAt: `${day}T09:00:00+08:00` }],
    ['an end equal to the start', '结束时间', { startAt: `${day}T09:00:00+08:00`, endAt: `${day}T09:00:00+08:00` }],
    ['a time without an offset', '开始时间', { startAt: `${day}T09:00:00` }],
    ['an impossible date', '开始时间', { startAt: '2026-02-30T09:00:00+08:00' }],
    ['an all-day event not at midnight', '全天', { allDay: true }],
    ['a registration deadline after the start', '报名截止日期', { registrationDeadline: addDays(day, 1) }],
    ['a zero capacity', '人数上限', { capacity: 0 }],
    ['a fractional capacity', '人数上限', { capacity: 2.5 }],
    ['an agenda time like 9点', '时间', { agenda: [{ time: '9点', topic: '开幕' }] }],
    ['an agenda item without a topic', '议题', { agenda: [{ time: '09:00', topic: '' }] }],
    ['a javascript: link', '线上链接', { onlineUrl: 'javascript:alert(1)' }],
    ['an empty title', '活动名称', { title: '' }],
    ['a bad phone', '联系电话', { contactPhone: '123' }],
    ['an unknown field', '输入', { rrule: 'FREQ=DAILY' }],
  ];
  it.each(BAD)('refuses %s with a message naming %s and saves nothing', (_what, label, overrides) => {
    const before = core.snapshot();
    const error = core.fails('events.create', { ...forumInput(core), ...overrides });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(label === '输入' ? '输入有误' : label);
    expect(core.snapshot()).toBe(before);
  });

  it('accepts an all-day event from midnight to the midnight after its last day', () => {
    const e = core.ok('events.create', forumInput(core, 30, { allDay: true, startAt: `${day}T00:00:00+08:00`, endAt: `${addDays(day, 2)}T00:00:00+08:00` }));
    expect(e).toMatchObject({ allDay: true, endAt: `${addDays(day, 2)}T00:00:00+08:00` });
  });

  it('checks the merged record of an update: an end moved before the start is refused', () => {
    const e = core.ok('events.create', forumInput(core));
    expect(core.fails('events.update', { id: e.id, version: e.version, patch: { endAt: `${addDays(today, 29)}T12:00:00+08:00` } })).toMatchObject({ code: 'VALIDATION', fields: { endAt: '结束时间应晚于开始时间' } });
  });
});

describe('China-aware warnings before saving', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  const check = (startAt: string, endAt: string, extra: Record<string, unknown> = {}) => core.ok('events.check', { startAt, endAt, ...extra }).map((w) => `${w.kind}: ${w.message}`);

  it('warns that 2026-10-01 is a statutory holiday (国庆节) and 2026-10-10 a 调休 workday', () => {
    expect(check('2026-10-01T09:00:00+08:00', '2026-10-01T12:00:00+08:00')).toEqual(['holiday: 2026-10-01 是法定节假日（国庆节），参会人员可能难以出席。']);
    expect(check('2026-10-10T09:00:00+08:00', '2026-10-10T12:00:00+08:00')[0]).toMatch(/^workday: 2026-10-10 是国庆节调休上班日/);
    expect(check('2026-10-13T09:00:00+08:00', '2026-10-13T12:00:00+08:00')).toEqual([]);
  });

  it('uses the secretariat’s own holiday entries for coming years', () => {
    expect(check('2027-10-01T09:00:00+08:00', '2027-10-01T12:00:00+08:00')).toEqual([]);
    core.ok('holidays.save', { entries: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }] });
    expect(check('2027-10-01T09:00:00+08:00', '2027-10-01T12:00:00+08:00')[0]).toContain('国庆节');
    expect(core.fails('holidays.save', { entries: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] }).message).toContain('第 1 条的日期');
  });

  it('warns when the host or a co-host zone already has an event at that time, and when the venue is taken', () => {
    const day = addDays(today, 30);
    core.ok('events.create', forumInput(core, 30, { coHostZoneIds: [zoneId(core, 'CC')] }));
    const warnings = check(`${day}T10:00:00+08:00`, `${day}T11:00:00+08:00`, { ownerZoneId: zoneId(core, 'SY'), coHostZoneIds: [zoneId(core, 'CC')], venue: '哈尔滨 会展中心' });
    expect(warnings).toEqual([
      expect.stringMatching(/^zoneBusy: 长春高新区同一时间已有活动「东北高新区创新论坛」/),
      expect.stringMatching(/^venueTaken: 场地「哈尔滨会展中心」同一时间已被「东北高新区创新论坛」使用/),
    ]);
    // Back to back is not an overlap.
    expect(check(`${day}T12:00:00+08:00`, `${day}T13:00:00+08:00`, { venue: '哈尔滨会展中心' })).toEqual([]);
  });

  it('warns when a day already has three alliance events, but never counts the event being edited', () => {
    const day = addDays(today, 45);
    const ids = ['SY', 'DL', 'CC'].map((code, i) => core.ok('events.create', forumInput(core, 45, { ownerZoneId: zoneId(core, code), title: `活动${i}`, venue: `场地${i}` })).id);
    expect(check(`${day}T14:00:00+08:00`, `${day}T15:00:00+08:00`, { ownerZoneId: zoneId(core, 'JL') })).toEqual([expect.stringContaining(`${day} 已有 3 场联盟活动`)]);
    expect(check(`${day}T14:00:00+08:00`, `${day}T15:00:00+08:00`, { id: ids[0], ownerZoneId: zoneId(core, 'JL') })).toEqual([]);
  });
});

describe('iCalendar export and import', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  it('exports an event that an independent parser (ical.js) reads back: UID, SEQUENCE, Beijing time, agenda, and CANCELLED', () => {
    const e = core.ok('events.create', forumInput(core, 30, { title: '创新论坛，第一期；东北', agenda: [{ time: '09:00', topic: '开幕致辞', speaker: '张主任', organisation: '联盟秘书处' }] }));
    const moved = core.ok('events.update', { id: e.id, version: e.version, patch: { venue: '哈尔滨国际会展中心' } });
    core.ok('events.transition', { id: e.id, version: moved.version, action: 'cancel', comment: '场地检修' });
    const { text, fileName } = core.ok('events.exportIcs', { ids: [e.id] });
    expect(fileName).toMatch(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(vevent.uid).toBe(`${e.id}@alliance-workspace`);
    expect(vevent.summary).toBe('创新论坛，第一期；东北');
    expect(vevent.sequence).toBe(2);
    expect(vevent.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.startDate.toUnixTime() * 1000).toBe(Date.parse(e.startAt));
    expect(vevent.description).toContain('09:00 开幕致辞');
    expect(vevent.location).toBe('哈尔滨国际会展中心');
  });

  it('exports the filtered view when no ids are given', () => {
    core.ok('events.create', forumInput(core, 30));
    core.ok('events.create', forumInput(core, 31, { typeId: eventTypeId(core, 'training'), title: '培训' }));
    const { text, count } = core.ok('events.exportIcs', { filter: { typeIds: [eventTypeId(core, 'training')] } });
    expect(count).toBe(1);
    expect(text).toContain('SUMMARY:培训');
    expect(text).not.toContain('东北高新区创新论坛');
  });

  it('imports another calendar’s file as planned events after a preview that saves nothing', () => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'BEGIN:VEVENT', 'UID:abc123@google.com', 'DTSTAMP:20261101T000000Z', 'DTSTART:20270115T010000Z', 'DTEND:20270115T030000Z', 'SUMMARY:吉林科技成果对接会', 'LOCATION:长春', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:day@google.com', 'DTSTAMP:20261101T000000Z', 'DTSTART;VALUE=DATE:20270120', 'DTEND;VALUE=DATE:20270122', 'SUMMARY:两天的培训', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n');
    const before = core.snapshot();
    const preview = core.ok('events.importIcs', { text: ics, typeId: eventTypeId(core, 'matchmaking') });
    expect(preview.rows.map((r) => [r.title, r.startAt, r.endAt, r.allDay, r.skip])).toEqual([
      ['吉林科技成果对接会', '2027-01-15T09:00:00+08:00', '2027-01-15T11:00:00+08:00', false, ''],
      ['两天的培训', '2027-01-20T00:00:00+08:00', '2027-01-22T00:00:00+08:00', true, ''],
    ]);
    expect(core.snapshot()).toBe(before);
    expect(core.ok('events.importIcs', { text: ics, typeId: eventTypeId(core, 'matchmaking'), commit: true }).imported).toBe(2);
    expect(core.ok('events.list', { statuses: ['planned'] }).items.map((e) => e.title)).toEqual(['吉林科技成果对接会', '两天的培训']);
    // The same file again imports nothing new.
    expect(core.ok('events.importIcs', { text: ics, typeId: eventTypeId(core, 'matchmaking'), commit: true }).imported).toBe(0);
  });

  it.each([
    ['an empty file', ''],
    ['a text file', '会议纪要：明天开会'],
    ['a calendar cut off before its end', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n'],
    ['an event without a start', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'],
  ])('refuses %s with a Chinese message and imports nothing', (_what, text) => {
    const before = core.snapshot();
    const error = core.fails('events.importIcs', { text, typeId: eventTypeId(core, 'forum'), commit: true });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/iCalendar|ics|文件/i);
    expect(core.snapshot()).toBe(before);
  });
});

describe('reminders and the roadshow draft', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat', true);
  });
  afterEach(() => core.remove());

  it('reminds of events starting within a day and of registrations closing today or tomorrow, each with a stable key', () => {
    const soon = new Date(Date.now() + 3 * 3_600_000);
    const startAt = new Date(soon.getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const endAt = new Date(soon.getTime() + 9 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const e = core.ok('events.create', forumInput(core, 0, { title: '马上开始的活动', startAt, endAt, registrationDeadline: startAt.slice(0, 10) }));
    const reminders = core.ok('events.reminders').filter((r) => r.eventId === e.id);
    expect(reminders.map((r) => r.kind).sort()).toEqual(['registrationCloses', 'starts']);
    expect(reminders.every((r) => r.key.includes(e.id))).toBe(true);
    expect(core.ok('events.reminders').filter((r) => r.eventId === e.id)).toEqual(reminders);
  });

  it('drafts a roadshow from a listing with its applicants on the agenda, saving nothing', () => {
    const listing = core.ok('scenarios.search', { query: '高丰度稀土永磁电机' }).items[0]!;
    const before = core.snapshot();
    const draft = core.ok('events.roadshowDraft', { scenarioId: listing.id });
    expect(core.snapshot()).toBe(before);
    expect(draft).toMatchObject({ typeId: eventTypeId(core, 'roadshow'), ownerZoneId: listing.ownerZoneId, linkedScenarioIds: [listing.id] });
    expect(draft.title).toContain('项目路演');
    expect(draft.agenda!.map((a) => a.organisation)).toEqual(expect.arrayContaining(['包头稀土研究院', '哈尔滨工业大学电气工程学院']));
    // The draft is a valid event as it stands.
    expect(core.ok('events.create', draft).linkedScenarioIds).toEqual([listing.id]);
  });
});
