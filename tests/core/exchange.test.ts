import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forumInput, person } from '../helpers/events';
import { instrumentInput, zoneId } from '../helpers/resources';
import { applicationInput, publishedListing } from '../helpers/scenarios';
import { setUpCore, type TempCore } from '../helpers/temp-core';

/**
 * Installations exchanging signed packages: the secretariat (HRB) and two members (DQ, CC),
 * each on its own SQLite file, through the real channels.
 */

let hrb: TempCore;
let dq: TempCore;
let cc: TempCore;

beforeEach(() => {
  hrb = setUpCore('HRB', 'secretariat');
  dq = setUpCore('DQ', 'member');
  cc = setUpCore('CC', 'member');
});
afterEach(() => {
  for (const core of [hrb, dq, cc]) core.remove();
});

/** Exports a package from one installation and applies it on another. */
function send(from: TempCore, to: TempCore) {
  const file = from.ok('exchange.export', {});
  return to.ok('exchange.apply', { fileName: file.fileName, dataBase64: file.dataBase64 });
}

const fileOf = (file: { fileName: string; dataBase64: string }) => ({ fileName: file.fileName, dataBase64: file.dataBase64 });
const dump = (core: TempCore) => createHash('sha256').update(core.snapshot()).digest('hex');
const resourceRow = (core: TempCore, id: string) => core.db.prepare('SELECT title, status, owner_zone_id, category_id FROM resources WHERE id = ?').get(id) as { title: string; status: string; owner_zone_id: string; category_id: string } | undefined;

describe('a resource travels between installations', () => {
  it('goes from a member to the secretariat and back published, with zones and categories matched by code', () => {
    const created = dq.ok('resources.create', instrumentInput(dq, { title: '大庆 共聚焦显微镜' }));
    const submitted = dq.ok('resources.transition', { id: created.id, version: created.version, action: 'submit' });

    expect(submitted.status).toBe('submitted');
    const file = fileOf(dq.ok('exchange.export', {}));
    const preview = hrb.ok('exchange.preview', file);
    expect(preview.applied).toBe(false);
    expect(preview.kinds.find((k) => k.kind === 'resource')).toMatchObject({ added: 1 });
    expect(preview.keyNotice).toContain('首次收到「大庆高新区」的密钥');
    expect(resourceRow(hrb, created.id)).toBeUndefined();

    const received = hrb.ok('exchange.apply', file);
    expect(received.applied).toBe(true);
    const there = resourceRow(hrb, created.id);
    expect(there).toMatchObject({ title: '大庆 共聚焦显微镜', status: 'submitted', owner_zone_id: zoneId(hrb, 'DQ') });
    expect(hrb.ok('resources.search', { query: '共聚焦' }).total).toBe(1);

    const approved = hrb.ok('resources.transition', { id: created.id, version: hrb.ok('resources.get', { id: created.id }).version, action: 'approve' });
    hrb.ok('resources.transition', { id: created.id, version: approved.version, action: 'publish' });
    const back = send(hrb, dq);
    expect(back.kinds.find((k) => k.kind === 'resource')).toMatchObject({ updated: 1 });
    expect(resourceRow(dq, created.id)).toMatchObject({ status: 'published' });
    expect(dq.ok('resources.search', { query: '共聚焦' }).total).toBe(1); // the update is re-indexed (deferred to the package's end)

    // CC has seen neither: the member's package and the secretariat's, in the wrong order.
    const fromHrb = hrb.ok('exchange.history', {}).filter((p) => p.direction === 'sent');
    expect(fromHrb).toHaveLength(1);
  });

  it('refuses a member’s change to another zone’s resource and applies the rest of the package', () => {
    const own = dq.ok('resources.create', instrumentInput(dq, { title: '大庆自己的仪器' }));
    const foreign = cc.ok('resources.create', instrumentInput(cc, { title: '长春的仪器' }));
    send(cc, dq);
    // A tampered installation: DQ's database edited behind the app's back.
    dq.db.prepare("UPDATE resources SET title = '被大庆改掉的标题', version = version + 1 WHERE id = ?").run(foreign.id);
    const result = send(dq, hrb);
    expect(result.refusals).toEqual([expect.objectContaining({ noun: '科技资源', reason: '成员单位只能登记和修改本高新区的资源' })]);
    expect(resourceRow(hrb, own.id)).toMatchObject({ title: '大庆自己的仪器' });
    expect(resourceRow(hrb, foreign.id)).toBeUndefined();
  });

  it('refuses a member’s package that approves or publishes, since only the secretariat reviews', () => {
    const r = dq.ok('resources.create', instrumentInput(dq));
    dq.db.prepare("UPDATE resources SET status = 'published', version = version + 1 WHERE id = ?").run(r.id);
    const result = send(dq, hrb);
    expect(result.refusals[0]?.reason).toMatch(/只能由秘书长单位作出/);
    expect(resourceRow(hrb, r.id)).toBeUndefined();
  });
});

