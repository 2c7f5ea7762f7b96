import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/app-core';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import type { Migration } from '../../electron/core/db/migration';
import { tempCore, type TempCore } from '../helpers/temp-core';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tempFile = () => join(mkdtempSync(join(tmpdir(), 'alliance-db-')), DATABASE_FILE);

describe('opening the database', () => {
  let core: TempCore | undefined;
  afterEach(() => core?.remove());

  it('creates a new file at the latest schema version with WAL, full sync and foreign keys on', () => {
    core = tempCore();
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('makes every table STRICT', () => {
    core = tempCore();
    const tables = core.db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) expect(table, table.name).toMatchObject({ strict: 1 });
  });

  it('sets the durability pragmas again on every reopen', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a file from a newer app version and leaves it byte-for-byte untouched', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrowError(/更新版本.*未做任何改动/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database without changing it', () => {
    const file = tempFile();
    writeFileSync(file, 'this is a spreadsheet, not a database '.repeat(200));
    const before = sha(file);
    expect(() => openDatabase(file)).toThrowError(/不是联盟协同工作台的数据文件|已损坏/);
    expect(sha(file)).toBe(before);
  });

  it('applies a failing migration not at all: the schema version and tables stay as they were', () => {
    const file = tempFile();
    openDatabase(file).close();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom in the middle');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrowError('boom in the middle');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('seeds the embedded roster once: a reopened database keeps the secretariat’s corrections', () => {
    core = tempCore();
    const dir = core.dataDir;
    const [hrb] = core.ok('zones.list', { query: '哈尔滨' });
    core.ok('settings.setup', { zoneId: hrb!.id, role: 'secretariat' });
    core.ok('zones.update', { id: hrb!.id, version: hrb!.version, patch: { contactPerson: '刘秘书' } });
    core.close();
    core = tempCore(dir);
    const zones = core.ok('zones.list', {});
    expect(zones).toHaveLength(19);
    expect(zones.find((z) => z.code === 'HRB')?.contactPerson).toBe('刘秘书');
  });
});
