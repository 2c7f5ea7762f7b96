import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { actAs } from '../helpers/resources';
import { browserSession, navigate, openResource, pickOption, setUpAs, withMotion } from './harness';

async function status(page: Page) {
  return page.getByTestId('resource-status').innerText();
}

describe('the resource registry in a real browser', () => {
  const session = browserSession();

  it('takes a resource from registration through return, resubmission, approval and publication', async () => {
    const app = await session.open(setUpAs('SY', 'member'));
    const { page, core } = app;
    // A member registers its instrument.
    await navigate(page, '科技资源');
    await page.getByRole('button', { name: '登记资源' }).click();
    const dialog = page.getByRole('dialog');
    await pickOption(page, dialog, '类别', '大型科研仪器设备');
    await dialog.getByLabel('名称', { exact: true }).fill('激光共聚焦显微镜');
    await dialog.getByLabel('所属单位').fill('中国医科大学');
    await dialog.getByLabel('联系人').fill('钱老师');
    await dialog.getByLabel('型号').fill('LSM 980');
    await pickOption(page, dialog, '预约方式', '时间预约');
    await pickOption(page, dialog, '设备状态', '空闲');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByTestId('resource-detail').waitFor();
    expect(await status(page)).toBe('草稿');
    await app.screenshot('10-resource-draft');
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => status(page)).toBe('待审核');

    // The secretariat returns it with a comment.
    actAs(core, 'HRB', 'secretariat');
    await page.reload();
    await page.getByRole('menuitem', { name: '审核队列' }).click();
    await page.getByRole('button', { name: '激光共聚焦显微镜' }).click();
    await page.getByRole('button', { name: /^退\s*回$/ }).click();
    await page.getByLabel('退回理由').fill('请补充主要技术参数');
    await page.getByRole('dialog').filter({ hasText: '退回 · 激光共聚焦显微镜' }).getByRole('button', { name: /^退\s*回$/ }).click();
    await expect.poll(() => status(page)).toBe('已退回');

    // The member sees the comment and resubmits.
    actAs(core, 'SY', 'member');
    await page.reload();
    await openResource(page, '激光共聚焦显微镜');
    expect(await page.getByTestId('review-comment').innerText()).toContain('请补充主要技术参数');
    await app.screenshot('11-resource-returned');
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => status(page)).toBe('待审核');

    // The secretariat approves in bulk, then publishes.
    actAs(core, 'HRB', 'secretariat');
    await page.reload();
    await page.getByRole('menuitem', { name: '审核队列' }).click();
    await page.locator('tr', { hasText: '激光共聚焦显微镜' }).getByRole('checkbox').check();
    await page.getByRole('button', { name: /通过所选（1）/ }).click();
    await expect.poll(() => page.locator('tr', { hasText: '激光共聚焦显微镜' }).count()).toBe(0);
    await page.getByRole('tab', { name: '待发布' }).click();
    await page.locator('tr', { hasText: '激光共聚焦显微镜' }).getByRole('checkbox').check();
    await app.screenshot('12-review-queue');
    await page.getByRole('button', { name: /发布所选（1）/ }).click();
    await expect.poll(() => page.locator('tr', { hasText: '激光共聚焦显微镜' }).count()).toBe(0);
    const published = core.ok('resources.search', { query: '激光共聚焦' }).items[0]!;
    expect(published.status).toBe('published');
    const history = core.ok('audit.list', { recordId: published.id }).map((e) => e.after?.action ?? e.action);
    expect(history.reverse()).toEqual(['create', 'submit', 'return', 'submit', 'approve', 'publish']);
    expect(app.errors).toEqual([]);
  });

  it('finds resources by a two-character Chinese word and by pinyin initials, highlighted', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page } = app;
    await navigate(page, '科技资源');
    await page.getByPlaceholder(/搜索名称、单位/).fill('稀土');
    await expect.poll(() => page.getByTestId('resource-row').count()).toBe(1);
    expect(await page.getByTestId('resource-row').innerText()).toContain('稀土永磁材料概念验证中心');
    expect(await page.getByTestId('resource-row').locator('mark').first().innerText()).toBe('稀土');
    await page.getByPlaceholder(/搜索名称、单位/).fill('xtyc');
    await expect.poll(() => page.getByTestId('resource-row').count()).toBe(1);
    expect(await page.getByTestId('resource-row').innerText()).toContain('稀土永磁');
    await page.getByPlaceholder(/搜索名称、单位/).fill('');
    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/共 14 项/);
    await page.getByLabel('类别 大型科研仪器设备').check();
    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/共 5 项/);
    await app.screenshot('13-resource-search');
  });

  it('opens a resource from anywhere with Ctrl+K, animations on', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page } = app;
    await withMotion(page);
    await page.getByRole('menuitem', { name: '成员高新区' }).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: '全局搜索' }).fill('质谱');
    await expect.poll(() => page.getByTestId('global-hit').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.getByTestId('resource-detail').waitFor();
    expect(await page.locator('.ant-drawer-title').innerText()).toContain('高分辨液相色谱-质谱联用仪');
  });

  it('starts without animations when the system asks for reduced motion, and still opens records by keyboard alone', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page } = app;
    const transition = () => page.getByRole('button', { name: /全局搜索/ }).evaluate((button) => getComputedStyle(button).transitionDuration);
    await withMotion(page);
    expect(await transition()).not.toBe('0s');
    // Read when the app starts (switching live would remount the app: see renderer/src/app/theme.ts).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await page.getByRole('menuitem', { name: '成员高新区' }).click();
    expect(await transition()).toBe('0s');
    // Without animations the drawer opens (and takes focus) while the Enter that picked the
    // resource is still being handled: that Enter must not also click the drawer's close button.
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: '全局搜索' }).fill('质谱');
    await expect.poll(() => page.getByTestId('global-hit').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.getByTestId('resource-detail').waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('.ant-drawer-title').innerText()).toContain('高分辨液相色谱-质谱联用仪');
    await page.keyboard.press('Escape');
    await page.getByTestId('resource-detail').waitFor({ state: 'detached' });
    // A row of the list, by keyboard.
    await page.getByTestId('resource-row').filter({ hasText: '场发射扫描电子显微镜（示例）' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('resource-detail').waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('.ant-drawer-title').innerText()).toContain('场发射扫描电子显微镜（示例）');
    expect(app.errors).toEqual([]);
  });

  it('finds a listing and an event with Ctrl+K too, by pinyin, and opens the event on its page', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page } = app;
    await page.getByRole('menuitem', { name: '成员高新区' }).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: '全局搜索' }).fill('xitu');
    await expect.poll(async () => (await page.getByTestId('global-hit').allInnerTexts()).join('\n')).toMatch(/应用场景 ·[\s\S]*创新活动 ·/);
    await page.getByTestId('global-hit').filter({ hasText: '稀土新材料项目路演（示例）' }).click();
    await page.getByTestId('event-detail').waitFor();
    expect(await page.locator('.ant-drawer-title').innerText()).toContain('稀土新材料项目路演（示例）');
    expect(app.errors).toEqual([]);
  });
});
