import { useCallback, useEffect, useState } from 'react';
import type { ResourceCategory } from '../../../../shared/domain/resource';
import type { ScenarioCategory } from '../../../../shared/domain/scenario';
import type { Zone } from '../../../../shared/domain/zone';
import type { ApiClient } from '../../api/client';

type CategoryChannel = { 'categories.list': ResourceCategory; 'scenarioCategories.list': ScenarioCategory };

/** Zones and a module's categories by id, for labels in lists, facets and forms. */
export function useCategoryLookups<K extends keyof CategoryChannel>(api: ApiClient, channel: K) {
  const [zones, setZones] = useState<Zone[]>([]);
  const [categories, setCategories] = useState<CategoryChannel[K][]>([]);
  const reload = useCallback(async () => {
    const [z, c] = await Promise.all([api.call('zones.list', { includeInactive: true }), api.call(channel as 'categories.list', { includeInactive: true })]);
    setZones(z);
    setCategories(c as CategoryChannel[K][]);
  }, [api, channel]);
  useEffect(() => void reload(), [reload]);
  return {
    zones,
    categories,
    reload,
    zoneName: (id: string) => zones.find((z) => z.id === id)?.shortName ?? id,
    categoryName: (id: string) => categories.find((c) => c.id === id)?.name ?? id,
  };
}

/** The registry's lookups: zones and resource categories. */
export const useLookups = (api: ApiClient) => useCategoryLookups(api, 'categories.list');
