import { generateEvent } from './events';
import { hashSeed } from './prng';
import { generateResource } from './resources/resource';
import { generateScenario } from './scenarios';
import type { Dataset, DatasetSizes, GeneratedEvent, GeneratedResource, GeneratedScenario } from './types';

export const DEFAULT_SIZES: DatasetSizes = { resources: 100_000, scenarios: 5_000, events: 10_000 };
export const QUICK_SIZES: DatasetSizes = { resources: 5_000, scenarios: 500, events: 1_000 };
export const DEFAULT_SEED = 2026;

/** `--seed 7` and `--seed alliance` both work: numbers are used as is, words are hashed. */
export function parseSeed(text: string | number): number {
  if (typeof text === 'number') return text >>> 0;
  return /^\d+$/.test(text) ? Number(text) >>> 0 : hashSeed(text);
}

/** The whole dataset. Records are numbered from 1; record n depends only on (seed, kind, n). */
export function generateDataset(sizes: DatasetSizes, seed: number = DEFAULT_SEED): Dataset {
  return {
    seed,
    resources: generateResources(sizes.resources, seed),
    scenarios: generateScenarios(sizes.scenarios, seed),
    events: generateEvents(sizes.events, seed),
  };
}

export const generateResources = (count: number, seed: number = DEFAULT_SEED): GeneratedResource[] => range(count, (seq) => generateResource(seed, seq));
export const generateScenarios = (count: number, seed: number = DEFAULT_SEED): GeneratedScenario[] => range(count, (seq) => generateScenario(seed, seq));
export const generateEvents = (count: number, seed: number = DEFAULT_SEED): GeneratedEvent[] => range(count, (seq) => generateEvent(seed, seq));

function range<T>(count: number, make: (seq: number) => T): T[] {
  const out = new Array<T>(count);
  for (let i = 0; i < count; i++) out[i] = make(i + 1);
  return out;
}
