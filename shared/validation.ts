import { z } from 'zod';
import { AppError } from './errors';

// Zod's own messages (wrong type, unknown key…) in Chinese, wherever a schema gives none.
z.config(z.locales.zhCN());

/**
 * Turns a zod failure into one `VALIDATION` AppError whose message names the fields in
 * Chinese. `labels` maps a field key (the last string segment of an issue path) to its
 * Chinese label, so "patch.phone" is reported as 联系电话.
 */
export function validationError(error: z.ZodError, labels: Record<string, string> = {}, rootLabel = '输入'): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    // zod quotes unknown keys whole: a caller's 100,000-character key stays out of the message.
    fields[path] = issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message;
  }
  const parts = Object.entries(fields).map(([path, message]) => `${path === '_' ? rootLabel : labelOf(path, labels)}：${message}`);
  return new AppError('VALIDATION', `输入有误，未保存。${parts.join('；')}`, fields);
}

/** Names every channel shares, for the keys a channel's own labels leave out. */
const COMMON_LABELS: Record<string, string> = {
  id: '编号',
  version: '版本号',
  patch: '修改内容',
  includeInactive: '包含停用',
  items: '条目',
  summarise: '同时标记为已总结',
  filter: '筛选条件',
};

/** The name a message gives a field path (exported so tests check against the same rule). */
export function labelOf(path: string, labels: Record<string, string>): string {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  const last = segments[segments.length - 1] ?? path;
  // A key of a record (an indicator's id, a criterion code) is named by the record it is in.
  const named = labels[last] ?? COMMON_LABELS[last];
  if (named) return named;
  const parent = segments[segments.length - 2];
  if (parent && (labels[parent] ?? COMMON_LABELS[parent])) return `${labels[parent] ?? COMMON_LABELS[parent]}（${last.slice(0, 40)}）`;
  return last.slice(0, 40);
}

// Reusable field rules, each with its own Chinese message.
const trimmed = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? '必填' : '必须是文字') })
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` })
    // Control characters never belong in a form field and break exports.
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: '含有不可见的控制字符' });

export const requiredText = (max: number) => trimmed(max).min(1, { error: '必填' });
/** Optional text: no default here, so partial updates never blank a field they did not name. */
export const optionalText = (max: number) => trimmed(max);

/** Mainland mobile (13800138000), landline (0451-86688888, 010 12345678, optional -ext), optional +86. */
export const PHONE_PATTERN = /^(?:\+?86[ -]?)?(?:1[3-9]\d{9}|0\d{2,3}[ -]?\d{7,8}(?:-\d{1,6})?|400[ -]?\d{3}[ -]?\d{4})$/;
export const optionalPhone = trimmed(30).refine((s) => s === '' || PHONE_PATTERN.test(s), {
  error: '格式不正确，应为手机号（如 13800138000）或座机（如 0451-86688888）',
});

export const optionalEmail = trimmed(120)
  .refine((s) => s === '' || z.email().safeParse(s).success, { error: '格式不正确，应如 name@example.cn' });

/** A calendar date written YYYY-MM-DD that really exists (no 2026-02-30). */
export const isoDate = z
  .string({ error: '必须是日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: '不是有效日期' });

export const optionalDate = z.union([isoDate, z.literal('')], { error: '日期格式应为 YYYY-MM-DD' });

export const recordId = z.string({ error: '缺少记录编号' }).regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: '记录编号无效' });
export const versionNumber = z.number({ error: '缺少版本号' }).int({ error: '版本号无效' }).min(1, { error: '版本号无效' });
