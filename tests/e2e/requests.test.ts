import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { actAs, zoneId } from '../helpers/resources';
import type { TempCore } from '../helpers/temp-core';
import { createRequest } from '../../electron/core/requests/request-service';
import { actorOf, readInstallation } from '../../electron/core/settings/settings-service';
import { RequestCreateInput } from '../../shared/domain/sharing-request';
import { browserSession, navigate, openResource } from './harness';

const TITLE = '场发射扫描电镜';
const DAY = '2031-03-15'; // far enough ahead never to be in the past


/** 长春高新区 owns a published 时间预约 instrument; the installation then acts as 沈阳高新区. */
function ownerPublishesInstrument(core: TempCore): string {
  core.ok('settings.setup', { zoneId: zoneId(core, 'CC'), role: 'secretariat', operatorName: '吴老师' });
  const id = publishInstrument(core, TITLE, 'SU8020');
  actAs(core, 'SY', 'member');
  return id;
}

/** As the acting secretariat: a 时间预约 instrument of the acting zone, registered and published. */
function publishInstrument(core: TempCore, title: string, model: string): string {
  const categoryId = core.ok('categories.list').find((c) => c.code === 'instrument')!.id;
  const resource = core.ok('resources.create', {
    categoryId,
    title,
    organisation: '长春某光机所',
    sharingMode: 'free',
    contactPerson: '吴老师',
    extra: { model, bookingMode: 'slot', instrumentState: 'idle' },
  });
  let version = resource.version;
  for (const action of ['submit', 'approve', 'publish'] as const) version = core.ok('resources.transition', { id: resource.id, version, action }).version;
  return resource.id;
}

/** The open dialog whose title is `title` (the resource drawer is a dialog too). */
function dialogTitled(page: Page, title: string) {
  return page.getByRole('dialog').filter({ hasText: title });
}

