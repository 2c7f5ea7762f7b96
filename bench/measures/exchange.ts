import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/core/app-core';
import { createResource } from '../../electron/core/resources/resource-service';
import { actorOf, readInstallation } from '../../electron/core/settings/settings-service';
import type { BackupEntry } from '../../shared/domain/backup';
import type { ExchangeResult } from '../../shared/domain/exchange';
import { ResourceCreateInput, type ResourceCategory } from '../../shared/domain/resource';
import type { Zone } from '../../shared/domain/zone';
import { createInputOf } from '../generate/create-input';
import type { GeneratedResource } from '../generate/types';
import { expectOk, setUpBenchCore } from '../lib/bench-core';
import type { BenchContext } from '../lib/context';
import { timeSync } from '../lib/timing';
import { valueRow, type Measure } from './measure';

/**
 * Issue 8: a signed exchange package of N new resources made on a member installation (大庆,
 * DQ) and taken in by the secretariat (哈尔滨, HRB), each on its own data dir, through the real
 * channels: exchange.export on the member, exchange.preview and exchange.apply on the
 * secretariat, then the same package again (a replay: recognised, nothing changes). Baseline in
 * the same run: the same N rows as one transaction of plain INSERTs into a copy of the
 * resources table (no triggers, no indexes, no search index), and into a fresh core's real
 * resources table (its change-log triggers, no search index, no audit).
 *
 * exchange.apply first makes an automatic 'before-exchange' backup when the change log moved
 * since the newest backup (CoreOptions.backups 'off' only stops the start and timer ones). That
 * backup is timed on its own: backups.create runs just before (the same backupNow), which
 * leaves the channel's own check with nothing to do; channel cost = backup + apply.
 */
