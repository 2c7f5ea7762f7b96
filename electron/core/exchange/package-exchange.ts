import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { changedFields, mergeVersions } from '../../../shared/domain/exchange-diff';
import type { ExchangeKindSummary, ExchangeResult } from '../../../shared/domain/exchange';
import { blobPath, storeBlob } from '../attachments/attachment-service';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { statement } from '../db/statements';
import { errorCodeOf } from '../db/storage-errors';
import { nowIso } from '../records';
import { withDeferredTextIndex } from '../search/text-index';
import { readInstallation, readSetting, writeSetting } from '../settings/settings-service';
import { clockLocalChanges, clockOf, columnSetOf, decodeRow, encodeRow, ensureIdentity, setClock, trustZoneKey, withClock, zoneKey, type Identity, type StoredVersion } from './exchange-store';
import { globalIdOf, localIdOf } from './global-ids';
import { MAX_ANCESTORS, mergeVersion } from './merge';
import { fingerprintOf, PublicKeyText } from './keys';
import { encodePackage, newPackageId, openPackage, type PackageHeader } from './package-codec';
import { deleteByKey, keyColumnsOf, keyOf, keyRow, selectByKey } from './record-keys';
import { kindOf, RECORD_KINDS, type RecordKind, type Row } from './record-kinds';

/**
 * Packages out and in. Out: this installation's versions since the last package to the same
 * destination, signed. In: verified (codec), then every version through its kind's authority
 * rule and the merge (merge.ts), in one transaction; a preview is the same run rolled back.
 */

/** One version as a package carries it. */
const TravellingVersion = z.strictObject({
  kind: z.string().max(40),
  id: z.string().min(1).max(80),
  hlc: z.string().max(80),
  ancestors: z.array(z.string().max(80)).max(MAX_ANCESTORS),
  deleted: z.boolean(),
  row: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), z.unknown()),
  /** A zone's public key, as the roster's sender trusts it (for zone versions). */
  publicKey: z.string().max(100).optional(),
});
type TravellingVersion = z.infer<typeof TravellingVersion>;

const PackageBody = z.strictObject({
  versions: z.array(TravellingVersion).max(1_000_000),
  /** The secretariat's roster of zone keys (global zone id → key): how members learn each other's keys. */
  keys: z.array(z.strictObject({ zone: z.string().min(1).max(80), publicKey: z.string().max(100) })).max(1000).optional(),
  /** The files the versions name, by SHA-256 (base64). */
  files: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string()).optional(),
});

// ── Out ──────────────────────────────────────────────────────────────────────────────────

export interface BuiltPackage {
  fileName: string;
  bytes: Buffer;
  header: PackageHeader;
}

