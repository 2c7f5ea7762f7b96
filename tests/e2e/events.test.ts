import { inflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, shanghaiToday, toShanghaiIso } from '../../shared/shanghai-date';
import type { TempCore } from '../helpers/temp-core';
import { allowReminders, browserSession, closeDrawer, fillPicker, navigate, pickOption, setUpAs } from './harness';

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

// ── helpers ────────────────────────────────────────────────────────────────────────────────

function typeId(core: TempCore, code: string): string {
  return core.ok('eventTypes.list', {}).find((t) => t.code === code)!.id;
}

/** An event made through the core (for tests whose subject is not the form). */
function makeEvent(core: TempCore, fields: { title: string; day: string; allDay?: boolean; capacity?: number | null; publish?: boolean; venue?: string }) {
  const allDay = fields.allDay ?? false;
  const created = core.ok('events.create', {
    typeId: typeId(core, 'seminar'),
    title: fields.title,
    startAt: allDay ? `${fields.day}T00:00:00+08:00` : `${fields.day}T09:00:00+08:00`,
    endAt: allDay ? `${addDays(fields.day, 1)}T00:00:00+08:00` : `${fields.day}T12:00:00+08:00`,
    allDay,
    venue: fields.venue ?? '哈尔滨高新区科技创新城会议中心',
    capacity: fields.capacity ?? null,
  });
  if (fields.publish === false) return created;
  return core.ok('events.transition', { id: created.id, version: created.version, action: 'publish' });
}

function register(core: TempCore, eventId: string, name: string, phone: string, organisation = '哈尔滨工业大学', title = '教授') {
  return core.ok('registrations.create', { eventId, name, organisation, phone, title });
}

async function openEventsPage(page: Page) {
  await navigate(page, '创新活动');
  await page.getByTestId('event-calendar').waitFor();
}

/** Jumps the calendar to a month (YYYY-MM) with the 跳转到月份 picker. */
async function gotoMonth(page: Page, month: string) {
  const picker = page.getByPlaceholder('跳转到月份');
  await picker.click();
  await picker.fill(month);
  await picker.press('Enter');
  await page.keyboard.press('Escape');
}

/** 新建活动: the event form's dialog. */
async function openNewEventForm(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '新建活动' }).click();
  return page.getByRole('dialog').filter({ has: page.getByTestId('event-form') });
}

async function openEvent(page: Page, title: string) {
  await page.getByTestId('calendar-event').filter({ hasText: title }).first().click();
  await page.getByTestId('event-detail').waitFor();
}

const closeEvent = (page: Page) => closeDrawer(page, 'event-detail');

async function status(page: Page) {
  return page.getByTestId('event-status').innerText();
}

/** Clicks 保存 in the event form; if warnings come up, saves anyway. Returns the warnings shown. */
async function saveEventForm(page: Page, dialog: Locator): Promise<string> {
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  const warnings = page.getByTestId('event-warnings');
  const detail = page.getByTestId('event-detail');
  await expect.poll(async () => (await warnings.isVisible()) || (await detail.isVisible())).toBe(true);
  if (!(await warnings.isVisible())) return '';
  const text = await warnings.innerText();
  await page.getByRole('button', { name: '仍然保存' }).click();
  await detail.waitFor();
  return text;
}

/** Every character the PDF's fonts map to Unicode (ToUnicode CMaps): what text the PDF carries. */
function pdfCharacters(pdf: Buffer): Set<string> {
  const source = pdf.toString('latin1');
  const chars = new Set<string>();
  const hexChars = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    let data: string;
    try {
      data = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const [, body] of data.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, dst] of body!.matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) for (const c of hexChars(dst!)) chars.add(c);
    }
    for (const [, body] of data.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, dst] of body!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const first = parseInt(dst!, 16);
        for (let i = 0; i <= parseInt(hi!, 16) - parseInt(lo!, 16); i++) chars.add(String.fromCharCode(first + i));
      }
    }
  }
  // Fonts may map a glyph to a compatibility code point (⾼ for 高): compare what a reader sees.
  return new Set([...chars].map((c) => c.normalize('NFKC')));
}

