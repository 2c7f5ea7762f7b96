import { deterministicUlid } from '../generate/ids-and-times';
import { createRng } from '../generate/prng';
import type { GeneratedResource } from '../generate/types';
import { sampleSync, timeSync } from '../lib/timing';
import { latencyRow, valueRow, type Measure } from './measure';

const TABLE = 'bulk_write_audit';
type AuditParams = [string, string, string, string, string, string, string, string, string];

/**
 * (f) Why imports and bulk actions must write in one transaction: N audit-log rows in a
 * single transaction vs one transaction (= one fsync under synchronous=FULL, as the app runs)
 * per row. Scratch table shaped like audit_log, in the bench-only file.
 */
export const bulkWriteMeasure: Measure = {
  name: 'bulk-write',
  title: 'bulk write (audit-like rows)',
  run(ctx) {
    const db = ctx.benchDb();
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    if (synchronous !== 2) throw new Error(`expected synchronous=FULL (2), got ${synchronous}`);
    db.exec(`DROP TABLE IF EXISTS ${TABLE};
      CREATE TABLE ${TABLE} (id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, actor_zone_id TEXT, entity TEXT NOT NULL,
        record_id TEXT NOT NULL, action TEXT NOT NULL, before_json TEXT, after_json TEXT) STRICT;
      CREATE INDEX ${TABLE}_record ON ${TABLE}(record_id, id);`);
    const insert = db.prepare<AuditParams>(`INSERT INTO ${TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);

    const batchSize = ctx.iterations(50_000, 5_000);
    const singleCount = ctx.iterations(1_000, 200);
    const rows = auditRows(ctx.dataset.resources, batchSize + singleCount + 20);
    const batch = rows.slice(0, batchSize);
    const singles = rows.slice(batchSize);

    const batched = timeSync(() => db.transaction(() => batch.forEach((r) => insert.run(...r)))());
    let next = 0;
    const perRow = sampleSync(() => db.transaction(() => insert.run(...singles[next++]!))(), { warmup: 20, iterations: singleCount });

    const batchedRate = (batchSize / batched.ms) * 1000;
    const perRowRate = (singleCount / perRow.reduce((a, b) => a + b, 0)) * 1000;
    return {
      rows: [
        valueRow(`${batchSize.toLocaleString('en-US')} rows, one transaction`, batchedRate, 'rows/s', `${Math.round(batched.ms)} ms total`),
        { ...latencyRow(`${singleCount.toLocaleString('en-US')} rows, one transaction each`, perRow, 'per-commit latency (fsync each)'), value: Math.round(perRowRate), unit: 'rows/s' },
        valueRow('one transaction vs one per row', batchedRate / perRowRate, '× faster'),
      ],
      details: { journalMode: String(db.pragma('journal_mode', { simple: true })), synchronous: 'FULL', batchSize, singleCount },
    };
  },
};

/** Audit entries as the core writes them: a resource changed its status or title. */
function auditRows(resources: readonly GeneratedResource[], count: number): AuditParams[] {
  const rng = createRng(0xa0d17);
  const base = Date.parse('2026-03-01T00:00:00Z');
  const actorZone = deterministicUlid(base - 86_400_000, rng);
  const out: AuditParams[] = [];
  for (let i = 0; i < count; i++) {
    const r = resources[i % Math.max(1, resources.length)];
    const at = base + i * 1000;
    const before = r ? { status: r.status, title: r.title } : { status: 'draft' };
    const after = r ? { status: 'published', title: `${r.title}（更新）` } : { status: 'published' };
    out.push([deterministicUlid(at, rng), new Date(at).toISOString(), '基准测试（哈尔滨高新区）', actorZone, 'resource', r?.id ?? deterministicUlid(at, rng), 'update', JSON.stringify(before), JSON.stringify(after)]);
  }
  return out;
}
