import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instrumentInput } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';

/**
 * Issue 8: a zone whose installation was reinstalled signs with a new key. Its packages are
 * refused loudly until someone here compares the new fingerprint by phone and trusts it.
 */

const dump = (core: TempCore) => createHash('sha256').update(core.snapshot()).digest('hex');
const fileOf = (file: { fileName: string; dataBase64: string }) => ({ fileName: file.fileName, dataBase64: file.dataBase64 });

let hrb: TempCore;
let dq: TempCore;
let reinstalled: TempCore;
beforeEach(() => {
  hrb = setUpCore('HRB', 'secretariat');
  dq = setUpCore('DQ', 'member');
  reinstalled = setUpCore('DQ', 'member'); // 大庆 on a new PC: same zone, new key
});
afterEach(() => {
  for (const core of [hrb, dq, reinstalled]) core.remove();
});

describe('a zone’s changed key', () => {
  it('is refused loudly with both fingerprints, then trusted only with the new fingerprint confirmed, after which its packages apply', () => {
    dq.ok('resources.create', instrumentInput(dq, { title: '旧电脑登记的仪器' }));
    hrb.ok('exchange.apply', fileOf(dq.ok('exchange.export', {})));
    const oldFingerprint = dq.ok('exchange.identity', {}).fingerprint;
    const newFingerprint = reinstalled.ok('exchange.identity', {}).fingerprint;
    expect(newFingerprint).not.toBe(oldFingerprint);

    reinstalled.ok('resources.create', instrumentInput(reinstalled, { title: '新电脑登记的仪器' }));
    const pkg = fileOf(reinstalled.ok('exchange.export', {}));
    const before = dump(hrb);
    const refused = hrb.fails('exchange.apply', pkg);
    expect(refused.message).toMatch(/密钥与登记的不符/);
    expect(refused.message).toContain(newFingerprint);
    expect(refused.message).toContain(oldFingerprint);
    expect(refused.fields).toEqual({ senderPublicKey: expect.stringContaining('不符') });

    // A fingerprint that is not the package's (misheard on the phone): nothing changes.
    expect(hrb.fails('exchange.trustKey', { ...pkg, fingerprint: oldFingerprint }).message).toBe('新密钥指纹：与交换包中的密钥不符，未更换。请重新打开该交换包核对。');
    // A package with one byte changed does not prove it holds the key.
    const bytes = Buffer.from(pkg.dataBase64, 'base64');
    bytes[bytes.length - 10]! ^= 1;
    expect(hrb.fails('exchange.trustKey', { ...pkg, dataBase64: bytes.toString('base64'), fingerprint: newFingerprint }).message).toMatch(/未导入任何内容/);
    expect(dump(hrb)).toBe(before);

    expect(hrb.ok('exchange.trustKey', { ...pkg, fingerprint: newFingerprint.toLowerCase().replace(/ /g, '') })).toEqual({ zoneName: '大庆高新区', fingerprint: newFingerprint });
    const key = hrb.ok('exchange.identity', {}).zoneKeys.find((k) => k.zoneName === '大庆高新区')!;
    expect(key).toMatchObject({ fingerprint: newFingerprint, source: expect.stringContaining(`原指纹 ${oldFingerprint}`) });
    expect(hrb.ok('audit.list', { recordId: key.zoneId, limit: 5 })[0]).toMatchObject({ entity: 'zone_key', action: 'update' });
    hrb.ok('exchange.apply', pkg);
    expect(hrb.ok('resources.search', { query: '新电脑登记' }).total).toBe(1);
    // And now the old installation's packages are the ones refused.
    dq.ok('resources.create', instrumentInput(dq, { title: '旧电脑又登记的仪器' }));
    expect(hrb.fails('exchange.apply', fileOf(dq.ok('exchange.export', {}))).message).toMatch(/密钥与登记的不符/);
  });

  it('is not needed for a zone with no key here yet, nor for the same key, nor for this installation’s own zone', () => {
    const pkg = fileOf((dq.ok('resources.create', instrumentInput(dq)), dq.ok('exchange.export', {})));
    const fingerprint = dq.ok('exchange.identity', {}).fingerprint;
    expect(hrb.fails('exchange.trustKey', { ...pkg, fingerprint }).message).toMatch(/尚未登记「大庆高新区」的密钥/);
    hrb.ok('exchange.apply', pkg);
    expect(hrb.fails('exchange.trustKey', { ...pkg, fingerprint }).message).toMatch(/与本机登记的相同，无需更换/);
    expect(reinstalled.fails('exchange.trustKey', { ...pkg, fingerprint }).message).toMatch(/不能用它更换本机的密钥/);
  });

  it.each([
    [{ fingerprint: 'ABCD' }, '新密钥指纹'],
    [{ fingerprint: 'ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ' }, '新密钥指纹'],
    [{ fingerprint: 42 }, '新密钥指纹'],
    [{ fingerprint: undefined }, '新密钥指纹'],
    [{ fileName: '' }, '文件名'],
    [{ dataBase64: 7 }, '文件内容'],
    [{ extra: 1 }, 'extra'],
  ])('refuses %j naming the field', (patch, label) => {
    const input = { fileName: 'a.alliance', dataBase64: 'AAAA', fingerprint: 'ABCD ABCD ABCD ABCD ABCD ABCD ABCD ABCD', ...patch };
    const error = hrb.fails('exchange.trustKey', input);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(label);
  });
});
