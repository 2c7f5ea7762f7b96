import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { Role } from '../../shared/domain/record';

// ulid's own source makes one crypto call per random character, 16 for each id of a new
// millisecond (~50 µs an id, ~1 µs pooled; an import makes two a row). The same bytes, from the
// same source, drawn from a pooled buffer instead.
const randomBytes = new Uint8Array(4096);
let nextByte = randomBytes.length;

/** A random fraction in [0, 1) exactly as ulid's default source makes it: one byte / 256. */
function randomFraction(): number {
  if (nextByte === randomBytes.length) {
    randomFillSync(randomBytes);
    nextByte = 0;
  }
  return (randomBytes[nextByte++] as number) / 256;
}

const nextUlid = monotonicFactory(randomFraction);

/** A new globally unique, time-sortable record id (ULID). */
export function newId(): string {
  return nextUlid();
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Who is making a change: this installation's operator, zone and role. */
export interface Actor {
  label: string; // e.g. 张三（哈尔滨高新区）, as written into created_by / audit
  zoneId: string | null;
  role: Role | null;
}

export const SYSTEM_ACTOR: Actor = { label: '系统', zoneId: null, role: null };

/** The columns every shared record has, as stored. */
export interface RecordMetaRow {
  id: string;
  owner_zone_id: string | null;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  version: number;
  deleted_at: string | null;
  is_demo: number;
}

export function rowToMeta(row: RecordMetaRow) {
  return {
    id: row.id,
    ownerZoneId: row.owner_zone_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    version: row.version,
    deletedAt: row.deleted_at,
    isDemo: row.is_demo === 1,
  };
}

/** Meta columns for a new record. */
export function newMetaRow(actor: Actor, ownerZoneId: string | null, isDemo = false): RecordMetaRow {
  const at = nowIso();
  return {
    id: newId(),
    owner_zone_id: ownerZoneId,
    created_at: at,
    updated_at: at,
    created_by: actor.label,
    updated_by: actor.label,
    version: 1,
    deleted_at: null,
    is_demo: isDemo ? 1 : 0,
  };
}
