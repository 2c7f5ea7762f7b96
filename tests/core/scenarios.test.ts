import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadlineState, type ScenarioStatus } from '../../shared/domain/scenario';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import { actAs, zoneId } from '../helpers/resources';
import { challengeInput, passDeadline, publishedListing, scenarioCategoryId } from '../helpers/scenarios';
import { setUpCore, type TempCore } from '../helpers/temp-core';

const today = shanghaiToday();

describe('a listing goes through one lifecycle', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('BT', 'member');
  });
  afterEach(() => core.remove());

  it('is created as a draft of the member’s own zone and published by it', () => {
    const draft = core.ok('scenarios.create', challengeInput(core));
    expect(draft).toMatchObject({ status: 'draft', ownerZoneId: zoneId(core, 'BT'), kind: 'challenge', rewardWan: 500, publishedAt: null });
    expect(core.ok('scenarios.get', { id: draft.id }).allowedActions).toEqual(['publish', 'cancel']);
    const published = core.ok('scenarios.transition', { id: draft.id, version: draft.version, action: 'publish' });
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const detail = core.ok('scenarios.get', { id: draft.id });
    expect(detail).toMatchObject({ acceptingApplications: true, mayApply: true, mayEvaluate: true });
    expect(detail.allowedActions).toEqual(['evaluate', 'cancel']);
  });

  it('walks published → evaluating → (select) matched → implementing → accepted, each step in the history', () => {
    const { id } = publishedListing(core);
    const application = core.ok('applications.create', { scenarioId: id, organisation: '包头稀土研究院', organisationType: 'institute', proposalSummary: '方案', contactPerson: '李' });
    let s = core.ok('scenarios.get', { id });
    s = { ...s, ...core.ok('scenarios.transition', { id, version: s.version, action: 'evaluate' }) };
    expect(s.status).toBe('evaluating');
    // Evaluation stops new applications; those already in are decided.
    expect(core.fails('applications.create', { scenarioId: id, organisation: '迟到的单位', organisationType: 'enterprise', proposalSummary: '方案', contactPerson: '赵' }).message).toContain('已停止征集');
    core.ok('applications.transition', { id: application.id, version: application.version, action: 'select' });
    s = core.ok('scenarios.get', { id });
    expect(s).toMatchObject({ status: 'matched', matchedApplicationId: application.id });
    s = { ...s, ...core.ok('scenarios.transition', { id, version: s.version, action: 'implement' }) };
    s = { ...s, ...core.ok('scenarios.transition', { id, version: s.version, action: 'accept' }) };
    expect(s.status).toBe('accepted');
    expect(core.ok('scenarios.get', { id })).toMatchObject({ editable: false, allowedActions: [] });
    const steps = core.ok('audit.list', { recordId: id }).map((e) => (e.after as { action?: string } | null)?.action).filter(Boolean);
    expect(steps).toEqual(expect.arrayContaining(['publish', 'evaluate', 'match', 'implement', 'accept']));
  });

  it.each<[ScenarioStatus]>([['draft'], ['published'], ['evaluating'], ['matched'], ['implementing']])('can be cancelled from %s with a reason, and not without one', (status) => {
    const created = core.ok('scenarios.create', challengeInput(core));
    core.db.prepare('UPDATE scenarios SET status = ? WHERE id = ?').run(status, created.id);
    const before = core.snapshot();
    expect(core.fails('scenarios.transition', { id: created.id, version: created.version, action: 'cancel' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('必须填写理由') });
    expect(core.fails('scenarios.transition', { id: created.id, version: created.version, action: 'cancel', comment: '   ' }).code).toBe('VALIDATION');
    expect(core.snapshot()).toBe(before);
    const cancelled = core.ok('scenarios.transition', { id: created.id, version: created.version, action: 'cancel', comment: '需求方已自行解决' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '需求方已自行解决' });
  });

  it('cannot be cancelled once accepted, nor matched by a direct transition', () => {
    const created = core.ok('scenarios.create', challengeInput(core));
    core.db.prepare("UPDATE scenarios SET status = 'accepted' WHERE id = ?").run(created.id);
    expect(core.fails('scenarios.transition', { id: created.id, version: created.version, action: 'cancel', comment: '理由' })).toMatchObject({ code: 'CONFLICT', message: '当前状态为「已验收」，不能「取消」。' });
    expect(core.fails('scenarios.transition', { id: created.id, version: created.version, action: 'match' }).code).toBe('VALIDATION');
  });

  it('refuses to publish with the deadline in the past or missing, saying which date and today', () => {
    const past = core.ok('scenarios.create', challengeInput(core, { deadline: addDays(today, -1) }));
    const before = core.snapshot();
    const error = core.fails('scenarios.transition', { id: past.id, version: past.version, action: 'publish' });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { deadline: '已经过去' } });
    expect(error.message).toContain(`今天是 ${today}`);
    expect(core.snapshot()).toBe(before);
    const none = core.ok('scenarios.create', challengeInput(core, { deadline: '' }));
    expect(core.fails('scenarios.transition', { id: none.id, version: none.version, action: 'publish' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('发布前必须填写') });
    const capability = core.ok('scenarios.create', challengeInput(core, { kind: 'capability', deadline: '', criteria: [], rewardWan: null }));
    expect(core.ok('scenarios.transition', { id: capability.id, version: capability.version, action: 'publish' }).status).toBe('published');
  });

  it('publishes with today as the deadline (the deadline day still counts)', () => {
    const created = core.ok('scenarios.create', challengeInput(core, { deadline: today }));
    expect(core.ok('scenarios.transition', { id: created.id, version: created.version, action: 'publish' }).status).toBe('published');
    expect(core.ok('scenarios.get', { id: created.id }).acceptingApplications).toBe(true);
  });

  it('stops taking applications once the deadline passes, and says so', () => {
    const { id } = publishedListing(core);
    passDeadline(core, id);
    expect(core.ok('scenarios.get', { id })).toMatchObject({ acceptingApplications: false, mayApply: false });
  });

  it('lets another zone see a published listing but not act on it, and hides drafts from it', () => {
    const draft = core.ok('scenarios.create', challengeInput(core, { title: '草稿清单' }));
    const { id } = publishedListing(core);
    actAs(core, 'SY');
    expect(core.fails('scenarios.get', { id: draft.id }).code).toBe('NOT_FOUND');
    const seen = core.ok('scenarios.get', { id });
    expect(seen).toMatchObject({ editable: false, allowedActions: [], mayEvaluate: false, mayApply: true });
    expect(core.fails('scenarios.transition', { id, version: seen.version, action: 'evaluate' }).code).toBe('FORBIDDEN');
    expect(core.fails('scenarios.update', { id, version: seen.version, patch: { title: '改名' } }).code).toBe('FORBIDDEN');
    expect(core.ok('scenarios.search', { query: '草稿清单' }).total).toBe(0);
  });

  it('refuses a stale edit and keeps the newer one', () => {
    const created = core.ok('scenarios.create', challengeInput(core));
    core.ok('scenarios.update', { id: created.id, version: created.version, patch: { title: '新名称' } });
    expect(core.fails('scenarios.update', { id: created.id, version: created.version, patch: { title: '旧页面的修改' } }).code).toBe('CONFLICT');
    expect(core.ok('scenarios.get', { id: created.id }).title).toBe('新名称');
  });
});

