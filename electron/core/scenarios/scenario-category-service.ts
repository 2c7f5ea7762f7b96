import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ScenarioCategory, ScenarioCategorySaveInput } from '../../../shared/domain/scenario';
import { getCategoryRow, listCategoryRows, saveCategoryRow, type CategoryTable } from '../categories/category-table';
import type { Actor } from '../records';

type Input = z.output<typeof ScenarioCategorySaveInput>;

/** Scenario categories (the X): each carries the field words matching looks for. */
const SCENARIO_CATEGORIES: CategoryTable<ScenarioCategory, Input> = {
  table: 'scenario_categories',
  entity: 'scenario_category',
  noun: '场景类别',
  ownColumns: (input) => ({ keywords: JSON.stringify([...new Set(input.keywords.map((k) => k.trim()).filter(Boolean))]) }),
  ownFields: (row) => ({ keywords: JSON.parse(row.keywords as string) as string[] }),
};

export const listScenarioCategories = (db: Database.Database, includeInactive: boolean): ScenarioCategory[] => listCategoryRows(db, SCENARIO_CATEGORIES, includeInactive);
export const getScenarioCategory = (db: Database.Database, id: string): ScenarioCategory => getCategoryRow(db, SCENARIO_CATEGORIES, id);
export const saveScenarioCategory = (db: Database.Database, actor: Actor, input: Input): ScenarioCategory => saveCategoryRow(db, actor, SCENARIO_CATEGORIES, input);
