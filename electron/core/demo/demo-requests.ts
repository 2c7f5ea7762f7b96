import type Database from 'better-sqlite3';
import type { Actor } from '../records';
import { createRequest, decideRequest } from '../requests/request-service';
import type { DemoContributor } from './demo-contributor';

/** 09:00 (Asia/Shanghai) `days` days after `from`, as an offset date-time. */
function shanghaiAt(from: Date, days: number, hour: number): string {
  const local = new Date(from.getTime() + 8 * 3600_000 + days * 86_400_000);
  const date = local.toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

/** A few requests on the demo instruments: one approved slot, one pending slot, one sample test. */
export const demoRequests: DemoContributor = {
  entity: 'sharing_request',
  load(db: Database.Database, actor: Actor): number {
    const find = (title: string) => db.prepare<[string], { id: string; owner_zone_id: string }>('SELECT id, owner_zone_id FROM resources WHERE is_demo = 1 AND title = ?').get(title);
    const zone = (code: string) => db.prepare<[string], { id: string; short_name: string }>('SELECT id, short_name FROM zones WHERE code = ?').get(code)!;
    const as = (code: string): Actor => ({ label: `示例用户（${zone(code).short_name}）`, zoneId: zone(code).id, role: 'member' });
    const sem = find('场发射扫描电子显微镜（示例）');
    const lcms = find('高分辨液相色谱-质谱联用仪（示例）');
    if (!sem || !lcms) return 0;
    const now = new Date();
    const base = { contactPhone: '', contactEmail: '', sampleDescription: '', sampleQuantity: null, notes: '' };
    const approved = createRequest(db, as('SY'), { ...base, resourceId: sem.id, organisation: '沈阳某材料研究所（示例）', contactPerson: '周工', purpose: '镁合金断口形貌观察', slotStart: shanghaiAt(now, 3, 9), slotEnd: shanghaiAt(now, 3, 12) });
    decideRequest(db, { ...actor, role: 'secretariat' }, { id: approved.id, version: approved.version, decision: 'approve', note: '请提前 10 分钟到场' });
    createRequest(db, as('CC'), { ...base, resourceId: sem.id, organisation: '长春某光电公司（示例）', contactPerson: '吴工', purpose: '涂层截面观察', slotStart: shanghaiAt(now, 3, 14), slotEnd: shanghaiAt(now, 3, 16) });
    createRequest(db, as('DQ'), { ...base, resourceId: lcms.id, organisation: '大庆某化工企业（示例）', contactPerson: '郑工', purpose: '中间体纯度检测', sampleDescription: '液体样品，避光保存', sampleQuantity: 6 });
    db.prepare("UPDATE sharing_requests SET is_demo = 1 WHERE resource_id IN (SELECT id FROM resources WHERE is_demo = 1)").run();
    return 3;
  },
  // Requests on a demo resource go with it, whoever filed them: the resource itself is being removed.
  remove(db: Database.Database): number {
    return db.prepare('DELETE FROM sharing_requests WHERE is_demo = 1 OR resource_id IN (SELECT id FROM resources WHERE is_demo = 1)').run().changes;
  },
};
