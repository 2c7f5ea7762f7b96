import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateResource } from '../../bench/generate/resources/resource';
import { indexResource } from '../../electron/core/search/resource-index';
import { searchResources } from '../../electron/core/search/resource-search';
import { ResourceSearchInput } from '../../shared/domain/resource-search';
import { tempCore, type TempCore } from '../helpers/temp-core';

/**
 * Recall against the ground truth the engine replaces: a per-column `LIKE '%word%'` scan
 * (ESCAPE'd, so % and _ are literal), every whitespace-separated word required. On a
 * deterministic generated registry plus hand-made rows for the edge cases.
 */
interface Fixture {
  oneChar: string[];
  twoChar: string[];
  longChinese: string[];
  pinyin: string[];
  english: string[];
  pinyinOf: Record<string, string>;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/search-queries.json', import.meta.url), 'utf8')) as Fixture;

const GENERATED = 2500;
const SECRETARIAT = { role: 'secretariat' as const, zoneId: null };

/** Rows that make the edge cases certain to occur, whatever the generator produces. */
const HAND_MADE = [
  { title: '测试_样品%100', organisation: '通配符检测中心', description: '含有 % 与 _ 的文本：a_b 与 50% 都应按字面匹配。' },
  { title: 'axb 样品', organisation: '对照单位', description: '这里的 a b 与 aXb 都不能被带下划线的查询匹配到。' },
  { title: 'Scanning Electron Microscope SEM', organisation: 'Harbin Institute of Technology', description: 'Mixed-case English: Sem, sEM, SEM.' },
  { title: '引号"与\'撇号', organisation: '语法测试', description: 'FTS 语法 AND OR NOT NEAR( * - ^ 都只是文字。' },
  { title: '全角ＳＥＭ与（括号）', organisation: '全角字符单位', description: 'ＣＮＡＳ 认可实验室，ｗｉｆｉ 覆盖。' },
  // Every trigram of 甲乙丙丁 and of abcde is here, but neither word is: only verification
  // rejects them. And title + organisation would spell both, were segments not kept apart.
  { title: '样品甲乙 xyabc', organisation: '丙丁研究所 deq', description: '甲乙丙，乙丙丁。abcx bcde' },
];

let core: TempCore;
let db: Database.Database;

beforeAll(() => {
  core = tempCore();
  db = core.db;
  const categories = new Map(db.prepare<[], [string, string]>('SELECT code, id FROM resource_categories').raw().all());
  const zones = new Map(db.prepare<[], [string, string]>('SELECT code, id FROM zones').raw().all());
  const insert = db.prepare(`
    INSERT INTO resources (seq, id, owner_zone_id, created_at, updated_at, created_by, updated_by, deleted_at, category_id,
      title, organisation, description, sharing_mode, contact_person, status)
    VALUES (@seq, @id, @zone, @at, @at, 'test', 'test', @deletedAt, @category, @title, @organisation, @description, 'free', '测试员', @status)`);
  db.transaction(() => {
    for (let seq = 1; seq <= GENERATED + HAND_MADE.length; seq++) {
      const g = generateResource(7, seq);
      const text = seq > GENERATED ? (HAND_MADE[seq - GENERATED - 1] as (typeof HAND_MADE)[number]) : g;
      const row = {
        seq,
        id: `R${String(seq).padStart(25, '0')}`,
        zone: zones.get(g.ownerZoneCode),
        category: categories.get(g.categoryCode),
        at: g.updatedAt,
        // Every 50th row is soft-deleted: it must never be found.
        deletedAt: seq % 50 === 0 ? g.updatedAt : null,
        title: text.title,
        organisation: text.organisation,
        description: text.description,
        status: g.status,
      };
      insert.run(row);
      indexResource(db, row);
    }
  })();
});

afterAll(() => core.remove());

const escapeLike = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Ground truth: live rows where every word is in the title, organisation or description. */
function likeSeqs(query: string): Set<number> {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const where = words.map(() => "(title LIKE ? ESCAPE '\\' OR organisation LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')").join(' AND ');
  const params = words.flatMap((w) => [escapeLike(w), escapeLike(w), escapeLike(w)]);
  return new Set(db.prepare<string[], number>(`SELECT seq FROM resources WHERE deleted_at IS NULL AND ${where}`).pluck().all(...params));
}

/** Every seq the engine finds for the query, page by page (500 is the contract's maximum). */
function engineSeqs(query: string): Set<number> {
  const found = new Set<number>();
  for (let offset = 0; ; offset += 500) {
    const page = searchResources(db, ResourceSearchInput.parse({ query, offset, limit: 500 }), SECRETARIAT);
    for (const item of page.items) found.add(item.seq);
    if (offset + 500 >= page.total) {
      expect(found.size).toBe(page.total);
      return found;
    }
  }
}

const missing = (truth: Set<number>, found: Set<number>) => [...truth].filter((s) => !found.has(s));
const extra = (truth: Set<number>, found: Set<number>) => [...found].filter((s) => !truth.has(s));
/** A word of only Latin letters may also match as pinyin, so only a superset is promised. */
const couldBePinyin = (query: string) => query.trim().split(/\s+/).some((w) => /^[a-z]+$/i.test(w));

describe('search recall against a LIKE scan', () => {
  const classes = ['oneChar', 'twoChar', 'longChinese', 'pinyin', 'english'] as const;
  for (const name of classes) {
    it(`finds every row LIKE finds for the ${name} queries, and no others unless a word could be pinyin`, () => {
      for (const query of fixture[name]) {
        const truth = likeSeqs(query);
        const found = engineSeqs(query);
        expect(missing(truth, found), `missed for「${query}」`).toEqual([]);
        if (!couldBePinyin(query)) expect(extra(truth, found), `extra for「${query}」`).toEqual([]);
      }
    });
  }

  it('has at least eight queries per class, so every class is really exercised', () => {
    for (const name of classes) expect(fixture[name].length).toBeGreaterThanOrEqual(8);
  });

  it('finds a whole title, and every row that contains it', () => {
    const titles = db.prepare<[], string>('SELECT title FROM resources WHERE deleted_at IS NULL AND seq % 97 = 1 LIMIT 12').pluck().all();
    for (const title of titles) {
      const truth = likeSeqs(title);
      expect(truth.size).toBeGreaterThan(0);
      const found = engineSeqs(title);
      expect(missing(truth, found), `missed for「${title}」`).toEqual([]);
      if (!couldBePinyin(title)) expect(extra(truth, found), `extra for「${title}」`).toEqual([]);
    }
  });

  it('never matches across the end of a title and the start of its organisation', () => {
    const rows = db.prepare<[], { seq: number; title: string; organisation: string }>(
      "SELECT seq, title, organisation FROM resources WHERE deleted_at IS NULL AND length(title) > 3 AND title NOT GLOB '*[A-Za-z0-9 ]' LIMIT 20",
    ).all();
    for (const row of rows) {
      const spanning = row.title.slice(-2) + row.organisation.slice(0, 2);
      const truth = likeSeqs(spanning);
      const found = engineSeqs(spanning);
      expect([...found].sort(), `「${spanning}」`).toEqual([...truth].sort());
      if (!truth.has(row.seq)) expect(found.has(row.seq)).toBe(false);
    }
  });

  it('verifies longer words: having all of a word\'s trigrams is not enough', () => {
    for (const query of ['甲乙丙丁', 'abcde', '乙丙丁研', 'xyabcdeq']) {
      expect(likeSeqs(query).size).toBe(0);
      expect(engineSeqs(query).size, `「${query}」`).toBe(0);
    }
    expect(engineSeqs('甲乙丙').size).toBe(1);
    expect(engineSeqs('bcde').size).toBe(1);
  });

  it('treats mixed-case English as LIKE does: sem, SEM and Sem find the same rows', () => {
    const lower = engineSeqs('sem');
    expect(engineSeqs('SEM')).toEqual(lower);
    expect(engineSeqs('Sem')).toEqual(lower);
    expect(missing(likeSeqs('SEM'), lower)).toEqual([]);
  });

  it('takes % and _ literally, exactly like an escaped LIKE', () => {
    for (const query of ['%', '_', 'a_b', '50%', '%100', '测试_样品']) {
      const truth = likeSeqs(query);
      expect([...engineSeqs(query)].sort(), `「${query}」`).toEqual([...truth].sort());
    }
    expect(likeSeqs('a_b').size).toBe(1); // the hand-made row, not 'axb' or 'a b'
  });

  it('requires every space-separated word, in any order and any column', () => {
    for (const query of ['扫描 显微镜', '显微镜 扫描', '冰雪 装备 哈尔滨', 'SEM 蔡司', '联盟 免费']) {
      const truth = likeSeqs(query);
      const found = engineSeqs(query);
      expect(missing(truth, found), `missed for「${query}」`).toEqual([]);
      if (!couldBePinyin(query)) expect(extra(truth, found), `extra for「${query}」`).toEqual([]);
    }
  });

  it('matches full-width text by its normalized form, on top of what LIKE finds', () => {
    // NFKC: ＳＥＭ is sem and （ is (. LIKE finds only the literal full-width text.
    const found = engineSeqs('ＳＥＭ');
    expect(missing(likeSeqs('ＳＥＭ'), found)).toEqual([]);
    expect(missing(likeSeqs('sem'), found)).toEqual([]);
    expect(engineSeqs('cnas').size).toBeGreaterThanOrEqual(likeSeqs('ＣＮＡＳ').size + likeSeqs('cnas').size);
  });

  it('finds the Chinese behind each pinyin query in titles and organisations', () => {
    for (const [query, chinese] of Object.entries(fixture.pinyinOf)) {
      const zh = escapeLike(chinese);
      const expected = db
        .prepare<[string, string], number>("SELECT seq FROM resources WHERE deleted_at IS NULL AND (title LIKE ? ESCAPE '\\' OR organisation LIKE ? ESCAPE '\\')")
        .pluck()
        .all(zh, zh);
      expect(expected.length, `no rows with ${chinese} in the corpus`).toBeGreaterThan(0);
      expect(missing(new Set(expected), engineSeqs(query)), `${query} → ${chinese}`).toEqual([]);
    }
  });

  it('never returns a soft-deleted row', () => {
    const deleted = new Set(db.prepare<[], number>('SELECT seq FROM resources WHERE deleted_at IS NOT NULL').pluck().all());
    expect(deleted.size).toBeGreaterThan(10);
    for (const query of ['的', '检测', 'sy', '']) for (const seq of engineSeqs(query)) expect(deleted.has(seq)).toBe(false);
  });
});