/** The package of versions made here since the destination's last one, or null when there are none. */
export function buildPackage(db: Database.Database, zone: { id: string; code: string; secretariat?: boolean }, destination: string, dataDir: string): BuiltPackage | null {
  const identity = ensureIdentity(db, zone.id);
  clockLocalChanges(db, identity);
  const cursorKey = `exchange_sent_${destination}`;
  const after = readSetting<number>(db, cursorKey) ?? 0;
  const rows = db
    .prepare<[number], { seq: number; kind: string; record_id: string; hlc: string; ancestors: string; deleted: number }>('SELECT * FROM sync_outbox WHERE seq > ? ORDER BY seq')
    .all(after);
  if (rows.length === 0) return null;
  const versions: TravellingVersion[] = rows.flatMap((r) => {
    const kind = kindOf(r.kind);
    const row = kind ? outgoingRow(db, kind, r) : null;
    if (!kind || !row) return []; // superseded by a later version of ours, which has its own entry
    const travelling = encodeRow(db, kind, row);
    const v: TravellingVersion = { kind: r.kind, id: keyOf(kind, travelling), hlc: r.hlc, ancestors: JSON.parse(r.ancestors) as string[], deleted: r.deleted === 1, row: travelling };
    if (r.kind === 'zone') {
      const key = zoneKey(db, r.record_id);
      if (key) v.publicKey = key.publicKey;
    }
    return [v];
  });
  const counts: Record<string, number> = {};
  for (const v of versions) counts[v.kind] = (counts[v.kind] ?? 0) + 1;
  const header: PackageHeader = {
    format: 'alliance-package',
    formatVersion: 1,
    packageId: newPackageId(),
    senderInstallationId: identity.installationId,
    senderZoneId: globalIdOf(db, 'zone', zone.id),
    senderPublicKey: identity.publicKey,
    schemaVersion: LATEST_SCHEMA_VERSION,
    createdAt: nowIso(),
    sequence: { from: rows[0]!.seq, to: rows[rows.length - 1]!.seq },
    counts,
  };
  const keys = zone.secretariat
    ? db
        .prepare<[], { zone_id: string; public_key: string }>('SELECT zone_id, public_key FROM zone_keys')
        .all()
        .map((k) => ({ zone: globalIdOf(db, 'zone', k.zone_id), publicKey: k.public_key }))
    : undefined;
  const files: Record<string, string> = {};
  for (const v of versions) {
    const column = kindOf(v.kind)?.blobColumn;
    const sha = column ? v.row[column] : undefined;
    if (v.deleted || typeof sha !== 'string' || files[sha]) continue;
    const path = blobPath(dataDir, sha);
    if (existsSync(path)) files[sha] = readFileSync(path).toString('base64');
  }
  const bytes = encodePackage({ header, body: { versions, ...(keys ? { keys } : {}), ...(Object.keys(files).length > 0 ? { files } : {}) } }, identity.privateKey);
  db.transaction(() => {
    writeSetting(db, cursorKey, header.sequence.to);
    db.prepare("INSERT INTO sync_packages (package_id, direction, sender_zone_id, sender_installation_id, created_at, handled_at, file_name, sequence_to, summary) VALUES (?, 'sent', ?, ?, ?, ?, ?, ?, ?)").run(
      header.packageId,
      zone.id,
      identity.installationId,
      header.createdAt,
      nowIso(),
      fileNameOf(zone.code, header),
      header.sequence.to,
      JSON.stringify(counts),
    );
  })();
  return { fileName: fileNameOf(zone.code, header), bytes, header };
}

/** The row of one of our versions: the live row while it is the version shown, else the kept conflict. */
function outgoingRow(db: Database.Database, kind: RecordKind, entry: { record_id: string; hlc: string; deleted: number }): Row | null {
  if (clockOf(db, kind.kind, entry.record_id)?.hlc === entry.hlc) return selectByKey(db, kind, entry.record_id) ?? (kind.key && entry.deleted ? keyRow(kind, entry.record_id) : null);
  return conflictsOf(db, kind.kind, entry.record_id).find((c) => c.hlc === entry.hlc)?.row ?? null;
}

function fileNameOf(zoneCode: string, header: PackageHeader): string {
  return `${zoneCode}_${header.createdAt.replace(/[-:]/g, '').slice(0, 15)}_${header.packageId}.alliance`;
}

// ── In ───────────────────────────────────────────────────────────────────────────────────

export interface ImportOptions {
  /** Apply (true) or only say what would happen (false). */
  apply: boolean;
  /** The secretariat's confirmation that a package may delete most of a kind's records. */
  confirmMassDelete?: boolean;
  /** The installation's own zone and role. */
  self: { zoneId: string; secretariat: boolean };
  fileName?: string;
  /** Where attachment files are stored. */
  dataDir: string;
}

const ROLLBACK = new Error('exchange preview: roll back');
/** A package that would delete more than this share of a kind's live records needs the secretariat's confirmation. */
const MASS_DELETE_SHARE = 0.5;
const MASS_DELETE_MIN = 10;

