import type { Migration } from '../migration';
import { migration001 } from './001-foundation';
import { migration002 } from './002-resources';
import { migration003 } from './003-scenarios';
import { migration004 } from './004-events';
import { migration005 } from './005-plan';
import { migration006 } from './006-exchange';
import { migration007 } from './007-bookable-instruments';

/** Every migration, in order. Forward only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
