import { afterEach, describe, expect, it } from 'vitest';
import { setUpCore, tempCore, type TempCore } from '../helpers/temp-core';

describe('first-run setup', () => {
  let core: TempCore;
  afterEach(() => core.remove());

  it('refuses record changes until the installation says which zone it is', () => {
    core = tempCore();
    expect(core.ok('app.info').installation).toBeNull();
    expect(core.fails('zones.create', { code: 'FS', name: '抚顺', shortName: '抚顺', level: 'provincial', province: '辽宁省' })).toMatchObject({ code: 'NOT_SET_UP' });
    expect(core.fails('demo.load')).toMatchObject({ code: 'NOT_SET_UP' });
  });

  it('records the zone, role and operator, and the header name comes from the zone', () => {
    core = setUpCore('DQ', 'member');
    const info = core.ok('app.info');
    expect(info).toMatchObject({ zoneName: '大庆高新区', demoLoaded: false, installation: { role: 'member', operatorName: '测试员', language: 'zh-CN' } });
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('runs once: a second setup is refused and points to Settings', () => {
    core = setUpCore();
    const zone = core.ok('zones.list', { query: '沈阳' })[0]!;
    expect(core.fails('settings.setup', { zoneId: zone.id, role: 'member' }).message).toContain('设置');
  });

  it('refuses a deactivated or unknown zone', () => {
    core = setUpCore();
    const bt = core.ok('zones.list', { query: '包头' })[0]!;
    core.ok('zones.setActive', { id: bt.id, version: 1, active: false });
    expect(core.fails('settings.update', { zoneId: bt.id })).toMatchObject({ code: 'VALIDATION', fields: { zoneId: '该高新区已停用' } });
    expect(core.fails('settings.update', { zoneId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({ code: 'VALIDATION' });
  });

  it('remembers a language change in Settings', () => {
    core = setUpCore();
    core.ok('settings.update', { language: 'en' });
    expect(core.ok('app.info').installation).toMatchObject({ language: 'en', role: 'secretariat', operatorName: '测试员' });
  });
});

describe('demo data', () => {
  let core: TempCore;
  afterEach(() => core.remove());

  it('is loaded by the wizard, labelled as demo, and removed in one action without touching real data', () => {
    core = setUpCore('HRB', 'secretariat', true);
    expect(core.ok('app.info').demoLoaded).toBe(true);
    const demo = core.ok('zones.list', {}).filter((z) => z.isDemo);
    expect(demo.length).toBeGreaterThanOrEqual(4);
    expect(demo.every((z) => z.name.includes('示例') && z.level === 'provincial')).toBe(true);
    const real = core.ok('zones.create', { code: 'FS', name: '抚顺高新区', shortName: '抚顺', level: 'provincial', province: '辽宁省' });
    expect(core.ok('resources.search', { query: '示例' }).total).toBe(14);
    expect(core.ok('scenarios.search', { query: '示例' }).total).toBe(8);
    expect(core.db.prepare('SELECT count(*) AS n FROM application_scores').get()).toEqual({ n: 5 });
    expect(core.ok('requests.list', { scope: 'toMine' }).length + core.ok('requests.stats').byResource.length).toBeGreaterThan(0);
    const summary = core.ok('demo.remove');
    expect(summary.counts).toMatchObject({ zone: demo.length, resource: 14, sharing_request: 3, scenario: 8, event: 6 });
    expect(core.ok('resources.search', {}).total).toBe(0);
    expect(core.ok('scenarios.search', {}).total).toBe(0);
    for (const table of ['scenario_applications', 'application_scores', 'scenario_haystack', 'attachments', 'events', 'event_registrations', 'event_haystack']) {
      expect(core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(core.db.prepare('SELECT count(*) AS n FROM sharing_requests').get()).toEqual({ n: 0 });
    const after = core.ok('zones.list', {});
    expect(after.some((z) => z.isDemo)).toBe(false);
    expect(after.map((z) => z.id)).toContain(real.id);
    expect(after).toHaveLength(20);
    expect(core.ok('app.info').demoLoaded).toBe(false);
  });

  it('can be loaded again later from Settings, but not twice over', () => {
    core = setUpCore('SY', 'member');
    expect(core.ok('demo.load').counts.zone).toBeGreaterThan(0);
    expect(core.fails('demo.load')).toMatchObject({ code: 'CONFLICT' });
  });

  it('is not removed while this installation itself belongs to a demo zone', () => {
    core = setUpCore('HRB', 'secretariat', true);
    const demoZone = core.ok('zones.list', {}).find((z) => z.isDemo)!;
    core.ok('settings.update', { zoneId: demoZone.id });
    const before = core.snapshot();
    expect(core.fails('demo.remove')).toMatchObject({ code: 'CONFLICT' });
    expect(core.snapshot()).toBe(before);
  });
});

describe('the audit log', () => {
  let core: TempCore;
  afterEach(() => core.remove());

  it('is readable in full by the secretariat only; members see one record’s history', () => {
    core = setUpCore('SY', 'member');
    const sy = core.ok('zones.list', { query: '沈阳' })[0]!;
    core.ok('zones.update', { id: sy.id, version: 1, patch: { phone: '024-12345678' } });
    expect(core.fails('audit.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(core.ok('audit.list', { recordId: sy.id })).toHaveLength(1);
    core.ok('settings.update', { role: 'secretariat' });
    expect(core.ok('audit.list', {}).length).toBeGreaterThanOrEqual(1);
  });
});