export function importPackage(db: Database.Database, bytes: Buffer, options: ImportOptions): ExchangeResult {
  const identity = ensureIdentity(db, options.self.zoneId);
  const opened = openPackage(bytes, {
    schemaVersion: LATEST_SCHEMA_VERSION,
    trustedKeyFor: (globalZoneId) => {
      const local = localIdOf(db, 'zone', globalZoneId);
      return local ? (zoneKey(db, local)?.publicKey ?? null) : null;
    },
  });
  const header = opened.header;
  // The header is the sender's own (signed with the body's hash): a package applied before is
  // recognised by its id before its body is unpacked and parsed — the costly part of a replay.
  const seen = db.prepare<[string], string>("SELECT handled_at FROM sync_packages WHERE package_id = ? AND direction = 'received'").pluck().get(header.packageId);
  let parsedBody: z.infer<typeof PackageBody> | null = null;
  if (!seen) {
    const body = PackageBody.safeParse(opened.readBody());
    if (!body.success) throw new AppError('VALIDATION', '交换包的内容格式不正确（可能来自不兼容的版本），未导入任何内容。');
    parsedBody = body.data;
  }
  const senderZoneId = localIdOf(db, 'zone', header.senderZoneId);
  const senderZone = senderZoneId ? db.prepare<[string], { id: string; short_name: string; role: string }>('SELECT id, short_name, role FROM zones WHERE id = ?').get(senderZoneId) : undefined;
  if (!senderZone) throw new AppError('VALIDATION', '发送方高新区不在本机的名录中，未导入任何内容。请先导入秘书长单位的名录包。');
  if (header.senderInstallationId === identity.installationId) throw new AppError('VALIDATION', '这是本机自己导出的交换包，无需导入。');

  const result: ExchangeResult = {
    packageId: header.packageId,
    sender: { zoneId: senderZone.id, zoneName: senderZone.short_name, fingerprint: opened.fingerprint, createdAt: header.createdAt },
    duplicate: false,
    applied: false,
    keyNotice: null,
    notices: [],
    kinds: [],
    refusals: [],
    conflicts: 0,
    pending: 0,
  };
  if (seen || !parsedBody) return { ...result, duplicate: true };
  const body = parsedBody;

  const run = () => {
    // The codec refused a key other than the trusted one; a first key is trusted, and said so.
    if (trustZoneKey(db, senderZone.id, header.senderPublicKey, `首次收到的交换包（${nowIso().slice(0, 10)}）`) === 'new') result.keyNotice = `首次收到「${senderZone.short_name}」的密钥，指纹 ${opened.fingerprint}。请电话核对后再信任其后续的交换包。`;
    clockLocalChanges(db, identity);
    const sender = { zoneId: senderZone.id, secretariat: senderZone.role === 'secretariat' };
    const summaries = new Map<string, ExchangeKindSummary>();
    const summaryOf = (kind: string) => {
      let s = summaries.get(kind);
      if (!s) summaries.set(kind, (s = { kind, noun: kindOf(kind)?.noun ?? kind, added: 0, updated: 0, unchanged: 0, refused: 0, conflicts: 0, pending: 0, deleted: 0 }));
      return s;
    };
    withClock(db, identity, (clock) => {
      for (const v of body.versions) clock.receive(v.hlc); // refuses times far in the future
    });
    if (sender.secretariat) learnRosterKeys(db, body.keys ?? [], result.notices);
    const ordered = [...body.versions].sort((a, b) => rank(a.kind) - rank(b.kind));
    const columns = new Map<string, ReadonlySet<string>>();
    // The search index is written once at the end for the whole package, not record by record
    // (text-index.ts); nothing here searches. A preview rolls back before that end: no index work.
    withDeferredTextIndex(db, () => {
      for (const v of ordered) {
        const outcome = applyVersion(db, sender, v, { packageId: header.packageId, senderGlobalZone: header.senderZoneId, notices: result.notices, files: body.files ?? {}, dataDir: options.dataDir, writeFiles: options.apply, columns });
        const s = summaryOf(v.kind);
        s[outcome.action]++;
        if (outcome.deleted) s.deleted++;
        if (outcome.reason) result.refusals.push({ kind: v.kind, noun: s.noun, label: outcome.label, reason: outcome.reason });
      }
      retryPending(db, summaryOf, { notices: result.notices, dataDir: options.dataDir, writeFiles: options.apply, columns });
      for (const s of summaries.values()) {
        const kind = kindOf(s.kind);
        if (!kind || s.deleted < MASS_DELETE_MIN) continue;
        const live = db.prepare<[], number>(`SELECT count(*) FROM ${kind.table} WHERE deleted_at IS NULL`).pluck().get() ?? 0;
        if (s.deleted > (live + s.deleted) * MASS_DELETE_SHARE && !(options.confirmMassDelete && options.self.secretariat)) {
          throw new AppError('CONFLICT', `该交换包会删除本机 ${s.deleted} 条${s.noun}（超过一半），已拒绝。如确属需要，请由秘书长单位确认后再导入。`);
        }
      }
      result.kinds = [...summaries.values()];
      result.conflicts = result.kinds.reduce((n, s) => n + s.conflicts, 0);
      result.pending = result.kinds.reduce((n, s) => n + s.pending, 0);
      if (!options.apply) throw ROLLBACK;
    });
    db.prepare("INSERT INTO sync_packages (package_id, direction, sender_zone_id, sender_installation_id, created_at, handled_at, file_name, sequence_to, summary) VALUES (?, 'received', ?, ?, ?, ?, ?, ?, ?)").run(
      header.packageId,
      senderZone.id,
      header.senderInstallationId,
      header.createdAt,
      nowIso(),
      options.fileName ?? '',
      header.sequence.to,
      JSON.stringify({ kinds: result.kinds, refusals: result.refusals }),
    );
    for (const r of result.refusals) db.prepare('INSERT INTO sync_refusals (package_id, kind, record_id, reason, row) VALUES (?, ?, ?, ?, ?)').run(header.packageId, r.kind, r.label, r.reason, '{}');
    // What the package wrote is not this installation's own change: it does not travel on.
    const clocked = readSetting<number>(db, 'exchange_clocked_seq') ?? 0;
    db.prepare('UPDATE sync_changes SET remote = 1 WHERE seq > ?').run(clocked);
    result.applied = true;
  };
  try {
    db.transaction(run)();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result;
}

/** Keys the secretariat vouches for: trusted where none is yet; a different one is never taken silently. */
function learnRosterKeys(db: Database.Database, keys: ReadonlyArray<{ zone: string; publicKey: string }>, notices: string[]): void {
  for (const k of keys) {
    const zoneId = localIdOf(db, 'zone', k.zone);
    if (!zoneId || !PublicKeyText.safeParse(k.publicKey).success) continue;
    if (trustZoneKey(db, zoneId, k.publicKey, '秘书长单位的名录') === 'different') {
      const name = db.prepare<[string], string>('SELECT short_name FROM zones WHERE id = ?').pluck().get(zoneId) ?? k.zone;
      notices.push(`秘书长单位名录中「${name}」的密钥（指纹 ${fingerprintOf(k.publicKey)}）与本机登记的不同，本机仍使用原密钥。请电话核对。`);
    }
  }
}

const rank = (kind: string) => {
  const i = RECORD_KINDS.findIndex((k) => k.kind === kind);
  return i < 0 ? RECORD_KINDS.length : i;
};

interface VersionOutcome {
  action: 'added' | 'updated' | 'unchanged' | 'refused' | 'conflicts' | 'pending';
  label: string;
  reason?: string;
  deleted?: boolean;
}

/** One version through authority and the merge; writes the winner to the live table. */
interface ApplyContext {
  packageId: string;
  senderGlobalZone: string;
  notices: string[];
  /** The package's files (sha256 → base64), and whether to store them (not in a preview). */
  files: Readonly<Record<string, string>>;
  dataDir: string;
  writeFiles: boolean;
  /** Each kind's columns, asked once per import (columnSetOf). */
  columns: Map<string, ReadonlySet<string>>;
}

function applyVersion(db: Database.Database, sender: { zoneId: string; secretariat: boolean }, v: TravellingVersion, ctx: ApplyContext): VersionOutcome {
  const { packageId, senderGlobalZone, notices } = ctx;
  const kind = kindOf(v.kind);
  const label = String(v.row.title ?? v.row.short_name ?? v.row.name ?? v.id);
  if (!kind) return { action: 'refused', label, reason: `本版本不认识的记录类型「${v.kind}」` };
  if (keyOf(kind, v.row) !== v.id) return { action: 'refused', label, reason: '记录编号与内容不符' };
  const decoded = decodeRow(db, kind, v.row);
  if (decoded.missing.length > 0) {
    // Its file is kept now (content-addressed, harmless if never used): the retry has no package.
    if (kind.blobColumn && !v.deleted) takeFile(ctx, String(v.row[kind.blobColumn] ?? ''));
    statement(db, 'INSERT OR IGNORE INTO sync_pending (kind, record_id, hlc, state, sender_zone_id, package_id) VALUES (?, ?, ?, ?, ?, ?)').run(v.kind, v.id, v.hlc, JSON.stringify(v), senderGlobalZone, packageId);
    return { action: 'pending', label };
  }
  const columns = columnSetOf(db, kind, ctx.columns);
  const unknownColumn = Object.keys(decoded.row).find((c) => !columns.has(c));
  if (unknownColumn) return { action: 'refused', label, reason: `含有本版本没有的字段「${unknownColumn}」` };
  const localId = keyOf(kind, decoded.row);
  const before = selectByKey(db, kind, localId) ?? null;
  const refusal = kind.authorise(sender, before ? stripLocal(kind, before) : null, decoded.row, db);
  if (refusal) return { action: 'refused', label: kind.label(decoded.row) || label, reason: refusal };
  const fileProblem = kind.blobColumn && !v.deleted ? takeFile(ctx, String(decoded.row[kind.blobColumn] ?? '')) : null;
  if (fileProblem) return { action: 'refused', label, reason: fileProblem };
  if (kind.kind === 'zone' && v.publicKey && sender.secretariat && trustZoneKey(db, localId, v.publicKey, '秘书长单位的名录') === 'different') {
    notices.push(`秘书长单位名录中「${kind.label(decoded.row)}」的密钥与本机登记的不同，本机仍使用原密钥。请电话核对。`);
  }

  const incoming: StoredVersion & { row?: Row } = { hlc: v.hlc, origin: v.hlc.split('.').pop() ?? '', ancestors: v.ancestors, deleted: v.deleted };
  const current = clockOf(db, kind.kind, localId);
  const losers = conflictsOf(db, kind.kind, localId);
  // A row without a clock predates the exchange (or is a pristine seed): every version descends from it.
  const frontier: Array<StoredVersion & { row?: Row }> = current ? [current, ...losers] : losers;
  const merged = frontier.length > 0 ? mergeVersion(frontier, incoming) : { known: false, frontier: [incoming], winner: incoming };
  if (merged.known) return { action: 'unchanged', label };
  const removed = frontier.filter((f) => !merged.frontier.includes(f));
  for (const gone of removed) if (gone !== current) statement(db, DELETE_CONFLICT_SQL).run(kind.kind, localId, gone.hlc);
  const conflict = merged.frontier.length > 1;
  if (merged.winner === incoming) {
    const clash = writeRowChecked(db, kind, before, decoded.row, v.deleted);
    if (clash) return { action: 'refused', label, reason: clash };
    if (current && merged.frontier.includes(current) && before) keepLoser(db, kind, localId, current, before);
    setClock(db, kind.kind, localId, incoming);
    return { action: conflict ? 'conflicts' : before ? 'updated' : 'added', label, deleted: v.deleted && !(before?.deleted_at ?? null) };
  }
  if (merged.winner.row) {
    // A kept loser won against the current version (the current one was superseded): show it.
    writeRow(db, kind, before, merged.winner.row, merged.winner.deleted);
    setClock(db, kind.kind, localId, merged.winner);
    statement(db, DELETE_CONFLICT_SQL).run(kind.kind, localId, merged.winner.hlc);
  }
  keepLoser(db, kind, localId, incoming, decoded.row, sender.zoneId);
  return { action: 'conflicts', label };
}

/** The file a version names: here already, or in the package with the right hash (stored then); else why not. */
function takeFile(ctx: ApplyContext, sha256: string): string | null {
  if (existsSync(blobPath(ctx.dataDir, sha256))) return null;
  const data = ctx.files[sha256];
  if (!data) return '附件的文件不在交换包中';
  const bytes = Buffer.from(data, 'base64');
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) return '附件的文件已损坏（校验值不符）';
  if (ctx.writeFiles) storeBlob(ctx.dataDir, sha256, bytes);
  return null;
}

