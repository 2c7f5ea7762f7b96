import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Plan, PlanCopyInput, PlanTarget, PlanTargetsInput, WorkItem, WorkItemSaveInput, WorkItemStatus } from '../../../shared/domain/plan';
import { shanghaiToday } from '../../../shared/shanghai-date';
import { writeAudit } from '../audit';
import { insertRow, updateVersionedRow } from '../db/rows';
import { newMetaRow, nowIso, rowToMeta, type Actor, type RecordMetaRow } from '../records';
import { requireRole, staleVersion } from '../rules';

interface PlanRow {
  id: string;
  year: number;
  notes: string;
  updated_at: string;
}

function selectPlan(db: Database.Database, year: number): PlanRow | undefined {
  return db.prepare<[number], PlanRow>('SELECT id, year, notes, updated_at FROM plans WHERE year = ? AND deleted_at IS NULL').get(year);
}

export function readTargets(db: Database.Database, year: number): PlanTarget[] {
  return db
    .prepare<[number], { metric: PlanTarget['metric']; zone_id: string; event_type_id: string; quarter: number; target: number }>(
      'SELECT t.metric, t.zone_id, t.event_type_id, t.quarter, t.target FROM plan_targets t JOIN plans p ON p.id = t.plan_id WHERE p.year = ? AND p.deleted_at IS NULL ORDER BY t.metric, t.zone_id, t.event_type_id, t.quarter',
    )
    .all(year)
    .map((t) => ({ metric: t.metric, zoneId: t.zone_id, typeId: t.event_type_id, quarter: t.quarter, target: t.target }));
}

export function getPlan(db: Database.Database, year: number): Plan {
  const row = selectPlan(db, year);
  return { year, exists: row !== undefined, targets: readTargets(db, year), notes: row?.notes ?? '', workItems: listWorkItems(db, year), updatedAt: row?.updated_at ?? null };
}

