/**
 * Which fields two versions of a record disagree on — what the conflicts view marks, and the
 * only fields a merge may take from the other version. Shared by the core (which checks a
 * merge) and the renderer (which offers it), so both mean the same fields.
 */

/** Columns copied out of another for facets and sorting (resources' extra): they follow their source. */
export const DERIVED_FROM: Readonly<Record<string, readonly string[]>> = { extra: ['instrument_state', 'original_value', 'booking_mode'] };

/** Bookkeeping and derived columns: shown in each version's heading (by whom, when), never compared or merged alone. */
const NOT_COMPARED = new Set(['seq', 'id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'is_demo', ...Object.values(DERIVED_FROM).flat()]);

/** The columns whose values differ between the two versions, in the row's order. */
export function changedFields(current: Record<string, unknown>, other: Record<string, unknown>): string[] {
  const columns = [...new Set([...Object.keys(current), ...Object.keys(other)])];
  return columns.filter((c) => !NOT_COMPARED.has(c) && c in other && JSON.stringify(current[c] ?? null) !== JSON.stringify(other[c] ?? null));
}

/** `current` with the `take`n fields (and what is derived from them) from `other`. */
export function mergeVersions(current: Record<string, unknown>, other: Record<string, unknown>, take: readonly string[]): Record<string, unknown> {
  const merged = { ...current };
  for (const column of take) for (const c of [column, ...(DERIVED_FROM[column] ?? [])]) if (c in other) merged[c] = other[c];
  return merged;
}
