import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { instrumentInput, zoneId } from '../helpers/resources';
import type { TempCore } from '../helpers/temp-core';
import { browserSession, navigate, pickOption, setUpAs } from './harness';

const YEAR = Number(shanghaiToday().slice(0, 4));
const TITLE = '高分辨透射电子显微镜（工作台测试）';

/** The secretariat with demo data, a key work item already overdue and an agenda for today's demo event. */
function prepare(core: TempCore) {
  setUpAs('HRB', 'secretariat', true)(core);
  core.ok('plans.saveWorkItem', { year: YEAR, title: '编制联盟共享科技资源目录', ownerZoneId: zoneId(core, 'CC'), dueDate: addDays(shanghaiToday(), -5), status: 'doing', progressNote: '已汇总 12 个高新区的资源清单' });
  core.ok('plans.saveWorkItem', { year: YEAR, title: '举办联盟年度工作会议', ownerZoneId: zoneId(core, 'HRB'), dueDate: `${YEAR}-12-20`, status: 'todo' });
  const today = core.ok('events.list', { from: shanghaiToday(), to: shanghaiToday() }).items.find((e) => e.status !== 'cancelled');
  if (today) {
    core.ok('events.update', {
      id: today.id,
      version: today.version,
      patch: {
        agenda: [
          { time: '13:30', topic: '签到', speaker: '' },
          { time: '14:00', topic: '科技成果转化政策解读', speaker: '王主任' },
          { time: '15:00', topic: '技术经纪实务与案例', speaker: '李教授' },
          { time: '16:30', topic: '交流与结业', speaker: '' },
        ],
      },
    });
  }
}

/** A resource registered, reviewed and published through the real channels (this installation is the secretariat and the owner). */
function publishResource(core: TempCore, title: string): string {
  const created = core.ok('resources.create', instrumentInput(core, { title }));
  let version = created.version;
  for (const action of ['submit', 'approve', 'publish'] as const) version = core.ok('resources.transition', { id: created.id, version, action }).version;
  return created.id;
}

/** Drawers and overlays are fixed to the window: a picture of the window, not of the whole page. */
const windowShot = (page: Page, name: string) => page.screenshot({ path: join(process.cwd(), 'test-results', 'screens', `${name}.png`) });

const figure = (page: Page, metric: string) => page.getByTestId(`figure-${metric}`);
const figureValue = async (page: Page, metric: string) => Number((await figure(page, metric).innerText()).replace(/[^\d]/g, ''));