/** The version in use with the chosen fields of the losing one: only fields the two disagree on. */
function merged(current: Row, loser: StoredVersion & { row: Row }, take: readonly string[]): Row {
  if (loser.deleted) throw new AppError('VALIDATION', '另一版本删除了该记录，无法逐项合并：请选择保留当前版本或采用另一版本。', { take: '另一版本为删除' });
  const differing = new Set(changedFields(current, loser.row));
  const stray = take.find((f) => !differing.has(f));
  if (stray) throw new AppError('VALIDATION', `合并的字段：「${stray}」不是两个版本不同的内容，不能合并。`, { take: `「${stray}」不可合并` });
  return mergeVersions(current, loser.row, take);
}

function stripLocal(kind: RecordKind, row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([c]) => !kind.localOnly.includes(c)));
}

const DELETE_CONFLICT_SQL = 'DELETE FROM sync_conflicts WHERE kind = ? AND record_id = ? AND hlc = ?';

function conflictsOf(db: Database.Database, kind: string, recordId: string): Array<StoredVersion & { row: Row }> {
  return statement<[string, string], { hlc: string; origin: string; ancestors: string; deleted: number; row: string }>(db, 'SELECT hlc, origin, ancestors, deleted, row FROM sync_conflicts WHERE kind = ? AND record_id = ?')
    .all(kind, recordId)
    .map((r) => ({ hlc: r.hlc, origin: r.origin, ancestors: JSON.parse(r.ancestors) as string[], deleted: r.deleted === 1, row: JSON.parse(r.row) as Row }));
}

