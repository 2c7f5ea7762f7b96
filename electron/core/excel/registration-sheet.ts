import type { z } from 'zod';
import { REGISTRATION_LABELS, REGISTRATION_STATUS_LABELS, RegistrationCreateInput, type Registration } from '../../../shared/domain/event-registration';
import type { SheetScope } from '../../../shared/domain/spreadsheet';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import { getEvent } from '../events/event-service';
import { createRegistration, findRegistration, listRegistrations } from '../events/registration-service';
import { defineFormSheet } from './form-sheet';
import { readOnlyColumn, scopeOf, textOf, zoneOptions } from './sheet-columns';

/**
 * 活动报名 of one event as a sheet: a zone's list of participants arrives at once. Rows are
 * added by createRegistration (capacity, waiting list, one registration per phone number);
 * a registration is not edited through a sheet, so a row already there is 「无变化」 when
 * identical and an error otherwise. Exports are the sign-in sheet: codes, status, check-in.
 */

export const registrationSheet = defineFormSheet<Registration, SheetScope>({
  sheetName: '活动报名',
  checkScope: (ctx) => void getEvent(ctx.db, scopeOf(ctx, 'eventId')),
  noun: '报名',
  labels: REGISTRATION_LABELS,
  createSchema: RegistrationCreateInput as never,
  fields: [
    { key: 'name', kind: 'text', help: '参会人姓名', width: 10 },
    { key: 'organisation', kind: 'text', help: '参会人所在单位', width: 26 },
    { key: 'zoneId', kind: 'enum', help: '参会人所属的高新区，可留空', width: 14, options: (ctx) => zoneOptions(ctx.db) },
    { key: 'title', kind: 'text', help: '职务或职称', width: 12 },
    { key: 'phone', kind: 'text', help: '手机号：签到和通知用，同一活动每个手机号只能报名一次', width: 15 },
    { key: 'email', kind: 'text', help: '电子邮箱，可留空', width: 22 },
  ],
  omitted: { eventId: '由导入时所在的活动决定', walkIn: '现场登记只在签到台进行' },
  exportOnly: [readOnlyColumn('code', '签到码', 'text', 9), readOnlyColumn('status', '状态', 'text', 8), readOnlyColumn('checkedInAt', '签到时间', 'datetime', 17)],
  naturalKey(row, ctx) {
    const phone = textOf(row, 'phone');
    return phone ? { key: `${scopeOf(ctx, 'eventId')}\u0000${phone}`, describe: `同一手机号 ${phone}` } : null;
  },
  existing: (ctx) =>
    ctx.db
      .prepare<[string], { id: string; key: string }>("SELECT id, event_id || char(0) || phone AS key FROM event_registrations WHERE event_id = ? AND deleted_at IS NULL AND status <> 'cancelled'")
      .all(scopeOf(ctx, 'eventId')),
  get(ctx, id) {
    const found = findRegistration(ctx.db, id);
    return found && found.eventId === scopeOf(ctx, 'eventId') ? found : undefined;
  },
  toInput: (values, ctx, before) => (before ? values : { ...values, eventId: scopeOf(ctx, 'eventId') }),
  create: (ctx, input) => createRegistration(ctx.db, ctx.actor, input as z.output<typeof RegistrationCreateInput>),
  noUpdateReason: '报名信息请在系统中取消后重新报名',
  cells: (r) => ({
    name: r.name,
    organisation: r.organisation,
    zoneId: r.zoneName || null,
    title: r.title,
    phone: r.phone,
    email: r.email,
    code: r.code,
    status: REGISTRATION_STATUS_LABELS[r.status],
    checkedInAt: r.checkedInAt ? { date: toShanghaiIso(r.checkedInAt).slice(0, 19) } : null,
  }),
  list: (ctx, scope) => listRegistrations(ctx.db, ctx.actor, scopeOf({ ...ctx, scope }, 'eventId')).items,
  template(ctx) {
    const event = getEvent(ctx.db, scopeOf(ctx, 'eventId'));
    const zone = zoneOptions(ctx.db).find((z) => z.value === ctx.actor.zoneId);
    return {
      fileStem: `活动报名导入模板（${event.title.slice(0, 30)}）`,
      example: { id: '示例', name: '李明', organisation: '大连高新区管委会', zoneId: zone?.label ?? null, title: '科技处处长', phone: '13904111234', email: 'liming@example.cn' },
      notes: [
        `本模板用于活动「${event.title}」的报名。`,
        '第 2 行是示例（编号为「示例」），导入时自动跳过，可以删除。',
        '每行一位参会人。同一手机号只能报名一次，再次导入同一文件不会重复报名。',
        '名额已满时，新的报名自动进入候补，有人取消后按顺序递补。',
        '已有的报名不能通过导入修改，请在系统中取消后重新报名。',
      ],
    };
  },
  exportStem: (ctx) => `活动报名_${getEvent(ctx.db, scopeOf(ctx, 'eventId')).title.slice(0, 30)}`,
});
