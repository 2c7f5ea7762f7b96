import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../shared/domain/audit';
import { statement } from './db/statements';
import { newId, nowIso, type Actor } from './records';

interface AuditRow {
  id: string;
  at: string;
  actor: string;
  actor_zone_id: string | null;
  entity: string;
  record_id: string;
  action: AuditEntry['action'];
  before_json: string | null;
  after_json: string | null;
}

/** Records one change. Call inside the transaction that makes the change. */
export function writeAudit(
  db: Database.Database,
  actor: Actor,
  entity: string,
  recordId: string,
  action: AuditEntry['action'],
  before: object | null,
  after: object | null,
): void {
  statement(
    db,
    `INSERT INTO audit_log (id, at, actor, actor_zone_id, entity, record_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), nowIso(), actor.label, actor.zoneId, entity, recordId, action, json(before), json(after));
}

export function listAudit(db: Database.Database, options: { recordId?: string; limit: number }): AuditEntry[] {
  const rows = options.recordId
    ? statement<[string, number], AuditRow>(db, 'SELECT * FROM audit_log WHERE record_id = ? ORDER BY id DESC LIMIT ?').all(options.recordId, options.limit)
    : statement<[number], AuditRow>(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(options.limit);
  return rows.map(rowToAuditEntry);
}

function rowToAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorZoneId: row.actor_zone_id,
    entity: row.entity,
    recordId: row.record_id,
    action: row.action,
    before: row.before_json ? JSON.parse(row.before_json) : null,
    after: row.after_json ? JSON.parse(row.after_json) : null,
  };
}

function json(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}
