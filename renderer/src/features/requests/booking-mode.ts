import type { Resource } from '../../../../shared/domain/resource';

/** 时间预约 (slot) or 送样检测 (sample) for instruments; other resources need neither. */
export function bookingModeOf(resource: Pick<Resource, 'fieldSet' | 'extra'>): 'slot' | 'sample' | null {
  const mode = resource.fieldSet === 'instrument' ? resource.extra.bookingMode : null;
  return mode === 'slot' || mode === 'sample' ? mode : null;
}
