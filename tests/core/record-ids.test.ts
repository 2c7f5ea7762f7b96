import { describe, expect, it } from 'vitest';
import { newId } from '../../electron/core/records';
import { recordId } from '../../shared/validation';

describe('record ids', () => {
  it('are valid ULIDs, strictly increasing, with a fresh random part in each new millisecond', () => {
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      // Wait for the next millisecond: each id of a new one draws 16 random bytes (300 × 16
      // bytes: the pooled random bytes are refilled on the way).
      const ms = Date.now();
      while (Date.now() === ms);
      ids.push(newId(), newId());
    }
    expect(ids.every((id) => recordId.safeParse(id).success)).toBe(true);
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as string))).toBe(true);
    const randomParts = ids.filter((_, i) => i % 2 === 0).map((id) => id.slice(10));
    expect(new Set(randomParts).size).toBe(randomParts.length);
  });
});
