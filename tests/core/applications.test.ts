import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weightedScore } from '../../shared/domain/scenario-application';
import { actAs, zoneId } from '../helpers/resources';
import { applicationInput, passDeadline, publishedListing } from '../helpers/scenarios';
import { setUpCore, type TempCore } from '../helpers/temp-core';

// The listing belongs to 包头稀土高新区 (BT); applicants come from 哈尔滨 (HRB) and 沈阳 (SY).
describe('揭榜: applying to a listing', () => {
  let core: TempCore;
  let listing: { id: string; version: number };
  beforeEach(() => {
    core = setUpCore('BT', 'member');
    listing = publishedListing(core);
  });
  afterEach(() => core.remove());

  it('takes an application from another zone, fixed to that zone, as 已申报', () => {
    actAs(core, 'SY');
    const a = core.ok('applications.create', applicationInput(listing.id, '沈阳某电驱动科技有限公司'));
    expect(a).toMatchObject({ status: 'submitted', applicantZoneId: zoneId(core, 'SY'), scenarioOwnerZoneId: zoneId(core, 'BT') });
    expect(core.fails('applications.create', { ...applicationInput(listing.id, '代报单位'), applicantZoneId: zoneId(core, 'DL') }).code).toBe('FORBIDDEN');
  });

  it('refuses the same organisation twice on one listing', () => {
    core.ok('applications.create', applicationInput(listing.id, '包头稀土研究院'));
    const before = core.snapshot();
    expect(core.fails('applications.create', applicationInput(listing.id, '包头稀土研究院'))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已申报该清单') });
    expect(core.snapshot()).toBe(before);
  });

  it('refuses an application after the deadline, naming the date, and saves nothing', () => {
    passDeadline(core, listing.id);
    const before = core.snapshot();
    const error = core.fails('applications.create', applicationInput(listing.id, '迟到的单位'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/申报已于 \d{4}-\d{2}-\d{2} 截止/);
    expect(core.snapshot()).toBe(before);
  });

  it('refuses an application to a cancelled listing or a draft', () => {
    const current = core.ok('scenarios.get', { id: listing.id });
    core.ok('scenarios.transition', { id: listing.id, version: current.version, action: 'cancel', comment: '项目取消' });
    const before = core.snapshot();
    expect(core.fails('applications.create', applicationInput(listing.id, '某单位')).message).toContain('已取消（项目取消）');
    expect(core.snapshot()).toBe(before);
  });

  const BAD: Array<[what: string, label: string, overrides: Record<string, unknown>]> = [
    ['an empty organisation', '申报单位', { organisation: ' ' }],
    ['an unknown organisation type', '单位类型', { organisationType: 'company' }],
    ['an empty proposal', '方案摘要', { proposalSummary: '' }],
    ['a 3001-character proposal', '方案摘要', { proposalSummary: '案'.repeat(3001) }],
    ['a bad phone', '联系电话', { contactPhone: '0451' }],
    ['a bad listing id', '场景', { scenarioId: 'not-an-id' }],
    ['an unknown field', '输入', { score: 100 }],
  ];
  it.each(BAD)('refuses %s with a message naming %s', (_what, label, overrides) => {
    const before = core.snapshot();
    const error = core.fails('applications.create', { ...applicationInput(listing.id, '某单位'), ...overrides });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(label === '输入' ? '输入有误' : label);
    expect(core.snapshot()).toBe(before);
  });
});

describe('scoring and ranking', () => {
  let core: TempCore;
  let listing: { id: string; version: number };
  let first: string;
  let second: string;
  beforeEach(() => {
    core = setUpCore('BT', 'member');
    listing = publishedListing(core); // 技术方案 60 % · 团队实力 40 %
    actAs(core, 'HRB', 'secretariat');
    first = core.ok('applications.create', { ...applicationInput(listing.id, '哈尔滨工业大学'), applicantZoneId: zoneId(core, 'HRB') }).id;
    second = core.ok('applications.create', { ...applicationInput(listing.id, '沈阳某电驱动科技有限公司'), applicantZoneId: zoneId(core, 'SY') }).id;
  });
  afterEach(() => core.remove());

  it('ranks by the weighted score of the reviewers’ mean per criterion', () => {
    core.ok('applications.score', { applicationId: first, reviewer: '王专家', scores: { c1: 90, c2: 80 } });
    core.ok('applications.score', { applicationId: first, reviewer: '刘专家', scores: { c1: 80, c2: 90 } });
    const ranking = core.ok('applications.score', { applicationId: second, reviewer: '王专家', scores: { c1: 70, c2: 95 } });
    // first: means 85 / 85 → 85.00; second: 70·0.6 + 95·0.4 = 80.00
    expect(ranking.applications.map((a) => [a.organisation, a.weightedScore, a.rank, a.reviewerCount])).toEqual([
      ['哈尔滨工业大学', 85, 1, 2],
      ['沈阳某电驱动科技有限公司', 80, 2, 1],
    ]);
    expect(ranking.applications[0]!.criterionMeans).toEqual({ c1: 85, c2: 85 });
  });

  it('replaces a reviewer’s scores when they score again, and ties share a rank', () => {
    core.ok('applications.score', { applicationId: first, reviewer: '王专家', scores: { c1: 50, c2: 50 } });
    core.ok('applications.score', { applicationId: first, reviewer: '王专家', scores: { c1: 80, c2: 80 } });
    const ranking = core.ok('applications.score', { applicationId: second, reviewer: '王专家', scores: { c1: 80, c2: 80 } });
    expect(ranking.applications.map((a) => [a.weightedScore, a.rank, a.reviewerCount])).toEqual([
      [80, 1, 1],
      [80, 1, 1],
    ]);
  });

  it('shows each reviewer’s scores to the secretariat only; zones see the combined score', () => {
    core.ok('applications.score', { applicationId: first, reviewer: '王专家', scores: { c1: 90, c2: 80 } });
    const secretariat = core.ok('applications.ranking', { scenarioId: listing.id });
    expect(secretariat.showsReviewers).toBe(true);
    expect(secretariat.applications[0]!.reviewers).toEqual([expect.objectContaining({ reviewer: '王专家', scores: { c1: 90, c2: 80 }, weighted: 86 })]);
    actAs(core, 'BT');
    const owner = core.ok('applications.ranking', { scenarioId: listing.id });
    expect(owner).toMatchObject({ showsReviewers: false, mayScore: true });
    expect(owner.applications[0]).not.toHaveProperty('reviewers');
    expect(owner.applications[0]!.weightedScore).toBe(86);
    // The record's history (readable by members) names the reviewer but not the scores.
    const history = JSON.stringify(core.ok('audit.list', { recordId: first }));
    expect(history).toContain('王专家');
    expect(history).not.toContain('"c1":90');
  });

  it('lets an applicant zone see only its own application, and not score', () => {
    actAs(core, 'SY');
    const ranking = core.ok('applications.ranking', { scenarioId: listing.id });
    expect(ranking.applications.map((a) => a.organisation)).toEqual(['沈阳某电驱动科技有限公司']);
    expect(ranking.mayScore).toBe(false);
    const before = core.snapshot();
    expect(core.fails('applications.score', { applicationId: second, reviewer: '自评', scores: { c1: 100, c2: 100 } }).code).toBe('FORBIDDEN');
    expect(core.fails('applications.score', { applicationId: first, reviewer: '自评', scores: { c1: 100, c2: 100 } }).code).toBe('NOT_FOUND');
    expect(core.snapshot()).toBe(before);
  });

  const BAD_SCORES: Array<[what: string, scores: unknown, message: string]> = [
    ['a score above 100', { c1: 101, c2: 50 }, '不能高于 100 分'],
    ['a negative score', { c1: -1, c2: 50 }, '不能低于 0 分'],
    ['a score as text', { c1: '九十', c2: 50 }, '必须是数字'],
    ['a criterion the listing does not have', { c1: 90, c2: 80, c9: 70 }, '不是该清单的评分标准'],
    ['a missing criterion', { c1: 90 }, '缺少「团队实力」的分数'],
    ['no scores at all', {}, '至少给一项评分'],
  ];
  it.each(BAD_SCORES)('refuses %s and saves nothing', (_what, scores, message) => {
    const before = core.snapshot();
    expect(core.fails('applications.score', { applicationId: first, reviewer: '王专家', scores }).message).toContain(message);
    expect(core.snapshot()).toBe(before);
  });

  it('freezes the criteria once anyone has scored', () => {
    core.ok('applications.score', { applicationId: first, reviewer: '王专家', scores: { c1: 90, c2: 80 } });
    const s = core.ok('scenarios.get', { id: listing.id });
    const error = core.fails('scenarios.update', { id: s.id, version: s.version, patch: { criteria: [{ key: 'c1', name: '技术方案', weight: 50 }, { key: 'c2', name: '团队实力', weight: 50 }] } });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('评分标准不能再修改') });
  });

  it('selecting one moves the listing to 已揭榜; rejecting needs a reason; a withdrawn one drops out of the ranking', () => {
    core.ok('applications.score', { applicationId: first, reviewer: '王专家', scores: { c1: 90, c2: 80 } });
    core.ok('applications.score', { applicationId: second, reviewer: '王专家', scores: { c1: 60, c2: 60 } });
    let ranking = core.ok('applications.ranking', { scenarioId: listing.id });
    const [top, other] = ranking.applications;
    expect(top!.allowedActions).toEqual(['shortlist', 'select', 'reject', 'withdraw']);
    expect(core.fails('applications.transition', { id: other!.id, version: other!.version, action: 'reject' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('必须填写理由') });
    core.ok('applications.transition', { id: top!.id, version: top!.version, action: 'shortlist' });
    ranking = core.ok('applications.ranking', { scenarioId: listing.id });
    const shortlisted = ranking.applications.find((a) => a.id === top!.id)!;
    core.ok('applications.transition', { id: shortlisted.id, version: shortlisted.version, action: 'select' });
    expect(core.ok('scenarios.get', { id: listing.id })).toMatchObject({ status: 'matched', matchedApplicationId: top!.id });
    core.ok('applications.transition', { id: other!.id, version: other!.version, action: 'withdraw' });
    ranking = core.ok('applications.ranking', { scenarioId: listing.id });
    expect(ranking.applications.map((a) => [a.status, a.rank])).toEqual([
      ['selected', 1],
      ['withdrawn', null],
    ]);
  });

  it('a second selection is refused once the listing is matched, and nothing changes', () => {
    const ranking = core.ok('applications.ranking', { scenarioId: listing.id });
    const [a, b] = ranking.applications;
    core.ok('applications.transition', { id: a!.id, version: a!.version, action: 'select' });
    const before = core.snapshot();
    expect(core.fails('applications.transition', { id: b!.id, version: b!.version, action: 'select' })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已揭榜') });
    expect(core.snapshot()).toBe(before);
  });
});

describe('the weighted score', () => {
  it.each([
    [{ c1: 90, c2: 80 }, 86],
    [{ c1: 100, c2: 100 }, 100],
    [{ c1: 0, c2: 0 }, 0],
    [{ c1: 33.3, c2: 66.7 }, 46.66],
    [{}, null],
  ])('of %o under 60/40 weights is %s', (scores, expected) => {
    expect(weightedScore([{ key: 'c1', weight: 60 }, { key: 'c2', weight: 40 }], scores)).toBe(expected);
  });
});
