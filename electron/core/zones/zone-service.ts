import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { ZONE_MEMBER_EDITABLE, type Zone, type ZoneCreateInput, type ZoneListInput, type ZoneSetActiveInput, type ZoneUpdateInput } from '../../../shared/domain/zone';
import { writeAudit } from '../audit';
import { newMetaRow, nowIso, type Actor } from '../records';
import { matchesQuery } from '../text-match';
import { requireRole, staleVersion } from '../rules';
import { insertZone, rowToZone, selectActiveSecretariat, selectLiveZones, selectZone, selectZoneBy, updateZoneRow, ZONE_COLUMNS, type ZoneRow } from './zone-queries';

type Fields = z.output<typeof ZoneCreateInput>;
type Patch = z.output<typeof ZoneUpdateInput>['patch'];

const MEMBER_EDITABLE = new Set(ZONE_MEMBER_EDITABLE);

/** Roster order: the secretariat, then national zones by province as the alliance lists them. */
const PROVINCE_ORDER = ['辽宁省', '吉林省', '黑龙江省', '内蒙古自治区'];

export function listZones(db: Database.Database, input: z.output<typeof ZoneListInput>): Zone[] {
  return selectLiveZones(db)
    .map(rowToZone)
    .filter((zone) => input.includeInactive || zone.active)
    .filter((zone) => !input.level || zone.level === input.level)
    .filter((zone) => matchesQuery([zone.name, zone.shortName, zone.code, zone.province, zone.city, zone.contactPerson], input.query))
    .sort(compareRosterOrder);
}

function compareRosterOrder(a: Zone, b: Zone): number {
  const rank = (zone: Zone) => [
    zone.role === 'secretariat' ? 0 : 1,
    zone.level === 'national' ? 0 : 1,
    PROVINCE_ORDER.includes(zone.province) ? PROVINCE_ORDER.indexOf(zone.province) : PROVINCE_ORDER.length,
  ];
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function getZone(db: Database.Database, id: string): Zone {
  const row = selectZone(db, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该高新区，可能已被删除。');
  return rowToZone(row);
}

export function createZone(db: Database.Database, actor: Actor, fields: Fields, options: { isDemo?: boolean } = {}): Zone {
  requireRole(actor, 'secretariat', '只有秘书长单位可以添加成员高新区。');
  return db.transaction(() => {
    assertUnique(db, fields, null);
    const meta = newMetaRow(actor, null, options.isDemo);
    if (fields.role === 'secretariat') demoteCurrentSecretariat(db, actor, meta.id);
    const row: ZoneRow = { ...meta, owner_zone_id: meta.id, ...toColumns(fields), active: 1 } as ZoneRow;
    insertZone(db, row);
    const zone = rowToZone(row);
    writeAudit(db, actor, 'zone', zone.id, 'create', null, zone);
    return zone;
  })();
}

export function updateZone(db: Database.Database, actor: Actor, input: z.output<typeof ZoneUpdateInput>): Zone {
  return db.transaction(() => {
    const before = getZone(db, input.id);
    assertMayEdit(actor, before, input.patch);
    if (before.version !== input.version) throw staleVersion(before.version);
    const patch = changedFields(before, input.patch);
    if (Object.keys(patch).length === 0) return before;
    assertUnique(db, patch, before.id);
    if (patch.role === 'member' && before.role === 'secretariat') {
      throw new AppError('CONFLICT', '联盟必须有一个秘书长单位：请将另一个高新区设为秘书长单位，原单位会自动改为成员单位。', { role: '不能直接取消秘书长单位' });
    }
    if (patch.role === 'secretariat') demoteCurrentSecretariat(db, actor, before.id);
    updateZoneRow(db, before.id, before.version, { ...toColumns(patch), updated_at: nowIso(), updated_by: actor.label });
    const after = getZone(db, before.id);
    writeAudit(db, actor, 'zone', after.id, 'update', pick(before, Object.keys(patch)), pick(after, Object.keys(patch)));
    return after;
  })();
}

export function setZoneActive(db: Database.Database, actor: Actor, input: z.output<typeof ZoneSetActiveInput>): Zone {
  requireRole(actor, 'secretariat', '只有秘书长单位可以停用或恢复成员高新区。');
  return db.transaction(() => {
    const before = getZone(db, input.id);
    if (before.version !== input.version) throw staleVersion(before.version);
    if (before.active === input.active) return before;
    if (!input.active && before.role === 'secretariat') throw new AppError('CONFLICT', '秘书长单位不能停用：请先把秘书长单位转给另一个高新区。');
    if (!input.active && before.id === actor.zoneId) throw new AppError('CONFLICT', '不能停用本机所属的高新区。');
    updateZoneRow(db, before.id, before.version, { active: input.active ? 1 : 0, updated_at: nowIso(), updated_by: actor.label });
    const after = getZone(db, before.id);
    writeAudit(db, actor, 'zone', after.id, input.active ? 'activate' : 'deactivate', { active: before.active }, { active: after.active });
    return after;
  })();
}

function assertMayEdit(actor: Actor, zone: Zone, patch: Patch): void {
  if (actor.role === 'secretariat') return;
  if (actor.zoneId !== zone.id) throw new AppError('FORBIDDEN', '成员单位只能修改本高新区的信息。');
  const locked = (Object.keys(patch) as (keyof Patch)[]).filter((k) => !MEMBER_EDITABLE.has(k) && patch[k] !== zone[k]);
  if (locked.length > 0) {
    throw new AppError('FORBIDDEN', '成员单位只能修改联系信息和备注；名称、代码、级别和角色由秘书处维护。');
  }
}

function assertUnique(db: Database.Database, fields: Partial<Fields>, selfId: string | null): void {
  for (const key of ['code', 'name'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    const other = selectZoneBy(db, key, value);
    if (other && other.id !== selfId) {
      const label = key === 'code' ? '代码' : '名称';
      throw new AppError('CONFLICT', `${label}「${value}」已被 ${other.short_name} 使用。`, { [key]: `已被 ${other.short_name} 使用` });
    }
  }
}

/** The alliance has one secretariat: naming a new one hands the role over, recorded in the audit log. */
function demoteCurrentSecretariat(db: Database.Database, actor: Actor, newSecretariatId: string): void {
  const current = selectActiveSecretariat(db);
  if (!current || current.id === newSecretariatId) return;
  updateZoneRow(db, current.id, current.version, { role: 'member', updated_at: nowIso(), updated_by: actor.label });
  writeAudit(db, actor, 'zone', current.id, 'update', { role: 'secretariat' }, { role: 'member' });
}

function changedFields(before: Zone, patch: Patch): Patch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && before[key as keyof Zone] !== value) out[key] = value;
  }
  return out as Patch;
}

function toColumns(fields: Partial<Fields>): Partial<ZoneRow> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) out[ZONE_COLUMNS[key as keyof typeof ZONE_COLUMNS]] = value;
  }
  return out as Partial<ZoneRow>;
}

function pick(zone: Zone, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, zone[k as keyof Zone]]));
}
