import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateResource } from '../../bench/generate/resources/resource';
import { indexResource, rebuildResourceIndex, unindexResource } from '../../electron/core/search/resource-index';
import { invalidateResourceCache, searchResources, type SearchViewer } from '../../electron/core/search/resource-search';
import { RESOURCE_STATUSES, SHARING_MODES } from '../../shared/domain/resource';
import { ResourceSearchInput, type ResourceSearchResult } from '../../shared/domain/resource-search';
import { tempCore, type TempCore } from '../helpers/temp-core';

type Input = NonNullable<ResourceSearchInput>;

interface Row {
  seq: number;
  title: string;
  organisation: string;
  description: string;
  zone: string; // zone code
  category: string; // category code
  sharing: (typeof SHARING_MODES)[number];
  status: (typeof RESOURCE_STATUSES)[number];
  updatedAt: string;
  state?: string | null;
  value?: number | null;
  deleted?: boolean;
}

/** A real core on a temp file, with rows put straight into the resources table and indexed. */
class Registry {
  readonly core: TempCore = tempCore();
  readonly db = this.core.db;
  readonly zoneId = new Map(this.db.prepare<[], [string, string]>('SELECT code, id FROM zones').raw().all());
  readonly categoryId = new Map(this.db.prepare<[], [string, string]>('SELECT code, id FROM resource_categories').raw().all());
  private readonly insert = this.db.prepare(`
    INSERT INTO resources (seq, id, owner_zone_id, created_at, updated_at, created_by, updated_by, deleted_at, category_id, title, organisation,
      description, sharing_mode, contact_person, status, instrument_state, original_value)
    VALUES (@seq, @id, @zone, @updatedAt, @updatedAt, 'test', 'test', @deletedAt, @category, @title, @organisation,
      @description, @sharing, '测试员', @status, @state, @value)`);

  add(rows: readonly Row[]): void {
    this.db.transaction(() => {
      for (const r of rows) {
        this.insert.run({
          ...r,
          id: `R${String(r.seq).padStart(25, '0')}`,
          zone: this.zoneId.get(r.zone),
          category: this.categoryId.get(r.category),
          deletedAt: r.deleted ? r.updatedAt : null,
          state: r.state ?? null,
          value: r.value ?? null,
        });
        indexResource(this.db, r);
      }
    })();
  }

  search(input: Input, viewer: SearchViewer = SECRETARIAT): ResourceSearchResult {
    return searchResources(this.db, ResourceSearchInput.parse(input), viewer);
  }

  seqs(input: Input, viewer: SearchViewer = SECRETARIAT): number[] {
    return this.search({ limit: 500, ...input }, viewer).items.map((i) => i.seq);
  }

  member(code: string): SearchViewer {
    return { role: 'member', zoneId: this.zoneId.get(code) as string };
  }
}

const SECRETARIAT: SearchViewer = { role: 'secretariat', zoneId: null };
const NOBODY: SearchViewer = { role: null, zoneId: null };
const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

function row(seq: number, over: Partial<Row>): Row {
  return {
    seq,
    title: `资源${seq}`,
    organisation: '测试单位',
    description: '',
    zone: 'HRB',
    category: 'instrument',
    sharing: 'free',
    status: 'published',
    updatedAt: `2026-01-${String(10 + (seq % 19)).padStart(2, '0')}T08:00:00.000Z`,
    ...over,
  };
}

