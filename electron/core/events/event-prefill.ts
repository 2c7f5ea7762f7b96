import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { EventCreateInput } from '../../../shared/domain/event';
import { addDays, shanghaiToday } from '../../../shared/shanghai-date';
import type { Actor } from '../records';
import { selectApplicationsOf } from '../scenarios/application-queries';
import { assertMaySeeScenario, getScenario } from '../scenarios/scenario-service';

/**
 * A roadshow (项目路演) draft for a listing: its zone hosts, the shortlisted applicants (or,
 * before shortlisting, all live ones) each get an agenda slot, the listing is linked. The
 * planner edits and saves it like any event; nothing is saved here.
 */
export function roadshowDraft(db: Database.Database, actor: Actor, scenarioId: string): EventCreateInput {
  const scenario = getScenario(db, scenarioId);
  assertMaySeeScenario(actor, scenario);
  const roadshow = db.prepare<[], string>("SELECT id FROM event_types WHERE code = 'roadshow' AND deleted_at IS NULL AND active = 1").pluck().get()
    ?? db.prepare<[], string>('SELECT id FROM event_types WHERE deleted_at IS NULL AND active = 1 ORDER BY sort_order LIMIT 1').pluck().get();
  if (!roadshow) throw new AppError('CONFLICT', '没有可用的活动类型，请先在「设置」中启用一个活动类型。');
  const live = selectApplicationsOf(db, scenario.id).filter((a) => a.status === 'shortlisted' || a.status === 'submitted' || a.status === 'selected');
  const shortlisted = live.filter((a) => a.status !== 'submitted');
  const presenters = shortlisted.length > 0 ? shortlisted : live;
  const day = addDays(shanghaiToday(), 14);
  const agenda = presenters.slice(0, 40).map((a, i) => {
    const minutes = 9 * 60 + 30 + i * 20; // 20-minute slots from 09:30
    return { time: `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, topic: `${a.organisation}方案路演`.slice(0, 100), speaker: a.contactPerson, organisation: a.organisation };
  });
  return {
    typeId: roadshow,
    ownerZoneId: scenario.ownerZoneId,
    title: `「${scenario.title}」项目路演`.slice(0, 100),
    coHostZoneIds: [...new Set(presenters.map((a) => a.applicantZoneId).filter((z) => z !== scenario.ownerZoneId))],
    startAt: `${day}T09:00:00+08:00`,
    endAt: `${day}T${agenda.length > 20 ? '17' : '12'}:00:00+08:00`,
    allDay: false,
    venue: '',
    onlineUrl: '',
    capacity: null,
    registrationDeadline: '',
    description: [`围绕${scenario.demandOrganisation}发布的「${scenario.title}」，组织${presenters.length > 0 ? `${presenters.length} 家申报单位` : '意向单位'}路演对接。`, scenario.requirements ? `技术要求：${scenario.requirements}` : ''].filter(Boolean).join('\n'),
    agenda: [{ time: '09:00', topic: `场景需求介绍：${scenario.title}`.slice(0, 100), speaker: scenario.contactPerson, organisation: scenario.demandOrganisation }, ...agenda],
    linkedScenarioIds: [scenario.id],
    linkedResourceIds: [],
    contactPerson: scenario.contactPerson,
    contactPhone: scenario.contactPhone,
    contactEmail: scenario.contactEmail,
  };
}
