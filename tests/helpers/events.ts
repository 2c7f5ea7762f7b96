import type { EventCreateInput } from '../../shared/domain/event';
import { addDays, shanghaiToday } from '../../shared/shanghai-date';
import type { TempCore } from './temp-core';

export function eventTypeId(core: TempCore, code: string): string {
  const type = core.ok('eventTypes.list', { includeInactive: true }).find((t) => t.code === code);
  if (!type) throw new Error(`no event type ${code}`);
  return type.id;
}

/** A forum `inDays` from today, 09:00–12:00 Beijing time. */
export function forumInput(core: TempCore, inDays = 30, overrides: Partial<EventCreateInput> = {}): EventCreateInput {
  const day = addDays(shanghaiToday(), inDays);
  return {
    typeId: eventTypeId(core, 'forum'),
    title: '东北高新区创新论坛',
    startAt: `${day}T09:00:00+08:00`,
    endAt: `${day}T12:00:00+08:00`,
    venue: '哈尔滨会展中心',
    capacity: 100,
    description: '围绕科技成果转化的论坛。',
    agenda: [{ time: '09:00', topic: '开幕致辞', speaker: '张主任', organisation: '联盟秘书处' }],
    ...overrides,
  };
}

export function person(eventId: string, name: string, phone: string) {
  return { eventId, name, organisation: `${name}所在单位`, phone };
}
