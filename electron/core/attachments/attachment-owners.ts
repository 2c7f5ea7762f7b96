import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { AttachmentRecordKind } from '../../../shared/domain/resource';
import type { Actor } from '../records';
import { assertMaySee, getResource, mayEdit } from '../resources/resource-service';
import { getEvent, mayEditEvent } from '../events/event-service';
import { mayEditApplicationFiles } from '../scenarios/application-ranking';
import { getApplication } from '../scenarios/application-service';
import { assertMaySeeScenario, getScenario, mayEditScenario } from '../scenarios/scenario-service';

/**
 * The records files can hang on, and who may see or change a record's files: the record's
 * own rules, asked through one door so that the attachment service stays one service.
 */
export interface AttachmentOwner {
  /** The audit entity the add/remove is written under. */
  entity: string;
  /** Throws NOT_FOUND unless the actor may see the record. */
  assertVisible(db: Database.Database, actor: Actor, id: string): void;
  /** Throws FORBIDDEN unless the actor may add or remove files now. */
  assertEditable(db: Database.Database, actor: Actor, id: string): void;
}

export const ATTACHMENT_OWNERS: Record<AttachmentRecordKind, AttachmentOwner> = {
  resource: {
    entity: 'resource',
    assertVisible: (db, actor, id) => assertMaySee(actor, getResource(db, id)),
    assertEditable: (db, actor, id) => {
      const resource = getResource(db, id);
      assertMaySee(actor, resource);
      if (!mayEdit(actor, resource)) throw new AppError('FORBIDDEN', '当前状态下不能更改该资源的附件。');
    },
  },
  scenario: {
    entity: 'scenario',
    assertVisible: (db, actor, id) => assertMaySeeScenario(actor, getScenario(db, id)),
    assertEditable: (db, actor, id) => {
      const scenario = getScenario(db, id);
      assertMaySeeScenario(actor, scenario);
      if (!mayEditScenario(actor, scenario)) throw new AppError('FORBIDDEN', '当前状态下不能更改该场景清单的附件。');
    },
  },
  application: {
    entity: 'application',
    assertVisible: (db, actor, id) => void getApplication(db, actor, id),
    assertEditable: (db, actor, id) => {
      if (!mayEditApplicationFiles(actor, getApplication(db, actor, id))) throw new AppError('FORBIDDEN', '只有申报方或秘书长单位可以在评审结束前更改申报附件。');
    },
  },
  event: {
    entity: 'event',
    // The calendar is shared: every zone sees every event and its photos.
    assertVisible: (db, _actor, id) => void getEvent(db, id),
    assertEditable: (db, actor, id) => {
      if (!mayEditEvent(actor, getEvent(db, id))) throw new AppError('FORBIDDEN', '只有主办高新区或秘书长单位可以更改活动的附件。');
    },
  },
};