describe('search visibility, filters and facets on a small hand-made registry', () => {
  let reg: Registry;
  beforeAll(() => {
    reg = new Registry();
    reg.add([
      row(1, { title: '扫描电子显微镜', zone: 'HRB', status: 'published', state: 'idle', value: 500 }),
      row(2, { title: '透射电子显微镜', zone: 'HRB', status: 'draft', state: 'in_use', value: 1200 }),
      row(3, { title: '原子力显微镜', zone: 'SY', status: 'published', sharing: 'paid', state: 'maintenance', value: 300 }),
      row(4, { title: '显微镜共享平台', zone: 'SY', status: 'submitted', category: 'platform' }),
      row(5, { title: '激光共聚焦显微镜', zone: 'CC', status: 'archived', sharing: 'negotiable', state: 'idle', value: 800 }),
      row(6, { title: '冷冻电镜', zone: 'CC', status: 'published', category: 'platform', sharing: 'paid' }),
      row(7, { title: '已删除的显微镜', zone: 'HRB', status: 'published', deleted: true }),
      row(8, { title: '金相显微镜', zone: 'BT', status: 'returned', state: 'offline', value: 50 }),
    ]);
  });
  afterAll(() => reg.core.remove());

  it('shows the secretariat every live resource, and never a deleted one', () => {
    expect(sorted(reg.seqs({ query: '显微镜' }))).toEqual([1, 2, 3, 4, 5, 8]);
  });

  it('shows a member every published resource plus all of its own zone, whatever their status', () => {
    expect(sorted(reg.seqs({ query: '显微镜' }, reg.member('SY')))).toEqual([1, 3, 4]);
    expect(sorted(reg.seqs({ query: '显微镜' }, reg.member('HRB')))).toEqual([1, 2, 3]);
    expect(sorted(reg.seqs({}, reg.member('BT')))).toEqual([1, 3, 6, 8]);
  });

  it('shows an installation that is not set up only published resources', () => {
    expect(sorted(reg.seqs({}, NOBODY))).toEqual([1, 3, 6]);
    expect(sorted(reg.seqs({}, { role: 'member', zoneId: null }))).toEqual([1, 3, 6]);
  });

  it('combines filters with AND across facets and OR within one', () => {
    expect(sorted(reg.seqs({ sharingModes: ['paid'] }))).toEqual([3, 6]);
    expect(sorted(reg.seqs({ sharingModes: ['paid', 'negotiable'] }))).toEqual([3, 5, 6]);
    expect(sorted(reg.seqs({ sharingModes: ['paid'], categoryIds: [reg.categoryId.get('platform') as string] }))).toEqual([6]);
    expect(sorted(reg.seqs({ provinces: ['辽宁省'] }))).toEqual([3, 4]);
    expect(sorted(reg.seqs({ provinces: ['辽宁省', '内蒙古自治区'] }))).toEqual([3, 4, 8]);
    expect(sorted(reg.seqs({ zoneIds: [reg.zoneId.get('CC') as string], statuses: ['archived'] }))).toEqual([5]);
    expect(sorted(reg.seqs({ instrumentStates: ['idle', 'offline'] }))).toEqual([1, 5, 8]);
    expect(sorted(reg.seqs({ query: '电子', statuses: ['draft', 'published'] }))).toEqual([1, 2]);
  });

  it('lets an unknown filter value match nothing rather than being ignored', () => {
    const result = reg.search({ zoneIds: ['01ZZZZZZZZZZZZZZZZZZZZZZZZ'] });
    expect(result.total).toBe(0);
    expect(result.items).toEqual([]);
    expect(reg.search({ provinces: ['火星'] }).total).toBe(0);
  });

  it('counts each facet with the other facets\u2019 filters applied, keyed by id, province and value', () => {
    const result = reg.search({ sharingModes: ['paid'] });
    expect(result.total).toBe(2);
    // The sharing facet ignores its own filter: it counts all 7 live rows by mode.
    expect(result.facets.sharingMode).toEqual({ free: 4, paid: 2, negotiable: 1 });
    expect(result.facets.zone).toEqual({ [reg.zoneId.get('SY') as string]: 1, [reg.zoneId.get('CC') as string]: 1 });
    expect(result.facets.province).toEqual({ 辽宁省: 1, 吉林省: 1 });
    expect(result.facets.category).toEqual({ [reg.categoryId.get('instrument') as string]: 1, [reg.categoryId.get('platform') as string]: 1 });
    expect(result.facets.status).toEqual({ published: 2 });
    expect(result.facets.instrumentState).toEqual({ maintenance: 1 });
  });

  it('returns list summaries with names, a snippet around the first word and the words to highlight', () => {
    reg.add([
      row(20, {
        title: '场发射扫描电镜',
        organisation: '哈尔滨工业大学',
        description: '本设备于 2019 年购置，放大倍数 12×–2,000,000×，加速电压 0.02–30 kV，可开展材料微观形貌观察与断口分析，配备能谱仪（ＥＤＳ）与背散射探头，服务新材料企业。',
        state: 'idle',
        value: 650,
      }),
    ]);
    const result = reg.search({ query: '  断口分析   EDS ' });
    expect(result.highlight).toEqual(['断口分析', 'eds']);
    expect(result.total).toBe(1);
    const [item] = result.items;
    expect(item).toMatchObject({
      seq: 20,
      title: '场发射扫描电镜',
      organisation: '哈尔滨工业大学',
      categoryName: '大型科研仪器设备',
      ownerZoneName: '哈尔滨高新区',
      ownerZoneId: reg.zoneId.get('HRB'),
      sharingMode: 'free',
      status: 'published',
      instrumentState: 'idle',
      originalValue: 650,
      isDemo: false,
      version: 1,
    });
    expect(item?.snippet).toContain('断口分析');
    expect(item?.snippet.startsWith('…')).toBe(true);
    expect(item?.snippet.replace(/…/g, '').length).toBeLessThanOrEqual(80);
    // A word only in the title: the snippet is the description's start.
    expect(reg.search({ query: '场发射' }).items[0]?.snippet.startsWith('本设备于 2019 年购置')).toBe(true);
    expect(typeof result.tookMs).toBe('number');
  });
});

