import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { rendererDir } from '../../electron/core/app-paths';
import { startHost, type Host } from '../../electron/host/server';
import { tempCore, type TempCore } from '../helpers/temp-core';
import { ApiCallLog, reportFailure } from './failure-report';
import { shanghaiToday } from '../../shared/shanghai-date';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS_DIR = join(process.cwd(), 'test-results', 'screens');

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(rendererDir(), 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface RunningApp {
  core: TempCore;
  host: Host;
  page: Page;
  /** Page errors and console errors seen so far: a clean run has none. */
  errors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The real core on a fresh SQLite file, the real host, the built renderer in real Chromium. */
export async function openApp(browser: Browser, prepare?: (core: TempCore) => void): Promise<RunningApp> {
  const core = tempCore();
  prepare?.(core);
  const { host, context, page, errors } = await openPageOn(browser, core);
  return {
    core,
    host,
    page,
    errors,
    async screenshot(name) {
      mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      await host.close();
      core.remove();
    },
  };
}

/** The host over `core` and a page on it, collecting the page's errors (a new app, or a second start on a data folder). */
export async function openPageOn(browser: Browser, core: TempCore) {
  const calls = new ApiCallLog();
  const host = await startHost({ dispatch: calls.timed(core.dispatchAsync), staticDir: rendererDir(), port: 0 });
  // Reduced motion, as a user can ask of the system: Ant Design's animations off. With them on, a
  // loaded 2-core CI machine produced three kinds of flakes, all from animations whose frames came
  // late — a button held in its loading state, a dialog's button clicked while it was still
  // zooming in. Tests that need the animations say so (withMotion).
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  calls.watch(page);
  await dismissRemindersInTheWay(page);
  await page.goto(host.url);
  return { host, context, page, errors };
}

/** This page with Ant Design's animations on, as most users have it (the app reads the setting at start). */
export async function withMotion(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.reload();
}

/**
 * Event reminders (in-app, shown until read) appear whenever an event — demo ones too — comes
 * within a day of starting, so at any moment of a test run; one in the way of an action is
 * closed first, as a clerk would. The reminder test itself takes them back (allowReminders).
 */
const reminder = (page: Page) => page.getByTestId('event-reminder');

async function dismissRemindersInTheWay(page: Page) {
  // Several may be stacked: close each (one may already be on its way out), and do not wait for all to go.
  await page.addLocatorHandler(
    reminder(page).first(),
    async () => {
      for (const close of await reminder(page).locator('.ant-notification-notice-close').all()) await close.click({ timeout: 2_000 }).catch(() => {});
    },
    { noWaitAfter: true },
  );
}

export async function allowReminders(page: Page) {
  await page.removeLocatorHandler(reminder(page).first());
}

/** Completes the first-run wizard as the given zone (typed into the search box). */
export async function completeWizard(page: Page, zoneQuery: string, zoneLabel: string, options: { operator?: string; demo?: boolean } = {}) {
  const wizard = page.getByTestId('setup-wizard');
  await wizard.getByRole('combobox').click();
  await wizard.getByRole('combobox').fill(zoneQuery);
  await page.locator('.ant-select-item-option', { hasText: zoneLabel }).first().click();
  if (options.operator) await wizard.getByPlaceholder('可选，记录在操作日志中').fill(options.operator);
  if (options.demo === false) await wizard.getByRole('checkbox').uncheck();
  await wizard.getByRole('button', { name: '开始使用' }).click();
  await page.getByTestId('installation-identity').waitFor();
}

/** Goes to a page through the left navigation. */
export async function navigate(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
}

/**
 * Opens a resource's detail from 科技资源, found by its title. A click while the filtered list
 * re-renders can be lost on a loaded machine: the row is clicked again until the detail opens.
 */
export async function openResource(page: Page, title: string) {
  await navigate(page, '科技资源'); // the dashboard is the landing page
  await page.getByPlaceholder(/搜索名称、单位/).fill(title);
  const row = page.getByTestId('resource-row').filter({ hasText: title }).first();
  await row.waitFor();
  for (let attempt = 1; ; attempt++) {
    await row.click();
    try {
      await page.getByTestId('resource-detail').waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Closes the open drawer whose content carries `contentTestId`, by keyboard (Esc) as a clerk
 * would. Not by clicking ✕: a success toast at the top can lie over it, and the pointer
 * resting on a toast keeps it open (Ant Design pauses a hovered message) — the click then
 * never lands. Falls back to the pointer, moved off the toasts first.
 */
export async function closeDrawer(page: Page, contentTestId: string) {
  const content = page.getByTestId(contentTestId);
  await content.click({ position: { x: 1, y: 1 } }); // focus inside the drawer, for its Esc
  await page.keyboard.press('Escape');
  try {
    await content.waitFor({ state: 'detached', timeout: 5_000 });
    return;
  } catch {
    await page.mouse.move(0, 0);
    await page.locator('.ant-drawer-close').click();
    await content.waitFor({ state: 'detached' });
  }
}

/** Chooses an option of the Ant Design select labelled `label` (inside `scope`). */
export async function pickOption(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/**
 * Types a date (and time) into the Ant Design picker labelled `label`, then leaves it with
 * `key`: Tab goes on to the next field; Enter confirms the date (it never submits the form).
 */
export async function fillPicker(scope: Locator, label: string, value: string, key: 'Tab' | 'Enter' = 'Tab') {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press(key);
}

/** Skips the wizard: this installation is already set up as zone `code` with `role`. */
export function setUpAs(code: string, role: 'secretariat' | 'member', loadDemo = false) {
  return (core: TempCore) => {
    const zone = core.ok('zones.list', { query: code }).find((z) => z.code === code)!;
    core.ok('settings.setup', { zoneId: zone.id, role, operatorName: '测试员', loadDemo });
  };
}

/**
 * Tests build "today's" events from shanghaiToday(); one that starts in the last seconds of a
 * Shanghai day would see its all-day event end while it runs (CI runs at any hour, and
 * 16:00 UTC is Shanghai's midnight). Such a test starts just after midnight instead.
 */
const MIDNIGHT_MARGIN_MS = 45_000;
async function waitOutShanghaiMidnight() {
  const now = Date.now();
  if (shanghaiToday(now + MIDNIGHT_MARGIN_MS) === shanghaiToday(now)) return;
  const wait = 1_000 + Date.parse(`${shanghaiToday(now + MIDNIGHT_MARGIN_MS)}T00:00:00+08:00`) - now;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * One Chromium per test file and a fresh app (new SQLite file, new host) per test: call at
 * the top of a describe block, then `await session.open(prepare?)` in each test.
 */
export function browserSession() {
  let browser: Browser | undefined;
  let app: RunningApp | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(waitOutShanghaiMidnight);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && app) await reportFailure(app, task.name, (task.result.errors ?? []).map((e) => e.message).join('\n'));
    await app?.close();
    app = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(prepare?: (core: TempCore) => void): Promise<RunningApp> {
      if (!browser) throw new Error('browser not started');
      app = await openApp(browser, prepare);
      return app;
    },
  };
}
