import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { forgetParsedFile } from '../../electron/core/excel/excel-service';
import type { defineFormSheet } from '../../electron/core/excel/form-sheet';
import { SHEET_SPECS } from '../../electron/core/excel/sheet-specs';
import { SHEET_RECORD_TYPES, type SheetRecordType, type SheetScope } from '../../shared/domain/spreadsheet';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { forumInput, person } from '../helpers/events';
import { actAs, zoneId } from '../helpers/resources';
import { passDeadline, publishedListing } from '../helpers/scenarios';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { bookBytes, columnOf, fillRows, headersOf, loadBook } from '../fixtures/excel/excel-files';

/**
 * The sheets of the record types after resources — listings, events, applications,
 * registrations, indicators — through the same channels and engine: templates from the form
 * schemas, imports with previews and per-row errors, re-imports that update instead of
 * duplicating, exports that come back in.
 */

type Scope = Partial<SheetScope>;

async function template(core: TempCore, recordType: SheetRecordType, scope: Scope = {}): Promise<ExcelJS.Workbook> {
  return loadBook(await core.okAsync('excel.template', { recordType, scope }));
}

/** The template with rows typed under the example (or, from row 2, over a pre-filled sheet). */
async function filledFile(core: TempCore, recordType: SheetRecordType, rows: Array<Record<string, ExcelJS.CellValue>>, scope: Scope = {}, from = 3) {
  const book = await template(core, recordType, scope);
  fillRows(book.worksheets[0]!, rows, from);
  return { recordType, scope, fileName: `${recordType}.xlsx`, dataBase64: (await bookBytes(book)).toString('base64') };
}

type FileInput = Awaited<ReturnType<typeof filledFile>>;

