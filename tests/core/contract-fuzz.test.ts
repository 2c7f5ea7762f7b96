import { labelOf as fieldLabel } from '../../shared/validation';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, contract, describeContract, type ChannelName } from '../../shared/contract';
import { HolidayEntriesSchema, HolidayEntrySchema } from '../../shared/domain/holidays';
import { setUpCore, type TempCore } from '../helpers/temp-core';

/**
 * Issue 9 (fault tests): every contract channel is fuzzed with generated payloads that are one
 * mutation away from a valid one, so they get past the outer shape check and into the deep
 * rules. A payload is kept only if the channel's own zod schema refuses it; the core must then
 * refuse it too, as a VALIDATION error in Chinese that names the field, without writing a
 * single row and without polluting Object.prototype. Complements the fixed hostile table in
 * contract-hostile.test.ts.
 *
 * Valid payloads are built from the contract's published JSON Schema (what `GET /api/contract`
 * serves), plus the few rules JSON Schema cannot say (real dates, phone and e-mail formats,
 * cross-field rules such as "ends after it starts").
 */

const RUNS_PER_CHANNEL = 40;
const CJK = /[\u4e00-\u9fff]/;
const STACK_TRACE = /\n\s*at\s|\bat\s+\S+\s+\(|\bat\s+\S*\.[cm]?[jt]s:\d+|\.[cm]?[jt]sx?:\d+:\d+|node_modules|ZodError|TypeError|RangeError|ReferenceError|SyntaxError/;
const ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

type Json = Record<string, any>; // a JSON Schema node
type Path = Array<string | number>;

// ---------------------------------------------------------------------------------------------
// Valid payloads from a JSON Schema

const TEXT_CHARS = [...'高新区联盟资源共享平台哈尔滨长春沈阳大连仪器检测服务abcXYZ0123456789'];
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const ULID_PATTERN = '^[0-9A-HJKMNP-TV-Z]{26}$';
const ulidArb = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'), minLength: 26, maxLength: 26 }); // as fc.stringMatching would, faster
const dayArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const isoDateArb = dayArb.map((d) => d.toISOString().slice(0, 10));
/** Beijing time written with its offset, as the forms send it. */
const beijing = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
const dateTimeArb = fc.tuple(dayArb, fc.integer({ min: 0, max: 24 * 60 - 1 })).map(([d, minutes]) => beijing(d.getTime() + minutes * 60_000));

function stringArb(s: Json, key: string): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  if (s.format === 'date-time') return dateTimeArb;
  if (s.pattern === DATE_PATTERN) return isoDateArb;
  if (s.pattern === ULID_PATTERN) return ulidArb;
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  if (/phone/i.test(key)) return fc.constantFrom('13800138000', '0451-86688888', '+86 13912345678');
  if (/email/i.test(key)) return fc.constantFrom('name@example.cn', 'zhang.san@hrb-gx.cn');
  if (/url/i.test(key)) return fc.constantFrom('', 'https://example.cn/live');
  if (key === 'code') return fc.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/); // registration check-in code
  if (key === 'dataBase64') return fc.base64String({ maxLength: 40 });
  if (key === 'fileName') return fc.constantFrom('资源.xlsx', 'data.csv', 'package.zip');
  return fc.string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: min, maxLength: Math.max(min, Math.min(max, min + 12)) });
}

