import { useCallback, useEffect, useRef, useState } from 'react';

export const PAGE_SIZE = 100;

interface PagedResult<T> {
  total: number;
  items: T[];
}

/**
 * A search result as sparse pages: a virtual list asks for any row, and the page holding it
 * is fetched once. `run` changes identity when the query or filters change (memoize it on
 * them); responses to an older `run` are dropped, so typing fast never shows stale results.
 * `meta` is the latest response without its items (total, facets, highlight…).
 */
export function usePagedSearch<T, R extends PagedResult<T>>(run: (offset: number, limit: number) => Promise<R>) {
  const [meta, setMeta] = useState<Omit<R, 'items'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const pages = useRef(new Map<number, T[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setTick] = useState(0);

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const result = await run(page * PAGE_SIZE, PAGE_SIZE);
        if (gen !== generation.current) return;
        pages.current.set(page, result.items);
        const { items: _items, ...rest } = result;
        setMeta(rest);
        setError(null);
        setLoading(false);
      } catch (failure) {
        if (gen === generation.current) {
          setError(failure);
          setLoading(false);
        }
      } finally {
        pending.current.delete(page);
        setTick((n) => n + 1);
      }
    },
    [run],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    setLoading(true);
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  useEffect(reload, [reload]);

  const rowAt = useCallback(
    (index: number): T | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const items = pages.current.get(page);
      if (!items) void fetchPage(page, generation.current);
      return items?.[index % PAGE_SIZE];
    },
    [fetchPage],
  );

  return { meta, error, loading, rowAt, reload };
}
