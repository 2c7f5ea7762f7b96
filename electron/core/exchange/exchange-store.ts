import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { nowIso, newId } from '../records';
import { readSetting, writeSetting } from '../settings/settings-service';
import { globalIdOf, localIdOf } from './global-ids';
import { createHlc } from './hlc';
import { fingerprintOf, generateKeyPair } from './keys';
import { ancestorsAfter, type Version } from './merge';
import { keyRow, selectByKey } from './record-keys';
import { kindOf, RECORD_KINDS, type RecordKind, type Row } from './record-kinds';

/**
 * The exchange's own records: this installation's identity and key, the record clocks, the
 * outbox of its own versions, and rows as they travel (global ids, no local columns).
 */

export interface Identity {
  installationId: string;
  publicKey: string;
  privateKey: string;
}

/** This installation's key pair, made on first use; its zone's key is trusted as its own. */
export function ensureIdentity(db: Database.Database, zoneId: string | null): Identity {
  const found = db.prepare<[], { installation_id: string; public_key: string; private_key: string }>('SELECT installation_id, public_key, private_key FROM sync_identity WHERE id = 1').get();
  const identity = found
    ? { installationId: found.installation_id, publicKey: found.public_key, privateKey: found.private_key }
    : (() => {
        const keys = generateKeyPair();
        const made = { installationId: newId(), ...keys };
        db.prepare('INSERT INTO sync_identity (id, installation_id, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)').run(made.installationId, made.publicKey, made.privateKey, nowIso());
        return made;
      })();
  if (zoneId) trustZoneKey(db, zoneId, identity.publicKey, '本机');
  return identity;
}

export interface ZoneKey {
  zoneId: string;
  publicKey: string;
  fingerprint: string;
  source: string;
  trustedAt: string;
}

export function zoneKey(db: Database.Database, zoneId: string): ZoneKey | null {
  const row = statement<[string], { zone_id: string; public_key: string; fingerprint: string; source: string; trusted_at: string }>(db, 'SELECT * FROM zone_keys WHERE zone_id = ?').get(zoneId);
  return row ? { zoneId: row.zone_id, publicKey: row.public_key, fingerprint: row.fingerprint, source: row.source, trustedAt: row.trusted_at } : null;
}

/** Records a zone's key when none is trusted yet; an existing one is never replaced silently. */
export function trustZoneKey(db: Database.Database, zoneId: string, publicKey: string, source: string): 'new' | 'same' | 'different' {
  const known = zoneKey(db, zoneId);
  if (known) return known.publicKey === publicKey ? 'same' : 'different';
  db.prepare('INSERT INTO zone_keys (zone_id, public_key, fingerprint, source, trusted_at) VALUES (?, ?, ?, ?, ?)').run(zoneId, publicKey, fingerprintOf(publicKey), source, nowIso());
  return 'new';
}

// ── Clocks ───────────────────────────────────────────────────────────────────────────────

const HLC_SETTING = 'exchange_hlc_last';

/** Runs `work` with this installation's clock, and keeps where it got to. */
export function withClock<T>(db: Database.Database, identity: Identity, work: (clock: ReturnType<typeof createHlc>, at: { ms: number }) => T): T {
  const at = { ms: Date.now() };
  const clock = createHlc(identity.installationId, { now: () => at.ms, last: readSetting<string>(db, HLC_SETTING) });
  const result = work(clock, at);
  const last = clock.last();
  if (last) writeSetting(db, HLC_SETTING, last);
  return result;
}

export interface StoredVersion extends Version {
  origin: string;
}

export function clockOf(db: Database.Database, kind: string, recordId: string): StoredVersion | null {
  const row = statement<[string, string], { hlc: string; origin: string; ancestors: string; deleted: number }>(db, 'SELECT hlc, origin, ancestors, deleted FROM sync_clocks WHERE kind = ? AND record_id = ?').get(kind, recordId);
  return row ? { hlc: row.hlc, origin: row.origin, ancestors: JSON.parse(row.ancestors) as string[], deleted: row.deleted === 1 } : null;
}

const SET_CLOCK_SQL = `INSERT INTO sync_clocks (kind, record_id, hlc, origin, ancestors, deleted) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (kind, record_id) DO UPDATE SET hlc = excluded.hlc, origin = excluded.origin, ancestors = excluded.ancestors, deleted = excluded.deleted`;

export function setClock(db: Database.Database, kind: string, recordId: string, v: StoredVersion): void {
  statement<[string, string, string, string, string, number]>(db, SET_CLOCK_SQL).run(kind, recordId, v.hlc, v.origin, JSON.stringify(v.ancestors), v.deleted ? 1 : 0);
}

const CLOCKED_SETTING = 'exchange_clocked_seq';

/**
 * Gives every record changed here since the last call a new version: a clock (from the
 * change's time), its ancestors (the version it was made from), and a copy in the outbox.
 * Demo records stay local, and so do seeded rows nobody has changed (identical everywhere).
 */
