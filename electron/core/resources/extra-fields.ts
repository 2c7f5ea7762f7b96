import { AppError } from '../../../shared/errors';
import { EXTRA_LABELS, extraSchema, type FieldSetKey } from '../../../shared/domain/resource-fields';
import { validationError } from '../../../shared/validation';

export type ExtraValues = Record<string, string | number | null>;

/** Validates category-specific values against the category's field set; messages name the field. */
export function validateExtra(fieldSet: FieldSetKey, extra: ExtraValues, categoryName: string): ExtraValues {
  const parsed = extraSchema(fieldSet).safeParse(extra);
  if (parsed.success) return dropEmpty(parsed.data);
  const error = validationError(parsed.error, EXTRA_LABELS, '专用字段');
  const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([path, message]) => [path === '_' ? 'extra' : `extra.${path}`, message]));
  throw new AppError('VALIDATION', error.message.replace('输入有误，未保存。', `输入有误，未保存。「${categoryName}」的`), fields);
}

/** Columns copied out of the JSON for facets and sorting. */
export function derivedColumns(extra: ExtraValues): { instrument_state: string | null; original_value: number | null; booking_mode: string | null } {
  return {
    instrument_state: typeof extra.instrumentState === 'string' ? extra.instrumentState : null,
    original_value: typeof extra.originalValue === 'number' ? extra.originalValue : null,
    booking_mode: typeof extra.bookingMode === 'string' ? extra.bookingMode : null,
  };
}

function dropEmpty(extra: ExtraValues): ExtraValues {
  return Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
