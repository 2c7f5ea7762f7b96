import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { seedRosterOnce } from '../../electron/core/zones/seed-roster';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'alliance-mig-')), 'alliance.sqlite');

describe('migrations carry real data forward', () => {
  it('migration 2 keeps version-1 zones, settings and audit rows and adds the default resource categories', () => {
    const file = tempFile();
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    seedRosterOnce(v1);
    v1.prepare("UPDATE zones SET contact_person = '刘秘书', version = 2 WHERE code = 'HRB'").run();
    v1.prepare("INSERT INTO settings (key, value) VALUES ('installation', ?)").run(JSON.stringify({ zoneId: 'x', role: 'secretariat', operatorName: '刘', language: 'zh-CN' }));
    v1.prepare("INSERT INTO audit_log (id, at, actor, actor_zone_id, entity, record_id, action, before_json, after_json) VALUES ('01J0000000000000000000000A', '2026-01-01T00:00:00.000Z', '刘', NULL, 'zone', 'z', 'update', '{}', '{}')").run();
    const before = v1.prepare('SELECT * FROM zones ORDER BY id').all();
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();

    const latest = openDatabase(file);
    expect(latest.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(latest.prepare('SELECT * FROM zones ORDER BY id').all()).toEqual(before);
    expect(latest.prepare("SELECT value FROM settings WHERE key = 'installation'").get()).toMatchObject({ value: expect.stringContaining('刘') });
    expect(latest.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    const categories = latest.prepare<[], { code: string; name: string }>('SELECT code, name FROM resource_categories ORDER BY sort_order').all();
    expect(categories.map((c) => c.name)).toEqual(['大型科研仪器设备', '研发与检测平台/实验室', '中试基地与概念验证中心', '孵化载体与空间', '专家与人才团队', '专利与技术成果', '数据资源', '科技服务']);
    latest.close();
  });

  it('migration 3 moves resource attachments into the one attachments table and adds the default scenario categories', () => {
    const file = tempFile();
    const v2 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) });
    seedRosterOnce(v2);
    const zone = v2.prepare<[], { id: string }>("SELECT id FROM zones WHERE code = 'HRB'").get()!;
    const category = v2.prepare<[], { id: string }>("SELECT id FROM resource_categories WHERE code = 'instrument'").get()!;
    v2.prepare(
      `INSERT INTO resources (seq, id, owner_zone_id, created_at, updated_at, created_by, updated_by, category_id, title, organisation, sharing_mode, contact_person, status)
       VALUES (1, '01J0000000000000000000000R', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '刘', '刘', ?, '电镜', '某所', 'free', '刘', 'draft')`,
    ).run(zone.id, category.id);
    v2.prepare(
      `INSERT INTO resource_attachments (id, resource_id, file_name, mime, size, sha256, created_at, created_by, deleted_at) VALUES
       ('01J0000000000000000000000F', '01J0000000000000000000000R', '外观.png', 'image/png', 10, 'ab', '2026-01-01T00:00:00.000Z', '刘', NULL),
       ('01J0000000000000000000000G', '01J0000000000000000000000R', '旧.pdf', 'application/pdf', 20, 'cd', '2026-01-01T00:00:00.000Z', '刘', '2026-01-02T00:00:00.000Z')`,
    ).run();
    v2.close();

    const latest = openDatabase(file);
    expect(latest.prepare('SELECT id, record_kind, record_id, file_name, deleted_at FROM attachments ORDER BY id').all()).toEqual([
      { id: '01J0000000000000000000000F', record_kind: 'resource', record_id: '01J0000000000000000000000R', file_name: '外观.png', deleted_at: null },
      { id: '01J0000000000000000000000G', record_kind: 'resource', record_id: '01J0000000000000000000000R', file_name: '旧.pdf', deleted_at: '2026-01-02T00:00:00.000Z' },
    ]);
    expect(latest.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'resource_attachments'").get()).toEqual({ n: 0 });
    expect(latest.prepare('SELECT count(*) AS n FROM scenario_categories').get()).toEqual({ n: 9 });
    latest.close();
  });
});