describe('the listing validator', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  const BAD: Array<[what: string, label: string, overrides: Record<string, unknown>]> = [
    ['an empty title', '名称', { title: '  ' }],
    ['a 101-character title', '名称', { title: '题'.repeat(101) }],
    ['an unknown kind', '清单类型', { kind: 'tender' }],
    ['a missing demand organisation', '需求单位', { demandOrganisation: undefined }],
    ['an empty description', '场景描述', { description: '' }],
    ['a control character in the description', '场景描述', { description: '需求\u0007说明' }],
    ['a negative budget', '预算下限', { budgetMinWan: -5 }],
    ['budget min above max', '预算上限', { budgetMinWan: 300, budgetMaxWan: 100 }],
    ['a budget as text', '预算上限', { budgetMaxWan: '一百万' }],
    ['an impossible deadline', '申报截止日期', { deadline: '2026-02-30' }],
    ['a deadline written with slashes', '申报截止日期', { deadline: '2026/12/31' }],
    ['a period ending before it starts', '实施结束', { periodStart: '2027-06-01', periodEnd: '2027-01-01' }],
    ['weights summing to 90%', '评分标准', { criteria: [{ key: 'c1', name: '技术', weight: 50 }, { key: 'c2', name: '团队', weight: 40 }] }],
    ['weights summing to 110%', '评分标准', { criteria: [{ key: 'c1', name: '技术', weight: 70 }, { key: 'c2', name: '团队', weight: 40 }] }],
    ['a zero weight', '权重', { criteria: [{ key: 'c1', name: '技术', weight: 100 }, { key: 'c2', name: '团队', weight: 0 }] }],
    ['a fractional weight', '权重', { criteria: [{ key: 'c1', name: '技术', weight: 50.5 }, { key: 'c2', name: '团队', weight: 49.5 }] }],
    ['two criteria with the same name', '评分标准', { criteria: [{ key: 'c1', name: '技术', weight: 50 }, { key: 'c2', name: '技术', weight: 50 }] }],
    ['a criterion without a name', '标准名称', { criteria: [{ key: 'c1', name: '', weight: 100 }] }],
    ['a bad phone', '联系电话', { contactPhone: '12345' }],
    ['a bad email', '电子邮箱', { contactEmail: 'a@b' }],
    ['eleven tags', '关键词标签', { tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }],
    ['a 21-character tag', '关键词标签', { tags: ['标'.repeat(21)] }],
    ['an unknown field', '输入', { secret: 1 }],
  ];

  it.each(BAD)('refuses %s with a Chinese message naming %s and saves nothing', (_what, label, overrides) => {
    const before = core.snapshot();
    const error = core.fails('scenarios.create', { ...challengeInput(core), ...overrides });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(label === '输入' ? '输入有误' : label);
    expect(core.snapshot()).toBe(before);
  });

  it('names the real sum when the weights are off', () => {
    const error = core.fails('scenarios.create', { ...challengeInput(core), criteria: [{ key: 'c1', name: '技术', weight: 50 }, { key: 'c2', name: '团队', weight: 40 }] });
    expect(error.message).toContain('各项权重之和应为 100%，现在是 90%');
  });

  it('checks budget order on the merged record of an update too', () => {
    const created = core.ok('scenarios.create', challengeInput(core, { budgetMinWan: 100, budgetMaxWan: 200 }));
    const before = core.snapshot();
    const error = core.fails('scenarios.update', { id: created.id, version: created.version, patch: { budgetMinWan: 250 } });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { budgetMaxWan: expect.stringContaining('不能小于下限') } });
    expect(core.snapshot()).toBe(before);
  });

  it('refuses an inactive category and a category that does not exist', () => {
    const id = scenarioCategoryId(core, 'smart-city');
    const category = core.ok('scenarioCategories.list').find((c) => c.id === id)!;
    core.ok('scenarioCategories.save', { id, version: category.version, code: category.code, name: category.name, keywords: category.keywords, active: false });
    expect(core.fails('scenarios.create', challengeInput(core, { categoryId: id })).message).toContain('已停用');
    expect(core.fails('scenarios.create', challengeInput(core, { categoryId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).message).toContain('找不到该场景类别');
  });
});

