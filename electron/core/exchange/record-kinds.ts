import type Database from 'better-sqlite3';
import { resourceMachine, type ResourceStatus } from '../../../shared/domain/resource';
import { indexResource, unindexResource } from '../search/resource-index';

/**
 * The record kinds that travel between installations, and what the exchange needs to know
 * about each: its table, the columns that stay local, the columns that name other records
 * (translated to global ids on the way out and back), who may send a change, and what to
 * redo after applying one (the search index).
 */

export type Row = Record<string, unknown>;

export interface Sender {
  /** The sender's zone here (local id). */
  zoneId: string;
  secretariat: boolean;
}

export interface RecordKind {
  kind: string;
  table: string;
  /** What a clerk calls one: 科技资源. */
  noun: string;
  /** Columns that never travel (a local integer key). */
  localOnly: readonly string[];
  /** Column → the kind of record it names. */
  refs: Readonly<Record<string, string>>;
  /** Why the sender may not make this change, or null. `before` is the receiver's current row (local ids). */
  authorise(sender: Sender, before: Row | null, after: Row): string | null;
  /** What a person reads in a preview. */
  label(row: Row): string;
  afterApply?(db: Database.Database, before: Row | null, after: Row): void;
}

const SECRETARIAT_ONLY = '只有秘书长单位可以修改';

/** The contact fields a member may change on its own zone's roster entry. */
const OWN_ZONE_FIELDS = new Set(['contact_person', 'phone', 'email', 'notes', 'updated_at', 'updated_by', 'version']);

const zoneKind: RecordKind = {
  kind: 'zone',
  table: 'zones',
  noun: '成员高新区',
  localOnly: [],
  refs: { owner_zone_id: 'zone' },
  authorise(sender, before, after) {
    if (sender.secretariat) return null;
    if (!before || before.id !== sender.zoneId) return `名录：${SECRETARIAT_ONLY}`;
    const changed = Object.keys(after).filter((k) => after[k] !== before[k] && !OWN_ZONE_FIELDS.has(k));
    return changed.length === 0 ? null : `名录：成员单位只能修改本高新区的联系方式（改动了 ${changed.join('、')}）`;
  },
  label: (row) => String(row.short_name ?? row.name ?? ''),
};

const resourceCategoryKind: RecordKind = {
  kind: 'resource_category',
  table: 'resource_categories',
  noun: '资源类别',
  localOnly: [],
  refs: { owner_zone_id: 'zone' },
  authorise: (sender) => (sender.secretariat ? null : `资源类别：${SECRETARIAT_ONLY}`),
  label: (row) => String(row.name ?? ''),
};

/** Whether a member may move a resource from one status to another (the machine's owner transitions). */
function ownerMayMove(from: ResourceStatus | null, to: ResourceStatus): boolean {
  if (from === to) return true;
  if (from === null) return to === 'draft' || to === 'submitted';
  return resourceMachine.transitions.some((t) => t.by.includes('owner') && t.from.includes(from) && t.to === to);
}

const resourceKind: RecordKind = {
  kind: 'resource',
  table: 'resources',
  noun: '科技资源',
  localOnly: ['seq'],
  refs: { owner_zone_id: 'zone', category_id: 'resource_category' },
  authorise(sender, before, after) {
    if (sender.secretariat) return null;
    if (after.owner_zone_id !== sender.zoneId || (before && before.owner_zone_id !== sender.zoneId)) return '成员单位只能登记和修改本高新区的资源';
    const from = (before?.status as ResourceStatus | undefined) ?? null;
    const to = after.status as ResourceStatus;
    if (!ownerMayMove(from, to)) return `审核结论（通过、退回、发布）只能由秘书长单位作出（状态 ${from ?? '无'} → ${to}）`;
    if (before && (after.review_comment !== before.review_comment || after.published_at !== before.published_at)) return '审核意见和发布时间只能由秘书长单位修改';
    return null;
  },
  label: (row) => String(row.title ?? ''),
  afterApply(db, before, after) {
    const seq = db.prepare<[string], number>('SELECT seq FROM resources WHERE id = ?').pluck().get(after.id as string);
    if (seq === undefined) return;
    if (before) unindexResource(db, seq);
    indexResource(db, { seq, title: after.title as string, organisation: after.organisation as string, description: after.description as string });
  },
};

/** In dependency order: a zone before the records it owns, a category before its resources. */
export const RECORD_KINDS: readonly RecordKind[] = [zoneKind, resourceCategoryKind, resourceKind];

export const kindOf = (kind: string): RecordKind | undefined => RECORD_KINDS.find((k) => k.kind === kind);
