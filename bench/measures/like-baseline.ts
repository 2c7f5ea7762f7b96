import type Database from 'better-sqlite3';
import type { GeneratedResource } from '../generate/types';
import { round } from '../lib/stats';
import { timeSync } from '../lib/timing';
import { loadQueryClasses } from '../queries';
import { latencyRow, valueRow, type Measure, type Row } from './measure';

const TABLE = 'like_baseline_resources';

/**
 * (e) The number the real search engine (issue 3) has to beat: a plain `LIKE '%q%'` scan over
 * title, organisation and description of every generated resource, in a scratch table of the
 * bench-only file. It counts all matches (a result list shows the total), so every query
 * reads the whole table. ASCII LIKE is case-insensitive; pinyin finds nothing by design.
 */
export const likeBaselineMeasure: Measure = {
  name: 'like-baseline',
  title: 'text search baseline (LIKE scan)',
  run(ctx) {
    const db = ctx.benchDb();
    const resources = ctx.dataset.resources;
    const load = timeSync(() => loadScratchTable(db, resources));
    const count = db.prepare<{ pattern: string }, number>(
      `SELECT count(*) FROM ${TABLE} WHERE title LIKE @pattern ESCAPE '\\' OR organisation LIKE @pattern ESCAPE '\\' OR description LIKE @pattern ESCAPE '\\'`,
    ).pluck();
    const pattern = (q: string) => ({ pattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const classes = loadQueryClasses();

    // One untimed pass: pages into the OS cache, statement compiled, as after the app's first search.
    for (const c of classes) for (const q of c.queries) count.get(pattern(q));

    const reps = ctx.iterations(4, 2);
    const rows: Row[] = [valueRow(`load ${resources.length.toLocaleString('en-US')} resources into scratch table`, load.ms > 0 ? (resources.length / load.ms) * 1000 : 0, 'rows/s', `${Math.round(load.ms)} ms, one transaction`)];
    const perQuery: Array<{ class: string; query: string; matched: number; medianMs: number }> = [];
    for (const c of classes) {
      const samples: number[] = [];
      const matched: Array<[string, number]> = [];
      for (const q of c.queries) {
        const own: number[] = [];
        let hits = 0;
        for (let i = 0; i < reps; i++) {
          const t = timeSync(() => count.get(pattern(q)) ?? 0);
          own.push(t.ms);
          hits = t.value;
        }
        samples.push(...own);
        matched.push([q, hits]);
        perQuery.push({ class: c.id, query: q, matched: hits, medianMs: round(own.sort((a, b) => a - b)[Math.floor(own.length / 2)]!) });
      }
      const average = matched.reduce((sum, [, n]) => sum + n, 0) / matched.length;
      rows.push({
        ...latencyRow(`LIKE ${c.label}`, samples, matched.map(([q, n]) => `${q} ${n}`).join(' · ')),
        value: Math.round(average),
        unit: 'avg matched',
      });
    }
    return { rows, details: { table: TABLE, rowsScanned: resources.length, repetitionsPerQuery: reps, perQuery } };
  },
};

function loadScratchTable(db: Database.Database, resources: readonly GeneratedResource[]): void {
  db.exec(`DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (seq INTEGER PRIMARY KEY, title TEXT NOT NULL, organisation TEXT NOT NULL, description TEXT NOT NULL) STRICT`);
  const insert = db.prepare(`INSERT INTO ${TABLE} (seq, title, organisation, description) VALUES (?, ?, ?, ?)`);
  db.transaction(() => {
    for (const r of resources) insert.run(r.seq, r.title, r.organisation, r.description);
  })();
}
