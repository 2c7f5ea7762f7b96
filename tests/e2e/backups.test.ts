import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/app-core';
import { toShanghaiIso } from '../../shared/shanghai-date';
import { instrumentInput } from '../helpers/resources';
import { setUpCore, tempCore, type TempCore } from '../helpers/temp-core';
import { launchBrowser, navigate, openApp, openPageOn, setUpAs, type RunningApp } from './harness';

/**
 * 数据备份 in a real browser: a manual backup, a restore that takes a later change away (the
 * registry no longer shows it), and its undo (it is back); and a damaged data file, which the
 * app opens read-only under a red banner until a backup is restored.
 */

/** Registered after the backup: a restore takes it away. */
const TITLE = '备份之后登记的质谱仪';
/** Registered before the backup: always listed, so a list showing it has answered the search. */
const KEPT = '备份之前登记的质谱仪';

async function cardShot(target: Locator, name: string) {
  const dir = join(process.cwd(), 'test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  await target.screenshot({ path: join(dir, `${name}.png`) });
}

/**
 * Whether 科技资源 lists TITLE. The page shows 共 0 项 until its first answer, so absence is
 * read only once KEPT (in every state of these tests) is on screen.
 */
async function expectListed(page: Page, listed: boolean) {
  await navigate(page, '科技资源');
  await page.getByPlaceholder(/搜索名称、单位/).fill('登记的质谱仪');
  const rows = page.getByTestId('resource-row');
  await rows.filter({ hasText: KEPT }).first().waitFor({ timeout: 20_000 });
  if (listed) await expect.poll(() => rows.filter({ hasText: TITLE }).count(), { timeout: 20_000 }).toBe(1);
  else expect(await rows.filter({ hasText: TITLE }).count()).toBe(0);
}

/** Closes the result (完成并重新加载) and waits for the reloaded app. */
async function finishAndReload(page: Page) {
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.getByTestId('restore-finish').click()]);
  await page.getByTestId('installation-identity').waitFor({ timeout: 30_000 });
}

function restoreDialog(page: Page) {
  return page.getByRole('dialog').filter({ has: page.getByTestId('restore-dialog') });
}