describe('scenario categories (the X)', () => {
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterEach(() => core.remove());

  it('come with the plan’s default fields, each with its field words', () => {
    const names = core.ok('scenarioCategories.list').map((c) => c.name);
    expect(names).toEqual(['智能制造', '新材料', '生物医药', '数字经济与人工智能', '低空经济', '冰雪经济与文旅', '现代农业与食品', '能源与双碳', '智慧城市']);
    expect(core.ok('scenarioCategories.list').find((c) => c.code === 'materials')!.keywords).toContain('稀土');
  });

  it('are added and edited by the secretariat only, with unique codes', () => {
    const added = core.ok('scenarioCategories.save', { code: 'marine', name: '海洋经济', keywords: ['海洋', '船舶', '海洋'] });
    expect(added.keywords).toEqual(['海洋', '船舶']);
    expect(core.fails('scenarioCategories.save', { code: 'marine', name: '重复' }).code).toBe('CONFLICT');
    actAs(core, 'SY');
    expect(core.fails('scenarioCategories.save', { code: 'other', name: '其他' }).code).toBe('FORBIDDEN');
  });
});

describe('deadline states', () => {
  it.each([
    ['', 'none'],
    [addDays(today, -1), 'closed'],
    [today, 'closingSoon'],
    [addDays(today, 6), 'closingSoon'],
    [addDays(today, 7), 'open'],
  ])('a deadline of %s reads as %s', (deadline, state) => {
    expect(deadlineState(deadline, today)).toBe(state);
  });
});

describe('files on listings and applications', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF');
  let core: TempCore;
  beforeEach(() => {
    core = setUpCore('BT', 'member');
  });
  afterEach(() => core.remove());

  it('hang on a listing and on an application, each under its own rules', () => {
    const { id } = publishedListing(core);
    const file = core.ok('attachments.add', { recordKind: 'scenario', recordId: id, fileName: '榜单说明.pdf', dataBase64: PDF.toString('base64') });
    expect(core.ok('scenarios.get', { id }).attachments.map((a) => a.fileName)).toEqual(['榜单说明.pdf']);
    actAs(core, 'SY');
    expect(core.ok('attachments.read', { id: file.id }).fileName).toBe('榜单说明.pdf');
    expect(core.fails('attachments.remove', { id: file.id }).code).toBe('FORBIDDEN');
    const application = core.ok('applications.create', { scenarioId: id, organisation: '沈阳某公司', organisationType: 'enterprise', proposalSummary: '方案', contactPerson: '李' });
    const proposal = core.ok('attachments.add', { recordKind: 'application', recordId: application.id, fileName: '方案.pdf', dataBase64: PDF.toString('base64') });
    actAs(core, 'DL');
    expect(core.fails('attachments.read', { id: proposal.id }).code).toBe('NOT_FOUND');
    actAs(core, 'BT');
    expect(core.ok('attachments.read', { id: proposal.id }).fileName).toBe('方案.pdf');
    const [ranked] = core.ok('applications.ranking', { scenarioId: id }).applications;
    // The listing's zone sees the proposal's files but does not change them.
    expect(ranked).toMatchObject({ attachments: [expect.objectContaining({ fileName: '方案.pdf' })], filesEditable: false });
    expect(core.fails('attachments.remove', { id: proposal.id }).code).toBe('FORBIDDEN');
  });

  it('cannot be added to a record kind that does not exist', () => {
    const { id } = publishedListing(core);
    expect(core.fails('attachments.add', { recordKind: 'zone', recordId: id, fileName: 'a.pdf', dataBase64: PDF.toString('base64') })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('记录类型') });
  });
});