const preview = (core: TempCore, file: FileInput) => core.okAsync('excel.preview', file);
const commit = (core: TempCore, file: FileInput) => core.okAsync('excel.commit', { ...file, mode: 'validOnly' });
const count = (core: TempCore, table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
const errorTexts = (rows: Array<{ errors: Array<{ text: string }> }>) => rows.flatMap((r) => r.errors.map((e) => e.text));

async function exportedFile(core: TempCore, input: Record<string, unknown>, edit?: (sheet: ExcelJS.Worksheet) => void) {
  const file = await core.okAsync('excel.export', { format: 'xlsx', ...input } as never);
  const book = await loadBook(file);
  edit?.(book.worksheets[0]!);
  return { recordType: input.recordType as SheetRecordType, scope: (input.scope ?? {}) as Scope, fileName: file.fileName, dataBase64: (await bookBytes(book)).toString('base64') };
}

let core: TempCore;
beforeEach(() => {
  forgetParsedFile();
  core = setUpCore('HRB', 'secretariat');
});
afterEach(() => core.remove());

describe('every record type has a sheet', () => {
  it('lists a spec for each record type the channels accept', () => {
    expect(Object.keys(SHEET_SPECS).sort()).toEqual([...SHEET_RECORD_TYPES].sort());
  });

  it('covers every field of each form: a field added to a create schema fails here until it is a column or deliberately left out', () => {
    for (const type of ['scenario', 'event', 'application', 'registration'] as const) {
      const { config } = SHEET_SPECS[type] as ReturnType<typeof defineFormSheet>;
      const covered = [...config.fields.map((f) => f.key), ...Object.keys(config.omitted)].sort();
      expect(covered, type).toEqual(Object.keys((config.createSchema as z.ZodObject).shape).sort());
    }
  });

  it('refuses a scoped sheet without its scope, in Chinese, naming what to choose', async () => {
    for (const [recordType, noun] of [['application', '场景清单'], ['registration', '活动'], ['indicator', '年度']] as const) {
      const result = await core.dispatchAsync('excel.template', { recordType });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(`请先选择${noun}`);
    }
  });
});

describe('应用场景 sheet', () => {
  it('writes a template from the listing form: required marks, 万元 units, kinds as a dropdown', async () => {
    const sheet = (await template(core, 'scenario')).worksheets[0]!;
    expect(sheet.name).toBe('应用场景');
    const headers = headersOf(sheet);
    expect(headers).toEqual(expect.arrayContaining(['编号', '场景类别（必填）', '清单类型（必填）', '场景名称（必填）', '需求单位（必填）', '预算下限（万元）', '申报截止日期']));
    expect(headers).not.toContain('评分标准');
    expect(sheet.getCell(2, 1).value).toBe('示例');
  });

  it('imports listings with money in any unit and dates in any format, reports bad rows by row and column, and updates on re-import', async () => {
    const rows = [
      { 场景类别: '新材料', 清单类型: '揭榜挂帅榜单', 场景名称: '稀土永磁电机攻关', 需求单位: '包头某电机公司', 场景描述: '镧铈替代', 预算下限: '50万', 预算上限: '5,000,000元', 申报截止日期: '2026年12月31日', 联系人: '王工', 关键词标签: '稀土、电机' },
      { 场景类别: '新材料', 清单类型: '能力清单', 场景名称: '碳纤维复合材料检测能力', 需求单位: '吉林化纤', 场景描述: '检测', 实施开始: '2026.3.15', 实施结束: '2026/3/1', 联系人: '李工' },
      { 场景类别: '不存在的类别', 清单类型: '场景机会清单', 场景名称: '第三行', 需求单位: '某单位', 场景描述: '描述', 联系人: '赵工' },
    ];
    const file = await filledFile(core, 'scenario', rows);
    const checked = await preview(core, file);
    expect(checked.counts).toMatchObject({ add: 1, error: 2 });
    expect(errorTexts(checked.rows)).toEqual(expect.arrayContaining(['第 4 行「实施结束」：实施结束日期不能早于开始日期', expect.stringMatching(/^第 5 行「场景类别」：/)]));
    expect(count(core, 'scenarios')).toBe(0);

    const done = await commit(core, file);
    expect(done).toMatchObject({ added: 1, skipped: 2 });
    const stored = core.db.prepare('SELECT budget_min_wan AS lo, budget_max_wan AS hi, deadline, status FROM scenarios').get();
    expect(stored).toEqual({ lo: 50, hi: 500, deadline: '2026-12-31', status: 'draft' });

    forgetParsedFile();
    const again = await commit(core, file);
    expect(again).toMatchObject({ added: 0, unchanged: 1 });
    expect(count(core, 'scenarios')).toBe(1);

    const exported = await exportedFile(core, { recordType: 'scenario', filter: {} }, (sheet) => {
      sheet.getCell(2, columnOf(sheet, '揭榜奖励')).value = 80;
    });
    const updated = await commit(core, exported);
    expect(updated).toMatchObject({ added: 0, updated: 1 });
    expect(core.db.prepare('SELECT reward_wan FROM scenarios').pluck().get()).toBe(80);
  });
});

describe('创新活动 sheet', () => {
  it('reads Beijing wall times, all-day events by their days, and co-hosts by name; re-exports round-trip unchanged', async () => {
    const rows = [
      { 活动类型: '论坛', 活动名称: '东北创新论坛', 开始时间: '2026-05-20 09:30', 结束时间: '2026-05-20 17:00', 协办高新区: '大庆高新区、长春', 人数上限: 120 },
      { 活动类型: '项目路演', 活动名称: '两天的路演周', 开始时间: '2026年6月1日', 结束时间: '2026年6月2日' },
      { 活动类型: '论坛', 活动名称: '一天的全天活动', 开始时间: '2026-07-01' },
      { 活动类型: '论坛', 活动名称: '协办写错了', 开始时间: '2026-05-21 09:00', 结束时间: '2026-05-21 10:00', 协办高新区: '火星高新区' },
    ];
    const file = await filledFile(core, 'event', rows);
    const done = await commit(core, file);
    expect(errorTexts(done.errors)).toEqual(['第 6 行「协办高新区」：「火星高新区」不是已登记的高新区']);
    expect(done.added).toBe(3);
    const events = core.db.prepare('SELECT title, start_at, end_at, all_day, co_host_zone_ids FROM events ORDER BY start_at').all() as Array<{ title: string; start_at: string; end_at: string; all_day: number; co_host_zone_ids: string }>;
    expect(events.map((e) => [e.title, e.start_at, e.end_at, e.all_day])).toEqual([
      ['东北创新论坛', '2026-05-20T09:30:00+08:00', '2026-05-20T17:00:00+08:00', 0],
      ['两天的路演周', '2026-06-01T00:00:00+08:00', '2026-06-03T00:00:00+08:00', 1],
      ['一天的全天活动', '2026-07-01T00:00:00+08:00', '2026-07-02T00:00:00+08:00', 1],
    ]);
    expect((JSON.parse(events[0]!.co_host_zone_ids) as string[]).sort()).toEqual([zoneId(core, 'DQ'), zoneId(core, 'CC')].sort());

    const exported = await exportedFile(core, { recordType: 'event', filter: {} });
    const sheet = (await loadBook(Buffer.from(exported.dataBase64, 'base64'))).worksheets[0]!;
    expect(sheet.getCell(3, columnOf(sheet, '结束时间')).value).toEqual(new Date(Date.UTC(2026, 5, 2)));
    const again = await commit(core, exported);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, skipped: 0 });
  });
});