describe('数据备份 in a real browser', () => {
  let browser: Browser | undefined;
  const cleanups: Array<() => Promise<void> | void> = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('backs up, restores a backup (a later resource disappears from 科技资源) and undoes the restore (it is back)', async () => {
    const app: RunningApp = await openApp(browser!, (core) => {
      setUpAs('HRB', 'secretariat')(core);
      core.ok('resources.create', instrumentInput(core, { title: KEPT }));
    });
    cleanups.push(() => app.close());
    const { page, core } = app;

    // 立即备份: a verified manual backup at the top of the list.
    await navigate(page, '设置');
    const card = page.getByTestId('backup-card');
    await card.scrollIntoViewIfNeeded();
    const rows = card.getByTestId('backup-row');
    await rows.first().waitFor();
    const before = await rows.count();
    expect(await card.getByTestId('backup-folder').innerText()).toContain('默认');
    await card.getByTestId('backup-now').click();
    await expect.poll(() => rows.count()).toBe(before + 1);
    expect(await rows.first().innerText()).toContain('手动');
    const manual = core.ok('backups.overview', {}).backups[0]!;
    expect(manual.reason).toBe('manual');
    // 时间 in Beijing time, whatever the machine's zone.
    expect(await rows.first().innerText()).toContain(toShanghaiIso(manual.createdAt).slice(0, 19).replace('T', ' '));
    await cardShot(card, '90-backup-card');

    // A resource registered after the backup (through the API), listed in 科技资源.
    core.ok('resources.create', instrumentInput(core, { title: TITLE }));
    await expectListed(page, true);

    // Restore the manual backup: the dialog says what happens, then the result offers 撤销.
    await navigate(page, '设置');
    await card.getByTestId('backup-row').filter({ hasText: '手动' }).first().getByRole('button', { name: /^恢复 .+ 的备份$/ }).click();
    let dialog = restoreDialog(page);
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('当前数据会先自动备份，可撤销');
    await page.waitForTimeout(300); // the dialog's opening animation, for the screenshot
    await cardShot(dialog, '91-backup-restore-confirm');
    await dialog.getByTestId('restore-confirm').click();
    await dialog.getByTestId('restore-result').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('restore-result').innerText()).toContain('已恢复为');
    await dialog.getByTestId('restore-undo').waitFor();
    await cardShot(dialog, '92-backup-restore-result');
    expect(core.ok('resources.search', { query: TITLE }).total).toBe(0);
    await finishAndReload(page);
    await expectListed(page, false);

    // 撤销 (offered again in 数据备份 after the reload): the resource is back.
    await navigate(page, '设置');
    const offer = card.getByTestId('backup-last-restore');
    await offer.waitFor();
    await cardShot(offer, '93-backup-last-restore');
    await offer.getByTestId('backup-last-undo').click();
    dialog = restoreDialog(page);
    await dialog.getByTestId('restore-confirm').click();
    await dialog.getByTestId('restore-result').waitFor({ timeout: 30_000 });
    expect(await dialog.innerText()).toContain('已撤销');
    // The keyboard finishes it: 完成并重新加载 has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('restore-finish');
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.keyboard.press('Enter')]);
    await page.getByTestId('installation-identity').waitFor({ timeout: 30_000 });
    await expectListed(page, true);
    await navigate(page, '设置');
    await card.getByTestId('backup-row').first().waitFor();
    expect(await card.getByTestId('backup-last-restore').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('undoes a restore straight from its result with 撤销', async () => {
    const app: RunningApp = await openApp(browser!, (core) => {
      setUpAs('HRB', 'secretariat')(core);
      core.ok('resources.create', instrumentInput(core, { title: KEPT }));
      core.ok('backups.create', {});
      core.ok('resources.create', instrumentInput(core, { title: TITLE }));
    });
    cleanups.push(() => app.close());
    const { page, core } = app;
    await navigate(page, '设置');
    const card = page.getByTestId('backup-card');
    await card.getByTestId('backup-row').filter({ hasText: '手动' }).first().getByRole('button', { name: /^恢复 .+ 的备份$/ }).click();
    const dialog = restoreDialog(page);
    await dialog.getByTestId('restore-confirm').click();
    await dialog.getByTestId('restore-undo').click();
    await expect.poll(() => dialog.getByTestId('restore-result').innerText(), { timeout: 30_000 }).toContain('已撤销');
    expect(await dialog.getByTestId('restore-undo').count()).toBe(0);
    expect(core.ok('resources.search', { query: TITLE }).total).toBe(1);
    await finishAndReload(page);
    await expectListed(page, true);
    // Nothing left to undo after the reload; the list keeps the backups the restore and its undo made.
    await navigate(page, '设置');
    await card.getByTestId('backup-row').first().waitFor();
    expect(await card.getByTestId('backup-last-restore').count()).toBe(0);
    expect(core.ok('backups.overview', {}).backups.filter((b) => b.reason === 'before-restore')).toHaveLength(2);
    expect(app.errors).toEqual([]);
  });

  it('opens a damaged data file read-only under a red banner and restores the newest backup from it', async () => {
    const first = setUpCore('HRB', 'secretariat');
    const dataDir = first.dataDir;
    first.ok('resources.create', instrumentInput(first, { title: KEPT }));
    first.ok('resources.create', instrumentInput(first, { title: TITLE }));
    first.ok('backups.create', {});
    first.close();
    // Damage the file's pages past the header (the schema page stays readable), as the core test does.
    const file = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(file);
    for (let at = 8 * 4096; at < bytes.length; at += 4096) bytes.fill(0x5a, at + 100, at + 400);
    writeFileSync(file, bytes);

    const core = tempCore(dataDir);
    cleanups.push(() => core.remove());
    expect(core.ok('app.info', {}).damaged).toMatch(/损坏/);
    const { page, context, host, errors } = await openPageOn(browser!, core);
    cleanups.push(async () => {
      await context.close();
      await host.close();
    });

    const banner = page.getByTestId('damaged-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('当前为只读模式');
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'screens', '94-damaged-banner.png') });
    await banner.getByTestId('damaged-restore').click();
    const dialog = restoreDialog(page);
    await dialog.getByTestId('restore-option').first().waitFor({ timeout: 20_000 });
    // The newest backup comes first and is chosen.
    const newest = core.ok('backups.overview', {}).backups[0]!;
    expect(await dialog.getByRole('radio').first().isChecked()).toBe(true);
    expect(await dialog.getByTestId('restore-option').first().innerText()).toContain('最新');
    expect(newest.reason).toBe('manual');
    await page.waitForTimeout(300);
    await cardShot(dialog, '95-damaged-pick-backup');
    await dialog.getByTestId('restore-confirm').click();
    await dialog.getByTestId('restore-result').waitFor({ timeout: 30_000 });
    // The damaged file cannot be restored: it is kept, named, and no 撤销 is offered.
    expect(await dialog.innerText()).toContain('.damaged');
    expect(await dialog.getByTestId('restore-undo').count()).toBe(0);
    await finishAndReload(page);
    await expect.poll(() => page.getByTestId('damaged-banner').count()).toBe(0);
    expect(core.ok('app.info', {}).damaged).toBeNull();
    await expectListed(page, true);
    // The read-only writes the damaged file refused while loading are the only errors allowed.
    expect(errors.filter((e) => !/损坏|只读|DB_CORRUPT/.test(e))).toEqual([]);
  });
});
