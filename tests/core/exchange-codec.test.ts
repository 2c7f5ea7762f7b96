import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { compareHlc, createHlc, formatHlc, MAX_DRIFT_MS, parseHlc } from '../../electron/core/exchange/hlc';
import { fingerprintOf, generateKeyPair, PublicKeyText, sign, verify } from '../../electron/core/exchange/keys';
import {
  canonicalJson,
  decodePackage,
  encodePackage,
  newPackageId,
  PACKAGE_MAX_BYTES,
  type DecodeOptions,
  type PackageHeader,
} from '../../electron/core/exchange/package-codec';

/** Runs `fn` and returns the AppError it throws, after checking it is one a clerk can read. */
function refusal(fn: () => unknown, code: AppError['code'] = 'VALIDATION'): AppError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a refusal').toBeInstanceOf(AppError);
  const error = thrown as AppError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(error.message.endsWith('。')).toBe(true);
  return error;
}

const nodeId = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/);

describe('hybrid logical clock', () => {
  it('writes a timestamp as 13-digit milliseconds, 4-digit counter and node id', () => {
    const clock = createHlc('HRB01', { now: () => 1_700_000_000_000 });
    expect(clock.last()).toBeNull();
    expect(clock.tick()).toBe('1700000000000.0000.HRB01');
    expect(clock.tick()).toBe('1700000000000.0001.HRB01');
    expect(clock.last()).toBe('1700000000000.0001.HRB01');
    expect(parseHlc('0000000000042.0007.x')).toEqual({ wallMs: 42, counter: 7, nodeId: 'x' });
  });

  it('refuses to parse anything that is not exactly a timestamp', () => {
    for (const bad of ['', '1700000000000.0000.', '170000000000.0000.a', '1700000000000.000.a', '1700000000000.0000.a-b', `1700000000000.0000.${'a'.repeat(33)}`, ' 1700000000000.0000.a', '1700000000000.0000.a\n']) {
      expect(parseHlc(bad), bad).toBeNull();
    }
  });

  it('orders timestamps as strings exactly as by (wall time, counter, node id)', () => {
    const parts = fc.record({ wallMs: fc.integer({ min: 0, max: 9_999_999_999_999 }), counter: fc.integer({ min: 0, max: 9999 }), nodeId });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const sa = formatHlc(a);
        const sb = formatHlc(b);
        expect(parseHlc(sa)).toEqual(a);
        const byParts = a.wallMs - b.wallMs || a.counter - b.counter || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0);
        expect(Math.sign(compareHlc(sa, sb))).toBe(Math.sign(byParts));
        expect(Math.sign(compareHlc(sa, sb))).toBe(sa < sb ? -1 : sa > sb ? 1 : 0);
      }),
    );
  });

  it('only moves forward and never falls behind the physical clock, across receives and a clock set backwards', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const) }),
      fc.record({ kind: fc.constant('clock' as const), deltaMs: fc.integer({ min: -3_600_000, max: 3_600_000 }) }),
      fc.record({ kind: fc.constant('receive' as const), aheadMs: fc.integer({ min: -MAX_DRIFT_MS, max: MAX_DRIFT_MS }), counter: fc.integer({ min: 0, max: 9999 }), nodeId }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let physical = 1_700_000_000_000;
        const clock = createHlc('local', { now: () => physical });
        let floor = '';
        for (const o of ops) {
          if (o.kind === 'clock') physical += o.deltaMs;
          else if (o.kind === 'receive') {
            const remote = formatHlc({ wallMs: physical + o.aheadMs, counter: o.counter, nodeId: o.nodeId });
            clock.receive(remote);
            if (remote > floor) floor = remote;
          } else {
            const t = clock.tick();
            expect(compareHlc(t, floor)).toBe(1);
            expect(parseHlc(t)!.wallMs).toBeGreaterThanOrEqual(physical);
            floor = t;
          }
        }
      }),
    );
  });

  it('ticks past any timestamp it has received, whatever the counters and node ids', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_DRIFT_MS, max: MAX_DRIFT_MS }), fc.integer({ min: 0, max: 9999 }), nodeId, nodeId, (aheadMs, counter, remoteNode, localNode) => {
        const now = 1_700_000_000_000;
        const clock = createHlc(localNode, { now: () => now });
        clock.tick();
        const remote = formatHlc({ wallMs: now + aheadMs, counter, nodeId: remoteNode });
        clock.receive(remote);
        expect(clock.tick() > remote).toBe(true);
      }),
    );
  });

  it('moves to the next millisecond when 10,000 timestamps fall within one', () => {
    const clock = createHlc('n', { now: () => 5_000 });
    let t = '';
    for (let i = 0; i < 10_000; i++) t = clock.tick();
    expect(t).toBe('0000000005000.9999.n');
    expect(clock.tick()).toBe('0000000005001.0000.n');
  });

  it('carries on after a restart from the persisted timestamp, even when the clock is now behind', () => {
    const before = createHlc('n', { now: () => 9_000_000 });
    before.tick();
    before.receive('0000009500000.0003.other');
    const after = createHlc('n', { now: () => 1_000, last: before.last() });
    expect(after.tick() > '0000009500000.0003.other').toBe(true);
  });

  it('refuses a timestamp more than a day ahead of this computer, saying the sender clock looks wrong', () => {
    const now = 1_700_000_000_000;
    const clock = createHlc('n', { now: () => now });
    clock.receive(formatHlc({ wallMs: now + MAX_DRIFT_MS, counter: 0, nodeId: 'far' }));
    const error = refusal(() => clock.receive(formatHlc({ wallMs: now + MAX_DRIFT_MS + 1, counter: 0, nodeId: 'far' })));
    expect(error.message).toContain('时间');
    expect(error.message).toContain('一天以上');
    refusal(() => clock.receive('not a timestamp'));
  });
});

