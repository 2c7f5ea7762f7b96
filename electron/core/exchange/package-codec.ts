import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { recordId } from '../../../shared/validation';
import { newId } from '../records';
import { fingerprintOf, PublicKeyText, publicKeyOf, sign, verify } from './keys';

/**
 * The exchange package file (.alliance), which carries records between installations on a
 * USB stick or through a synced folder — so it must survive (and refuse) anything a copy, a
 * tool or a person can do to it. Layout:
 *
 *   ALLIANCE-PACKAGE 1\n                                  magic line, UTF-8
 *   {"header":{…},"bodySha256":"…","signature":"…"}\n      one line of JSON
 *   <gzip of the JSON body>                                 to the end of the file
 *
 * The sender's Ed25519 signature covers `canonicalJson(header) + '\n' + bodySha256`, and
 * bodySha256 is the hex SHA-256 of the compressed body bytes, so one signature check vouches
 * for every byte after the magic line. Decoding is pure: no database, no replays or authority
 * checks — those belong to the importer, which gets the header, the body and the fingerprint.
 */

/** A package file larger than this is refused before anything is read. */
export const PACKAGE_MAX_BYTES = 64 * 1024 * 1024;
/**
 * The most the body may unpack to. Kept well under V8's longest string (~512 MB), since the
 * body is decoded to one string for JSON.parse; a bigger export must be split.
 */
export const PACKAGE_MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** The JSON header line is a few hundred bytes; a longer one is not ours. */
const HEADER_LINE_MAX_BYTES = 64 * 1024;

const FORMAT_VERSION = 1;
const MAGIC_PREFIX = 'ALLIANCE-PACKAGE ';
const MAGIC = Buffer.from(`${MAGIC_PREFIX}${FORMAT_VERSION}\n`, 'utf8');
const NEWLINE = 0x0a;

export const PackageHeader = z.strictObject({
  format: z.literal('alliance-package'),
  formatVersion: z.literal(FORMAT_VERSION),
  packageId: recordId,
  senderInstallationId: z.string().regex(/^[A-Za-z0-9]{1,32}$/),
  // The zone's global id: a ULID, or `zone:CODE` for a zone of the built-in roster (see global-ids.ts).
  senderZoneId: z.union([recordId, z.string().regex(/^zone:[A-Z][A-Z0-9]{1,11}$/)]),
  senderPublicKey: PublicKeyText,
  schemaVersion: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  sequence: z
    .strictObject({ from: z.number().int().min(1), to: z.number().int().min(1) })
    .refine((s) => s.to >= s.from, { error: '序号范围不正确' }),
  // Record type → how many. Keys start with a letter, so `__proto__` and friends never get in.
  counts: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/), z.number().int().min(0)),
});
export type PackageHeader = z.infer<typeof PackageHeader>;

/** The header line around the header; the header itself is checked on its own for its own message. */
const Envelope = z.strictObject({
  header: z.unknown(),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().max(200).optional(),
});

export interface DecodeOptions {
  /** This installation's database schema version: a package from a newer one is refused. */
  schemaVersion: number;
  /** The roster's public key for a zone, or null when none is registered yet. */
  trustedKeyFor(zoneId: string): string | null;
  /** Injected limits, for tests; default to the constants above. */
  maxBytes?: number;
  maxUnpackedBytes?: number;
}

export interface DecodedPackage {
  header: PackageHeader;
  body: unknown;
  /** The sender key's fingerprint, for the clerk to compare by phone. */
  fingerprint: string;
}

/** A package whose header, signature and body hash are checked, its body not unpacked yet. */
export interface OpenedPackage {
  header: PackageHeader;
  fingerprint: string;
  /** Unpacks and parses the body (refusing a compression bomb or text that is not JSON). */
  readBody(): unknown;
}

/** A new package id (a ULID, like every record id). */
export function newPackageId(): string {
  return newId();
}

