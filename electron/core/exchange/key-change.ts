import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { ExchangeKeyChangeInput } from '../../../shared/domain/exchange';
import type { z } from 'zod';
import { writeAudit } from '../audit';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { nowIso, type Actor } from '../records';
import { readInstallation } from '../settings/settings-service';
import { selectZone } from '../zones/zone-queries';
import { zoneKey } from './exchange-store';
import { localIdOf } from './global-ids';
import { decodePackage } from './package-codec';

/**
 * A zone's new key, trusted by hand: an installation reinstalled (or moved to a new PC) signs
 * with a new key, and its packages are refused until someone here has compared the new
 * fingerprint by phone and says so. The package proves it holds the new key (its signature
 * checks against it); the fingerprint the user confirmed must be that key's, so what was
 * shown is what is trusted. Recorded in the audit log with both fingerprints.
 */
export function trustChangedKey(db: Database.Database, actor: Actor, input: z.output<typeof ExchangeKeyChangeInput>): { zoneName: string; fingerprint: string } {
  const installation = readInstallation(db);
  if (!installation) throw new AppError('NOT_SET_UP', '请先完成初始设置（选择本机所属的高新区和角色）。');
  // No trusted key is consulted here: the signature is checked against the package's own key.
  const decoded = decodePackage(Buffer.from(input.dataBase64, 'base64'), { schemaVersion: LATEST_SCHEMA_VERSION, trustedKeyFor: () => null });
  const zoneId = localIdOf(db, 'zone', decoded.header.senderZoneId);
  const zone = zoneId ? selectZone(db, zoneId) : undefined;
  if (!zoneId || !zone) throw new AppError('NOT_FOUND', '交换包的发送方不在本机的高新区名录中，无法更换其密钥。');
  if (zoneId === installation.zoneId) throw new AppError('FORBIDDEN', '这个交换包自称来自本机所属的高新区，不能用它更换本机的密钥。');
  const known = zoneKey(db, zoneId);
  if (!known) throw new AppError('CONFLICT', `本机尚未登记「${zone.short_name}」的密钥：直接导入该交换包即可（首次导入时登记）。`);
  if (known.publicKey === decoded.header.senderPublicKey) throw new AppError('CONFLICT', `「${zone.short_name}」的密钥与本机登记的相同，无需更换。`);
  if (normalise(input.fingerprint) !== normalise(decoded.fingerprint)) {
    throw new AppError('VALIDATION', '新密钥指纹：与交换包中的密钥不符，未更换。请重新打开该交换包核对。', { fingerprint: '与交换包中的密钥不符' });
  }
  const source = `电话核对后更换（${nowIso().slice(0, 10)}，原指纹 ${known.fingerprint}）`;
  db.transaction(() => {
    db.prepare('UPDATE zone_keys SET public_key = ?, fingerprint = ?, source = ?, trusted_at = ? WHERE zone_id = ?').run(decoded.header.senderPublicKey, decoded.fingerprint, source, nowIso(), zoneId);
    writeAudit(db, actor, 'zone_key', zoneId, 'update', { fingerprint: known.fingerprint }, { fingerprint: decoded.fingerprint });
  })();
  return { zoneName: zone.short_name, fingerprint: decoded.fingerprint };
}

const normalise = (fingerprint: string) => fingerprint.replace(/\s/g, '').toUpperCase();