describe('packages are verified before anything is touched', () => {
  it('changes nothing for a flipped byte, a truncated file, a replay, or another installation’s key for the same zone', () => {
    dq.ok('resources.create', instrumentInput(dq, { title: '第一台' }));
    const file = dq.ok('exchange.export', {});
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const before = dump(hrb);
    const attempt = (data: Buffer) => hrb.fails('exchange.apply', { fileName: file.fileName, dataBase64: data.toString('base64') });

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 5]! ^= 0xff;
    expect(attempt(flipped).message).toMatch(/未导入任何内容/);
    expect(attempt(bytes.subarray(0, bytes.length - 20)).message).toMatch(/未导入任何内容/);
    expect(dump(hrb)).toBe(before);

    const applied = hrb.ok('exchange.apply', { fileName: file.fileName, dataBase64: file.dataBase64 });
    expect(applied.applied).toBe(true);
    const afterFirst = dump(hrb);
    const replay = hrb.ok('exchange.apply', { fileName: file.fileName, dataBase64: file.dataBase64 });
    expect(replay.duplicate).toBe(true);
    expect(dump(hrb)).toBe(afterFirst);

    // A second installation claiming to be 大庆 has another key: refused.
    const impostor = setUpCore('DQ', 'member');
    try {
      impostor.ok('resources.create', instrumentInput(impostor, { title: '冒名的仪器' }));
      const forged = impostor.ok('exchange.export', {});
      expect(hrb.fails('exchange.apply', { fileName: forged.fileName, dataBase64: forged.dataBase64 }).message).toMatch(/密钥/);
      expect(dump(hrb)).toBe(afterFirst);
    } finally {
      impostor.remove();
    }
  });
});

describe('concurrent edits', () => {
  it('keep the loser in the conflicts list and converge on both sides whatever the order', () => {
    const r = dq.ok('resources.create', instrumentInput(dq, { title: '原标题' }));
    const first = fileOf(dq.ok('exchange.export', {}));
    hrb.ok('exchange.apply', first);
    cc.ok('exchange.apply', first);
    // The secretariat corrects the title while 大庆 edits it too.
    const atHrb = hrb.ok('resources.get', { id: r.id });
    hrb.ok('resources.update', { id: r.id, version: atHrb.version, patch: { title: '秘书处改的标题' } });
    const atDq = dq.ok('resources.get', { id: r.id });
    dq.ok('resources.update', { id: r.id, version: atDq.version, patch: { title: '大庆改的标题' } });

    const hrbFile = hrb.ok('exchange.export', {});
    const dqFile = dq.ok('exchange.export', {});
    dq.ok('exchange.apply', { fileName: hrbFile.fileName, dataBase64: hrbFile.dataBase64 });
    hrb.ok('exchange.apply', { fileName: dqFile.fileName, dataBase64: dqFile.dataBase64 });
    // 长春 gets them the other way round.
    cc.ok('exchange.apply', { fileName: dqFile.fileName, dataBase64: dqFile.dataBase64 });
    cc.ok('exchange.apply', { fileName: hrbFile.fileName, dataBase64: hrbFile.dataBase64 });

    const titles = [hrb, dq, cc].map((core) => resourceRow(core, r.id)?.title);
    expect(new Set(titles).size).toBe(1);
    for (const core of [hrb, dq, cc]) {
      const conflicts = core.ok('exchange.conflicts', {});
      const losers = conflicts.filter((c) => c.recordId === r.id).map((c) => c.other.title);
      expect([...losers, titles[0]].sort()).toEqual(['大庆改的标题', '秘书处改的标题']);
    }

    // 长春 may not settle it (not its resource): refused, as the others would refuse its settlement.
    const atCc = cc.ok('exchange.conflicts', {}).find((c) => c.recordId === r.id)!;
    expect(cc.fails('exchange.resolve', { kind: 'resource', recordId: r.id, hlc: atCc.otherHlc, keep: 'other' }).message).toMatch(/不能处理该冲突/);
    // The secretariat settles it by taking the version that lost; the others follow, conflicts gone.
    const conflict = hrb.ok('exchange.conflicts', {}).find((c) => c.recordId === r.id)!;
    const chosen = conflict.other.title;
    expect(hrb.ok('exchange.resolve', { kind: 'resource', recordId: r.id, hlc: conflict.otherHlc, keep: 'other' })).toEqual([]);
    expect(resourceRow(hrb, r.id)?.title).toBe(chosen);
    const settled = fileOf(hrb.ok('exchange.export', {}));
    for (const core of [dq, cc]) {
      core.ok('exchange.apply', settled);
      expect(resourceRow(core, r.id)?.title).toBe(chosen);
      expect(core.ok('exchange.conflicts', {})).toEqual([]);
    }
  });
});

