import type { z } from 'zod';
import { EVENT_LABELS, EVENT_STATUS_LABELS, EventCreateInput, EventUpdateInput, type AllianceEvent, type EventListInput } from '../../../shared/domain/event';
import { readOption } from '../../../shared/domain/spreadsheet';
import { addDays, toShanghaiIso } from '../../../shared/shanghai-date';
import { listEvents } from '../events/event-list';
import { selectEvent, selectEvents } from '../events/event-queries';
import { createEvent, updateEvent } from '../events/event-service';
import { listEventTypes } from '../events/event-type-service';
import { defineFormSheet } from './form-sheet';
import { categoryOptions, columnError, readOnlyColumn, textOf, zoneOptions } from './sheet-columns';
import type { SheetContext } from './sheet-spec';
import type { OutCell } from './workbook-model';

/**
 * 创新活动 as a sheet: the event form's fields (agenda and links stay in the app); rows written
 * by createEvent / updateEvent. Times are Beijing wall times; an all-day event is written as
 * its first and last day, as people say it, and stored as midnight to the next midnight.
 */

type ListInput = z.output<typeof EventListInput>;
/** An event as exported: with its confirmed registrations. */
type EventRecord = AllianceEvent & { confirmed?: number };

const YES_NO = [
  { value: 'true', label: '是', aliases: ['Y', 'yes', 'true', '全天'] },
  { value: 'false', label: '否', aliases: ['N', 'no', 'false'] },
];

const zoneOf = (values: { get(key: string): unknown }, ctx: SheetContext) => (values.get('ownerZoneId') as string | null | undefined) ?? ctx.actor.zoneId ?? '';
const startDateOf = (values: { get(key: string): unknown }) => {
  const start = values.get('startAt');
  return typeof start === 'string' ? start.slice(0, 10) : '';
};

const dateOnly = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A cell's wall time (or day) as the schema's offset date-time; an all-day end day → the next midnight. */
function offsetTime(value: string, allDay: boolean, isEnd: boolean): string {
  if (!dateOnly(value)) return `${value}+08:00`;
  return `${isEnd && allDay ? addDays(value, 1) : value}T00:00:00+08:00`;
}

function toInput(values: Record<string, unknown>, ctx: SheetContext, before?: EventRecord): Record<string, unknown> {
  const input = { ...values };
  if (typeof input.allDay === 'string') input.allDay = input.allDay === 'true';
  else if (!before && dateOnly(input.startAt) && (input.endAt === undefined || dateOnly(input.endAt))) input.allDay = true;
  const allDay = (input.allDay as boolean | undefined) ?? before?.allDay ?? false;
  // A one-day all-day event may leave 结束时间 empty.
  if (!before && allDay && input.endAt === undefined && dateOnly(input.startAt)) input.endAt = input.startAt;
  if (!before && input.endAt === undefined) throw columnError(EVENT_LABELS, 'endAt', '必填（只有一天的全天活动可以留空）');
  for (const key of ['startAt', 'endAt'] as const) if (typeof input[key] === 'string') input[key] = offsetTime(input[key] as string, allDay, key === 'endAt');
  if (Array.isArray(input.coHostZoneIds)) {
    const zones = zoneOptions(ctx.db);
    input.coHostZoneIds = (input.coHostZoneIds as string[]).map((name) => {
      const found = readOption(name, zones);
      if (!found.ok) throw columnError(EVENT_LABELS, 'coHostZoneIds', `「${name}」不是已登记的高新区`);
      return found.value;
    });
  }
  return input;
}

/** The time as the sheet shows it: a day for all-day events (the last day for the end), else the wall time. */
function timeCell(e: AllianceEvent, key: 'startAt' | 'endAt'): OutCell {
  const wall = toShanghaiIso(e[key]);
  if (!e.allDay) return { date: wall.slice(0, 19) };
  return { date: key === 'endAt' ? addDays(wall.slice(0, 10), -1) : wall.slice(0, 10) };
}

