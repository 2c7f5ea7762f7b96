import { afterEach, describe, expect, it } from 'vitest';
import type { Zone } from '../../shared/domain/zone';
import { setUpCore, tempCore, type TempCore } from '../helpers/temp-core';

const provincial = {
  code: 'FS',
  name: '抚顺高新技术产业开发区',
  shortName: '抚顺高新区',
  level: 'provincial' as const,
  province: '辽宁省',
  city: '抚顺市',
  contactPerson: '周工',
  phone: '024-56781234',
  email: 'fs@example.cn',
  joinedOn: '2025-12-18',
};

describe('zones', () => {
  let core: TempCore;
  afterEach(() => core.remove());
  const byCode = (code: string): Zone => core.ok('zones.list', {}).find((z) => z.code === code)!;

  it('ships the 19 national zones with Harbin as the only secretariat, listed first', () => {
    core = tempCore();
    const zones = core.ok('zones.list', {});
    expect(zones).toHaveLength(19);
    expect(zones.every((z) => z.level === 'national' && z.active)).toBe(true);
    expect(zones[0]).toMatchObject({ code: 'HRB', shortName: '哈尔滨高新区', role: 'secretariat' });
    expect(zones.filter((z) => z.role === 'secretariat')).toHaveLength(1);
    expect(new Set(zones.map((z) => z.id)).size).toBe(19);
    for (const z of zones) expect(z.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('lets the secretariat add a provincial zone, recording it in the audit log', () => {
    core = setUpCore('HRB', 'secretariat');
    const zone = core.ok('zones.create', provincial);
    expect(zone).toMatchObject({ ...provincial, role: 'member', active: true, version: 1, isDemo: false, createdBy: '测试员（哈尔滨高新区）' });
    expect(core.ok('zones.list', {})).toHaveLength(20);
    const [entry] = core.ok('audit.list', { recordId: zone.id });
    expect(entry).toMatchObject({ action: 'create', entity: 'zone', actor: '测试员（哈尔滨高新区）', before: null });
    expect(entry!.after).toMatchObject({ code: 'FS', phone: '024-56781234' });
  });

  it('refuses a member installation adding zones, and saves nothing', () => {
    core = setUpCore('SY', 'member');
    const before = core.snapshot();
    expect(core.fails('zones.create', provincial)).toMatchObject({ code: 'FORBIDDEN' });
    expect(core.snapshot()).toBe(before);
  });

  it('refuses a duplicate code or name with a message naming the zone that has it', () => {
    core = setUpCore();
    const before = core.snapshot();
    expect(core.fails('zones.create', { ...provincial, code: 'hrb' })).toMatchObject({ code: 'CONFLICT', fields: { code: '已被 哈尔滨高新区 使用' } });
    expect(core.fails('zones.create', { ...provincial, name: '沈阳高新技术产业开发区' })).toMatchObject({ code: 'CONFLICT', fields: { name: '已被 沈阳高新区 使用' } });
    expect(core.snapshot()).toBe(before);
  });

  it('changes only the fields an update names, bumps the version and logs before and after', () => {
    core = setUpCore();
    const sy = byCode('SY');
    const updated = core.ok('zones.update', { id: sy.id, version: sy.version, patch: { phone: '13904001234' } });
    expect(updated).toMatchObject({ phone: '13904001234', version: 2, name: sy.name, city: sy.city, role: 'member', level: 'national' });
    const [entry] = core.ok('audit.list', { recordId: sy.id });
    expect(entry).toMatchObject({ action: 'update', before: { phone: '' }, after: { phone: '13904001234' } });
  });

  it('refuses an update made on a stale version and keeps the newer data', () => {
    core = setUpCore();
    const sy = byCode('SY');
    core.ok('zones.update', { id: sy.id, version: 1, patch: { contactPerson: '甲' } });
    const before = core.snapshot();
    expect(core.fails('zones.update', { id: sy.id, version: 1, patch: { contactPerson: '乙' } })).toMatchObject({ code: 'CONFLICT' });
    expect(core.snapshot()).toBe(before);
    expect(byCode('SY').contactPerson).toBe('甲');
  });

  it('lets a member edit its own contact details but not its name, nor another zone', () => {
    core = setUpCore('DL', 'member');
    const dl = byCode('DL');
    expect(core.ok('zones.update', { id: dl.id, version: 1, patch: { contactPerson: '大连联络员', email: 'dl@example.cn' } })).toMatchObject({ contactPerson: '大连联络员' });
    expect(core.fails('zones.update', { id: dl.id, version: 2, patch: { name: '大连新名字' } })).toMatchObject({ code: 'FORBIDDEN' });
    const sy = byCode('SY');
    expect(core.fails('zones.update', { id: sy.id, version: 1, patch: { phone: '13800138000' } })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('hands the secretariat over: naming a new one makes the old one a member, both logged', () => {
    core = setUpCore();
    const cc = byCode('CC');
    core.ok('zones.update', { id: cc.id, version: 1, patch: { role: 'secretariat' } });
    const zones = core.ok('zones.list', {});
    expect(zones.filter((z) => z.role === 'secretariat').map((z) => z.code)).toEqual(['CC']);
    const hrb = byCode('HRB');
    expect(hrb.role).toBe('member');
    expect(core.ok('audit.list', { recordId: hrb.id })[0]).toMatchObject({ before: { role: 'secretariat' }, after: { role: 'member' } });
  });

  it('refuses to leave the alliance without a secretariat', () => {
    core = setUpCore();
    const hrb = byCode('HRB');
    expect(core.fails('zones.update', { id: hrb.id, version: 1, patch: { role: 'member' } })).toMatchObject({ code: 'CONFLICT', fields: { role: expect.any(String) } });
    expect(core.fails('zones.setActive', { id: hrb.id, version: 1, active: false })).toMatchObject({ code: 'CONFLICT' });
  });

  it('deactivates and reactivates a zone, hiding it from active-only lists', () => {
    core = setUpCore();
    const bt = byCode('BT');
    const off = core.ok('zones.setActive', { id: bt.id, version: 1, active: false });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect(core.ok('zones.list', { includeInactive: false }).some((z) => z.code === 'BT')).toBe(false);
    expect(core.ok('zones.list', { includeInactive: true }).some((z) => z.code === 'BT')).toBe(true);
    expect(core.ok('zones.setActive', { id: bt.id, version: 2, active: true })).toMatchObject({ active: true, version: 3 });
    expect(core.ok('audit.list', { recordId: bt.id }).map((e) => e.action)).toEqual(['activate', 'deactivate']);
  });

  it.each([
    ['沈阳', ['SY']],
    ['大庆', ['DQ']],
    ['包头', ['BT']],
    ['dl', ['DL']],
    ['haerbin', ['HRB']],
    ['heb', ['HRB']],
    ['changchun', ['CC', 'JY']],
    ['吉林省', ['CC', 'JY', 'JL', 'YJ', 'TH']],
    ['不存在的名字', []],
  ])('finds zones by name, code, province or pinyin: %s', (query, codes) => {
    core = tempCore();
    expect(core.ok('zones.list', { query }).map((z) => z.code).sort()).toEqual([...codes].sort());
  });

  it('filters by level', () => {
    core = setUpCore();
    core.ok('zones.create', provincial);
    expect(core.ok('zones.list', { level: 'provincial' }).map((z) => z.code)).toEqual(['FS']);
  });
});