describe('揭榜申报 sheet', () => {
  it('adds applications to the chosen listing, refuses a closed one row by row, and never applies twice', async () => {
    const listing = publishedListing(core);
    const scope = { scenarioId: listing.id };
    const sheet = (await template(core, 'application', scope)).worksheets[0]!;
    expect(headersOf(sheet)).toEqual(expect.arrayContaining(['申报单位（必填）', '单位类型（必填）', '方案摘要（必填）']));
    const rows = [
      { 申报单位: '哈尔滨工业大学', 单位类型: '高校', 方案摘要: '方案甲', 联系人: '赵老师' },
      { 申报单位: '吉林大学', 单位类型: '高校', 方案摘要: '方案乙', 联系人: '钱老师' },
      { 申报单位: '哈尔滨工业大学', 单位类型: '高校', 方案摘要: '重复的一行', 联系人: '孙老师' },
    ];
    const file = await filledFile(core, 'application', rows, scope);
    const done = await commit(core, file);
    expect(done).toMatchObject({ added: 2, skipped: 1 });
    expect(errorTexts(done.errors)[0]).toMatch(/^第 5 行：与第 3 行是同一条记录/);

    forgetParsedFile();
    const again = await commit(core, await filledFile(core, 'application', rows.slice(0, 2), scope));
    expect(again).toMatchObject({ added: 0, unchanged: 2 });
    const changed = await commit(core, await filledFile(core, 'application', [{ ...rows[0], 方案摘要: '改过的方案' }], scope));
    expect(errorTexts(changed.errors)[0]).toContain('该申报已存在');
    expect(count(core, 'scenario_applications')).toBe(2);

    passDeadline(core, listing.id);
    const late = await commit(core, await filledFile(core, 'application', [{ 申报单位: '东北大学', 单位类型: '高校', 方案摘要: '晚了', 联系人: '周老师' }], scope));
    expect(errorTexts(late.errors)[0]).toContain('已于');
    expect(count(core, 'scenario_applications')).toBe(2);

    const exported = await loadBook(await core.okAsync('excel.export', { recordType: 'application', scope, format: 'xlsx' }));
    expect(headersOf(exported.worksheets[0]!)).toEqual(expect.arrayContaining(['申报单位', '状态', '加权得分', '排名']));
    expect(exported.worksheets[0]!.actualRowCount).toBe(3);
  });
});

describe('活动报名 sheet', () => {
  it('registers a zone’s list at once, puts those over capacity on the waiting list, and exports the sign-in sheet with codes', async () => {
    const event = core.ok('events.create', forumInput(core, 20, { capacity: 2 }));
    core.ok('events.transition', { id: event.id, version: event.version, action: 'publish' });
    const scope = { eventId: event.id };
    core.ok('registrations.create', person(event.id, '已报名者', '13900000000'));
    const rows = [
      { 姓名: '张三', 单位: '哈工大', 手机号: 13800138001, 所属高新区: '哈尔滨' },
      { 姓名: '李四', 单位: '哈工程', 手机号: '13800138002' },
      { 姓名: '王五', 单位: '东北林大', 手机号: '12345' },
    ];
    const done = await commit(core, await filledFile(core, 'registration', rows, scope));
    expect(done).toMatchObject({ added: 2, skipped: 1 });
    expect(errorTexts(done.errors)[0]).toMatch(/^第 5 行「手机号」：格式不正确/);
    const statuses = core.db.prepare("SELECT name, status FROM event_registrations WHERE name IN ('张三', '李四') ORDER BY name").all();
    expect(statuses).toEqual([
      { name: '张三', status: 'confirmed' },
      { name: '李四', status: 'waitlisted' },
    ]);

    forgetParsedFile();
    const again = await commit(core, await filledFile(core, 'registration', rows.slice(0, 2), scope));
    expect(again).toMatchObject({ added: 0, unchanged: 2 });

    const sheet = (await loadBook(await core.okAsync('excel.export', { recordType: 'registration', scope, format: 'xlsx' }))).worksheets[0]!;
    expect(headersOf(sheet)).toEqual(expect.arrayContaining(['姓名', '签到码', '状态', '签到时间']));
    expect(String(sheet.getCell(2, columnOf(sheet, '签到码')).value)).toMatch(/^[23456789A-Z]{6}$/);
  });
});