describe('settling a conflict by merging', () => {
  it('takes the chosen fields from the other version, keeps the rest, and the merge travels; a field both agree on is refused', () => {
    const r = dq.ok('resources.create', instrumentInput(dq, { title: '原标题', contactPerson: '原联系人' }));
    const first = fileOf(dq.ok('exchange.export', {}));
    hrb.ok('exchange.apply', first);
    const edit = (core: TempCore, patch: Record<string, string>) => core.ok('resources.update', { id: r.id, version: core.ok('resources.get', { id: r.id }).version, patch });
    edit(hrb, { title: '秘书处改的标题', contactPerson: '秘书处联系人' });
    edit(dq, { title: '大庆改的标题', contactPerson: '大庆联系人' });
    hrb.ok('exchange.apply', fileOf(dq.ok('exchange.export', {})));
    dq.ok('exchange.apply', fileOf(hrb.ok('exchange.export', {})));
    const conflict = hrb.ok('exchange.conflicts', {}).find((c) => c.recordId === r.id)!;
    const inUse = resourceRow(hrb, r.id)!.title;
    const otherContact = String(conflict.other.contact_person);

    const before = dump(hrb);
    expect(hrb.fails('exchange.resolve', { kind: 'resource', recordId: r.id, hlc: conflict.otherHlc, keep: 'merge', take: ['owner_zone_id'] }).message).toMatch(/合并的字段：「owner_zone_id」不是两个版本不同的内容/);
    expect(hrb.fails('exchange.resolve', { kind: 'resource', recordId: r.id, hlc: conflict.otherHlc, keep: 'merge', take: [] }).message).toContain('合并时请至少选择一项');
    expect(dump(hrb)).toBe(before);

    // Keep this title, take the other contact person.
    expect(hrb.ok('exchange.resolve', { kind: 'resource', recordId: r.id, hlc: conflict.otherHlc, keep: 'merge', take: ['contact_person'] })).toEqual([]);
    expect(hrb.ok('resources.get', { id: r.id })).toMatchObject({ title: inUse, contactPerson: otherContact });
    dq.ok('exchange.apply', fileOf(hrb.ok('exchange.export', {})));
    expect(dq.ok('resources.get', { id: r.id })).toMatchObject({ title: inUse, contactPerson: otherContact });
    expect(dq.ok('exchange.conflicts', {}).filter((c) => c.recordId === r.id)).toEqual([]);
  });
});

