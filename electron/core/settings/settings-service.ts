import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Installation, SettingsUpdateInput, SetupInput } from '../../../shared/domain/settings';
import { type Actor } from '../records';
import { selectZone } from '../zones/zone-queries';

const INSTALLATION_KEY = 'installation';

export function readSetting<T>(db: Database.Database, key: string): T | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as T) : null;
}

export function writeSetting(db: Database.Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function readInstallation(db: Database.Database): Installation | null {
  return readSetting<Installation>(db, INSTALLATION_KEY);
}

/** The identity every change is recorded under; `null` before the first-run wizard. */
export function actorOf(db: Database.Database, installation: Installation | null): Actor | null {
  if (!installation) return null;
  const zone = selectZone(db, installation.zoneId);
  const who = installation.operatorName || '本机用户';
  return { label: `${who}（${zone?.short_name ?? '未知高新区'}）`, zoneId: installation.zoneId, role: installation.role };
}

/** First-run wizard. Returns the new installation; demo data is loaded by the caller in the same transaction. */
export function completeSetup(db: Database.Database, input: z.output<typeof SetupInput>): Installation {
  if (readInstallation(db)) throw new AppError('CONFLICT', '本机已完成初始设置；如需更改所属高新区或角色，请到「设置」中修改。');
  assertUsableZone(db, input.zoneId);
  const installation: Installation = { zoneId: input.zoneId, role: input.role, operatorName: input.operatorName, language: input.language };
  writeSetting(db, INSTALLATION_KEY, installation);
  return installation;
}

export function updateInstallation(db: Database.Database, patch: z.output<typeof SettingsUpdateInput>): Installation {
  const current = readInstallation(db);
  if (!current) throw new AppError('NOT_SET_UP', '请先完成初始设置。');
  if (patch.zoneId !== undefined) assertUsableZone(db, patch.zoneId);
  const next: Installation = {
    zoneId: patch.zoneId ?? current.zoneId,
    role: patch.role ?? current.role,
    operatorName: patch.operatorName ?? current.operatorName,
    language: patch.language ?? current.language,
  };
  writeSetting(db, INSTALLATION_KEY, next);
  return next;
}

function assertUsableZone(db: Database.Database, zoneId: string): void {
  const zone = selectZone(db, zoneId);
  if (!zone) throw new AppError('VALIDATION', '所属高新区：找不到该高新区。', { zoneId: '找不到该高新区' });
  if (zone.active !== 1) throw new AppError('VALIDATION', `所属高新区：${zone.short_name} 已停用。`, { zoneId: '该高新区已停用' });
}
