import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ScenarioCreateInput } from '../../shared/domain/scenario';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { actAs, zoneId } from '../helpers/resources';
import type { TempCore } from '../helpers/temp-core';
import { browserSession, fillPicker, navigate, openResource, pickOption, setUpAs } from './harness';

const TITLE = '新能源汽车稀土永磁驱动电机检测能力提升';

function dialogTitled(page: Page, title: string | RegExp) {
  return page.getByRole('dialog').filter({ hasText: title });
}

async function addTag(dialog: Locator, label: string, tag: string) {
  const input = dialog.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(tag);
  await input.press('Enter');
}

/** Fills the listing form up to (not including) the scoring criteria. */
async function fillChallenge(page: Page, dialog: Locator, title: string) {
  await dialog.getByLabel('名称', { exact: true }).fill(title);
  await dialog.getByText('揭榜挂帅榜单', { exact: true }).click();
  await pickOption(page, dialog, '场景类别', '新材料');
  await dialog.getByLabel('需求单位').fill('包头某稀土电机有限公司');
  await dialog.getByLabel('场景描述').fill('面向新能源汽车驱动电机，建设稀土永磁材料与电机性能检测能力。');
  await dialog.getByLabel('技术要求与指标').fill('剩磁 ≥ 1.35 T；峰值效率 ≥ 96%。');
  await dialog.getByLabel('揭榜奖励').fill('500');
  await fillPicker(dialog, '申报截止日期', addDays(shanghaiToday(), 30), 'Enter');
  await dialog.getByLabel('联系人').fill('王工');
  await dialog.getByLabel('联系电话').fill('0472-5179000');
  await addTag(dialog, '关键词标签', '稀土永磁');
  await addTag(dialog, '关键词标签', '检测');
}

async function setCriteria(dialog: Locator, rows: ReadonlyArray<readonly [string, number]>) {
  for (const [i, [name, weight]] of rows.entries()) {
    if ((await dialog.getByTestId('criterion-row').count()) <= i) await dialog.getByRole('button', { name: '添加评分标准' }).click();
    await dialog.getByLabel(`第 ${i + 1} 项评分标准名称`).fill(name);
    await dialog.getByLabel(`第 ${i + 1} 项权重`).fill(String(weight));
  }
}

async function apply(page: Page, organisation: string, type: string, zone: string) {
  await page.getByTestId('apply-button').click();
  const dialog = dialogTitled(page, '揭榜申报 ·');
  await dialog.getByLabel('申报单位').fill(organisation);
  await dialog.getByText(type, { exact: true }).click();
  // The zone list is long (virtual): type to narrow it, as a clerk would.
  await dialog.getByLabel('所在高新区', { exact: true }).click();
  await dialog.getByLabel('所在高新区', { exact: true }).fill(zone.slice(0, 2));
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: zone }).first().click();
  await dialog.getByLabel('方案摘要').fill(`${organisation}：晶界扩散与双主相工艺路线，已完成百公斤级验证。`);
  await dialog.getByLabel('联系人').fill('李工');
  await dialog.getByRole('button', { name: '提交申报' }).click();
  await expect.poll(() => rankingRow(page, organisation).count()).toBe(1);
}

function rankingRow(page: Page, organisation: string) {
  return page.getByTestId('ranking-table').locator('tr.ant-table-row', { hasText: organisation });
}

