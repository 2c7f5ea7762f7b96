import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { statement } from '../../electron/core/db/statements';

describe('the per-connection statement cache', () => {
  const dirs: string[] = [];
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-statements-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'test.sqlite'));
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    return db;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('prepares a statement once per connection and SQL text, and runs it with new values each time', () => {
    const db = open();
    const insert = statement(db, 'INSERT INTO t (label) VALUES (?)');
    expect(statement(db, 'INSERT INTO t (label) VALUES (?)')).toBe(insert);
    statement(db, 'INSERT INTO t (label) VALUES (?)').run('a');
    statement(db, 'INSERT INTO t (label) VALUES (?)').run('b');
    expect(statement(db, 'SELECT label FROM t ORDER BY n').all()).toEqual([{ label: 'a' }, { label: 'b' }]);
    db.close();
  });

  it('keeps the plain, pluck and raw forms of one SQL text apart', () => {
    const db = open();
    db.prepare("INSERT INTO t (label) VALUES ('x')").run();
    const sql = 'SELECT n, label FROM t';
    expect(statement(db, sql, 'pluck').get()).toBe(1);
    expect(statement(db, sql, 'raw').get()).toEqual([1, 'x']);
    expect(statement(db, sql).get()).toEqual({ n: 1, label: 'x' });
    expect(statement(db, sql, 'pluck').get()).toBe(1);
    db.close();
  });

  it('never hands one connection a statement of another', () => {
    const first = open();
    const second = open();
    statement(first, 'INSERT INTO t (label) VALUES (?)').run('only in the first');
    expect(statement(second, 'INSERT INTO t (label) VALUES (?)')).not.toBe(statement(first, 'INSERT INTO t (label) VALUES (?)'));
    expect(statement(second, 'SELECT count(*) FROM t', 'pluck').get()).toBe(0);
    first.close();
    second.close();
  });

  it('drops the least recently used statement once it holds 500, and prepares it again when asked', () => {
    const db = open();
    const select = (i: number) => statement(db, `SELECT ${i} AS n`);
    const oldest = select(0);
    const used = select(1);
    for (let i = 2; i < 500; i++) select(i);
    expect(select(1)).toBe(used); // used again: now the most recent
    select(500); // one past the limit: the oldest unused goes
    expect(select(1)).toBe(used);
    const again = select(0);
    expect(again).not.toBe(oldest);
    expect(again.get()).toEqual({ n: 0 });
    db.close();
  });
});
