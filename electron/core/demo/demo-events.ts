import type Database from 'better-sqlite3';
import type { EventStatus } from '../../../shared/domain/event';
import { addDays, shanghaiToday } from '../../../shared/shanghai-date';
import { createEvent } from '../events/event-service';
import { createRegistration } from '../events/registration-service';
import type { Actor } from '../records';
import { unindexText } from '../search/text-index';
import type { DemoContributor } from './demo-contributor';

interface DemoEvent {
  zone: string;
  coHosts?: string[];
  type: string;
  status: EventStatus;
  /** Days from today (Asia/Shanghai), and hours (local) — so the demo calendar never goes stale. */
  inDays: number;
  from: string;
  to: string;
  title: string;
  venue: string;
  capacity?: number;
  people?: number;
  checkedIn?: number;
}

const DEMO_EVENTS: DemoEvent[] = [
  { zone: 'HRB', coHosts: ['CC', 'SY'], type: 'meeting', status: 'published', inDays: 10, from: '09:00', to: '12:00', title: '东北高新区联盟年度工作会议（示例）', venue: '哈尔滨高新区科技创新城会议中心', capacity: 120, people: 6 },
  { zone: 'BT', type: 'roadshow', status: 'published', inDays: 3, from: '14:00', to: '17:30', title: '稀土新材料项目路演（示例）', venue: '包头稀土高新区创新大厦路演厅', capacity: 4, people: 5 },
  { zone: 'DL', type: 'matchmaking', status: 'planned', inDays: 21, from: '09:30', to: '16:30', title: '智能制造供需对接会（示例）', venue: '大连高新区软件园 A 座', capacity: 200 },
  { zone: 'CC', type: 'training', status: 'published', inDays: 0, from: '13:30', to: '17:00', title: '科技成果转化经纪人培训（示例）', venue: '长春高新区服务中心 3 楼', capacity: 60, people: 8, checkedIn: 5 },
  { zone: 'SY', type: 'forum', status: 'held', inDays: -12, from: '09:00', to: '17:00', title: '东北工业互联网论坛（示例）', venue: '沈阳国际会展中心', capacity: 300, people: 6, checkedIn: 6 },
  { zone: 'HRB', type: 'visit', status: 'cancelled', inDays: 5, from: '08:30', to: '12:00', title: '冰雪装备企业参观考察（示例）', venue: '哈尔滨冰雪装备产业园' },
];

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄涛', '周婷', '吴昊'];

export const demoEvents: DemoContributor = {
  entity: 'event',
  load(db: Database.Database, actor: Actor): number {
    const today = shanghaiToday();
    const zones = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM zones WHERE deleted_at IS NULL').all().map((z) => [z.code, z.id]));
    const types = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM event_types WHERE deleted_at IS NULL').all().map((t) => [t.code, t.id]));
    DEMO_EVENTS.forEach((d, index) => {
      const day = addDays(today, d.inDays);
      const created = createEvent(
        db,
        actor,
        {
          typeId: types.get(d.type)!,
          ownerZoneId: zones.get(d.zone)!,
          title: d.title,
          coHostZoneIds: (d.coHosts ?? []).map((c) => zones.get(c)!),
          startAt: `${day}T${d.from}:00+08:00`,
          endAt: `${day}T${d.to}:00+08:00`,
          allDay: false,
          venue: d.venue,
          onlineUrl: '',
          capacity: d.capacity ?? null,
          registrationDeadline: '',
          description: '示例活动，用于熟悉日历、报名与签到。',
          agenda: [{ time: d.from, topic: '开场致辞', speaker: '示例嘉宾', organisation: '联盟秘书处' }],
          linkedScenarioIds: [],
          linkedResourceIds: [],
          contactPerson: '示例联系人',
          contactPhone: '',
          contactEmail: '',
        },
        { isDemo: true },
      );
      // Registrations go through the real rules: a past event's people are entered as the desk
      // would have (walk-ins, checked in), since its registration has closed.
      const people = d.people ?? 0;
      for (let i = 0; i < people; i++) {
        createRegistration(
          db,
          actor,
          { eventId: created.id, name: NAMES[i % NAMES.length]!, organisation: `示例单位${i + 1}`, zoneId: zones.get(d.zone)!, title: '', phone: `1390000${String(index).padStart(2, '0')}${String(i).padStart(2, '0')}`, email: '', walkIn: d.inDays < 0 },
          { isDemo: true },
        );
      }
      if ((d.checkedIn ?? 0) > 0) {
        db.prepare(
          `UPDATE event_registrations SET checked_in_at = ? WHERE id IN (SELECT id FROM event_registrations WHERE event_id = ? AND status = 'confirmed' ORDER BY created_at LIMIT ?)`,
        ).run(`${day}T${d.from}:00+08:00`, created.id, d.checkedIn);
      }
      db.prepare('UPDATE events SET status = ?, status_reason = ? WHERE id = ?').run(d.status, d.status === 'cancelled' ? '示例：场地检修，活动取消' : '', created.id);
    });
    return DEMO_EVENTS.length;
  },
  remove(db: Database.Database): number {
    const demo = db.prepare<[], { seq: number; id: string }>('SELECT seq, id FROM events WHERE is_demo = 1').all();
    for (const { seq, id } of demo) {
      db.prepare('DELETE FROM event_registrations WHERE event_id = ?').run(id);
      db.prepare("DELETE FROM attachments WHERE record_kind = 'event' AND record_id = ?").run(id);
      unindexText(db, 'event', seq);
      db.prepare('DELETE FROM events WHERE seq = ?').run(seq);
    }
    db.prepare('DELETE FROM event_registrations WHERE is_demo = 1').run();
    return demo.length;
  },
};