export const eventSheet = defineFormSheet<EventRecord, ListInput>({
  sheetName: '创新活动',
  noun: '活动',
  labels: EVENT_LABELS,
  createSchema: EventCreateInput as never,
  fields: [
    { key: 'typeId', kind: 'enum', help: '路演、对接会、培训、论坛等', width: 12, options: (ctx) => categoryOptions(listEventTypes(ctx.db, true)) },
    { key: 'ownerZoneId', kind: 'enum', help: '主办的高新区；留空即本机所属高新区。可填全称、简称或代码', width: 16, options: (ctx) => zoneOptions(ctx.db) },
    { key: 'title', kind: 'text', help: '活动名称，如「2026 东北高新区科技成果路演（长春站）」', width: 30 },
    { key: 'coHostZoneIds', kind: 'list', help: '协办的高新区，多个用顿号分隔，可写简称或全称', width: 20 },
    { key: 'startAt', kind: 'datetime', help: '北京时间，如 2026-05-20 09:30；全天活动只写日期', width: 17 },
    { key: 'endAt', kind: 'datetime', help: '北京时间，晚于开始时间；全天活动写最后一天的日期（一天的可留空）', width: 17, required: '必填（一天的全天活动可留空）' },
    { key: 'allDay', kind: 'enum', help: '是：按天安排，不写具体时刻。留空时，开始和结束只写了日期即视为全天', width: 6, options: () => YES_NO },
    { key: 'venue', kind: 'text', help: '举办地点', width: 24 },
    { key: 'onlineUrl', kind: 'text', help: '线上参会链接，http:// 或 https:// 开头', width: 24 },
    { key: 'capacity', kind: 'integer', unit: '人', help: '报名人数上限，留空即不限；满员后报名进入候补', width: 10 },
    { key: 'registrationDeadline', kind: 'date', help: '报名截止的最后一天，不晚于活动开始', width: 12 },
    { key: 'description', kind: 'textarea', help: '活动介绍', width: 36 },
    { key: 'contactPerson', kind: 'text', help: '会务联系人', width: 10 },
    { key: 'contactPhone', kind: 'text', help: '手机号或座机', width: 16 },
    { key: 'contactEmail', kind: 'text', help: '电子邮箱', width: 22 },
  ],
  omitted: {
    agenda: '议程是逐项的时间表，在系统中编辑',
    linkedScenarioIds: '关联的场景清单在系统中选择',
    linkedResourceIds: '关联的资源在系统中选择',
  },
  exportOnly: [readOnlyColumn('status', '状态', 'text', 8), readOnlyColumn('confirmed', '已报名', 'integer', 8), readOnlyColumn('updatedAt', '更新时间', 'datetime', 17)],
  naturalKey(row, ctx) {
    const title = textOf(row, 'title');
    const day = startDateOf(row.values);
    return title && day ? { key: `${zoneOf(row.values, ctx)}\u0000${title}\u0000${day}`, describe: `同一主办高新区、同一天开始的「${title}」` } : null;
  },
  existing: (ctx) =>
    ctx.db
      // start_at is stored in Beijing time (+08:00), so its first 10 characters are the Beijing day.
      .prepare<[], { id: string; key: string }>(`SELECT id, owner_zone_id || char(0) || title || char(0) || substr(start_at, 1, 10) AS key FROM events WHERE deleted_at IS NULL`)
      .all(),
  get: (ctx, id) => selectEvent(ctx.db, id),
  toInput,
  create: (ctx, input) => createEvent(ctx.db, ctx.actor, input as z.output<typeof EventCreateInput>),
  update: { schema: EventUpdateInput, run: (ctx, input) => updateEvent(ctx.db, ctx.actor, input as z.output<typeof EventUpdateInput>) },
  cells: (e) => ({
    typeId: e.typeName,
    ownerZoneId: e.ownerZoneName,
    title: e.title,
    coHostZoneIds: e.coHostZoneNames.join('、'),
    startAt: timeCell(e, 'startAt'),
    endAt: timeCell(e, 'endAt'),
    allDay: e.allDay ? '是' : '否',
    venue: e.venue,
    onlineUrl: e.onlineUrl,
    capacity: e.capacity,
    registrationDeadline: e.registrationDeadline ? { date: e.registrationDeadline } : null,
    description: e.description,
    contactPerson: e.contactPerson,
    contactPhone: e.contactPhone,
    contactEmail: e.contactEmail,
    status: EVENT_STATUS_LABELS[e.status],
    confirmed: e.confirmed ?? null,
    updatedAt: { date: toShanghaiIso(e.updatedAt).slice(0, 19) },
  }),
  list(ctx, filter) {
    const found = listEvents(ctx.db, { ...filter, limit: Number.MAX_SAFE_INTEGER });
    const confirmed = new Map(found.items.map((i) => [i.id, i.confirmed]));
    const byId = new Map(selectEvents(ctx.db, found.items.map((i) => i.id)).map((e) => [e.id, e]));
    return found.items.flatMap((i) => {
      const e = byId.get(i.id);
      return e ? [{ ...e, confirmed: confirmed.get(i.id) ?? 0 }] : [];
    });
  },
  template(ctx) {
    const type = listEventTypes(ctx.db, false)[0];
    const zone = zoneOptions(ctx.db).find((z) => z.value === ctx.actor.zoneId);
    return {
      fileStem: '创新活动导入模板',
      example: {
        id: '示例',
        typeId: type?.name ?? null,
        ownerZoneId: zone?.label ?? null,
        title: '东北高新区科技成果路演（长春站）',
        coHostZoneIds: '吉林、大庆',
        startAt: { date: '2026-05-20T09:30:00' },
        endAt: { date: '2026-05-20T17:00:00' },
        allDay: '否',
        venue: '长春净月高新区创新大厦 3 楼报告厅',
        onlineUrl: '',
        capacity: 120,
        registrationDeadline: { date: '2026-05-15' },
        description: '围绕新材料、生物医药领域的成果转化项目路演与投融资对接。',
        contactPerson: '刘老师',
        contactPhone: '0431-81234567',
        contactEmail: 'liu@example.cn',
      },
      notes: [
        '第 2 行是示例（编号为「示例」），导入时自动跳过，可以删除。',
        '每行一个活动。新增时「编号」留空；从本系统导出的文件保留「编号」，修改后再导入即更新原记录，不会重复。',
        '没有「编号」时，同一主办高新区、同一天开始、名称相同的活动视为同一个：再次导入会更新它。',
        '时间按北京时间填写，如 2026-05-20 09:30。全天活动只写日期：开始写第一天，结束写最后一天。',
        '导入的活动为草稿，需在系统中发布；议程和关联的场景、资源在系统中编辑。',
      ],
    };
  },
  exportStem: () => '创新活动',
});
