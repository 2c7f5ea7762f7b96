import { z } from 'zod';
import { recordId } from '../validation';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string; // operator name and zone, as it was when the change was made
  actorZoneId: string | null;
  entity: string; // table family, e.g. 'zone'
  recordId: string;
  action: 'create' | 'update' | 'activate' | 'deactivate' | 'delete' | 'transition';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const AuditListInput = z.strictObject({
  recordId: recordId.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
