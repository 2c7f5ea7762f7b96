import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instrumentInput } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';
import { closeDrawer, launchBrowser, navigate, openApp, openResource, setUpAs, type RunningApp } from './harness';

/**
 * Two installations in one browser, each with its own database and host: the secretariat
 * (哈尔滨, HRB) and a member (大庆, DQ). A package travels by "USB stick" (exported on one,
 * imported through the preview on the other), then a resource goes the whole way through a
 * shared exchange folder: submitted at DQ, reviewed and published at HRB, published at DQ.
 */

const card = (page: Page) => page.getByTestId('exchange-card');
const SHOTS_DIR = join(process.cwd(), 'test-results', 'screens');

/** A screenshot of one part of the page (the whole settings page is too long to read). */
async function shot(part: ReturnType<Page['locator']>, name: string) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await part.screenshot({ path: join(SHOTS_DIR, `${name}.png`), animations: 'disabled' });
}

async function openExchange(page: Page) {
  await navigate(page, '设置');
  await card(page).waitFor();
}

async function setFolder(page: Page, folder: string) {
  const input = card(page).getByLabel('交换文件夹路径');
  await input.fill(folder);
  await card(page).getByRole('button', { name: /^保\s*存$/ }).click();
  await expect.poll(() => page.getByText('交换文件夹已保存').count()).toBeGreaterThan(0);
  // An earlier error under the field leaves with an animation: wait for it to go.
  await expect.poll(() => card(page).locator('.ant-form-item-explain-error').count()).toBe(0);
}

/** 立即同步, then the summary's text once the sync is over. */
async function syncNow(page: Page): Promise<string> {
  const button = page.getByTestId('exchange-sync');
  await expect.poll(() => button.isEnabled()).toBe(true);
  const result = page.getByTestId('exchange-sync-result');
  const before = (await result.count()) > 0 ? await result.getAttribute('data-at') : null;
  await button.click();
  await expect.poll(async () => (await button.innerText()).replace(/\s/g, '')).toBe('立即同步');
  await expect.poll(async () => ((await result.count()) > 0 ? result.getAttribute('data-at') : null)).not.toBe(before);
  return result.innerText();
}

const status = (page: Page) => page.getByTestId('resource-status').innerText();

const closeResource = (page: Page) => closeDrawer(page, 'resource-detail');

