/**
 * Helpers for applying a partial update ("patch") to a record: which keys really change,
 * the merged record to validate, and the before/after slices the audit log keeps.
 */

/** The patch without its undefined keys (a key left out means "unchanged"). */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Keys whose value in the patch differs from the record's (compared as JSON). */
export function changedKeys<P extends object>(record: object, patch: P): (keyof P & string)[] {
  return (Object.keys(patch) as (keyof P & string)[]).filter((key) => {
    const value = patch[key];
    return value !== undefined && JSON.stringify(value) !== JSON.stringify((record as Record<string, unknown>)[key]);
  });
}

/** The named fields of a record, for the audit log's before/after. */
export function pickFields(record: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (record as Record<string, unknown>)[k]]));
}