export function clockLocalChanges(db: Database.Database, identity: Identity): number {
  return db.transaction(() => {
    const after = readSetting<number>(db, CLOCKED_SETTING) ?? 0;
    const changes = db
      .prepare<[number], { kind: string; record_id: string; at: string; last: number }>(
        `SELECT kind, record_id, max(changed_at) AS at, max(seq) AS last FROM sync_changes WHERE seq > ? AND remote = 0 GROUP BY kind, record_id ORDER BY last`,
      )
      .all(after);
    const top = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM sync_changes').pluck().get() ?? 0;
    let made = 0;
    withClock(db, identity, (clock, at) => {
      for (const change of changes) {
        const kind = kindOf(change.kind);
        if (!kind) continue;
        const found = selectByKey(db, kind, change.record_id);
        // A keyed row that is gone was deleted (those tables delete for real): it travels as its key.
        const row = found ?? (kind.key ? keyRow(kind, change.record_id) : undefined);
        if (!row || row.is_demo === 1) continue;
        if (String(row.created_by).startsWith('系统') && row.version === 1) continue;
        at.ms = Date.parse(change.at);
        const base = clockOf(db, kind.kind, change.record_id);
        const deleted = found ? (row.deleted_at ?? null) !== null : true;
        const version: StoredVersion = { hlc: clock.tick(), origin: identity.installationId, ancestors: ancestorsAfter(base), deleted };
        setClock(db, kind.kind, change.record_id, version);
        statement<[string, string, string, string, number]>(db, 'INSERT INTO sync_outbox (kind, record_id, hlc, ancestors, deleted) VALUES (?, ?, ?, ?, ?)').run(
          kind.kind,
          change.record_id,
          version.hlc,
          JSON.stringify(version.ancestors),
          version.deleted ? 1 : 0,
        );
        made++;
      }
    });
    writeSetting(db, CLOCKED_SETTING, top);
    return made;
  })();
}

// ── Rows as they travel ──────────────────────────────────────────────────────────────────

/** Without local columns, with every id global. */
export function encodeRow(db: Database.Database, kind: RecordKind, row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (kind.localOnly.includes(column)) continue;
    const refKind = column === 'id' && !kind.key ? kind.kind : kind.refs[column];
    const listKind = kind.listRefs?.[column];
    if (listKind && typeof value === 'string') out[column] = mapIdList(value, (id) => globalIdOf(db, listKind, id));
    else out[column] = refKind && typeof value === 'string' ? globalIdOf(db, refKind, value) : value;
  }
  return out;
}

/** Back to local ids; the columns naming records not here yet, when there are such. */
export function decodeRow(db: Database.Database, kind: RecordKind, row: Row): { row: Row; missing: string[] } {
  const out: Row = {};
  const missing: string[] = [];
  for (const [column, value] of Object.entries(row)) {
    const refKind = column === 'id' && !kind.key ? kind.kind : kind.refs[column];
    const listKind = kind.listRefs?.[column];
    if (refKind && value === '') {
      out[column] = ''; // '' in a reference column means "all" (a plan target for every zone)
      continue;
    }
    if (listKind && typeof value === 'string') {
      // A link to a record not here (yet) stays as it came: the list shows what it can.
      out[column] = mapIdList(value, (id) => localIdOf(db, listKind, id) ?? id);
      continue;
    }
    if (!refKind || typeof value !== 'string') {
      out[column] = value;
      continue;
    }
    const local = localIdOf(db, refKind, value);
    if (local === null) missing.push(column);
    out[column] = local ?? value;
    if (column !== 'id' && local !== null && !(refKind === kind.kind && local === out.id)) {
      const target = kindOf(refKind);
      if (target && !statement<[string]>(db, `SELECT 1 FROM ${target.table} WHERE id = ?`).get(local)) missing.push(column);
    }
  }
  const dependency = kind.dependsOn?.(row);
  const target = dependency ? kindOf(dependency[0]) : undefined;
  if (dependency && target) {
    const local = localIdOf(db, dependency[0], dependency[1]);
    if (local === null || !statement<[string]>(db, `SELECT 1 FROM ${target.table} WHERE id = ?`).get(local)) missing.push(dependency[0]);
  }
  return { row: out, missing };
}

/** A JSON list of ids with each id mapped; text that is not such a list is left alone (the schema refuses it later). */
function mapIdList(json: string, map: (id: string) => string): string {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) && list.every((id) => typeof id === 'string') ? JSON.stringify(list.map(map)) : json;
  } catch {
    return json;
  }
}

/** The columns a kind's table has (a package may only write those). */
export function columnsOf(db: Database.Database, kind: RecordKind): string[] {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
    .all(kind.table)
    .map((c) => c.name)
    .filter((c) => !kind.localOnly.includes(c));
}

/**
 * columnsOf, asked once per kind and kept for `memo`'s life (one import: the schema does not
 * change during it; not kept longer, so a later migration on the same connection is seen).
 */
export function columnSetOf(db: Database.Database, kind: RecordKind, memo: Map<string, ReadonlySet<string>>): ReadonlySet<string> {
  let columns = memo.get(kind.kind);
  if (!columns) memo.set(kind.kind, (columns = new Set(columnsOf(db, kind))));
  return columns;
}

export { RECORD_KINDS };
