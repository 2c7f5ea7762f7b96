import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { RESOURCE_STATUS_LABELS, resourceMachine, type ResourceStatus } from '../../../shared/domain/resource';
import { eventText, selectEvent } from '../events/event-queries';
import { scenarioText, selectScenario } from '../scenarios/scenario-queries';
import { indexResource, unindexResource } from '../search/resource-index';
import { indexText } from '../search/text-index';

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
  /** The key columns of a table without an `id` (its rows are deleted for real). */
  key?: readonly string[];
  /** Column → the kind of record it names. */
  refs: Readonly<Record<string, string>>;
  /** Column holding a JSON list of ids → the kind they name (co-host zones…); a missing one does not hold the version back. */
  listRefs?: Readonly<Record<string, string>>;
  /** Why the sender may not make this change, or null. `before` is the receiver's current row (local ids). */
  authorise(sender: Sender, before: Row | null, after: Row, db: Database.Database): string | null;
  /** What a person reads in a preview. */
  label(row: Row): string;
  /** The column naming a file by its SHA-256: the file travels with the version. */
  blobColumn?: string;
  /** A record the row hangs on that `refs` cannot name (its kind is in another column): [kind, global id]. */
  dependsOn?(row: Row): [string, string] | null;
  afterApply?(db: Database.Database, before: Row | null, after: Row): void;
}

const SECRETARIAT_ONLY = '只有秘书长单位可以修改';

/** The contact fields a member may change on its own zone's roster entry. */
const OWN_ZONE_FIELDS = ['contact_person', 'phone', 'email', 'notes'];

const zoneKind: RecordKind = {
  kind: 'zone',
  table: 'zones',
  noun: '成员高新区',
  localOnly: [],
  refs: { owner_zone_id: 'zone' },
  authorise(sender, before, after) {
    if (sender.secretariat) return null;
    if (!before || before.id !== sender.zoneId) return `名录：${SECRETARIAT_ONLY}`;
    return onlyChanged(before, after, OWN_ZONE_FIELDS) ? null : '名录：成员单位只能修改本高新区的联系方式';
  },
  label: (row) => String(row.short_name ?? row.name ?? ''),
};

/** A configurable list (categories, types, indicators): the secretariat's alone. */
function listKind(kind: string, table: string, noun: string): RecordKind {
  return {
    kind,
    table,
    noun,
    localOnly: [],
    refs: { owner_zone_id: 'zone' },
    authorise: (sender) => (sender.secretariat ? null : `${noun}：${SECRETARIAT_ONLY}`),
    label: (row) => String(row.name ?? ''),
  };
}

/** A record only the secretariat writes, labelled its own way. */
function listKindLike(kind: string, table: string, noun: string, label: (row: Row) => string): RecordKind {
  return { ...listKind(kind, table, noun), label };
}

/** A record its zone runs itself (listings, events): a member sends only its own zone's. */
function ownZoneOnly(noun: string) {
  return (sender: Sender, before: Row | null, after: Row): string | null => {
    if (sender.secretariat) return null;
    return after.owner_zone_id === sender.zoneId && (!before || before.owner_zone_id === sender.zoneId) ? null : `成员单位只能发布和修改本高新区的${noun}`;
  };
}

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
    if (!ownerMayMove(from, to)) return `审核结论（通过、退回、发布）只能由秘书长单位作出（状态「${from ? RESOURCE_STATUS_LABELS[from] : '新登记'}」→「${RESOURCE_STATUS_LABELS[to] ?? to}」）`;
    if (before && (after.review_comment !== before.review_comment || after.published_at !== before.published_at)) return '审核意见和发布时间只能由秘书长单位修改';
    return null;
  },
  label: (row) => String(row.title ?? ''),
  afterApply(db, before, after) {
    const seq = statement<[string], number>(db, 'SELECT seq FROM resources WHERE id = ?', 'pluck').get(after.id as string);
    if (seq === undefined) return;
    if (before) unindexResource(db, seq);
    indexResource(db, { seq, title: after.title as string, organisation: after.organisation as string, description: after.description as string });
  },
};

