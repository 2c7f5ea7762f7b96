import { z } from 'zod';
import { optionalDate, optionalEmail, optionalPhone, optionalText, recordId, requiredText, versionNumber } from '../validation';
import { ROLES, type RecordMeta } from './record';

export const ZONE_LEVELS = ['national', 'provincial'] as const;
export type ZoneLevel = (typeof ZONE_LEVELS)[number];

/** Chinese labels of every zone field: used by forms and by validation messages. */
export const ZONE_LABELS: Record<string, string> = {
  code: '代码',
  name: '名称',
  shortName: '简称',
  level: '级别',
  province: '省份',
  city: '城市',
  contactPerson: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  joinedOn: '加入日期',
  role: '联盟角色',
  notes: '备注',
  active: '状态',
  id: '记录编号',
  version: '版本号',
  query: '搜索词',
};

const zoneFields = {
  code: z
    .string({ error: '必填' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]{1,11}$/, { error: '应为 2–12 位大写字母或数字，以字母开头（如 HRB）' }),
  name: requiredText(60),
  shortName: requiredText(30),
  level: z.enum(ZONE_LEVELS, { error: '应为 国家级 或 省级' }),
  province: requiredText(20),
  city: optionalText(30),
  contactPerson: optionalText(30),
  phone: optionalPhone,
  email: optionalEmail,
  joinedOn: optionalDate,
  role: z.enum(ROLES, { error: '应为 秘书长单位 或 成员单位' }),
  notes: optionalText(1000),
};

/** Fields a member installation may change on its own zone; the rest is the secretariat's. */
export const ZONE_MEMBER_EDITABLE: readonly string[] = ['city', 'contactPerson', 'phone', 'email', 'notes'];

/** Creating: optional fields default to empty. (Updates name only what they change: no defaults.) */
export const ZoneCreateInput = z.strictObject(
  {
    ...zoneFields,
    city: zoneFields.city.default(''),
    contactPerson: zoneFields.contactPerson.default(''),
    phone: zoneFields.phone.default(''),
    email: zoneFields.email.default(''),
    joinedOn: zoneFields.joinedOn.default(''),
    role: zoneFields.role.default('member'),
    notes: zoneFields.notes.default(''),
  },
  { error: '输入必须是对象' },
);
export type ZoneCreateInput = z.input<typeof ZoneCreateInput>;

export const ZoneUpdateInput = z.strictObject({
  id: recordId,
  version: versionNumber,
  patch: z.strictObject(zoneFields).partial(),
});
export type ZoneUpdateInput = z.input<typeof ZoneUpdateInput>;

export const ZoneSetActiveInput = z.strictObject({ id: recordId, version: versionNumber, active: z.boolean({ error: '应为 是/否' }) });

export const ZoneListInput = z
  .strictObject({
    query: z.string().trim().max(50, { error: '不能超过 50 个字' }).default(''),
    level: z.enum(ZONE_LEVELS).optional(),
    includeInactive: z.boolean().default(true),
  })
  .default({ query: '', includeInactive: true });

export const ZoneIdInput = z.strictObject({ id: recordId });

export interface Zone extends RecordMeta {
  code: string;
  name: string;
  shortName: string;
  level: ZoneLevel;
  province: string;
  city: string;
  contactPerson: string;
  phone: string;
  email: string;
  joinedOn: string;
  role: (typeof ROLES)[number];
  notes: string;
  active: boolean;
}
