import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_ACTIONS, RESOURCE_STATUSES, type ResourceAction, type ResourceStatus } from '../../shared/domain/resource';
import { actAs, forceStatus, instrumentInput, zoneId } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';

type Who = 'secretariat' | 'owner' | 'other';
const IDENTITY: Record<Who, [string, 'secretariat' | 'member']> = { secretariat: ['HRB', 'secretariat'], owner: ['SY', 'member'], other: ['DL', 'member'] };

/** The workflow as the issue states it, written out by hand (not derived from the machine under test). */
const ALLOWED: Record<ResourceStatus, Partial<Record<ResourceAction, Who[]>>> = {
  draft: { submit: ['owner'], archive: ['owner', 'secretariat'] },
  submitted: { withdraw: ['owner'], return: ['secretariat'], approve: ['secretariat'] },
  returned: { submit: ['owner'], archive: ['owner', 'secretariat'] },
  approved: { publish: ['secretariat'], archive: ['owner', 'secretariat'] },
  published: { archive: ['owner', 'secretariat'] },
  archived: { restore: ['owner', 'secretariat'] },
};
const NEXT: Record<ResourceAction, ResourceStatus> = { submit: 'submitted', withdraw: 'draft', return: 'returned', approve: 'approved', publish: 'published', archive: 'archived', restore: 'draft' };

describe('the resource workflow', () => {
  let core: TempCore;
  let resourceId: string;
  beforeAll(() => {
    core = setUpCore('SY', 'member');
    resourceId = core.ok('resources.create', instrumentInput(core)).id;
  });
  afterAll(() => core.remove());

  const cases = RESOURCE_STATUSES.flatMap((status) => RESOURCE_ACTIONS.flatMap((action) => (['secretariat', 'owner', 'other'] as Who[]).map((who) => [status, action, who] as const)));

  it.each(cases)('from %s, %s by %s is allowed only if the workflow says so', (status, action, who) => {
    const version = forceStatus(core, resourceId, status);
    actAs(core, ...IDENTITY[who]);
    const expected = ALLOWED[status][action]?.includes(who) ?? false;
    const result = core.dispatch('resources.transition', { id: resourceId, version, action, comment: '请补充技术参数' });
    if (expected) {
      expect(result).toMatchObject({ ok: true, value: { status: NEXT[action] } });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['FORBIDDEN', 'CONFLICT', 'NOT_FOUND']).toContain(result.error.code);
      expect(core.db.prepare('SELECT status FROM resources WHERE id = ?').get(resourceId)).toEqual({ status });
    }
  });

  it('requires a reason to return a submission, and shows it to the owner', () => {
    const version = forceStatus(core, resourceId, 'submitted');
    actAs(core, 'HRB', 'secretariat');
    expect(core.fails('resources.transition', { id: resourceId, version, action: 'return' })).toMatchObject({ code: 'VALIDATION', fields: { comment: '必填' } });
    expect(core.fails('resources.transition', { id: resourceId, version, action: 'return', comment: '   ' })).toMatchObject({ code: 'VALIDATION' });
    core.ok('resources.transition', { id: resourceId, version, action: 'return', comment: '请补充开放时间' });
    actAs(core, 'SY', 'member');
    const detail = core.ok('resources.get', { id: resourceId });
    expect(detail).toMatchObject({ status: 'returned', reviewComment: '请补充开放时间', editable: true });
    expect(detail.allowedActions).toContain('submit');
  });
});

describe('registering and reviewing end to end in the core', () => {
  let core: TempCore;
  afterAll(() => core.remove());

  it('runs register → submit → return → resubmit → approve → publish, with every step in the history', () => {
    core = setUpCore('SY', 'member');
    let r = core.ok('resources.create', instrumentInput(core));
    expect(r).toMatchObject({ status: 'draft', ownerZoneId: zoneId(core, 'SY'), version: 1 });
    r = core.ok('resources.transition', { id: r.id, version: r.version, action: 'submit' });
    actAs(core, 'HRB', 'secretariat');
    r = core.ok('resources.transition', { id: r.id, version: r.version, action: 'return', comment: '缺少技术参数' });
    actAs(core, 'SY', 'member');
    r = core.ok('resources.update', { id: r.id, version: r.version, patch: { extra: { ...r.extra, technicalParameters: '分辨率 0.8 nm' } } });
    r = core.ok('resources.transition', { id: r.id, version: r.version, action: 'submit' });
    expect(core.fails('resources.update', { id: r.id, version: r.version, patch: { title: '改名' } })).toMatchObject({ code: 'FORBIDDEN' });
    actAs(core, 'HRB', 'secretariat');
    r = core.ok('resources.transition', { id: r.id, version: r.version, action: 'approve' });
    r = core.ok('resources.transition', { id: r.id, version: r.version, action: 'publish' });
    expect(r).toMatchObject({ status: 'published', reviewComment: '' });
    expect(r.publishedAt).not.toBeNull();
    const history = core.ok('audit.list', { recordId: r.id });
    expect(history.map((e) => e.action).reverse()).toEqual(['create', 'transition', 'transition', 'update', 'transition', 'transition', 'transition']);
    expect(history.find((e) => e.after?.action === 'return')?.after).toMatchObject({ status: 'returned', comment: '缺少技术参数' });
  });

  it('bulk-approves what it can and reports the rest by title', () => {
    const c = setUpCore('SY', 'member');
    try {
      const a = c.ok('resources.create', instrumentInput(c, { title: '仪器甲' }));
      const b = c.ok('resources.create', instrumentInput(c, { title: '仪器乙' }));
      const sa = c.ok('resources.transition', { id: a.id, version: 1, action: 'submit' });
      actAs(c, 'HRB', 'secretariat');
      const result = c.ok('resources.bulkTransition', { action: 'approve', items: [{ id: sa.id, version: sa.version }, { id: b.id, version: b.version }] });
      expect(result.done).toEqual([a.id]);
      expect(result.failed).toEqual([{ id: b.id, title: '仪器乙', message: expect.stringContaining('草稿') }]);
      expect(c.ok('resources.get', { id: a.id }).status).toBe('approved');
    } finally {
      c.remove();
    }
  });
});
