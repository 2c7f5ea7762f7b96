import { z } from 'zod';
import { optionalText, recordId } from '../validation';
import { ROLES, type Role } from './record';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SETTINGS_LABELS: Record<string, string> = {
  zoneId: '所属高新区',
  role: '本机角色',
  operatorName: '操作人姓名',
  language: '界面语言',
  loadDemo: '加载示例数据',
};

/** Who this installation is. Every change it makes is recorded under this identity. */
export interface Installation {
  zoneId: string;
  role: Role;
  operatorName: string;
  language: Language;
}

export const SetupInput = z.strictObject({
  zoneId: recordId,
  role: z.enum(ROLES, { error: '请选择 秘书长单位 或 成员单位' }),
  operatorName: optionalText(30).default(''),
  language: z.enum(LANGUAGES).default('zh-CN'),
  loadDemo: z.boolean().default(false),
});

export const SettingsUpdateInput = z
  .strictObject({
    zoneId: recordId,
    role: z.enum(ROLES, { error: '请选择 秘书长单位 或 成员单位' }),
    operatorName: optionalText(30),
    language: z.enum(LANGUAGES),
  })
  .partial();

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  installation: Installation | null;
  /** The zone this installation belongs to, for the header. */
  zoneName: string | null;
  demoLoaded: boolean;
  /**
   * Set when the data file failed its checks at start: why, in Chinese. The app then runs
   * read-only (or, if the file cannot be read at all, shows only backups) until a backup is
   * restored; the damaged file is kept, never overwritten.
   */
  damaged: string | null;
}
