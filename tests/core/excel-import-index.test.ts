import type ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetParsedFile } from '../../electron/core/excel/excel-service';
import { createResource, getResource, updateResource } from '../../electron/core/resources/resource-service';
import { searchDocument, type SearchableText } from '../../electron/core/search/grams';
import { rebuildResourceIndex } from '../../electron/core/search/resource-index';
import { withDeferredTextIndex, type TextIndexName } from '../../electron/core/search/text-index';
import { actorOf, readInstallation } from '../../electron/core/settings/settings-service';
import { scenarioText, selectScenario } from '../../electron/core/scenarios/scenario-queries';
import { eventText, selectEvent } from '../../electron/core/events/event-queries';
import { ResourceCreateInput } from '../../shared/domain/resource';
import type { SheetRecordType } from '../../shared/domain/spreadsheet';
import { instrumentInput } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { asInput, bookBytes, fillRows, instrumentRow, loadBook } from '../fixtures/excel/excel-files';

/**
 * An import writes its records' text index once, at the end of its transaction (a deferred
 * scope, text-index.ts), instead of row by row. These hold it to the promise that nothing a
 * user or another installation can observe changes: the same records, index, audit and change
 * log as creating the rows one by one, only the rows that were committed indexed, and search
 * finding them as soon as the import returns.
 */

const cores: TempCore[] = [];
function newCore(): TempCore {
  const core = setUpCore('HRB', 'secretariat');
  cores.push(core);
  return core;
}
beforeEach(() => forgetParsedFile());
afterEach(() => {
  for (const core of cores.splice(0)) core.remove();
});

async function sheetFile(core: TempCore, recordType: SheetRecordType, rows: Array<Record<string, ExcelJS.CellValue>>) {
  const book = await loadBook(await core.okAsync('excel.template', { recordType }));
  fillRows(book.worksheets[0]!, rows);
  return { ...asInput(await bookBytes(book), `${recordType}.xlsx`), recordType };
}

const ORGANISATIONS = ['哈尔滨工业大学', '中国科学院长春光学精密机械与物理研究所', '重庆银行', '大连理工大学 CNAS 实验室'];
const TITLES = ['激光共聚焦显微镜', '场发射扫描电子显微镜 SEM', 'X 射线衍射仪 XRD-7000', '长春光机所 傅里叶红外光谱仪'];

/** N distinct instruments, as a clerk types them in the sheet and as the form sends them. */
function sample(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    title: `${TITLES[i % TITLES.length]} ${i + 1} 号`,
    organisation: ORGANISATIONS[i % ORGANISATIONS.length]!,
    description: i % 3 === 0 ? '' : `可测 ${i * 7} 纳米级样品，配备 EDS 能谱；共享编号 HRB-${1000 + i}`,
    phone: `0451-8641${String(1000 + i).slice(-4)}`,
    model: `LSM-${i}`,
  }));
}
type Sample = ReturnType<typeof sample>[number];

const sheetRow = (s: Sample) => instrumentRow(0, { 名称: s.title, 所属单位: s.organisation, 简介: s.description || null, 联系电话: s.phone, 型号: s.model });
const formInput = (core: TempCore, s: Sample) =>
  instrumentInput(core, {
    title: s.title,
    organisation: s.organisation,
    location: '',
    description: s.description,
    sharingMode: 'free',
    feeStandard: '',
    contactPerson: '王老师',
    contactPhone: s.phone,
    tags: [],
    extra: { model: s.model, bookingMode: 'slot', instrumentState: 'idle' },
  });

/** Every table's rows that an import touches, with per-installation ids and clock times named stably. */
function observable(core: TempCore) {
  const db = core.db;
  const names = new Map<string, string>();
  for (const z of db.prepare<[], { id: string; code: string }>('SELECT id, code FROM zones').all()) names.set(z.id, `zone:${z.code}`);
  for (const c of db.prepare<[], { id: string; code: string }>('SELECT id, code FROM resource_categories').all()) names.set(c.id, `category:${c.code}`);
  for (const r of db.prepare<[], { id: string; seq: number }>('SELECT id, seq FROM resources').all()) names.set(r.id, `resource:${r.seq}`);
  const stable = (rows: unknown[]) =>
    JSON.parse(
      JSON.stringify(rows, (key, value: unknown) => {
        if (key === 'id' || key === 'at' || key === 'changed_at') return undefined; // audit and change-log row keys, clock
        if (typeof value !== 'string') return value;
        if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)) return '<time>';
        const named = names.get(value);
        if (named) return named;
        // JSON in a column (audit before/after): the same renaming inside.
        return value.startsWith('{') ? JSON.stringify(stable([JSON.parse(value)])[0]) : value;
      }),
    ) as unknown[];
  return {
    resources: stable(db.prepare('SELECT * FROM resources ORDER BY seq').all()),
    audit: stable(db.prepare("SELECT * FROM audit_log WHERE entity = 'resource' ORDER BY id").all()),
    changes: stable(db.prepare("SELECT kind, record_id, remote FROM sync_changes WHERE kind = 'resource' ORDER BY seq").all()),
    index: indexContents(db, 'resource'),
  };
}