function validArb(s: Json, key = ''): fc.Arbitrary<unknown> {
  const branches: Json[] | undefined = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => validArb(b, key)));
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t: string) => validArb({ ...s, type: t }, key)));
  switch (s.type) {
    case 'string':
      return stringArb(s, key);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1_000_000), max: Math.min(s.maximum ?? 1000, 1_000_000) });
    case 'number':
      return fc.double({ min: Math.max(s.minimum ?? -1000, -1_000_000), max: Math.min(s.maximum ?? 1000, 1_000_000), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(validArb(s.items ?? {}, key), { minLength, maxLength: Math.min(s.maxItems ?? 3, minLength + 3) });
    }
    case 'object': {
      if (s.properties && Object.keys(s.properties).length > 0) {
        const model = Object.fromEntries(Object.entries(s.properties as Record<string, Json>).map(([k, v]) => [k, validArb(v, k)]));
        return fc.record(model, { requiredKeys: s.required ?? [] });
      }
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        const keyArb = s.propertyNames?.pattern ? stringArb(s.propertyNames, '') : fc.string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: 1, maxLength: 8 });
        return fc.dictionary(keyArb, validArb(s.additionalProperties, key), { minKeys: 1, maxKeys: 3 });
      }
      return fc.constant({});
    }
    default:
      return fc.jsonValue({ maxDepth: 2 }); // z.unknown(): anything goes
  }
}

/** The cross-field rules JSON Schema cannot express, applied to a generated value in place. */
function honourCrossFieldRules(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(honourCrossFieldRules);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, any>;
  for (const child of Object.values(o)) honourCrossFieldRules(child);
  // A search's free window comes whole or not at all.
  if ((typeof o.freeFrom === 'string') !== (typeof o.freeTo === 'string')) {
    delete o.freeFrom;
    delete o.freeTo;
  }
  for (const [start, end] of [['startAt', 'endAt'], ['slotStart', 'slotEnd'], ['freeFrom', 'freeTo']] as const) {
    if (typeof o[start] === 'string' && typeof o[end] === 'string') {
      const [a, b] = [Date.parse(o[start]), Date.parse(o[end])].sort((x, y) => x - y);
      o[start] = beijing(a!);
      o[end] = beijing(b! > a! ? b! : a! + 3600_000);
    }
  }
  if (o.allDay === true) o.allDay = false;
  if (typeof o.registrationDeadline === 'string' && typeof o.startAt === 'string' && o.registrationDeadline > o.startAt.slice(0, 10)) o.registrationDeadline = '';
  if (typeof o.budgetMinWan === 'number' && typeof o.budgetMaxWan === 'number' && o.budgetMinWan > o.budgetMaxWan) [o.budgetMinWan, o.budgetMaxWan] = [o.budgetMaxWan, o.budgetMinWan];
  if (o.periodStart && o.periodEnd && o.periodEnd < o.periodStart) [o.periodStart, o.periodEnd] = [o.periodEnd, o.periodStart];
  if (o.from && o.to && o.to < o.from) [o.from, o.to] = [o.to, o.from];
  if (Array.isArray(o.criteria) && o.criteria.length > 0) {
    // Weights must add up to 100, keys and names must be unique.
    o.criteria = [
      { key: 'c1', name: '技术方案', weight: 60 },
      { key: 'c2', name: '报价', weight: 40 },
    ];
  }
  return o;
}

function accepts(schema: z.ZodType, payload: unknown): boolean {
  try {
    return schema.safeParse(payload).success;
  } catch {
    return false; // a schema that throws is a refusal the dispatcher must still report properly
  }
}

// ---------------------------------------------------------------------------------------------
// One mutation: where (a site in the payload) and what

interface Site {
  path: Path;
  schema: Json;
  present: boolean;
  required: boolean;
}

/** Branch of an anyOf/oneOf that `value` was generated from (objects: the one whose consts match). */
function branchOf(s: Json, value: unknown): Json {
  const branches: Json[] | undefined = s.anyOf ?? s.oneOf;
  if (!branches) return s;
  const fits = branches.find((b) => {
    if (b.type === 'object') {
      return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.entries((b.properties ?? {}) as Record<string, Json>).every(([k, p]) => !('const' in p) || (value as Record<string, unknown>)[k] === p.const);
    }
    return false;
  });
  return fits ?? s;
}

