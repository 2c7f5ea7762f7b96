import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../shared/domain/resource';
import { categoryId, instrumentInput, zoneId } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');

describe('registering a resource refuses bad input, naming the field, and saves nothing', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('SY', 'member');
  });
  afterAll(() => core.remove());

  const BAD: Array<[string, (c: TempCore) => Record<string, unknown>, string, string]> = [
    ['a missing title', (c) => ({ ...instrumentInput(c), title: '' }), 'title', '名称：必填'],
    ['a missing organisation', (c) => ({ ...instrumentInput(c), organisation: undefined }), 'organisation', '所属单位：必填'],
    ['a missing contact person', (c) => ({ ...instrumentInput(c), contactPerson: ' ' }), 'contactPerson', '联系人：必填'],
    ['a malformed phone', (c) => ({ ...instrumentInput(c), contactPhone: '024-123' }), 'contactPhone', '联系电话：格式不正确'],
    ['a malformed email', (c) => ({ ...instrumentInput(c), contactEmail: 'sun@' }), 'contactEmail', '电子邮箱：格式不正确'],
    ['a negative fee', (c) => ({ ...instrumentInput(c), feeAmount: -50 }), 'feeAmount', '参考价格：不能为负数'],
    ['a fee that is text', (c) => ({ ...instrumentInput(c), feeAmount: '五十' }), 'feeAmount', '参考价格：'],
    ['a paid resource without a fee standard', (c) => ({ ...instrumentInput(c), sharingMode: 'paid', feeStandard: '' }), 'feeStandard', '收费标准：'],
    ['an unknown sharing mode', (c) => ({ ...instrumentInput(c), sharingMode: 'rent' }), 'sharingMode', '共享方式：'],
    ['eleven tags', (c) => ({ ...instrumentInput(c), tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }), 'tags', '标签：最多 10 个'],
    ['an unknown category', (c) => ({ ...instrumentInput(c), categoryId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'categoryId', '类别：'],
    ['an instrument without its model', (c) => ({ ...instrumentInput(c), extra: { bookingMode: 'slot', instrumentState: 'idle' } }), 'extra.model', '型号：必填'],
    ['an instrument with a negative original value', (c) => ({ ...instrumentInput(c), extra: { model: 'X', bookingMode: 'slot', instrumentState: 'idle', originalValue: -1 } }), 'extra.originalValue', '原值：不能为负数'],
    ['an instrument with an unknown state', (c) => ({ ...instrumentInput(c), extra: { model: 'X', bookingMode: 'slot', instrumentState: 'broken' } }), 'extra.instrumentState', '设备状态：应为'],
    ['an instrument with a fractional purchase year', (c) => ({ ...instrumentInput(c), extra: { model: 'X', bookingMode: 'slot', instrumentState: 'idle', purchaseYear: 2019.5 } }), 'extra.purchaseYear', '购置年份：必须是整数'],
    ['a field that belongs to another category', (c) => ({ ...instrumentInput(c), extra: { model: 'X', bookingMode: 'slot', instrumentState: 'idle', patentNumber: 'ZL1' } }), 'extra', '专用字段'],
    ['a patent without its number', (c) => ({ ...instrumentInput(c), categoryId: categoryId(c, 'patent'), extra: { patentType: 'invention' } }), 'extra.patentNumber', '专利号：必填'],
  ];

  it.each(BAD)('refuses %s', (_label, build, field, text) => {
    const before = core.snapshot();
    const error = core.fails('resources.create', build(core));
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields ?? {}).some((k) => k === field || k.startsWith(`${field}.`))).toBe(true);
    expect(error.message).toContain(text);
    expect(core.snapshot()).toBe(before);
  });

  it('refuses a member registering a resource for another zone', () => {
    const before = core.snapshot();
    expect(core.fails('resources.create', { ...instrumentInput(core), ownerZoneId: zoneId(core, 'DL') })).toMatchObject({ code: 'FORBIDDEN' });
    expect(core.snapshot()).toBe(before);
  });

  it('stores category values without empty entries and copies the instrument state out for facets', () => {
    const r = core.ok('resources.create', instrumentInput(core, { extra: { model: 'SU8020', manufacturer: '', bookingMode: 'sample', instrumentState: 'maintenance' } }));
    expect(r.extra).toEqual({ model: 'SU8020', bookingMode: 'sample', instrumentState: 'maintenance' });
    expect(core.db.prepare('SELECT instrument_state, booking_mode FROM resources WHERE id = ?').get(r.id)).toEqual({ instrument_state: 'maintenance', booking_mode: 'sample' });
  });
});

describe('attachments', () => {
  let core: TempCore;
  let resourceId: string;
  beforeAll(() => {
    core = setUpCore('SY', 'member');
    resourceId = core.ok('resources.create', instrumentInput(core)).id;
  });
  afterAll(() => core.remove());

  it('stores a photo and a PDF by content, and reads them back byte for byte', () => {
    const png = core.ok('attachments.add', { recordKind: 'resource', recordId: resourceId, fileName: '外观.png', dataBase64: PNG.toString('base64') });
    const pdf = core.ok('attachments.add', { recordKind: 'resource', recordId: resourceId, fileName: '参数表.pdf', dataBase64: PDF.toString('base64') });
    expect(png).toMatchObject({ mime: 'image/png', size: PNG.length });
    expect(pdf.mime).toBe('application/pdf');
    expect(Buffer.from(core.ok('attachments.read', { id: pdf.id }).dataBase64, 'base64').equals(PDF)).toBe(true);
    expect(core.ok('resources.get', { id: resourceId }).attachments.map((a) => a.fileName)).toEqual(['外观.png', '参数表.pdf']);
  });

  it.each([
    ['an oversized file', Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]), '不能超过 10 MB'],
    ['an executable renamed to .pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), '不是 PNG、JPEG、WebP 图片或 PDF'],
    ['an empty file', Buffer.alloc(0), '空的'],
  ])('refuses %s with a clear message and stores nothing', (_label, bytes, text) => {
    const before = core.snapshot();
    const error = core.fails('attachments.add', { recordKind: 'resource', recordId: resourceId, fileName: '规格.pdf', dataBase64: bytes.toString('base64') });
    expect(error.message).toContain(text);
    expect(core.snapshot()).toBe(before);
  });

  it('refuses file names with path characters', () => {
    expect(core.fails('attachments.add', { recordKind: 'resource', recordId: resourceId, fileName: '../../etc/passwd', dataBase64: PNG.toString('base64') })).toMatchObject({ code: 'VALIDATION', fields: { fileName: expect.any(String) } });
  });
});
