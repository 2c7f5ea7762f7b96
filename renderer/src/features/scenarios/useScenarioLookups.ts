import { useCallback, useEffect, useState } from 'react';
import type { ScenarioCategory } from '../../../../shared/domain/scenario';
import type { Zone } from '../../../../shared/domain/zone';
import type { ApiClient } from '../../api/client';

/** Zones and scenario categories by id, for facets and forms. */
export function useScenarioLookups(api: ApiClient) {
  const [zones, setZones] = useState<Zone[]>([]);
  const [categories, setCategories] = useState<ScenarioCategory[]>([]);
  const reload = useCallback(async () => {
    const [z, c] = await Promise.all([api.call('zones.list', { includeInactive: true }), api.call('scenarioCategories.list', { includeInactive: true })]);
    setZones(z);
    setCategories(c);
  }, [api]);
  useEffect(() => void reload(), [reload]);
  return {
    zones,
    categories,
    reload,
    zoneName: (id: string) => zones.find((z) => z.id === id)?.shortName ?? id,
    categoryName: (id: string) => categories.find((c) => c.id === id)?.name ?? id,
  };
}

export type ScenarioLookups = ReturnType<typeof useScenarioLookups>;
