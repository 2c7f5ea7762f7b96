import { describe, expect, it } from 'vitest';
import { createInputOf } from '../../bench/generate/create-input';
import { generateDataset, generateResources } from '../../bench/generate/dataset';
import { ZONE_PROFILES } from '../../bench/generate/vocab/zone-profiles';
import { DEFAULT_ROSTER } from '../../electron/core/zones/roster';
import { ResourceCreateInput } from '../../shared/domain/resource';
import { extraSchema, FIELD_SET_KEYS } from '../../shared/domain/resource-fields';

const SIZES = { resources: 400, scenarios: 60, events: 80 };
const CJK = /[\u4e00-\u9fff]/;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const rosterCodes = new Set(DEFAULT_ROSTER.map((zone) => zone.code));

describe('the bench dataset generator', () => {
  const dataset = generateDataset(SIZES, 42);

  it('produces the same dataset for the same seed, and a different one for another seed', () => {
    expect(generateDataset(SIZES, 42)).toEqual(dataset);
    expect(generateDataset(SIZES, 43).resources.map((r) => r.title)).not.toEqual(dataset.resources.map((r) => r.title));
  });

  it('makes a smaller dataset an exact prefix of a larger one with the same seed', () => {
    expect(generateResources(50, 42)).toEqual(dataset.resources.slice(0, 50));
  });

  it('produces exactly the requested number of each kind of record, numbered from 1', () => {
    expect(dataset.resources).toHaveLength(SIZES.resources);
    expect(dataset.scenarios).toHaveLength(SIZES.scenarios);
    expect(dataset.events).toHaveLength(SIZES.events);
    expect(dataset.resources.map((r) => r.seq)).toEqual(Array.from({ length: SIZES.resources }, (_, i) => i + 1));
    expect(generateDataset({ resources: 0, scenarios: 0, events: 0 }, 42)).toMatchObject({ resources: [], scenarios: [], events: [] });
  });

  it('places every record in a zone of the embedded roster, and knows every roster zone', () => {
    expect(Object.keys(ZONE_PROFILES).sort()).toEqual([...rosterCodes].sort());
    for (const r of dataset.resources) expect(rosterCodes).toContain(r.ownerZoneCode);
    for (const s of dataset.scenarios) expect(rosterCodes).toContain(s.ownerZoneCode);
    for (const e of dataset.events) for (const code of [e.hostZoneCode, ...e.coHostZoneCodes]) expect(rosterCodes).toContain(code);
  });

  it('covers all eight resource categories', () => {
    expect(new Set(dataset.resources.map((r) => r.categoryCode))).toEqual(new Set(FIELD_SET_KEYS));
    expect(new Set(dataset.resources.map((r) => r.categoryName)).size).toBe(8);
  });

  it('writes Chinese titles and descriptions, with some Latin abbreviations mixed in', () => {
    const texts = [...dataset.resources, ...dataset.scenarios, ...dataset.events].flatMap((x) => [x.title, x.description]);
    expect(texts.every((text) => CJK.test(text))).toBe(true);
    expect(dataset.resources.filter((r) => /[A-Za-z]{2,}/.test(r.title + r.description)).length).toBeGreaterThan(SIZES.resources * 0.2);
    expect(dataset.resources.every((r) => CJK.test(r.organisation) && r.description.length >= 40)).toBe(true);
  });

  it('generates resources the app itself would accept, category-specific fields included', () => {
    for (const r of dataset.resources) {
      const input = createInputOf(r, r.id);
      const parsed = ResourceCreateInput.safeParse(input);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `#${r.seq} ${i.path.join('.')}: ${i.message}`)).toEqual([]);
      const extra = extraSchema(r.categoryCode).safeParse(r.extra);
      expect(extra.success ? [] : extra.error.issues.map((i) => `#${r.seq} extra.${i.path.join('.')}: ${i.message}`)).toEqual([]);
    }
  });

  it('gives every record a unique ULID and schedules events in 2026, Asia/Shanghai time', () => {
    const ids = [...dataset.resources, ...dataset.scenarios, ...dataset.events].map((x) => x.id);
    expect(ids.every((id) => ULID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of dataset.events) {
      expect(e.startAt).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:00\+08:00$/);
      expect(Date.parse(e.endAt)).toBeGreaterThan(Date.parse(e.startAt));
    }
    for (const s of dataset.scenarios) expect(s.deadline).toMatch(/^2026-\d\d-\d\d$/);
  });
});
