import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SheetRecordType } from '../../shared/domain/spreadsheet';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { bookBytes, columnOf, fillRows, headersOf, instrumentRow, loadBook } from '../fixtures/excel/excel-files';
import type { TempCore } from '../helpers/temp-core';
import { download, excelMenu } from './excel-steps';
import { browserSession, navigate, pickOption, setUpAs } from './harness';

/**
 * The Excel round trip of the record types after resources, as a user does it: the 「Excel」
 * menu of 应用场景, of an event's 报名 tab and of 发展指标; and the import dialog's refusals
 * (too large, not a spreadsheet), a GBK CSV and 有错误则全部不导入 on the 科技资源 list.
 */

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ── helpers ────────────────────────────────────────────────────────────────────────────────


/** The template with rows typed under the example (row 2), as a user fills it in Excel. */
async function filledTemplate(template: Buffer, rows: Array<Record<string, ExcelJS.CellValue>>): Promise<Buffer> {
  const book = await loadBook(template);
  fillRows(book.worksheets[0]!, rows);
  return bookBytes(book);
}

const importDialog = (page: Page) => page.getByRole('dialog').filter({ has: page.getByTestId('excel-import') });

/** Opens 导入… of the menu and waits for the dialog. */
async function openImport(page: Page, recordType: SheetRecordType): Promise<Locator> {
  await excelMenu(page, recordType, '导入…');
  const dialog = importDialog(page);
  await dialog.getByTestId('excel-import').waitFor();
  return dialog;
}

/** Opens the import dialog, chooses the file and waits for the preview's counts. */
async function importFile(page: Page, recordType: SheetRecordType, name: string, bytes: Buffer, mimeType = XLSX_MIME): Promise<Locator> {
  const dialog = await openImport(page, recordType);
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: bytes });
  await dialog.getByTestId('excel-counts').waitFor({ timeout: 30_000 });
  return dialog;
}

const count = (dialog: Locator, action: 'add' | 'update' | 'unchanged' | 'error') => dialog.getByTestId(`excel-count-${action}`).locator('.ant-statistic-content-value').innerText();

/** 确认导入, then the result line once the core has written the rows. */
async function confirmImport(dialog: Locator): Promise<string> {
  await dialog.getByTestId('excel-confirm').click();
  await dialog.getByTestId('excel-result').waitFor({ timeout: 30_000 });
  return dialog.getByTestId('excel-result').innerText();
}

async function closeDialog(page: Page, dialog: Locator) {
  // Not /^完成$/: the button reuses 确认导入's, whose leaving spinner can stay named 「loading」.
  await dialog.getByRole('button', { name: /完\s*成$/ }).click();
  await importDialog(page).waitFor({ state: 'detached' });
}

/** Waits for the modal's opening animation to end (a screenshot mid-zoom is blurred). */
async function settled(dialog: Locator) {
  await expect.poll(() => dialog.evaluate((el) => el.getAnimations({ subtree: true }).filter((a) => a.effect?.getTiming().iterations !== Infinity).length)).toBe(0);
}

/** Every value of a column under the header (row 2 on), as text. */
function columnTexts(sheet: ExcelJS.Worksheet, header: string): string[] {
  const out: string[] = [];
  sheet.getColumn(columnOf(sheet, header)).eachCell((cell, row) => void (row > 1 && out.push(String(cell.value ?? ''))));
  return out;
}

/** A published seminar on `day`, 09:00–12:00 Beijing time, made through the core. */
function publishedEvent(core: TempCore, title: string, day: string, capacity: number) {
  const typeId = core.ok('eventTypes.list', {}).find((t) => t.code === 'seminar')!.id;
  const created = core.ok('events.create', { typeId, title, startAt: `${day}T09:00:00+08:00`, endAt: `${day}T12:00:00+08:00`, venue: '哈尔滨高新区科技创新城会议中心', capacity });
  return core.ok('events.transition', { id: created.id, version: created.version, action: 'publish' });
}

/** Jumps the calendar to a month (YYYY-MM) with the 跳转到月份 picker. */
async function gotoMonth(page: Page, month: string) {
  const picker = page.getByPlaceholder('跳转到月份');
  await picker.click();
  await picker.fill(month);
  await picker.press('Enter');
  await page.keyboard.press('Escape');
}

// ── behaviour ──────────────────────────────────────────────────────────────────────────────