export function encodePackage(
  input: { header: PackageHeader; body: unknown },
  privateKey: string,
  limits: { maxBytes?: number; maxUnpackedBytes?: number } = {},
): Buffer {
  const maxBytes = limits.maxBytes ?? PACKAGE_MAX_BYTES;
  const maxUnpackedBytes = limits.maxUnpackedBytes ?? PACKAGE_MAX_UNPACKED_BYTES;
  // A bad header or a mismatched key is a bug in the exporter, not something a clerk can fix.
  const parsed = PackageHeader.safeParse(input.header);
  if (!parsed.success) throw new Error(`package header invalid: ${parsed.error.message}`);
  const header = parsed.data;
  if (publicKeyOf(privateKey) !== header.senderPublicKey) throw new Error('package header: senderPublicKey does not belong to the signing key');

  const json = JSON.stringify(input.body);
  if (json === undefined) throw new Error('package body is not JSON-serialisable');
  const text = Buffer.from(json, 'utf8');
  if (text.length > maxUnpackedBytes) throw tooMuchToExport(maxUnpackedBytes);
  const body = gzipSync(text);
  const bodySha256 = sha256Hex(body);
  const signature = sign(privateKey, signedBytes(header, bodySha256));
  const line = Buffer.from(`${JSON.stringify({ header, bodySha256, signature })}\n`, 'utf8');
  const file = Buffer.concat([MAGIC, line, body]);
  if (file.length > maxBytes) throw tooMuchToExport(maxBytes);
  return file;
}

/**
 * Reads and checks a package, cheapest and most telling check first, each refusal with its
 * own message; the body is parsed only once every check has passed.
 */
export function decodePackage(bytes: Buffer, options: DecodeOptions): DecodedPackage {
  const opened = openPackage(bytes, options);
  return { header: opened.header, body: opened.readBody(), fingerprint: opened.fingerprint };
}

/**
 * decodePackage's checks up to the body hash: the header is then the sender's own (the
 * signature covers it and the body's hash), so an importer can recognise a package it has
 * already applied before paying for unpacking and parsing the body (readBody does that, with
 * the remaining checks).
 */