/** Replaces the year's targets (the secretariat sets the plan). */
export function saveTargets(db: Database.Database, actor: Actor, input: z.output<typeof PlanTargetsInput>): Plan {
  requireRole(actor, 'secretariat', '只有秘书长单位可以制定年度计划。');
  const seen = new Set<string>();
  for (const t of input.targets) {
    if (t.typeId && t.metric !== 'eventsHeld') throw new AppError('VALIDATION', '目标：只有「举办创新活动」可以按活动类型分解。', { typeId: '只用于创新活动' });
    const key = `${t.metric}|${t.zoneId}|${t.typeId}|${t.quarter}`;
    if (seen.has(key)) throw new AppError('VALIDATION', '目标：同一指标、高新区、类型和季度的目标重复。', { targets: '有重复的目标' });
    seen.add(key);
  }
  return db.transaction(() => {
    for (const zoneId of new Set(input.targets.map((t) => t.zoneId).filter(Boolean))) {
      if (!db.prepare('SELECT 1 FROM zones WHERE id = ? AND deleted_at IS NULL').get(zoneId)) throw new AppError('VALIDATION', '目标：找不到所选高新区。', { zoneId: '找不到' });
    }
    for (const typeId of new Set(input.targets.map((t) => t.typeId).filter(Boolean))) {
      if (!db.prepare('SELECT 1 FROM event_types WHERE id = ? AND deleted_at IS NULL').get(typeId)) throw new AppError('VALIDATION', '目标：找不到所选活动类型。', { typeId: '找不到' });
    }
    const before = getPlan(db, input.year);
    const planId = ensurePlan(db, actor, input.year);
    db.prepare('UPDATE plans SET notes = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(input.notes, nowIso(), actor.label, planId);
    db.prepare('DELETE FROM plan_targets WHERE plan_id = ?').run(planId);
    const insert = db.prepare('INSERT INTO plan_targets (plan_id, metric, zone_id, event_type_id, quarter, target) VALUES (?, ?, ?, ?, ?, ?)');
    for (const t of input.targets) insert.run(planId, t.metric, t.zoneId, t.typeId, t.quarter, t.target);
    const after = getPlan(db, input.year);
    writeAudit(db, actor, 'plan', planId, 'update', { targets: before.targets, notes: before.notes }, { targets: after.targets, notes: after.notes });
    return after;
  })();
}

function ensurePlan(db: Database.Database, actor: Actor, year: number): string {
  const existing = selectPlan(db, year);
  if (existing) return existing.id;
  const meta = newMetaRow(actor, null);
  db.prepare(
    'INSERT INTO plans (id, owner_zone_id, created_at, updated_at, created_by, updated_by, version, deleted_at, is_demo, year, notes) VALUES (@id, NULL, @created_at, @updated_at, @created_by, @updated_by, 1, NULL, 0, @year, \'\')',
  ).run({ ...meta, year });
  writeAudit(db, actor, 'plan', meta.id, 'create', null, { year });
  return meta.id;
}

/** Copies a year's targets and work items (due dates a year later, back to 未开始) to the next. */
export function copyPlan(db: Database.Database, actor: Actor, input: z.output<typeof PlanCopyInput>): Plan {
  requireRole(actor, 'secretariat', '只有秘书长单位可以制定年度计划。');
  if (input.fromYear === input.toYear) throw new AppError('VALIDATION', '复制计划：源年度和目标年度不能相同。', { toYear: '不能与源年度相同' });
  return db.transaction(() => {
    const source = getPlan(db, input.fromYear);
    if (!source.exists) throw new AppError('NOT_FOUND', `${input.fromYear} 年还没有计划，无可复制。`);
    const target = getPlan(db, input.toYear);
    if (target.targets.length > 0 || target.workItems.length > 0) throw new AppError('CONFLICT', `${input.toYear} 年已有计划内容，为免覆盖，未复制。`);
    saveTargets(db, actor, { year: input.toYear, targets: source.targets, notes: source.notes });
    const shift = input.toYear - input.fromYear;
    for (const w of source.workItems) {
      const due = shiftYear(w.dueDate, shift);
      saveWorkItem(db, actor, { year: input.toYear, title: w.title, ownerZoneId: w.ownerZoneId, dueDate: due, status: 'todo', progressNote: '' });
    }
    return getPlan(db, input.toYear);
  })();
}

function shiftYear(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 02-29 in a year without one becomes 02-28.
  const valid = md !== '02-29' || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return `${y}-${valid ? md : '02-28'}`;
}

interface WorkItemRow extends RecordMetaRow {
  owner_zone_id: string;
  year: number;
  title: string;
  due_date: string;
  status: WorkItemStatus;
  progress_note: string;
  zone_name: string;
}

export function listWorkItems(db: Database.Database, year: number): WorkItem[] {
  const today = shanghaiToday();
  return db
    .prepare<[number], WorkItemRow>('SELECT w.*, z.short_name AS zone_name FROM plan_work_items w JOIN zones z ON z.id = w.owner_zone_id WHERE w.year = ? AND w.deleted_at IS NULL ORDER BY w.due_date, w.id')
    .all(year)
    .map((r) => ({
      ...rowToMeta(r),
      year: r.year,
      title: r.title,
      ownerZoneId: r.owner_zone_id,
      ownerZoneName: r.zone_name,
      dueDate: r.due_date,
      status: r.status,
      progressNote: r.progress_note,
      overdue: r.status !== 'done' && r.due_date < today,
    }));
}

/**
 * The secretariat adds and edits key work items; the leading zone reports on its own
 * (status and progress notes only).
 */
export function saveWorkItem(db: Database.Database, actor: Actor, input: z.output<typeof WorkItemSaveInput>): WorkItem {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM zones WHERE id = ? AND deleted_at IS NULL').get(input.ownerZoneId)) throw new AppError('VALIDATION', '牵头高新区：找不到。', { ownerZoneId: '找不到' });
    if (!input.id) {
      requireRole(actor, 'secretariat', '只有秘书长单位可以添加重点工作。');
      const meta = newMetaRow(actor, input.ownerZoneId);
      insertRow(db, 'plan_work_items', { ...meta, year: input.year, title: input.title, due_date: input.dueDate, status: input.status, progress_note: input.progressNote });
      const created = listWorkItems(db, input.year).find((w) => w.id === meta.id) as WorkItem;
      writeAudit(db, actor, 'work_item', created.id, 'create', null, created);
      return created;
    }
    const before = db.prepare<[string], WorkItemRow>("SELECT w.*, '' AS zone_name FROM plan_work_items w WHERE w.id = ? AND w.deleted_at IS NULL").get(input.id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该重点工作。');
    if (input.version !== undefined && input.version !== before.version) throw staleVersion(before.version);
    const reportOnly = actor.role !== 'secretariat';
    if (reportOnly) {
      if (actor.zoneId !== before.owner_zone_id) throw new AppError('FORBIDDEN', '只有秘书长单位或牵头高新区可以更新该重点工作。');
      if (input.title !== before.title || input.dueDate !== before.due_date || input.ownerZoneId !== before.owner_zone_id || input.year !== before.year) {
        throw new AppError('FORBIDDEN', '牵头高新区只能更新状态和进展情况；工作内容、时限由秘书长单位调整。');
      }
    }
    const changes = { title: input.title, due_date: input.dueDate, owner_zone_id: input.ownerZoneId, year: input.year, status: input.status, progress_note: input.progressNote, updated_at: nowIso(), updated_by: actor.label };
    if (!updateVersionedRow(db, 'plan_work_items', before.id, before.version, changes)) throw staleVersion(before.version);
    const after = listWorkItems(db, input.year).find((w) => w.id === before.id) as WorkItem;
    writeAudit(db, actor, 'work_item', after.id, 'update', { status: before.status, progressNote: before.progress_note, dueDate: before.due_date }, { status: after.status, progressNote: after.progressNote, dueDate: after.dueDate });
    return after;
  })();
}