describe('exchange between two installations in a real browser', () => {
  let browser: Browser;
  let hrb: RunningApp | undefined;
  let dq: RunningApp | undefined;
  let folder: string;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'alliance-exchange-'));
  });
  afterEach(async () => {
    await hrb?.close();
    await dq?.close();
    hrb = dq = undefined;
    rmSync(folder, { recursive: true, force: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('carries a package by USB stick with the key notice, then a resource through the exchange folder until it is published on both', async () => {
    hrb = await openApp(browser, setUpAs('HRB', 'secretariat'));
    dq = await openApp(browser, setUpAs('DQ', 'member'));
    const [h, d] = [hrb.page, dq.page];

    // ── By USB stick: 大庆 exports a package, 哈尔滨 imports it through the preview ──────────
    dq.core.ok('resources.create', instrumentInput(dq.core, { title: '大庆 石油化工中试基地检测仪' }));
    await openExchange(d);
    const fingerprint = await d.getByTestId('exchange-fingerprint').innerText();
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const [download] = await Promise.all([d.waitForEvent('download'), d.getByTestId('exchange-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^DQ_\d{8}T\d{6}_[0-9A-Z]+\.alliance$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    // Nothing new since: the core says so in Chinese.
    await d.getByTestId('exchange-export').click();
    await expect.poll(() => d.getByText('自上次导出以来本机没有新的变更，无需导出交换包。').count()).toBeGreaterThan(0);

    await openExchange(h);
    await h.getByTestId('exchange-file').locator('input[type=file]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: bytes });
    const dialog = h.getByRole('dialog').filter({ hasText: '导入交换包' });
    await dialog.getByTestId('exchange-counts').waitFor();
    expect(await dialog.getByTestId('exchange-sender').innerText()).toContain('来自「大庆高新区」');
    // The first package from 大庆: its key, to compare by phone with what 大庆's screen shows.
    expect(await dialog.getByTestId('exchange-key-notice').innerText()).toContain('首次收到「大庆高新区」的交换包');
    expect(await dialog.getByTestId('exchange-key-fingerprint').innerText()).toBe(fingerprint);
    const resourceRow = dialog.getByTestId('exchange-counts').locator('tr', { hasText: '科技资源' });
    expect((await resourceRow.locator('td').allInnerTexts()).slice(0, 2)).toEqual(['科技资源', '1']);
    await shot(dialog, '80-exchange-import-preview');
    expect(hrb.core.ok('resources.search', { query: '石油化工' }).total).toBe(0); // a preview writes nothing
    await dialog.getByTestId('exchange-confirm').click();
    await expect.poll(() => dialog.getByTestId('exchange-import-result').innerText()).toBe('新增 1');
    await dialog.getByTestId('exchange-close').click();
    expect(hrb.core.ok('resources.search', { query: '石油化工' }).total).toBe(1);
    // 大庆's key is trusted now, and the package is in the history.
    await expect.poll(() => h.getByTestId('exchange-zone-keys').innerText()).toContain(fingerprint);
    expect(await h.getByTestId('exchange-history').innerText()).toMatch(/收到\s+大庆高新区\s+科技资源：新增 1/);
    // The same file again changes nothing.
    await h.getByTestId('exchange-file').locator('input[type=file]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: bytes });
    await dialog.getByTestId('exchange-duplicate').waitFor();
    expect(await dialog.getByTestId('exchange-confirm').count()).toBe(0);
    await dialog.getByTestId('exchange-close').click();

    // ── Through the exchange folder: 大庆 submits a resource and syncs ────────────────────
    const title = '大庆 高分辨X射线衍射仪';
    dq.core.ok('resources.create', instrumentInput(dq.core, { title }));
    await openResource(d, title);
    await d.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => status(d)).toBe('待审核');
    await closeResource(d);
    await openExchange(d);
    // A folder path must be complete: the core's message lands under the field.
    await card(d).getByLabel('交换文件夹路径').fill('联盟交换');
    await card(d).getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => card(d).getByText('应为完整路径').count()).toBe(1);
    await setFolder(d, folder);
    expect(await syncNow(d)).toMatch(/已发出本机的 \d+ 条变更（DQ_\d{8}T\d{6}_[0-9A-Z]+\.alliance）[\s\S]*没有收到新的交换包/);
    await shot(card(d), '81-exchange-member-synced');

    // 哈尔滨 sets the same folder, syncs, and finds the resource in its review queue.
    await setFolder(h, folder);
    expect(await syncNow(h)).toMatch(/收到「大庆高新区」的交换包：新增 1/);
    await shot(card(h), '82-exchange-secretariat-received');
    await h.getByRole('menuitem', { name: '审核队列' }).click();
    await h.locator('tr', { hasText: title }).getByRole('checkbox').check();
    await h.getByRole('button', { name: /通过所选（1）/ }).click();
    await expect.poll(() => h.locator('tr', { hasText: title }).count()).toBe(0);
    await h.getByRole('tab', { name: '待发布' }).click();
    await h.locator('tr', { hasText: title }).getByRole('checkbox').check();
    await h.getByRole('button', { name: /发布所选（1）/ }).click();
    await expect.poll(() => h.locator('tr', { hasText: title }).count()).toBe(0);
    await openExchange(h);
    expect(await syncNow(h)).toMatch(/已发出本机的 \d+ 条变更/);

    // 大庆 syncs and sees its resource published.
    await openExchange(d);
    expect(await syncNow(d)).toMatch(/收到「哈尔滨高新区」的交换包：更新 1/);
    await shot(card(d), '83-exchange-member-received');
    await openResource(d, title);
    await expect.poll(() => status(d)).toBe('已发布');
    await closeResource(d);
    await openExchange(d);
    expect(await d.getByTestId('exchange-history').innerText()).toMatch(/收到\s+哈尔滨高新区/);

    expect(hrb.errors).toEqual([]);
    expect(dq.errors).toEqual([]);
  });

  it('refuses a package signed with a zone’s new key, shows both fingerprints, and takes it once the new fingerprint is confirmed', async () => {
    hrb = await openApp(browser, setUpAs('HRB', 'secretariat'));
    const h = hrb.page;
    const oldDq = setUpCore('DQ', 'member');
    const newDq = setUpCore('DQ', 'member'); // 大庆 reinstalled on a new PC: a new key
    try {
      oldDq.ok('resources.create', instrumentInput(oldDq, { title: '旧电脑登记的仪器' }));
      const first = oldDq.ok('exchange.export', {});
      hrb.core.ok('exchange.apply', { fileName: first.fileName, dataBase64: first.dataBase64 });
      newDq.ok('resources.create', instrumentInput(newDq, { title: '新电脑登记的仪器' }));
      const pkg = newDq.ok('exchange.export', {});
      const oldFingerprint = oldDq.ok('exchange.identity', {}).fingerprint;
      const newFingerprint = newDq.ok('exchange.identity', {}).fingerprint;

      await openExchange(h);
      await h.getByTestId('exchange-file').locator('input[type=file]').setInputFiles({ name: pkg.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(pkg.dataBase64, 'base64') });
      const dialog = h.getByRole('dialog').filter({ hasText: '导入交换包' });
      const error = dialog.getByTestId('exchange-import-error');
      await expect.poll(() => error.count()).toBe(1);
      expect(await error.innerText()).toContain(`登记的指纹 ${oldFingerprint}，此包的指纹 ${newFingerprint}`);
      expect(await dialog.getByTestId('exchange-confirm').count()).toBe(0);
      await shot(dialog, '87-exchange-new-key-refused');
      await dialog.getByTestId('exchange-trust-new-key').click();
      expect(await h.getByTestId('exchange-new-key-confirm').innerText()).toContain(newFingerprint);
      await h.locator('.ant-popconfirm').getByRole('button', { name: '指纹一致，信任' }).click();
      await dialog.getByTestId('exchange-counts').waitFor();
      await dialog.getByTestId('exchange-confirm').click();
      await expect.poll(() => dialog.getByTestId('exchange-import-result').innerText()).toBe('新增 1');
      expect(hrb.core.ok('resources.search', { query: '新电脑登记' }).total).toBe(1);
      await dialog.getByTestId('exchange-close').click();
      await expect.poll(() => h.getByTestId('exchange-zone-keys').innerText()).toContain(newFingerprint);
      expect(await h.getByTestId('exchange-zone-keys').innerText()).toContain(`原指纹 ${oldFingerprint}`);
    } finally {
      oldDq.remove();
      newDq.remove();
    }
  });

  it('shows what a sync refused and why, a file it could not read, and a conflict with both versions side by side', async () => {
    hrb = await openApp(browser, setUpAs('HRB', 'secretariat'));
    dq = await openApp(browser, setUpAs('DQ', 'member'));
    const h = hrb.page;
    // Setup through the channels (the UI for each step is covered above).
    const shared = dq.core.ok('resources.create', instrumentInput(dq.core, { title: '原标题' }));
    const first = dq.core.ok('exchange.export', {});
    hrb.core.ok('exchange.apply', { fileName: first.fileName, dataBase64: first.dataBase64 });
    // The secretariat corrects the title while 大庆 edits it too.
    const edit = (core: TempCore, title: string) => core.ok('resources.update', { id: shared.id, version: core.ok('resources.get', { id: shared.id }).version, patch: { title, contactPerson: `${title}联系人` } });
    edit(hrb.core, '秘书处改的标题');
    edit(dq.core, '大庆改的标题');
    // A tampered member installation publishes its own resource behind the app's back.
    const tampered = dq.core.ok('resources.create', instrumentInput(dq.core, { title: '越权发布的仪器' }));
    dq.core.db.prepare("UPDATE resources SET status = 'published', version = version + 1 WHERE id = ?").run(tampered.id);
    for (const core of [hrb.core, dq.core]) await core.okAsync('exchange.setFolder', { folder });
    await dq.core.okAsync('exchange.sync', {});
    // A file that is not a package, in another installation's sub-folder.
    mkdirSync(join(folder, 'CC_01ABC'));
    writeFileSync(join(folder, 'CC_01ABC', 'CC_20260101T000000_01BROKEN.alliance'), 'not a package');

    await openExchange(h);
    const text = await syncNow(h);
    expect(text).toMatch(/收到「大庆高新区」的交换包：.*拒绝 1.*冲突 1/);
    const refusals = h.getByTestId('exchange-sync-result').getByTestId('exchange-refusals');
    expect(await refusals.innerText()).toMatch(/越权发布的仪器\s+审核结论（通过、退回、发布）只能由秘书长单位作出/);
    expect(await h.getByTestId('exchange-sync-failed').innerText()).toMatch(/CC_20260101T000000_01BROKEN\.alliance[\s\S]*未导入任何内容/);
    await shot(h.getByTestId('exchange-folder'), '84-exchange-sync-refusals');

    await h.getByTestId('exchange-conflicts-tab').click();
    const conflict = h.getByTestId('exchange-conflict');
    await expect.poll(() => conflict.count()).toBe(1);
    const current = await conflict.getByTestId('exchange-conflict-current').innerText();
    const other = await conflict.getByTestId('exchange-conflict-other').innerText();
    expect([current, other].map((side) => /名称\s+(\S+)/.exec(side)?.[1]).sort()).toEqual(['大庆改的标题', '秘书处改的标题']);
    // The fields that differ are marked (the title and the contact), the rest is not shown.
    expect(await conflict.getByTestId('exchange-conflict-other').locator('[data-changed]').allInnerTexts()).toEqual([expect.stringMatching(/^名称/), expect.stringMatching(/^联系人/)]);
    expect(other).not.toContain('所属单位');
    await shot(h.getByTestId('exchange-conflicts'), '85-exchange-conflicts');
    // The clerk merges: this title stays, the other version's contact person is taken.
    const currentTitle = /名称\s+(\S+)/.exec(current)![1]!;
    const otherContact = /联系人\s+(\S+)/.exec(other)![1]!;
    const merge = conflict.getByTestId('exchange-conflict-merge');
    expect(await merge.isDisabled()).toBe(true); // nothing ticked yet
    await conflict.locator('[data-testid="exchange-conflict-take"][data-field="contact_person"]').click();
    expect((await merge.innerText()).replace(/\s/g, '')).toBe('合并：采用勾选的1项');
    await shot(h.getByTestId('exchange-conflicts'), '86-exchange-conflict-merge');
    await merge.click();
    await expect.poll(() => conflict.count()).toBe(0);
    expect(await h.getByTestId('exchange-conflicts').innerText()).toContain('没有冲突');
    expect(hrb.core.ok('resources.get', { id: shared.id })).toMatchObject({ title: currentTitle, contactPerson: otherContact });
    expect(hrb.errors).toEqual([]);
  });
});
