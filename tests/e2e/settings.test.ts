import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TempCore } from '../helpers/temp-core';
import { browserSession, fillPicker, navigate, setUpAs } from './harness';

const SAVE = /^保\s*存$/;

function dialogTitled(page: Page, title: string | RegExp) {
  return page.getByRole('dialog').filter({ hasText: title });
}

function row(card: Locator, text: string) {
  return card.locator('tr.ant-table-row', { hasText: text });
}

/** The option labels of the open Ant Design select dropdown. */
async function openOptions(page: Page): Promise<string[]> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option').first().waitFor();
  return dropdown.locator('.ant-select-item-option').allInnerTexts();
}

/** A close-up of one card (the full-page shots are tall), next to the harness's screenshots. */
async function cardShot(card: Locator, name: string) {
  const dir = join(process.cwd(), 'test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  await card.screenshot({ path: join(dir, `${name}.png`) });
}

function extraHolidays(core: TempCore) {
  return core.ok('holidays.list', { from: '2027-01-01', to: '2027-01-01' }).extra;
}

describe('Settings in a real browser', () => {
  const session = browserSession();

  it('lets the secretariat add the event type 技术交流会 with a colour, which the event form then offers, and rename and deactivate types', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await navigate(page, '设置');
    const card = page.getByTestId('event-types');
    await row(card, '研讨会/座谈会').waitFor();

    // Add 技术交流会 in orange.
    await card.getByRole('button', { name: '添加活动类型' }).click();
    let dialog = dialogTitled(page, '添加活动类型');
    await dialog.getByLabel('类型名称').fill('技术交流会');
    await dialog.getByLabel('类型代码').fill('tech-exchange');
    await dialog.getByRole('radio', { name: '橙色' }).click();
    expect(await dialog.getByRole('radio', { name: '橙色' }).getAttribute('aria-checked')).toBe('true');
    await page.waitForTimeout(300); // the dialog's opening animation
    await app.screenshot('60-settings-event-type-form');
    await cardShot(dialog, '60a-event-type-form');
    await dialog.getByRole('button', { name: SAVE }).click();
    await expect.poll(() => core.ok('eventTypes.list', {}).find((t) => t.name === '技术交流会')).toMatchObject({ code: 'tech-exchange', color: '#fa8c16', active: true });
    await expect.poll(() => row(card, '技术交流会').innerText()).toContain('#fa8c16');

    // The core refuses a code already in use; its message stands under the code field and the dialog stays.
    await card.getByRole('button', { name: '添加活动类型' }).click();
    dialog = dialogTitled(page, '添加活动类型');
    await dialog.getByLabel('类型名称').fill('技术交流会（线上）');
    await dialog.getByLabel('类型代码').fill('tech-exchange');
    await dialog.getByRole('button', { name: SAVE }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('已被「技术交流会」使用');
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    expect(core.ok('eventTypes.list', {}).filter((t) => t.code === 'tech-exchange')).toHaveLength(1);

    // Rename 论坛 → 高峰论坛 in the edit dialog.
    await row(card, '论坛').getByRole('button', { name: /^编\s*辑$/ }).click();
    dialog = dialogTitled(page, '编辑 · 论坛');
    await dialog.getByLabel('类型名称').fill('高峰论坛');
    await dialog.getByRole('button', { name: SAVE }).click();
    await expect.poll(() => core.ok('eventTypes.list', {}).find((t) => t.code === 'forum')?.name).toBe('高峰论坛');

    // Deactivate 参观考察 with its switch; the row stays (greyed), the type leaves the active list.
    await card.getByRole('switch', { name: '启用 参观考察' }).click();
    await expect.poll(() => core.ok('eventTypes.list', { includeInactive: true }).find((t) => t.code === 'visit')?.active).toBe(false);
    expect(core.ok('eventTypes.list', {}).map((t) => t.code)).not.toContain('visit');
    await expect.poll(() => card.getByRole('switch', { name: '启用 参观考察' }).getAttribute('aria-checked')).toBe('false');

    // Reorder: 技术交流会 (last) moves up one place.
    const before = core.ok('eventTypes.list', { includeInactive: true }).map((t) => t.code);
    await card.getByRole('button', { name: '上移 技术交流会' }).click();
    const expected = [...before];
    const at = expected.indexOf('tech-exchange');
    [expected[at - 1], expected[at]] = [expected[at]!, expected[at - 1]!];
    await expect.poll(() => core.ok('eventTypes.list', { includeInactive: true }).map((t) => t.code)).toEqual(expected);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('61-settings-event-types');
    await cardShot(card, '61a-event-types-card');
    await cardShot(page.getByTestId('resource-categories'), '61b-resource-categories-card');

    // The event form offers the new and renamed types, not the deactivated one.
    await navigate(page, '创新活动');
    await page.getByTestId('event-calendar').waitFor();
    await page.getByRole('button', { name: '新建活动' }).click();
    const form = page.getByRole('dialog').filter({ has: page.getByTestId('event-form') });
    await form.getByLabel('活动类型', { exact: true }).click();
    const options = await openOptions(page);
    expect(options).toContain('技术交流会');
    expect(options).toContain('高峰论坛');
    expect(options).not.toContain('参观考察');
    expect(options).not.toContain('论坛');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '技术交流会' }).click();
    await expect.poll(() => form.innerText()).toContain('技术交流会'); // chosen (the dropdown lives outside the dialog)
    expect(app.errors).toEqual([]);
  });

  it('refuses to change the field template of a resource category that has resources, with the core’s reason under the field', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page, core } = app;
    const category = core.ok('categories.list', {}).find((c) => c.code === 'instrument')!;
    expect(core.ok('resources.search', { categoryIds: [category.id] }).total).toBeGreaterThan(0);
    await navigate(page, '设置');
    const card = page.getByTestId('resource-categories');
    await row(card, category.name).getByRole('button', { name: /^编\s*辑$/ }).click();
    const dialog = dialogTitled(page, `编辑 · ${category.name}`);
    // Pick 科技服务 and make sure the form shows it (on a loaded machine a click can land while
    // the list is still opening or closing): retry the pick, then close the list before saving.
    const fieldItem = dialog.locator('.ant-form-item').filter({ hasText: '专用字段模板' });
    const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    for (let attempt = 0; attempt < 5 && !(await fieldItem.innerText()).includes('科技服务'); attempt++) {
      if (!(await openList.isVisible())) await dialog.getByLabel('专用字段模板', { exact: true }).click();
      await openList.locator('.ant-select-item-option', { hasText: '科技服务' }).click({ timeout: 5000 }).catch(() => undefined);
      await page.waitForTimeout(300);
    }
    expect(await fieldItem.innerText()).toContain('科技服务');
    if (await openList.isVisible()) await dialog.locator('.ant-modal-title').click(); // a click outside closes the list, not the dialog
    await openList.waitFor({ state: 'hidden' });
    await dialog.getByRole('button', { name: SAVE }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('已有资源，不能更换');
    expect(core.ok('categories.list', {}).find((c) => c.code === 'instrument')!.fieldSet).toBe('instrument');
    await page.waitForTimeout(300);
    await cardShot(dialog, '61c-resource-category-refused');
    expect(app.errors).toEqual([]);
  });

  it('lets the secretariat enter 2027-10-01 国庆节 as a day off, and the events calendar marks it 休 at once', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await navigate(page, '设置');
    const card = page.getByTestId('holiday-settings');
    expect(await card.getByTestId('holiday-built-in').innerText()).toBe('内置：2024–2026 年（国务院办公厅通知）');
    expect(await card.getByTestId('holiday-own-count').innerText()).toBe('本机录入：0 条');

    await card.getByRole('button', { name: '添加日期' }).click();
    const dialog = dialogTitled(page, '添加日期');
    await fillPicker(dialog, '开始日期', '2027-10-01');
    await dialog.getByLabel('名称', { exact: true }).fill('国庆节');
    await dialog.getByLabel('名称', { exact: true }).press('Tab'); // closes the suggestions
    expect(await dialog.getByRole('radio', { name: '放假' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: /^添\s*加$/ }).click();
    await expect.poll(() => card.getByLabel('第 1 条日期').inputValue()).toBe('2027-10-01');
    expect(await card.getByText('有未保存的修改').isVisible()).toBe(true);
    expect(extraHolidays(core)).toEqual([]); // nothing saved before 保存

    await card.getByRole('button', { name: SAVE }).click();
    await expect.poll(() => extraHolidays(core)).toEqual([{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }]);
    await expect.poll(() => card.getByTestId('holiday-own-count').innerText()).toBe('本机录入：1 条');
    expect(await card.getByText('有未保存的修改').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('62-settings-holidays');
    await cardShot(card, '62a-holidays-card');

    await navigate(page, '创新活动');
    await page.getByTestId('event-calendar').waitFor();
    const picker = page.getByPlaceholder('跳转到月份');
    await picker.click();
    await picker.fill('2027-10');
    await picker.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('day-mark-2027-10-01').first().innerText()).toBe('休');
    await page.getByText('2027年10月', { exact: true }).click(); // closes the month picker for the screenshot
    await page.waitForTimeout(400); // its closing animation
    expect(await page.getByTestId('day-mark-2027-10-01').first().getAttribute('data-kind')).toBe('holiday');
    await app.screenshot('63-events-october-2027');
    expect(app.errors).toEqual([]);
  });

  it('refuses an imported CSV with 2027-02-30, shows the core’s message naming 第 1 条, saves nothing, and saves once the row is corrected', async () => {
    const app = await session.open((core) => {
      setUpAs('HRB', 'secretariat')(core);
      core.ok('holidays.save', { entries: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }] });
    });
    const { page, core } = app;
    await navigate(page, '设置');
    const card = page.getByTestId('holiday-settings');
    await expect.poll(() => card.getByLabel('第 1 条日期').inputValue()).toBe('2027-10-01');

    const csv = '日期,类型,名称\n2027-02-30,休,春节\n2027/10/2,放假,国庆节\n2027-09-26,班,国庆节\n';
    await card.locator('input[type=file]').setInputFiles({ name: '2027年节假日.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The file's rows join the table in date order: the bad date comes first.
    await expect.poll(() => card.getByLabel('第 1 条日期').inputValue()).toBe('2027-02-30');
    expect(await card.getByLabel('第 3 条日期').inputValue()).toBe('2027-10-01');
    expect(await card.getByLabel('第 4 条日期').inputValue()).toBe('2027-10-02'); // 2027/10/2 read as a date

    await card.getByRole('button', { name: SAVE }).click();
    const failure = card.getByTestId('holiday-failure');
    await failure.waitFor();
    expect(await failure.innerText()).toBe('节假日安排有误，未保存。第 1 条的日期：不是有效日期');
    expect(await card.locator('tr.ant-table-row').first().innerText()).toContain('不是有效日期');
    expect(await card.locator('tr.ant-table-row').first().locator('td').nth(2).innerText()).toBe(''); // no weekday for a date that does not exist
    expect(extraHolidays(core)).toEqual([{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }]); // nothing saved
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('64-settings-holidays-bad-csv');
    await cardShot(card, '64a-holidays-bad-csv-card');

    // Correcting the row clears its message; saving stores the whole list.
    await card.getByLabel('第 1 条日期').fill('2027-02-06');
    expect(await card.locator('tr.ant-table-row').first().innerText()).not.toContain('不是有效日期');
    await card.getByRole('button', { name: SAVE }).click();
    await expect.poll(() => extraHolidays(core).map((e) => `${e.date} ${e.kind} ${e.name}`)).toEqual([
      '2027-02-06 holiday 春节',
      '2027-09-26 workday 国庆节',
      '2027-10-01 holiday 国庆节',
      '2027-10-02 holiday 国庆节',
    ]);
    expect(await failure.count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('shows a member the holiday arrangements read-only and no configurable lists', async () => {
    const app = await session.open((core) => {
      setUpAs('HRB', 'secretariat')(core);
      core.ok('holidays.save', { entries: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }] });
      const zone = core.ok('zones.list', { query: 'SY' }).find((z) => z.code === 'SY')!;
      core.ok('settings.update', { zoneId: zone.id, role: 'member', operatorName: '测试员', language: 'zh-CN' });
    });
    const { page } = app;
    await navigate(page, '设置');
    const card = page.getByTestId('holiday-settings');
    await expect.poll(() => card.locator('tr.ant-table-row').first().innerText()).toContain('国庆节');
    expect(await card.getByText('节假日安排由秘书长单位维护。').isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: SAVE }).count()).toBe(0);
    expect(await card.getByRole('textbox').count()).toBe(0);
    expect(await page.getByTestId('event-types').count()).toBe(0);
    expect(await page.getByTestId('scenario-categories').count()).toBe(0);
    expect(await page.getByTestId('resource-categories').count()).toBe(0);
    await cardShot(card, '65-holidays-member-card');
    expect(app.errors).toEqual([]);
  });
});