// RFC 8032 §7.1, TEST 1: a known key, so our encoding interoperates with every Ed25519.
const RFC_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64');
const RFC_PRIVATE = Buffer.from(`302e020100300506032b657004220420${RFC_SEED}`, 'hex').toString('base64');
const RFC_SIGNATURE = Buffer.from(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  'hex',
).toString('base64');

describe('installation keys', () => {
  const pair = generateKeyPair();
  const other = generateKeyPair();
  const data = Buffer.from('联盟交换包 header\nabc', 'utf8');

  it('makes a 32-byte public key in base64 and signatures only it verifies', () => {
    expect(Buffer.from(pair.publicKey, 'base64')).toHaveLength(32);
    expect(PublicKeyText.safeParse(pair.publicKey).success).toBe(true);
    const signature = sign(pair.privateKey, data);
    expect(verify(pair.publicKey, data, signature)).toBe(true);
    expect(verify(other.publicKey, data, signature)).toBe(false);
    expect(verify(pair.publicKey, Buffer.from('联盟交换包 header\nabd', 'utf8'), signature)).toBe(false);
  });

  it('signs exactly as the Ed25519 standard test vector does', () => {
    expect(sign(RFC_PRIVATE, Buffer.alloc(0))).toBe(RFC_SIGNATURE);
    expect(verify(RFC_PUBLIC, Buffer.alloc(0), RFC_SIGNATURE)).toBe(true);
  });

  it('shows a fingerprint of 8 groups of 4 hex digits: the first 16 bytes of the key hash', () => {
    const fp = fingerprintOf(RFC_PUBLIC);
    expect(fp).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const expected = createHash('sha256').update(Buffer.from(RFC_PUBLIC, 'base64')).digest('hex').slice(0, 32).toUpperCase();
    expect(fp.replaceAll(' ', '')).toBe(expected);
    expect(fingerprintOf(pair.publicKey)).not.toBe(fingerprintOf(other.publicKey));
    refusal(() => fingerprintOf('not a key'));
  });

  it('refuses a public key that is not exactly 32 bytes of canonical base64, in Chinese', () => {
    const raw = Buffer.from(pair.publicKey, 'base64');
    // The last character of 32 bytes in base64 carries 4 spare bits: a different spelling of the same key.
    const last = pair.publicKey[42]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sibling = pair.publicKey.slice(0, 42) + alphabet[alphabet.indexOf(last) ^ 1] + '=';
    expect(Buffer.from(sibling, 'base64').equals(raw)).toBe(true);
    for (const bad of ['', pair.publicKey.slice(0, 43), raw.toString('hex'), ` ${pair.publicKey}`, `${pair.publicKey}\n`, sibling, Buffer.alloc(31).toString('base64'), 12]) {
      const result = PublicKeyText.safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
      expect(result.error!.issues[0]!.message).toContain('公钥格式不正确');
    }
  });

  it('answers "not verified" — never throws — for malformed keys and signatures', () => {
    const signature = sign(pair.privateKey, data);
    const sigBytes = Buffer.from(signature, 'base64');
    // The same 64 bytes with the spare bits of the last character set: refused, one spelling only.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const respelled = signature.slice(0, 85) + alphabet[alphabet.indexOf(signature[85]!) ^ 1] + '==';
    expect(Buffer.from(respelled, 'base64').equals(sigBytes)).toBe(true);
    expect(verify(pair.publicKey, data, respelled)).toBe(false);
    for (const [key, sig] of [
      ['', signature],
      [pair.publicKey, ''],
      [pair.publicKey, Buffer.alloc(64).toString('base64')],
      [Buffer.alloc(32).toString('base64'), signature],
      [Buffer.alloc(32, 0xff).toString('base64'), signature],
      [pair.publicKey, signature + 'A'],
      [null as unknown as string, undefined as unknown as string],
    ]) {
      expect(verify(key!, data, sig!)).toBe(false);
    }
    fc.assert(fc.property(fc.string(), fc.string(), (key, sig) => verify(key, data, sig) === false));
  });

  it('refuses to sign with an unreadable private key, as a broken installation', () => {
    refusal(() => sign('bm90IGEga2V5', data), 'INTERNAL');
  });
});