describe('search sorting and paging', () => {
  let reg: Registry;
  beforeAll(() => {
    reg = new Registry();
    const titles = ['重庆仪器', '长春仪器', '阿里仪器', '北京仪器', 'ABC仪器', '安徽仪器', '2号仪器', '“揭榜挂帅”仪器'];
    reg.add(
      titles.map((title, i) =>
        row(i + 1, {
          title,
          updatedAt: `2026-02-0${(i % 3) + 1}T00:00:00.000Z`, // ties, broken by seq
          value: i % 3 === 0 ? null : (i * 37) % 11,
        }),
      ),
    );
  });
  afterAll(() => reg.core.remove());

  it('sorts by update time, newest first, ties by the later record first', () => {
    const expected = reg.db.prepare<[], number>('SELECT seq FROM resources ORDER BY updated_at DESC, seq DESC').pluck().all();
    expect(reg.seqs({ sort: 'updated' })).toEqual(expected);
  });

  it('sorts by title in pinyin order: digits, then letters and syllables as a dictionary would', () => {
    const titles = reg.search({ sort: 'title' }).items.map((i) => i.title);
    expect(titles).toEqual(['2号仪器', '阿里仪器', 'ABC仪器', '安徽仪器', '北京仪器', '长春仪器', '重庆仪器', '“揭榜挂帅”仪器']);
  });

  it('sorts by original value, highest first, resources without one last', () => {
    const expected = reg.db
      .prepare<[], number>('SELECT seq FROM resources ORDER BY original_value IS NULL, original_value DESC, updated_at DESC, seq DESC')
      .pluck()
      .all();
    expect(reg.seqs({ sort: 'value' })).toEqual(expected);
  });

  it('pages through the same order without gaps or repeats, the total staying the same', () => {
    for (const sort of ['updated', 'title', 'value'] as const) {
      const all = reg.seqs({ sort });
      const paged: number[] = [];
      for (let offset = 0; offset < all.length + 3; offset += 3) {
        const page = reg.search({ sort, offset, limit: 3 });
        expect(page.total).toBe(all.length);
        paged.push(...page.items.map((i) => i.seq));
      }
      expect(paged).toEqual(all);
    }
    expect(reg.search({ offset: 100 }).items).toEqual([]);
  });
});

