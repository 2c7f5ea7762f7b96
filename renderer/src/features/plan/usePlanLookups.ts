import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EventType } from '../../../../shared/domain/event';
import type { Zone } from '../../../../shared/domain/zone';
import type { ApiClient } from '../../api/client';

/** Zones and event types by id: names for figures, options for the target editor. */
export function usePlanLookups(api: ApiClient) {
  const [zones, setZones] = useState<Zone[]>([]);
  const [types, setTypes] = useState<EventType[]>([]);
  const reload = useCallback(async () => {
    const [z, ty] = await Promise.all([api.call('zones.list', { includeInactive: true }), api.call('eventTypes.list', { includeInactive: true })]);
    setZones(z);
    setTypes(ty);
  }, [api]);
  useEffect(() => void reload().catch(() => undefined), [reload]);
  return useMemo(
    () => ({
      zones,
      types,
      activeZones: zones.filter((z) => z.active),
      activeTypes: types.filter((ty) => ty.active),
      zoneName: (id: string) => zones.find((z) => z.id === id)?.shortName ?? id,
      typeName: (id: string) => types.find((ty) => ty.id === id)?.name ?? id,
      typeColor: (id: string) => types.find((ty) => ty.id === id)?.color ?? '#1f5fbf',
    }),
    [zones, types],
  );
}

export type PlanLookups = ReturnType<typeof usePlanLookups>;
