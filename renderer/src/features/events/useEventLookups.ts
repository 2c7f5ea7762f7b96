import { useCallback, useEffect, useState } from 'react';
import type { EventType } from '../../../../shared/domain/event';
import type { Zone } from '../../../../shared/domain/zone';
import type { ApiClient } from '../../api/client';

/** Zones and event types, for filters, forms and labels. */
export function useEventLookups(api: ApiClient) {
  const [zones, setZones] = useState<Zone[]>([]);
  const [types, setTypes] = useState<EventType[]>([]);
  const reload = useCallback(async () => {
    const [z, t] = await Promise.all([api.call('zones.list', { includeInactive: true }), api.call('eventTypes.list', { includeInactive: true })]);
    setZones(z);
    setTypes(t);
  }, [api]);
  useEffect(() => void reload(), [reload]);
  return {
    zones,
    types,
    reload,
    zoneName: (id: string) => zones.find((z) => z.id === id)?.shortName ?? id,
    zoneOptions: zones.filter((z) => z.active).map((z) => ({ value: z.id, label: z.shortName })),
    typeOptions: types.filter((t) => t.active).map((t) => ({ value: t.id, label: t.name })),
  };
}

export type EventLookups = ReturnType<typeof useEventLookups>;