async function score(page: Page, organisation: string, reviewer: string, technical: number, team: number, expectedTotal: string) {
  await rankingRow(page, organisation).getByRole('button', { name: /^评\s*分$/ }).click();
  const dialog = dialogTitled(page, `评分 · ${organisation}`);
  await dialog.getByLabel('评审专家').fill(reviewer);
  await dialog.getByLabel('技术方案').fill(String(technical));
  await dialog.getByLabel('团队实力').fill(String(team));
  await expect.poll(() => dialog.getByTestId('score-total').innerText()).toContain(expectedTotal);
  await dialog.getByRole('button', { name: '保存评分' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

async function rankingOrder(page: Page): Promise<string[]> {
  const rows = page.getByTestId('ranking-table').locator('tr.ant-table-row');
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    out.push(`${await row.getByTestId('application-rank').innerText()} ${await row.getByTestId('application-organisation').innerText()} ${await row.getByTestId('application-score').innerText()}`);
  }
  return out;
}

/** A listing created and published through the real channels by the current installation. */
function publishListing(core: TempCore, overrides: Partial<ScenarioCreateInput>): string {
  const categoryId = core.ok('scenarioCategories.list').find((c) => c.code === 'materials')!.id;
  const created = core.ok('scenarios.create', {
    categoryId,
    kind: 'challenge',
    title: TITLE,
    demandOrganisation: '包头某稀土电机有限公司',
    description: '稀土永磁电机检测能力建设。',
    deadline: addDays(shanghaiToday(), 30),
    contactPerson: '王工',
    tags: ['稀土永磁', '检测'],
    criteria: [
      { key: 'c1', name: '技术方案', weight: 60 },
      { key: 'c2', name: '团队实力', weight: 40 },
    ],
    ...overrides,
  });
  return core.ok('scenarios.transition', { id: created.id, version: created.version, action: 'publish' }).id;
}

describe('application scenarios in a real browser', () => {
  const session = browserSession();

  it('takes a 揭榜挂帅 listing from publication through two scored applications to a selected winner, with matching resources', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page, core } = app;
    // Two more listings, to show the deadline states: one closing in 3 days, one already closed.
    publishListing(core, { title: '钕铁硼磁体一致性检测服务需求', kind: 'opportunity', deadline: addDays(shanghaiToday(), 3) });
    const closed = publishListing(core, { title: '稀土抛光粉回收工艺验证', kind: 'opportunity' });
    core.db.prepare('UPDATE scenarios SET deadline = ? WHERE id = ?').run(addDays(shanghaiToday(), -2), closed);

    await navigate(page, '应用场景');
    await page.getByRole('button', { name: '新建场景清单' }).click();
    const form = dialogTitled(page, '新建场景清单');
    await fillChallenge(page, form, TITLE);
    await setCriteria(form, [
      ['技术方案', 60],
      ['团队实力', 40],
    ]);
    await form.locator('.ant-modal-body').evaluate((body) => body.scrollTo(0, 0));
    await app.screenshot('45-scenario-form');
    await expect.poll(() => form.getByTestId('criteria-sum').innerText()).toBe('权重合计 100%');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByTestId('scenario-detail').waitFor();
    expect(await page.getByTestId('scenario-status').innerText()).toBe('草稿');

    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await expect.poll(() => page.getByTestId('scenario-status').innerText()).toBe('征集中');
    expect(await page.getByTestId('deadline-banner').innerText()).toContain('还剩 30 天');
    await app.screenshot('46-scenario-details');
    await page.keyboard.press('Escape');

    // The list: deadline with its state on every row.
    await page.getByPlaceholder(/搜索名称、需求单位/).fill('稀土');
    const row = page.getByTestId('scenario-row').filter({ hasText: TITLE });
    await expect.poll(() => row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain('揭榜挂帅榜单');
    expect(rowText).toContain('新材料');
    expect(rowText).toContain('包头某稀土电机有限公司');
    expect(rowText).toContain('奖励 500 万元');
    expect(rowText).toContain(`截止 ${addDays(shanghaiToday(), 30)}`);
    expect(rowText).toContain('0 份申报');
    expect(await row.locator('mark').first().innerText()).toBe('稀土');
    const soon = page.getByTestId('scenario-row').filter({ hasText: '钕铁硼磁体一致性检测服务需求' });
    expect(await soon.getByTestId('deadline').getAttribute('data-state')).toBe('closingSoon');
    expect(await soon.getByTestId('deadline').innerText()).toContain('还剩 3 天');
    const past = page.getByTestId('scenario-row').filter({ hasText: '稀土抛光粉回收工艺验证' });
    expect(await past.getByTestId('deadline').innerText()).toContain('已截止');
    await app.screenshot('40-scenario-list');
    await page.locator('.ant-segmented-item', { hasText: '7天内截止' }).click();
    await expect.poll(() => page.getByTestId('scenario-row').filter({ hasText: '钕铁硼磁体一致性检测服务需求' }).count()).toBe(1);
    expect(await page.getByTestId('scenario-row').filter({ hasText: TITLE }).count()).toBe(0);
    await page.locator('.ant-segmented-item', { hasText: '全部' }).click();

    // Two applications, scored by one reviewer (60/40 weights).
    await row.click();
    await page.getByRole('tab', { name: /揭榜申报/ }).click();
    await apply(page, '包头稀土研究院', '科研院所', '包头稀土高新区');
    await apply(page, '沈阳某磁材科技有限公司', '企业', '沈阳高新区');
    expect(await page.getByRole('tab', { name: /揭榜申报/ }).innerText()).toContain('(2)');
    await score(page, '沈阳某磁材科技有限公司', '张教授', 70, 95, '80.00');
    await score(page, '包头稀土研究院', '张教授', 90, 80, '86.00');
    await expect.poll(() => rankingOrder(page)).toEqual(['1 包头稀土研究院 86.00', '2 沈阳某磁材科技有限公司 80.00']);
    // The reviewer's name was remembered between the two scorings.
    await rankingRow(page, '包头稀土研究院').getByRole('button', { name: /^评\s*分$/ }).click();
    expect(await dialogTitled(page, '评分 · 包头稀土研究院').getByLabel('评审专家').inputValue()).toBe('张教授');
    await dialogTitled(page, '评分 · 包头稀土研究院').getByRole('button', { name: /^取\s*消$/ }).click();
    // The secretariat sees each reviewer's scores in the expanded row.
    await rankingRow(page, '包头稀土研究院').getByRole('button', { name: /展开行|Expand row/ }).click();
    await expect.poll(() => page.locator('.reviewer-scores').innerText()).toContain('张教授');
    await app.screenshot('41-scenario-ranking');

    // Selecting the top application makes the listing 已揭榜.
    await rankingRow(page, '包头稀土研究院').getByRole('button', { name: '确定揭榜' }).click();
    const confirm = page.locator('.ant-popconfirm');
    expect(await confirm.innerText()).toContain('确定后清单将变为已揭榜');
    await confirm.getByRole('button', { name: '确定揭榜' }).click();
    await expect.poll(() => page.getByTestId('scenario-status').innerText()).toBe('已揭榜');
    await expect.poll(() => rankingRow(page, '包头稀土研究院').getByTestId('application-status').innerText()).toBe('揭榜成功');
    expect(await page.getByTestId('deadline-banner').innerText()).toContain('包头稀土研究院');

    // Matching resources, each with the reasons that earned its score.
    await page.getByRole('tab', { name: '匹配资源' }).click();
    await expect.poll(() => page.getByTestId('resource-match').count()).toBeGreaterThan(0);
    const reasons = await page.getByTestId('match-reasons').allInnerTexts();
    expect(reasons.some((r) => r.includes('同属新材料领域') || r.includes('关键词'))).toBe(true);
    const top = page.getByTestId('resource-match').filter({ hasText: '稀土永磁材料概念验证中心' });
    expect(await top.getByTestId('match-reasons').innerText()).toContain('关键词：稀土永磁');
    await app.screenshot('42-scenario-matching');
    await top.getByRole('button', { name: /稀土永磁材料概念验证中心/ }).click();
    await page.getByTestId('resource-detail').waitFor();

    const stored = core.ok('scenarios.search', { query: TITLE }).items[0]!;
    expect(stored.status).toBe('matched');
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('refuses criteria whose weights do not add up to 100% and keeps everything typed, saving nothing', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await navigate(page, '应用场景');
    await page.getByRole('button', { name: '新建场景清单' }).click();
    const form = dialogTitled(page, '新建场景清单');
    await fillChallenge(page, form, TITLE);
    await setCriteria(form, [
      ['技术方案', 50],
      ['团队实力', 40],
    ]);
    await expect.poll(() => form.getByTestId('criteria-sum').innerText()).toContain('权重合计 90%');
    expect(await form.getByTestId('criteria-sum').innerText()).toContain('权重之和应为 100%');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => form.getByTestId('criteria-editor').innerText()).toContain('未保存');
    expect(core.ok('scenarios.search', { query: TITLE }).total).toBe(0);
    await app.screenshot('43-scenario-weights-refused');

    // A rule only the core checks (budget ceiling below the floor) lands under its field.
    await form.getByLabel('第 1 项权重').fill('60');
    await form.getByLabel('预算下限').fill('200');
    await form.getByLabel('预算上限').fill('50');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('预算上限（50 万元）不能小于下限（200 万元）');
    expect(core.ok('scenarios.search', { query: TITLE }).total).toBe(0);
    expect(await form.getByLabel('名称', { exact: true }).inputValue()).toBe(TITLE);

    await form.getByLabel('预算上限').fill('300');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByTestId('scenario-detail').waitFor();
    const saved = core.ok('scenarios.search', { query: TITLE }).items[0]!;
    expect(core.ok('scenarios.get', { id: saved.id }).criteria.map((c) => [c.name, c.weight])).toEqual([
      ['技术方案', 60],
      ['团队实力', 40],
    ]);
    expect(app.errors).toEqual([]);
  });

  it('shows a member zone the combined scores but never each reviewer’s', async () => {
    const app = await session.open((core) => {
      setUpAs('HRB', 'secretariat')(core);
      const id = publishListing(core, { ownerZoneId: zoneId(core, 'BT') });
      for (const [organisation, zone, scores] of [
        ['包头稀土研究院', 'BT', [{ c1: 90, c2: 80 }, { c1: 80, c2: 90 }]],
        ['沈阳某磁材科技有限公司', 'SY', [{ c1: 70, c2: 95 }, { c1: 70, c2: 95 }]],
      ] as const) {
        const application = core.ok('applications.create', { scenarioId: id, applicantZoneId: zoneId(core, zone), organisation, organisationType: 'enterprise', proposalSummary: '方案', contactPerson: '李工' });
        scores.forEach((s, i) => core.ok('applications.score', { applicationId: application.id, reviewer: `专家${i + 1}`, scores: s }));
      }
      actAs(core, 'BT', 'member');
    });
    const { page } = app;
    await navigate(page, '应用场景');
    await page.getByTestId('scenario-row').filter({ hasText: TITLE }).click();
    await page.getByRole('tab', { name: /揭榜申报/ }).click();
    // 90/80 and 80/90 → means 85/85 → 85.00; 70/95 twice → 80.00.
    await expect.poll(() => rankingOrder(page)).toEqual(['1 包头稀土研究院 85.00', '2 沈阳某磁材科技有限公司 80.00']);
    expect(await page.getByTestId('applications-tab').innerText()).toContain('仅秘书长单位可见');
    await rankingRow(page, '包头稀土研究院').getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByTestId('application-details').waitFor();
    expect(await page.locator('.reviewer-scores').count()).toBe(0);
    expect(await page.getByTestId('application-details').innerText()).not.toContain('专家1');
    expect(app.errors).toEqual([]);
  });

  it('cancels a listing only with a reason, and shows that reason on the listing', async () => {
    const app = await session.open((core) => {
      setUpAs('HRB', 'secretariat')(core);
      publishListing(core, {});
    });
    const { page, core } = app;
    await navigate(page, '应用场景');
    await page.getByTestId('scenario-row').filter({ hasText: TITLE }).click();
    await page.getByTestId('scenario-detail').getByRole('button', { name: /^取\s*消$/ }).click();
    const dialog = dialogTitled(page, `取消场景清单 · ${TITLE}`);
    const confirm = dialog.getByRole('button', { name: /^取\s*消$/ }).last();
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('取消理由').fill('需求单位已自行解决，不再征集');
    await confirm.click();
    await expect.poll(() => page.getByTestId('scenario-status').innerText()).toBe('已取消');
    expect(await page.getByTestId('deadline-banner').innerText()).toContain('需求单位已自行解决，不再征集');
    expect(core.ok('scenarios.search', { query: TITLE }).items[0]!.status).toBe('cancelled');
    expect(app.errors).toEqual([]);
  });

  it('drafts a roadshow from a listing with applicants and saves it as an event with them on the agenda', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat', true));
    const { page, core } = app;
    await navigate(page, '应用场景');
    await page.getByTestId('scenario-row').filter({ hasText: '高丰度稀土永磁电机关键技术攻关（示例）' }).click();
    await page.getByTestId('plan-roadshow').click();
    const form = page.getByTestId('event-form');
    await form.waitFor();
    expect(await form.getByLabel('活动名称').inputValue()).toBe('「高丰度稀土永磁电机关键技术攻关（示例）」项目路演');
    const agenda = await form.getByTestId('agenda-editor').locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(agenda).toEqual(expect.arrayContaining(['包头稀土研究院', '哈尔滨工业大学电气工程学院']));
    await page.getByRole('dialog').filter({ has: form }).getByRole('button', { name: /^保\s*存$/ }).click();
    const saveAnyway = page.getByRole('button', { name: '仍然保存' });
    const detail = page.getByTestId('event-detail');
    await expect.poll(async () => (await saveAnyway.isVisible()) || (await detail.isVisible())).toBe(true);
    if (await saveAnyway.isVisible()) await saveAnyway.click();
    await detail.waitFor();
    const saved = core.ok('events.list', { query: '项目路演' }).items.find((e) => e.title.includes('高丰度稀土永磁电机'));
    expect(saved).toBeDefined();
    const event = core.ok('events.get', { id: saved!.id });
    expect(event.typeName).toBe('项目路演');
    expect(event.linkedScenarios.map((l) => l.title)).toEqual(['高丰度稀土永磁电机关键技术攻关（示例）']);
    expect(event.agenda.map((a) => a.organisation)).toEqual(expect.arrayContaining(['包头稀土研究院', '哈尔滨工业大学电气工程学院']));
    await page.screenshot({ path: 'test-results/screens/48-roadshow-from-listing.png' });
    expect(app.errors).toEqual([]);
  });

  it('lists, in a resource’s drawer, the open listings it could serve, and opens one on the scenarios page', async () => {
    const app = await session.open((core) => {
      setUpAs('HRB', 'secretariat', true)(core);
      publishListing(core, {});
    });
    const { page } = app;
    await openResource(page, '稀土永磁材料概念验证中心');
    await page.getByRole('tab', { name: '可服务的场景清单' }).click();
    const match = page.getByTestId('scenario-match').filter({ hasText: TITLE });
    await expect.poll(() => match.count()).toBe(1);
    // Both of the listing's reasons for this resource: its field word (稀土) and its keyword (稀土永磁).
    expect(await match.getByTestId('match-reasons').innerText()).toContain('同属新材料领域（稀土）；关键词：稀土永磁');
    expect(await match.getByTestId('deadline').innerText()).toContain('还剩 30 天');
    await app.screenshot('44-resource-matching-scenarios');
    await match.getByRole('button', { name: TITLE }).click();
    await page.getByTestId('scenario-detail').waitFor();
    expect(await page.locator('.ant-drawer-title').innerText()).toContain(TITLE);
    expect(await page.getByRole('menuitem', { name: '应用场景' }).getAttribute('class')).toContain('ant-menu-item-selected');
    expect(app.errors).toEqual([]);
  });

  it('lets the secretariat edit a scenario category’s field keywords and reorder categories in Settings', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await navigate(page, '设置');
    const card = page.getByTestId('scenario-categories');
    await card.locator('tr.ant-table-row', { hasText: '新材料' }).getByRole('button', { name: /^编\s*辑$/ }).click();
    const dialog = dialogTitled(page, '编辑 · 新材料');
    await addTag(dialog, '领域关键词', '钕铁硼');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => core.ok('scenarioCategories.list').find((c) => c.code === 'materials')!.keywords).toContain('钕铁硼');
    await expect.poll(() => card.locator('tr.ant-table-row', { hasText: '新材料' }).innerText()).toContain('钕铁硼');
    // Reordering: 新材料 moves above 智能制造.
    await card.getByRole('button', { name: '上移 新材料' }).click();
    await expect.poll(() => core.ok('scenarioCategories.list').map((c) => c.code).slice(0, 2)).toEqual(['materials', 'manufacturing']);
    await expect.poll(() => card.locator('tr.ant-table-row').first().innerText()).toContain('新材料');
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('47-scenario-categories');
    expect(app.errors).toEqual([]);
  });
});
