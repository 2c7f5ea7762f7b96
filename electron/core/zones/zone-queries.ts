import type Database from 'better-sqlite3';
import { insertRow, updateVersionedRow } from '../db/rows';
import { statement } from '../db/statements';
import type { Zone } from '../../../shared/domain/zone';
import { rowToMeta, type RecordMetaRow } from '../records';

export interface ZoneRow extends RecordMetaRow {
  code: string;
  name: string;
  short_name: string;
  level: Zone['level'];
  province: string;
  city: string;
  contact_person: string;
  phone: string;
  email: string;
  joined_on: string;
  role: Zone['role'];
  notes: string;
  active: number;
}

export function rowToZone(row: ZoneRow): Zone {
  // Object.assign rather than a spread literal: see rowToResource. Same properties, same order.
  return Object.assign(rowToMeta(row), {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    province: row.province,
    city: row.city,
    contactPerson: row.contact_person,
    phone: row.phone,
    email: row.email,
    joinedOn: row.joined_on,
    role: row.role,
    notes: row.notes,
    active: row.active === 1,
  });
}

/** Domain field name → column name, for the editable zone fields. */
export const ZONE_COLUMNS = {
  code: 'code',
  name: 'name',
  shortName: 'short_name',
  level: 'level',
  province: 'province',
  city: 'city',
  contactPerson: 'contact_person',
  phone: 'phone',
  email: 'email',
  joinedOn: 'joined_on',
  role: 'role',
  notes: 'notes',
} as const satisfies Record<string, keyof ZoneRow>;

export function selectLiveZones(db: Database.Database): ZoneRow[] {
  return statement<[], ZoneRow>(db, 'SELECT * FROM zones WHERE deleted_at IS NULL ORDER BY id').all();
}

export function selectZone(db: Database.Database, id: string): ZoneRow | undefined {
  return statement<[string], ZoneRow>(db, 'SELECT * FROM zones WHERE id = ? AND deleted_at IS NULL').get(id);
}

export function selectZoneBy(db: Database.Database, column: 'code' | 'name', value: string): ZoneRow | undefined {
  return statement<[string], ZoneRow>(db, `SELECT * FROM zones WHERE ${column} = ? AND deleted_at IS NULL`).get(value);
}

export function selectActiveSecretariat(db: Database.Database): ZoneRow | undefined {
  return statement<[], ZoneRow>(db, "SELECT * FROM zones WHERE role = 'secretariat' AND active = 1 AND deleted_at IS NULL LIMIT 1").get();
}

export function insertZone(db: Database.Database, row: ZoneRow): void {
  insertRow(db, 'zones', row);
}

/** Writes the changed columns and bumps the version, only if the version is still `version`. */
export function updateZoneRow(db: Database.Database, id: string, version: number, changes: Partial<ZoneRow>): boolean {
  return updateVersionedRow(db, 'zones', id, version, changes);
}
