import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { RecordMeta } from '../../../shared/domain/record';
import { writeAudit } from '../audit';
import { statement } from '../db/statements';
import { newMetaRow, nowIso, rowToMeta, type Actor, type RecordMetaRow } from '../records';
import { requireRole, staleVersion } from '../rules';

/**
 * The one way a configurable list is kept — resource categories, scenario categories (the
 * X), event types: code, name, order, active, plus a few columns of the list's own. Only
 * the secretariat configures them; a code is unique among live rows; every save is audited.
 */
export interface CategoryBase extends RecordMeta {
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export interface CategoryInputBase {
  id?: string | undefined;
  version?: number | undefined;
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export interface CategoryTable<C extends CategoryBase, I extends CategoryInputBase> {
  table: 'resource_categories' | 'scenario_categories' | 'event_types' | 'indicator_defs';
  /** Audit entity name. */
  entity: string;
  /** What a user calls it, in messages: 资源类别, 场景类别, 活动类型. */
  noun: string;
  /** The list's own columns from an input (keys are column names of our schema, never user text). */
  ownColumns(input: I): Record<string, string | number>;
  /** The list's own fields from a row. */
  ownFields(row: Record<string, unknown>): Omit<C, keyof CategoryBase>;
  /** A rule that may refuse an update (e.g. a field set in use). */
  checkUpdate?(db: Database.Database, before: C, input: I): void;
  /** Called after every save (e.g. to drop a search cache that shows the names). */
  afterSave?(db: Database.Database): void;
}

type Row = RecordMetaRow & { code: string; name: string; sort_order: number; active: number } & Record<string, unknown>;

function toCategory<C extends CategoryBase, I extends CategoryInputBase>(spec: CategoryTable<C, I>, row: Row): C {
  // Object.assign rather than a spread literal: see rowToResource (a category is read per imported row).
  return Object.assign(rowToMeta(row), { code: row.code, name: row.name, sortOrder: row.sort_order, active: row.active === 1 }, spec.ownFields(row)) as C;
}

export function listCategoryRows<C extends CategoryBase, I extends CategoryInputBase>(db: Database.Database, spec: CategoryTable<C, I>, includeInactive: boolean): C[] {
  return statement<[], Row>(db, `SELECT * FROM ${spec.table} WHERE deleted_at IS NULL ORDER BY sort_order, code`)
    .all()
    .map((row) => toCategory(spec, row))
    .filter((c) => includeInactive || c.active);
}

export function getCategoryRow<C extends CategoryBase, I extends CategoryInputBase>(db: Database.Database, spec: CategoryTable<C, I>, id: string): C {
  const row = statement<[string], Row>(db, `SELECT * FROM ${spec.table} WHERE id = ? AND deleted_at IS NULL`).get(id);
  if (!row) throw new AppError('VALIDATION', `${spec.noun}：找不到该${spec.noun}。`, { categoryId: `找不到该${spec.noun}` });
  return toCategory(spec, row);
}

/** Adds an entry, or renames / re-orders / deactivates one. */
export function saveCategoryRow<C extends CategoryBase, I extends CategoryInputBase>(db: Database.Database, actor: Actor, spec: CategoryTable<C, I>, input: I): C {
  requireRole(actor, 'secretariat', `只有秘书长单位可以设置${spec.noun}。`);
  return db.transaction(() => {
    const clash = db.prepare<[string], { id: string; name: string }>(`SELECT id, name FROM ${spec.table} WHERE code = ? AND deleted_at IS NULL`).get(input.code);
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `${spec.noun}代码「${input.code}」已被「${clash.name}」使用。`, { code: `已被「${clash.name}」使用` });
    const values: Record<string, string | number> = { code: input.code, name: input.name, sort_order: input.sortOrder, active: input.active ? 1 : 0, ...spec.ownColumns(input) };
    const columns = Object.keys(values);
    let saved: C;
    if (!input.id) {
      const meta = newMetaRow(actor, null);
      const all = { ...meta, ...values };
      db.prepare(`INSERT INTO ${spec.table} (${Object.keys(all).join(', ')}) VALUES (${Object.keys(all).map((c) => '@' + c).join(', ')})`).run(all);
      saved = getCategoryRow(db, spec, meta.id);
      writeAudit(db, actor, spec.entity, saved.id, 'create', null, saved);
    } else {
      const before = getCategoryRow(db, spec, input.id);
      if (input.version !== undefined && input.version !== before.version) throw staleVersion(before.version);
      spec.checkUpdate?.(db, before, input);
      db.prepare(`UPDATE ${spec.table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at, updated_by = @by, version = version + 1 WHERE id = @id`).run({
        ...values,
        id: input.id,
        at: nowIso(),
        by: actor.label,
      });
      saved = getCategoryRow(db, spec, input.id);
      writeAudit(db, actor, spec.entity, saved.id, 'update', before, saved);
    }
    spec.afterSave?.(db);
    return saved;
  })();
}
