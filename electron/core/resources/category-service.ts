import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { CategorySaveInput, ResourceCategory } from '../../../shared/domain/resource';
import type { FieldSetKey } from '../../../shared/domain/resource-fields';
import { writeAudit } from '../audit';
import { newMetaRow, nowIso, rowToMeta, type Actor, type RecordMetaRow } from '../records';
import { requireRole, staleVersion } from '../rules';
import { invalidateResourceCache } from '../search/resource-search';

interface CategoryRow extends RecordMetaRow {
  code: string;
  name: string;
  field_set: FieldSetKey;
  sort_order: number;
  active: number;
}

function rowToCategory(row: CategoryRow): ResourceCategory {
  return { ...rowToMeta(row), code: row.code, name: row.name, fieldSet: row.field_set, sortOrder: row.sort_order, active: row.active === 1 };
}

export function listCategories(db: Database.Database, includeInactive: boolean): ResourceCategory[] {
  return db
    .prepare<[], CategoryRow>('SELECT * FROM resource_categories WHERE deleted_at IS NULL ORDER BY sort_order, code')
    .all()
    .map(rowToCategory)
    .filter((c) => includeInactive || c.active);
}

export function getCategory(db: Database.Database, id: string): ResourceCategory {
  const row = db.prepare<[string], CategoryRow>('SELECT * FROM resource_categories WHERE id = ? AND deleted_at IS NULL').get(id);
  if (!row) throw new AppError('VALIDATION', '类别：找不到该类别。', { categoryId: '找不到该类别' });
  return rowToCategory(row);
}

/** Adds a category, or renames / re-orders / deactivates one. Only the secretariat configures categories. */
export function saveCategory(db: Database.Database, actor: Actor, input: z.output<typeof CategorySaveInput>): ResourceCategory {
  requireRole(actor, 'secretariat', '只有秘书长单位可以设置资源类别。');
  return db.transaction(() => {
    const clash = db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM resource_categories WHERE code = ? AND deleted_at IS NULL').get(input.code);
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `类别代码「${input.code}」已被「${clash.name}」使用。`, { code: `已被「${clash.name}」使用` });
    if (!input.id) {
      const meta = newMetaRow(actor, null);
      db.prepare(
        `INSERT INTO resource_categories (id, owner_zone_id, created_at, updated_at, created_by, updated_by, version, deleted_at, is_demo, code, name, field_set, sort_order, active)
         VALUES (@id, NULL, @created_at, @updated_at, @created_by, @updated_by, 1, NULL, 0, @code, @name, @fieldSet, @sortOrder, @active)`,
      ).run({ ...meta, code: input.code, name: input.name, fieldSet: input.fieldSet, sortOrder: input.sortOrder, active: input.active ? 1 : 0 });
      const created = getCategory(db, meta.id);
      writeAudit(db, actor, 'resource_category', created.id, 'create', null, created);
      return created;
    }
    const before = getCategory(db, input.id);
    if (input.version !== undefined && input.version !== before.version) throw staleVersion(before.version);
    if (input.fieldSet !== before.fieldSet && db.prepare('SELECT 1 FROM resources WHERE category_id = ? LIMIT 1').get(before.id)) {
      throw new AppError('CONFLICT', `「${before.name}」下已有资源，不能更换专用字段模板（已填写的专用字段会失效）。可新建一个类别。`, { fieldSet: '已有资源，不能更换' });
    }
    db.prepare(
      `UPDATE resource_categories SET code = @code, name = @name, field_set = @fieldSet, sort_order = @sortOrder, active = @active,
         updated_at = @at, updated_by = @by, version = version + 1 WHERE id = @id`,
    ).run({ id: input.id, code: input.code, name: input.name, fieldSet: input.fieldSet, sortOrder: input.sortOrder, active: input.active ? 1 : 0, at: nowIso(), by: actor.label });
    const after = getCategory(db, input.id);
    writeAudit(db, actor, 'resource_category', after.id, 'update', before, after);
    invalidateResourceCache(db); // category names and order appear in search results
    return after;
  })();
}
