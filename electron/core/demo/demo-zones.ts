import type Database from 'better-sqlite3';
import type { Actor } from '../records';
import { createZone } from '../zones/zone-service';
import type { DemoContributor } from './demo-contributor';

/** Provincial zones that show how the roster grows. Synthetic: labelled 示例数据 in the UI. */
const DEMO_ZONES = [
  { code: 'DEMOTL', name: '铁岭高新技术产业开发区（示例）', shortName: '铁岭高新区（示例）', province: '辽宁省', city: '铁岭市', contactPerson: '王明', phone: '024-72345678', email: 'tl-demo@example.cn', joinedOn: '2025-12-18' },
  { code: 'DEMOSP', name: '四平红嘴高新技术产业开发区（示例）', shortName: '四平高新区（示例）', province: '吉林省', city: '四平市', contactPerson: '李华', phone: '13804341234', email: 'sp-demo@example.cn', joinedOn: '2025-12-18' },
  { code: 'DEMOMDJ', name: '牡丹江高新技术产业开发区（示例）', shortName: '牡丹江高新区（示例）', province: '黑龙江省', city: '牡丹江市', contactPerson: '赵颖', phone: '0453-6123456', email: 'mdj-demo@example.cn', joinedOn: '2025-12-18' },
  { code: 'DEMOCF', name: '赤峰高新技术产业开发区（示例）', shortName: '赤峰高新区（示例）', province: '内蒙古自治区', city: '赤峰市', contactPerson: '陈蒙', phone: '0476-8123456', email: 'cf-demo@example.cn', joinedOn: '2025-12-18' },
] as const;

export const demoZones: DemoContributor = {
  entity: 'zone',
  load(db: Database.Database, actor: Actor): number {
    for (const zone of DEMO_ZONES) {
      createZone(db, actor, { ...zone, level: 'provincial', role: 'member', notes: '示例数据，可在「设置」中一键移除。' }, { isDemo: true });
    }
    return DEMO_ZONES.length;
  },
  remove(db: Database.Database): number {
    return db.prepare('DELETE FROM zones WHERE is_demo = 1').run().changes;
  },
};
