import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetParsedFile } from '../../electron/core/excel/excel-service';
import type { SheetPreview } from '../../shared/domain/spreadsheet';
import { actAs, categoryId, zoneId } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { asInput, bookBytes, columnOf, fillRows, headersOf, instrumentRow, loadBook, resourceCount } from '../fixtures/excel/excel-files';

async function templateBook(core: TempCore, categoryCode?: string): Promise<ExcelJS.Workbook> {
  return loadBook(await core.okAsync('excel.template', { recordType: 'resource', ...(categoryCode ? { categoryId: categoryId(core, categoryCode) } : {}) }));
}

/** A filled template as an import input. */
async function filled(core: TempCore, rows: Array<Record<string, ExcelJS.CellValue>>, fileName = '资源.xlsx') {
  const book = await templateBook(core);
  fillRows(book.worksheets[0]!, rows);
  return asInput(await bookBytes(book), fileName);
}

async function failsAsync(core: TempCore, channel: string, input: unknown) {
  const result = await core.dispatchAsync(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

const errorTexts = (preview: { rows: SheetPreview['rows'] }) => preview.rows.flatMap((r) => r.errors.map((e) => e.text));

describe('the import template', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterAll(() => core.remove());

  it('has Chinese headers with required marks, an 编号 column, a frozen header, widths and one example row', async () => {
    const book = await templateBook(core);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('科技资源');
    const headers = headersOf(sheet);
    expect(headers.slice(0, 5)).toEqual(['编号', '类别（必填）', '所属高新区', '名称（必填）', '所属单位（必填）']);
    expect(headers).toContain('原值（万元）');
    expect(headers).toContain('型号');
    expect(headers).toContain('专利号');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(columnOf(sheet, '名称')).width).toBeGreaterThanOrEqual(20);
    expect(sheet.getCell(1, columnOf(sheet, '名称')).font?.color?.argb).toBe('FFC00000');
    expect(sheet.getCell(2, 1).value).toBe('示例');
    expect(sheet.getCell(2, columnOf(sheet, '类别')).value).toBe('大型科研仪器设备');
    expect(sheet.actualRowCount).toBe(2);
  });

  it('offers dropdowns for every choice: short lists inline, long ones from a hidden sheet', async () => {
    // Enough provincial zones that the zone list no longer fits Excel's 255 characters.
    for (let i = 0; i < 20; i++) {
      core.ok('zones.create', { code: `PX${i}`, name: `测试省级高新技术产业开发区${i}`, shortName: `测试省级高新区${i}`, level: 'provincial', province: '黑龙江省' });
    }
    const book = await templateBook(core);
    const sheet = book.worksheets[0]!;
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const at = (name: string, row = 3) => validations[`${sheet.getColumn(columnOf(sheet, name)).letter}${row}`];
    expect(at('共享方式')).toMatchObject({ type: 'list', formulae: ['"免费,收费,面议"'] });
    expect(at('设备状态')).toMatchObject({ formulae: ['"空闲,使用中,维护,离线"'] });
    expect(at('所属高新区')?.formulae[0]).toMatch(/^'选项'!\$A\$1:\$A\$39$/);
    const options = book.getWorksheet('选项')!;
    expect(options.state).toBe('hidden');
    const zoneNames: string[] = [];
    options.getColumn(1).eachCell((c) => void zoneNames.push(String(c.value)));
    expect(zoneNames).toContain('哈尔滨高新区');
    expect(zoneNames).toContain('测试省级高新区19');
    expect(zoneNames).toHaveLength(39);
    expect(at('所属高新区', 5001)).toBeDefined();
  });

  it('explains every column on an instructions sheet: meaning, format, required, choices', async () => {
    const book = await templateBook(core);
    const help = book.getWorksheet('填写说明')!;
    expect(headersOf(help)).toEqual(['列名', '是否必填', '含义', '格式', '可选值']);
    const rows = new Map<string, string[]>();
    help.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
      rows.set(values[0] ?? '', values);
    });
    expect(rows.get('名称（必填）')).toEqual(['名称（必填）', '必填', '资源名称，如「场发射扫描电子显微镜」', '文字，最多 100 字']);
    expect(rows.get('共享方式（必填）')?.[4]).toBe('免费、收费、面议');
    expect(rows.get('型号')?.[1]).toBe('「大型科研仪器设备」类必填');
    expect(rows.get('原值（万元）')?.[3]).toContain('单位：万元');
    expect(rows.get('编号')?.[2]).toContain('再导入即更新原记录');
  });

  it('for one category carries only that category’s fields, marked required where the form requires them', async () => {
    const headers = headersOf((await templateBook(core, 'patent')).worksheets[0]!);
    expect(headers).toContain('专利号（必填）');
    expect(headers).toContain('专利类型（必填）');
    expect(headers).not.toContain('型号');
  });

  it.each(['instrument', 'platform', 'pilot', 'incubator', 'expert', 'patent', 'data', 'service'])('has an example row that imports cleanly for %s (once its 编号 is cleared)', async (code) => {
    const book = await templateBook(core, code);
    const sheet = book.worksheets[0]!;
    const skipped = await core.okAsync('excel.preview', asInput(await bookBytes(book)));
    expect(skipped.counts.total).toBe(0); // 编号 = 示例: skipped
    sheet.getCell(2, 1).value = null;
    const preview = await core.okAsync('excel.preview', asInput(await bookBytes(book)));
    expect(errorTexts(preview)).toEqual([]);
    expect(preview.counts).toMatchObject({ total: 1, add: 1 });
  });
});

