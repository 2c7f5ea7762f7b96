import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { AllianceEvent, EventImportPreview } from '../../../shared/domain/event';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import type { Actor } from '../records';
import { selectEvents } from './event-queries';
import { createEvent } from './event-service';
import { getEventType } from './event-type-service';
import { parseCalendar, UID_DOMAIN, writeCalendar, type IcsEvent } from './ics';

/** One .ics file of the given events (Outlook, Google Calendar and WPS import it). */
export function exportIcs(db: Database.Database, ids: readonly string[], calendarName: string): { fileName: string; text: string; count: number } {
  const events = selectEvents(db, ids);
  const text = writeCalendar(events.map(toIcsEvent), { calendarName });
  const stamp = new Date().toISOString().slice(0, 10);
  return { fileName: events.length === 1 ? `${safeName(events[0]!.title)}.ics` : `联盟创新活动-${stamp}.ics`, text, count: events.length };
}

export function toIcsEvent(e: AllianceEvent): IcsEvent {
  const location = [e.venue, e.onlineUrl].filter(Boolean).join(' · ');
  return {
    uid: e.id,
    sequence: e.sequence,
    title: e.title,
    description: [e.description, `主办：${[e.ownerZoneName, ...e.coHostZoneNames].join('、')}`, e.statusReason ? `说明：${e.statusReason}` : ''].filter(Boolean).join('\n'),
    location,
    ...(e.onlineUrl ? { url: e.onlineUrl } : {}),
    start: e.allDay ? e.startAt.slice(0, 10) : e.startAt,
    end: e.allDay ? e.endAt.slice(0, 10) : e.endAt,
    allDay: e.allDay,
    status: e.status === 'cancelled' ? 'cancelled' : e.status === 'planned' || e.status === 'postponed' ? 'tentative' : 'confirmed',
    updatedAt: e.updatedAt,
    agenda: e.agenda.map((a) => ({ time: a.time, topic: a.topic, speaker: a.speaker, organisation: a.organisation })),
  };
}

const HOUR = 3_600_000;

/**
 * Reads an .ics file (from Outlook, Google, WPS or our own export) into planned events of
 * this installation's zone. `commit: false` only previews. Events already here (our own
 * UID, or the same title at the same start) are skipped. A file that is not iCalendar is
 * refused as a whole: nothing is imported.
 */
export function importIcs(db: Database.Database, actor: Actor, input: { text: string; typeId: string; commit: boolean }): EventImportPreview {
  const parsed = parseCalendar(input.text);
  const type = getEventType(db, input.typeId);
  if (!type.active) throw new AppError('VALIDATION', `活动类型：「${type.name}」已停用。`, { typeId: '该类型已停用' });
  const exists = db.prepare<[string], number>('SELECT 1 FROM events WHERE id = ? AND deleted_at IS NULL').pluck();
  const twin = db.prepare<[string, string], number>('SELECT 1 FROM events WHERE title = ? AND start_at = ? AND deleted_at IS NULL').pluck();
  const rows: EventImportPreview['rows'] = parsed.events.map((e) => {
    const startAt = e.allDay ? `${e.start}T00:00:00+08:00` : toShanghaiIso(e.start);
    const endAt = e.allDay ? `${e.end}T00:00:00+08:00` : Date.parse(e.end) > Date.parse(e.start) ? toShanghaiIso(e.end) : toShanghaiIso(Date.parse(e.start) + HOUR);
    const title = (e.title.trim() || '（无标题活动）').slice(0, 100);
    const ownId = e.uid.endsWith(`@${UID_DOMAIN}`) ? e.uid.slice(0, -UID_DOMAIN.length - 1) : '';
    const skip = e.status === 'cancelled' ? '已取消的活动不导入' : (ownId && exists.get(ownId)) || twin.get(title, startAt) ? '已有同一活动' : '';
    return { title, startAt, endAt, allDay: e.allDay, venue: e.location.slice(0, 200), description: e.description.slice(0, 5000), skip };
  });
  let imported = 0;
  if (input.commit) {
    db.transaction(() => {
      for (const row of rows) {
        if (row.skip) continue;
        createEvent(db, actor, {
          typeId: type.id,
          title: row.title,
          coHostZoneIds: [],
          startAt: row.startAt,
          endAt: row.endAt,
          allDay: row.allDay,
          venue: row.venue,
          onlineUrl: '',
          capacity: null,
          registrationDeadline: '',
          description: row.description,
          agenda: [],
          linkedScenarioIds: [],
          linkedResourceIds: [],
          contactPerson: '',
          contactPhone: '',
          contactEmail: '',
        });
        imported++;
      }
    })();
  }
  return { rows, warnings: parsed.warnings, imported };
}

function safeName(title: string): string {
  return title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || '活动';
}
