import type Database from 'better-sqlite3';
import { insertRow, updateVersionedRow } from '../db/rows';
import { statement } from '../db/statements';
import type { Resource, ResourceStatus, SharingMode } from '../../../shared/domain/resource';
import type { FieldSetKey } from '../../../shared/domain/resource-fields';
import { rowToMeta, type RecordMetaRow } from '../records';

export interface ResourceRow extends RecordMetaRow {
  seq: number;
  owner_zone_id: string;
  category_id: string;
  title: string;
  organisation: string;
  location: string;
  description: string;
  sharing_mode: SharingMode;
  fee_standard: string;
  fee_amount: number | null;
  contact_person: string;
  contact_phone: string;
  contact_email: string;
  tags: string; // JSON array
  extra: string; // JSON object
  status: ResourceStatus;
  review_comment: string;
  submitted_at: string | null;
  published_at: string | null;
  instrument_state: string | null;
  original_value: number | null;
  booking_mode: string | null;
}

/** A row joined with its category and owner zone, as every read returns it. */
export interface ResourceJoinedRow extends ResourceRow {
  category_name: string;
  field_set: FieldSetKey;
  zone_name: string;
}

const SELECT_JOINED = `
  SELECT r.*, c.name AS category_name, c.field_set AS field_set, z.short_name AS zone_name
  FROM resources r
  JOIN resource_categories c ON c.id = r.category_id
  JOIN zones z ON z.id = r.owner_zone_id`;

export function rowToResource(row: ResourceJoinedRow): Resource {
  // Object.assign, not `{ ...rowToMeta(row), seq, … }`: V8 (Node 20) builds a literal that adds
  // ~20 properties after a spread an order of magnitude slower (~50–100 µs against ~5 µs),
  // which showed per row in imports. Same properties, same order.
  return Object.assign(rowToMeta(row), {
    seq: row.seq,
    ownerZoneId: row.owner_zone_id,
    ownerZoneName: row.zone_name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    fieldSet: row.field_set,
    title: row.title,
    organisation: row.organisation,
    location: row.location,
    description: row.description,
    sharingMode: row.sharing_mode,
    feeStandard: row.fee_standard,
    feeAmount: row.fee_amount,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    tags: JSON.parse(row.tags) as string[],
    extra: JSON.parse(row.extra) as Record<string, string | number | null>,
    status: row.status,
    reviewComment: row.review_comment,
    submittedAt: row.submitted_at,
    publishedAt: row.published_at,
  });
}

const SELECT_ONE = `${SELECT_JOINED} WHERE r.id = ? AND r.deleted_at IS NULL`;

export function selectResource(db: Database.Database, id: string): ResourceJoinedRow | undefined {
  return statement<[string], ResourceJoinedRow>(db, SELECT_ONE).get(id);
}

/** Domain field → column, for the fields a user edits. */
export const RESOURCE_COLUMNS = {
  categoryId: 'category_id',
  ownerZoneId: 'owner_zone_id',
  title: 'title',
  organisation: 'organisation',
  location: 'location',
  description: 'description',
  sharingMode: 'sharing_mode',
  feeStandard: 'fee_standard',
  feeAmount: 'fee_amount',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  tags: 'tags',
  extra: 'extra',
} as const;

/**
 * Inserts a resource; returns it as stored, with its seq. Every column is given and the table
 * is STRICT, so the stored row is the values written (tests/core/resource-create.test.ts holds
 * this to a read-back) — no second read, no RETURNING.
 */
export function insertResource(db: Database.Database, row: Omit<ResourceRow, 'seq'>): ResourceRow {
  const seq = Number(insertRow(db, 'resources', row).lastInsertRowid);
  return Object.assign({ seq }, row);
}

export function updateResourceRow(db: Database.Database, id: string, version: number, changes: Partial<ResourceRow>): boolean {
  return updateVersionedRow(db, 'resources', id, version, changes);
}
