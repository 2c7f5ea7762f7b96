import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import type { SharingRequest } from '../../shared/domain/sharing-request';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { createRequest, decideRequest, getRequest } from '../../electron/core/requests/request-service';
import { actorOf, readInstallation } from '../../electron/core/settings/settings-service';
import { RequestCreateInput, RequestDecideInput } from '../../shared/domain/sharing-request';

// Owner of the resources: 长春高新区. Requesters: 沈阳 and 大连. Secretariat: 哈尔滨.
const OWNER = 'CC';
const DAY = '2031-03-15'; // far enough ahead never to be "in the past"
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}:00+08:00`;

function zoneId(core: TempCore, code: string): string {
  const zone = core.ok('zones.list', { query: code }).find((z) => z.code === code);
  if (!zone) throw new Error(`no zone ${code}`);
  return zone.id;
}

/** Acts as another installation identity on the same database. */
function actAs(core: TempCore, code: string, role: 'secretariat' | 'member' = 'member'): void {
  core.ok('settings.update', { zoneId: zoneId(core, code), role });
}

/** A published resource of the owner zone, created through the real channels as the owner's secretariat. */
function publish(core: TempCore, category: string, extra: Record<string, string | number>, title: string): string {
  actAs(core, OWNER, 'secretariat');
  const categoryId = core.ok('categories.list').find((c) => c.code === category)!.id;
  const resource = core.ok('resources.create', { categoryId, title, organisation: '长春某光机所', sharingMode: 'free', contactPerson: '吴老师', extra });
  let version = resource.version;
  for (const action of ['submit', 'approve', 'publish'] as const) version = core.ok('resources.transition', { id: resource.id, version, action }).version;
  return resource.id;
}

const slotInstrument = (core: TempCore) => publish(core, 'instrument', { model: 'X1', bookingMode: 'slot', instrumentState: 'idle' }, '场发射扫描电镜');
const sampleInstrument = (core: TempCore) => publish(core, 'instrument', { model: 'X2', bookingMode: 'sample', instrumentState: 'idle' }, '电感耦合等离子体质谱仪');
const expertTeam = (core: TempCore) => publish(core, 'expert', { field: '光电材料' }, '光电材料专家团队');

type CreateInput = ChannelInput<'requests.create'>;
const base = (resourceId: string, organisation = '沈阳某研究院'): CreateInput => ({
  resourceId,
  organisation,
  contactPerson: '李工',
  contactPhone: '13800138000',
  purpose: '样品表面形貌观察',
});
const slot = (resourceId: string, from: string, to: string, organisation?: string): CreateInput => ({ ...base(resourceId, organisation), slotStart: at(from), slotEnd: at(to) });

/** As the given zone, files a request; returns it. */
function request(core: TempCore, code: string, input: CreateInput): SharingRequest {
  actAs(core, code);
  return core.ok('requests.create', input);
}

/** As the owner zone, approves. */
function approve(core: TempCore, r: SharingRequest): SharingRequest {
  actAs(core, OWNER);
  return core.ok('requests.decide', { id: r.id, version: r.version, decision: 'approve', note: '请提前 10 分钟到' });
}

describe('sharing requests', () => {
  let core: TempCore;
  let instrument: string;
  beforeEach(() => {
    core = setUpCore(OWNER, 'secretariat');
    instrument = slotInstrument(core);
  });
  afterEach(() => core.remove());

  it('files a pending request for another zone, stores the slot in UTC and logs it', () => {
    const r = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    expect(r).toMatchObject({
      status: 'pending',
      requesterZoneId: zoneId(core, 'SY'),
      requesterZoneName: '沈阳高新区',
      resourceOwnerZoneId: zoneId(core, OWNER),
      resourceTitle: '场发射扫描电镜',
      slotStart: '2031-03-15T01:00:00.000Z',
      slotEnd: '2031-03-15T04:00:00.000Z',
      version: 1,
    });
    expect(core.ok('audit.list', { recordId: r.id })).toMatchObject([{ action: 'create', entity: 'sharing_request', before: null }]);
  });

  it('an approved booking blocks an overlapping one, naming it', () => {
    const first = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    const second = request(core, 'DL', slot(instrument, '11:00', '13:00', '大连某实验室'));
    approve(core, first);
    const before = core.snapshot();
    const error = core.fails('requests.decide', { id: second.id, version: second.version, decision: 'approve' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('沈阳某研究院 3月15日 09:00–12:00');
    expect(core.snapshot()).toBe(before);
  });

  it('an approved booking blocks a slot it contains and one that contains it', () => {
    approve(core, request(core, 'SY', slot(instrument, '09:00', '12:00')));
    const inside = request(core, 'DL', slot(instrument, '10:00', '11:00'));
    const around = request(core, 'DL', slot(instrument, '08:00', '13:00'));
    actAs(core, OWNER);
    for (const r of [inside, around]) expect(core.fails('requests.decide', { id: r.id, version: 1, decision: 'approve' }).code).toBe('CONFLICT');
  });

  it('allows back-to-back slots: [09:00, 12:00) and [12:00, 14:00) do not overlap', () => {
    approve(core, request(core, 'SY', slot(instrument, '09:00', '12:00')));
    const next = request(core, 'DL', slot(instrument, '12:00', '14:00'));
    expect(approve(core, next).status).toBe('approved');
    const earlier = request(core, 'DL', slot(instrument, '07:00', '09:00'));
    expect(approve(core, earlier).status).toBe('approved');
  });

  it('declined, cancelled and pending requests do not block', () => {
    const declined = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    actAs(core, OWNER);
    core.ok('requests.decide', { id: declined.id, version: 1, decision: 'decline', note: '当天设备维护' });
    const cancelled = approve(core, request(core, 'SY', slot(instrument, '09:00', '12:00')));
    actAs(core, 'SY');
    core.ok('requests.cancel', { id: cancelled.id, version: cancelled.version, note: '计划有变' });
    request(core, 'SY', slot(instrument, '09:00', '12:00')); // stays pending
    const winner = request(core, 'DL', slot(instrument, '10:00', '11:00'));
    expect(approve(core, winner).status).toBe('approved');
  });

  it('does not compare slots across different resources', () => {
    approve(core, request(core, 'SY', slot(instrument, '09:00', '12:00')));
    const other = slotInstrument(core);
    expect(approve(core, request(core, 'DL', slot(other, '09:00', '12:00'))).status).toBe('approved');
  });

  it('refuses the owner zone requesting its own resource, with a clear message', () => {
    actAs(core, OWNER, 'member');
    const before = core.snapshot();
    const error = core.fails('requests.create', slot(instrument, '09:00', '12:00'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('本高新区的资源');
    expect(core.snapshot()).toBe(before);
  });

  it('refuses a request on a resource that is not published', () => {
    actAs(core, OWNER, 'secretariat');
    const categoryId = core.ok('categories.list').find((c) => c.code === 'instrument')!.id;
    const draft = core.ok('resources.create', { categoryId, title: '草稿仪器', organisation: '长春某所', sharingMode: 'free', contactPerson: '吴老师', extra: { model: 'D', bookingMode: 'slot', instrumentState: 'idle' } });
    actAs(core, 'HRB', 'secretariat'); // may see drafts, still may not request one
    expect(core.fails('requests.create', slot(draft.id, '09:00', '12:00'))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已发布') });
    actAs(core, 'SY', 'member'); // may not even see it
    expect(core.fails('requests.create', slot(draft.id, '09:00', '12:00')).code).toBe('NOT_FOUND');
  });

  it('pauses bookings while the instrument is under maintenance or offline: no request, no approval, until it is back', () => {
    const filed = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    const setState = (instrumentState: string) => {
      actAs(core, OWNER, 'secretariat');
      const current = core.ok('resources.get', { id: instrument });
      core.ok('resources.update', { id: instrument, version: current.version, patch: { extra: { ...current.extra, instrumentState } } });
    };
    for (const [state, label] of [['maintenance', '维护'], ['offline', '离线']] as const) {
      setState(state);
      actAs(core, OWNER);
      const before = core.snapshot();
      expect(core.fails('requests.decide', { id: filed.id, version: filed.version, decision: 'approve' })).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(new RegExp(`场发射扫描电镜」设备状态为「${label}」，暂停预约，不能同意预约`)),
      });
      expect(core.snapshot()).toBe(before);
      actAs(core, 'DL');
      const beforeRequest = core.snapshot();
      expect(core.fails('requests.create', slot(instrument, '14:00', '15:00'))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`「${label}」，暂停预约，不能申请`) });
      expect(core.snapshot()).toBe(beforeRequest);
    }
    setState('idle');
    expect(approve(core, filed).status).toBe('approved');
  });

  it('refuses to approve a request whose resource was archived since it was filed', () => {
    const filed = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    actAs(core, OWNER, 'secretariat');
    const current = core.ok('resources.get', { id: instrument });
    core.ok('resources.transition', { id: instrument, version: current.version, action: 'archive' });
    actAs(core, OWNER);
    expect(core.fails('requests.decide', { id: filed.id, version: filed.version, decision: 'approve' })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('当前状态为「已归档」，只有已发布的资源可以同意预约') });
    expect(core.ok('requests.decide', { id: filed.id, version: filed.version, decision: 'decline', note: '设备已停止共享' }).status).toBe('declined');
  });

  it('refuses to approve a slot that has already begun, naming it, and leaves the request pending', () => {
    const db = core.db;
    actAs(core, 'SY');
    // Filed a week before its slot; the owner gets to it only after the slot began.
    const filed = createRequest(db, actorOf(db, readInstallation(db))!, RequestCreateInput.parse(slot(instrument, '09:00', '12:00')), new Date('2031-03-08T00:00:00Z'));
    actAs(core, OWNER);
    const owner = actorOf(db, readInstallation(db))!;
    const decide = (now: string) => () => decideRequest(db, owner, RequestDecideInput.parse({ id: filed.id, version: filed.version, decision: 'approve' }), new Date(now));
    expect(decide('2031-03-15T01:00:00Z')).toThrow('该申请的预约时段（3月15日 09:00–12:00）已经开始或已过，不能再同意。请拒绝，并请申请方另选时段。');
    expect(decide('2031-03-16T00:00:00Z')).toThrow('已经开始或已过');
    expect(getRequest(db, filed.id).status).toBe('pending');
    expect(decide('2031-03-15T00:59:00Z')().status).toBe('approved');
  });

  it('lets only the owner zone or the secretariat decide', () => {
    const r = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    for (const code of ['DL', 'SY']) {
      actAs(core, code, 'member');
      const before = core.snapshot();
      const error = core.fails('requests.decide', { id: r.id, version: 1, decision: 'approve' });
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('长春高新区');
      expect(core.snapshot()).toBe(before);
    }
    actAs(core, 'HRB', 'secretariat');
    expect(core.ok('requests.decide', { id: r.id, version: 1, decision: 'approve' })).toMatchObject({ status: 'approved', decidedBy: expect.stringContaining('哈尔滨高新区') });
  });

  it('requires a note to decline, under the note field', () => {
    const r = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    actAs(core, OWNER);
    const before = core.snapshot();
    expect(core.fails('requests.decide', { id: r.id, version: 1, decision: 'decline' })).toMatchObject({ code: 'VALIDATION', fields: { note: expect.any(String) } });
    expect(core.fails('requests.decide', { id: r.id, version: 1, decision: 'decline', note: '   ' }).code).toBe('VALIDATION');
    expect(core.snapshot()).toBe(before);
    expect(core.ok('requests.decide', { id: r.id, version: 1, decision: 'decline', note: '设备检修' })).toMatchObject({ status: 'declined', decisionNote: '设备检修' });
  });

  it('lets only the requesting zone cancel, while pending or approved', () => {
    const r = approve(core, request(core, 'SY', slot(instrument, '09:00', '12:00')));
    for (const [code, role] of [[OWNER, 'member'], ['DL', 'member'], ['HRB', 'secretariat']] as const) {
      actAs(core, code, role);
      expect(core.fails('requests.cancel', { id: r.id, version: r.version }).code).toBe('FORBIDDEN');
    }
    actAs(core, 'SY');
    const cancelled = core.ok('requests.cancel', { id: r.id, version: r.version });
    expect(cancelled.status).toBe('cancelled');
    expect(core.fails('requests.cancel', { id: r.id, version: cancelled.version }).code).toBe('CONFLICT');
  });

  it('completes an approved request by the owner, never a pending one', () => {
    const r = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    actAs(core, OWNER);
    expect(core.fails('requests.complete', { id: r.id, version: 1 })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('待处理') });
    const approved = approve(core, r);
    actAs(core, 'SY');
    expect(core.fails('requests.complete', { id: r.id, version: approved.version }).code).toBe('FORBIDDEN');
    actAs(core, OWNER);
    expect(core.ok('requests.complete', { id: r.id, version: approved.version, note: '已出具检测报告' })).toMatchObject({ status: 'completed', decisionNote: '已出具检测报告' });
    expect(core.ok('audit.list', { recordId: r.id }).map((e) => e.after?.status)).toEqual(['completed', 'approved', 'pending']);
  });

  it('requires a slot for 时间预约', () => {
    actAs(core, 'SY');
    const before = core.snapshot();
    const error = core.fails('requests.create', base(instrument));
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { slotStart: expect.any(String), slotEnd: expect.any(String) } });
    expect(error.message).toContain('开始时间：');
    expect(core.snapshot()).toBe(before);
  });

  it('refuses an end before the start with the field named, and nothing saved', () => {
    actAs(core, 'SY');
    const before = core.snapshot();
    for (const [from, to] of [['12:00', '09:00'], ['09:00', '09:00']]) {
      const error = core.fails('requests.create', slot(instrument, from!, to!));
      expect(error).toMatchObject({ code: 'VALIDATION', fields: { slotEnd: '必须晚于开始时间' } });
      expect(error.message).toContain('结束时间：必须晚于开始时间');
    }
    expect(core.snapshot()).toBe(before);
  });

  it('refuses a slot in the past', () => {
    actAs(core, 'SY');
    const error = core.fails('requests.create', { ...base(instrument), slotStart: '2020-03-15T09:00:00+08:00', slotEnd: '2020-03-15T12:00:00+08:00' });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { slotStart: '不能早于当前时间' } });
  });

  it('compares times across offsets: 09:00+08:00 equals 01:00Z', () => {
    approve(core, request(core, 'SY', slot(instrument, '09:00', '12:00')));
    const utc = request(core, 'DL', { ...base(instrument), slotStart: '2031-03-15T03:00:00Z', slotEnd: '2031-03-15T05:00:00Z' });
    actAs(core, OWNER);
    expect(core.fails('requests.decide', { id: utc.id, version: 1, decision: 'approve' }).message).toContain('09:00–12:00');
  });

  it('requires the sample description and quantity for 送样检测', () => {
    const sample = sampleInstrument(core);
    actAs(core, 'SY');
    const before = core.snapshot();
    expect(core.fails('requests.create', base(sample))).toMatchObject({ code: 'VALIDATION', fields: { sampleDescription: expect.any(String), sampleQuantity: expect.any(String) } });
    expect(core.snapshot()).toBe(before);
    const r = core.ok('requests.create', { ...base(sample), sampleDescription: '土壤样品 重金属检测', sampleQuantity: 6 });
    expect(r).toMatchObject({ status: 'pending', slotStart: null, sampleQuantity: 6 });
  });

  it('needs neither slot nor samples for other categories', () => {
    const expert = expertTeam(core);
    expect(request(core, 'SY', base(expert))).toMatchObject({ status: 'pending', slotStart: null, sampleQuantity: null });
  });

  it('refuses a change made on a stale version, keeping the newer data', () => {
    const r = request(core, 'SY', slot(instrument, '09:00', '12:00'));
    approve(core, r);
    actAs(core, 'SY');
    const before = core.snapshot();
    expect(core.fails('requests.cancel', { id: r.id, version: r.version })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('旧版本') });
    expect(core.snapshot()).toBe(before);
  });

  it('lists my requests, requests to my resources, newest first, filtered by status', () => {
    const a = request(core, 'SY', slot(instrument, '09:00', '10:00'));
    const b = request(core, 'SY', slot(instrument, '10:00', '11:00'));
    const c = request(core, 'DL', slot(instrument, '11:00', '12:00'));
    approve(core, b);
    actAs(core, 'SY');
    expect(core.ok('requests.list', { scope: 'mine' }).map((r) => r.id)).toEqual([b.id, a.id]);
    expect(core.ok('requests.list', { scope: 'mine', statuses: ['approved'] }).map((r) => r.id)).toEqual([b.id]);
    expect(core.ok('requests.list', { scope: 'toMine' })).toEqual([]);
    actAs(core, OWNER);
    expect(core.ok('requests.list', { scope: 'toMine' }).map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(core.ok('requests.list', { scope: 'toMine', statuses: ['pending'] }).map((r) => r.id)).toEqual([c.id, a.id]);
  });

  it("shows a resource's calendar to other zones without the other requesters' contact details", () => {
    const mine = request(core, 'SY', slot(instrument, '09:00', '10:00'));
    const theirs = request(core, 'DL', slot(instrument, '10:00', '11:00', '大连某实验室'));
    const declined = request(core, 'DL', slot(instrument, '13:00', '14:00'));
    actAs(core, OWNER);
    core.ok('requests.decide', { id: declined.id, version: 1, decision: 'decline', note: '时间冲突' });
    approve(core, theirs);

    actAs(core, 'SY');
    const seen = core.ok('requests.list', { scope: 'resource', resourceId: instrument });
    expect(seen.map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(seen.find((r) => r.id === mine.id)).toMatchObject({ contactPerson: '李工', contactPhone: '13800138000', purpose: '样品表面形貌观察' });
    expect(seen.find((r) => r.id === theirs.id)).toMatchObject({ organisation: '大连某实验室', status: 'approved', contactPerson: '', contactPhone: '', contactEmail: '', purpose: '' });

    actAs(core, OWNER);
    expect(core.ok('requests.list', { scope: 'resource', resourceId: instrument })).toHaveLength(3);
    actAs(core, 'HRB', 'secretariat');
    expect(core.ok('requests.list', { scope: 'resource', resourceId: instrument }).find((r) => r.id === theirs.id)?.contactPerson).toBe('李工');
  });

  it('needs the resource for the resource scope', () => {
    expect(core.fails('requests.list', { scope: 'resource' })).toMatchObject({ code: 'VALIDATION', fields: { resourceId: expect.any(String) } });
  });

  it('counts requests and completed uses per resource and per owner zone', () => {
    const other = slotInstrument(core);
    const done = approve(core, request(core, 'SY', slot(instrument, '09:00', '10:00')));
    actAs(core, OWNER);
    core.ok('requests.complete', { id: done.id, version: done.version });
    request(core, 'DL', slot(instrument, '10:00', '11:00'));
    request(core, 'DL', slot(other, '10:00', '11:00'));
    const stats = core.ok('requests.stats');
    expect(stats.byResource).toEqual(
      expect.arrayContaining([
        { resourceId: instrument, requests: 2, completed: 1 },
        { resourceId: other, requests: 1, completed: 0 },
      ]),
    );
    expect(stats.byResource).toHaveLength(2);
    expect(stats.byZone).toEqual([{ zoneId: zoneId(core, OWNER), requests: 3, completed: 1 }]);
    actAs(core, 'SY');
    expect(core.ok('resources.get', { id: instrument })).toMatchObject({ requestCount: 2, completedCount: 1 });
  });
});

describe('every requests channel refuses bad fields, naming them, saving nothing', () => {
  let core: TempCore;
  let instrument: string;
  let pending: SharingRequest;
  beforeAll(() => {
    core = setUpCore(OWNER, 'secretariat');
    instrument = slotInstrument(core);
    pending = request(core, 'SY', slot(instrument, '09:00', '12:00'));
  });
  afterAll(() => core.remove());

  const ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  type Case = [channel: 'requests.create' | 'requests.decide' | 'requests.cancel' | 'requests.complete' | 'requests.list', field: string, value: unknown, label: string];
  const CASES: Case[] = [
    ['requests.create', 'resourceId', 'abc', '资源'],
    ['requests.create', 'resourceId', undefined, '资源'],
    ['requests.create', 'organisation', '', '申请单位'],
    ['requests.create', 'organisation', '   ', '申请单位'],
    ['requests.create', 'organisation', '单'.repeat(101), '申请单位'],
    ['requests.create', 'organisation', '沈阳\u0000研究院', '申请单位'],
    ['requests.create', 'organisation', ['沈阳'], '申请单位'],
    ['requests.create', 'contactPerson', '', '联系人'],
    ['requests.create', 'contactPhone', '12345', '联系电话'],
    ['requests.create', 'contactPhone', '<script>alert(1)</script>', '联系电话'],
    ['requests.create', 'contactEmail', 'a@b', '电子邮箱'],
    ['requests.create', 'purpose', '', '用途'],
    ['requests.create', 'purpose', 'x'.repeat(501), '用途'],
    ['requests.create', 'slotStart', '2031-03-15 09:00', '开始时间'],
    ['requests.create', 'slotStart', '2031-03-15T09:00:00', '开始时间'],
    ['requests.create', 'slotStart', '2031-02-30T09:00:00+08:00', '开始时间'],
    ['requests.create', 'slotStart', 1931244400000, '开始时间'],
    ['requests.create', 'slotEnd', '明天上午', '结束时间'],
    ['requests.create', 'slotEnd', null, '结束时间'],
    ['requests.create', 'sampleQuantity', 0, '样品数量'],
    ['requests.create', 'sampleQuantity', -3, '样品数量'],
    ['requests.create', 'sampleQuantity', 1.5, '样品数量'],
    ['requests.create', 'sampleQuantity', '6', '样品数量'],
    ['requests.create', 'sampleQuantity', 1e9, '样品数量'],
    ['requests.create', 'sampleDescription', 'x'.repeat(501), '样品说明'],
    ['requests.create', 'notes', 'x'.repeat(501), '备注'],
    ['requests.decide', 'decision', 'maybe', '处理结果'],
    ['requests.decide', 'decision', undefined, '处理结果'],
    ['requests.decide', 'note', 'x'.repeat(501), '处理意见'],
    ['requests.decide', 'version', 0, '版本号'],
    ['requests.decide', 'version', '1', '版本号'],
    ['requests.decide', 'id', 'x', '申请'],
    ['requests.cancel', 'version', -1, '版本号'],
    ['requests.cancel', 'id', `${ULID}'; DROP TABLE sharing_requests;--`, '申请'],
    ['requests.cancel', 'note', 42, '处理意见'],
    ['requests.complete', 'version', 1.5, '版本号'],
    ['requests.complete', 'note', 'x'.repeat(501), '处理意见'],
    ['requests.list', 'scope', 'all', '范围'],
    ['requests.list', 'statuses', ['open'], '状态'],
    ['requests.list', 'statuses', 'pending', '状态'],
    ['requests.list', 'statuses', ['pending', 'approved', 'declined', 'cancelled', 'completed', 'pending'], '状态'],
    ['requests.list', 'resourceId', 'not-an-id', '资源'],
  ];

  const valid = (channel: Case[0]): Record<string, unknown> => {
    if (channel === 'requests.create') return { ...slot(instrument, '09:00', '12:00'), sampleDescription: '', sampleQuantity: null };
    if (channel === 'requests.list') return { scope: 'mine', statuses: [] };
    if (channel === 'requests.decide') return { id: pending.id, version: pending.version, decision: 'approve', note: '' };
    return { id: pending.id, version: pending.version, note: '' };
  };

  it.each(CASES)('%s refuses %s = %j with a message naming 「%s」', (channel, field, value, label) => {
    actAs(core, channel === 'requests.create' || channel === 'requests.cancel' ? 'SY' : OWNER);
    const before = core.snapshot();
    const error = core.fails(channel, { ...valid(channel), [field]: value });
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields ?? {}).some((path) => path === field || path.startsWith(`${field}.`))).toBe(true);
    expect(error.message).toContain(`${label}：`);
    expect(core.snapshot()).toBe(before);
  });

  it('accepts the valid inputs these cases start from', () => {
    actAs(core, 'SY');
    expect(core.dispatch('requests.create', valid('requests.create'))).toMatchObject({ ok: true });
    expect(core.dispatch('requests.list', valid('requests.list'))).toMatchObject({ ok: true });
  });
});

