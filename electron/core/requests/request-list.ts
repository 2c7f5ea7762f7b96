import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { RequestListInput, RequestStats, SharingRequest } from '../../../shared/domain/sharing-request';
import type { Actor } from '../records';
import { assertMaySee, getResource } from '../resources/resource-service';
import { rowToRequest, selectRequests, selectStats, type RequestFilter } from './request-queries';
import { fieldsError } from './request-rules';

type ListFields = z.output<typeof RequestListInput>;

/**
 * mine: what my zone asked for. toMine: what others asked of my zone's resources.
 * resource: one resource's requests — all of them for its owner zone and the secretariat;
 * anyone else sees its own, plus the others' pending and approved slots for the booking
 * calendar, without who to contact or why.
 */
export function listRequests(db: Database.Database, actor: Actor, input: ListFields): SharingRequest[] {
  const zoneId = actor.zoneId;
  if (!zoneId) throw new AppError('NOT_SET_UP', '请先完成初始设置。');
  if (input.scope === 'mine') return selectRequests(db, { kind: 'requester', zoneId }, input.statuses).map(rowToRequest);
  if (input.scope === 'toMine') return selectRequests(db, { kind: 'resourceOwner', zoneId }, input.statuses).map(rowToRequest);

  if (!input.resourceId) throw fieldsError({ resourceId: '查看某资源的申请时必填' });
  const resource = getResource(db, input.resourceId);
  assertMaySee(actor, resource);
  const seesAll = actor.role === 'secretariat' || resource.ownerZoneId === zoneId;
  const filter: RequestFilter = seesAll ? { kind: 'resource', resourceId: resource.id } : { kind: 'resourceCalendar', resourceId: resource.id, zoneId };
  return selectRequests(db, filter, input.statuses)
    .map(rowToRequest)
    .map((request) => (seesAll || request.requesterZoneId === zoneId ? request : withoutPrivateDetails(request)));
}

/** Another zone's booking as the calendar shows it: who and when, never contact details or purpose. */
function withoutPrivateDetails(request: SharingRequest): SharingRequest {
  return { ...request, contactPerson: '', contactPhone: '', contactEmail: '', purpose: '', notes: '', sampleDescription: '', sampleQuantity: null, decisionNote: '' };
}

export function requestStats(db: Database.Database): RequestStats {
  return selectStats(db);
}