export const exchangeMeasure: Measure = {
  name: 'exchange',
  title: 'exchange packages (member → secretariat)',
  run(ctx) {
    const n = ctx.iterations(10_000, 1_000);
    const generated = ctx.dataset.resources.slice(0, n);
    if (generated.length < n) ctx.log(`exchange: only ${generated.length} resources in the dataset`);
    const count = generated.length;
    const member = setUpZoneCore(ctx, 'exchange-dq', 'DQ', 'member');
    const secretariat = setUpBenchCore(ctx, 'exchange-hrb');
    const cores: Core[] = [member, secretariat];
    try {
      ctx.log(`exchange: creating ${count} resources on the member (createResource, one transaction; not timed)…`);
      const created = timeSync(() => createOnMember(member, generated));

      // ── Out: the member's package ──
      const exported = timeSync(() => expectOk<{ fileName: string; dataBase64: string }>(member.dispatch('exchange.export', {}), 'exchange.export'));
      const file = { fileName: exported.value.fileName, dataBase64: exported.value.dataBase64 };
      const packageBytes = Buffer.byteLength(file.dataBase64, 'base64');

      // ── In: preview (the same run rolled back), then apply ──
      const dqOnHrb = zoneIdOf(secretariat, 'DQ');
      const hrbResources = () => secretariat.db.prepare<[string], number>('SELECT count(*) FROM resources WHERE owner_zone_id = ? AND deleted_at IS NULL').pluck().get(dqOnHrb) ?? 0;
      const preview = timeSync(() => expectOk<ExchangeResult>(secretariat.dispatch('exchange.preview', file), 'exchange.preview'));
      expectKinds(preview.value, count, 'preview');
      if (preview.value.applied || hrbResources() !== 0) throw new Error('preview: it wrote to the secretariat’s database');

      const applyBackup = timeSync(() => expectOk<BackupEntry>(secretariat.dispatch('backups.create', {}), 'backups.create'));
      const applied = timeSync(() => expectOk<ExchangeResult>(secretariat.dispatch('exchange.apply', file), 'exchange.apply'));
      expectKinds(applied.value, count, 'apply');
      if (!applied.value.applied) throw new Error('apply: not applied');
      if (hrbResources() !== count) throw new Error(`apply: expected ${count} resources of DQ on the secretariat, found ${hrbResources()}`);
      const searchable = expectOk<{ total: number }>(secretariat.dispatch('resources.search', { query: generated[0]!.title, limit: 1 }), 'resources.search').total;
      if (searchable < 1) throw new Error('apply: the applied resources are not in the search index');
      const backupsBefore = backupCount(secretariat);

      // ── The same package again: recognised by its id, nothing changes ──
      const before = stateOf(secretariat.db);
      const replayBackup = timeSync(() => expectOk<BackupEntry>(secretariat.dispatch('backups.create', {}), 'backups.create'));
      const replay = timeSync(() => expectOk<ExchangeResult>(secretariat.dispatch('exchange.apply', file), 'exchange.apply'));
      if (!replay.value.duplicate) throw new Error('replay: not recognised as a duplicate');
      if (stateOf(secretariat.db) !== before) throw new Error('replay: the secretariat’s database changed');
      if (backupCount(secretariat) !== backupsBefore + 1) throw new Error('replay: the channel made a backup of its own (the timed one should have covered it)');

      // ── Baselines: the same rows, one transaction of plain INSERTs ──
      const rows = member.db.prepare('SELECT * FROM resources ORDER BY seq').all() as Array<Record<string, unknown>>;
      const plain = timeSync(() => insertIntoPlainCopy(ctx, member.db, rows));
      const baselineCore = setUpBenchCore(ctx, 'exchange-baseline');
      cores.push(baselineCore);
      const real = timeSync(() => insertIntoRealTable(member, baselineCore, rows));
      if (plain.value !== count || real.value !== count) throw new Error(`baseline: inserted ${plain.value} / ${real.value} rows, expected ${count}`);

      const rate = (ms: number) => Math.round((count / ms) * 1000);
      const ratio = applied.ms / plain.ms;
      const channelApplyMs = applyBackup.ms + applied.ms;
      const n$ = count.toLocaleString('en-US');
      return {
        rows: [
          valueRow(`exchange.export, ${n$} resources`, exported.ms, 'ms', `${Math.round(packageBytes / 1024).toLocaleString('en-US')} KB package, ${Math.round(packageBytes / count)} B/record`),
          valueRow('exchange.preview on the secretariat', preview.ms, 'ms', `${rate(preview.ms)} records/s, rolled back`),
          valueRow(`exchange.apply, ${n$} resources`, applied.ms, 'ms', `${rate(applied.ms)} records/s, one transaction`),
          valueRow('  + automatic backup before it', applyBackup.ms, 'ms', `channel total ${Math.round(channelApplyMs)} ms; ${mb(applyBackup.value.sizeBytes)} MB file`),
          valueRow('exchange.apply again (replay recognised)', replay.ms, 'ms', 'duplicate: true, database unchanged'),
          valueRow('  + automatic backup before it', replayBackup.ms, 'ms', `the apply moved the change log; ${mb(replayBackup.value.sizeBytes)} MB file`),
          valueRow('baseline: INSERT into a plain copy', plain.ms, 'ms', `${rate(plain.ms)} rows/s, one transaction, no triggers or indexes`),
          valueRow('baseline: INSERT into a real resources table', real.ms, 'ms', `${rate(real.ms)} rows/s, with its change-log triggers`),
          valueRow('apply vs plain-copy baseline', ratio, '×'),
          valueRow('apply vs real-table baseline', applied.ms / real.ms, '×'),
        ],
        details: {
          resources: count,
          note: 'the first N generated resources, all registered by the member zone DQ (ownerZoneId overridden)',
          createOnMemberMs: Math.round(created.ms),
          packageBytes,
          exportMs: Math.round(exported.ms),
          previewMs: Math.round(preview.ms),
          applyMs: Math.round(applied.ms),
          applyBackupMs: Math.round(applyBackup.ms),
          applyBackupBytes: applyBackup.value.sizeBytes,
          applyThroughChannelMs: Math.round(channelApplyMs),
          replayMs: Math.round(replay.ms * 1000) / 1000,
          replayBackupMs: Math.round(replayBackup.ms),
          replayBackupBytes: replayBackup.value.sizeBytes,
          baselinePlainInsertMs: Math.round(plain.ms),
          baselineRealTableInsertMs: Math.round(real.ms),
          applyPerRecordMs: Math.round((applied.ms / count) * 1000) / 1000,
          ratioPlain: Math.round(ratio * 100) / 100,
          ratioRealTable: Math.round((applied.ms / real.ms) * 100) / 100,
          keyNotice: applied.value.keyNotice !== null,
        },
      };
    } finally {
      for (const core of cores) core.close();
    }
  },
};

/** A real core set up as the given zone and role, as the first-run wizard does it. */
function setUpZoneCore(ctx: BenchContext, label: string, code: string, role: 'secretariat' | 'member'): Core {
  const core = createCore({ dataDir: ctx.newDataDir(label), appVersion: '0.0.0-bench', logError: () => {}, backups: 'off' });
  expectOk(core.dispatch('settings.setup', { zoneId: zoneIdOf(core, code), role, operatorName: '基准测试' }), 'settings.setup');
  return core;
}

function zoneIdOf(core: Core, code: string): string {
  const zone = expectOk<Zone[]>(core.dispatch('zones.list', {}), 'zones.list').find((z) => z.code === code);
  if (!zone) throw new Error(`no zone ${code} in the roster`);
  return zone.id;
}

