import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { CategorySaveInput, ResourceCategory } from '../../../shared/domain/resource';
import type { FieldSetKey } from '../../../shared/domain/resource-fields';
import { getCategoryRow, listCategoryRows, saveCategoryRow, type CategoryTable } from '../categories/category-table';
import type { Actor } from '../records';
import { invalidateResourceCache } from '../search/resource-search';

type Input = z.output<typeof CategorySaveInput>;

/** Resource categories: each names the field set (专用字段模板) its resources fill in. */
const RESOURCE_CATEGORIES: CategoryTable<ResourceCategory, Input> = {
  table: 'resource_categories',
  entity: 'resource_category',
  noun: '资源类别',
  ownColumns: (input) => ({ field_set: input.fieldSet }),
  ownFields: (row) => ({ fieldSet: row.field_set as FieldSetKey }),
  checkUpdate(db, before, input) {
    if (input.fieldSet !== before.fieldSet && db.prepare('SELECT 1 FROM resources WHERE category_id = ? LIMIT 1').get(before.id)) {
      throw new AppError('CONFLICT', `「${before.name}」下已有资源，不能更换专用字段模板（已填写的专用字段会失效）。可新建一个类别。`, { fieldSet: '已有资源，不能更换' });
    }
  },
  afterSave: (db) => invalidateResourceCache(db), // category names and order appear in search results
};

export const listCategories = (db: Database.Database, includeInactive: boolean): ResourceCategory[] => listCategoryRows(db, RESOURCE_CATEGORIES, includeInactive);
export const getCategory = (db: Database.Database, id: string): ResourceCategory => getCategoryRow(db, RESOURCE_CATEGORIES, id);
export const saveCategory = (db: Database.Database, actor: Actor, input: Input): ResourceCategory => saveCategoryRow(db, actor, RESOURCE_CATEGORIES, input);
