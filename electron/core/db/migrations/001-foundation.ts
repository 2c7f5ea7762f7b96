import type { Migration } from '../migration';

/** Zones, installation settings and the audit log. */
export const migration001: Migration = {
  version: 1,
  name: 'foundation',
  up: (db) => {
    db.exec(`
      CREATE TABLE zones (
        id TEXT PRIMARY KEY,
        owner_zone_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT,
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        short_name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('national', 'provincial')),
        province TEXT NOT NULL,
        city TEXT NOT NULL DEFAULT '',
        contact_person TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        joined_on TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL CHECK (role IN ('secretariat', 'member')),
        notes TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX zones_code ON zones(code) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX zones_name ON zones(name) WHERE deleted_at IS NULL;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_zone_id TEXT,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX audit_log_record ON audit_log(record_id, id);
    `);
  },
};
