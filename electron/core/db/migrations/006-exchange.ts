import type { Migration } from '../migration';

/** The tables whose records travel between installations in this version, and each one's kind. */
const TRACKED: ReadonlyArray<readonly [table: string, kind: string]> = [
  ['zones', 'zone'],
  ['resource_categories', 'resource_category'],
  ['scenario_categories', 'scenario_category'],
  ['event_types', 'event_type'],
  ['indicator_defs', 'indicator_def'],
  ['resources', 'resource'],
  ['scenarios', 'scenario'],
  ['scenario_applications', 'application'],
  ['events', 'event'],
  ['event_registrations', 'registration'],
  ['attachments', 'attachment'],
  ['sharing_requests', 'sharing_request'],
  ['plans', 'plan'],
  ['plan_work_items', 'plan_work_item'],
];

const TRACKED_BY_KEY: ReadonlyArray<readonly [table: string, kind: string, key: readonly string[]]> = [
  ['plan_targets', 'plan_target', ['plan_id', 'metric', 'zone_id', 'event_type_id', 'quarter']],
  ['indicator_values', 'indicator_value', ['zone_id', 'year', 'indicator_id']],
  ['application_scores', 'application_score', ['application_id', 'reviewer']],
];

/** The configurable lists seeded with defaults: they travel by code. */
const SEEDED_LISTS: ReadonlyArray<readonly [table: string, kind: string]> = [
  ['resource_categories', 'resource_category'],
  ['scenario_categories', 'scenario_category'],
  ['event_types', 'event_type'],
  ['indicator_defs', 'indicator_def'],
];

/**
 * Exchange between installations (issue 8): the installation's key pair, the zones' public
 * keys, a log of local changes (kept by triggers, so no write path can forget it), the clock
 * state of each record, its concurrent versions (conflicts), the outbox of this
 * installation's own versions, and the packages sent and received.
 *
 * Seeded records (the built-in roster, the default categories) were created with random ids
 * on each installation; they travel under a global id made of their code (zone:HRB,
 * resource_category:instrument), mapped in sync_ids. Every other record's id is global already.
 */
export const migration006: Migration = {
  version: 6,
  name: 'exchange',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        installation_id TEXT NOT NULL,
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- A zone's public key as this installation trusts it (local zone id).
      CREATE TABLE zone_keys (
        zone_id TEXT PRIMARY KEY REFERENCES zones(id),
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        source TEXT NOT NULL,
        trusted_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_ids (
        kind TEXT NOT NULL,
        local_id TEXT NOT NULL,
        global_id TEXT NOT NULL,
        PRIMARY KEY (kind, local_id),
        UNIQUE (kind, global_id)
      ) STRICT;

      -- Every insert and update of a tracked row, local or applied from a package (remote = 1).
      CREATE TABLE sync_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        remote INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- The version each record is at (local id): its clock, and the clocks it descends from.
      CREATE TABLE sync_clocks (
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        origin TEXT NOT NULL,
        ancestors TEXT NOT NULL DEFAULT '[]',
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, record_id)
      ) STRICT, WITHOUT ROWID;

      -- Concurrent versions that lost (nothing is lost): shown side by side until someone picks.
      CREATE TABLE sync_conflicts (
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        origin TEXT NOT NULL,
        origin_zone_id TEXT NOT NULL,
        ancestors TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        row TEXT NOT NULL,
        found_at TEXT NOT NULL,
        PRIMARY KEY (kind, record_id, hlc)
      ) STRICT;

      -- This installation's own versions, in order: what packages carry. The row itself is read
      -- when a package is made (the live row, or the kept conflict), so nothing is stored twice.
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        ancestors TEXT NOT NULL,
        deleted INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sync_packages (
        package_id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        sender_zone_id TEXT NOT NULL,
        sender_installation_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        handled_at TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        sequence_to INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      -- Versions that name a record not here yet (their category's package is still on its way):
      -- retried after every import, so packages may arrive in any order.
      CREATE TABLE sync_pending (
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        state TEXT NOT NULL,
        sender_zone_id TEXT NOT NULL,
        package_id TEXT NOT NULL,
        PRIMARY KEY (kind, record_id, hlc)
      ) STRICT;

      -- Changes a package carried that its sender had no authority for: listed, never applied.
      CREATE TABLE sync_refusals (
        package_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        row TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_refusals_package ON sync_refusals(package_id);

      INSERT INTO sync_ids (kind, local_id, global_id)
        SELECT 'zone', id, 'zone:' || code FROM zones WHERE created_by LIKE '系统%';
    `);
    for (const [table, kind] of SEEDED_LISTS) {
      db.exec(`INSERT INTO sync_ids (kind, local_id, global_id) SELECT '${kind}', id, '${kind}:' || code FROM ${table} WHERE created_by LIKE '系统%';`);
    }
    for (const [table, kind] of TRACKED) {
      db.exec(`
        CREATE TRIGGER ${table}_sync_insert AFTER INSERT ON ${table}
        BEGIN INSERT INTO sync_changes (kind, record_id) VALUES ('${kind}', NEW.id); END;
        CREATE TRIGGER ${table}_sync_update AFTER UPDATE ON ${table}
        BEGIN INSERT INTO sync_changes (kind, record_id) VALUES ('${kind}', NEW.id); END;
      `);
    }
    // What this installation held before it could exchange is its own news: the first package carries it.
    for (const [table, kind] of TRACKED) db.exec(`INSERT INTO sync_changes (kind, record_id) SELECT '${kind}', id FROM ${table};`);
    // Tables keyed by several columns: named by json_array of the key; their rows are deleted for real.
    for (const [table, kind, key] of TRACKED_BY_KEY) {
      const name = (row: string) => `json_array(${key.map((c) => `${row}.${c}`).join(', ')})`;
      db.exec(`
        CREATE TRIGGER ${table}_sync_insert AFTER INSERT ON ${table}
        BEGIN INSERT INTO sync_changes (kind, record_id) VALUES ('${kind}', ${name('NEW')}); END;
        CREATE TRIGGER ${table}_sync_update AFTER UPDATE ON ${table}
        BEGIN INSERT INTO sync_changes (kind, record_id) VALUES ('${kind}', ${name('NEW')}); END;
        CREATE TRIGGER ${table}_sync_delete AFTER DELETE ON ${table}
        BEGIN INSERT INTO sync_changes (kind, record_id) VALUES ('${kind}', ${name('OLD')}); END;
        INSERT INTO sync_changes (kind, record_id) SELECT '${kind}', ${name(table)} FROM ${table};
      `);
    }
  },
};
