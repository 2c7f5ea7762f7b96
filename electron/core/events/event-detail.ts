import type Database from 'better-sqlite3';
import { allowedEventActions, type EventDetail } from '../../../shared/domain/event';
import { listAttachments } from '../attachments/attachment-service';
import type { Actor } from '../records';
import { getEvent, mayEditEvent, mayManageEvent } from './event-service';
import { countsOf, registrationOpen } from './registration-service';

/** An event with its files, counts, linked records and what this installation may do now. */
export function getEventDetail(db: Database.Database, actor: Actor, id: string): EventDetail {
  const event = getEvent(db, id);
  const titles = (table: 'scenarios' | 'resources', ids: readonly string[]) =>
    db.prepare<[string], { id: string; title: string }>(`SELECT id, title FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`).all(JSON.stringify(ids));
  return {
    ...event,
    attachments: listAttachments(db, 'event', event.id),
    allowedActions: allowedEventActions(event, actor),
    editable: mayEditEvent(actor, event),
    mayManage: mayManageEvent(actor, event),
    counts: countsOf(db, event.id),
    registrationOpen: registrationOpen(event),
    linkedScenarios: titles('scenarios', event.linkedScenarioIds),
    linkedResources: titles('resources', event.linkedResourceIds),
  };
}