async function pickTime(dialog: Locator, label: string, value: string) {
  const input = dialog.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function openRequestsTab(page: Page, tab: '我的申请' | '收到的申请') {
  await page.getByRole('menuitem', { name: '共享申请' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

function row(page: Page, text: string) {
  return page.locator('tr.ant-table-row', { hasText: text });
}

describe('sharing requests in a real browser', () => {
  const session = browserSession();
  let resourceId = '';

  it('books a slot as another zone, approves it as the owner, and refuses an overlapping approval naming the first', async () => {
    const app = await session.open((core) => {
      resourceId = ownerPublishesInstrument(core);
    });
    const { page, core } = app;

    // 沈阳高新区 books 09:00–12:00 from the resource's detail page.
    await openResource(page, TITLE);
    await page.getByRole('button', { name: '预约时段' }).click();
    const dialog = dialogTitled(page, `预约时段 · ${TITLE}`);
    await pickTime(dialog, '开始时间', `${DAY} 09:00`);
    await pickTime(dialog, '结束时间', `${DAY} 12:00`);
    await dialog.getByLabel('用途').fill('金属断口形貌观察');
    await dialog.getByLabel('申请单位').fill('沈阳某研究院');
    await dialog.getByLabel('联系人', { exact: true }).fill('李工');
    await app.screenshot('30-request-form');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => core.ok('requests.list', { scope: 'mine' }).length).toBe(1);
    const first = core.ok('requests.list', { scope: 'mine' })[0]!;
    expect(first).toMatchObject({ organisation: '沈阳某研究院', slotStart: '2031-03-15T01:00:00.000Z', slotEnd: '2031-03-15T04:00:00.000Z', status: 'pending' });

    // 大连高新区 asks for 10:00–11:00 the same day.
    actAs(core, 'DL');
    core.ok('requests.create', { resourceId, organisation: '大连某实验室', contactPerson: '赵工', purpose: '涂层截面观察', slotStart: `${DAY}T10:00:00+08:00`, slotEnd: `${DAY}T11:00:00+08:00` });

    // The owner approves 沈阳 from 收到的申请.
    actAs(core, 'CC');
    await page.reload();
    await openRequestsTab(page, '收到的申请');
    await expect.poll(() => row(page, '沈阳某研究院').count()).toBe(1);
    await row(page, '沈阳某研究院').getByRole('button', { name: '同意' }).click();
    await dialogTitled(page, '同意 · 沈阳某研究院').getByRole('button', { name: /^同\s*意$/ }).click();
    await expect.poll(() => row(page, '沈阳某研究院').getByTestId('request-status').innerText()).toBe('已同意');

    // Approving the overlapping 大连 request is refused, naming the booking it clashes with.
    const before = core.snapshot();
    await row(page, '大连某实验室').getByRole('button', { name: '同意' }).click();
    const approving = dialogTitled(page, '同意 · 大连某实验室');
    await approving.getByRole('button', { name: /^同\s*意$/ }).click();
    const refusal = page.getByTestId('request-refusal');
    await expect.poll(() => refusal.innerText()).toContain('沈阳某研究院 3月15日 09:00–12:00');
    await app.screenshot('31-overlap-refused');
    expect(core.snapshot()).toBe(before);
    await approving.getByRole('button', { name: /^取\s*消$/ }).click();
    expect(await row(page, '大连某实验室').getByTestId('request-status').innerText()).toBe('待处理');
    await app.screenshot('32-requests-to-mine');
    expect(app.errors).toEqual([]);
  });

  it("shows the resource's bookings by day, pending ones apart, and lets the owner decline inline with a note", async () => {
    const app = await session.open((core) => {
      resourceId = ownerPublishesInstrument(core);
      const approved = core.ok('requests.create', { resourceId, organisation: '沈阳某研究院', contactPerson: '李工', purpose: '形貌观察', slotStart: `${DAY}T09:00:00+08:00`, slotEnd: `${DAY}T12:00:00+08:00` });
      actAs(core, 'DL');
      core.ok('requests.create', { resourceId, organisation: '大连某实验室', contactPerson: '赵工', purpose: '截面观察', slotStart: `${DAY}T14:00:00+08:00`, slotEnd: `${DAY}T15:30:00+08:00` });
      core.ok('requests.create', { resourceId, organisation: '大连另一公司', contactPerson: '钱工', purpose: '颗粒观察', slotStart: '2031-03-16T09:00:00+08:00', slotEnd: '2031-03-16T10:00:00+08:00' });
      actAs(core, 'CC');
      core.ok('requests.decide', { id: approved.id, version: approved.version, decision: 'approve' });
    });
    const { page, core } = app;
    await openResource(page, TITLE);
    const bookings = page.getByTestId('resource-bookings');
    await expect.poll(() => bookings.getByTestId('booking-day').count()).toBe(2);
    expect(await bookings.getByTestId('booking-day').first().innerText()).toMatch(/3月15日[\s\S]*09:00–12:00[\s\S]*已同意[\s\S]*沈阳某研究院[\s\S]*14:00–15:30[\s\S]*待处理[\s\S]*大连某实验室/);
    expect(await bookings.locator('[data-status="pending"]').count()).toBe(2);
    await app.screenshot('33-resource-bookings');

    const pending = bookings.getByTestId('booking').filter({ hasText: '大连某实验室' });
    await pending.getByRole('button', { name: '拒绝' }).click();
    const dialog = dialogTitled(page, '拒绝 · 大连某实验室');
    expect(await dialog.getByRole('button', { name: /^拒\s*绝$/ }).isDisabled()).toBe(true); // a reason is required
    await dialog.getByLabel('处理意见').fill('该时段设备检修，请改约');
    await dialog.getByRole('button', { name: /^拒\s*绝$/ }).click();
    await expect.poll(() => bookings.getByTestId('booking').filter({ hasText: '大连某实验室' }).count()).toBe(0);
    expect(core.ok('requests.list', { scope: 'toMine', statuses: ['declined'] })).toMatchObject([{ organisation: '大连某实验室', decisionNote: '该时段设备检修，请改约' }]);
    expect(app.errors).toEqual([]);
  });

  it('shows bookings paused on an instrument under maintenance, and the owner cannot approve until it is back', async () => {
    let requestId = '';
    const app = await session.open((core) => {
      resourceId = ownerPublishesInstrument(core);
      requestId = core.ok('requests.create', { resourceId, organisation: '沈阳某研究院', contactPerson: '李工', purpose: '形貌观察', slotStart: `${DAY}T09:00:00+08:00`, slotEnd: `${DAY}T12:00:00+08:00` }).id;
      actAs(core, 'CC', 'secretariat');
      const resource = core.ok('resources.get', { id: resourceId });
      core.ok('resources.update', { id: resourceId, version: resource.version, patch: { extra: { ...resource.extra, instrumentState: 'maintenance' } } });
      actAs(core, 'SY', 'member');
    });
    const { page, core } = app;
    await openResource(page, TITLE);
    const paused = page.getByRole('button', { name: '暂停预约（设备维护）' });
    await paused.waitFor();
    expect(await paused.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '预约时段' }).count()).toBe(0);
    await paused.hover();
    await page.getByRole('tooltip').waitFor();
    await app.screenshot('35-request-paused');
    // The owner zone sees why its approval is refused.
    actAs(core, 'CC', 'member');
    await page.reload();
    await openRequestsTab(page, '收到的申请');
    await row(page, '沈阳某研究院').getByRole('button', { name: '同意' }).click();
    await dialogTitled(page, '同意 · 沈阳某研究院').getByRole('button', { name: /^同\s*意$/ }).click();
    await page.getByText('设备状态为「维护」，暂停预约，不能同意预约').first().waitFor();
    expect(core.ok('requests.list', { scope: 'toMine' }).find((r) => r.id === requestId)!.status).toBe('pending');
    expect(app.errors).toEqual([]);
  });

  it('finds the instruments free for a time window, leaving out one booked then', async () => {
    const app = await session.open((core) => {
      resourceId = ownerPublishesInstrument(core);
      actAs(core, 'CC', 'secretariat');
      publishInstrument(core, '激光共聚焦显微镜', 'LSM 980');
      actAs(core, 'SY', 'member');
      const booked = core.ok('requests.create', { resourceId, organisation: '沈阳某研究院', contactPerson: '李工', purpose: '形貌观察', slotStart: `${DAY}T09:00:00+08:00`, slotEnd: `${DAY}T12:00:00+08:00` });
      actAs(core, 'CC', 'member');
      core.ok('requests.decide', { id: booked.id, version: booked.version, decision: 'approve', note: '' });
      actAs(core, 'SY', 'member');
    });
    const { page } = app;
    await navigate(page, '科技资源');
    const titles = () => page.getByTestId('resource-row').allInnerTexts();
    await expect.poll(async () => (await titles()).length).toBe(2);
    const from = page.getByPlaceholder('空闲开始');
    await from.click();
    await from.fill(`${DAY} 10:00`);
    await from.press('Enter');
    const to = page.getByPlaceholder('空闲结束');
    await to.fill(`${DAY} 11:00`);
    await to.press('Enter');
    await page.getByTestId('free-hint').waitFor();
    await expect.poll(async () => (await titles()).join('|')).toMatch(/^[^|]*激光共聚焦显微镜[^|]*$/);
    await page.getByTestId('result-count').click(); // away from the picker, which keeps the window
    await expect.poll(() => page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').count()).toBe(0);
    expect(await titles()).toHaveLength(1);
    await app.screenshot('36-resources-free-during');
    // Back to back with the booking: both are free 12:00–14:00.
    await from.click();
    await from.fill(`${DAY} 12:00`);
    await from.press('Enter');
    await to.fill(`${DAY} 14:00`);
    await to.press('Enter');
    await expect.poll(async () => (await titles()).length).toBe(2);
    expect(app.errors).toEqual([]);
  });

  it('shows the owner a request whose slot has begun under 待办提醒, and offers only 拒绝 on it', async () => {
    const app = await session.open((core) => {
      resourceId = ownerPublishesInstrument(core);
      // Filed in good time, never answered: its slot is now in the past.
      const input = RequestCreateInput.parse({ resourceId, organisation: '沈阳某研究院', contactPerson: '李工', purpose: '形貌观察', slotStart: '2026-01-05T09:00:00+08:00', slotEnd: '2026-01-05T12:00:00+08:00' });
      createRequest(core.db, actorOf(core.db, readInstallation(core.db))!, input, new Date('2026-01-01T00:00:00Z'));
      actAs(core, 'CC', 'member');
    });
    const { page } = app;
    // The owner's dashboard lists it under 待办提醒 and leads to 收到的申请.
    const waiting = page.getByTestId('attention-pendingRequests');
    await expect.poll(() => waiting.innerText()).toMatch(/待处理的共享申请[\s\S]*场发射扫描电镜[\s\S]*沈阳高新区 · 沈阳某研究院 · 1月5日 09:00–12:00（时段已过）/);
    await waiting.getByTestId('attention-item').click();
    await expect.poll(() => page.getByRole('tab', { name: '收到的申请' }).getAttribute('aria-selected')).toBe('true');
    const stale = row(page, '沈阳某研究院');
    await stale.getByTestId('slot-passed').waitFor();
    expect(await stale.getByTestId('slot-passed').innerText()).toBe('时段已过，只能拒绝');
    expect(await stale.getByRole('button', { name: '同意' }).count()).toBe(0);
    await stale.getByRole('button', { name: '拒绝' }).click();
    const dialog = dialogTitled(page, '拒绝 · 沈阳某研究院');
    await dialog.getByRole('textbox').fill('时段已过，请重新申请');
    await dialog.getByRole('button', { name: /^拒\s*绝$/ }).click();
    await expect.poll(() => stale.getByTestId('request-status').innerText()).toBe('已拒绝');
    expect(app.errors).toEqual([]);
  });

  it('shows a requester its requests with status tags and lets it cancel one', async () => {
    const app = await session.open((core) => {
      resourceId = ownerPublishesInstrument(core);
      core.ok('requests.create', { resourceId, organisation: '沈阳某研究院', contactPerson: '李工', purpose: '形貌观察', slotStart: `${DAY}T09:00:00+08:00`, slotEnd: `${DAY}T12:00:00+08:00` });
    });
    const { page, core } = app;
    await openRequestsTab(page, '我的申请');
    const mine = row(page, '沈阳某研究院');
    await expect.poll(() => mine.innerText()).toMatch(/场发射扫描电镜[\s\S]*2031-03-15 09:00–12:00[\s\S]*待处理/);
    await app.screenshot('34-requests-mine');
    await mine.getByRole('button', { name: '取消申请' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '取消申请' }).click();
    await expect.poll(() => mine.getByTestId('request-status').innerText()).toBe('已取消');
    expect(core.ok('requests.list', { scope: 'mine' })[0]!.status).toBe('cancelled');
    expect(app.errors).toEqual([]);
  });
});
