import { useCallback } from 'react';
import type { ResourceSearchInput, ResourceSearchResult, ResourceSummary } from '../../../../shared/domain/resource-search';
import type { ApiClient } from '../../api/client';
import { usePagedSearch } from '../../ui/usePagedSearch';

export type SearchFilters = Omit<ResourceSearchInput, 'offset' | 'limit'>;

/** The registry's search as sparse pages for the virtual list (see usePagedSearch). */
export function useResourceSearch(api: ApiClient, filters: SearchFilters) {
  const key = JSON.stringify(filters);
  const run = useCallback((offset: number, limit: number) => api.call('resources.search', { ...(JSON.parse(key) as SearchFilters), offset, limit }), [api, key]);
  const { meta, error, loading, rowAt, reload } = usePagedSearch<ResourceSummary, ResourceSearchResult>(run);
  return {
    total: meta?.total ?? 0,
    facets: meta?.facets ?? null,
    highlight: meta?.highlight ?? [],
    tookMs: meta?.tookMs ?? 0,
    error,
    loading,
    rowAt,
    reload,
  };
}