describe('availability-first search: instruments free for a time window', () => {
  let core: TempCore;
  let booked: string;
  let free: string;
  beforeEach(() => {
    core = setUpCore(OWNER, 'secretariat');
    booked = slotInstrument(core);
    free = publish(core, 'instrument', { model: 'X3', bookingMode: 'slot', instrumentState: 'in_use' }, '激光共聚焦显微镜');
    publish(core, 'instrument', { model: 'X4', bookingMode: 'slot', instrumentState: 'maintenance' }, '维护中的透射电镜');
    sampleInstrument(core);
    expertTeam(core);
    approve(core, request(core, 'SY', slot(booked, '09:00', '12:00')));
    request(core, 'DL', slot(free, '09:00', '12:00')); // pending: holds nothing
    actAs(core, 'DL');
  });
  afterEach(() => core.remove());

  const freeTitles = (from: string, to: string, query = '') => core.ok('resources.search', { query, freeFrom: at(from), freeTo: at(to) }).items.map((r) => r.title).sort();

  it('offers only the published 时间预约 instruments with no approved booking in the window, bookable and not paused', () => {
    expect(freeTitles('10:00', '11:00')).toEqual(['激光共聚焦显微镜']);
    expect(freeTitles('08:00', '09:30')).toEqual(['激光共聚焦显微镜']);
    // Back to back with the approved 09:00–12:00, and another day: both free.
    expect(freeTitles('12:00', '14:00')).toEqual(['场发射扫描电镜', '激光共聚焦显微镜']);
    expect(freeTitles('07:00', '09:00')).toEqual(['场发射扫描电镜', '激光共聚焦显微镜']);
    // Without a window: everything, samples, experts and the paused one included.
    expect(core.ok('resources.search', {}).total).toBe(5);
  });

  it('combines with the text, facets and counts like any other filter, and the export takes it too', async () => {
    expect(freeTitles('12:00', '14:00', '扫描')).toEqual(['场发射扫描电镜']);
    expect(freeTitles('10:00', '11:00', '扫描')).toEqual([]);
    const result = core.ok('resources.search', { freeFrom: at('10:00'), freeTo: at('11:00') });
    expect(result.total).toBe(1);
    expect(Object.values(result.facets.category).reduce((a, b) => a + b, 0)).toBe(1);
    const file = await core.okAsync('excel.export', { recordType: 'resource', filter: { freeFrom: at('10:00'), freeTo: at('11:00') }, format: 'csv' });
    const csv = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(csv).toContain('激光共聚焦显微镜');
    expect(csv).not.toContain('场发射扫描电镜');
  });

  it('reads the window in any offset: 10:00+08:00 is 02:00Z', () => {
    const utc = core.ok('resources.search', { freeFrom: `${DAY}T02:00:00Z`, freeTo: `${DAY}T03:00:00Z` }).items.map((r) => r.title);
    expect(utc).toEqual(freeTitles('10:00', '11:00'));
  });

  it.each([
    [{ freeFrom: at('10:00') }, 'freeTo', '空闲时段结束：空闲时段的开始和结束须同时填写'],
    [{ freeTo: at('10:00') }, 'freeFrom', '空闲时段开始：空闲时段的开始和结束须同时填写'],
    [{ freeFrom: at('11:00'), freeTo: at('10:00') }, 'freeTo', '空闲时段结束：必须晚于开始时间'],
    [{ freeFrom: at('10:00'), freeTo: at('10:00') }, 'freeTo', '空闲时段结束：必须晚于开始时间'],
    [{ freeFrom: '2031-03-15 10:00', freeTo: at('11:00') }, 'freeFrom', '空闲时段开始：时间格式不正确'],
    [{ freeFrom: at('10:00'), freeTo: 1_900_000_000 }, 'freeTo', '空闲时段结束：'],
  ])('refuses the window %j, naming 「%s」', (window, field, text) => {
    const error = core.fails('resources.search', window as never);
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(error.message).toContain(text);
  });
});
