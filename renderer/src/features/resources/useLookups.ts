import { useCallback, useEffect, useState } from 'react';
import type { ResourceCategory } from '../../../../shared/domain/resource';
import type { Zone } from '../../../../shared/domain/zone';
import type { ApiClient } from '../../api/client';

/** Zones and categories by id, for labels in lists, facets and forms. */
export function useLookups(api: ApiClient) {
  const [zones, setZones] = useState<Zone[]>([]);
  const [categories, setCategories] = useState<ResourceCategory[]>([]);
  const reload = useCallback(async () => {
    const [z, c] = await Promise.all([api.call('zones.list', { includeInactive: true }), api.call('categories.list', { includeInactive: true })]);
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
