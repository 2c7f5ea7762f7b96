import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetParsedFile } from '../../electron/core/excel/excel-service';
import { invalidateResourceCache } from '../../electron/core/search/resource-search';
import { actAs, categoryId, forceStatus, instrumentInput, zoneId } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { asInput, bookBytes, columnOf, headersOf, loadBook, resourceCount } from '../fixtures/excel/excel-files';
import { readZipParts } from '../fixtures/excel/zip-writer';

describe('exporting the resource list', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat');
    core.ok('resources.create', instrumentInput(core, { title: '=HYPERLINK("http://evil.example","点我")', organisation: '+86 哈工大', location: '-1', description: '@SUM(A1)', tags: ['显微', '成像'] }));
    core.ok('resources.create', instrumentInput(core, { title: '拉曼光谱仪', ownerZoneId: zoneId(core, 'DL'), sharingMode: 'free', feeStandard: '' }));
    core.ok('resources.create', {
      categoryId: categoryId(core, 'patent'),
      title: '一种稀土永磁材料的制备方法',
      organisation: '大连理工大学',
      sharingMode: 'negotiable',
      contactPerson: '周老师',
      extra: { patentNumber: 'ZL202310123456.7', patentType: 'invention', transferMode: 'license' },
    });
  });
  afterAll(() => core.remove());

  it('writes .xlsx with Chinese headers, a frozen header row, a filter, widths, real dates and the 编号 column', async () => {
    const file = await core.okAsync('excel.export', { recordType: 'resource', filter: {}, format: 'xlsx' });
    expect(file.fileName).toMatch(/^科技资源_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = await loadBook(file);
    const sheet = book.worksheets[0]!;
    const headers = headersOf(sheet);
    expect(headers.slice(0, 4)).toEqual(['编号', '类别', '所属高新区', '名称']);
    expect(headers).toEqual(expect.arrayContaining(['原值（万元）', '专利号', '状态', '更新时间', '版本']));
    expect(headers).not.toContain('中试能力'); // only the field sets of the exported categories
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(columnOf(sheet, '名称')).width).toBeGreaterThan(10);
    expect(sheet.actualRowCount).toBe(4);
    const updated = sheet.getCell(2, columnOf(sheet, '更新时间'));
    expect(updated.value).toBeInstanceOf(Date);
    expect(updated.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^[0-9A-Z]{26}$/);
    const patentRow = [2, 3, 4].find((r) => sheet.getCell(r, columnOf(sheet, '名称')).value === '一种稀土永磁材料的制备方法')!;
    expect(sheet.getCell(patentRow, columnOf(sheet, '专利类型')).value).toBe('发明');
    expect(sheet.getCell(patentRow, columnOf(sheet, '共享方式')).value).toBe('面议');
  });

  it('writes text that looks like a formula as text: nothing in the file can run', async () => {
    const file = await core.okAsync('excel.export', { recordType: 'resource', filter: { query: 'HYPERLINK' }, format: 'xlsx' });
    const sheet = (await loadBook(file)).worksheets[0]!;
    const title = sheet.getCell(2, columnOf(sheet, '名称'));
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe('=HYPERLINK("http://evil.example","点我")');
    const xml = readZipParts(Buffer.from(file.dataBase64, 'base64')).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml).not.toContain('<f>');
  });

  it('writes CSV as UTF-8 with a BOM, formula-like text behind an apostrophe', async () => {
    const file = await core.okAsync('excel.export', { recordType: 'resource', filter: { query: 'HYPERLINK' }, format: 'csv' });
    expect(file.fileName).toMatch(/\.csv$/);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [header, row] = text.split('\r\n');
    expect(header?.startsWith('编号,类别,所属高新区,名称,所属单位,所在地,简介,共享方式')).toBe(true);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(row).toContain("'+86 哈工大,'-1,'@SUM(A1)");
    expect(row).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},1$/);
  });

  it('exports what the list shows: its filter, and only what this installation may see', async () => {
    const dalian = await core.okAsync('excel.export', { recordType: 'resource', filter: { zoneIds: [zoneId(core, 'DL')] }, format: 'xlsx' });
    expect((await loadBook(dalian)).worksheets[0]!.actualRowCount).toBe(2);
    actAs(core, 'SY', 'member');
    try {
      const seen = await core.okAsync('excel.export', { recordType: 'resource', filter: {}, format: 'xlsx' });
      expect((await loadBook(seen)).worksheets[0]!.actualRowCount).toBe(1); // the header only: others' drafts stay hidden
      const published = (core.db.prepare("SELECT id FROM resources WHERE title = '拉曼光谱仪'").get() as { id: string }).id;
      forceStatus(core, published, 'published');
      invalidateResourceCache(core.db); // forceStatus writes behind the services' back
      const now = await core.okAsync('excel.export', { recordType: 'resource', filter: {}, format: 'xlsx' });
      expect((await loadBook(now)).worksheets[0]!.actualRowCount).toBe(2);
    } finally {
      actAs(core, 'HRB', 'secretariat');
    }
  });

  it.each(['xlsx', 'csv'] as const)('re-imports its own %s unchanged, then as updates by 编号, never as duplicates', async (format) => {
    forgetParsedFile();
    const count = resourceCount(core);
    const file = await core.okAsync('excel.export', { recordType: 'resource', filter: {}, format });
    const same = await core.okAsync('excel.preview', asInput(Buffer.from(file.dataBase64, 'base64'), file.fileName));
    expect(same.rows.flatMap((r) => r.errors.map((e) => e.text))).toEqual([]);
    expect(same.counts).toEqual({ total: count, add: 0, update: 0, unchanged: count, error: 0 });
    expect(same.columns.ignored).toEqual(['状态', '更新时间']);
    if (format === 'xlsx') {
      const book = await loadBook(file);
      const sheet = book.worksheets[0]!;
      sheet.getCell(2, columnOf(sheet, '联系人')).value = '新的联系人';
      const edited = asInput(await bookBytes(book));
      expect(await core.okAsync('excel.commit', { ...edited, mode: 'allOrNothing' })).toMatchObject({ added: 0, updated: 1, unchanged: count - 1 });
      expect(resourceCount(core)).toBe(count);
    }
  });
});
