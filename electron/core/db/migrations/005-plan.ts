import type { Migration } from '../migration';
import { META_COLUMNS, seedList } from './schema-parts';

const DEFAULT_INDICATORS: ReadonlyArray<readonly [string, string, string]> = [
  ['revenue', '营业收入', '亿元'],
  ['output', '工业总产值', '亿元'],
  ['enterprises', '工商注册企业数', '家'],
  ['hightech', '高新技术企业数', '家'],
  ['incubators', '科技型企业孵化器数', '家'],
];


/**
 * The yearly 1+X+N plan (targets and key work items; progress is computed, never stored),
 * zone development indicators, and when a listing was matched (progress counts it in that year).
 */
export const migration005: Migration = {
  version: 5,
  name: 'plan',
  up: (db) => {
    db.exec(`
      ALTER TABLE scenarios ADD COLUMN matched_at TEXT;
      UPDATE scenarios SET matched_at = updated_at WHERE status IN ('matched', 'implementing', 'accepted');

      CREATE TABLE plans (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        year INTEGER NOT NULL,
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE UNIQUE INDEX plans_year ON plans(year) WHERE deleted_at IS NULL;

      -- zone_id / event_type_id '' = all; quarter 0 = the whole year.
      CREATE TABLE plan_targets (
        plan_id TEXT NOT NULL REFERENCES plans(id),
        metric TEXT NOT NULL,
        zone_id TEXT NOT NULL DEFAULT '',
        event_type_id TEXT NOT NULL DEFAULT '',
        quarter INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),
        target REAL NOT NULL CHECK (target >= 0),
        PRIMARY KEY (plan_id, metric, zone_id, event_type_id, quarter)
      ) STRICT, WITHOUT ROWID;

      -- owner_zone_id: the zone that leads the item.
      CREATE TABLE plan_work_items (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        year INTEGER NOT NULL,
        title TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('todo', 'doing', 'done', 'blocked')),
        progress_note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX plan_work_items_year ON plan_work_items(year, due_date);

      CREATE TABLE indicator_defs (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 100,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX indicator_defs_code ON indicator_defs(code) WHERE deleted_at IS NULL;

      CREATE TABLE indicator_values (
        zone_id TEXT NOT NULL REFERENCES zones(id),
        year INTEGER NOT NULL,
        indicator_id TEXT NOT NULL REFERENCES indicator_defs(id),
        value REAL NOT NULL,
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (zone_id, year, indicator_id)
      ) STRICT, WITHOUT ROWID;
    `);
    seedList(db, 'indicator_defs', '系统（默认指标）', DEFAULT_INDICATORS.map(([code, name, unit]) => ({ code, name, unit })));
  },
};
