import type Database from 'better-sqlite3';
import type { EventListResult, EventWarning } from '../../shared/domain/event';
import { addDays } from '../../shared/shanghai-date';
import { expectOk, setUpBenchCore } from '../lib/bench-core';
import { loadEvents } from '../lib/load-events';
import { latencyStats, round } from '../lib/stats';
import { timeSync } from '../lib/timing';
import { latencyRow, valueRow, type Measure, type Row } from './measure';

/**
 * The N 场创新活动 on the generated 10,000 events of 2026: creating them through the service,
 * the calendar's month and week views, the list's text search next to a raw LIKE scan of the
 * same text columns of the same table, the warnings a planner sees while typing (events.check:
 * overlapping events, venues, busy days), and the .ics export of a month and of the year.
 */

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`);
const QUERIES = ['路演', '冰雪', '对接会', '哈尔滨', '人工智能', '新材料 对接', 'luyan', 'AI'];

export const eventsMeasure: Measure = {
  name: 'events',
  title: 'innovation events: calendar views, list search vs LIKE, warnings, .ics export',
  run(ctx) {
    const core = setUpBenchCore(ctx, 'events');
    try {
      const events = ctx.dataset.events;
      ctx.log(`events: creating ${events.length} events through the service…`);
      const loaded = loadEvents(core, events);
      core.db.pragma('wal_checkpoint(TRUNCATE)');
      const list = (input: object) => expectOk<EventListResult>(core.dispatch('events.list', input), 'events.list');
      const reps = ctx.iterations(5, 2);
      const rows: Row[] = [valueRow(`create ${loaded.created.toLocaleString('en-US')} events (service, one transaction)`, loaded.createMs, 'ms', `${round(loaded.createMs / Math.max(1, loaded.created), 3)} ms/event incl. audit, change log, text index`)];

      const month = repeat(reps, MONTHS.map((from) => () => list({ from, to: monthEnd(from) })));
      rows.push(latencyRow('calendar month view (events.list from/to)', month.samples, `${round(month.meanTotal, 0)} events a month on average`));
      const mondays = Array.from({ length: 52 }, (_, i) => addDays('2026-01-05', i * 7));
      const week = repeat(reps, mondays.map((from) => () => list({ from, to: addDays(from, 6) })));
      rows.push(latencyRow('calendar week view', week.samples, `${round(week.meanTotal, 0)} events a week on average`));
      const year = repeat(reps, [() => list({ from: '2026-01-01', to: '2026-12-31', limit: 2000 })]);
      rows.push(latencyRow('list view, whole year (first 2,000 by start)', year.samples, `${year.last?.total ?? 0} events in 2026`));

      const like = likeCounter(core.db);
      const engine: number[] = [];
      const scans: number[] = [];
      const recall: string[] = [];
      const perQuery: Array<{ q: string; total: number; like: number | null }> = [];
      for (const q of QUERIES) {
        let total = 0;
        for (let i = 0; i < reps; i++) {
          const t = timeSync(() => list({ query: q, limit: 200 }));
          engine.push(t.ms);
          total = t.value.total;
        }
        // Pinyin has no LIKE equivalent: the text holds characters.
        const likeCount = /^[a-z]+$/.test(q) ? null : timeSync(() => like(q));
        if (likeCount) {
          scans.push(likeCount.ms);
          if (total < likeCount.value) recall.push(`「${q}」: engine ${total} < LIKE ${likeCount.value}`);
        }
        perQuery.push({ q, total, like: likeCount?.value ?? null });
      }
      const ours = latencyStats(engine);
      const theirs = latencyStats(scans);
      rows.push({
        ...latencyRow('list search (text, one engine)', engine, `LIKE p50 ${round(theirs.p50)} ms · ${perQuery.map((p) => `${p.q} ${p.total}`).join(' · ')}`),
        value: round(theirs.p50 / Math.max(ours.p50, 0.001), 1),
        unit: '× faster than LIKE (p50)',
      });
      rows.push(valueRow('recall vs LIKE (non-pinyin queries)', recall.length === 0 ? 100 : 0, '%', recall.length ? recall.join('; ') : 'every engine total ≥ LIKE count'));

      // A planner typing a new event: the day, the host's other events, the venue, busy days.
      const busiest = busiestDay(core.db);
      const hostZone = core.db.prepare<[], string>("SELECT id FROM zones WHERE code = 'HRB'").pluck().get()!;
      const check = repeat(reps * 4, [
        () => expectOk<EventWarning[]>(core.dispatch('events.check', { startAt: `${busiest}T09:00:00+08:00`, endAt: `${busiest}T12:00:00+08:00`, ownerZoneId: hostZone, venue: '哈尔滨国际会议中心' }), 'events.check'),
        () => expectOk<EventWarning[]>(core.dispatch('events.check', { startAt: '2026-10-01T09:00:00+08:00', endAt: '2026-10-03T17:00:00+08:00', ownerZoneId: hostZone }), 'events.check'),
      ]);
      rows.push(latencyRow('warnings while planning (events.check)', check.samples, `busiest day ${busiest}; a 3-day event over 国庆`));

      const icsMonth = timeSync(() => expectOk<{ count: number; text: string }>(core.dispatch('events.exportIcs', { filter: { from: '2026-06-01', to: '2026-06-30' } }), 'events.exportIcs'));
      rows.push(valueRow('.ics export, one month', icsMonth.ms, 'ms', `${icsMonth.value.count} events · ${round(icsMonth.value.text.length / 1024, 0)} KB`));
      const icsYear = timeSync(() => expectOk<{ count: number; text: string }>(core.dispatch('events.exportIcs', { filter: { from: '2026-01-01', to: '2026-12-31', limit: 5000 } }), 'events.exportIcs'));
      rows.push(valueRow('.ics export, 5,000 events (the most one file takes)', icsYear.ms, 'ms', `${icsYear.value.count} events · ${round(icsYear.value.text.length / 1048576, 1)} MB`));

      return { rows, details: { created: loaded.created, createMs: loaded.createMs, queries: perQuery, search: ours, like: theirs, busiestDay: busiest } };
    } finally {
      core.close();
    }
  },
};

/** Runs every call `reps` times: the samples, the last answer and the mean of the first round's totals. */
function repeat<T extends { total: number } | EventWarning[]>(reps: number, calls: ReadonlyArray<() => T>) {
  const samples: number[] = [];
  const totals: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < reps; i++) {
    for (const call of calls) {
      const t = timeSync(call);
      samples.push(t.ms);
      last = t.value;
      if (i === 0 && 'total' in t.value) totals.push(t.value.total);
    }
  }
  return { samples, last, meanTotal: totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length) };
}

/** The last day of the month that `first` (YYYY-MM-01) begins. */
function monthEnd(first: string): string {
  return addDays(`${addDays(first, 31).slice(0, 8)}01`, -1);
}

/** count(*) of live events whose indexed text (title, venue, description) holds every word, by LIKE. */
function likeCounter(db: Database.Database) {
  return (query: string): number => {
    const words = query.split(/\s+/).filter(Boolean);
    const where = words.map(() => "(title LIKE ? ESCAPE '\\' OR venue LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\' OR agenda LIKE ? ESCAPE '\\')").join(' AND ');
    const params = words.flatMap((w) => Array(4).fill(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    return db.prepare<unknown[], number>(`SELECT count(*) FROM events WHERE deleted_at IS NULL AND ${where}`).pluck().get(...params) ?? 0;
  };
}

function busiestDay(db: Database.Database): string {
  return db.prepare<[], string>('SELECT substr(start_at, 1, 10) AS day FROM events GROUP BY day ORDER BY count(*) DESC LIMIT 1').pluck().get() ?? '2026-06-01';
}
