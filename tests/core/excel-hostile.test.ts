import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetParsedFile } from '../../electron/core/excel/excel-service';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { asInput, bookBytes, fillRows, instrumentRow, loadBook, resourceCount } from '../fixtures/excel/excel-files';
import { readZipParts, writeZip } from '../fixtures/excel/zip-writer';

/** A small valid workbook (a filled template), whose parts the hostile versions replace. */
async function validXlsx(core: TempCore): Promise<Buffer> {
  const book = await loadBook(await core.okAsync('excel.template', { recordType: 'resource' }));
  fillRows(book.worksheets[0]!, [instrumentRow(1)]);
  return bookBytes(book);
}

/** The same workbook with its first sheet's xml changed. */
function withSheetXml(xlsx: Buffer, change: (xml: string) => string): Buffer {
  const parts = readZipParts(xlsx);
  const name = 'xl/worksheets/sheet1.xml';
  parts.set(name, Buffer.from(change(parts.get(name)!.toString('utf8'))));
  return writeZip([...parts].map(([n, data]) => ({ name: n, data })));
}

function rowsXml(count: number): string {
  let xml = '';
  for (let r = 3; r < count + 3; r++) xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
  return xml;
}

describe('hostile and wrong files are refused with a clear message, and change nothing', () => {
  let core: TempCore;
  let xlsx: Buffer;
  beforeAll(async () => {
    core = setUpCore('HRB', 'secretariat');
    xlsx = await validXlsx(core);
  });
  afterAll(() => core.remove());

  const cases: Array<[string, () => Buffer | string, string]> = [
    ['an empty file', () => Buffer.alloc(0), '文件是空的'],
    ['a PDF renamed to .xlsx', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n\x00\x00'), '这是 PDF 文件，不是表格文件'],
    ['a PNG image', () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), '这是图片，不是表格文件'],
    ['an executable', () => Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(64)]), '这是可执行程序'],
    ['an old .xls (or password-protected) workbook', () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), '旧版 Excel（.xls）'],
    ['a web page saved as .xls', () => Buffer.from('<html><body><table><tr><td>名称</td></tr></table></body></html>'), '网页（HTML）格式'],
    ['an Excel 2003 XML table', () => Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), 'XML 文件'],
    ['a Word document', () => writeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), 'Word 文档（.docx）'],
    ['an .ods spreadsheet', () => writeZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true }, { name: 'content.xml', data: Buffer.from('<x/>') }]), '.ods 文件'],
    ['a zip that is not a workbook', () => writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), '不是 Excel 工作簿'],
    ['an encrypted zip', () => writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>'), encrypted: true }]), '文件已加密'],
    ['a truncated workbook', () => xlsx.subarray(0, Math.floor(xlsx.length / 2)), '文件已损坏'],
    [
      'a zip bomb that declares its real size (over the unpacked limit)',
      () => writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }, ...Array.from({ length: 4 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: Buffer.alloc(1), declaredSize: 100 * 1024 * 1024 }))]),
      '文件解压后超过 300 MB',
    ],
    [
      'a zip bomb that lies about its size',
      () => writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), declaredSize: 1000 }]),
      '解压后的大小与文件声明的不符',
    ],
    ['a sheet of 1,000,000 rows (.xlsx)', () => withSheetXml(xlsx, (xml) => xml.replace('</sheetData>', `${rowsXml(1_000_000)}</sheetData>`)), '有 1,000,003 行，超过一次导入 50,000 行的上限'],
    [
      'an XML entity bomb ("billion laughs") in a sheet',
      () =>
        withSheetXml(xlsx, (xml) =>
          xml
            .replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0"?><!DOCTYPE z [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('')}]>`)
            .replace('</sheetData>', '<row r="9"><c r="D9" t="inlineStr"><is><t>&bbbbbbbb;</t></is></c></row></sheetData>'),
        ),
      '无法读取这个 .xlsx 文件',
    ],
    ['a CSV of 1,000,000 rows', () => Buffer.from(`名称,联系人\n${'光谱仪,王老师\n'.repeat(1_000_000)}`), '超过一次导入 50,000 行的上限'],
    ['a CSV one row over the limit', () => Buffer.from(`名称,联系人\n${'光谱仪,王老师\n'.repeat(50_001)}`), '超过一次导入 50,000 行的上限'],
    ['a file over 20 MB', () => Buffer.alloc(21 * 1024 * 1024, 0x41), '文件不能超过 20 MB'],
  ];

  it.each(cases)('refuses %s', async (_label, make, message) => {
    forgetParsedFile();
    const before = core.snapshot();
    const input = asInput(make() as Buffer);
    for (const channel of ['excel.preview', 'excel.commit'] as const) {
      const result = await core.dispatchAsync(channel, channel === 'excel.commit' ? { ...input, mode: 'validOnly' } : input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toContain(message);
      }
    }
    expect(core.snapshot()).toBe(before);
  }, 60_000);

  it('skips ranges that would expand per cell (validations and merges over the whole sheet) instead of hanging', async () => {
    const hostile = withSheetXml(xlsx, (xml) =>
      xml
        .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A200:XFD1048576"/></mergeCells>')
        .replace(/<dataValidations[\s\S]*?<\/dataValidations>/, '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>'),
    );
    const started = Date.now();
    const preview = await core.okAsync('excel.preview', asInput(hostile));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(preview.counts).toMatchObject({ add: 1, error: 0 });
  });

  it('neutralises __proto__ and constructor: as headers they are unknown columns, as cells plain text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('资源');
    sheet.addRow(['类别', '名称', '所属单位', '共享方式', '联系人', '型号', '预约方式', '设备状态', '__proto__', 'constructor', 'prototype']);
    sheet.addRow(['大型科研仪器设备', '__proto__', 'constructor', '免费', 'toString', 'X', '时间预约', '空闲', '{"polluted":1}', 'x', 'y']);
    const input = asInput(await bookBytes(book));
    const preview = await core.okAsync('excel.preview', input);
    expect(preview.columns.unknown).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(preview.counts).toMatchObject({ add: 1, error: 0 });
    await core.okAsync('excel.commit', { ...input, mode: 'validOnly' });
    expect(core.db.prepare("SELECT title, organisation, contact_person FROM resources WHERE title = '__proto__'").get()).toEqual({ title: '__proto__', organisation: 'constructor', contact_person: 'toString' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(resourceCount(core)).toBe(1);
  });

  it('refuses a cell longer than its field allows through the schema, and writes it back whole in the error workbook', async () => {
    const long = '长'.repeat(6000);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('资源');
    sheet.addRow(['类别', '名称', '所属单位', '共享方式', '联系人', '型号', '预约方式', '设备状态', '简介']);
    sheet.addRow(['大型科研仪器设备', '光谱仪', '哈工大', '免费', '王老师', 'X', '时间预约', '空闲', long]);
    const input = asInput(await bookBytes(book));
    const preview = await core.okAsync('excel.preview', input);
    expect(preview.rows[0]?.errors.map((e) => e.text)).toEqual(['第 2 行「简介」：不能超过 5000 个字']);
    const errors = await loadBook(await core.okAsync('excel.errorWorkbook', input));
    expect(String(errors.worksheets[0]!.getCell(2, 10).value)).toHaveLength(6000);
  });
});