/** The generated resources through the service (schema, rules, search index, audit), as the member's own, one transaction. */
function createOnMember(core: Core, resources: readonly GeneratedResource[]): number {
  const actor = actorOf(core.db, readInstallation(core.db));
  if (!actor?.zoneId) throw new Error('the member is not set up');
  const categories = new Map(expectOk<ResourceCategory[]>(core.dispatch('categories.list', {}), 'categories.list').map((c) => [c.code, c.id]));
  core.db.transaction(() => {
    for (const r of resources) {
      const categoryId = categories.get(r.categoryCode);
      if (!categoryId) throw new Error(`no category ${r.categoryCode}`);
      createResource(
        core.db,
        actor,
        ResourceCreateInput.parse(createInputOf(r, categoryId, actor.zoneId ?? undefined)),
      );
    }
  })();
  return resources.length;
}

function expectKinds(result: ExchangeResult, count: number, what: string): void {
  const resource = result.kinds.find((k) => k.kind === 'resource');
  if (!resource || resource.added !== count) throw new Error(`${what}: expected ${count} resources added, got ${JSON.stringify(result.kinds)}`);
  const others = result.kinds.filter((k) => k.kind !== 'resource' && k.added + k.updated > 0);
  if (result.refusals.length > 0 || result.pending > 0 || result.conflicts > 0) {
    throw new Error(`${what}: ${result.refusals.length} refused, ${result.pending} pending, ${result.conflicts} conflicts: ${JSON.stringify(result.refusals.slice(0, 3))}`);
  }
  if (others.length > 0) throw new Error(`${what}: the package carried more than the resources: ${JSON.stringify(others)}`);
}

function backupCount(core: Core): number {
  return expectOk<{ backups: unknown[] }>(core.dispatch('backups.overview', {}), 'backups.overview').backups.length;
}

/** Row counts of every table, and the contents of the resources and exchange tables, as one hash. */
function stateOf(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all();
  for (const table of tables) {
    hash.update(`${table}:${db.prepare<[], number>(`SELECT count(*) FROM "${table}"`).pluck().get()}\n`);
    if (table !== 'resources' && table !== 'zone_keys' && !table.startsWith('sync_')) continue;
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/**
 * The member's rows into a copy of the resources table (same columns and constraints, no
 * foreign keys, triggers or indexes) in a scratch file with the app's durability settings.
 */
function insertIntoPlainCopy(ctx: BenchContext, source: Database.Database, rows: ReadonlyArray<Record<string, unknown>>): number {
  const sql = source.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'resources'").pluck().get();
  if (!sql) throw new Error('no resources table');
  const db = ctx.benchDb();
  db.exec('DROP TABLE IF EXISTS exchange_plain_resources');
  const plainSql = sql
    .replace(/^CREATE TABLE\s+"?resources"?/i, 'CREATE TABLE exchange_plain_resources')
    .replace(/,\s*FOREIGN KEY\s*\([^)]*\)\s*REFERENCES\s+\w+\s*(\([^)]*\))?/gi, '')
    .replace(/\s+REFERENCES\s+\w+\s*(\([^)]*\))?/gi, '');
  db.exec(plainSql);
  const columns = Object.keys(rows[0] ?? {});
  const insert = db.prepare(`INSERT INTO exchange_plain_resources (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`);
  db.transaction(() => rows.forEach((row) => insert.run(row)))();
  return db.prepare<[], number>('SELECT count(*) FROM exchange_plain_resources').pluck().get() ?? 0;
}

/** The same rows into another installation's resources table (zone and category ids mapped by code), seq left to it. */
function insertIntoRealTable(from: Core, to: Core, rows: ReadonlyArray<Record<string, unknown>>): number {
  const codes = (db: Database.Database, table: string) => db.prepare<[], { id: string; code: string }>(`SELECT id, code FROM ${table}`).all();
  const zoneTo = new Map(codes(to.db, 'zones').map((z) => [z.code, z.id]));
  const categoryTo = new Map(codes(to.db, 'resource_categories').map((c) => [c.code, c.id]));
  const zoneMap = new Map(codes(from.db, 'zones').map((z) => [z.id, zoneTo.get(z.code)]));
  const categoryMap = new Map(codes(from.db, 'resource_categories').map((c) => [c.id, categoryTo.get(c.code)]));
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'seq');
  const insert = to.db.prepare(`INSERT INTO resources (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`);
  to.db.transaction(() => {
    for (const row of rows) {
      const { seq: _seq, ...rest } = row;
      insert.run({ ...rest, owner_zone_id: zoneMap.get(row.owner_zone_id as string), category_id: categoryMap.get(row.category_id as string) });
    }
  })();
  return to.db.prepare<[], number>('SELECT count(*) FROM resources').pluck().get() ?? 0;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
