import type { TFunction } from 'i18next';
import { FIELD_SETS, type FieldDef, type FieldSetKey } from '../../../../shared/domain/resource-fields';

/** The label of a category-specific field in the current language. */
export function extraLabel(def: FieldDef, language: string): string {
  return language === 'en' ? def.labelEn : def.label;
}

/** The display text of a category-specific value (enum codes become their labels, units appended). */
export function extraValue(def: FieldDef, value: unknown, language: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (def.kind === 'enum') {
    const option = def.options?.find((o) => o.value === value);
    return option ? (language === 'en' ? option.labelEn : option.label) : String(value);
  }
  return def.unit ? `${String(value)} ${def.unit}` : String(value);
}

export function fieldDefs(fieldSet: FieldSetKey): readonly FieldDef[] {
  return FIELD_SETS[fieldSet];
}

export const INSTRUMENT_STATE_DEF = FIELD_SETS.instrument.find((d) => d.key === 'instrumentState')!;

export function instrumentStateLabel(value: string | null, t: TFunction, language: string): string {
  return value ? extraValue(INSTRUMENT_STATE_DEF, value, language) : t('common.none', '—');
}

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'cyan',
  published: 'success',
  archived: 'default',
};
