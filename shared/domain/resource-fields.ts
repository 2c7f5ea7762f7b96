import { z } from 'zod';

/**
 * Category-specific resource fields, defined once: the form, the core's validation, the
 * detail view and (later) Excel templates are all generated from these definitions.
 */
export type FieldKind = 'text' | 'textarea' | 'number' | 'integer' | 'enum';

export interface FieldOption {
  value: string;
  label: string;
  labelEn: string;
}

export interface FieldDef {
  key: string;
  label: string;
  labelEn: string;
  kind: FieldKind;
  required?: boolean;
  max?: number; // text length, or numeric maximum
  min?: number;
  unit?: string;
  options?: readonly FieldOption[];
}

const opt = (value: string, label: string, labelEn: string): FieldOption => ({ value, label, labelEn });

export const BOOKING_MODES = [opt('slot', '时间预约', 'Time slot'), opt('sample', '送样检测', 'Sample testing')] as const;
export const INSTRUMENT_STATES = [opt('idle', '空闲', 'Idle'), opt('in_use', '使用中', 'In use'), opt('maintenance', '维护', 'Maintenance'), opt('offline', '离线', 'Offline')] as const;

const text = (key: string, label: string, labelEn: string, max = 100, required = false): FieldDef => ({ key, label, labelEn, kind: 'text', max, required });
const area = (key: string, label: string, labelEn: string, max = 2000): FieldDef => ({ key, label, labelEn, kind: 'textarea', max });
const openHours = text('openHours', '开放时间', 'Open hours', 100);

export const FIELD_SETS = {
  instrument: [
    text('model', '型号', 'Model', 60, true),
    text('manufacturer', '生产厂家', 'Manufacturer', 100),
    { key: 'originalValue', label: '原值', labelEn: 'Original value', kind: 'number', min: 0, max: 1_000_000, unit: '万元' },
    { key: 'purchaseYear', label: '购置年份', labelEn: 'Year purchased', kind: 'integer', min: 1950, max: 2100 },
    area('technicalParameters', '主要技术参数', 'Technical parameters'),
    area('applicationScope', '应用范围', 'Application scope'),
    openHours,
    { key: 'bookingMode', label: '预约方式', labelEn: 'Booking mode', kind: 'enum', required: true, options: BOOKING_MODES },
    { key: 'instrumentState', label: '设备状态', labelEn: 'State', kind: 'enum', required: true, options: INSTRUMENT_STATES },
  ],
  platform: [text('accreditation', '资质认证', 'Accreditation (CMA/CNAS…)', 100), area('serviceItems', '服务项目', 'Services'), openHours],
  pilot: [area('pilotCapability', '中试能力', 'Pilot capability'), { key: 'floorArea', label: '面积', labelEn: 'Floor area', kind: 'number', min: 0, max: 10_000_000, unit: '平方米' }, openHours],
  incubator: [
    { key: 'floorArea', label: '面积', labelEn: 'Floor area', kind: 'number', min: 0, max: 10_000_000, unit: '平方米' },
    { key: 'workstations', label: '可用工位', labelEn: 'Free desks', kind: 'integer', min: 0, max: 100_000 },
    area('servicesOffered', '孵化服务', 'Incubation services'),
  ],
  expert: [
    text('field', '研究领域', 'Field', 100, true),
    text('title', '职称', 'Title', 40),
    text('affiliation', '工作单位', 'Affiliation', 100),
    area('expertise', '专长与成果', 'Expertise'),
  ],
  patent: [
    text('patentNumber', '专利号', 'Patent number', 40, true),
    { key: 'patentType', label: '专利类型', labelEn: 'Type', kind: 'enum', required: true, options: [opt('invention', '发明', 'Invention'), opt('utility', '实用新型', 'Utility model'), opt('design', '外观设计', 'Design'), opt('software', '软件著作权', 'Software copyright')] },
    { key: 'legalStatus', label: '法律状态', labelEn: 'Legal status', kind: 'enum', options: [opt('valid', '有效', 'In force'), opt('pending', '审查中', 'Pending'), opt('expired', '失效', 'Lapsed')] },
    { key: 'transferMode', label: '转化方式', labelEn: 'Transfer mode', kind: 'enum', options: [opt('assign', '转让', 'Assignment'), opt('license', '许可', 'Licence'), opt('equity', '作价入股', 'Equity'), opt('joint', '合作开发', 'Joint development'), opt('negotiable', '面议', 'Negotiable')] },
  ],
  data: [text('dataFormat', '数据格式', 'Format', 60), text('updateFrequency', '更新频率', 'Update frequency', 40), area('accessConditions', '获取条件', 'Access conditions')],
  service: [area('serviceItems', '服务项目', 'Services'), text('serviceArea', '服务范围', 'Service area', 100)],
} as const satisfies Record<string, readonly FieldDef[]>;

