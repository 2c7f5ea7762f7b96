import type Database from 'better-sqlite3';
import { createCore } from '../../electron/core/app-core';
import { stopExcelWorker } from '../../electron/core/excel/worker-client';
import { resourceColumns } from '../../electron/core/search/resource-cache';
import { rebuildResourceIndex } from '../../electron/core/search/resource-index';
import { invalidateResourceCache } from '../../electron/core/search/resource-search';
import type { ResourceSearchResult } from '../../shared/domain/resource-search';
import { loadResources } from '../lib/load-resources';
import { latencyStats, round } from '../lib/stats';
import { timeSync } from '../lib/timing';
import { loadQueryClasses } from '../queries';
import { latencyRow, valueRow, type Measure, type Row } from './measure';

/**
 * The resource search engine (issue 3) on the generated registry, through the real contract
 * channel, next to a raw `LIKE '%q%'` scan over title/organisation/description of the SAME
 * file in the same run. Also checks recall: for every non-pinyin query the engine's total
 * must be at least the LIKE count (it equals it, save for pinyin matches on ASCII queries).
 */
export const resourceSearchMeasure: Measure = {
  name: 'resource-search',
  title: 'resource search engine vs LIKE on the same file',
  async run(ctx) {
    const dataDir = ctx.newDataDir('search');
    const core = createCore({ dataDir, appVersion: 'bench', backups: 'off' });
    try {
      const hrb = core.db.prepare<[], { id: string }>("SELECT id FROM zones WHERE code = 'HRB'").get()!;
      core.dispatch('settings.setup', { zoneId: hrb.id, role: 'secretariat', operatorName: 'bench' });
      const load = timeSync(() => loadResources(core.db, ctx.dataset.resources));
      const index = timeSync(() => rebuildResourceIndex(core.db));
      core.db.pragma('wal_checkpoint(TRUNCATE)');
      const fileMb = (core.db.prepare<[], { n: number }>('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get()!.n / 1048576);

      const like = core.db.prepare<{ pattern: string }, number>(
        "SELECT count(*) FROM resources WHERE deleted_at IS NULL AND (title LIKE @pattern ESCAPE '\\' OR organisation LIKE @pattern ESCAPE '\\' OR description LIKE @pattern ESCAPE '\\')",
      ).pluck();
      const pattern = (q: string) => ({ pattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      // Every timed search is a FIRST search of its text: the engine remembers recent matches
      // (paging, facet clicks), which would otherwise turn repeats into cache hits.
      const search = (input: object) => {
        resourceColumns(core.db, true).matches.clear();
        const result = core.dispatch('resources.search', { limit: 50, ...input });
        if (!result.ok) throw new Error(result.error.message);
        return result.value as ResourceSearchResult;
      };
      const instrument = core.db.prepare<[], { id: string }>("SELECT id FROM resource_categories WHERE code = 'instrument'").get()!.id;

      const classes = loadQueryClasses();
      const cold = timeSync(() => search({ query: '' })); // first search builds the in-memory facet columns
      for (const c of classes) for (const q of c.queries) (search({ query: q }), like.get(pattern(q))); // warm-up

      const reps = ctx.iterations(10, 3);
      const rows: Row[] = [
        valueRow(`load ${ctx.dataset.resources.length.toLocaleString('en-US')} resources (SQL, one transaction)`, load.ms, 'ms'),
        valueRow('build search index (grams + pinyin)', index.ms, 'ms', `${round(fileMb, 1)} MB database file`),
        valueRow('first search (builds facet columns)', cold.ms, 'ms'),
      ];
      const perClass: Record<string, unknown> = {};
      const recallFailures: string[] = [];
      const addClass = (label: string, id: string, cases: Array<{ q: string; input: object; likeQ: string | null }>) => {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (const { q, input, likeQ } of cases) {
          let total = 0;
          for (let i = 0; i < reps; i++) {
            const t = timeSync(() => search(input));
            ours.push(t.ms);
            total = t.value.total;
          }
          if (likeQ !== null) {
            let count = 0;
            for (let i = 0; i < Math.max(2, Math.floor(reps / 3)); i++) {
              const t = timeSync(() => like.get(pattern(likeQ)) ?? 0);
              theirs.push(t.ms);
              count = t.value;
            }
            if (id !== 'pinyin' && total < count) recallFailures.push(`${q}: engine ${total} < LIKE ${count}`);
          }
        }
        const a = latencyStats(ours);
        const b = theirs.length ? latencyStats(theirs) : null;
        const ratio = b ? b.p95 / Math.max(a.p95, 0.001) : null;
        rows.push({ ...latencyRow(`search ${label}`, ours, ratio ? `LIKE p95 ${round(b!.p95)} ms → ${round(ratio, 1)}× faster` : 'no LIKE equivalent'), ...(ratio ? { value: round(ratio, 1), unit: '× vs LIKE p95' } : {}) });
        perClass[id] = { search: a, like: b, ratioP95: ratio };
      };
      for (const c of classes) addClass(c.label, c.id, c.queries.map((q) => ({ q, input: { query: q }, likeQ: q })));
      // The hard case: long words found in a large share of the registry (many candidates to verify).
      addClass('frequent 4+-char words', 'frequent', ['有限公司', '检测服务', '研究院', '联盟成员单位'].map((q) => ({ q, input: { query: q }, likeQ: q })));
      addClass('2-char + category facet', 'facet', ['沈阳', '检测', '质谱'].map((q) => ({ q, input: { query: q, categoryIds: [instrument] }, likeQ: null })));
      addClass('browse all, sorted by title', 'browse', [{ q: '', input: { query: '', sort: 'title' }, likeQ: null }]);
      // Availability-first: 时间预约 instruments free for a window (the generated data has no bookings yet,
      // so this is the instruments' scan and the filter, not the overlap check).
      const window = { freeFrom: '2027-03-15T09:00:00+08:00', freeTo: '2027-03-15T12:00:00+08:00' };
      addClass('free for a time window', 'free', ['', '质谱'].map((q) => ({ q, input: { query: q, ...window }, likeQ: null })));
      rows.push(valueRow('recall vs LIKE (non-pinyin queries)', recallFailures.length === 0 ? 100 : 0, '%', recallFailures.length ? recallFailures.join('; ') : 'every engine total ≥ LIKE count'));
      // The secretariat exporting the whole registry: the list's search, every row, the file written on the worker.
      for (const format of ['xlsx', 'csv'] as const) {
        const started = performance.now();
        const result = await core.dispatchAsync('excel.export', { recordType: 'resource', filter: {}, format });
        const ms = performance.now() - started;
        const detail = result.ok ? `${round(((result.value as { dataBase64: string }).dataBase64.length * 0.75) / 1048576, 1)} MB` : `failed: ${result.error.message}`;
        rows.push(valueRow(`excel.export .${format}, all ${ctx.dataset.resources.length.toLocaleString('en-US')} resources`, ms, 'ms', detail));
      }
      await stopExcelWorker();
      return { rows, details: { perClass, recallFailures, repetitionsPerQuery: reps } };
    } finally {
      core.close();
    }
  },
};
