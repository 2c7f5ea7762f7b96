import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResourceSearchInput, ResourceSearchResult, ResourceSummary } from '../../../../shared/domain/resource-search';
import type { ApiClient } from '../../api/client';

export const PAGE_SIZE = 100;

export type SearchFilters = Omit<ResourceSearchInput, 'offset' | 'limit'>;

interface State {
  total: number;
  facets: ResourceSearchResult['facets'] | null;
  highlight: string[];
  tookMs: number;
  error: unknown;
  loading: boolean;
}

/**
 * Search results as sparse pages: the virtual list asks for any row, and the page holding
 * it is fetched once. Responses to an older query are dropped (typing fast never shows
 * stale results).
 */
export function useResourceSearch(api: ApiClient, filters: SearchFilters) {
  const [state, setState] = useState<State>({ total: 0, facets: null, highlight: [], tookMs: 0, error: null, loading: true });
  const pages = useRef(new Map<number, ResourceSummary[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setTick] = useState(0);
  const key = JSON.stringify(filters);

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const result = await api.call('resources.search', { ...(JSON.parse(key) as SearchFilters), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (gen !== generation.current) return;
        pages.current.set(page, result.items);
        setState({ total: result.total, facets: result.facets, highlight: result.highlight, tookMs: result.tookMs, error: null, loading: false });
      } catch (error) {
        if (gen === generation.current) setState((s) => ({ ...s, error, loading: false }));
      } finally {
        pending.current.delete(page);
        setTick((n) => n + 1);
      }
    },
    [api, key],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    setState((s) => ({ ...s, loading: true }));
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  useEffect(reload, [reload]);

  const rowAt = useCallback(
    (index: number): ResourceSummary | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const items = pages.current.get(page);
      if (!items) void fetchPage(page, generation.current);
      return items?.[index % PAGE_SIZE];
    },
    [fetchPage],
  );

  return { ...state, rowAt, reload };
}
