import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookBytes, columnOf, headersOf, instrumentRow, loadBook } from '../fixtures/excel/excel-files';
import { download, excelMenu } from './excel-steps';
import { browserSession, navigate, setUpAs } from './harness';


/** The template with rows filled under its header (header name → value), as a user would. */
async function filledTemplate(template: Buffer, rows: Array<Record<string, ExcelJS.CellValue>>): Promise<Buffer> {
  const book = await loadBook(template);
  const sheet = book.worksheets[0]!;
  const headers = headersOf(sheet);
  expect(headers).toContain('名称（必填）');
  expect(headers).toContain('联系电话');
  rows.forEach((values, i) => {
    for (const [name, value] of Object.entries(values)) sheet.getCell(3 + i, columnOf(sheet, name)).value = value;
  });
  return bookBytes(book);
}

async function importFile(page: Page, name: string, bytes: Buffer) {
  await excelMenu(page, 'resource', '导入…');
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('excel-import').waitFor();
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await dialog.getByTestId('excel-counts').waitFor({ timeout: 30_000 });
  return dialog;
}

const count = (page: Page, action: 'add' | 'update' | 'unchanged' | 'error') => page.getByTestId(`excel-count-${action}`).locator('.ant-statistic-content-value').innerText();

describe('Excel import and export of the resource list in a real browser', () => {
  const session = browserSession();

  it('downloads the template, previews a filled one with errors, imports the valid row, then the fixed rows without duplicates', async () => {
    const app = await session.open(setUpAs('SY', 'member'));
    const { page, core } = app;
    await navigate(page, '科技资源');

    // The template: a real .xlsx (a zip: PK).
    const template = await download(page, () => excelMenu(page, 'resource', '下载导入模板'));
    expect(template.name).toMatch(/\.xlsx$/);
    expect(template.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Three rows, two of them wrong.
    const good = instrumentRow(1, { 名称: '原子力显微镜' });
    const bad = await filledTemplate(template.bytes, [good, instrumentRow(2, { 名称: null }), instrumentRow(3, { 名称: '拉曼光谱仪', 联系电话: '0451-123' })]);
    let dialog = await importFile(page, '资源导入.xlsx', bad);
    expect(await count(page, 'add')).toBe('1');
    expect(await count(page, 'error')).toBe('2');
    expect(await count(page, 'update')).toBe('0');
    const errorRows = await dialog.getByTestId('excel-error-row').allInnerTexts();
    expect(errorRows).toHaveLength(2);
    expect(errorRows[0]).toMatch(/4[\s\S]*名称[\s\S]*必填/);
    expect(errorRows[1]).toMatch(/5[\s\S]*联系电话[\s\S]*格式不正确/);
    await app.screenshot('40-excel-preview');

    // The error workbook: the user's rows, marked.
    const errors = await download(page, () => dialog.getByRole('button', { name: '下载错误表' }).click());
    expect(errors.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Only the valid row.
    await dialog.getByLabel('仅导入无误的行').check();
    await dialog.getByTestId('excel-confirm').click();
    await expect.poll(() => dialog.getByTestId('excel-result').innerText(), { timeout: 30_000 }).toMatch(/新增 1 条[\s\S]*未导入 2 条/);
    await app.screenshot('41-excel-result');
    expect(core.ok('resources.search', {}).total).toBe(1);
    expect(core.ok('resources.search', { query: '原子力显微镜' }).total).toBe(1);
    await dialog.getByRole('button', { name: /^完\s*成$/ }).click();
    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/共 1 项/);

    // Fixed and imported again: the first row is already there.
    const fixed = await filledTemplate(template.bytes, [good, instrumentRow(2, { 名称: '扫描电子显微镜' }), instrumentRow(3, { 名称: '拉曼光谱仪', 联系电话: '0451-86412345' })]);
    dialog = await importFile(page, '资源导入（修正）.xlsx', fixed);
    expect(await count(page, 'add')).toBe('2');
    expect(Number(await count(page, 'unchanged')) + Number(await count(page, 'update'))).toBe(1);
    expect(await count(page, 'error')).toBe('0');
    await dialog.getByTestId('excel-confirm').click();
    await expect.poll(() => dialog.getByTestId('excel-result').innerText(), { timeout: 30_000 }).toMatch(/新增 2 条/);
    expect(core.ok('resources.search', {}).total).toBe(3);
    await dialog.getByRole('button', { name: /^完\s*成$/ }).click();
    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/共 3 项/);

    // The export: what the list shows.
    const exported = await download(page, () => excelMenu(page, 'resource', '导出 Excel'));
    const book = await loadBook(exported.bytes);
    const sheet = book.worksheets[0]!;
    const titles: string[] = [];
    sheet.getColumn(columnOf(sheet, '名称')).eachCell((c, row) => void (row > 1 && titles.push(String(c.value))));
    expect(titles.sort()).toEqual(['原子力显微镜', '扫描电子显微镜', '拉曼光谱仪'].sort());
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('exports CSV with the list’s current search', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page } = app;
    await navigate(page, '科技资源');
    await page.getByPlaceholder(/搜索名称、单位/).fill('稀土');
    await expect.poll(() => page.getByTestId('resource-row').count()).toBe(1);
    // A long export says what it is doing until the file is there (held back here for a moment).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/excel.export', async (route) => {
      await held;
      await route.continue();
    });
    const downloading = download(page, () => excelMenu(page, 'resource', '导出 CSV'));
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain('正在生成文件');
    release();
    const csv = await downloading;
    await expect.poll(() => page.locator('.ant-message').innerText()).not.toContain('正在生成文件');
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('稀土永磁材料概念验证中心');
    expect(text.trim().split(/\r?\n/).length).toBe(2);
    expect(app.errors).toEqual([]);
  });
});