/** The index as stored: each haystack row and each record's gram tokens (FTS5's own vocabulary of the table). */
function indexContents(db: Database.Database, index: TextIndexName) {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${index}_grams_terms USING fts5vocab(main, ${index}_grams, 'instance')`);
  const terms = new Map<number, string[]>();
  for (const { term, doc } of db.prepare<[], { term: string; doc: number }>(`SELECT term, doc FROM temp.${index}_grams_terms`).all()) terms.set(doc, [...(terms.get(doc) ?? []), term]);
  const haystack = db.prepare<[], { seq: number; text: string; title_key: string }>(`SELECT seq, text, title_key FROM ${index}_haystack ORDER BY seq`).all();
  return { haystack, grams: [...terms].map(([seq, t]) => ({ seq, terms: t.sort() })).sort((a, b) => a.seq - b.seq) };
}

/** What indexing each record on its own makes of it. */
function expectedIndex(records: Array<{ seq: number; text: SearchableText }>) {
  const docs = records.map((r) => ({ seq: r.seq, doc: searchDocument(r.text) })).sort((a, b) => a.seq - b.seq);
  return {
    haystack: docs.map(({ seq, doc }) => ({ seq, text: doc.haystack, title_key: doc.titleKey })),
    grams: docs.map(({ seq, doc }) => ({ seq, terms: [...new Set(doc.grams.split(' '))].sort() })),
  };
}

const resourceTexts = (db: Database.Database) => db.prepare<[], SearchableText & { seq: number }>('SELECT seq, title, organisation, description FROM resources ORDER BY seq').all().map((r) => ({ seq: r.seq, text: r }));
const searchIds = (core: TempCore, query: string, sort?: 'title') => core.ok('resources.search', { query, limit: 500, ...(sort ? { sort } : {}) }).items.map((r) => r.id);

describe('an import indexes its records once, at the end of its transaction', () => {
  it('leaves the same resources, index entries, audit entries and change-log rows as creating the rows one by one', async () => {
    const rows = sample(30);
    const imported = newCore();
    const done = await imported.okAsync('excel.commit', { ...(await sheetFile(imported, 'resource', rows.map(sheetRow))), mode: 'allOrNothing' });
    expect(done).toMatchObject({ added: rows.length, skipped: 0 });
    const created = newCore();
    for (const r of rows) created.ok('resources.create', formInput(created, r));

    const a = observable(imported);
    const b = observable(created);
    expect(a.resources).toHaveLength(rows.length);
    expect(a.resources).toEqual(b.resources);
    expect(a.audit).toHaveLength(rows.length);
    expect(a.audit).toEqual(b.audit);
    expect(a.changes).toEqual(b.changes);
    expect(a.index.haystack).toHaveLength(rows.length);
    expect(a.index).toEqual(b.index);
    expect(a.index).toEqual(expectedIndex(resourceTexts(imported.db)));
  });

  it('indexes exactly the rows a validOnly import commits, and leaves the index a rebuild would make', async () => {
    const core = newCore();
    const good = sample(8);
    const rows = [
      sheetRow(good[0]!),
      { ...sheetRow(good[1]!), 共享方式: '看心情' }, // a cell no option matches
      sheetRow(good[2]!),
      { ...sheetRow(good[3]!), 共享方式: '收费', 收费标准: null }, // refused inside the service (a fee needs its standard)
      sheetRow(good[4]!),
      sheetRow({ ...good[4]!, phone: '0451-86410000' }), // the same zone and title twice in one file
      { ...sheetRow(good[5]!), 类别: '不存在的类别' },
      sheetRow(good[6]!),
    ];
    const done = await core.okAsync('excel.commit', { ...(await sheetFile(core, 'resource', rows)), mode: 'validOnly' });
    expect(done).toMatchObject({ added: 4, skipped: 4 });

    const titles = core.db.prepare<[], string>('SELECT title FROM resources ORDER BY seq').pluck().all();
    expect(titles).toEqual([good[0], good[2], good[4], good[6]].map((s) => s!.title));
    const index = indexContents(core.db, 'resource');
    expect(index).toEqual(expectedIndex(resourceTexts(core.db)));
    rebuildResourceIndex(core.db);
    expect(indexContents(core.db, 'resource')).toEqual(index);
    for (const refused of [good[1], good[3], good[5]]) expect(searchIds(core, refused!.title)).toEqual([]);
  });

  it('finds imported rows by their words, pinyin and in title order as soon as the commit returns', async () => {
    const core = newCore();
    const before = core.ok('resources.create', instrumentInput(core, { title: '阿贝折射仪' })).id;
    // Warm every cache the search keeps (columns, title order, the alnum runs) before the import.
    expect(searchIds(core, '显微镜')).toEqual([]);
    expect(searchIds(core, 'zheshe')).toEqual([before]);
    expect(searchIds(core, '', 'title')).toEqual([before]);

    const rows = sample(12);
    await core.okAsync('excel.commit', { ...(await sheetFile(core, 'resource', rows.map(sheetRow))), mode: 'validOnly' });
    const ids = new Map(core.db.prepare<[], { title: string; id: string }>('SELECT title, id FROM resources').all().map((r) => [r.title, r.id]));
    const idsOf = (pick: (s: Sample) => boolean) => rows.filter(pick).map((s) => ids.get(s.title)).sort();

    expect(searchIds(core, rows[5]!.title)).toEqual([ids.get(rows[5]!.title)]);
    expect(searchIds(core, '显微镜').sort()).toEqual(idsOf((s) => s.title.includes('显微镜')));
    expect(searchIds(core, 'chongqingyinhang').sort()).toEqual(idsOf((s) => s.organisation === '重庆银行'));
    expect(searchIds(core, 'xrd').sort()).toEqual(idsOf((s) => s.title.includes('XRD')));
    expect(searchIds(core, 'hrb-1007')).toEqual([ids.get(rows[7]!.title)]);
    expect(searchIds(core, '', 'title')).toHaveLength(rows.length + 1);
    expect(searchIds(core, '', 'title')[0]).toBe(before); // 阿 sorts first
  });

  it('changes nothing, index included, when the import is a preview or an all-or-nothing run with a bad row', async () => {
    const core = newCore();
    core.ok('resources.create', instrumentInput(core));
    const file = await sheetFile(core, 'resource', [...sample(5).map(sheetRow), { ...sheetRow(sample(6)[5]!), 类别: '不存在的类别' }]);
    const snapshot = core.snapshot();
    expect((await core.okAsync('excel.preview', file)).counts).toMatchObject({ add: 5, error: 1 });
    forgetParsedFile();
    expect(await core.okAsync('excel.commit', { ...file, mode: 'allOrNothing' })).toMatchObject({ added: 0 });
    expect(core.snapshot()).toBe(snapshot);
  });

  it('indexes listings and events imported from their sheets, found by search right after the commit', async () => {
    const core = newCore();
    const listings = await core.okAsync('excel.commit', {
      ...(await sheetFile(core, 'scenario', [
        { 场景类别: '新材料', 清单类型: '揭榜挂帅榜单', 场景名称: '稀土永磁电机攻关', 需求单位: '包头某电机公司', 场景描述: '镧铈替代', 联系人: '王工', 关键词标签: '稀土、电机' },
        { 场景类别: '新材料', 清单类型: '能力清单', 场景名称: '碳纤维复合材料检测能力', 需求单位: '吉林化纤', 场景描述: '检测', 联系人: '李工' },
      ])),
      mode: 'validOnly',
    });
    expect(listings.added).toBe(2);
    const events = await core.okAsync('excel.commit', {
      ...(await sheetFile(core, 'event', [
        { 活动类型: '论坛', 活动名称: '东北创新论坛', 开始时间: '2026-05-20 09:30', 结束时间: '2026-05-20 17:00' },
        { 活动类型: '项目路演', 活动名称: '稀土产业项目路演', 开始时间: '2026年6月1日', 结束时间: '2026年6月2日' },
      ])),
      mode: 'validOnly',
    });
    expect(events.added).toBe(2);

    expect(core.ok('scenarios.search', { query: '永磁' }).items.map((s) => s.title)).toEqual(['稀土永磁电机攻关']);
    expect(core.ok('scenarios.search', { query: 'jilinhuaxian' }).items.map((s) => s.title)).toEqual(['碳纤维复合材料检测能力']);
    expect(core.ok('events.list', { query: '路演', limit: 50 }).items.map((e) => e.title)).toEqual(['稀土产业项目路演']);

    const scenarios = core.db.prepare<[], { id: string; seq: number }>('SELECT id, seq FROM scenarios').all();
    expect(indexContents(core.db, 'scenario')).toEqual(expectedIndex(scenarios.map((s) => ({ seq: s.seq, text: scenarioText(selectScenario(core.db, s.id)!) }))));
    const allEvents = core.db.prepare<[], { id: string; seq: number }>('SELECT id, seq FROM events').all();
    expect(indexContents(core.db, 'event')).toEqual(expectedIndex(allEvents.map((e) => ({ seq: e.seq, text: eventText(selectEvent(core.db, e.id)!) }))));
  });
});

describe('the deferred index scope', () => {
  it('leaves out records and edits whose savepoint rolled back, and indexes a reused seq with the text of the record that kept it', () => {
    const core = newCore();
    const db = core.db;
    const actor = actorOf(db, readInstallation(db))!;
    const create = (title: string) => createResource(db, actor, ResourceCreateInput.parse(instrumentInput(core, { title })));
    const rolledBack = (write: () => void) =>
      expect(() =>
        db.transaction(() => {
          write();
          throw new Error('roll this row back');
        })(),
      ).toThrow('roll this row back');
    const kept: Array<{ id: string; seq: number; title: string }> = [];
    withDeferredTextIndex(db, () => {
      kept.push(create('保留的第一台仪器'));
      rolledBack(() => create('回滚的仪器'));
      kept.push(create('保留的第二台仪器')); // takes the rolled-back row's seq
      rolledBack(() => updateResource(db, actor, { id: kept[0]!.id, version: getResource(db, kept[0]!.id).version, patch: { title: '回滚的改名' } }));
      rolledBack(() => create('回滚的最后一台')); // its seq stays unused
      // Inside the scope the index lags behind: nothing is written yet.
      expect(db.prepare('SELECT count(*) FROM resource_haystack').pluck().get()).toBe(0);
    });
    expect(kept.map((r) => r.seq)).toEqual([1, 2]);
    expect(indexContents(db, 'resource')).toEqual(expectedIndex(resourceTexts(db)));
    expect(searchIds(core, '回滚')).toEqual([]);
    expect(searchIds(core, '保留的第一台')).toEqual([kept[0]!.id]);
    expect(searchIds(core, '保留的第二台')).toEqual([kept[1]!.id]);
  });

  it('writes neither records nor index entries when the scope throws', () => {
    const core = newCore();
    const db = core.db;
    const actor = actorOf(db, readInstallation(db))!;
    const snapshot = core.snapshot();
    expect(() =>
      withDeferredTextIndex(db, () => {
        createResource(db, actor, ResourceCreateInput.parse(instrumentInput(core, { title: '不会留下的仪器' })));
        throw new Error('crash');
      }),
    ).toThrow('crash');
    expect(core.snapshot()).toBe(snapshot);
    expect(searchIds(core, '不会留下')).toEqual([]);
  });
});

describe('FTS5 settings of a bulk write', () => {
  /** The options a bulk write changes, as the index stores them ('version' is FTS5's own). */
  const storedOptions = (db: Database.Database) =>
    Object.fromEntries(db.prepare<[], { k: string; v: number }>("SELECT k, v FROM resource_grams_config WHERE k <> 'version' ORDER BY k").all().map((r) => [r.k, r.v]));
  const FTS5_DEFAULTS = { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024 };

  it('are put back to FTS5’s defaults after an import, a rolled-back preview and a rebuild', async () => {
    const core = newCore();
    const input = await sheetFile(core, 'resource', sample(30).map(sheetRow));
    await core.okAsync('excel.preview', input);
    expect(storedOptions(core.db)).toEqual({}); // nothing written, nothing set
    const result = await core.okAsync('excel.commit', { ...input, mode: 'validOnly' });
    expect(result.added).toBe(30);
    expect(storedOptions(core.db)).toEqual({ hashsize: FTS5_DEFAULTS.hashsize });
    rebuildResourceIndex(core.db);
    expect(storedOptions(core.db)).toEqual(FTS5_DEFAULTS);
    expect(searchIds(core, '显微镜').length).toBeGreaterThan(0);
  });
});