describe('listings, applications, events and registrations travel too', () => {
  it('carries a listing to another zone, its application back, and the decision out again', () => {
    const listing = publishedListing(dq, { title: '大庆的揭榜榜单' });
    applyTo(cc, exportFrom(dq));
    expect(cc.ok('scenarios.get', { id: listing.id })).toMatchObject({ title: '大庆的揭榜榜单', status: 'published', ownerZoneId: zoneId(cc, 'DQ') });
    expect(cc.ok('scenarios.search', { query: '揭榜榜单' }).total).toBe(1);

    const application = cc.ok('applications.create', applicationInput(listing.id, '长春某企业'));
    applyTo(dq, exportFrom(cc));
    const ranking = dq.ok('applications.ranking', { scenarioId: listing.id });
    expect(ranking.applications.map((a) => a.organisation)).toEqual(['长春某企业']);

    dq.ok('applications.transition', { id: application.id, version: ranking.applications[0]!.version, action: 'shortlist' });
    applyTo(cc, exportFrom(dq));
    expect(cc.ok('applications.ranking', { scenarioId: listing.id }).applications[0]).toMatchObject({ status: 'shortlisted' });
  });

  it('carries an event with its co-hosts (built-in zones, matched by code) and a registration back to the host', () => {
    const event = dq.ok('events.create', forumInput(dq, 20, { title: '大庆主办的论坛', coHostZoneIds: [zoneId(dq, 'CC'), zoneId(dq, 'HRB')] }));
    dq.ok('events.transition', { id: event.id, version: event.version, action: 'publish' });
    applyTo(cc, exportFrom(dq));
    const there = cc.ok('events.get', { id: event.id });
    expect(there.coHostZoneIds.sort()).toEqual([zoneId(cc, 'CC'), zoneId(cc, 'HRB')].sort());

    cc.ok('registrations.create', { ...person(event.id, '长春参会者', '13900001111'), zoneId: zoneId(cc, 'CC') });
    applyTo(dq, exportFrom(cc));
    expect(dq.ok('registrations.list', { eventId: event.id }).items.map((r) => r.name)).toEqual(['长春参会者']);
  });

  it('refuses a member’s application decision on another zone’s listing', () => {
    const listing = publishedListing(dq, { title: '大庆的榜单' });
    applyTo(cc, exportFrom(dq));
    const application = cc.ok('applications.create', applicationInput(listing.id, '长春某企业'));
    cc.db.prepare("UPDATE scenario_applications SET status = 'selected', version = version + 1 WHERE id = ?").run(application.id);
    const result = applyTo(dq, exportFrom(cc));
    expect(result.refusals.map((r) => r.reason)).toEqual(['入围、揭榜和不予入选只能由发布清单的高新区或秘书长单位决定']);
    expect(dq.ok('applications.ranking', { scenarioId: listing.id }).applications).toEqual([]);
  });
});

function exportFrom(core: TempCore) {
  return fileOf(core.ok('exchange.export', {}));
}

function applyTo(core: TempCore, file: { fileName: string; dataBase64: string }) {
  return core.ok('exchange.apply', file);
}

describe('safety nets', () => {
  it('refuses a package that would delete most of a kind’s records, unless the secretariat confirms', () => {
    const made = Array.from({ length: 12 }, (_, i) => dq.ok('resources.create', instrumentInput(dq, { title: `仪器 ${i}` })));
    applyTo(hrb, exportFrom(dq));
    dq.db.prepare("UPDATE resources SET deleted_at = '2026-11-29T00:00:00.000Z', version = version + 1").run();
    const file = exportFrom(dq);
    const before = dump(hrb);
    expect(hrb.fails('exchange.apply', file).message).toMatch(/会删除本机 12 条科技资源（超过一半），已拒绝/);
    expect(dump(hrb)).toBe(before);
    const confirmed = hrb.ok('exchange.apply', { ...file, confirmMassDelete: true });
    expect(confirmed.kinds.find((k) => k.kind === 'resource')).toMatchObject({ updated: 12, deleted: 12 });
    expect(made.every((r) => hrb.db.prepare('SELECT deleted_at FROM resources WHERE id = ?').pluck().get(r.id) !== null)).toBe(true);
  });

  it('refuses a row that breaks a rule of this database on its own: it leaves nothing behind, and the rest of the package applies', () => {
    const kept = dq.ok('resources.create', instrumentInput(dq, { title: '共聚焦显微镜 甲' }));
    const broken = dq.ok('resources.create', instrumentInput(dq, { title: '拒收的质谱仪' }));
    const later = dq.ok('resources.create', instrumentInput(dq, { title: '共聚焦显微镜 丙' }));
    // A rule of the receiver's that fails only once the row is written (as a foreign key does at
    // the end of the statement): the row and what its triggers wrote must go again.
    hrb.db.exec("CREATE TRIGGER local_rule AFTER INSERT ON resources WHEN NEW.title = '拒收的质谱仪' BEGIN SELECT RAISE(ABORT, 'local rule'); END");
    const file = exportFrom(dq);
    const preview = hrb.ok('exchange.preview', file);
    const result = hrb.ok('exchange.apply', file);
    for (const r of [preview, result]) {
      expect(r.refusals).toEqual([expect.objectContaining({ noun: '科技资源', label: '拒收的质谱仪', reason: expect.stringMatching(/与本机已有的科技资源冲突/) })]);
      expect(r.kinds.find((k) => k.kind === 'resource')).toMatchObject({ added: 2, refused: 1 });
    }
    expect(resourceRow(hrb, kept.id)).toMatchObject({ title: '共聚焦显微镜 甲' });
    expect(resourceRow(hrb, later.id)).toMatchObject({ title: '共聚焦显微镜 丙' });
    expect(resourceRow(hrb, broken.id)).toBeUndefined();
    const traces = (table: string) => hrb.db.prepare<[string], number>(`SELECT count(*) FROM ${table} WHERE record_id = ?`).pluck().get(broken.id);
    expect([traces('sync_changes'), traces('sync_clocks'), traces('sync_pending')]).toEqual([0, 0, 0]);
    expect(hrb.ok('resources.search', { query: '共聚焦' }).total).toBe(2);
    expect(hrb.ok('resources.search', { query: '质谱' }).total).toBe(0);
    expect(hrb.db.prepare('SELECT reason FROM sync_refusals WHERE record_id = ?').pluck().all('拒收的质谱仪')).toHaveLength(1);
  });
});