const scenarioKind: RecordKind = {
  kind: 'scenario',
  table: 'scenarios',
  noun: '场景清单',
  localOnly: ['seq'],
  refs: { owner_zone_id: 'zone', category_id: 'scenario_category' },
  authorise: ownZoneOnly('场景清单'),
  label: (row) => String(row.title ?? ''),
  afterApply(db, _before, after) {
    const s = selectScenario(db, after.id as string);
    if (s) indexText(db, 'scenario', s.seq, scenarioText(s));
  },
};

const eventKind: RecordKind = {
  kind: 'event',
  table: 'events',
  noun: '创新活动',
  localOnly: ['seq'],
  refs: { owner_zone_id: 'zone', type_id: 'event_type' },
  listRefs: { co_host_zone_ids: 'zone' },
  authorise: ownZoneOnly('活动'),
  label: (row) => String(row.title ?? ''),
  afterApply(db, _before, after) {
    const e = selectEvent(db, after.id as string);
    if (e) indexText(db, 'event', e.seq, eventText(e));
  },
};

/** Whose zone runs the record `id` of `table` here (a listing's, an event's). */
const ownerOf = (db: Database.Database, table: string, id: unknown) => statement<[string], string | null>(db, `SELECT owner_zone_id FROM ${table} WHERE id = ?`, 'pluck').get(String(id)) ?? null;

/** An application: its applicant's zone applies and withdraws; the listing's zone decides. */
const applicationKind: RecordKind = {
  kind: 'application',
  table: 'scenario_applications',
  noun: '揭榜申报',
  localOnly: [],
  refs: { owner_zone_id: 'zone', scenario_id: 'scenario' },
  authorise(sender, before, after, db) {
    if (sender.secretariat || ownerOf(db, 'scenarios', after.scenario_id) === sender.zoneId) return null;
    if (after.owner_zone_id !== sender.zoneId || (before && before.owner_zone_id !== sender.zoneId)) return '成员单位只能为本高新区的单位申报';
    const decided = before ? after.status !== before.status && after.status !== 'withdrawn' : after.status !== 'submitted';
    return decided || (before && after.decision_note !== before.decision_note) ? '入围、揭榜和不予入选只能由发布清单的高新区或秘书长单位决定' : null;
  },
  label: (row) => String(row.organisation ?? ''),
};

/** A registration: the participant's zone, or the event's host (who checks people in). */
const registrationKind: RecordKind = {
  kind: 'registration',
  table: 'event_registrations',
  noun: '活动报名',
  localOnly: [],
  refs: { owner_zone_id: 'zone', event_id: 'event' },
  authorise(sender, before, after, db) {
    if (sender.secretariat || ownerOf(db, 'events', after.event_id) === sender.zoneId) return null;
    return after.owner_zone_id === sender.zoneId && (!before || before.owner_zone_id === sender.zoneId) ? null : '成员单位只能为本高新区的人员报名';
  },
  label: (row) => String(row.name ?? ''),
};

const ATTACHED_TO: Readonly<Record<string, string>> = { resource: 'resources', scenario: 'scenarios', application: 'scenario_applications', event: 'events' };