describe('Excel round trip of listings, registrations and indicators in a real browser', () => {
  const session = browserSession();

  it('downloads the 应用场景 template, imports two filled listings, names the bad row and column, and lists the imported listings', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await navigate(page, '应用场景');
    await expect.poll(() => page.getByTestId('scenario-count').innerText()).toMatch(/共 0 项/);

    // The template: an .xlsx whose first sheet is 应用场景.
    const template = await download(page, () => excelMenu(page, 'scenario', '下载导入模板'));
    expect(template.name).toBe('应用场景导入模板.xlsx');
    expect(template.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheet = (await loadBook(template.bytes)).worksheets[0]!;
    expect(sheet.name).toBe('应用场景');
    expect(headersOf(sheet)).toEqual(expect.arrayContaining(['场景类别（必填）', '清单类型（必填）', '场景名称（必填）', '需求单位（必填）']));

    // Two good rows (sheet rows 3 and 4), one with a category that does not exist (row 5).
    const file = await filledTemplate(template.bytes, [
      { 场景类别: '新材料', 清单类型: '揭榜挂帅榜单', 场景名称: '稀土永磁电机攻关', 需求单位: '包头某电机公司', 场景描述: '镧铈部分替代镨钕', 预算下限: '50万', 预算上限: 500, 申报截止日期: '2027年3月31日', 联系人: '王工', 关键词标签: '稀土、电机' },
      { 场景类别: '新材料', 清单类型: '能力清单', 场景名称: '碳纤维复合材料检测能力', 需求单位: '吉林化纤集团', 场景描述: '对外提供碳纤维力学性能检测', 联系人: '李工' },
      { 场景类别: '不存在的类别', 清单类型: '场景机会清单', 场景名称: '矿山巡检机器人', 需求单位: '鞍钢矿业', 场景描述: '井下巡检', 联系人: '赵工' },
    ]);
    const dialog = await importFile(page, 'scenario', '场景清单.xlsx', file);
    expect(await count(dialog, 'add')).toBe('2');
    expect(await count(dialog, 'error')).toBe('1');
    expect(await count(dialog, 'update')).toBe('0');
    const errorRows = await dialog.getByTestId('excel-error-row').allInnerTexts();
    expect(errorRows).toHaveLength(1);
    expect(errorRows[0]).toMatch(/^\s*5\s+场景类别\s+\S/);
    expect(errorRows[0]).toMatch(/应为 .*新材料.* 之一/);
    expect(core.ok('scenarios.search', {}).total).toBe(0); // nothing written before 确认导入
    await settled(dialog);
    await app.screenshot('90-excel-scenario-preview');

    expect(await confirmImport(dialog)).toMatch(/新增 2 条[\s\S]*未导入 1 条/);
    await closeDialog(page, dialog);

    // The list shows them at once, as drafts.
    await expect.poll(() => page.getByTestId('scenario-count').innerText()).toMatch(/共 2 项/);
    const titles = await page.getByTestId('scenario-row').allInnerTexts();
    expect(titles.join('\n')).toContain('稀土永磁电机攻关');
    expect(titles.join('\n')).toContain('碳纤维复合材料检测能力');
    expect(titles.join('\n')).not.toContain('矿山巡检机器人');
    expect(await page.getByTestId('scenario-row').filter({ hasText: '稀土永磁电机攻关' }).getByTestId('scenario-row-status').innerText()).toBe('草稿');
    await app.screenshot('91-excel-scenario-listed');
    expect(app.errors).toEqual([]);
  });

  it('imports an event’s registration sheet of three into two places, puts the third on the waiting list, and exports the sign-in sheet with codes', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const day = addDays(shanghaiToday(), 1);
    publishedEvent(core, '氢能装备供需对接会', day, 2);

    await navigate(page, '创新活动');
    await page.getByTestId('event-calendar').waitFor();
    await gotoMonth(page, day.slice(0, 7));
    await page.getByTestId('calendar-event').filter({ hasText: '氢能装备供需对接会' }).first().click();
    await page.getByTestId('event-detail').waitFor();
    await page.getByRole('tab', { name: /报名/ }).click();
    await page.getByTestId('registrations').waitFor();

    const template = await download(page, () => excelMenu(page, 'registration', '下载导入模板'));
    expect(template.name).toBe('活动报名导入模板（氢能装备供需对接会）.xlsx');
    expect((await loadBook(template.bytes)).worksheets[0]!.name).toBe('活动报名');
    const file = await filledTemplate(template.bytes, [
      { 姓名: '赵一鸣', 单位: '哈尔滨工业大学', 手机号: '13900000001', 所属高新区: '哈尔滨高新区' },
      { 姓名: '钱二丽', 单位: '吉林大学', 手机号: 13900000002 },
      { 姓名: '孙三强', 单位: '大连理工大学', 手机号: '13900000003' },
    ]);
    const dialog = await importFile(page, 'registration', '报名名单.xlsx', file);
    expect(await count(dialog, 'add')).toBe('3');
    expect(await count(dialog, 'error')).toBe('0');
    expect(await confirmImport(dialog)).toMatch(/新增 3 条/);
    await closeDialog(page, dialog);

    // The tab shows all three at once (its list reloads after the import): two registered, the third waiting.
    const row = (name: string) => page.getByTestId('registration-row').filter({ hasText: name });
    await expect.poll(() => page.getByTestId('registration-row').count()).toBe(3);
    expect(await row('赵一鸣').getByTestId('registration-status').innerText()).toBe('已报名');
    expect(await row('钱二丽').getByTestId('registration-status').innerText()).toBe('已报名');
    expect(await row('孙三强').getByTestId('registration-status').innerText()).toBe('候补');
    expect(await page.getByTestId('registration-counts').innerText()).toBe('已报名 2 / 上限 2 · 候补 1 · 已签到 0');
    await app.screenshot('92-excel-registrations-imported');

    // The sign-in sheet from the same menu: each person with a code.
    const exported = await download(page, () => excelMenu(page, 'registration', '导出 Excel'));
    expect(exported.name).toMatch(/^活动报名_氢能装备供需对接会_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await loadBook(exported.bytes)).worksheets[0]!;
    expect(headersOf(sheet)).toEqual(expect.arrayContaining(['姓名', '签到码', '状态']));
    expect(columnTexts(sheet, '姓名').sort()).toEqual(['孙三强', '赵一鸣', '钱二丽'].sort());
    for (const code of columnTexts(sheet, '签到码')) expect(code).toMatch(/^[23456789A-Z]{6}$/);
    expect(columnTexts(sheet, '状态').sort()).toEqual(['候补', '已报名', '已报名'].sort());
    expect(app.errors).toEqual([]);
  });

  it('downloads the chosen year’s 发展指标 template with the zones filled in, imports a value for this zone and shows it in the table', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const year = Number(shanghaiToday().slice(0, 4)) - 2;
    await navigate(page, '发展指标');
    const indicators = page.getByTestId('indicators-page');
    await indicators.waitFor();
    await pickOption(page, indicators, '年度', `${year} 年`);
    await expect.poll(() => indicators.innerText()).toContain(`${year} 年`);
    await expect.poll(() => page.getByTestId('total-revenue').innerText()).toContain('—');

    const template = await download(page, () => excelMenu(page, 'indicator', '下载导入模板'));
    expect(template.name).toBe(`发展指标填报模板（${year} 年）.xlsx`);
    const book = await loadBook(template.bytes);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('发展指标');
    const zones = columnTexts(sheet, '高新区');
    expect(zones).toHaveLength(core.ok('indicators.table', { year }).zones.length);
    expect(zones).toContain('哈尔滨高新区');
    expect(zones).toContain('长春高新区');
    const row = zones.indexOf('哈尔滨高新区') + 2;
    sheet.getCell(row, columnOf(sheet, '营业收入')).value = '1,234.5';
    sheet.getCell(row, columnOf(sheet, '高新技术企业数')).value = 321;

    const dialog = await importFile(page, 'indicator', `${year}年指标.xlsx`, await bookBytes(book));
    expect(await count(dialog, 'add')).toBe('1');
    expect(await count(dialog, 'error')).toBe('0');
    expect(await confirmImport(dialog)).toMatch(/新增 1 条/);
    await closeDialog(page, dialog);

    const zoneRow = page.locator('tr.ant-table-row', { hasText: '哈尔滨高新区' });
    await expect.poll(() => zoneRow.getByTestId('cell-revenue').innerText()).toContain('1,234.5');
    expect(await zoneRow.getByTestId('cell-hightech').innerText()).toContain('321');
    const table = core.ok('indicators.table', { year });
    const revenue = table.indicators.find((i) => i.code === 'revenue')!.id;
    expect(table.zones.find((z) => z.zoneName === '哈尔滨高新区')!.values[revenue]).toBe(1234.5);
    await app.screenshot('93-excel-indicators-imported');
    expect(app.errors).toEqual([]);
  });
});