describe('facet counts on a generated registry', () => {
  let reg: Registry;
  const N = 1500;
  beforeAll(() => {
    reg = new Registry();
    const rows: Row[] = [];
    for (let seq = 1; seq <= N; seq++) {
      const g = generateResource(11, seq);
      rows.push({
        seq,
        title: g.title,
        organisation: g.organisation,
        description: g.description,
        zone: g.ownerZoneCode,
        category: g.categoryCode,
        sharing: g.sharingMode,
        status: g.status,
        updatedAt: g.updatedAt,
        state: typeof g.extra.instrumentState === 'string' ? g.extra.instrumentState : null,
        value: typeof g.extra.originalValue === 'number' ? g.extra.originalValue : null,
        deleted: seq % 40 === 0,
      });
    }
    reg.add(rows);
  });
  afterAll(() => reg.core.remove());

  interface Facts {
    seq: number;
    zone: string;
    province: string;
    category: string;
    sharing: string;
    status: string;
    state: string | null;
  }

  /** The same numbers, counted the slow and obvious way. */
  function bruteForce(query: string, filters: Record<keyof Omit<Facts, 'seq'>, string[]>, viewer: SearchViewer) {
    const words = query.split(/\s+/).filter(Boolean);
    const like = words.map(() => "(r.title LIKE ? ESCAPE '\\' OR r.organisation LIKE ? ESCAPE '\\' OR r.description LIKE ? ESCAPE '\\')");
    const params = words.flatMap((w) => Array(3).fill(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    const facts = reg.db
      .prepare<string[], Facts>(
        `SELECT r.seq, r.owner_zone_id AS zone, z.province, r.category_id AS category, r.sharing_mode AS sharing, r.status, r.instrument_state AS state
         FROM resources r JOIN zones z ON z.id = r.owner_zone_id WHERE r.deleted_at IS NULL ${like.map((l) => `AND ${l}`).join(' ')}`,
      )
      .all(...params)
      .filter((f) => viewer.role === 'secretariat' || f.status === 'published' || (viewer.role === 'member' && f.zone === viewer.zoneId));
    const keys = ['zone', 'province', 'category', 'sharing', 'status', 'state'] as const;
    const passes = (f: Facts, except: (typeof keys)[number] | null) =>
      keys.every((k) => k === except || filters[k].length === 0 || filters[k].includes(f[k] ?? ''));
    const count = (k: (typeof keys)[number]) => {
      const out: Record<string, number> = {};
      for (const f of facts) if (f[k] !== null && passes(f, k)) out[f[k] as string] = (out[f[k] as string] ?? 0) + 1;
      return out;
    };
    return {
      total: facts.filter((f) => passes(f, null)).length,
      facets: { zone: count('zone'), province: count('province'), category: count('category'), sharingMode: count('sharing'), status: count('status'), instrumentState: count('state') },
    };
  }

  it('equals a brute-force count for every facet, for queries, filters and roles', () => {
    const zone = (code: string) => reg.zoneId.get(code) as string;
    const category = (code: string) => reg.categoryId.get(code) as string;
    const none = { zone: [], province: [], category: [], sharing: [], status: [], state: [] };
    const cases = [
      { query: '', filters: none },
      { query: '检测', filters: none },
      { query: '显微镜', filters: { ...none, province: ['辽宁省', '吉林省'] } },
      { query: '', filters: { ...none, category: [category('instrument')], state: ['idle', 'in_use'], status: ['published'] } },
      { query: '哈尔滨 服务', filters: { ...none, sharing: ['paid', 'negotiable'], zone: [zone('HRB'), zone('DQ')] } },
      { query: '材料', filters: { zone: [zone('SY')], province: ['辽宁省'], category: [category('instrument'), category('patent')], sharing: ['free'], status: ['published', 'draft'], state: ['idle'] } },
    ];
    for (const viewer of [SECRETARIAT, reg.member('HRB'), reg.member('BT'), NOBODY]) {
      for (const { query, filters } of cases) {
        const result = reg.search({
          query,
          zoneIds: filters.zone,
          provinces: filters.province,
          categoryIds: filters.category,
          sharingModes: filters.sharing as Row['sharing'][],
          statuses: filters.status as Row['status'][],
          instrumentStates: filters.state as Array<'idle' | 'in_use' | 'maintenance' | 'offline'>,
        }, viewer);
        const expected = bruteForce(query, filters, viewer);
        expect({ total: result.total, facets: result.facets }, `${viewer.role} ${viewer.zoneId ?? ''}「${query}」`).toEqual(expected);
      }
    }
  });

  it('gives the same results after a full rebuild as after indexing row by row', () => {
    const queries = ['检测', '扫描电子显微镜', 'sem', 'haerbin', '沈阳 材料'];
    const before = queries.map((query) => reg.seqs({ query }));
    expect(rebuildResourceIndex(reg.db)).toBe(N);
    expect(queries.map((query) => reg.seqs({ query }))).toEqual(before);
  });
});

describe('search keeps up with writes', () => {
  let reg: Registry;
  afterEach(() => reg.core.remove());

  it('re-indexes an updated title: the old word no longer matches, the new one does', () => {
    reg = new Registry();
    reg.add([row(1, { title: '旧名称设备' }), row(2, { title: '其他设备' })]);
    expect(reg.seqs({ query: '旧名称' })).toEqual([1]);
    reg.db.prepare("UPDATE resources SET title = '新名称仪器' WHERE seq = 1").run();
    indexResource(reg.db, { seq: 1, title: '新名称仪器', organisation: '测试单位', description: '' });
    expect(reg.seqs({ query: '旧名称' })).toEqual([]);
    expect(reg.seqs({ query: '新名称' })).toEqual([1]);
    expect(reg.seqs({ query: 'xinmingcheng' })).toEqual([1]);
    expect(reg.seqs({ query: 'jiumingcheng' })).toEqual([]);
  });

  it('keeps the title order right after a status change and after a title change', () => {
    reg = new Registry();
    reg.add([row(1, { title: '北京仪器' }), row(2, { title: '长春仪器' }), row(3, { title: '安徽仪器' })]);
    const titles = () => reg.search({ sort: 'title' }).items.map((i) => i.title);
    expect(titles()).toEqual(['安徽仪器', '北京仪器', '长春仪器']);
    reg.db.prepare("UPDATE resources SET status = 'draft', updated_at = '2027-01-01T00:00:00.000Z' WHERE seq = 3").run();
    invalidateResourceCache(reg.db);
    expect(titles()).toEqual(['安徽仪器', '北京仪器', '长春仪器']);
    reg.db.prepare("UPDATE resources SET title = '重庆仪器' WHERE seq = 1").run();
    indexResource(reg.db, { seq: 1, title: '重庆仪器', organisation: '测试单位', description: '' });
    expect(titles()).toEqual(['安徽仪器', '长春仪器', '重庆仪器']);
  });

  it('forgets a resource that is unindexed and deleted, in counts too', () => {
    reg = new Registry();
    reg.add([row(1, { title: '待删除仪器' }), row(2, { title: '保留仪器' })]);
    expect(reg.search({ query: '仪器' }).total).toBe(2);
    reg.db.transaction(() => {
      unindexResource(reg.db, 1);
      reg.db.prepare('DELETE FROM resources WHERE seq = 1').run();
    })();
    const result = reg.search({ query: '仪器' });
    expect(result.total).toBe(1);
    expect(result.facets.status).toEqual({ published: 1 });
    expect(reg.seqs({ query: '待删除' })).toEqual([]);
    expect(reg.seqs({ query: 'daishanchu' })).toEqual([]);
  });

  it('notices a status change once the writer invalidates the cache', () => {
    reg = new Registry();
    reg.add([row(1, { title: '审核中仪器', status: 'submitted' })]);
    expect(reg.seqs({}, NOBODY)).toEqual([]);
    reg.db.prepare("UPDATE resources SET status = 'published' WHERE seq = 1").run();
    invalidateResourceCache(reg.db);
    expect(reg.seqs({}, NOBODY)).toEqual([1]);
  });

  it('notices writes made through another connection to the same file', () => {
    reg = new Registry();
    reg.add([row(1, { title: '本连接写入的仪器' })]);
    expect(reg.search({ query: '仪器' }).total).toBe(1);
    expect(reg.seqs({ query: 'yiqi' })).toEqual([1]); // loads the in-memory pinyin runs too
    const other = new Database(reg.db.name);
    try {
      other.pragma('foreign_keys = ON');
      other.transaction(() => {
        other
          .prepare(`INSERT INTO resources (seq, id, owner_zone_id, created_at, updated_at, created_by, updated_by, category_id, title, organisation, sharing_mode, contact_person, status)
                    VALUES (2, 'R2', ?, '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 'other', 'other', ?, '另一个进程写入的仪器', '其他单位', 'paid', '某人', 'published')`)
          .run(reg.zoneId.get('SY'), reg.categoryId.get('instrument'));
        indexResource(other, { seq: 2, title: '另一个进程写入的仪器', organisation: '其他单位', description: '' });
        other.prepare("UPDATE resources SET status = 'draft' WHERE seq = 1").run();
      })();
    } finally {
      other.close();
    }
    // No invalidation call on this connection: PRAGMA data_version tells.
    expect(sorted(reg.seqs({ query: '仪器' }))).toEqual([1, 2]);
    expect(reg.seqs({ query: '另一个进程' })).toEqual([2]);
    expect(sorted(reg.seqs({ query: 'yiqi' }))).toEqual([1, 2]);
    expect(reg.seqs({}, NOBODY)).toEqual([2]);
    expect(reg.search({}).facets.sharingMode).toEqual({ free: 1, paid: 1 });
  });

  it('sees its own uncommitted rows inside a transaction, and forgets them after a rollback', () => {
    reg = new Registry();
    reg.add([row(1, { title: '已提交仪器' })]);
    expect(reg.seqs({ query: 'yiqi' })).toEqual([1]);
    const rollback = new Error('rollback');
    expect(() =>
      reg.db.transaction(() => {
        reg.add([row(2, { title: '未提交仪器' })]);
        expect(sorted(reg.seqs({ query: '仪器' }))).toEqual([1, 2]);
        expect(sorted(reg.seqs({ query: 'yiqi' }))).toEqual([1, 2]);
        throw rollback;
      })(),
    ).toThrow(rollback);
    expect(reg.seqs({ query: '仪器' })).toEqual([1]);
    expect(reg.seqs({ query: 'yiqi' })).toEqual([1]);
    expect(reg.seqs({ query: 'weitijiao' })).toEqual([]);
  });
});

describe('hostile queries', () => {
  let reg: Registry;
  beforeAll(() => {
    reg = new Registry();
    reg.add([
      row(1, { title: 'AND OR NOT NEAR(a b) 语法', organisation: '"引号" 单位', description: "星号 * 减号 - 插入符 ^ 冒号: 单引号 ' 反斜杠 \\ 括号 ( )" }),
      row(2, { title: '普通仪器', organisation: '普通单位', description: '没有特殊字符。' }),
    ]);
  });
  afterAll(() => reg.core.remove());

  it('never throws, and treats FTS5 syntax, quotes and control characters as plain text', () => {
    const queries = ['"', "'", '""', '*', '-', '^', ':', '(', ')', 'NEAR(', 'near(a b)', 'AND', 'OR', 'NOT', 'a OR b', '"引号"', '\\', '\0', 'a\0b', '\u0001', '\u0002', '😀', '𠀀', '%', '_', '\u200b', ' '.repeat(100), 'x'.repeat(100), '{}[]', 'grams:a', 'rowid'];
    for (const query of queries) {
      expect(() => reg.search({ query }), JSON.stringify(query)).not.toThrow();
      expect(() => reg.search({ query, sort: 'title' }), JSON.stringify(query)).not.toThrow();
    }
    expect(reg.seqs({ query: 'NEAR(' })).toEqual([1]);
    expect(reg.seqs({ query: '"引号"' })).toEqual([1]);
    expect(reg.seqs({ query: '*' })).toEqual([1]);
    expect(reg.seqs({ query: "'" })).toEqual([1]);
    expect(reg.seqs({ query: '\\' })).toEqual([1]);
    expect(reg.seqs({ query: 'and or' })).toEqual([1]);
    expect(reg.seqs({ query: 'grams:a' })).toEqual([]);
    // Control characters separate words like spaces do; nothing matches across them.
    expect(sorted(reg.seqs({ query: '仪器\0普通' }))).toEqual([2]);
    expect(reg.search({ query: '\0' }).total).toBe(2); // no words: everything
  });
});
