import type Database from 'better-sqlite3';
import { newMetaRow, SYSTEM_ACTOR } from '../../records';

/**
 * Pieces the migrations from 3 on share. A shipped migration keeps its own SQL forever, so
 * these are only ever extended, never changed once a migration using them has shipped.
 */

/** The shared record columns (see records.ts), owner zone checked against zones. */
export const META_COLUMNS = `
  owner_zone_id TEXT REFERENCES zones(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))`;

/** Seeds a configurable list (category-table.ts) with its defaults, ordered 10, 20, 30… */
export function seedList(db: Database.Database, table: string, label: string, rows: ReadonlyArray<Record<string, string>>): void {
  rows.forEach((own, index) => {
    const meta = newMetaRow({ ...SYSTEM_ACTOR, label }, null);
    const row = { ...meta, ...own, sort_order: (index + 1) * 10, active: 1 };
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(row);
  });
}