/** The zone whose installation made a version: ours, or the sender of the package that brought it. */
function originZoneOf(db: Database.Database, origin: string): string {
  const own = readInstallation(db);
  const identity = statement<[], string>(db, 'SELECT installation_id FROM sync_identity WHERE id = 1', 'pluck').get();
  if (origin === identity && own) return own.zoneId;
  return statement<[string], string>(db, "SELECT sender_zone_id FROM sync_packages WHERE sender_installation_id = ? AND direction = 'received' LIMIT 1", 'pluck').get(origin) ?? '';
}

function keepLoser(db: Database.Database, kind: RecordKind, recordId: string, v: StoredVersion, row: Row, originZone = originZoneOf(db, v.origin)): void {
  statement(db, 'INSERT OR IGNORE INTO sync_conflicts (kind, record_id, hlc, origin, origin_zone_id, ancestors, deleted, row, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    kind.kind,
    recordId,
    v.hlc,
    v.origin,
    originZone,
    JSON.stringify(v.ancestors),
    v.deleted ? 1 : 0,
    JSON.stringify(stripLocal(kind, row)),
    nowIso(),
  );
}

/**
 * writeRow, with a row that breaks a rule of this database (a second zone with the same code,
 * a duplicate badge code, a reference to a missing row) refused and listed while the rest of
 * the package applies. The row is written by one statement, and SQLite backs out a statement
 * that fails a constraint — with what its triggers wrote (the change log) — and keeps the
 * transaction: a refused version writes nothing, without a savepoint per version. (A savepoint
 * per version cost a third of an apply, and made FTS5 flush a segment per record.) What the
 * kind redoes after (the index) runs only once the row is in.
 */
