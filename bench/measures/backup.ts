import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createCore, DATABASE_FILE, type Core } from '../../electron/core/app-core';
import { verifyBackupFile } from '../../electron/core/backups/backup-files';
import { backupFolderOf } from '../../electron/core/backups/backup-service';
import { rebuildResourceIndex } from '../../electron/core/search/resource-index';
import type { BackupEntry, BackupOverview, RestoreResult } from '../../shared/domain/backup';
import type { Resource, ResourceCategory } from '../../shared/domain/resource';
import { expectOk, setUpBenchCore } from '../lib/bench-core';
import { loadResources } from '../lib/load-resources';
import { loadScenarios } from '../lib/load-scenarios';
import { latencyStats, round } from '../lib/stats';
import { sampleSync, timeSync } from '../lib/timing';
import { latencyRow, valueRow, type Measure } from './measure';

/**
 * Issue 9: backups of the full generated database (resources with their search index, and the
 * scenario listings) through the real channels: backups.create (VACUUM INTO, then the file
 * checked — integrity_check, schema version, row counts — before it is named), backups.overview,
 * backups.restore (verify the chosen backup, back up the current data as the undo, copy, swap,
 * reopen with the checks at open) and restoring that undo. Baseline in the same run: a plain
 * copy of the same database file (checkpointed, nobody writing) into the same folder, without
 * and with an fsync (VACUUM INTO writes with the database's synchronous=FULL).
 */
