import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  OWNER_EDITABLE_STATUSES,
  resourceMachine,
  type BulkResult,
  type Resource,
  type ResourceBulkTransitionInput,
  type ResourceCreateInput,
  type ResourceTransitionInput,
  type ResourceUpdateInput,
} from '../../../shared/domain/resource';
import { writeAudit } from '../audit';
import { changedKeys, pickFields } from '../patches';
import { newMetaRow, nowIso, type Actor } from '../records';
import { staleVersion } from '../rules';
import { indexResource } from '../search/resource-index';
import { invalidateResourceCache } from '../search/resource-search';
import { selectZone, type ZoneRow } from '../zones/zone-queries';
import { getCategory } from './category-service';
import { derivedColumns, validateExtra, type ExtraValues } from './extra-fields';
import { insertResource, RESOURCE_COLUMNS, rowToResource, selectResource, updateResourceRow, type ResourceRow } from './resource-queries';

type CreateFields = z.output<typeof ResourceCreateInput>;
type Patch = z.output<typeof ResourceUpdateInput>['patch'];

export function getResource(db: Database.Database, id: string): Resource {
  const row = selectResource(db, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该资源，可能已被删除。');
  return rowToResource(row);
}

/** Members see published resources and everything of their own zone; the secretariat sees all. */
export function assertMaySee(actor: Actor, resource: Resource): void {
  if (actor.role === 'secretariat' || resource.status === 'published' || resource.ownerZoneId === actor.zoneId) return;
  throw new AppError('NOT_FOUND', '找不到该资源，或它尚未发布。');
}

export function mayEdit(actor: Actor, resource: Resource): boolean {
  if (resource.status === 'archived') return false;
  if (actor.role === 'secretariat') return true;
  return resource.ownerZoneId === actor.zoneId && OWNER_EDITABLE_STATUSES.includes(resource.status);
}

export function createResource(db: Database.Database, actor: Actor, input: CreateFields, options: { isDemo?: boolean; status?: Resource['status'] } = {}): Resource {
  const ownerZoneId = input.ownerZoneId ?? actor.zoneId;
  if (!ownerZoneId) throw new AppError('NOT_SET_UP', '请先完成初始设置。');
  if (actor.role !== 'secretariat' && ownerZoneId !== actor.zoneId) throw new AppError('FORBIDDEN', '成员单位只能登记本高新区的资源。');
  return db.transaction(() => {
    const zone = liveZone(db, ownerZoneId);
    const category = getCategory(db, input.categoryId);
    if (!category.active) throw new AppError('VALIDATION', `类别：「${category.name}」已停用。`, { categoryId: '该类别已停用' });
    const extra = validateExtra(category.fieldSet, input.extra, category.name);
    assertFeeRules(input.sharingMode, input.feeStandard);
    const meta = newMetaRow(actor, ownerZoneId, options.isDemo);
    // Object.assign rather than a spread literal: see rowToResource (this runs per imported row).
    const row: Omit<ResourceRow, 'seq'> = Object.assign(
      meta,
      {
        owner_zone_id: ownerZoneId,
        category_id: category.id,
        title: input.title,
        organisation: input.organisation,
        location: input.location,
        description: input.description,
        sharing_mode: input.sharingMode,
        fee_standard: input.feeStandard,
        fee_amount: input.feeAmount,
        contact_person: input.contactPerson,
        contact_phone: input.contactPhone,
        contact_email: input.contactEmail,
        tags: JSON.stringify(uniqueTags(input.tags)),
        extra: JSON.stringify(extra),
        status: options.status ?? 'draft',
        review_comment: '',
        submitted_at: null,
        published_at: options.status === 'published' ? meta.created_at : null,
      },
      derivedColumns(extra),
    );
    const stored = insertResource(db, row);
    indexResource(db, { seq: stored.seq, title: row.title, organisation: row.organisation, description: row.description });
    invalidateResourceCache(db);
    // What getResource would read back, joined from the category and zone this call just read.
    const created = rowToResource(Object.assign(stored, { category_name: category.name, field_set: category.fieldSet, zone_name: zone.short_name }));
    writeAudit(db, actor, 'resource', created.id, 'create', null, created);
    return created;
  })();
}

export function updateResource(db: Database.Database, actor: Actor, input: z.output<typeof ResourceUpdateInput>): Resource {
  return db.transaction(() => {
    const before = getResource(db, input.id);
    assertMaySee(actor, before);
    if (!mayEdit(actor, before)) {
      throw new AppError('FORBIDDEN', before.status === 'archived' ? '已归档的资源不能修改，请先恢复为草稿。' : '该资源已提交或发布，成员单位不能再修改；如需更正，请联系秘书处或等待退回。');
    }
    if (before.version !== input.version) throw staleVersion(before.version);
    if (input.patch.ownerZoneId && input.patch.ownerZoneId !== before.ownerZoneId) {
      if (actor.role !== 'secretariat') throw new AppError('FORBIDDEN', '只有秘书长单位可以更改资源的所属高新区。');
      liveZone(db, input.patch.ownerZoneId);
    }
    const category = getCategory(db, input.patch.categoryId ?? before.categoryId);
    const extra: ExtraValues = validateExtra(category.fieldSet, input.patch.extra ?? before.extra, category.name);
    assertFeeRules(input.patch.sharingMode ?? before.sharingMode, input.patch.feeStandard ?? before.feeStandard);
    const patch: Patch = { ...input.patch, extra, ...(input.patch.tags ? { tags: uniqueTags(input.patch.tags) } : {}) };
    const changed = changedKeys(before, patch);
    if (changed.length === 0) return before;
    const columns: Record<string, unknown> = { updated_at: nowIso(), updated_by: actor.label, ...derivedColumns(extra) };
    for (const key of changed) {
      const value = patch[key];
      columns[RESOURCE_COLUMNS[key]] = key === 'tags' || key === 'extra' ? JSON.stringify(value) : value;
    }
    updateResourceRow(db, before.id, before.version, columns as Partial<ResourceRow>);
    const after = getResource(db, before.id);
    if (changed.some((k) => k === 'title' || k === 'organisation' || k === 'description')) {
      indexResource(db, { seq: after.seq, title: after.title, organisation: after.organisation, description: after.description });
    }
    invalidateResourceCache(db);
    writeAudit(db, actor, 'resource', after.id, 'update', pickFields(before, changed), pickFields(after, changed));
    return after;
  })();
}

/** One workflow step, checked by the resource state machine. */
export function transitionResource(db: Database.Database, actor: Actor, input: z.output<typeof ResourceTransitionInput>): Resource {
  return db.transaction(() => {
    const before = getResource(db, input.id);
    assertMaySee(actor, before);
    if (before.version !== input.version) throw staleVersion(before.version);
    const status = resourceMachine.next(before.status, input.action, actor, before.ownerZoneId, input.comment);
    const at = nowIso();
    const columns: Partial<ResourceRow> = { status, updated_at: at, updated_by: actor.label };
    if (input.action === 'return') columns.review_comment = input.comment?.trim() ?? '';
    if (input.action === 'approve') columns.review_comment = '';
    if (input.action === 'submit') columns.submitted_at = at;
    if (input.action === 'publish') columns.published_at = at;
    updateResourceRow(db, before.id, before.version, columns);
    invalidateResourceCache(db);
    const after = getResource(db, before.id);
    writeAudit(db, actor, 'resource', after.id, 'transition', { status: before.status }, { status: after.status, action: input.action, ...(input.comment ? { comment: input.comment } : {}) });
    return after;
  })();
}

/** Bulk approve/publish/return from the review queue: each item on its own; failures are reported, not fatal. */
export function bulkTransition(db: Database.Database, actor: Actor, input: z.output<typeof ResourceBulkTransitionInput>): BulkResult {
  const result: BulkResult = { done: [], failed: [] };
  db.transaction(() => {
    for (const item of input.items) {
      try {
        transitionResource(db, actor, { ...item, action: input.action, comment: input.comment });
        result.done.push(item.id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const title = selectResource(db, item.id)?.title ?? item.id;
        result.failed.push({ id: item.id, title, message: error.message });
      }
    }
  })();
  return result;
}

/** The zone a resource is registered to; it must exist and be active. */
function liveZone(db: Database.Database, zoneId: string): ZoneRow {
  const zone = selectZone(db, zoneId);
  if (!zone || zone.active !== 1) throw new AppError('VALIDATION', '所属高新区：找不到或已停用。', { ownerZoneId: '找不到或已停用' });
  return zone;
}

function assertFeeRules(mode: Resource['sharingMode'], feeStandard: string): void {
  if (mode === 'paid' && !feeStandard.trim()) {
    throw new AppError('VALIDATION', '输入有误，未保存。收费标准：共享方式为「收费」时必填。', { feeStandard: '共享方式为「收费」时必填' });
  }
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}
