import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { eventTypeId, forumInput } from '../helpers/events';
import { actAs, instrumentInput, zoneId } from '../helpers/resources';
import { applicationInput, publishedListing } from '../helpers/scenarios';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { createRequest } from '../../electron/core/requests/request-service';
import { actorOf, readInstallation } from '../../electron/core/settings/settings-service';
import { RequestCreateInput } from '../../shared/domain/sharing-request';

const year = Number(shanghaiToday().slice(0, 4));
const today = shanghaiToday();

function publishResource(core: TempCore, title: string): string {
  const r = core.ok('resources.create', { ...instrumentInput(core), title });
  let version = r.version;
  for (const action of ['submit', 'approve', 'publish'] as const) version = core.ok('resources.transition', { id: r.id, version, action }).version;
  return r.id;
}

const actual = (core: TempCore, metric: string) => core.ok('plans.progress', { year }).metrics.find((m) => m.metric === metric)!.total.actual;

describe('1+X+N progress follows the records', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  it('counts a resource once it is published, and not while it is a draft or under review', () => {
    const r = core.ok('resources.create', instrumentInput(core));
    expect(actual(core, 'resourcesRegistered')).toBe(0);
    let version = core.ok('resources.transition', { id: r.id, version: r.version, action: 'submit' }).version;
    version = core.ok('resources.transition', { id: r.id, version, action: 'approve' }).version;
    expect(actual(core, 'resourcesRegistered')).toBe(0);
    core.ok('resources.transition', { id: r.id, version, action: 'publish' });
    expect(actual(core, 'resourcesRegistered')).toBe(1);
    const records = core.ok('plans.records', { year, metric: 'resourcesRegistered' });
    expect(records).toEqual([expect.objectContaining({ kind: 'resource', id: r.id, zoneName: '哈尔滨高新区', date: today })]);
  });

  it('counts a served request and the resource it served; two requests on one resource share it', () => {
    const id = publishResource(core, '电镜');
    actAs(core, 'SY');
    const slot = (h: number) => `${addDays(today, 3)}T${String(h).padStart(2, '0')}:00:00+08:00`;
    const a = core.ok('requests.create', { resourceId: id, organisation: '沈阳所', contactPerson: '李', purpose: '测样', slotStart: slot(9), slotEnd: slot(10) });
    const b = core.ok('requests.create', { resourceId: id, organisation: '沈阳厂', contactPerson: '王', purpose: '测样', slotStart: slot(11), slotEnd: slot(12) });
    actAs(core, 'HRB', 'secretariat');
    for (const r of [a, b]) {
      const approved = core.ok('requests.decide', { id: r.id, version: r.version, decision: 'approve' });
      core.ok('requests.complete', { id: r.id, version: approved.version });
    }
    expect(actual(core, 'requestsServed')).toBe(2);
    expect(actual(core, 'resourcesShared')).toBe(1);
    expect(core.ok('plans.records', { year, metric: 'resourcesShared' }).map((r) => r.id)).toEqual([id]);
  });

  it('counts listings published and matched, and the categories opened; a cancelled listing does not count', () => {
    const one = publishedListing(core);
    const two = publishedListing(core, { title: '第二个榜单' });
    expect(actual(core, 'listingsPublished')).toBe(2);
    expect(actual(core, 'categoriesOpened')).toBe(1);
    const app = core.ok('applications.create', { ...applicationInput(one.id, '哈工大'), applicantZoneId: zoneId(core, 'HRB') });
    core.ok('applications.transition', { id: app.id, version: app.version, action: 'select' });
    expect(actual(core, 'listingsMatched')).toBe(1);
    const current = core.ok('scenarios.get', { id: two.id });
    core.ok('scenarios.transition', { id: two.id, version: current.version, action: 'cancel', comment: '需求取消' });
    expect(actual(core, 'listingsPublished')).toBe(1);
  });

  it('counts an event once held, by type and by quarter; a cancelled event never counts', () => {
    const e = core.ok('events.create', forumInput(core, 0, { startAt: `${today}T00:00:00+08:00`, endAt: `${today}T23:00:00+08:00` }));
    const published = core.ok('events.transition', { id: e.id, version: e.version, action: 'publish' });
    expect(actual(core, 'eventsHeld')).toBe(0);
    core.ok('events.transition', { id: e.id, version: published.version, action: 'hold' });
    const cancelled = core.ok('events.create', forumInput(core, 0, { title: '取消的活动', startAt: `${today}T00:00:00+08:00`, endAt: `${today}T01:00:00+08:00` }));
    core.ok('events.transition', { id: cancelled.id, version: cancelled.version, action: 'cancel', comment: '天气' });
    const held = core.ok('plans.progress', { year }).metrics.find((m) => m.metric === 'eventsHeld')!;
    expect(held.total.actual).toBe(1);
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
    expect(held.byQuarter.map((q) => q.actual)).toEqual([0, 1, 2, 3].map((q) => (q === quarter ? 1 : 0)));
    expect(held.byType[eventTypeId(core, 'forum')]).toEqual({ actual: 1, target: null });
    expect(core.ok('plans.records', { year, metric: 'eventsHeld', quarter: quarter + 1 }).map((r) => r.id)).toEqual([e.id]);
  });

  it('shows every figure against its target, overall, by quarter, by zone and by type', () => {
    const hrb = zoneId(core, 'HRB');
    core.ok('plans.saveTargets', {
      year,
      targets: [
        { metric: 'resourcesRegistered', target: 100 },
        { metric: 'resourcesRegistered', zoneId: hrb, target: 10 },
        { metric: 'eventsHeld', quarter: 2, target: 5 },
        { metric: 'eventsHeld', typeId: eventTypeId(core, 'roadshow'), target: 4 },
      ],
    });
    publishResource(core, '电镜');
    const progress = core.ok('plans.progress', { year });
    const registered = progress.metrics.find((m) => m.metric === 'resourcesRegistered')!;
    expect(registered.total).toEqual({ actual: 1, target: 100 });
    expect(registered.byZone[hrb]).toEqual({ actual: 1, target: 10 });
    const events = progress.metrics.find((m) => m.metric === 'eventsHeld')!;
    expect(events.byQuarter[1]).toEqual({ actual: 0, target: 5 });
    expect(events.byType[eventTypeId(core, 'roadshow')]).toEqual({ actual: 0, target: 4 });
  });
});