export const backupMeasure: Measure = {
  name: 'backup',
  title: 'backups of the full dataset (create, overview, restore, undo)',
  run(ctx) {
    let core: Core = setUpBenchCore(ctx, 'backup');
    try {
      const db = core.db;
      ctx.log(`backup: loading ${ctx.dataset.resources.length} resources and ${ctx.dataset.scenarios.length} scenarios…`);
      const loaded = timeSync(() => {
        loadResources(db, ctx.dataset.resources);
        rebuildResourceIndex(db);
        return loadScenarios(db, ctx.dataset.scenarios, { actorLabel: '基准测试（bench）' });
      });
      db.pragma('wal_checkpoint(TRUNCATE)');
      const databaseFile = join(core.dataDir, DATABASE_FILE);
      const fileBytes = statSync(databaseFile).size;
      const resourceCount = () => core.db.prepare<[], number>('SELECT count(*) FROM resources WHERE deleted_at IS NULL').pluck().get() ?? 0;
      const resources = resourceCount();
      if (resources !== ctx.dataset.resources.length) throw new Error(`loaded ${resources} resources, expected ${ctx.dataset.resources.length}`);
      const { folder } = backupFolderOf(core.dataDir);
      mkdirSync(folder, { recursive: true });

      // Interleaved, so the page cache and the disk's mood are shared alike.
      const reps = ctx.iterations(3, 1);
      const samples = { copy: [] as number[], copyFsync: [] as number[], vacuum: [] as number[], create: [] as number[], verify: [] as number[] };
      let last: BackupEntry | null = null;
      for (let i = 0; i < reps; i++) {
        ctx.log(`backup: round ${i + 1} of ${reps}…`);
        core.db.pragma('wal_checkpoint(TRUNCATE)'); // quiescent: the main file is the whole database
        const copyTarget = join(folder, 'bench-copy.sqlite');
        samples.copy.push(timeSync(() => copyFileSync(databaseFile, copyTarget)).ms);
        rmSync(copyTarget, { force: true });
        samples.copyFsync.push(timeSync(() => copyAndSync(databaseFile, copyTarget)).ms);
        if (statSync(copyTarget).size !== fileBytes) throw new Error('the copy has another size than the database');
        rmSync(copyTarget, { force: true });
        const vacuumTarget = join(folder, 'bench-vacuum.sqlite');
        samples.vacuum.push(timeSync(() => core.db.prepare('VACUUM INTO ?').run(vacuumTarget)).ms);
        rmSync(vacuumTarget, { force: true });

        const created = timeSync(() => expectOk<BackupEntry>(core.dispatch('backups.create', {}), 'backups.create'));
        samples.create.push(created.ms);
        // The check writeBackup runs on the new file, run again on its own (the file is in the page cache either way).
        const verified = timeSync(() => verifyBackupFile(join(folder, created.value.id), created.value.counts));
        if (verified.value !== null) throw new Error(`backup ${created.value.id} failed its check: ${verified.value}`);
        samples.verify.push(verified.ms);
        if (created.value.counts.resources !== resources) throw new Error(`backup counts ${created.value.counts.resources} resources, expected ${resources}`);
        if (last) for (const name of [last.id, `${last.id}.json`]) rmSync(join(folder, name), { force: true }); // keep one, the disk is not the subject
        last = created.value;
      }
      if (!last) throw new Error('no backup made');

      const overviewSamples = sampleSync(() => expectOk<BackupOverview>(core.dispatch('backups.overview', {}), 'backups.overview'), { warmup: 3, iterations: ctx.iterations(50, 10) });
      const overview = expectOk<BackupOverview>(core.dispatch('backups.overview', {}), 'backups.overview');
      if (!overview.backups.some((b) => b.id === last!.id)) throw new Error('backups.overview does not list the backup');

      // A change after the backup, so the restore has something to take away and the undo something to bring back.
      const marker = expectOk<Resource>(core.dispatch('resources.create', markerInput(core)), 'resources.create');
      const restored = timeSync(() => expectOk<RestoreResult>(core.dispatch('backups.restore', { id: last!.id }), 'backups.restore'));
      if (resourceCount() !== resources || core.db.prepare('SELECT 1 FROM resources WHERE id = ?').get(marker.id)) throw new Error('restore: the resource made after the backup is still there');
      const undone = timeSync(() => expectOk<RestoreResult>(core.dispatch('backups.restore', { id: restored.value.undo.id }), 'backups.restore'));
      if (resourceCount() !== resources + 1 || !core.db.prepare('SELECT 1 FROM resources WHERE id = ?').get(marker.id)) throw new Error('undo: the resource made after the backup did not come back');

      // What a restore ends with, on its own: opening the big file (migrations check, quick_check, foreign_key_check).
      core.close();
      const reopened = timeSync(() => createCore({ dataDir: core.dataDir, appVersion: '0.0.0-bench', logError: () => {}, backups: 'off' }));
      core = reopened.value;
      if (resourceCount() !== resources + 1) throw new Error('reopen: wrong resource count');

      const median = (xs: number[]) => latencyStats(xs).p50;
      const copyMs = median(samples.copy);
      const copyFsyncMs = median(samples.copyFsync);
      const createMs = median(samples.create);
      const verifyMs = median(samples.verify);
      const backupMb = last.sizeBytes / 1048576;
      const per = reps > 1 ? `median of ${reps}` : '1 run';
      return {
        rows: [
          valueRow('database file (checkpointed)', fileBytes / 1048576, 'MB', `${resources.toLocaleString('en-US')} resources + index, ${loaded.value.inserted.toLocaleString('en-US')} scenarios`),
          valueRow('backups.create', createMs, 'ms', `${round(backupMb, 1)} MB file, ${per}`),
          valueRow('  of which: verification (re-run alone)', verifyMs, 'ms', 'integrity_check + schema version + row counts'),
          valueRow('  raw VACUUM INTO (same folder)', median(samples.vacuum), 'ms', 'what create does before the check'),
          valueRow('baseline: fs.copyFileSync', copyMs, 'ms', `${round(fileBytes / 1048576 / (copyMs / 1000), 0)} MB/s, no fsync`),
          valueRow('baseline: copyFileSync + fsync', copyFsyncMs, 'ms'),
          valueRow('create vs copy', createMs / copyMs, '×'),
          valueRow('create vs copy + fsync', createMs / copyFsyncMs, '×'),
          latencyRow('backups.overview', overviewSamples, `${overview.backups.length} backup(s) listed`),
          valueRow('backups.restore', restored.ms, 'ms', 'verify + undo backup + copy + swap + reopen'),
          valueRow('backups.restore of its undo', undone.ms, 'ms', 'the same work, back again'),
          valueRow('  reopen the file alone (createCore)', reopened.ms, 'ms', 'quick_check + foreign_key_check at open'),
        ],
        details: {
          resources,
          scenarios: loaded.value.inserted,
          events: 'not loaded (no loader for the generated events yet)',
          loadMs: Math.round(loaded.ms),
          databaseBytes: fileBytes,
          backupBytes: last.sizeBytes,
          reps,
          copyMs: samples.copy.map((x) => Math.round(x)),
          copyFsyncMs: samples.copyFsync.map((x) => Math.round(x)),
          vacuumIntoMs: samples.vacuum.map((x) => Math.round(x)),
          createMs: samples.create.map((x) => Math.round(x)),
          verifyMs: samples.verify.map((x) => Math.round(x)),
          overviewP50Ms: latencyStats(overviewSamples).p50,
          restoreMs: Math.round(restored.ms),
          undoMs: Math.round(undone.ms),
          reopenMs: Math.round(reopened.ms),
          ratioCopy: round(createMs / copyMs, 2),
          ratioCopyFsync: round(createMs / copyFsyncMs, 2),
        },
      };
    } finally {
      core.close();
    }
  },
};

function copyAndSync(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function markerInput(core: Core) {
  const instrument = expectOk<ResourceCategory[]>(core.dispatch('categories.list', {}), 'categories.list').find((c) => c.code === 'instrument');
  if (!instrument) throw new Error('no instrument category');
  return {
    categoryId: instrument.id,
    title: '备份基准：恢复后应消失的仪器',
    organisation: '基准测试中心',
    sharingMode: 'free',
    contactPerson: '基准',
    contactPhone: '0451-86000000',
    extra: { model: 'SU8020', manufacturer: '日立', originalValue: 385, purchaseYear: 2019, bookingMode: 'slot', instrumentState: 'idle' },
  };
}