describe('发展指标 sheet', () => {
  const year = 2025;

  it('comes pre-filled with the zones to fill in; values with units import; a member may only send its own row', async () => {
    const book = await template(core, 'indicator', { year });
    const sheet = book.worksheets[0]!;
    expect(headersOf(sheet).slice(0, 3)).toEqual(['高新区（必填）', '省份', '营业收入（亿元）']);
    expect(sheet.actualRowCount).toBeGreaterThanOrEqual(20);
    const rowOf = (name: string) => {
      for (let r = 2; r <= sheet.actualRowCount; r++) if (sheet.getCell(r, 1).value === name) return r;
      throw new Error(`no row ${name}`);
    };
    sheet.getCell(rowOf('哈尔滨高新区'), columnOf(sheet, '营业收入')).value = '1,234.5';
    sheet.getCell(rowOf('大庆高新区'), columnOf(sheet, '高新技术企业数')).value = 321;
    const file = { recordType: 'indicator' as const, scope: { year }, fileName: '指标.xlsx', dataBase64: (await bookBytes(book)).toString('base64') };
    const done = await commit(core, file);
    expect(done.added).toBe(2);
    const table = core.ok('indicators.table', { year });
    const revenue = table.indicators.find((i) => i.code === 'revenue')!.id;
    expect(table.zones.find((z) => z.zoneId === zoneId(core, 'HRB'))!.values[revenue]).toBe(1234.5);

    forgetParsedFile();
    expect(await commit(core, file)).toMatchObject({ added: 0, updated: 0, skipped: 0 });

    actAs(core, 'DQ', 'member');
    forgetParsedFile();
    const asMember = await commit(core, file);
    expect(asMember.errors.some((r) => r.label === '哈尔滨高新区')).toBe(false);
    sheet.getCell(rowOf('哈尔滨高新区'), columnOf(sheet, '营业收入')).value = 99;
    forgetParsedFile();
    const foreign = await commit(core, { ...file, dataBase64: (await bookBytes(book)).toString('base64') });
    expect(foreign.errors.map((r) => r.label)).toEqual(['哈尔滨高新区']);
    expect(errorTexts(foreign.errors)[0]).toContain('只能填报本高新区');
  });
});

describe('scopes keep sheets apart', () => {
  it('does not let a registration id from another event be updated through this event’s sheet', async () => {
    const day = addDays(shanghaiToday(), 10);
    const a = core.ok('events.create', forumInput(core, 10, { title: '甲活动' }));
    const b = core.ok('events.create', forumInput(core, 12, { title: '乙活动', startAt: `${addDays(day, 2)}T09:00:00+08:00`, endAt: `${addDays(day, 2)}T12:00:00+08:00` }));
    for (const e of [a, b]) core.ok('events.transition', { id: e.id, version: e.version, action: 'publish' });
    const reg = core.ok('registrations.create', person(a.id, '甲', '13800000001'));
    const file = await filledFile(core, 'registration', [{ 编号: reg.id, 姓名: '甲', 单位: '某单位', 手机号: '13800000001' }], { eventId: b.id });
    const checked = await preview(core, file);
    expect(errorTexts(checked.rows)[0]).toContain('找不到该编号的报名');
  });
});

describe('hostile scopes are refused in Chinese and change nothing', () => {
  const ulid = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an unknown scope key', { recordType: 'registration', scope: { eventId: ulid, zoneId: ulid } }, /范围/],
    ['a year before 2000', { recordType: 'indicator', scope: { year: 1999 } }, /年份应在 2000–2100 之间/],
    ['a year as text', { recordType: 'indicator', scope: { year: '2025' } }, /年度：必须是数字/],
    ['a malformed event id', { recordType: 'registration', scope: { eventId: 'DROP TABLE' } }, /活动/],
    ['an event that does not exist', { recordType: 'registration', scope: { eventId: ulid } }, /找不到/],
    ['a listing that does not exist', { recordType: 'application', scope: { scenarioId: ulid } }, /找不到/],
    ['a scope as a string', { recordType: 'indicator', scope: '2025' }, /范围/],
    ['a record type that has no sheet', { recordType: 'zone' }, /不支持的记录类型/],
  ];

  it.each(cases)('refuses %s', async (_label, input, message) => {
    const before = core.snapshot();
    for (const [channel, extra] of [
      ['excel.template', {}],
      ['excel.export', { format: 'xlsx' }],
      ['excel.preview', { fileName: 'a.xlsx', dataBase64: '' }],
    ] as const) {
      const body = channel === 'excel.export' && !('scope' in input) ? { ...input, filter: {} } : input;
      const result = await core.dispatchAsync(channel, { ...body, ...extra });
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.message, channel).toMatch(message);
    }
    expect(core.snapshot()).toBe(before);
  });
});