describe('the plan itself', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  it('is set by the secretariat only, and bad targets change nothing', () => {
    const before = core.snapshot();
    expect(core.fails('plans.saveTargets', { year, targets: [{ metric: 'resourcesRegistered', target: -1 }] }).message).toContain('不能为负数');
    expect(core.fails('plans.saveTargets', { year, targets: [{ metric: 'visitors', target: 1 }] }).message).toContain('未知的指标');
    expect(core.fails('plans.saveTargets', { year, targets: [{ metric: 'listingsPublished', typeId: eventTypeId(core, 'forum'), target: 1 }] }).message).toContain('只有「举办创新活动」');
    expect(core.fails('plans.saveTargets', { year, targets: [{ metric: 'eventsHeld', target: 1 }, { metric: 'eventsHeld', target: 2 }] }).message).toContain('重复');
    expect(core.fails('plans.saveTargets', { year: 1999, targets: [] }).message).toContain('年份应在');
    expect(core.snapshot()).toBe(before);
    actAs(core, 'SY');
    expect(core.fails('plans.saveTargets', { year, targets: [] }).code).toBe('FORBIDDEN');
  });

  it('copies a year’s targets and work items to the next, work back to 未开始 and due a year later', () => {
    core.ok('plans.saveTargets', { year, targets: [{ metric: 'eventsHeld', target: 30 }], notes: '年度重点' });
    core.ok('plans.saveWorkItem', { year, title: '编制共享资源目录', ownerZoneId: zoneId(core, 'CC'), dueDate: `${year}-06-30`, status: 'done', progressNote: '已完成' });
    const next = core.ok('plans.copy', { fromYear: year, toYear: year + 1 });
    expect(next.targets).toEqual([{ metric: 'eventsHeld', zoneId: '', typeId: '', quarter: 0, target: 30 }]);
    expect(next.workItems.map((w) => [w.title, w.dueDate, w.status, w.progressNote])).toEqual([['编制共享资源目录', `${year + 1}-06-30`, 'todo', '']]);
    expect(core.fails('plans.copy', { fromYear: year, toYear: year + 1 }).code).toBe('CONFLICT');
  });

  it('lets the leading zone report progress on its own work item but not rewrite it', () => {
    const saved = core.ok('plans.saveWorkItem', { year, title: '组织揭榜挂帅', ownerZoneId: zoneId(core, 'CC'), dueDate: addDays(today, -1) });
    expect(saved.overdue).toBe(true);
    const item = { title: saved.title, ownerZoneId: saved.ownerZoneId, dueDate: saved.dueDate };
    actAs(core, 'CC');
    const updated = core.ok('plans.saveWorkItem', { ...item, id: saved.id, version: saved.version, year, status: 'doing', progressNote: '已发布 3 个榜单' });
    expect(updated).toMatchObject({ status: 'doing', progressNote: '已发布 3 个榜单', overdue: true });
    expect(core.fails('plans.saveWorkItem', { ...item, id: saved.id, version: updated.version, year, title: '改了标题' }).code).toBe('FORBIDDEN');
    actAs(core, 'SY');
    expect(core.fails('plans.saveWorkItem', { ...item, id: saved.id, version: updated.version, year, status: 'done' }).code).toBe('FORBIDDEN');
  });
});