/** Every place a mutation can go: each present value, each absent optional property, each object (for extra keys). */
function sitesOf(value: unknown, schema: Json, path: Path = [], present = true, required = true): Site[] {
  const s = branchOf(schema, value);
  if (Object.keys(s).filter((k) => k !== '$schema' && k !== 'default').length === 0) return []; // z.unknown(): nothing is wrong there
  const sites: Site[] = [{ path, schema: s, present, required }];
  if (!present) return sites;
  if (s.type === 'object' && value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const [k, p] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
      sites.push(...sitesOf(o[k], p, [...path, k], Object.hasOwn(o, k), (s.required ?? []).includes(k)));
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      for (const [k, v] of Object.entries(o)) sites.push(...sitesOf(v, s.additionalProperties, [...path, k], true, false));
    }
  }
  if (s.type === 'array' && Array.isArray(value)) value.forEach((item, i) => sites.push(...sitesOf(item, s.items ?? {}, [...path, i], true, true)));
  return sites;
}

type Mutation =
  | { op: 'set'; label: string; value: unknown }
  | { op: 'delete'; label: string }
  | { op: 'addKey'; label: string; key: string; value: unknown };

const deepObject = (depth: number) => {
  let v: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
const deepArray = (depth: number) => {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
/** Values of the wrong kind for almost any field (IPC's structured clone carries dates, maps, typed arrays and bigints too). */
const WRONG_KIND: Array<[string, () => unknown]> = [
  ['a number', () => 42],
  ['a negative number', () => -1],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['a string', () => 'DROP TABLE zones;'],
  ['an empty string', () => ''],
  ['true', () => true],
  ['null', () => null],
  ['undefined', () => undefined],
  ['an empty array', () => []],
  ['an empty object', () => ({})],
  ['a bigint', () => 10n],
  ['a Date', () => new Date(0)],
  ['a Map', () => new Map([['a', 1]])],
  ['a Uint8Array', () => new Uint8Array([1, 2, 3])],
  ['a 1000-deep object', () => deepObject(1000)],
  ['a 1000-deep array', () => deepArray(1000)],
  ['an object with a __proto__ key', () => JSON.parse('{"__proto__": {"polluted": true}}')],
  ['a null-prototype object', () => Object.create(null)],
];
const EXTRA_KEYS = ['unexpected', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'polluted', 'id ', 'ID', '', '0'];
const POLLUTERS: Array<[string, () => unknown]> = [
  ['{polluted: true}', () => ({ polluted: true })],
  ['{prototype: {polluted: true}}', () => ({ prototype: { polluted: true } })],
  ['1', () => 1],
  ['a 1000-deep object', () => deepObject(1000)],
];

type Choice = readonly [label: string, make: () => unknown];

/** One of several wrong values, each built only when picked (some are megabytes long). */
function pick(...choices: Choice[]): fc.Arbitrary<Mutation> {
  return fc.constantFrom(...choices).map(([label, make]): Mutation => ({ op: 'set', label, value: make() }));
}

/** Wrong values aimed at this site's own rules (limits, patterns, enums), plus wrong kinds. */
function mutationsFor(site: Site, current: unknown): fc.Arbitrary<Mutation> {
  const s = site.schema;
  const options: Array<fc.Arbitrary<Mutation>> = [pick(...WRONG_KIND)];
  const branches: Json[] = s.anyOf ?? s.oneOf ?? [s];
  for (const b of branches) {
    if (b.enum || 'const' in b) {
      const values: unknown[] = b.enum ?? [b.const];
      options.push(fc.constantFrom(...values).chain((v) => pick(
        ['an enum value in upper case', () => String(v).toUpperCase()],
        ['an enum value with a trailing space', () => `${String(v)} `],
        ['an enum value plus a suffix', () => `${String(v)}x`],
        ['an inherited property name', () => 'toString'],
        ['__proto__', () => '__proto__'],
      )));
    } else if (b.type === 'string') {
      const max: number | undefined = b.maxLength;
      const min: number = b.minLength ?? 0;
      const strings: Choice[] = [
        ['a control character', () => 'a\u0000b'],
        ['a bell character', () => '\u0007'],
        ['a whitespace-only string', () => ' \t '],
        ['a lower-case record id', () => ULID.toLowerCase()],
        ['a 25-character id', () => ULID.slice(1)],
        ['an id with I, L, O and U', () => 'ILOU' + ULID.slice(4)],
        ['a non-existent date', () => '2026-02-30'],
        ['a slashed date', () => '2026/03/15'],
        ['a 13th month', () => '2026-13-01'],
        ['a date-time without offset', () => '2026-03-01T10:00:00'],
        ['an impossible date-time', () => '2026-02-30T10:00:00+08:00'],
        ['a date-time with a space', () => '2026-03-01 10:00:00+08:00'],
        ['a SQL fragment', () => "' OR 1=1; --"],
        ['a 1 MB string', () => 'x'.repeat(1_000_000)],
      ];
      if (min > 0) strings.push(['an empty string', () => ''], ['spaces only', () => ' '.repeat(min + 1)]);
      if (max !== undefined) strings.push([`${max + 1} characters`, () => 'x'.repeat(max + 1)]);
      // Limits in the megabytes (file contents) get just the one string over the limit: building more costs seconds.
      const huge = max !== undefined && max > 100_000;
      if (max !== undefined && !huge) strings.push([`${max + 1} Chinese characters`, () => '高'.repeat(max + 1)]);
      options.push(pick(...strings));
      if (b.pattern && typeof current === 'string') {
        options.push(pick(
          ['the valid value with a character dropped', () => current.slice(1)],
          ['the valid value plus a character', () => `${current}!`],
          ['the valid value in lower case', () => current.toLowerCase()],
          ['the valid value with a newline', () => `${current}\n`],
        ));
      }
      if (max !== undefined && !huge) options.push(fc.integer({ min: max + 1, max: max + 5000 }).chain((n) => pick([`${n} characters`, () => 'y'.repeat(n)])));
    } else if (b.type === 'integer' || b.type === 'number') {
      const lo: number | undefined = b.minimum;
      const hi: number | undefined = b.maximum;
      const numbers: Choice[] = [
        ['NaN', () => NaN],
        ['Infinity', () => Infinity],
        ['-Infinity', () => -Infinity],
        ['Number.MAX_VALUE', () => Number.MAX_VALUE],
        ['-Number.MAX_VALUE', () => -Number.MAX_VALUE],
        ['a number as a string', () => '1'],
        ['2^53 + 2', () => 2 ** 53 + 2],
      ];
      if (lo !== undefined) numbers.push([`${lo - 1} (below the minimum)`, () => lo - 1], ['just below the minimum', () => lo - 1e-9]);
      if (hi !== undefined) numbers.push([`${hi + 1} (above the maximum)`, () => hi + 1], ['just above the maximum', () => hi + 0.5]);
      if (b.type === 'integer') numbers.push(['a fraction', () => (lo ?? 0) + 1.5]);
      options.push(pick(...numbers));
      options.push(fc.double().chain((n) => pick([`the number ${n}`, () => n])));
    } else if (b.type === 'boolean') {
      options.push(pick(['"true"', () => 'true'], ['1', () => 1], ['0', () => 0], ['"false"', () => 'false']));
    } else if (b.type === 'array') {
      const max: number | undefined = b.maxItems;
      const item = Array.isArray(current) && current.length > 0 ? current[0] : ULID;
      const arrays: Choice[] = [
        ['an array of nulls', () => [null, null]],
        ['an array holding an array', () => [[item]]],
        ['an array-like object', () => ({ 0: item, length: 1 })],
        ['a sparse array', () => new Array(3)],
        ['10 000 wrong items', () => Array.from({ length: 10_000 }, () => 42)],
      ];
      if (max !== undefined) arrays.push([`${max + 1} items`, () => Array.from({ length: max + 1 }, () => structuredClone(item))]);
      if (Array.isArray(current) && current.length > 0) arrays.push(['a valid item plus a wrong one', () => [...current, { wrong: true }]]);
      options.push(pick(...arrays));
    } else if (b.type === 'object') {
      options.push(
        fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ minLength: 1, maxLength: 12 }), fc.constant('k'.repeat(5000))), fc.constantFrom(...POLLUTERS))
          .filter(([key]) => !Object.hasOwn(b.properties ?? {}, key))
          .map(([key, [label, make]]): Mutation => ({ op: 'addKey', label: `an extra key ${JSON.stringify(key.slice(0, 40))} = ${label}`, key, value: make() })),
      );
      if (b.additionalProperties && typeof b.additionalProperties === 'object') {
        const good = current && typeof current === 'object' ? Object.values(current)[0] : undefined;
        options.push(fc.constantFrom('__proto__', 'constructor', 'bad key', 'C1', 'c1234', '', 'x'.repeat(300)).map((key): Mutation => ({ op: 'addKey', label: `a record key ${JSON.stringify(key.slice(0, 40))}`, key, value: good ?? 1 })));
        options.push(pick(['an empty record', () => ({})]));
      }
    }
  }
  if (site.present && site.required && site.path.length > 0) options.push(fc.constant<Mutation>({ op: 'delete', label: 'removed' }));
  return fc.oneof(...options);
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  // defineProperty, so that "__proto__" becomes a real own key as JSON.parse would make it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyMutation(base: unknown, path: Path, mutation: Mutation): unknown {
  const payload = structuredClone(base);
  if (path.length === 0) {
    if (mutation.op === 'addKey') {
      setOwn(payload as Record<string, unknown>, mutation.key, mutation.value);
      return payload;
    }
    return mutation.op === 'set' ? mutation.value : undefined;
  }
  const parent = path.slice(0, -1).reduce<any>((node, segment) => node[segment], payload);
  const last = path[path.length - 1]!;
  if (mutation.op === 'delete') delete parent[last];
  else if (mutation.op === 'set') setOwn(parent, last, mutation.value);
  else {
    if (parent[last] === null || typeof parent[last] !== 'object') setOwn(parent, last, {});
    setOwn(parent[last], mutation.key, mutation.value);
  }
  return payload;
}

