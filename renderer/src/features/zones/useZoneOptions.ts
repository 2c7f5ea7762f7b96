import { useCallback, useEffect, useState } from 'react';
import type { Zone } from '../../../../shared/domain/zone';
import type { ApiClient } from '../../api/client';

/**
 * Active zones for a picker, searched by the core (names, codes and pinyin), so every
 * search box in the app matches the same way.
 */
export function useZoneOptions(api: ApiClient) {
  const [zones, setZones] = useState<Zone[]>([]);
  const search = useCallback(
    async (query: string) => {
      const found = await api.call('zones.list', { query, includeInactive: false });
      setZones(found);
    },
    [api],
  );
  useEffect(() => void search(''), [search]);
  return { zones, search };
}
