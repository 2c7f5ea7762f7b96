import type { GeneratedResource } from './types';

/** A generated resource as the form would send it (resources.create's input, before its schema). */
export function createInputOf(r: GeneratedResource, categoryId: string, ownerZoneId?: string) {
  return {
    ...(ownerZoneId ? { ownerZoneId } : {}),
    categoryId,
    title: r.title,
    organisation: r.organisation,
    location: r.location,
    description: r.description,
    sharingMode: r.sharingMode,
    feeStandard: r.feeStandard,
    feeAmount: r.feeAmount,
    contactPerson: r.contactPerson,
    contactPhone: r.contactPhone,
    contactEmail: r.contactEmail,
    tags: r.tags,
    extra: r.extra,
  };
}
