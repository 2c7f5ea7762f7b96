import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

/**
 * An installation's identity: an Ed25519 key pair. The public key travels in the roster and
 * in every package as base64 of its raw 32 bytes (short enough to paste); the private key
 * stays on the machine as base64 PKCS#8 DER. The fingerprint is what two clerks read to
 * each other over the phone to confirm a key before trusting it.
 */
export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

const RAW_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
// The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const BAD_PUBLIC_KEY = '公钥格式不正确（应为 44 个字符的 Base64 文本，以“=”结尾）。请从对方的安装信息中完整复制后重试。';

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(publicKey).toString('base64'), privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') };
}

/** SHA-256 of the raw key, first 16 bytes, as "3F2A 9C01 …" (8 groups): short enough to read aloud. */
export function fingerprintOf(publicKey: string): string {
  const raw = decodeBase64Exact(publicKey, RAW_KEY_BYTES);
  if (!raw) throw new AppError('VALIDATION', BAD_PUBLIC_KEY);
  const hex = createHash('sha256').update(raw).digest('hex').slice(0, 32).toUpperCase();
  return (hex.match(/.{4}/g) as string[]).join(' ');
}

/** Signs with this installation's private key; a key that cannot be read is a broken installation, not bad input. */
export function sign(privateKey: string, data: Buffer): string {
  return cryptoSign(null, data, privateKeyObject(privateKey)).toString('base64');
}

/** Whether `signature` is `publicKey`'s over `data`. Malformed keys or signatures are simply "no": it never throws. */
export function verify(publicKey: string, data: Buffer, signature: string): boolean {
  try {
    const raw = decodeBase64Exact(publicKey, RAW_KEY_BYTES);
    const sig = decodeBase64Exact(signature, SIGNATURE_BYTES);
    if (!raw || !sig) return false;
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    return cryptoVerify(null, data, key, sig);
  } catch {
    return false;
  }
}

/** The public key (base64 raw) that belongs to a private key, to check a pair is a pair. */
export function publicKeyOf(privateKey: string): string {
  return rawPublicKey(createPublicKey(privateKeyObject(privateKey))).toString('base64');
}

export const PublicKeyText = z
  .string({ error: BAD_PUBLIC_KEY })
  .refine((s) => decodeBase64Exact(s, RAW_KEY_BYTES) !== null, { error: BAD_PUBLIC_KEY });

/**
 * Base64 of exactly `bytes` bytes, in its one canonical spelling. Buffer.from(…, 'base64')
 * skips stray characters and ignores the spare bits of the last character, so one signature
 * or key would have several spellings; refusing all but one keeps "same bytes" = "same text".
 */
export function decodeBase64Exact(text: string, bytes: number): Buffer | null {
  if (typeof text !== 'string' || text.length !== Math.ceil(bytes / 3) * 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const decoded = Buffer.from(text, 'base64');
  if (decoded.length !== bytes || decoded.toString('base64') !== text) return null;
  return decoded;
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - RAW_KEY_BYTES);
}

function privateKeyObject(privateKey: string): KeyObject {
  try {
    const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // fall through to the message below
  }
  throw new AppError('INTERNAL', '本机的签名密钥无法读取，不能生成交换包。请导出日志联系秘书处，重新设置本机的密钥。');
}