function writeRowChecked(db: Database.Database, kind: RecordKind, before: Row | null, row: Row, deleted: boolean): string | null {
  try {
    putRow(db, kind, row, deleted);
  } catch (error) {
    if (errorCodeOf(error).startsWith('SQLITE_CONSTRAINT')) {
      return `与本机已有的${kind.noun}冲突（代码、名称或编号重复，或内容不符合本机的规则），未应用`;
    }
    throw error;
  }
  afterPut(db, kind, before, row, deleted);
  return null;
}

/** Writes a version's row (local ids) over the live one, then what the kind redoes after (the index). */
function writeRow(db: Database.Database, kind: RecordKind, before: Row | null, row: Row, deleted = false): void {
  putRow(db, kind, row, deleted);
  afterPut(db, kind, before, row, deleted);
}

/** The write itself, one statement (an upsert, or for keyed tables a real delete: the version is the key alone). */
function putRow(db: Database.Database, kind: RecordKind, row: Row, deleted: boolean): void {
  if (kind.key && deleted) {
    deleteByKey(db, kind, keyOf(kind, row));
    return;
  }
  const columns = Object.keys(row);
  statement<[Row]>(db, upsertSql(kind, columns)).run(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
}

// The upsert's text per kind and list of columns (the same for every version of a kind from one sender).
const upserts = new Map<RecordKind, Map<string, string>>();
function upsertSql(kind: RecordKind, columns: readonly string[]): string {
  let byColumns = upserts.get(kind);
  if (!byColumns) upserts.set(kind, (byColumns = new Map()));
  const list = columns.join(', ');
  let sql = byColumns.get(list);
  if (sql === undefined) {
    const key = keyColumnsOf(kind);
    const updates = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
    const onConflict = updates.length > 0 ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
    sql = `INSERT INTO ${kind.table} (${list}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ON CONFLICT (${key.join(', ')}) ${onConflict}`;
    // Column names come from checked packages (a-z0-9_, the table's own columns), but bound the memo anyway.
    if (byColumns.size < 100) byColumns.set(list, sql);
  }
  return sql;
}

function afterPut(db: Database.Database, kind: RecordKind, before: Row | null, row: Row, deleted: boolean): void {
  if (kind.key && deleted) return;
  kind.afterApply?.(db, before, row);
}

/** Versions parked for a record not here yet: tried again until none moves. */
function retryPending(db: Database.Database, summaryOf: (kind: string) => ExchangeKindSummary, ctx: Pick<ApplyContext, 'notices' | 'dataDir' | 'writeFiles' | 'columns'>): void {
  for (let round = 0; round < RECORD_KINDS.length + 1; round++) {
    const parked = db.prepare<[], { kind: string; record_id: string; hlc: string; state: string; sender_zone_id: string; package_id: string }>('SELECT * FROM sync_pending ORDER BY rowid').all();
    let moved = 0;
    for (const p of parked) {
      const v = TravellingVersion.parse(JSON.parse(p.state));
      const kind = kindOf(v.kind);
      if (!kind || decodeRow(db, kind, v.row).missing.length > 0) continue;
      statement(db, 'DELETE FROM sync_pending WHERE kind = ? AND record_id = ? AND hlc = ?').run(p.kind, p.record_id, p.hlc);
      const zoneId = localIdOf(db, 'zone', p.sender_zone_id);
      const zone = zoneId ? statement<[string], { role: string }>(db, 'SELECT role FROM zones WHERE id = ?').get(zoneId) : undefined;
      if (!zoneId || !zone) continue;
      // Parked versions' files were stored (or are refused now) when their package was applied.
      const outcome = applyVersion(db, { zoneId, secretariat: zone.role === 'secretariat' }, v, { ...ctx, packageId: p.package_id, senderGlobalZone: p.sender_zone_id, files: {} });
      const s = summaryOf(v.kind);
      s[outcome.action]++;
      if (s.pending > 0) s.pending--;
      moved++;
    }
    if (moved === 0) return;
  }
}

export type { Identity };

// ── Conflicts ────────────────────────────────────────────────────────────────────────────

/**
 * A person settles a conflict: keeps the version shown or takes the other one. Either way a
 * new local version is made that descends from both, so every installation that receives it
 * settles the same way (and drops the conflict too).
 */
export function resolveConflict(db: Database.Database, actor: { label: string; zoneId: string | null; role: string | null }, input: { kind: string; recordId: string; hlc: string; keep: 'current' | 'other' | 'merge'; take?: readonly string[] | undefined }): void {
  const kind = kindOf(input.kind);
  if (!kind) throw new AppError('VALIDATION', '未知的记录类型。', { kind: '未知' });
  db.transaction(() => {
    const loser = conflictsOf(db, kind.kind, input.recordId).find((c) => c.hlc === input.hlc);
    const current = clockOf(db, kind.kind, input.recordId);
    const before = selectByKey(db, kind, input.recordId);
    if (!loser || !current || !before) throw new AppError('NOT_FOUND', '找不到该冲突，可能已被处理（或已由其他高新区的交换包解决）。');
    const chosen = input.keep === 'other' ? { ...loser.row } : input.keep === 'merge' ? merged(stripLocal(kind, before), loser, input.take ?? []) : stripLocal(kind, before);
    // Settling is an edit like any other: only who may change the record may settle it (else the others refuse it).
    const refusal = kind.authorise({ zoneId: actor.zoneId ?? '', secretariat: actor.role === 'secretariat' }, stripLocal(kind, before), chosen, db);
    if (refusal) throw new AppError('FORBIDDEN', `不能处理该冲突：${refusal}。请由该记录所属的高新区或秘书长单位处理。`);
    const version = Number(before.version ?? 0) + 1;
    const meta = 'version' in before ? { version, updated_at: nowIso(), updated_by: actor.label } : {};
    writeRow(db, kind, before, { ...chosen, ...keyRow(kind, input.recordId), ...meta }, input.keep === 'other' && loser.deleted);
    // The next local version (made from this write) descends from the version shown and from the other one.
    setClock(db, kind.kind, input.recordId, { ...current, ancestors: [loser.hlc, ...loser.ancestors, ...current.ancestors].slice(0, MAX_ANCESTORS) });
    statement(db, DELETE_CONFLICT_SQL).run(kind.kind, input.recordId, input.hlc);
  })();
}