describe('importing resources', () => {
  let core: TempCore;
  beforeEach(() => {
    core?.remove();
    core = setUpCore('HRB', 'secretariat');
    forgetParsedFile();
  });
  afterAll(() => core.remove());

  it('previews additions and errors without writing anything, then commits exactly the rows the preview accepted', async () => {
    const input = await filled(core, [
      instrumentRow(1),
      instrumentRow(2, { 联系电话: '0451-123' }),
      instrumentRow(3, { 名称: null }),
      instrumentRow(4, { 共享方式: '租赁' }),
      instrumentRow(5, { 原值: '385万元', 购置年份: '2019年', 标签: '显微、成像' }),
    ]);
    const before = core.snapshot();
    const preview = await core.okAsync('excel.preview', input);
    expect(core.snapshot()).toBe(before);
    expect(preview.counts).toEqual({ total: 5, add: 2, update: 0, unchanged: 0, error: 3 });
    expect(errorTexts(preview)).toEqual([
      '第 4 行「联系电话」：格式不正确，应为手机号（如 13800138000）或座机（如 0451-86688888）',
      '第 5 行「名称」：必填',
      '第 6 行「共享方式」：「租赁」不是可选值，应为 免费、收费、面议 之一',
    ]);
    expect(preview.columns.missing).toEqual([]);
    expect(preview.token).toMatch(/^[0-9a-f]{64}$/);

    const commit = await core.okAsync('excel.commit', { ...input, mode: 'validOnly', token: preview.token });
    expect(commit).toMatchObject({ added: 2, updated: 0, skipped: 3 });
    expect(commit.errors.map((r) => r.errors.map((e) => e.text))).toEqual(preview.rows.filter((r) => r.action === 'error').map((r) => r.errors.map((e) => e.text)));
    const stored = core.db.prepare("SELECT title, extra, tags, status, original_value FROM resources WHERE title LIKE '%5 号'").get() as Record<string, string>;
    expect(JSON.parse(stored.extra as string)).toMatchObject({ originalValue: 385, purchaseYear: 2019, model: 'LSM-5', bookingMode: 'slot', instrumentState: 'idle' });
    expect(JSON.parse(stored.tags as string)).toEqual(['显微', '成像']);
    expect(stored.status).toBe('draft');
  });

  it('validates through the same rules as the form: the fee standard a paid resource needs, the category’s own required fields, lengths', async () => {
    const preview = await core.okAsync(
      'excel.preview',
      await filled(core, [
        instrumentRow(1, { 共享方式: '收费' }),
        instrumentRow(2, { 型号: null }),
        instrumentRow(3, { 名称: '长'.repeat(101) }),
        instrumentRow(4, { 专利号: 'ZL2023' }),
        instrumentRow(5, { 原值: -3 }),
      ]),
    );
    expect(errorTexts(preview)).toEqual([
      '第 3 行「收费标准」：共享方式为「收费」时必填',
      '第 4 行「型号」：必填',
      '第 5 行「名称」：不能超过 100 个字',
      '第 6 行「专利号」：「大型科研仪器设备」类资源没有此项，请留空',
      '第 7 行「原值」：不能为负数',
    ]);
  });

  it('imports all or nothing when asked: nothing while any row is wrong, everything once none is', async () => {
    const bad = await filled(core, [instrumentRow(1), instrumentRow(2, { 联系电话: 'x' })]);
    const refused = await core.okAsync('excel.commit', { ...bad, mode: 'allOrNothing' });
    expect(refused).toMatchObject({ added: 0, updated: 0, skipped: 2 });
    expect(refused.errors).toHaveLength(1);
    expect(resourceCount(core)).toBe(0);
    const good = await filled(core, [instrumentRow(1), instrumentRow(2)]);
    expect(await core.okAsync('excel.commit', { ...good, mode: 'allOrNothing' })).toMatchObject({ added: 2, skipped: 0 });
    expect(resourceCount(core)).toBe(2);
  });

  it('updates instead of duplicating when the same file is imported again, by zone and name when there is no 编号', async () => {
    const rows = [instrumentRow(1), instrumentRow(2)];
    const first = await filled(core, rows);
    expect(await core.okAsync('excel.commit', { ...first, mode: 'validOnly' })).toMatchObject({ added: 2 });
    expect(await core.okAsync('excel.commit', { ...first, mode: 'validOnly' })).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const changed = await filled(core, [instrumentRow(1, { 联系人: '李老师' }), instrumentRow(2)]);
    const preview = await core.okAsync('excel.preview', changed);
    expect(preview.rows.map((r) => r.action)).toEqual(['update', 'unchanged']);
    expect(preview.rows[0]?.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(await core.okAsync('excel.commit', { ...changed, mode: 'validOnly' })).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(resourceCount(core)).toBe(2);
    expect(core.db.prepare("SELECT contact_person, version FROM resources WHERE title LIKE '%1 号'").get()).toEqual({ contact_person: '李老师', version: 2 });
    // Each change is in the record's history, as from the form.
    const id = preview.rows[0]!.id!;
    expect(core.ok('audit.list', { recordId: id, limit: 10 }).map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('updates by 编号, even the name, and refuses an unknown or malformed 编号', async () => {
    const created = await core.okAsync('excel.commit', { ...(await filled(core, [instrumentRow(1)])), mode: 'validOnly' });
    expect(created.added).toBe(1);
    const id = (core.db.prepare('SELECT id FROM resources').get() as { id: string }).id;
    const renamed = await filled(core, [
      instrumentRow(1, { 编号: id, 名称: '改名后的显微镜' }),
      instrumentRow(2, { 编号: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
      instrumentRow(3, { 编号: 'abc' }),
    ]);
    const preview = await core.okAsync('excel.preview', renamed);
    expect(preview.rows.map((r) => r.action)).toEqual(['update', 'error', 'error']);
    expect(errorTexts(preview)).toEqual(['第 4 行「编号」：找不到该编号的资源（可能已删除）；新增请清空编号', '第 5 行「编号」：编号无效：应为本系统导出的 26 位编号；新增时请留空']);
    await core.okAsync('excel.commit', { ...renamed, mode: 'validOnly' });
    expect(core.db.prepare('SELECT title FROM resources').all()).toEqual([{ title: '改名后的显微镜' }]);
  });

  it('flags a record that appears twice in one file instead of applying it twice', async () => {
    const preview = await core.okAsync('excel.preview', await filled(core, [instrumentRow(1), instrumentRow(2), instrumentRow(1, { 联系人: '赵老师' })]));
    expect(preview.rows.map((r) => r.action)).toEqual(['add', 'add', 'error']);
    expect(errorTexts(preview)).toEqual(['第 5 行：与第 3 行是同一条记录（同一高新区、名称「激光共聚焦显微镜 1 号」），同一文件中只能出现一次']);
  });

  it('reads zones by full name, short name or code, categories by name or code, and takes the installation’s zone when blank', async () => {
    const preview = await core.okAsync(
      'excel.preview',
      await filled(core, [
        instrumentRow(1, { 所属高新区: '大连高新技术产业园区' }),
        instrumentRow(2, { 所属高新区: '大连高新区' }),
        instrumentRow(3, { 所属高新区: 'dl', 类别: 'instrument' }),
        instrumentRow(4, { 所属高新区: '火星高新区' }),
        instrumentRow(5),
      ]),
    );
    expect(preview.rows.map((r) => r.action)).toEqual(['add', 'add', 'add', 'error', 'add']);
    expect(errorTexts(preview)[0]).toContain('第 6 行「所属高新区」：「火星高新区」不在可选值中');
    await core.okAsync('excel.commit', { ...(await filled(core, [instrumentRow(1, { 所属高新区: '大连高新区' }), instrumentRow(5)])), mode: 'validOnly' });
    const zones = core.db.prepare('SELECT owner_zone_id FROM resources ORDER BY title').all() as Array<{ owner_zone_id: string }>;
    expect(zones.map((z) => z.owner_zone_id)).toEqual([zoneId(core, 'DL'), zoneId(core, 'HRB')]);
  });

  it('maps columns by name in any order, with spaces, full-width characters and either required mark, below a title row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('汇总');
    sheet.addRow(['哈尔滨高新区 2026 年科技资源汇总表']);
    sheet.addRow(['联系人(必填)', ' 名 称 ', '所属单位（必填）', '共享方式', '类别', '型号', '预约方式', '设备状态', 'ＩＤ', '备注', '__proto__']);
    sheet.addRow(['王老师', '光谱仪', '哈工大', '免费', '大型科研仪器设备', 'X1', '送样检测', '维护', null, '内部', 'x']);
    const preview = await core.okAsync('excel.preview', asInput(await bookBytes(book)));
    expect(preview).toMatchObject({ sheetName: '汇总', headerRow: 2, counts: { add: 1, error: 0 } });
    expect(preview.columns.unknown).toEqual(['备注', '__proto__']);
    expect(preview.columns.mapped.map((m) => m.column)).toEqual(['联系人', '名称', '所属单位', '共享方式', '类别', '型号', '预约方式', '设备状态', '编号']);
  });

  it('reports missing required columns up front, and new rows fail on them while updates by 编号 do not need them', async () => {
    await core.okAsync('excel.commit', { ...(await filled(core, [instrumentRow(1)])), mode: 'validOnly' });
    const id = (core.db.prepare('SELECT id FROM resources').get() as { id: string }).id;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('电话');
    sheet.addRow(['编号', '联系电话']);
    sheet.addRow([id, '13900001111']);
    sheet.addRow([null, '13900002222']);
    const preview = await core.okAsync('excel.preview', asInput(await bookBytes(book)));
    expect(preview.columns.missing).toEqual(['类别', '名称', '所属单位', '共享方式', '联系人']);
    expect(preview.rows.map((r) => r.action)).toEqual(['update', 'error']);
    expect(errorTexts(preview)).toEqual(['第 3 行「类别」：必填', '第 3 行「名称」：必填', '第 3 行「所属单位」：必填', '第 3 行「共享方式」：必填', '第 3 行「联系人」：必填']);
  });

  it('takes a formula’s cached result, and refuses a formula without one', async () => {
    const book = await templateBook(core);
    const sheet = book.worksheets[0]!;
    fillRows(sheet, [instrumentRow(1), instrumentRow(2)]);
    sheet.getCell(3, columnOf(sheet, '原值')).value = { formula: '100*3', result: 300 } as ExcelJS.CellFormulaValue;
    sheet.getCell(4, columnOf(sheet, '原值')).value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    const preview = await core.okAsync('excel.preview', asInput(await bookBytes(book)));
    expect(preview.rows.map((r) => r.action)).toEqual(['add', 'error']);
    expect(errorTexts(preview)).toEqual(['第 4 行「原值」：公式单元格不导入（没有计算结果），请改为填写数值或文字']);
  });

  it('lets a member import only into its own zone', async () => {
    actAs(core, 'SY', 'member');
    const preview = await core.okAsync('excel.preview', await filled(core, [instrumentRow(1), instrumentRow(2, { 所属高新区: '大连高新区' })]));
    expect(preview.rows.map((r) => r.action)).toEqual(['add', 'error']);
    expect(errorTexts(preview)).toEqual(['第 4 行：成员单位只能登记本高新区的资源。']);
  });

  it('refuses a commit whose file differs from the previewed one', async () => {
    const a = await filled(core, [instrumentRow(1)]);
    const b = await filled(core, [instrumentRow(2)]);
    const preview = await core.okAsync('excel.preview', a);
    const error = await failsAsync(core, 'excel.commit', { ...b, mode: 'validOnly', token: preview.token });
    expect(error.message).toBe('文件与预览时的不同，请重新预览后再导入。');
    expect(resourceCount(core)).toBe(0);
  });
});

describe('CSV files', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterAll(() => core.remove());

  const csvText = [
    '类别,名称,所属单位,共享方式,联系人,联系电话,型号,预约方式,设备状态,原值（万元）,标签',
    '大型科研仪器设备,气相色谱仪,黑龙江大学,免费,刘老师,0451-86608888,GC-2030,送样检测,空闲,"1,200",色谱、分析',
    '大型科研仪器设备,"核磁共振波谱仪（600 MHz）",哈尔滨工程大学,面议,陈老师,13800138000,AVANCE,时间预约,使用中,385万元,',
    '大型科研仪器设备,坏行,某单位,免费,某人,123,M,时间预约,空闲,,',
  ].join('\r\n');

  it.each([
    ['GBK (as Chinese Excel saves CSV)', iconv.encode(csvText, 'gbk'), 'GB18030'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText, 'utf8')]), 'UTF-8 (BOM)'],
    ['UTF-8 without a BOM', Buffer.from(csvText, 'utf8'), 'UTF-8'],
  ])('reads %s alike', async (_label, bytes, encoding) => {
    forgetParsedFile();
    const preview = await core.okAsync('excel.preview', asInput(bytes, '资源.csv'));
    expect(preview).toMatchObject({ format: 'csv', encoding, counts: { add: 2, error: 1 } });
    expect(preview.rows.map((r) => r.label)).toEqual(['气相色谱仪', '核磁共振波谱仪（600 MHz）', '坏行']);
    expect(errorTexts(preview)).toEqual(['第 4 行「联系电话」：格式不正确，应为手机号（如 13800138000）或座机（如 0451-86688888）']);
  });

  it('stores what the CSV says: numbers with separators and units, phone numbers with their leading zero', async () => {
    await core.okAsync('excel.commit', { ...asInput(iconv.encode(csvText, 'gbk'), '资源.csv'), mode: 'validOnly' });
    const rows = core.db.prepare('SELECT title, contact_phone, original_value FROM resources ORDER BY title').all();
    expect(rows).toEqual([
      { title: '核磁共振波谱仪（600 MHz）', contact_phone: '13800138000', original_value: 385 },
      { title: '气相色谱仪', contact_phone: '0451-86608888', original_value: 1200 },
    ]);
  });
});

describe('the error workbook', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterAll(() => core.remove());

  it('gives back the user’s rows with 错误说明 and the bad cells in red; fixed, it imports without duplicates', async () => {
    const rows = [
      instrumentRow(1),
      instrumentRow(2, { 联系电话: '0451-12' }),
      instrumentRow(3),
      instrumentRow(4, { 设备状态: '坏了' }),
      instrumentRow(5),
      instrumentRow(6),
    ];
    const input = await filled(core, rows, '哈尔滨资源.xlsx');
    const preview = await core.okAsync('excel.preview', input);
    expect(preview.counts).toMatchObject({ add: 4, error: 2 });
    expect(await core.okAsync('excel.commit', { ...input, mode: 'validOnly' })).toMatchObject({ added: 4, skipped: 2 });

    const file = await core.okAsync('excel.errorWorkbook', input);
    expect(file.fileName).toBe('哈尔滨资源_错误说明.xlsx');
    const book = await loadBook(file);
    const sheet = book.worksheets[0]!;
    expect(headersOf(sheet)[0]).toBe('错误说明');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    const phone = columnOf(sheet, '联系电话');
    const state = columnOf(sheet, '设备状态');
    // Rows keep their order: the example row (skipped on import) first, then the six.
    expect(sheet.getCell(3, 1).value).toBeNull();
    expect(String(sheet.getCell(4, 1).value)).toContain('「联系电话」：格式不正确');
    expect(String(sheet.getCell(6, 1).value)).toMatch(/「设备状态」：「.+」不是可选值，应为 空闲、使用中、维护、离线 之一/);
    const red = (r: number, c: number) => (sheet.getCell(r, c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(red(4, phone)).toBe('FFFFC7CE');
    expect(red(6, state)).toBe('FFFFC7CE');
    expect(red(4, state)).toBeUndefined();
    expect(red(5, phone)).toBeUndefined();
    expect(sheet.getCell(4, phone).value).toBe('0451-12');

    // The clerk fixes the two cells and imports the same workbook back.
    sheet.getCell(4, phone).value = '0451-86412345';
    sheet.getCell(6, state).value = '维护';
    const fixed = asInput(await bookBytes(book), file.fileName);
    const again = await core.okAsync('excel.preview', fixed);
    expect(again.columns.ignored).toEqual(['错误说明']);
    expect(again.counts).toMatchObject({ add: 2, unchanged: 4, error: 0 });
    expect(await core.okAsync('excel.commit', { ...fixed, mode: 'validOnly' })).toMatchObject({ added: 2, unchanged: 4 });
    expect(resourceCount(core)).toBe(6);
    expect(new Set((core.db.prepare('SELECT title FROM resources').all() as Array<{ title: string }>).map((r) => r.title)).size).toBe(6);
  });

  it('can hold only the rows with errors', async () => {
    const input = await filled(core, [instrumentRow(11), instrumentRow(12, { 联系电话: 'x' })]);
    const book = await loadBook(await core.okAsync('excel.errorWorkbook', { ...input, onlyErrors: true }));
    expect(book.worksheets[0]!.actualRowCount).toBe(2);
  });
});

describe('stale exports', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterAll(() => core.remove());

  it('refuse to overwrite a record changed since the export, unless the row changes nothing', async () => {
    await core.okAsync('excel.commit', { ...(await filled(core, [instrumentRow(1), instrumentRow(2)])), mode: 'validOnly' });
    const exported = await core.okAsync('excel.export', { recordType: 'resource', filter: {}, format: 'xlsx' });
    // Someone edits resource 1 in the app after the export.
    const r1 = core.db.prepare("SELECT id, version FROM resources WHERE title LIKE '%1 号'").get() as { id: string; version: number };
    core.ok('resources.update', { id: r1.id, version: r1.version, patch: { location: '哈尔滨市南岗区' } });
    const book = await loadBook(exported);
    const sheet = book.worksheets[0]!;
    const titleColumn = columnOf(sheet, '名称');
    for (let r = 2; r <= 3; r++) sheet.getCell(r, columnOf(sheet, '联系人')).value = '新联系人';
    const preview = await core.okAsync('excel.preview', asInput(await bookBytes(book)));
    const byTitle = new Map(preview.rows.map((r) => [r.label, r]));
    expect(byTitle.get('激光共聚焦显微镜 1 号')?.errors[0]?.message).toBe('该记录已被修改（当前版本 2），您看到的是旧版本。请刷新后再改，未保存任何内容。');
    expect(byTitle.get('激光共聚焦显微镜 2 号')?.action).toBe('update');
    expect(sheet.getCell(2, titleColumn).value).toBeTruthy();
    // The untouched export is unchanged for the other record; for the edited one it would undo the edit: a conflict.
    const untouched = await core.okAsync('excel.preview', asInput(Buffer.from(exported.dataBase64, 'base64')));
    const untouchedByTitle = new Map(untouched.rows.map((r) => [r.label, r.action]));
    expect(untouchedByTitle).toEqual(new Map([['激光共聚焦显微镜 1 号', 'error'], ['激光共聚焦显微镜 2 号', 'unchanged']]));
  });
});