interface FuzzCase {
  payload: unknown;
  /** The dotted path the mutation went to ('' for the payload itself). */
  where: string;
  what: string;
}

/** Short, printable form for fast-check's counterexample report (no 1 MB strings). */
function brief(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(value.slice(0, 20))}…(${value.length} chars)` : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (depth > 4) return '…';
  if (Array.isArray(value)) return value.length > 8 ? `[${brief(value[0], depth + 1)}, …(${value.length} items)]` : `[${value.map((v) => brief(v, depth + 1)).join(', ')}]`;
  if (value instanceof Date || value instanceof Map || ArrayBuffer.isView(value)) return `<${value.constructor.name}>`;
  return `{${Object.keys(value as object).map((k) => `${JSON.stringify(k.length > 40 ? `${k.slice(0, 20)}…(${k.length})` : k)}: ${brief((value as Record<string, unknown>)[k], depth + 1)}`).join(', ')}}`;
}

const SCHEMAS = new Map(describeContract().map(({ channel, input }) => [channel, input as Json]));

function baseArb(channel: ChannelName): fc.Arbitrary<unknown> {
  return validArb(SCHEMAS.get(channel)!).map((value) => honourCrossFieldRules(structuredClone(value))); // a copy: fast-check reuses what it generated
}

/** Payloads one mutation away from a valid one, kept only if the channel's own schema refuses them. */
function invalidCaseArb(channel: ChannelName, schema: z.ZodType = contract[channel].input, jsonSchema: Json = SCHEMAS.get(channel)!, base = baseArb(channel)): fc.Arbitrary<FuzzCase | null> {
  return base
    .chain((valid): fc.Arbitrary<FuzzCase | null> => {
      // A base the schema refuses is skipped by the property (fc.pre), so a generator that
      // cannot build a valid payload fails loudly instead of looping.
      if (!accepts(schema, valid)) return fc.constant(null);
      const sites = sitesOf(valid, jsonSchema);
      return fc.constantFrom(...sites).chain((site) =>
        mutationsFor(site, site.path.reduce<any>((node, segment) => node?.[segment], valid)).map((mutation): FuzzCase => ({
          payload: applyMutation(valid, site.path, mutation),
          where: site.path.join('.'),
          what: mutation.op === 'delete' ? 'removed' : mutation.label,
        })),
      );
    })
    .filter((c) => c === null || !accepts(schema, c.payload))
    .map((c) => c && Object.assign(c, { [fc.toStringMethod]: () => `at «${c.where || '(payload)'}»: ${c.what} → ${brief(c.payload)}` }));
}

// ---------------------------------------------------------------------------------------------
// Assertions shared by the properties

/** The label `validationError` gives a field path: the last non-index segment's label, or 输入 for the payload itself. */
function labelOf(path: string, labels: Record<string, string>, root = '输入'): string {
  return path === '_' ? root : fieldLabel(path, labels);
}

/** Fields tied by a cross-field rule: a value fine on its own may be reported on its partner. */
const PARTNERS: string[][] = [
  ['budgetMinWan', 'budgetMaxWan'],
  ['periodStart', 'periodEnd'],
  ['startAt', 'endAt', 'allDay', 'registrationDeadline'],
  ['slotStart', 'slotEnd'],
  ['freeFrom', 'freeTo'],
  ['from', 'to'],
];

/** An error field is about the mutation if one path contains the other (an extra key is reported on its object). */
function isAbout(field: string, where: string): boolean {
  if (field === '_') return !where.includes('.');
  if (field === where || where.startsWith(`${field}.`) || field.startsWith(`${where}.`) || (where === '' && !field.includes('.'))) return true;
  const [fieldParent, fieldKey] = splitLast(field);
  const [whereParent, whereKey] = splitLast(where);
  return fieldParent === whereParent && PARTNERS.some((group) => group.includes(fieldKey) && group.includes(whereKey));
}

function splitLast(path: string): [string, string] {
  const i = path.lastIndexOf('.');
  return i < 0 ? ['', path] : [path.slice(0, i), path.slice(i + 1)];
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const PRISTINE = new Map<object, Set<string | symbol>>([Object.prototype, Array.prototype, Function.prototype].map((proto) => [proto, new Set(Reflect.ownKeys(proto))]));
/** Fails if anything was added to a built-in prototype, removing it first so one leak is reported once. */
function expectPrototypesClean() {
  const added: string[] = [];
  for (const [proto, keys] of PRISTINE) {
    for (const key of Reflect.ownKeys(proto)) {
      if (keys.has(key)) continue;
      added.push(String(key));
      delete (proto as Record<string | symbol, unknown>)[key];
    }
  }
  expect(added, 'properties were added to a built-in prototype').toEqual([]);
}

describe('the fuzzer itself', () => {
  it.each(CHANNEL_NAMES)('builds payloads that %s accepts before mutating them', (channel) => {
    const samples = fc.sample(baseArb(channel), { numRuns: 30, seed: 1 });
    const accepted = samples.filter((p) => accepts(contract[channel].input, p)).length;
    // Mutations start from a valid payload, so they test one rule at a time.
    expect(accepted, `only ${accepted}/30 generated payloads were valid for ${channel}`).toBeGreaterThanOrEqual(15);
  });
});

describe('every contract channel refuses generated invalid payloads', () => {
  let core: TempCore;
  let totalChanges: () => number;
  let lastHash: string;

  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat', true);
    const statement = core.db.prepare<[], number>('SELECT total_changes()').pluck();
    totalChanges = () => statement.get()!;
    lastHash = hash(core.snapshot());
  });
  afterAll(() => core.remove());

  async function expectRefusedQuietly(channel: ChannelName, c: FuzzCase, labels: Record<string, string>) {
    const changesBefore = totalChanges();
    const result = await core.dispatchAsync(channel, c.payload);
    if (result.ok) throw new Error(`${channel} accepted the payload and answered ${brief(result.value)}`);
    const { error } = result;
    expect(error.code, error.message).toBe('VALIDATION');
    expect(error.message).toMatch(CJK);
    expect(error.message).not.toMatch(STACK_TRACE);
    for (const text of Object.values(error.fields ?? {})) expect(text).not.toMatch(STACK_TRACE);
    // The message names the mutated field (or 输入 for the payload as a whole).
    const fields = Object.keys(error.fields ?? {});
    const about = fields.filter((f) => isAbout(f, c.where));
    expect(about, `fields ${JSON.stringify(fields)} do not point at «${c.where}»; message: ${error.message.slice(0, 300)}`).not.toHaveLength(0);
    expect(about.some((f) => error.message.includes(`${labelOf(f, labels)}：`)), error.message.slice(0, 300)).toBe(true);
    expect(totalChanges(), 'a refused call wrote to the database').toBe(changesBefore);
    expectPrototypesClean();
  }

  /** Runs the property, then compares the dump with the one before (a change is reported even if the property also failed). */
  async function fuzz(channel: string, property: fc.IAsyncProperty<[FuzzCase | null]>) {
    let failure: unknown = null;
    try {
      await fc.assert(property, { numRuns: RUNS_PER_CHANNEL });
    } catch (error) {
      failure = error;
    }
    const now = hash(core.snapshot());
    const before = lastHash;
    lastHash = now; // the next channel is judged on its own
    if (failure instanceof Error && now !== before) failure.message = `${channel} also changed the database dump.\n${failure.message}`;
    if (failure) throw failure;
    expect(now, `${channel} changed the database dump`).toBe(before);
  }

  it.each(CHANNEL_NAMES)('%s refuses generated invalid payloads in Chinese and changes nothing', async (channel) => {
    await fuzz(
      channel,
      fc.asyncProperty(invalidCaseArb(channel), async (c) => {
        fc.pre(c !== null);
        await expectRefusedQuietly(channel, c, contract[channel].labels);
      }),
    );
  });

  // The contract hands holidays.save's entries to the handler as z.unknown(); the handler checks
  // each entry itself. Fuzz that second gate the same way.
  it('holidays.save refuses generated invalid holiday entries in Chinese and changes nothing', async () => {
    const entriesSchema = z.toJSONSchema(HolidayEntrySchema, { io: 'input' }) as Json;
    const jsonSchema: Json = { type: 'object', properties: { entries: { type: 'array', maxItems: 1000, items: entriesSchema } }, required: ['entries'], additionalProperties: false };
    const schema = z.strictObject({ entries: HolidayEntriesSchema });
    const base = fc
      .uniqueArray(fc.record({ date: isoDateArb, kind: fc.constantFrom('holiday', 'workday'), name: stringArb({ minLength: 1, maxLength: 20 }, 'name') }), { selector: (e) => e.date, minLength: 1, maxLength: 4 })
      .map((entries) => ({ entries }));
    const arb = invalidCaseArb('holidays.save', schema, jsonSchema, base).filter((c) => c === null || c.where.startsWith('entries.'));
    await fuzz(
      'holidays.save',
      fc.asyncProperty(arb, async (c) => {
        fc.pre(c !== null);
        const changesBefore = totalChanges();
        const result = await core.dispatchAsync('holidays.save', c.payload);
        if (result.ok) throw new Error(`holidays.save accepted the entries and answered ${brief(result.value)}`);
        expect(result.error.code, result.error.message).toBe('VALIDATION');
        expect(result.error.message).toMatch(CJK);
        expect(result.error.message).not.toMatch(STACK_TRACE);
        expect(result.error.message).toMatch(/第 \d+ 条|节假日安排/);
        expect(totalChanges(), 'a refused call wrote to the database').toBe(changesBefore);
        expectPrototypesClean();
      }),
    );
  });
});