describe('the exchange folder', () => {
  it('sends this installation’s package into its own sub-folder and takes in everyone else’s, skipping what it cannot read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'alliance-exchange-'));
    try {
      for (const core of [hrb, dq]) await core.okAsync('exchange.setFolder', { folder });
      dq.ok('resources.create', instrumentInput(dq, { title: '经文件夹交换的仪器' }));
      const sent = await dq.okAsync('exchange.sync', {});
      expect(sent.sent?.count).toBeGreaterThan(0);
      mkdirSync(join(folder, 'broken'));
      writeFileSync(join(folder, 'broken', 'XX_20260101T000000_bad.alliance'), 'not a package');
      writeFileSync(join(folder, 'broken', 'half-written.alliance.part'), 'ignored');

      const received = await hrb.okAsync('exchange.sync', {});
      expect(received.received.map((r) => r.sender.zoneName)).toEqual(['大庆高新区']);
      expect(received.failed).toEqual([{ fileName: 'XX_20260101T000000_bad.alliance', message: expect.stringMatching(/未导入任何内容/) }]);
      expect(hrb.ok('resources.search', { query: '经文件夹交换' }).total).toBe(1);
      const again = await hrb.okAsync('exchange.sync', {});
      expect(again.received).toEqual([]);
      expect(hrb.ok('exchange.history', {}).filter((p) => p.direction === 'received')).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a folder that does not exist, or a relative path, in Chinese', async () => {
    for (const folder of ['/no/such/folder/anywhere', 'relative/path']) {
      const result = await hrb.dispatchAsync('exchange.setFolder', { folder });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/交换文件夹：/);
    }
  });
});

describe('keys', () => {
  it('lets members learn each other’s keys from the secretariat’s roster, and warns when the roster disagrees', () => {
    dq.ok('resources.create', instrumentInput(dq, { title: '大庆的仪器' }));
    applyTo(hrb, exportFrom(dq));
    hrb.ok('resources.create', instrumentInput(hrb, { title: '秘书处的仪器' }));
    const roster = exportFrom(hrb);
    const atCc = applyTo(cc, roster);
    expect(atCc.keyNotice).toContain('哈尔滨高新区');
    const dqKey = cc.ok('exchange.identity', {}).zoneKeys.find((k) => k.zoneName === '大庆高新区');
    expect(dqKey).toMatchObject({ source: '秘书长单位的名录', fingerprint: dq.ok('exchange.identity', {}).fingerprint });
    // 长春 already trusted another key for 大庆 (say, from a stick handed over at a meeting): it keeps it and says so.
    const other = setUpCore('DQ', 'member');
    try {
      const atDq = applyTo(dq, roster);
      expect(atDq.notices).toEqual([]);
      other.ok('resources.create', instrumentInput(other, { title: '另一台大庆电脑' }));
      hrb.ok('resources.create', instrumentInput(hrb, { title: '秘书处的第二台仪器' }));
      const fresh = setUpCore('CC', 'member');
      try {
        fresh.ok('exchange.apply', fileOf(other.ok('exchange.export', {})));
        const warned = fresh.ok('exchange.apply', exportFrom(hrb));
        expect(warned.notices.join('')).toMatch(/「大庆高新区」的密钥.*与本机登记的不同/);
      } finally {
        fresh.remove();
      }
    } finally {
      other.remove();
    }
  });
});