describe('dashboard, indicators and the annual report', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat', true);
  });
  afterEach(() => core.remove());

  it('lists what needs attention: submissions to review, listings closing soon, events this week without a venue, overdue work', () => {
    core.ok('events.create', forumInput(core, 2, { title: '没定场地的活动', venue: '' }));
    core.ok('plans.saveWorkItem', { year, title: '逾期工作', ownerZoneId: zoneId(core, 'CC'), dueDate: addDays(today, -3) });
    const attention = Object.fromEntries(core.ok('dashboard.get', { year }).attention.map((g) => [g.kind, g.items.map((i) => i.title)]));
    expect(attention.reviewQueue).toEqual(expect.arrayContaining(['碳纤维原丝性能测试系统（示例）', '激光加工工艺验证实验室（示例）']));
    expect(attention.closingSoon).toContain('松花江沿岸无人机巡检应用场景（示例）');
    expect(attention.eventsWithoutVenue).toEqual(['没定场地的活动']);
    expect(attention.overdueWork).toEqual(['逾期工作']);
  });

  it('lists the sharing requests waiting for an answer to the zone that owns the resource (the secretariat: all)', () => {
    const pending = () => core.ok('dashboard.get', { year }).attention.find((g) => g.kind === 'pendingRequests')!;
    const lines = () => pending().items.map((i) => `${i.title} | ${i.zoneName} | ${i.detail}`);
    // Oldest first: a sample test by when it was filed, a slot by when it starts (in 3 days).
    expect(lines()).toEqual([
      '高分辨液相色谱-质谱联用仪（示例） | 大庆高新区 | 大庆某化工企业（示例） · 送样检测',
      expect.stringMatching(/^场发射扫描电子显微镜（示例） \| 长春高新区 \| 长春某光电公司（示例） · \d+月\d+日 14:00–16:00$/),
    ]);
    actAs(core, 'DL'); // owns the LC-MS
    expect(lines()).toEqual(['高分辨液相色谱-质谱联用仪（示例） | 大庆高新区 | 大庆某化工企业（示例） · 送样检测']);
    // A request never answered before its slot began says so: it can only be declined.
    actAs(core, 'SY');
    const sem = core.ok('resources.search', { query: '场发射扫描电子显微镜（示例）' }).items[0]!.id;
    const input = RequestCreateInput.parse({ resourceId: sem, organisation: '沈阳某研究院', contactPerson: '李工', purpose: '形貌观察', slotStart: '2026-01-05T09:00:00+08:00', slotEnd: '2026-01-05T12:00:00+08:00' });
    createRequest(core.db, actorOf(core.db, readInstallation(core.db))!, input, new Date('2026-01-01T00:00:00Z'));
    actAs(core, 'HRB', 'secretariat');
    expect(lines()[0]).toBe('场发射扫描电子显微镜（示例） | 沈阳高新区 | 沈阳某研究院 · 1月5日 09:00–12:00（时段已过）');
    actAs(core, 'SY'); // asked for things, owns nothing asked for
    expect(pending().count).toBe(0);
  });

  it('has demo indicators whose 2024 regional totals and growth equal the published figures', () => {
    const table = core.ok('indicators.table', { year: 2024 });
    const total = (name: string) => table.totals.find((t) => t.indicatorId === table.indicators.find((i) => i.name === name)!.id)!;
    expect(total('营业收入')).toMatchObject({ total: 31000, growth: 8.8 });
    expect(total('工业总产值')).toMatchObject({ total: 25000, growth: 24.1 });
    expect(total('工商注册企业数')).toMatchObject({ total: 382000, growth: 8.9 });
    expect(total('高新技术企业数')).toMatchObject({ total: 8865, growth: 3.9 });
    expect(table.hasDemo).toBe(true);
    // Ranks are 1..n by value.
    const revenue = table.indicators.find((i) => i.name === '营业收入')!.id;
    const ranked = table.zones.filter((z) => z.rank[revenue] !== null).sort((a, b) => a.rank[revenue]! - b.rank[revenue]!);
    expect(ranked[0]!.values[revenue]).toBe(Math.max(...ranked.map((z) => z.values[revenue]!)));
    // Removing the demo data removes them.
    core.ok('demo.remove');
    expect(core.ok('indicators.table', { year: 2024 }).totals.every((t) => t.reporting === 0)).toBe(true);
  });

  it('computes year-on-year growth per zone and refuses bad values', () => {
    const cc = zoneId(core, 'CC');
    const revenue = core.ok('indicators.defs').find((i) => i.code === 'revenue')!.id;
    core.ok('indicators.save', { zoneId: cc, year: 2030, values: { [revenue]: 100 } });
    const table = core.ok('indicators.save', { zoneId: cc, year: 2031, values: { [revenue]: 125 } });
    expect(table.zones.find((z) => z.zoneId === cc)!.growth[revenue]).toBe(25);
    const before = core.snapshot();
    expect(core.fails('indicators.save', { zoneId: cc, year: 2031, values: { [revenue]: -5 } }).message).toContain('不能为负数');
    expect(core.fails('indicators.save', { zoneId: cc, year: 2031, values: { [revenue]: '一百' } }).message).toContain('必须是数字');
    expect(core.snapshot()).toBe(before);
    actAs(core, 'SY');
    expect(core.fails('indicators.save', { zoneId: cc, year: 2031, values: { [revenue]: 1 } }).code).toBe('FORBIDDEN');
  });

  it('the report holds the numbers the dashboard shows, and exports as .xlsx and .docx', async () => {
    const dash = core.ok('dashboard.get', { year });
    const report = core.ok('report.data', { year });
    expect(report.dashboard.progress.metrics.map((m) => [m.metric, m.total])).toEqual(dash.progress.metrics.map((m) => [m.metric, m.total]));
    expect(report.dashboard.zones).toEqual(dash.zones);
    const xlsx = await core.okAsync('report.export', { year, format: 'xlsx' });
    expect(xlsx.fileName).toBe(`联盟${year}年度工作报告.xlsx`);
    expect(Buffer.from(xlsx.dataBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(xlsx.dataBase64, 'base64')).buffer);
    const first = book.worksheets[1]!;
    expect(first.getRow(1).values).toEqual(expect.arrayContaining(['部分', '指标', '年度目标', '完成', '完成率']));
    const events = dash.progress.metrics.find((m) => m.metric === 'eventsHeld')!.total.actual;
    const row = first.getRows(2, 7)!.find((r) => r.getCell(2).value === '举办创新活动')!;
    expect(row.getCell(4).value).toBe(events);
    const docx = await core.okAsync('report.export', { year, format: 'docx' });
    expect(Buffer.from(docx.dataBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(core.fails('report.export', { year, format: 'pdf' }).message).toContain('应为 xlsx 或 docx');
  });
});
