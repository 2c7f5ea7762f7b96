import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetParsedFile } from '../../electron/core/excel/excel-service';
import { lastTaskRanIn } from '../../electron/core/excel/worker-client';
import type { SheetProgress } from '../../shared/domain/spreadsheet';
import { asInput, bookBytes, fillRows, instrumentRow, loadBook, resourceCount } from '../fixtures/excel/excel-files';
import { setUpCore, type TempCore } from '../helpers/temp-core';

/**
 * A long import runs on the worker over its own connection: the app keeps answering — its
 * progress above all — and the rows land in the one database the app reads.
 */
describe('a long import', () => {
  let core: TempCore;
  let input: ReturnType<typeof asInput>;
  const ROWS = 3000;

  beforeAll(async () => {
    core = setUpCore('HRB', 'secretariat');
    const book = await loadBook(await core.okAsync('excel.template', { recordType: 'resource' }));
    fillRows(book.worksheets[0]!, Array.from({ length: ROWS }, (_, i) => instrumentRow(i)));
    input = asInput(await bookBytes(book));
  });
  afterAll(() => core.remove());

  it('reports its progress while the app answers other requests, then lands every row in the app’s database', async () => {
    forgetParsedFile();
    const taskId = 'progress-test-1';
    expect(core.ok('excel.progress', { taskId })).toBeNull();
    const seen: SheetProgress[] = [];
    let answered = 0;
    const poll = setInterval(() => {
      const progress = core.ok('excel.progress', { taskId });
      if (progress) seen.push(progress);
      if (core.ok('zones.list', {}).length > 0) answered++;
    }, 25);
    const done = await core.okAsync('excel.commit', { ...input, mode: 'validOnly', taskId }).finally(() => clearInterval(poll));

    expect(lastTaskRanIn).toBe('worker');
    expect(done).toMatchObject({ added: ROWS, skipped: 0 });
    expect(resourceCount(core)).toBe(ROWS);
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.length).toBeGreaterThan(1);
    expect(writing.some((p) => p.done > 0 && p.done < ROWS)).toBe(true);
    expect(writing.every((p) => p.total === ROWS || (p.total === 0 && p.done === 0))).toBe(true);
    // Then the rows' search index, written in the same transaction, counts up again.
    const indexing = seen.filter((p) => p.phase === 'indexing');
    expect(indexing.length).toBeGreaterThan(0);
    expect(indexing.every((p) => p.total === ROWS && p.done <= ROWS)).toBe(true);
    expect(seen.findIndex((p) => p.phase === 'indexing')).toBeGreaterThan(seen.findLastIndex((p) => p.phase === 'writing'));
    expect(answered).toBeGreaterThan(1);
    expect(core.ok('excel.progress', { taskId })).toEqual({ phase: 'done', done: ROWS, total: ROWS });
    // The app's own searches see the worker's rows at once.
    expect(core.ok('resources.search', { query: '激光共聚焦显微镜 2999' }).total).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it.each([['', '任务标记'], ['short', '任务标记'], ['../../etc', '任务标记'], ['x'.repeat(41), '任务标记']])('refuses the task id %j', (taskId, label) => {
    expect(core.fails('excel.progress', { taskId }).message).toContain(label);
  });
});
