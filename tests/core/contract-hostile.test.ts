import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract';
import { setUpCore, type TempCore } from '../helpers/temp-core';

const CJK = /[\u4e00-\u9fff]/;

/** Inputs no channel accepts. Each must be refused with a Chinese message and change nothing. */
const HOSTILE_INPUTS: Array<[string, unknown]> = [
  ['null', null],
  ['a number', 42],
  ['a string', 'DROP TABLE zones;'],
  ['an array', [{ id: 'x' }]],
  ['a boolean', true],
  ['an unknown key', { unexpected: 1, query: '', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', version: 1 }],
  ['a prototype-polluting key', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
  ['a 2 MB string field', { id: 'x'.repeat(2_000_000) }],
];

describe('every contract channel refuses hostile input', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat', true);
  });
  afterAll(() => core.remove());

  const cases = CHANNEL_NAMES.flatMap((channel) => HOSTILE_INPUTS.map(([label, input]) => [channel, label, input] as const));

  it.each(cases)('%s refuses %s with a Chinese message and changes nothing', (channel, _label, input) => {
    const before = core.snapshot();
    const error = core.fails(channel, input);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(CJK);
    expect(error.message).not.toMatch(/\bat .*\.ts:\d+/); // no stack traces
    expect(core.snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([['nope'], ['zones'], ['__proto__'], ['constructor'], ['toString'], ['zones.list.extra'], [42], [null]])('an unknown channel %s is refused', (channel) => {
    expect(core.fails(channel, {})).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
  });
});

describe('the zone form validator', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore();
  });
  afterAll(() => core.remove());

  const valid = { code: 'FS', name: '抚顺高新技术产业开发区', shortName: '抚顺高新区', level: 'provincial' as const, province: '辽宁省' };

  const BAD: Array<[field: string, value: unknown, label: string]> = [
    ['code', '', '代码'],
    ['code', '1AB', '代码'],
    ['code', 'A', '代码'],
    ['code', 'ABCDEFGHIJKLM', '代码'],
    ['code', 'HR-B', '代码'],
    ['code', '哈尔滨', '代码'],
    ['name', '', '名称'],
    ['name', '   ', '名称'],
    ['name', '高'.repeat(61), '名称'],
    ['name', 42, '名称'],
    ['name', '抚顺\u0000高新区', '名称'],
    ['shortName', undefined, '简称'],
    ['level', 'county', '级别'],
    ['level', '', '级别'],
    ['province', '', '省份'],
    ['phone', '12345', '联系电话'],
    ['phone', '1380013800', '联系电话'],
    ['phone', '23800138000', '联系电话'],
    ['phone', '0451-123', '联系电话'],
    ['phone', 'tel:13800138000', '联系电话'],
    ['phone', '<script>alert(1)</script>', '联系电话'],
    ['email', 'not-an-email', '电子邮箱'],
    ['email', 'a@b', '电子邮箱'],
    ['email', 'user@@example.cn', '电子邮箱'],
    ['email', 'x'.repeat(130) + '@example.cn', '电子邮箱'],
    ['joinedOn', '2026-02-30', '加入日期'],
    ['joinedOn', '2026/03/15', '加入日期'],
    ['joinedOn', '2026年3月15日', '加入日期'],
    ['joinedOn', 20260315, '加入日期'],
    ['role', 'admin', '联盟角色'],
    ['notes', 'x'.repeat(1001), '备注'],
  ];

  it.each(BAD)('refuses %s = %j with a message naming 「%s」, saving nothing', (field, value, label) => {
    const before = core.snapshot();
    const error = core.fails('zones.create', { ...valid, [field]: value });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toHaveProperty(field);
    expect(error.message).toContain(`${label}：`);
    expect(core.snapshot()).toBe(before);
  });

  it.each([
    ['13800138000'],
    ['+86 13800138000'],
    ['0451-86688888'],
    ['024 12345678'],
    ['0451-86688888-123'],
    ['400-123-4567'],
    [''],
  ])('accepts the phone number %j', (phone) => {
    const result = core.dispatch('zones.create', { ...valid, code: 'P' + Math.random().toString(36).slice(2, 8).toUpperCase(), name: `测试 ${phone} ${Math.random()}`, phone });
    expect(result).toMatchObject({ ok: true });
  });

  it('trims surrounding spaces and upper-cases the code before saving', () => {
    const zone = core.ok('zones.create', { ...valid, code: ' tl ', name: '  铁岭高新区  ', shortName: ' 铁岭 ' });
    expect(zone).toMatchObject({ code: 'TL', name: '铁岭高新区', shortName: '铁岭' });
  });
});