export type FieldSetKey = keyof typeof FIELD_SETS;
export const FIELD_SET_KEYS = Object.keys(FIELD_SETS) as FieldSetKey[];

/** Chinese label of every category-specific field, for validation messages. */
export const EXTRA_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(FIELD_SETS).flatMap((defs: readonly FieldDef[]) => defs.map((d) => [d.key, d.label])),
);

const extraSchemas = new Map<FieldSetKey, z.ZodType<Record<string, string | number | null>>>();

/**
 * The zod schema of one field set's values: built from the definitions, never written twice —
 * and built once per field set (a bulk import validates thousands of rows against it).
 */
export function extraSchema(fieldSet: FieldSetKey): z.ZodType<Record<string, string | number | null>> {
  let schema = extraSchemas.get(fieldSet);
  if (!schema) {
    const defs: readonly FieldDef[] = FIELD_SETS[fieldSet];
    const shape: Record<string, z.ZodType> = {};
    for (const def of defs) shape[def.key] = fieldSchema(def);
    schema = z.strictObject(shape) as unknown as z.ZodType<Record<string, string | number | null>>;
    extraSchemas.set(fieldSet, schema);
  }
  return schema;
}

function fieldSchema(def: FieldDef): z.ZodType {
  switch (def.kind) {
    case 'text':
    case 'textarea': {
      const base = z.string({ error: (issue) => (issue.input === undefined ? '必填' : '必须是文字') }).trim().max(def.max ?? 200, { error: `不能超过 ${def.max ?? 200} 个字` });
      return def.required ? base.min(1, { error: '必填' }) : base.optional();
    }
    case 'number':
    case 'integer': {
      let base = z.number({ error: (issue) => (issue.input === undefined ? '必填' : '必须是数字') });
      if (def.kind === 'integer') base = base.int({ error: '必须是整数' });
      if (def.min !== undefined) base = base.min(def.min, { error: def.min === 0 ? '不能为负数' : `不能小于 ${def.min}` });
      if (def.max !== undefined) base = base.max(def.max, { error: `不能大于 ${def.max}` });
      return def.required ? base : base.nullable().optional();
    }
    case 'enum': {
      const values = (def.options ?? []).map((o) => o.value) as [string, ...string[]];
      const labels = (def.options ?? []).map((o) => o.label).join('、');
      const base = z.enum(values, { error: (issue) => (issue.input === undefined ? '必填' : `应为 ${labels} 之一`) });
      return def.required ? base : base.optional();
    }
  }
}

/**
 * An instrument under maintenance or offline takes no bookings (「暂停预约」, as instrument-sharing
 * platforms show it): no new request, no approval, until its owner sets it back to 空闲 or 使用中.
 * Returns the state's option (its Chinese and English label), or null when bookings are open.
 */
export function bookingPausedBy(resource: { fieldSet: string; extra: Record<string, unknown> }): FieldOption | null {
  if (resource.fieldSet !== 'instrument') return null;
  const state = resource.extra.instrumentState;
  return PAUSED_INSTRUMENT_STATES.some((s) => s === state) ? (INSTRUMENT_STATES.find((o) => o.value === state) ?? null) : null;
}
export const PAUSED_INSTRUMENT_STATES = ['maintenance', 'offline'] as const;
