import { describe, expect, it } from 'vitest';
import { browserSession, completeWizard, navigate } from './harness';

describe('the app in a real browser against the real host', () => {
  const session = browserSession();

  it('walks a newcomer through the wizard; the header then shows the zone, role and demo label', async () => {
    const app = await session.open();
    const { page } = app;
    await expect.poll(() => page.getByText('欢迎使用联盟协同工作台').isVisible()).toBe(true);
    await app.screenshot('01-wizard');
    await completeWizard(page, 'heb', '哈尔滨高新区', { operator: '张秘书' });
    await navigate(page, '成员高新区');
    const header = page.getByTestId('installation-identity');
    await expect.poll(() => header.innerText()).toMatch(/哈尔滨高新区[\s\S]*秘书长单位[\s\S]*张秘书[\s\S]*示例数据/);
    expect(app.core.ok('app.info').installation).toMatchObject({ role: 'secretariat', operatorName: '张秘书' });
    await app.screenshot('02-zones');
    expect(app.errors).toEqual([]);
  });

  it('lists the roster with 哈尔滨高新区 as secretariat and the demo zones labelled 示例数据', async () => {
    const app = await session.open();
    const { page } = app;
    await completeWizard(page, '沈阳', '沈阳高新区');
    await navigate(page, '成员高新区');
    const hrbRow = page.locator('tr', { hasText: '哈尔滨高新技术产业开发区' });
    await expect.poll(() => hrbRow.innerText()).toContain('秘书长单位');
    const sy = page.locator('tr', { hasText: '沈阳高新技术产业开发区' });
    expect(await sy.innerText()).not.toContain('秘书长单位');
    await expect.poll(() => page.locator('tr', { hasText: '示例数据' }).count()).toBe(4);
    expect(await page.getByText('共 23 个').isVisible()).toBe(true);
  });

  it('lets the secretariat add a provincial zone from the keyboard-friendly form', async () => {
    const app = await session.open();
    const { page } = app;
    await completeWizard(page, 'haerbin', '哈尔滨高新区', { demo: false });
    await navigate(page, '成员高新区');
    await page.getByRole('button', { name: '添加高新区' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('抚顺高新技术产业开发区');
    await dialog.getByLabel('简称').fill('抚顺高新区');
    await dialog.getByLabel('代码').fill('fs');
    await dialog.getByLabel('省份').fill('辽宁省');
    await dialog.getByLabel('城市').fill('抚顺市');
    await dialog.getByLabel('联系电话').fill('024-56781234');
    await dialog.getByLabel('联系电话').press('Enter'); // Enter submits, as in any desktop form
    await expect.poll(() => page.locator('tr', { hasText: '抚顺高新区' }).count()).toBe(1);
    const row = page.locator('tr', { hasText: '抚顺高新区' });
    expect(await row.innerText()).toMatch(/FS[\s\S]*省级[\s\S]*辽宁省 抚顺市/);
    expect(app.core.ok('zones.list', { level: 'provincial' }).map((z) => z.code)).toEqual(['FS']);
    await app.screenshot('03-added');
  });

  it('shows an invalid phone on its field, keeps what was typed, and saves nothing', async () => {
    const app = await session.open();
    const { page } = app;
    await completeWizard(page, 'heb', '哈尔滨高新区', { demo: false });
    await navigate(page, '成员高新区');
    const before = app.core.snapshot();
    await page.getByRole('button', { name: '添加高新区' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('铁岭高新技术产业开发区');
    await dialog.getByLabel('简称').fill('铁岭高新区');
    await dialog.getByLabel('代码').fill('TL');
    await dialog.getByLabel('省份').fill('辽宁省');
    await dialog.getByLabel('联系电话').fill('12345');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    const fieldError = dialog.locator('.ant-form-item-has-error', { hasText: '联系电话' });
    await expect.poll(() => fieldError.innerText()).toContain('格式不正确');
    expect(await page.locator('.ant-message').innerText()).toContain('联系电话：格式不正确');
    expect(await dialog.getByLabel('名称').inputValue()).toBe('铁岭高新技术产业开发区');
    await app.screenshot('04-invalid-phone');
    expect(app.core.snapshot()).toBe(before);
  });

  it('switches the whole interface to English and remembers it after a reload', async () => {
    const app = await session.open();
    const { page } = app;
    await completeWizard(page, 'heb', '哈尔滨高新区', { demo: false });
    await navigate(page, '成员高新区');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Member zones' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add zone' }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Member zones' }).isVisible()).toBe(true);
    expect(await page.getByTestId('installation-identity').innerText()).toContain('Secretariat');
    await app.screenshot('05-english');
    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '成员高新区' }).isVisible()).toBe(true);
  });

  it('finds a zone by pinyin initials as the user types', async () => {
    const app = await session.open();
    const { page } = app;
    await completeWizard(page, 'heb', '哈尔滨高新区', { demo: false });
    await navigate(page, '成员高新区');
    await page.getByPlaceholder(/搜索名称/).fill('dq');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('tbody tr.ant-table-row').innerText()).toContain('大庆高新区');
  });

  it('deactivates a zone after confirmation and undoes it from the message', async () => {
    const app = await session.open();
    const { page } = app;
    await completeWizard(page, 'heb', '哈尔滨高新区', { demo: false });
    await navigate(page, '成员高新区');
    const row = page.locator('tr', { hasText: '鄂尔多斯高新技术产业开发区' });
    await row.getByRole('button', { name: /^停\s*用$/ }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => row.innerText()).toContain('已停用');
    expect(app.core.ok('zones.list', { includeInactive: false }).some((z) => z.code === 'ORDOS')).toBe(false);
    await page.getByRole('button', { name: /^撤\s*销$/ }).click();
    await expect.poll(() => row.innerText()).not.toContain('已停用');
    expect(app.core.ok('zones.list', { includeInactive: false }).some((z) => z.code === 'ORDOS')).toBe(true);
  });

  it('removes all demo data in one action from Settings', async () => {
    const app = await session.open();
    const { page } = app;
    await completeWizard(page, 'heb', '哈尔滨高新区');
    await navigate(page, '成员高新区');
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('button', { name: '移除全部示例数据' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    // Removing every demo record is one large transaction: slow on a loaded machine.
    await expect.poll(() => page.getByText('当前没有示例数据。').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('installation-identity').innerText()).not.toContain('示例数据');
    expect(app.core.ok('zones.list', {}).some((z) => z.isDemo)).toBe(false);
    await app.screenshot('06-settings');
  });

  it('refuses API calls from the page when the token is missing', async () => {
    const app = await session.open();
    const status = await app.page.evaluate(async () => (await fetch('./api/app.info', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
  });
});