function pdfPages(pdf: Buffer): Array<{ width: number; height: number }> {
  return [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page\b[\s\S]*?\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

// ── behaviour ──────────────────────────────────────────────────────────────────────────────

describe('the innovation events calendar in a real browser', () => {
  const session = browserSession();

  it('takes Enter in a date field as confirming the date, not as saving the form; Enter in a text field still saves', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await openEventsPage(page);
    const dialog = await openNewEventForm(page);
    await dialog.getByLabel('活动名称').fill('键盘录入的座谈会');
    await pickOption(page, dialog, '活动类型', '研讨会/座谈会');
    await dialog.getByLabel('地点').fill('哈尔滨高新区科技创新城会议中心');
    // Every required field is filled once the end is typed: an Enter that submitted would save.
    for (const [label, value] of [['开始时间', '2026-12-02 09:00'], ['结束时间', '2026-12-02 11:30']] as const) {
      await fillPicker(dialog, label, value, 'Enter');
      await expect.poll(() => dialog.getByLabel(label, { exact: true }).inputValue()).toBe(value);
    }
    await page.waitForTimeout(1_000); // what a submission would take to show up, many times over
    expect(core.ok('events.list', { query: '键盘录入的座谈会' }).total).toBe(0);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.ant-form-item-explain-error').count()).toBe(0);

    await dialog.getByLabel('活动名称').press('Enter');
    await page.getByTestId('event-detail').waitFor();
    const saved = core.ok('events.list', { query: '键盘录入的座谈会' }).items;
    expect(saved.map((e) => [e.startAt, e.endAt])).toEqual([['2026-12-02T09:00:00+08:00', '2026-12-02T11:30:00+08:00']]);
    expect(app.errors).toEqual([]);
  });

  it('warns that 2026-10-01 is a statutory holiday, saves anyway when asked, and shows 休/班 days and Beijing times on the calendar', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await openEventsPage(page);
    const dialog = await openNewEventForm(page);
    await dialog.getByLabel('活动名称').fill('国庆科技成果对接会');
    await pickOption(page, dialog, '活动类型', '供需对接会');
    await pickOption(page, dialog, '协办高新区', '长春高新区');
    await fillPicker(dialog, '开始时间', '2026-10-01 09:00');
    await fillPicker(dialog, '结束时间', '2026-10-01 12:00');
    await dialog.getByLabel('地点').fill('哈尔滨高新区科技创新城会议中心');
    await dialog.getByLabel('人数上限').fill('80');
    await dialog.getByRole('button', { name: '添加议程' }).click();
    await fillPicker(dialog, '第 1 项议程时间', '09:00');
    await dialog.getByLabel('第 1 项议题').fill('开幕致辞');
    await dialog.getByLabel('第 1 项报告人').fill('王主任');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();

    // The core's warning: a statutory holiday. The planner decides.
    const warnings = page.getByTestId('event-warnings');
    await warnings.waitFor();
    expect(await warnings.innerText()).toMatch(/2026-10-01 是法定节假日（国庆节）/);
    await page.waitForTimeout(400); // the dialog's opening animation
    await app.screenshot('50-event-holiday-warning');
    await page.getByRole('button', { name: '返回修改' }).click();
    await expect.poll(() => warnings.isVisible()).toBe(false);
    expect(await dialog.getByLabel('活动名称').inputValue()).toBe('国庆科技成果对接会'); // nothing lost
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByRole('button', { name: '仍然保存' }).click();
    await page.getByTestId('event-detail').waitFor();
    expect(await status(page)).toBe('计划中');
    const saved = core.ok('events.list', { query: '国庆科技成果对接会' }).items[0]!;
    expect(saved.startAt).toBe('2026-10-01T09:00:00+08:00');
    expect(core.ok('events.get', { id: saved.id }).agenda).toEqual([{ time: '09:00', topic: '开幕致辞', speaker: '王主任', organisation: '' }]);
    await closeEvent(page);

    // The month of the event: 休 on the National Day holiday, 班 on the 调休 Saturday, the event at 09:00 Beijing time.
    await expect.poll(() => page.getByTestId('day-mark-2026-10-01').first().innerText()).toBe('休');
    expect(await page.getByTestId('day-mark-2026-10-10').first().innerText()).toBe('班');
    const chip = page.getByTestId('calendar-event').filter({ hasText: '国庆科技成果对接会' }).first();
    expect(await chip.innerText()).toContain('09:00');
    await app.screenshot('51-events-month-holidays');

    // The week view: 09:00–12:00 Beijing time, whatever the computer's own time zone (UTC here).
    await page.getByRole('button', { name: '周', exact: true }).click();
    await expect.poll(() => page.locator('.fc-timegrid-event').filter({ hasText: '国庆科技成果对接会' }).first().innerText()).toMatch(/09:00\s*-\s*12:00/);
    await app.screenshot('52-events-week');
    await page.getByRole('button', { name: '全年', exact: true }).click();
    await page.locator('.fc-multimonth').waitFor();
    expect(await page.getByTestId('day-mark-2026-09-20').first().getAttribute('data-kind')).toBe('workday'); // the 调休 Sunday before National Day
    expect(await page.getByTestId('day-mark-2026-02-16').first().getAttribute('data-kind')).toBe('holiday'); // 春节
    await app.screenshot('53-events-year');
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('asks before moving an event dragged to another day, moves it when confirmed and puts it back when refused', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const event = makeEvent(core, { title: '成果转化沙龙', day: '2026-10-14', publish: false });
    await openEventsPage(page);
    await gotoMonth(page, '2026-10');
    const chip = page.getByTestId('calendar-event').filter({ hasText: '成果转化沙龙' }).first();
    await chip.waitFor();

    async function drag(toDay: string) {
      const from = await chip.boundingBox();
      const target = await page.locator(`.fc-daygrid-day[data-date="${toDay}"]`).boundingBox();
      await page.mouse.move(from!.x + 20, from!.y + from!.height / 2);
      await page.mouse.down();
      await page.mouse.move(from!.x + 40, from!.y + 30, { steps: 5 });
      await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, { steps: 10 });
      await page.mouse.up();
    }

    await drag('2026-10-16');
    const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '将「成果转化沙龙」改到 2026-10-16 09:00？' });
    await confirm.waitFor();
    await page.waitForTimeout(400);
    await app.screenshot('54-event-drag-confirm');
    await confirm.getByRole('button', { name: '确认改期' }).click();
    await expect.poll(() => core.ok('events.get', { id: event.id }).startAt).toBe('2026-10-16T09:00:00+08:00');
    expect(core.ok('events.get', { id: event.id }).endAt).toBe('2026-10-16T12:00:00+08:00');

    // Dragged onto the 调休 Saturday: the warning is in the question; refusing leaves it where it was.
    const onDay = (day: string) => page.locator(`.fc-daygrid-day[data-date="${day}"]`).getByTestId('calendar-event');
    await expect.poll(() => onDay('2026-10-16').count()).toBe(1);
    await page.waitForTimeout(500); // the calendar re-reads the events after the move
    await drag('2026-10-10');
    const second = page.locator('.ant-modal-confirm').filter({ hasText: '2026-10-10' });
    await second.waitFor();
    expect(await second.innerText()).toContain('调休上班日');
    await second.getByRole('button', { name: /^不\s*改$/ }).click();
    await expect.poll(() => onDay('2026-10-16').count()).toBe(1);
    expect(await onDay('2026-10-10').count()).toBe(0);
    expect(core.ok('events.get', { id: event.id }).startAt).toBe('2026-10-16T09:00:00+08:00');
    const history = core.ok('audit.list', { recordId: event.id });
    expect(history.some((h) => h.action === 'update' && h.after?.startAt === '2026-10-16T09:00:00+08:00')).toBe(true);

    // The filters: search words (through the core's index, pinyin too) and status.
    const count = page.getByTestId('event-count');
    await page.getByPlaceholder(/搜索活动名称/).fill('没有这个活动');
    await expect.poll(() => count.innerText(), { timeout: 20_000 }).toBe('本视图 0 场活动');
    await page.getByPlaceholder(/搜索活动名称/).fill('cgzh');
    await expect.poll(() => count.innerText(), { timeout: 20_000 }).toBe('本视图 1 场活动');
    await page.getByPlaceholder(/搜索活动名称/).fill('');
    await pickOption(page, page, '状态', '已取消');
    await expect.poll(() => count.innerText(), { timeout: 20_000 }).toBe('本视图 0 场活动');
    await pickOption(page, page, '状态', '计划中');
    await expect.poll(() => count.innerText(), { timeout: 20_000 }).toBe('本视图 1 场活动');
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('puts the third registrant of a two-place event on the waiting list and moves them up when a confirmed one cancels', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const day = addDays(shanghaiToday(), 30);
    await openEventsPage(page);
    const dialog = await openNewEventForm(page);
    await dialog.getByLabel('活动名称').fill('氢能产业闭门研讨会');
    await fillPicker(dialog, '开始时间', `${day} 14:00`);
    await fillPicker(dialog, '结束时间', `${day} 17:00`);
    await dialog.getByLabel('人数上限').fill('2');
    // The core refuses a link that is not http(s): the message sits under the field, nothing typed is lost.
    await dialog.getByLabel('线上链接').fill('ftp://meeting.example.cn');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    if (await page.getByTestId('event-warnings').isVisible({ timeout: 1500 }).catch(() => false)) await page.getByRole('button', { name: '仍然保存' }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('应为 http:// 或 https:// 开头的链接');
    expect(await dialog.getByLabel('活动名称').inputValue()).toBe('氢能产业闭门研讨会');
    expect(await dialog.getByLabel('人数上限').inputValue()).toBe('2');
    await dialog.getByLabel('线上链接').fill('https://meeting.example.cn/h2');
    await saveEventForm(page, dialog);
    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await expect.poll(() => status(page)).toBe('已发布');

    await page.getByRole('tab', { name: /报名/ }).click();
    const people = [
      ['赵一鸣', '哈尔滨工业大学', '13900000001'],
      ['钱二丽', '吉林大学', '13900000002'],
      ['孙三强', '大连理工大学', '13900000003'],
    ] as const;
    for (const [name, organisation, phone] of people) {
      await page.getByRole('button', { name: '添加报名' }).click();
      const form = page.getByRole('dialog', { name: '添加报名' });
      await form.getByLabel('姓名').fill(name);
      await form.getByLabel('单位').fill(organisation);
      await form.getByLabel('手机号').fill(phone);
      await form.getByRole('button', { name: '提交报名' }).click();
      await expect.poll(() => page.getByTestId('registration-row').filter({ hasText: name }).count()).toBe(1);
    }
    const tagOf = (name: string) => page.getByTestId('registration-row').filter({ hasText: name }).getByTestId('registration-status').innerText();
    expect(await tagOf('赵一鸣')).toBe('已报名');
    expect(await tagOf('钱二丽')).toBe('已报名');
    expect(await tagOf('孙三强')).toBe('候补');
    expect(await page.getByTestId('registration-notice').innerText()).toContain('名额已满，孙三强 已列入候补名单');
    expect(await page.getByTestId('registration-counts').innerText()).toBe('已报名 2 / 上限 2 · 候补 1 · 已签到 0');
    await app.screenshot('55-event-waiting-list');

    await page.getByTestId('registration-row').filter({ hasText: '赵一鸣' }).getByRole('button', { name: '取消报名' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '取消报名' }).click();
    await expect.poll(() => page.getByTestId('registration-notice').innerText()).toContain('候补的「孙三强」（大连理工大学）转为已报名');
    await expect.poll(() => tagOf('孙三强')).toBe('已报名');
    expect(await tagOf('赵一鸣')).toBe('已取消');
    expect(await page.getByTestId('registration-counts').innerText()).toBe('已报名 2 / 上限 2 · 候补 0 · 已签到 0');
    await app.screenshot('56-event-moved-up');
    const event = core.ok('events.list', { query: '氢能产业' }).items[0]!;
    expect(core.ok('registrations.list', { eventId: event.id }).counts).toMatchObject({ confirmed: 2, waitlisted: 0 });
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('checks a badge in at the desk by its code, says so again on a second scan, finds people by pinyin initials and registers a walk-in, keyboard only', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const event = makeEvent(core, { title: '科技金融对接培训', day: shanghaiToday(), allDay: true, capacity: 50 });
    const zhang = register(core, event.id, '张三', '13812345678', '哈尔滨工业大学', '教授');
    register(core, event.id, '李四', '13900001111', '东北林业大学', '副院长');
    register(core, event.id, '王五', '13700002222', '哈尔滨工程大学', '');
    await openEventsPage(page);
    await openEvent(page, '科技金融对接培训');
    await page.getByRole('tab', { name: '签到' }).click();
    await page.getByRole('button', { name: '打开签到台' }).click();
    const desk = page.getByTestId('checkin-desk');
    await desk.waitFor();
    const input = page.getByTestId('desk-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByTestId('desk-registered').innerText()).toBe('3');
    const result = page.getByTestId('desk-result');

    // A scanner types the code and Enter.
    await page.keyboard.type(zhang.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => result.innerText()).toMatch(/签到成功：张三（哈尔滨工业大学）\s*\d\d:\d\d/);
    expect(await result.getAttribute('class')).toContain('ev-desk-result-success');
    expect(await page.getByTestId('desk-checked-in').innerText()).toBe('1');
    await app.screenshot('57-desk-success');
    await page.keyboard.type(zhang.code.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => result.innerText()).toMatch(/已签到过（\d\d:\d\d）/);
    expect(await result.getAttribute('class')).toContain('ev-desk-result-already');
    expect(await page.getByTestId('desk-checked-in').innerText()).toBe('1');

    // By pinyin initials (ls → 李四), by phone tail, and an unknown code.
    await page.keyboard.type('ls');
    await expect.poll(() => page.getByTestId('desk-row').count()).toBe(1);
    expect(await page.getByTestId('desk-row').innerText()).toContain('李四');
    await page.keyboard.press('Enter');
    await expect.poll(() => result.innerText()).toContain('签到成功：李四（东北林业大学）');
    await page.keyboard.type('2222');
    await expect.poll(() => page.getByTestId('desk-row').count()).toBe(1);
    expect(await page.getByTestId('desk-row').innerText()).toContain('王五');
    await page.keyboard.press('Escape');
    await page.keyboard.type('ZZZZZZ');
    await page.keyboard.press('Enter');
    await expect.poll(() => result.innerText()).toContain('签到码 ZZZZZZ 不是本活动的报名');
    expect(await result.getAttribute('class')).toContain('ev-desk-result-error');

    // 现场登记 with the keyboard: F2, type, Tab, Enter.
    await page.keyboard.press('F2');
    const walkIn = page.getByTestId('walk-in-form');
    await walkIn.waitFor();
    await page.keyboard.type('赵六');
    await page.keyboard.press('Tab');
    await page.keyboard.type('哈尔滨医科大学');
    await walkIn.getByLabel('手机号').focus();
    await page.keyboard.type('13600003333');
    await page.keyboard.press('Enter');
    await expect.poll(() => result.innerText()).toMatch(/现场登记成功：赵六（哈尔滨医科大学）/);
    await expect.poll(() => page.getByTestId('desk-checked-in').innerText()).toBe('3');
    expect(await page.getByTestId('desk-registered').innerText()).toBe('4');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('zl');
    await expect.poll(() => page.getByTestId('desk-row').count()).toBe(1);
    await page.keyboard.press('Escape');
    await app.screenshot('58-checkin-desk');
    expect(core.ok('registrations.list', { eventId: event.id }).counts).toMatchObject({ confirmed: 4, checkedIn: 3, walkIns: 1 });
    await desk.getByRole('button', { name: /退出签到台/ }).click();
    await page.getByTestId('event-detail').waitFor();
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('marks an event that has begun as held and completes its summary with one agreement', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const event = makeEvent(core, { title: '冰雪装备产学研对接会', day: shanghaiToday(), allDay: true });
    const r = register(core, event.id, '周八', '13500004444');
    core.ok('registrations.checkIn', { eventId: event.id, code: r.code });
    register(core, event.id, '吴九', '13500005555');
    await openEventsPage(page);
    await openEvent(page, '冰雪装备产学研对接会');
    await page.getByRole('button', { name: '标记已举办' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '标记已举办' }).click();
    await expect.poll(() => status(page)).toBe('已举办');
    await page.getByRole('button', { name: '完成总结' }).click();
    const outcome = page.getByTestId('outcome');
    await outcome.waitFor();
    expect(await page.getByTestId('attendance').innerText()).toBe('1');
    await outcome.getByRole('button', { name: '添加签约' }).click();
    await outcome.getByLabel('签约项目名称 1').fill('冰雪装备联合实验室共建协议');
    await outcome.getByLabel('签约方 1').fill('哈尔滨工业大学、某冰雪装备公司');
    await outcome.getByRole('button', { name: '添加对接项目' }).click();
    await outcome.getByLabel('项目名称 1', { exact: true }).fill('智能造雪机');
    await outcome.getByLabel('备注').fill('下一步组织现场考察。');
    await outcome.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') });
    await expect.poll(() => outcome.getByTestId('attachments').innerText()).toContain('现场照片.png');
    await app.screenshot('59-event-outcome');
    await outcome.getByRole('button', { name: '保存并完成总结' }).click();
    await expect.poll(() => status(page)).toBe('已总结');
    const saved = core.ok('events.get', { id: event.id });
    expect(saved.outcome.agreements).toEqual([{ title: '冰雪装备联合实验室共建协议', parties: '哈尔滨工业大学、某冰雪装备公司' }]);
    expect(saved.outcome.projectsMatched).toEqual([{ title: '智能造雪机', note: '' }]);
    expect(saved.outcome.notes).toBe('下一步组织现场考察。');
    expect(core.ok('events.get', { id: event.id }).attachments.map((a) => a.fileName)).toEqual(['现场照片.png']);
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('exports one event as an .ics file and imports a calendar file after a preview, refusing a file that is not iCalendar', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    makeEvent(core, { title: '东北振兴科技论坛', day: shanghaiToday(), allDay: true });
    await openEventsPage(page);
    await openEvent(page, '东北振兴科技论坛');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 ICS' }).click()]);
    expect(download.suggestedFilename()).toBe('东北振兴科技论坛.ics');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('东北振兴科技论坛');
    await closeEvent(page);

    await page.getByRole('button', { name: '导入 ICS' }).click();
    const importer = page.getByTestId('ics-import');
    await importer.locator('input[type=file]').setInputFiles({ name: '会议纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是日历文件') });
    await expect.poll(() => importer.getByTestId('ics-error').innerText()).toContain('不是有效的 iCalendar (.ics) 文件');
    const calendar = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//CN',
      'BEGIN:VEVENT',
      'UID:forum-1@example.cn',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261210T010000Z',
      'DTEND:20261210T040000Z',
      'SUMMARY:黑土地保护技术交流会',
      'LOCATION:长春高新区',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:forum-2@example.cn',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261211T010000Z',
      'DTEND:20261211T040000Z',
      'SUMMARY:已取消的会议',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await importer.locator('input[type=file]').setInputFiles({ name: '外部日历.ics', mimeType: 'text/calendar', buffer: Buffer.from(calendar) });
    await expect.poll(() => importer.getByTestId('ics-row').count()).toBe(2);
    expect(await importer.getByTestId('ics-summary').innerText()).toBe('共 2 场，可导入 1 场，跳过 1 场');
    expect(await importer.getByTestId('ics-row').filter({ hasText: '黑土地保护技术交流会' }).innerText()).toContain('2026-12-10 09:00–12:00');
    expect(await importer.getByTestId('ics-row').filter({ hasText: '已取消的会议' }).innerText()).toContain('跳过：已取消的活动不导入');
    await app.screenshot('60-ics-import-preview');
    await page.getByRole('button', { name: '确认导入（1）' }).click();
    await expect.poll(() => core.ok('events.list', { query: '黑土地' }).items.length).toBe(1);
    expect(core.ok('events.list', { query: '黑土地' }).items[0]!.startAt).toBe('2026-12-10T09:00:00+08:00');
    expect(core.ok('events.list', { query: '已取消的会议' }).items).toHaveLength(0);
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('prints a sign-in sheet and badges with QR codes on A4', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const event = makeEvent(core, { title: '东北高新区联盟年度工作会议', day: addDays(shanghaiToday(), 1), capacity: 100 });
    const names = ['欧阳澍', '张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄涛'];
    names.forEach((name, i) => register(core, event.id, name, `1380000${String(1000 + i)}`, i % 2 ? '吉林大学' : '哈尔滨工业大学', i % 3 ? '主任' : '研究员'));
    await openEventsPage(page);
    await gotoMonth(page, addDays(shanghaiToday(), 1).slice(0, 7));
    await openEvent(page, '东北高新区联盟年度工作会议');
    await page.getByRole('tab', { name: '签到' }).click();
    await page.getByRole('button', { name: '打印签到表' }).click();
    const view = page.getByTestId('print-view');
    await expect.poll(() => view.getAttribute('data-ready')).toBe('true');
    const sheet = page.getByTestId('sign-in-sheet');
    expect(await sheet.locator('tbody tr').count()).toBe(names.length + 6);
    expect(await sheet.locator('tbody tr').first().innerText()).toMatch(/1\s+欧阳澍\s+哈尔滨工业大学\s+研究员\s+1000/);
    await app.screenshot('61-print-sign-in-sheet');
    const sheetPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const sheetPages = pdfPages(sheetPdf);
    expect(sheetPages.length).toBeGreaterThanOrEqual(1);
    for (const p of sheetPages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]); // A4 in points
    const sheetChars = pdfCharacters(sheetPdf);
    for (const c of '欧阳澍签到表东北高新区联盟年度工作会议') expect(sheetChars.has(c), c).toBe(true);

    await page.getByText('胸牌（每页 8 个）', { exact: true }).click();
    await page.getByTestId('badges').waitFor();
    expect(await page.getByTestId('badge').count()).toBe(names.length);
    await expect.poll(() => page.getByTestId('badge').locator('img').first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByTestId('badge').first().innerText()).toMatch(/欧阳澍[\s\S]*[23456789A-Z]{6}/);
    await app.screenshot('62-print-badges');
    const badgePdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const badgePages = pdfPages(badgePdf);
    expect(badgePages).toHaveLength(2); // 9 badges, 8 a page
    for (const p of badgePages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(pdfCharacters(badgePdf).has('澍')).toBe(true);
    expect(app.errors).toEqual([]);
  }, 90_000);
  it('postpones an event with a reason and new dates, then cancels it with a reason', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    const day = shanghaiToday();
    const event = makeEvent(core, { title: '长吉图协同创新座谈会', day, allDay: true });
    const later = addDays(day, 7);
    await openEventsPage(page);
    await openEvent(page, '长吉图协同创新座谈会');
    await page.getByRole('button', { name: /^延\s*期$/ }).click();
    const dialog = page.getByRole('dialog', { name: /延期 · 长吉图协同创新座谈会/ });
    await dialog.getByRole('button', { name: /^延\s*期$/ }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('理由：必填');
    await dialog.getByLabel('理由').fill('主讲嘉宾行程调整');
    await fillPicker(dialog, '新的开始日期（可选）', later);
    await fillPicker(dialog, '新的结束日期（可选，含当天）', later);
    await page.waitForTimeout(300);
    await app.screenshot('63-event-postpone');
    await dialog.getByRole('button', { name: /^延\s*期$/ }).click();
    await expect.poll(() => status(page)).toBe('已延期');
    expect(await page.getByTestId('status-reason').innerText()).toContain('主讲嘉宾行程调整');
    const postponed = core.ok('events.get', { id: event.id });
    expect([postponed.startAt, postponed.endAt]).toEqual([`${later}T00:00:00+08:00`, `${addDays(later, 1)}T00:00:00+08:00`]);

    await page.getByRole('button', { name: '取消活动' }).click();
    const cancel = page.getByRole('dialog', { name: /取消活动 · 长吉图协同创新座谈会/ });
    await cancel.getByLabel('理由').fill('与省里会议冲突，另行安排');
    await cancel.getByRole('button', { name: '取消活动' }).click();
    await expect.poll(() => status(page)).toBe('已取消');
    expect(await page.getByTestId('status-reason').innerText()).toContain('与省里会议冲突');
    expect(core.ok('events.get', { id: event.id }).statusReason).toBe('与省里会议冲突，另行安排');
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('reminds once of an event starting within a day, and opens it from the reminder', async () => {
    const app = await session.open(setUpAs('HRB', 'secretariat'));
    const { page, core } = app;
    await allowReminders(page);
    const start = Date.now() + 2 * 3_600_000;
    core.ok('events.create', { typeId: typeId(core, 'training'), title: '知识产权运营培训', startAt: toShanghaiIso(start), endAt: toShanghaiIso(start + 3_600_000), venue: '长春高新区服务中心' });
    await page.reload();
    const reminder = page.getByTestId('event-reminder');
    await reminder.waitFor();
    expect(await reminder.innerText()).toMatch(/活动提醒[\s\S]*「知识产权运营培训」将于 .* 开始，地点：长春高新区服务中心/);
    expect(await page.evaluate(() => localStorage.getItem('alliance.eventReminders.shown'))).toContain('starts:');
    await reminder.click();
    await page.getByTestId('event-detail').waitFor();
    expect(await page.locator('.ant-drawer-title').innerText()).toContain('知识产权运营培训');
    // Shown once: not again after a reload.
    await page.reload();
    await page.getByTestId('installation-identity').waitFor();
    await page.waitForTimeout(1000);
    expect(await reminder.count()).toBe(0);
    expect(app.errors).toEqual([]);
  }, 90_000);
});