describe('the resource import dialog’s refusals and encodings in a real browser', () => {
  const session = browserSession();

  it('refuses a file over 20 MB before sending it, and a picture named .xlsx with a Chinese message, changing nothing', async () => {
    const app = await session.open(setUpAs('SY', 'member'));
    const { page, core } = app;
    const previews: string[] = [];
    page.on('request', (r) => void (r.url().includes('/api/excel.preview') && previews.push(r.url())));
    await navigate(page, '科技资源');
    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/共 0 项/);
    const before = core.snapshot();

    const dir = mkdtempSync(join(tmpdir(), 'alliance-excel-e2e-'));
    try {
      const big = join(dir, '全部资源.xlsx');
      writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x41));
      const dialog = await openImport(page, 'resource');
      await dialog.locator('input[type=file]').setInputFiles(big);
      await expect.poll(() => dialog.getByTestId('excel-error').innerText()).toContain('「全部资源.xlsx」超过 20 MB，无法导入');
      expect(await dialog.getByTestId('excel-counts').count()).toBe(0);
      expect(previews).toEqual([]); // refused in the page: 21 MB never went to the core
      await settled(dialog);
      await app.screenshot('94-excel-too-large');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // A PNG renamed .xlsx: the core sniffs the bytes and says what it is.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const dialog = importDialog(page);
    await dialog.locator('input[type=file]').setInputFiles({ name: '资源清单.xlsx', mimeType: XLSX_MIME, buffer: png });
    await expect.poll(() => dialog.getByTestId('excel-error').innerText()).toContain('这是图片，不是表格文件。请导入 .xlsx 或 .csv 文件。');
    expect(previews).toHaveLength(1);
    expect(await dialog.getByTestId('excel-counts').count()).toBe(0);
    expect(await dialog.getByTestId('excel-confirm').count()).toBe(0);
    await app.screenshot('95-excel-not-a-spreadsheet');
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await importDialog(page).waitFor({ state: 'detached' });
    expect(core.snapshot()).toBe(before);
    expect(await page.getByTestId('result-count').innerText()).toMatch(/共 0 项/);
    expect(app.errors).toEqual([]);
  });

  it('imports a CSV saved in GBK by Chinese Excel with its Chinese intact', async () => {
    const app = await session.open(setUpAs('SY', 'member'));
    const { page, core } = app;
    await navigate(page, '科技资源');
    const row = instrumentRow(1, { 名称: '高分辨率透射电子显微镜', 所属单位: '东北大学分析测试中心' });
    const csv = `${Object.keys(row).join(',')}\r\n${Object.values(row).join(',')}\r\n`;
    const bytes = iconv.encode(csv, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8

    const dialog = await importFile(page, 'resource', '资源（GBK）.csv', bytes, 'text/csv');
    expect(await count(dialog, 'add')).toBe('1');
    expect(await count(dialog, 'error')).toBe('0');
    expect(await dialog.getByTestId('excel-file-info').innerText()).toContain('共 1 行');
    expect(await confirmImport(dialog)).toMatch(/新增 1 条/);
    await closeDialog(page, dialog);

    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/共 1 项/);
    const listed = await page.getByTestId('resource-row').first().innerText();
    expect(listed).toContain('高分辨率透射电子显微镜');
    expect(listed).toContain('东北大学分析测试中心');
    const found = core.ok('resources.search', { query: '透射电子显微镜' });
    expect(found.total).toBe(1);
    expect(app.errors).toEqual([]);
  });

  it('with 有错误则全部不导入 a file with one bad row imports nothing', async () => {
    const app = await session.open(setUpAs('SY', 'member'));
    const { page, core } = app;
    await navigate(page, '科技资源');
    const template = await download(page, () => excelMenu(page, 'resource', '下载导入模板'));
    const file = await filledTemplate(template.bytes, [instrumentRow(1, { 名称: '原子力显微镜' }), instrumentRow(2, { 名称: '拉曼光谱仪', 联系电话: '0451-123' })]);
    const before = core.snapshot();

    const dialog = await importFile(page, 'resource', '资源导入.xlsx', file);
    expect(await count(dialog, 'add')).toBe('1');
    expect(await count(dialog, 'error')).toBe('1');
    const confirm = dialog.getByTestId('excel-confirm');
    expect(await confirm.isEnabled()).toBe(true); // 仅导入无误的行 is the default

    await dialog.getByLabel('有错误则全部不导入').check();
    await expect.poll(() => confirm.isEnabled()).toBe(false);
    await settled(dialog);
    await app.screenshot('96-excel-all-or-nothing');
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await importDialog(page).waitFor({ state: 'detached' });

    expect(core.snapshot()).toBe(before);
    expect(core.ok('resources.search', {}).total).toBe(0);
    expect(await page.getByTestId('result-count').innerText()).toMatch(/共 0 项/);
    expect(app.errors).toEqual([]);
  });
});