describe('exchange package file', () => {
  const sender = generateKeyPair();
  const stranger = generateKeyPair();
  const zoneId = newPackageId();
  const options: DecodeOptions = { schemaVersion: 5, trustedKeyFor: (z) => (z === zoneId ? sender.publicKey : null) };
  const makeHeader = (overrides: Partial<PackageHeader> = {}): PackageHeader => ({
    format: 'alliance-package',
    formatVersion: 1,
    packageId: newPackageId(),
    senderInstallationId: 'INSTHRB01',
    senderZoneId: zoneId,
    senderPublicKey: sender.publicKey,
    schemaVersion: 5,
    createdAt: '2026-03-01T08:30:00.000Z',
    sequence: { from: 1, to: 3 },
    counts: { resource: 2, event: 1 },
    ...overrides,
  });
  const body = {
    resources: [
      { id: newPackageId(), title: '场发射扫描电子显微镜（示例）', tags: ['SEM', '材料表征'], hlc: '1700000000000.0000.INSTHRB01' },
      { id: newPackageId(), title: '寒地装备可靠性专家团队', extra: { originalValue: 385.5, purchaseYear: null, open: true } },
    ],
    events: [{ id: newPackageId(), title: '路演', note: 'line one\nline two' }],
  };
  const header = makeHeader();
  const valid = encodePackage({ header, body }, sender.privateKey);
  const magicLength = Buffer.byteLength('ALLIANCE-PACKAGE 1\n');
  const lineEnd = valid.indexOf(0x0a, magicLength);
  const decode = (bytes: Buffer, extra: Partial<DecodeOptions> = {}) => decodePackage(bytes, { ...options, ...extra });

  /** A package assembled by hand, so each part can be wrong on purpose. */
  function assemble(parts: { header?: unknown; headerLine?: string; bodyBytes?: Buffer; signWith?: string | null; signature?: string; bodySha256?: string; magic?: string }): Buffer {
    const bodyBytes = parts.bodyBytes ?? gzipSync(Buffer.from(JSON.stringify(body)));
    const bodySha256 = parts.bodySha256 ?? createHash('sha256').update(bodyBytes).digest('hex');
    const h = parts.header ?? header;
    const signature =
      parts.signature ?? (parts.signWith === null ? undefined : sign(parts.signWith ?? sender.privateKey, Buffer.from(`${canonicalJson(h)}\n${bodySha256}`)));
    const line = parts.headerLine ?? JSON.stringify({ header: h, bodySha256, signature });
    return Buffer.concat([Buffer.from(parts.magic ?? 'ALLIANCE-PACKAGE 1\n'), Buffer.from(`${line}\n`), bodyBytes]);
  }
  /** The byte at `at` replaced by `a`, or by `b` when it already is `a`: always a different, still well-formed character. */
  const changeChar = (bytes: Buffer, at: number, a: string, b: string) => {
    const copy = Buffer.from(bytes);
    copy[at] = copy[at] === a.charCodeAt(0) ? b.charCodeAt(0) : a.charCodeAt(0);
    return copy;
  };
  const flip = (bytes: Buffer, at: number, mask = 0x01) => {
    const copy = Buffer.from(bytes);
    copy[at] = copy[at]! ^ mask;
    return copy;
  };

  it('round-trips a valid package with an identical body, its header and the sender fingerprint', () => {
    const decoded = decode(valid);
    expect(decoded.body).toEqual(body);
    expect(decoded.header).toEqual(header);
    expect(decoded.fingerprint).toBe(fingerprintOf(sender.publicKey));
    expect(valid.subarray(0, magicLength).toString()).toBe('ALLIANCE-PACKAGE 1\n');
  });

  it('round-trips any JSON body byte for byte', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const decoded = decode(encodePackage({ header, body: value }, sender.privateKey));
        expect(JSON.stringify(decoded.body)).toBe(JSON.stringify(value));
      }),
      { numRuns: 50 },
    );
  });

  it('accepts a package from an older schema version and from a zone with no registered key yet', () => {
    expect(decode(encodePackage({ header: makeHeader({ schemaVersion: 4 }), body }, sender.privateKey)).body).toEqual(body);
    const unknownZone = makeHeader({ senderZoneId: 'zone:QQHR', senderPublicKey: stranger.publicKey });
    const decoded = decode(encodePackage({ header: unknownZone, body }, stranger.privateKey));
    expect(decoded.fingerprint).toBe(fingerprintOf(stranger.publicKey));
  });

  it('signs a canonical header: the same fields in another order verify the same', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const reordered = Object.fromEntries(Object.entries(header).reverse());
    const signature = sign(sender.privateKey, Buffer.from(`${canonicalJson(header)}\n${createHash('sha256').update(valid.subarray(lineEnd + 1)).digest('hex')}`));
    expect(decode(assemble({ header: reordered, signature })).body).toEqual(body);
  });

  const gzipOf = (text: string) => gzipSync(Buffer.from(text, 'utf8'));
  const hostile: Array<[string, () => Buffer, string, Partial<DecodeOptions>?]> = [
    ['one flipped byte in the magic line', () => flip(valid, 3), '不是联盟交换包'],
    ['a package of a newer file format', () => Buffer.concat([Buffer.from('ALLIANCE-PACKAGE 2\n'), valid.subarray(magicLength)]), '更新版本的软件'],
    ['a PNG renamed to .alliance', () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), '不是联盟交换包'],
    ['an empty file', () => Buffer.alloc(0), '不是联盟交换包'],
    ['one flipped byte in a header value', () => flip(valid, valid.indexOf('INSTHRB01') + 4), '签名不符'],
    ['one changed character in the header sender key', () => changeChar(valid, valid.indexOf(sender.publicKey) + 10, 'A', 'B'), '与登记的不符'],
    ['one flipped byte in the signature', () => flip(valid, valid.indexOf('"signature":"') + 30), '签名不符'],
    ['one changed digit in the body hash', () => changeChar(valid, valid.indexOf('"bodySha256":"') + 20, '0', '1'), '签名不符'],
    ['one flipped byte in the body', () => flip(valid, lineEnd + 1 + Math.floor((valid.length - lineEnd) / 2)), '校验值不符'],
    ['a file over the size limit', () => valid, '文件超过', { maxBytes: valid.length - 1 }],
    ['a header line that is not JSON', () => assemble({ headerLine: '{"header": oops' }), '说明部分无法读取'],
    ['a header line with no end', () => Buffer.concat([Buffer.from('ALLIANCE-PACKAGE 1\n'), Buffer.alloc(70 * 1024, 0x20)]), '说明部分无法读取'],
    ['a header line that is not UTF-8', () => Buffer.concat([Buffer.from('ALLIANCE-PACKAGE 1\n{"header":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n'), valid.subarray(lineEnd + 1)]), '说明部分无法读取'],
    ['a header missing a field', () => assemble({ header: { ...header, counts: undefined } }), '说明信息不完整'],
    ['a header with an unknown field', () => assemble({ header: { ...header, role: 'secretariat' } }), '说明信息不完整'],
    ['a header with a malformed zone id', () => assemble({ header: { ...header, senderZoneId: 'zone:hrb; DROP' } }), '说明信息不完整'],
    ['a header with a backwards sequence', () => assemble({ header: { ...header, sequence: { from: 5, to: 4 } } }), '说明信息不完整'],
    ['a header of a newer schema version', () => encodePackage({ header: makeHeader({ schemaVersion: 6 }), body }, sender.privateKey), '请升级'],
    ['a package with no signature', () => assemble({ signWith: null }), '没有签名'],
    ['a package with an empty signature', () => assemble({ signature: '' }), '没有签名'],
    ['a package signed by another key', () => assemble({ signWith: stranger.privateKey }), '签名不符'],
    ['a header claiming another sender key than the registered one', () => encodePackage({ header: makeHeader({ senderPublicKey: stranger.publicKey }), body }, stranger.privateKey), '可能是伪造的'],
    ['a signed body that is not gzip', () => assemble({ bodyBytes: Buffer.from('{"plain":"json"}') }), '无法解压'],
    ['a signed gzip bomb (small packed, huge unpacked)', () => assemble({ bodyBytes: gzipOf(`"${' '.repeat(4 * 1024 * 1024)}"`) }), '压缩炸弹', { maxUnpackedBytes: 1024 * 1024 }],
    ['a signed body that is not JSON', () => assemble({ bodyBytes: gzipOf('{"resources": [') }), '不是有效的数据'],
    ['a signed body that is not UTF-8', () => assemble({ bodyBytes: gzipSync(Buffer.from([0x22, 0xc3, 0x28, 0x22])) }), '不是有效的数据'],
    ['`__proto__` beside the header', () => assemble({ headerLine: valid.subarray(magicLength, lineEnd).toString().replace('{"header"', '{"__proto__":{"polluted":true},"header"') }), '说明部分无法读取'],
    ['`__proto__` inside the header', () => assemble({ headerLine: valid.subarray(magicLength, lineEnd).toString().replace('"format"', '"__proto__":{"polluted":true},"format"') }), '说明部分无法读取'],
    ['`__proto__` as a record type in the counts', () => assemble({ header: JSON.parse(JSON.stringify(header).replace('"counts":{', '"counts":{"__proto__":1,')) }), '说明部分无法读取'],
    ['an escaped `\\u005f_proto__` inside the header', () => assemble({ headerLine: valid.subarray(magicLength, lineEnd).toString().replace('"counts":{', '"counts":{"\\u005f_proto__":1,') }), '说明部分无法读取'],
  ];

  for (const [name, bytes, fragment, extra] of hostile) {
    it(`refuses ${name}, saying so in Chinese`, () => {
      expect(refusal(() => decode(bytes(), extra)).message).toContain(fragment);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('accepts a file exactly at the size limit, which defaults to 64 MB', () => {
    expect(PACKAGE_MAX_BYTES).toBe(64 * 1024 * 1024);
    expect(decode(valid, { maxBytes: valid.length }).body).toEqual(body);
  });

  it('refuses the package truncated at any of several points', () => {
    const cuts = [1, 5, magicLength - 1, magicLength, magicLength + 10, lineEnd - 1, lineEnd, lineEnd + 1, lineEnd + 5, valid.length - 8, valid.length - 1];
    for (const cut of cuts) refusal(() => decode(valid.subarray(0, cut)));
  });

  it('refuses the package with any single byte flipped, anywhere', () => {
    for (let at = 0; at < valid.length; at++) refusal(() => decode(flip(valid, at)));
  });

  it('refuses random bytes, and random bytes after a valid start', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (random) => void refusal(() => decode(Buffer.from(random)))));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (random) => void refusal(() => decode(Buffer.concat([valid.subarray(0, magicLength), Buffer.from(random)])))));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (random) => void refusal(() => decode(Buffer.concat([valid.subarray(0, lineEnd + 1), Buffer.from(random)])))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => void refusal(() => decode(flip(valid, at, mask)))),
    );
  });

  it('refuses to export more than the limits allow, asking to split the export', () => {
    const big = { text: 'x'.repeat(2 * 1024 * 1024) };
    expect(refusal(() => encodePackage({ header, body: big }, sender.privateKey, { maxUnpackedBytes: 1024 * 1024 })).message).toContain('分批导出');
    expect(refusal(() => encodePackage({ header, body }, sender.privateKey, { maxBytes: 100 })).message).toContain('分批导出');
  });

  it('will not sign a header that names another key than the signing one', () => {
    expect(() => encodePackage({ header, body }, stranger.privateKey)).toThrow(/senderPublicKey/);
  });
});
