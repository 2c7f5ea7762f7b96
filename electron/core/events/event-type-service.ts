import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { EventType, EventTypeSaveInput } from '../../../shared/domain/event';
import { getCategoryRow, listCategoryRows, saveCategoryRow, type CategoryTable } from '../categories/category-table';
import type { Actor } from '../records';

type Input = z.output<typeof EventTypeSaveInput>;

/** Event types (研讨会, 项目路演…): each with its calendar colour. */
const EVENT_TYPES: CategoryTable<EventType, Input> = {
  table: 'event_types',
  entity: 'event_type',
  noun: '活动类型',
  ownColumns: (input) => ({ color: input.color.toLowerCase() }),
  ownFields: (row) => ({ color: row.color as string }),
};

export const listEventTypes = (db: Database.Database, includeInactive: boolean): EventType[] => listCategoryRows(db, EVENT_TYPES, includeInactive);
export const getEventType = (db: Database.Database, id: string): EventType => getCategoryRow(db, EVENT_TYPES, id);
export const saveEventType = (db: Database.Database, actor: Actor, input: Input): EventType => saveCategoryRow(db, actor, EVENT_TYPES, input);
