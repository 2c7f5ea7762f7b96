import type Database from 'better-sqlite3';
import { newMetaRow } from '../../electron/core/records';
import { derivedColumns } from '../../electron/core/resources/extra-fields';
import { invalidateResourceCache } from '../../electron/core/search/resource-search';
import type { GeneratedResource } from '../generate/types';

/**
 * Puts the generated registry straight into the app's resources table, in one transaction
 * (the service path is per record and much slower). The text index is left to the caller
 * (rebuildResourceIndex), which the measures time or not as they need.
 */
export function loadResources(db: Database.Database, resources: readonly GeneratedResource[]): void {
  const categories = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM resource_categories').all().map((c) => [c.code, c.id]));
  const zones = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM zones').all().map((z) => [z.code, z.id]));
  const insert = db.prepare(`
    INSERT INTO resources (seq, id, owner_zone_id, created_at, updated_at, created_by, updated_by, version, deleted_at, is_demo, category_id, title, organisation, location, description,
      sharing_mode, fee_standard, fee_amount, contact_person, contact_phone, contact_email, tags, extra, status, review_comment, submitted_at, published_at, instrument_state, original_value, booking_mode)
    VALUES (@seq, @id, @owner, @createdAt, @updatedAt, 'bench', 'bench', 1, NULL, 0, @category, @title, @organisation, @location, @description,
      @sharingMode, @feeStandard, @feeAmount, @contactPerson, @contactPhone, @contactEmail, @tags, @extra, @status, '', NULL, NULL, @instrument_state, @original_value, @booking_mode)`);
  db.transaction(() => {
    for (const r of resources) {
      insert.run({
        ...r,
        id: r.id || newMetaRow({ label: 'bench', zoneId: null, role: null }, null).id,
        owner: zones.get(r.ownerZoneCode)!,
        category: categories.get(r.categoryCode)!,
        tags: JSON.stringify(r.tags),
        extra: JSON.stringify(r.extra),
        ...derivedColumns(r.extra),
      });
    }
  })();
  invalidateResourceCache(db);
}