/** A file on a record: whoever may change the record may add or remove its files. */
const attachmentKind: RecordKind = {
  kind: 'attachment',
  table: 'attachments',
  noun: '附件',
  localOnly: [],
  refs: {},
  blobColumn: 'sha256',
  dependsOn: (row) => (typeof row.record_kind === 'string' && typeof row.record_id === 'string' ? [row.record_kind, row.record_id] : null),
  authorise(sender, before, after, db) {
    const table = ATTACHED_TO[String(after.record_kind)];
    if (!table || (before && (before.record_kind !== after.record_kind || before.record_id !== after.record_id))) return '附件所属的记录不正确';
    const exists = statement<[string]>(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(String(after.record_id));
    if (!exists) return '附件所属的记录尚未收到';
    if (sender.secretariat) return null;
    return ownerOf(db, table, after.record_id) === sender.zoneId ? null : '成员单位只能为本高新区的记录添加或删除附件';
  },
  label: (row) => String(row.file_name ?? ''),
};

/** Whether only `allowed` columns differ between two rows (and the bookkeeping ones). */
function onlyChanged(before: Row, after: Row, allowed: readonly string[]): boolean {
  const free = new Set([...allowed, 'updated_at', 'updated_by', 'version']);
  return Object.keys(after).every((k) => free.has(k) || after[k] === before[k]);
}

/** A sharing request: the requesting zone asks and cancels; the resource's zone decides. */
const sharingRequestKind: RecordKind = {
  kind: 'sharing_request',
  table: 'sharing_requests',
  noun: '共享申请',
  localOnly: [],
  refs: { owner_zone_id: 'zone', resource_id: 'resource', requester_zone_id: 'zone' },
  authorise(sender, before, after, db) {
    if (sender.secretariat || ownerOf(db, 'resources', after.resource_id) === sender.zoneId) return null;
    if (after.requester_zone_id !== sender.zoneId || (before && before.requester_zone_id !== sender.zoneId)) return '成员单位只能为本高新区提出共享申请';
    const decided = before ? after.status !== before.status && after.status !== 'cancelled' : after.status !== 'pending';
    return decided || (before && after.decision_note !== before.decision_note) ? '同意、拒绝和完成只能由资源所属的高新区或秘书长单位决定' : null;
  },
  label: (row) => String(row.organisation ?? ''),
};

/** The plan is the secretariat's; a work item's lead zone reports its status and progress. */
const planKind = listKindLike('plan', 'plans', '年度计划', (row) => `${String(row.year ?? '')} 年计划`);
const planWorkItemKind: RecordKind = {
  kind: 'plan_work_item',
  table: 'plan_work_items',
  noun: '重点工作',
  localOnly: [],
  refs: { owner_zone_id: 'zone' },
  authorise(sender, before, after) {
    if (sender.secretariat) return null;
    return before && before.owner_zone_id === sender.zoneId && onlyChanged(before, after, ['status', 'progress_note']) ? null : '重点工作：成员单位只能更新本高新区牵头事项的进展';
  },
  label: (row) => String(row.title ?? ''),
};
const planTargetKind: RecordKind = {
  ...listKindLike('plan_target', 'plan_targets', '计划目标', (row) => `${String(row.metric ?? '')}`),
  key: ['plan_id', 'metric', 'zone_id', 'event_type_id', 'quarter'],
  refs: { plan_id: 'plan', zone_id: 'zone', event_type_id: 'event_type' },
};

/** A zone's indicator values: that zone reports them, the secretariat may correct them. */
const indicatorValueKind: RecordKind = {
  kind: 'indicator_value',
  table: 'indicator_values',
  noun: '发展指标值',
  localOnly: [],
  key: ['zone_id', 'year', 'indicator_id'],
  refs: { zone_id: 'zone', indicator_id: 'indicator_def' },
  authorise: (sender, _before, after) => (sender.secretariat || after.zone_id === sender.zoneId ? null : '成员单位只能填报本高新区的发展指标'),
  label: (row) => `${String(row.year ?? '')} 年`,
};

/** A reviewer's scores: entered by the listing's zone or the secretariat. */
const applicationScoreKind: RecordKind = {
  kind: 'application_score',
  table: 'application_scores',
  noun: '评审打分',
  localOnly: [],
  key: ['application_id', 'reviewer'],
  refs: { application_id: 'application' },
  authorise(sender, _before, after, db) {
    if (sender.secretariat) return null;
    const scenarioId = statement<[string], string>(db, 'SELECT scenario_id FROM scenario_applications WHERE id = ?', 'pluck').get(String(after.application_id));
    return scenarioId && ownerOf(db, 'scenarios', scenarioId) === sender.zoneId ? null : '评审打分只能由发布清单的高新区或秘书长单位录入';
  },
  label: (row) => String(row.reviewer ?? ''),
};

/** In dependency order: a zone before the records it owns, a category before its records, a listing before its applications. */
export const RECORD_KINDS: readonly RecordKind[] = [
  zoneKind,
  listKind('resource_category', 'resource_categories', '资源类别'),
  listKind('scenario_category', 'scenario_categories', '场景类别'),
  listKind('event_type', 'event_types', '活动类型'),
  listKind('indicator_def', 'indicator_defs', '发展指标项'),
  resourceKind,
  scenarioKind,
  applicationKind,
  eventKind,
  registrationKind,
  attachmentKind,
  sharingRequestKind,
  planKind,
  planWorkItemKind,
  planTargetKind,
  indicatorValueKind,
  applicationScoreKind,
];

export const kindOf = (kind: string): RecordKind | undefined => RECORD_KINDS.find((k) => k.kind === kind);