export function openPackage(bytes: Buffer, options: DecodeOptions): OpenedPackage {
  const maxBytes = options.maxBytes ?? PACKAGE_MAX_BYTES;
  const maxUnpackedBytes = options.maxUnpackedBytes ?? PACKAGE_MAX_UNPACKED_BYTES;

  if (bytes.length > maxBytes) throw refuse(`文件超过 ${megabytes(maxBytes)} MB，不是有效的交换包，未导入任何内容。请确认选择的是对方用本软件导出的 .alliance 文件。`);
  checkMagic(bytes);

  const lineEnd = bytes.indexOf(NEWLINE, MAGIC.length);
  if (lineEnd < 0 || lineEnd - MAGIC.length > HEADER_LINE_MAX_BYTES) throw headerUnreadable();
  const envelope = Envelope.safeParse(parseJson(bytes.subarray(MAGIC.length, lineEnd), refuseProtoKeys));
  if (!envelope.success) throw headerUnreadable();
  const parsedHeader = PackageHeader.safeParse(envelope.data.header);
  if (!parsedHeader.success) throw refuse('交换包的说明信息不完整或格式不正确，文件已损坏、被改动或不是本软件生成的，未导入任何内容。请让对方用本软件重新导出。');
  const header = parsedHeader.data;
  const { bodySha256, signature } = envelope.data;

  // Older versions are accepted for now: the body format has not changed since version 1. When
  // it does, the importer upgrades old bodies (or a minimum is added here).
  if (header.schemaVersion > options.schemaVersion) {
    throw refuse(`这个交换包由更新版本的软件生成（数据版本 ${header.schemaVersion}，本机为 ${options.schemaVersion}），本机无法读取，未导入任何内容。请升级本软件后再导入。`);
  }

  const trusted = options.trustedKeyFor(header.senderZoneId);
  if (trusted !== null && trusted !== header.senderPublicKey) {
    // Loud, with both fingerprints: a reinstalled installation has a new key, a forger too —
    // only a phone call tells them apart (exchange.trustKey then takes the new one).
    const known = fingerprintOf(trusted);
    const claimed = fingerprintOf(header.senderPublicKey);
    throw new AppError(
      'VALIDATION',
      `交换包中发送方的密钥与登记的不符（登记的指纹 ${known}，此包的指纹 ${claimed}），可能是伪造的，也可能是对方重装了软件，未导入任何内容。请打电话与该高新区核对新指纹；核对一致后，可在「导入交换包」中选择此文件并改为信任新密钥。`,
      { senderPublicKey: `与登记的密钥不符，此包的指纹 ${claimed}` },
    );
  }

  if (!signature) throw refuse('交换包没有签名，无法确认来源，未导入任何内容。请让对方用本软件重新导出。');
  if (!verify(header.senderPublicKey, signedBytes(header, bodySha256), signature)) {
    throw refuse('交换包签名不符，文件已损坏或被改动，未导入任何内容。请重新复制，或让对方重新导出。');
  }

  const body = bytes.subarray(lineEnd + 1);
  if (sha256Hex(body) !== bodySha256) {
    throw refuse('交换包内容不完整或已损坏（校验值不符），可能是复制时中断，未导入任何内容。请重新复制，或让对方重新导出。');
  }

  const readBody = (): unknown => {
    let text: Buffer;
    try {
      text = gunzipSync(body, { maxOutputLength: maxUnpackedBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw refuse(`交换包解压后超过 ${megabytes(maxUnpackedBytes)} MB，不能导入（可能是「压缩炸弹」，或内容过多），未导入任何内容。请让对方分批导出。`);
      }
      throw refuse('交换包的内容无法解压，文件已损坏，未导入任何内容。请让对方用本软件重新导出。');
    }
    const parsedBody = parseJson(text);
    if (parsedBody === NOT_JSON) throw refuse('交换包的内容无法读取（不是有效的数据），未导入任何内容。请让对方用本软件重新导出。');
    return parsedBody;
  };

  return { header, fingerprint: fingerprintOf(header.senderPublicKey), readBody };
}

/**
 * JSON with object keys sorted (recursively), so the signed text does not depend on the order
 * a header's fields were written in. Only JSON values; undefined fields are left out as
 * JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error('canonicalJson: not a JSON value');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

function signedBytes(header: PackageHeader, bodySha256: string): Buffer {
  return Buffer.from(`${canonicalJson(header)}\n${bodySha256}`, 'utf8');
}

function checkMagic(bytes: Buffer): void {
  if (bytes.subarray(0, MAGIC.length).equals(MAGIC)) return;
  // Our own magic with a later format number: say "upgrade", not "not a package".
  const m = /^ALLIANCE-PACKAGE (\d{1,6})\n/.exec(bytes.subarray(0, MAGIC_PREFIX.length + 8).toString('latin1'));
  if (m && Number(m[1]) > FORMAT_VERSION) {
    throw refuse('这个交换包由更新版本的软件生成（文件格式更新），本机无法读取，未导入任何内容。请升级本软件后再导入。');
  }
  throw refuse('这不是联盟交换包（.alliance）文件，未导入任何内容。请确认选择的是对方用本软件导出的交换包。');
}

const NOT_JSON = Symbol('not json');

/** UTF-8 (strictly) then JSON; NOT_JSON when either fails. */
function parseJson(bytes: Buffer, reviver?: (key: string, value: unknown) => unknown): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), reviver);
  } catch {
    return NOT_JSON;
  }
}

/**
 * JSON.parse keeps a `__proto__` key as a harmless own property, but zod's records silently
 * drop it and any later Object.assign would turn it into a prototype: our exporter never
 * writes one, so a header with one anywhere is refused outright. (The body is left to the
 * importer's schemas, which drop such keys; a reviver over a large body is too slow.)
 */
function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new Error('__proto__ key');
  return value;
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 100) / 100;
}

const refuse = (message: string) => new AppError('VALIDATION', message);
const headerUnreadable = () => refuse('交换包的说明部分无法读取，文件已损坏或被改动，未导入任何内容。请重新复制，或让对方重新导出。');
const tooMuchToExport = (max: number) => refuse(`要导出的内容过多（超过 ${megabytes(max)} MB），未生成交换包。请缩小范围，分批导出。`);
