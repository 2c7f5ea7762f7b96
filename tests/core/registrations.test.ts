import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { forumInput, person } from '../helpers/events';
import { actAs, zoneId } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';

describe('registrations with a capacity and a waiting list', () => {
  let core: TempCore;
  let eventId: string;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
    eventId = core.ok('events.create', forumInput(core, 20, { capacity: 2 })).id;
  });
  afterEach(() => core.remove());

  it('gives places in order and puts the rest on the waiting list, each with its own 6-character code', () => {
    const [a, b, c, d] = [['张三', '13800000001'], ['李四', '13800000002'], ['王五', '13800000003'], ['赵六', '13800000004']].map(([n, p]) => core.ok('registrations.create', person(eventId, n!, p!)));
    expect([a, b, c, d].map((r) => r!.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(new Set([a, b, c, d].map((r) => r!.code)).size).toBe(4);
    for (const r of [a, b, c, d]) expect(r!.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(a!.initials).toBe('zs');
    expect(core.ok('registrations.list', { eventId }).counts).toEqual({ confirmed: 2, waitlisted: 2, checkedIn: 0, walkIns: 0 });
  });

  it('moves the first on the waiting list up when a confirmed person cancels, in one step', () => {
    const a = core.ok('registrations.create', person(eventId, '张三', '13800000001'));
    core.ok('registrations.create', person(eventId, '李四', '13800000002'));
    core.ok('registrations.create', person(eventId, '王五', '13800000003'));
    core.ok('registrations.create', person(eventId, '赵六', '13800000004'));
    const result = core.ok('registrations.cancel', { id: a.id, version: a.version });
    expect(result.cancelled.status).toBe('cancelled');
    expect(result.promoted).toMatchObject({ name: '王五', status: 'confirmed' });
    const list = core.ok('registrations.list', { eventId });
    expect(list.items.map((r) => [r.name, r.status])).toEqual([['张三', 'cancelled'], ['李四', 'confirmed'], ['王五', 'confirmed'], ['赵六', 'waitlisted']]);
  });

  it('cancelling someone on the waiting list moves nobody', () => {
    core.ok('registrations.create', person(eventId, '张三', '13800000001'));
    core.ok('registrations.create', person(eventId, '李四', '13800000002'));
    const waiting = core.ok('registrations.create', person(eventId, '王五', '13800000003'));
    expect(core.ok('registrations.cancel', { id: waiting.id, version: waiting.version }).promoted).toBeNull();
  });

  it('refuses the same phone twice in one event, but allows it again after a cancellation', () => {
    const a = core.ok('registrations.create', person(eventId, '张三', '13800000001'));
    const before = core.snapshot();
    expect(core.fails('registrations.create', person(eventId, '张三丰', '13800000001'))).toMatchObject({ code: 'CONFLICT', message: '手机号 13800000001 已由「张三」报名本活动，同一手机号不能重复报名。' });
    expect(core.snapshot()).toBe(before);
    core.ok('registrations.cancel', { id: a.id, version: a.version });
    expect(core.ok('registrations.create', person(eventId, '张三', '13800000001')).status).toBe('confirmed');
  });

  it('refuses registration after the deadline and on a cancelled event, saving nothing', () => {
    const e = core.ok('events.get', { id: eventId });
    core.db.prepare('UPDATE events SET registration_deadline = ? WHERE id = ?').run(addDays(shanghaiToday(), -1), eventId);
    let before = core.snapshot();
    expect(core.fails('registrations.create', person(eventId, '张三', '13800000001')).message).toMatch(/报名已于 \d{4}-\d{2}-\d{2} 截止/);
    expect(core.snapshot()).toBe(before);
    core.db.prepare("UPDATE events SET registration_deadline = '' WHERE id = ?").run(eventId);
    core.ok('events.transition', { id: eventId, version: e.version, action: 'cancel', comment: '嘉宾行程变化' });
    before = core.snapshot();
    expect(core.fails('registrations.create', person(eventId, '张三', '13800000001')).message).toContain('已取消（嘉宾行程变化）');
    expect(core.snapshot()).toBe(before);
  });

  it('refuses a capacity below the confirmed registrations', () => {
    for (const [n, p] of [['张三', '13800000001'], ['李四', '13800000002']]) core.ok('registrations.create', person(eventId, n!, p!));
    const e = core.ok('events.get', { id: eventId });
    const before = core.snapshot();
    expect(core.fails('events.update', { id: eventId, version: e.version, patch: { capacity: 1 } })).toMatchObject({ code: 'VALIDATION', fields: { capacity: '不能低于已确认的 2 人' } });
    expect(core.snapshot()).toBe(before);
  });

  const BAD: Array<[what: string, label: string, overrides: Record<string, unknown>]> = [
    ['no name', '姓名', { name: '' }],
    ['no phone', '手机号', { phone: '' }],
    ['a phone of letters', '手机号', { phone: 'abc' }],
    ['an email without a domain', '电子邮箱', { email: 'x@' }],
    ['a 101-character organisation', '单位', { organisation: '单'.repeat(101) }],
  ];
  it.each(BAD)('refuses %s with a message naming %s', (_what, label, overrides) => {
    const before = core.snapshot();
    expect(core.fails('registrations.create', { ...person(eventId, '张三', '13800000001'), ...overrides }).message).toContain(label);
    expect(core.snapshot()).toBe(before);
  });
});

describe('the check-in desk', () => {
  let core: TempCore;
  let eventId: string;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
    eventId = core.ok('events.create', forumInput(core, 0, { capacity: 1 })).id;
  });
  afterEach(() => core.remove());

  it('checks a badge in at the moment of the scan, and a second scan is harmless and says so', () => {
    const r = core.ok('registrations.create', person(eventId, '张三', '13800000001'));
    const scanned = `${r.code.slice(0, 3).toLowerCase()} ${r.code.slice(3)}`; // typed by hand, in lower case with a space
    const first = core.ok('registrations.checkIn', { eventId, code: scanned });
    expect(first.already).toBe(false);
    expect(Math.abs(Date.parse(first.registration.checkedInAt!) - Date.now())).toBeLessThan(5000);
    expect(first.counts.checkedIn).toBe(1);
    const second = core.ok('registrations.checkIn', { eventId, code: r.code });
    expect(second).toMatchObject({ already: true, registration: { checkedInAt: first.registration.checkedInAt }, counts: { checkedIn: 1 } });
  });

  it('refuses an unknown code, a waiting-list code and a cancelled one, each saying why', () => {
    core.ok('registrations.create', person(eventId, '张三', '13800000001'));
    const waiting = core.ok('registrations.create', person(eventId, '李四', '13800000002'));
    expect(core.fails('registrations.checkIn', { eventId, code: 'ZZZZZZ' }).message).toContain('不是本活动的报名');
    expect(core.fails('registrations.checkIn', { eventId, code: waiting.code }).message).toContain('仍在候补名单中');
    expect(core.fails('registrations.checkIn', { eventId, code: '12' }).message).toContain('签到码应为 6 位字母数字');
  });

  it('adds a walk-in on the spot, checked in at once, even when the event is full', () => {
    core.ok('registrations.create', person(eventId, '张三', '13800000001'));
    const walkIn = core.ok('registrations.create', { ...person(eventId, '现场来宾', '13900000009'), walkIn: true });
    expect(walkIn).toMatchObject({ status: 'confirmed', walkIn: true });
    expect(walkIn.checkedInAt).not.toBeNull();
    expect(core.ok('registrations.list', { eventId }).counts).toEqual({ confirmed: 2, waitlisted: 0, checkedIn: 1, walkIns: 1 });
  });

  it('is for the host and the secretariat: another zone can neither check in nor add walk-ins, and sees only the people it registered', () => {
    const r = core.ok('registrations.create', person(eventId, '张三', '13800000001'));
    actAs(core, 'SY');
    expect(core.fails('registrations.checkIn', { eventId, code: r.code }).code).toBe('FORBIDDEN');
    expect(core.fails('registrations.create', { ...person(eventId, '现场', '13900000009'), walkIn: true }).code).toBe('FORBIDDEN');
    core.ok('registrations.create', { ...person(eventId, '沈阳代表', '13900000008'), zoneId: zoneId(core, 'SY') });
    expect(core.ok('registrations.list', { eventId }).items.map((x) => x.name)).toEqual(['沈阳代表']);
  });
});
