import type Database from 'better-sqlite3';
import { resourceMachine, type ResourceDetail } from '../../../shared/domain/resource';
import type { Actor } from '../records';
import { listAttachments } from '../attachments/attachment-service';
import { assertMaySee, getResource, mayEdit } from './resource-service';

/** Everything the detail page shows, including what this installation may do next. */
export function getResourceDetail(db: Database.Database, actor: Actor, id: string): ResourceDetail {
  const resource = getResource(db, id);
  assertMaySee(actor, resource);
  const counts = db
    .prepare<[string], { requests: number; completed: number }>(
      "SELECT count(*) AS requests, coalesce(sum(status = 'completed'), 0) AS completed FROM sharing_requests WHERE resource_id = ? AND deleted_at IS NULL",
    )
    .get(resource.id) ?? { requests: 0, completed: 0 };
  return {
    ...resource,
    attachments: listAttachments(db, 'resource', resource.id),
    allowedActions: resourceMachine.allowed(resource.status, actor, resource.ownerZoneId),
    editable: mayEdit(actor, resource),
    requestCount: counts.requests,
    completedCount: counts.completed,
  };
}
