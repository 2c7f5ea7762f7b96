import type { Migration } from '../migration';
import { migration001 } from './001-foundation';

/** Every migration, in order. Forward only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