describe('attachments', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('一张仪器照片的字节')]);

  it('travel with their record, file included and checked by its hash', () => {
    const r = dq.ok('resources.create', instrumentInput(dq, { title: '带照片的仪器' }));
    const file = dq.ok('attachments.add', { recordKind: 'resource', recordId: r.id, fileName: '照片.png', dataBase64: PNG.toString('base64') });
    const result = applyTo(hrb, exportFrom(dq));
    expect(result.kinds.find((k) => k.kind === 'attachment')).toMatchObject({ added: 1 });
    const read = hrb.ok('attachments.read', { id: file.id });
    expect(Buffer.from(read.dataBase64, 'base64').equals(PNG)).toBe(true);
  });

  it('arriving before their record wait for it, and apply when it comes', () => {
    const r = dq.ok('resources.create', instrumentInput(dq, { title: '先到的附件' }));
    const dqFile = exportFrom(dq);
    applyTo(hrb, dqFile);
    // The secretariat adds a file to 大庆's resource; 长春 gets that package before 大庆's.
    const file = hrb.ok('attachments.add', { recordKind: 'resource', recordId: r.id, fileName: '补充材料.png', dataBase64: PNG.toString('base64') });
    const early = applyTo(cc, exportFrom(hrb));
    expect(early.pending).toBeGreaterThan(0);
    const later = applyTo(cc, dqFile);
    expect(later.kinds.find((k) => k.kind === 'attachment')).toMatchObject({ added: 1 });
    // 长春 may not open another zone's draft, but the file and its row are there for when it is published.
    expect(cc.db.prepare('SELECT sha256 FROM attachments WHERE id = ?').pluck().get(file.id)).toBe(file.sha256);
    expect(cc.db.prepare('SELECT count(*) FROM sync_pending').pluck().get()).toBe(0);
  });
});

describe('the plan and the indicators travel', () => {
  it('takes a zone’s indicator values to the secretariat, and refuses another zone’s', () => {
    const defs = dq.ok('indicators.defs', {});
    const revenue = defs.find((d) => d.code === 'revenue')!;
    dq.ok('indicators.save', { zoneId: zoneId(dq, 'DQ'), year: 2025, values: { [revenue.id]: 321.5 } });
    applyTo(hrb, exportFrom(dq));
    const hrbRevenue = hrb.ok('indicators.defs', {}).find((d) => d.code === 'revenue')!;
    const row = hrb.ok('indicators.table', { year: 2025 }).zones.find((z) => z.zoneId === zoneId(hrb, 'DQ'))!;
    expect(row.values[hrbRevenue.id]).toBe(321.5);

    // Cleared at 大庆: the deletion travels too.
    dq.ok('indicators.save', { zoneId: zoneId(dq, 'DQ'), year: 2025, values: { [revenue.id]: null } });
    applyTo(hrb, exportFrom(dq));
    expect(hrb.ok('indicators.table', { year: 2025 }).zones.find((z) => z.zoneId === zoneId(hrb, 'DQ'))!.values[hrbRevenue.id]).toBeNull();

    cc.db.prepare("INSERT INTO indicator_values (zone_id, year, indicator_id, value, updated_at, updated_by) VALUES (?, 2025, ?, 1, '2026-01-01T00:00:00Z', 'x')").run(zoneId(cc, 'DQ'), cc.ok('indicators.defs', {}).find((d) => d.code === 'revenue')!.id);
    const refused = applyTo(hrb, exportFrom(cc));
    expect(refused.refusals.map((r) => r.reason)).toEqual(['成员单位只能填报本高新区的发展指标']);
  });

  it('takes the secretariat’s plan targets to the members, and a target removed is removed there too', () => {
    hrb.ok('plans.saveTargets', { year: 2026, targets: [{ metric: 'resourcesRegistered', target: 500 }, { metric: 'eventsHeld', zoneId: zoneId(hrb, 'DQ'), target: 12 }] });
    applyTo(dq, exportFrom(hrb));
    const plan = dq.ok('plans.get', { year: 2026 });
    expect(plan.targets.map((t) => [t.metric, t.zoneId, t.target]).sort()).toEqual([['eventsHeld', zoneId(dq, 'DQ'), 12], ['resourcesRegistered', '', 500]].sort());

    hrb.ok('plans.saveTargets', { year: 2026, targets: [{ metric: 'resourcesRegistered', target: 600 }] });
    applyTo(dq, exportFrom(hrb));
    expect(dq.ok('plans.get', { year: 2026 }).targets.map((t) => [t.metric, t.target])).toEqual([['resourcesRegistered', 600]]);
  });
});