describe('the 1+X+N plan in a real browser', () => {
  const session = browserSession();

  it('sets a target, sees progress follow a published resource with its record behind the figure, reads the indicators, prints and exports the report, and projects', async () => {
    const app = await session.open(prepare);
    const { page, core } = app;

    // The dashboard is the landing page.
    await page.getByTestId('dashboard').waitFor();
    await figure(page, 'resourcesRegistered').waitFor();
    const before = await figureValue(page, 'resourcesRegistered');
    expect(await page.getByTestId('target-resourcesRegistered').innerText()).not.toContain('/');

    // The secretariat sets the year's target for 登记发布科技资源.
    await navigate(page, '年度计划');
    await page.getByTestId('plan-page').waitFor();
    await page.getByLabel('登记发布科技资源 全年目标').fill('120');
    await page.getByLabel('登记发布科技资源 第 1 季度目标').fill('20');
    await page.getByLabel('举办创新活动 全年目标').fill('12');
    // Split targets: 举办创新活动 by event type, 登记发布科技资源 by zone (rows open to them).
    await page.getByTestId('targets-editor').locator('tr', { hasText: '举办创新活动（场）' }).getByRole('button').first().click();
    await page.getByLabel('举办创新活动 · 论坛 目标').fill('4');
    await page.getByTestId('targets-editor').locator('tr', { hasText: '登记发布科技资源（项）' }).getByRole('button').first().click();
    await page.getByLabel('登记发布科技资源 · 哈尔滨高新区 目标').fill('30');
    await expect.poll(() => page.getByText('有未保存的修改').isVisible()).toBe(true);
    await page.getByRole('button', { name: '保存计划' }).click();
    await expect.poll(() => page.getByText(`${YEAR} 年计划已保存`).isVisible()).toBe(true);
    // The overdue work item is in red.
    const overdue = page.locator('tr.plan-overdue', { hasText: '编制联盟共享科技资源目录' });
    expect(await overdue.getByTestId('work-item-due').innerText()).toContain('逾期');
    await app.screenshot('70-plan');

    // The dashboard shows the target.
    await navigate(page, '工作台');
    await expect.poll(() => page.getByTestId('target-resourcesRegistered').innerText()).toBe('/ 120 项');
    expect(await page.getByTestId('completion-resourcesRegistered').innerText()).toContain('完成');
    expect(await page.getByTestId('attention-overdueWork').innerText()).toContain('编制联盟共享科技资源目录');
    await expect.poll(() => page.getByTestId('type-figure').filter({ hasText: '论坛' }).innerText()).toMatch(/论坛 \d+ \/ 4/);

    // A resource published through the real channels moves the figure (read again on reload).
    publishResource(core, TITLE);
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => figureValue(page, 'resourcesRegistered')).toBe(before + 1);
    const completionText = await page.getByTestId('completion-resourcesRegistered').innerText();
    expect(completionText).toBe(`完成 ${Math.round(((before + 1) / 120) * 1000) / 10}%`);
    await app.screenshot('71-dashboard');

    // Every chart saves as PNG.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-quarter').getByRole('button', { name: '保存为 PNG' }).click()]);
    expect(png.suggestedFilename()).toBe(`${YEAR}年-分季度-登记发布科技资源.png`);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString('latin1')).toBe('PNG');

    // The figure opens the records behind it; the new resource is among them and opens its page.
    await figure(page, 'resourcesRegistered').click();
    const drawer = page.getByTestId('metric-records');
    await expect.poll(() => drawer.getByTestId('metric-record').count()).toBe(before + 1);
    expect(await drawer.innerText()).toContain(TITLE);
    await windowShot(page, '72-dashboard-drilldown');
    await drawer.getByRole('button', { name: TITLE }).click();
    await page.getByTestId('resource-detail').waitFor();
    expect(await page.getByTestId('resource-status').innerText()).toBe('已发布');
    await page.keyboard.press('Escape');

    // The figures the report must repeat, as the dashboard shows them.
    await navigate(page, '工作台');
    await figure(page, 'eventsHeld').waitFor();
    const eventsHeld = await figureValue(page, 'eventsHeld');
    const registered = await figureValue(page, 'resourcesRegistered');
    expect(registered).toBe(before + 1);

    // Zone indicators: the demo's 2024 regional totals are the published ones.
    await navigate(page, '发展指标');
    await page.getByTestId('indicators-page').waitFor();
    await pickOption(page, page.getByTestId('indicators-page'), '年度', '2024 年');
    await expect.poll(() => page.getByTestId('total-revenue').innerText()).toContain('3.1万亿元');
    expect(await page.getByTestId('total-revenue').innerText()).toContain('+8.8%');
    expect(await page.getByTestId('total-output').innerText()).toContain('2.5万亿元');
    expect(await page.getByTestId('total-output').innerText()).toContain('+24.1%');
    expect(await page.getByTestId('total-enterprises').innerText()).toContain('38.2万家');
    expect(await page.getByTestId('total-hightech').innerText()).toContain('8,865家');
    expect(await page.getByTestId('indicators-demo').innerText()).toBe('示例数据');
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    await app.screenshot('73-indicators');

    // The annual report: the print view printed to an A4 PDF holds the title and the dashboard's figures.
    await navigate(page, '工作台');
    await page.getByRole('button', { name: '年度报告' }).click();
    const report = page.getByTestId('report-view');
    await expect.poll(() => report.getAttribute('data-ready')).toBe('true');
    const title = `东北地区国家高新区协同创新联盟 ${YEAR} 年度“1+X+N”工作报告`;
    expect((await report.locator('h1').innerText()).replace(/\s+/g, '')).toBe(title.replace(/\s+/g, ''));
    await expect.poll(() => report.getByRole('button', { name: /打印/ }).isEnabled()).toBe(true);
    await page.waitForTimeout(400); // the button's colour transition
    await windowShot(page, '74-report');
    const dir = mkdtempSync(join(tmpdir(), 'alliance-report-'));
    try {
      const pdfPath = join(dir, 'report.pdf');
      writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain(title.replace(/\s+/g, ''));
      expect(flat).toContain(`举办创新活动：${eventsHeld}场`);
      expect(flat).toContain(`登记发布科技资源：${registered}项（年度目标120项`);
      expect(flat).toContain('第1页/共');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThan(1);
      expect(flat).toContain(`第${pages}页/共${pages}页`);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, join(process.cwd(), 'test-results', 'screens', '75-report-pdf')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // 导出 Excel downloads an .xlsx (a zip: PK).
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await report.getByRole('button', { name: '返回' }).click();
    await expect.poll(() => report.count()).toBe(0);

    // The projector view: large type, today's agenda, and Esc leaves.
    await page.getByRole('button', { name: '投影模式' }).click();
    const projector = page.getByTestId('projector');
    await projector.waitFor();
    await expect.poll(() => projector.getByTestId('projector-agenda').innerText()).toContain('科技成果转化政策解读');
    await windowShot(page, '76-projector');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => projector.getAttribute('data-panel')).toBe('checkIn');
    expect(Number((await projector.getByTestId('projector-checked-in').innerText()).replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    await windowShot(page, '77-projector-checkin');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => projector.getByTestId('projector-progress').innerText()).toContain('登记发布科技资源');
    await windowShot(page, '78-projector-progress');
    await page.keyboard.press('Escape');
    await expect.poll(() => projector.count()).toBe(0);
    await page.getByTestId('dashboard').waitFor();

    expect(app.errors).toEqual([]);
  }, 120_000);
});
