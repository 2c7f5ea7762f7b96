import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { ScenarioCategory, ScenarioCategorySaveInput } from '../../../shared/domain/scenario';
import { writeAudit } from '../audit';
import { newMetaRow, nowIso, rowToMeta, type Actor, type RecordMetaRow } from '../records';
import { requireRole, staleVersion } from '../rules';

interface CategoryRow extends RecordMetaRow {
  code: string;
  name: string;
  keywords: string;
  sort_order: number;
  active: number;
}

const toCategory = (row: CategoryRow): ScenarioCategory => ({
  ...rowToMeta(row),
  code: row.code,
  name: row.name,
  keywords: JSON.parse(row.keywords) as string[],
  sortOrder: row.sort_order,
  active: row.active === 1,
});

export function listScenarioCategories(db: Database.Database, includeInactive: boolean): ScenarioCategory[] {
  return db
    .prepare<[], CategoryRow>('SELECT * FROM scenario_categories WHERE deleted_at IS NULL ORDER BY sort_order, code')
    .all()
    .map(toCategory)
    .filter((c) => includeInactive || c.active);
}

export function getScenarioCategory(db: Database.Database, id: string): ScenarioCategory {
  const row = db.prepare<[string], CategoryRow>('SELECT * FROM scenario_categories WHERE id = ? AND deleted_at IS NULL').get(id);
  if (!row) throw new AppError('VALIDATION', '场景类别：找不到该类别。', { categoryId: '找不到该类别' });
  return toCategory(row);
}

/** Adds a category (an "X"), or renames / re-orders / deactivates one, or edits its field words. */
export function saveScenarioCategory(db: Database.Database, actor: Actor, input: z.output<typeof ScenarioCategorySaveInput>): ScenarioCategory {
  requireRole(actor, 'secretariat', '只有秘书长单位可以设置场景类别。');
  const keywords = JSON.stringify([...new Set(input.keywords.map((k) => k.trim()).filter(Boolean))]);
  return db.transaction(() => {
    const clash = db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM scenario_categories WHERE code = ? AND deleted_at IS NULL').get(input.code);
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `类别代码「${input.code}」已被「${clash.name}」使用。`, { code: `已被「${clash.name}」使用` });
    const values = { code: input.code, name: input.name, keywords, sortOrder: input.sortOrder, active: input.active ? 1 : 0 };
    if (!input.id) {
      const meta = newMetaRow(actor, null);
      db.prepare(
        `INSERT INTO scenario_categories (id, owner_zone_id, created_at, updated_at, created_by, updated_by, version, deleted_at, is_demo, code, name, keywords, sort_order, active)
         VALUES (@id, NULL, @created_at, @updated_at, @created_by, @updated_by, 1, NULL, 0, @code, @name, @keywords, @sortOrder, @active)`,
      ).run({ ...meta, ...values });
      const created = getScenarioCategory(db, meta.id);
      writeAudit(db, actor, 'scenario_category', created.id, 'create', null, created);
      return created;
    }
    const before = getScenarioCategory(db, input.id);
    if (input.version !== undefined && input.version !== before.version) throw staleVersion(before.version);
    db.prepare(
      `UPDATE scenario_categories SET code = @code, name = @name, keywords = @keywords, sort_order = @sortOrder, active = @active,
         updated_at = @at, updated_by = @by, version = version + 1 WHERE id = @id`,
    ).run({ id: input.id, ...values, at: nowIso(), by: actor.label });
    const after = getScenarioCategory(db, input.id);
    writeAudit(db, actor, 'scenario_category', after.id, 'update', before, after);
    return after;
  })();
}
