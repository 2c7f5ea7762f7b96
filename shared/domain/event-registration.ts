import { z } from 'zod';
import { optionalEmail, optionalPhone, optionalText, recordId, requiredText, versionNumber } from '../validation';
import type { RegistrationCounts } from './event';

/** Participants of an event: capacity with a waiting list, short codes for badges, check-in. */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' };

/** Badge codes: 6 characters without look-alikes (no 0/O, 1/I/L), typed by a scanner or by hand. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REGISTRATION_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

export const REGISTRATION_LABELS: Record<string, string> = {
  id: '报名',
  version: '版本号',
  eventId: '活动',
  name: '姓名',
  organisation: '单位',
  zoneId: '所属高新区',
  title: '职务',
  phone: '手机号',
  email: '电子邮箱',
  walkIn: '现场登记',
  code: '签到码',
};

export const RegistrationCreateInput = z.strictObject({
  eventId: recordId,
  name: requiredText(30),
  organisation: requiredText(100),
  zoneId: recordId.nullable().default(null),
  title: optionalText(50).default(''),
  phone: optionalPhone.refine((s) => s !== '', { error: '必填' }),
  email: optionalEmail.default(''),
  /** Added at the check-in desk on the day: checked in at once, even over capacity. */
  walkIn: z.boolean().default(false),
});
export type RegistrationCreateInput = z.input<typeof RegistrationCreateInput>;

export const RegistrationCancelInput = z.strictObject({ id: recordId, version: versionNumber });
export const RegistrationListInput = z.strictObject({ eventId: recordId });

/** A scanner types the code and Enter; a clerk may type it in lower case, with spaces. */
export const CheckInInput = z.strictObject({
  eventId: recordId,
  code: z
    .string({ error: '必填' })
    .transform((s) => s.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(REGISTRATION_CODE, { error: '签到码应为 6 位字母数字' })),
});

export interface Registration {
  id: string;
  version: number;
  eventId: string;
  code: string;
  name: string;
  /** Pinyin initials of the name (张三 → zs), for the check-in desk. */
  initials: string;
  organisation: string;
  zoneId: string | null;
  zoneName: string;
  title: string;
  phone: string;
  email: string;
  status: RegistrationStatus;
  walkIn: boolean;
  checkedInAt: string | null;
  createdAt: string;
  isDemo: boolean;
}

export interface RegistrationList {
  items: Registration[];
  counts: RegistrationCounts;
  capacity: number | null;
}

export interface CheckInResult {
  registration: Registration;
  /** True when this badge was already checked in: harmless, said so. */
  already: boolean;
  counts: RegistrationCounts;
}

export interface CancelResult {
  cancelled: Registration;
  /** Whoever moved up from the waiting list into the freed place. */
  promoted: Registration | null;
}
