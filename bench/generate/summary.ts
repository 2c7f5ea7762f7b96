import type { Dataset } from './types';

export interface DatasetSummary {
  counts: { resources: number; scenarios: number; events: number };
  resourcesByCategory: Record<string, number>;
  resourcesByZone: Record<string, number>;
  resourcesBySharingMode: Record<string, number>;
  scenariosByKind: Record<string, number>;
  scenariosByCategory: Record<string, number>;
  eventsByType: Record<string, number>;
  eventsByHostZone: Record<string, number>;
  /** Average length in characters (UTF-16 code units; all generated text is in the BMP). */
  averageChars: { resourceTitle: number; resourceOrganisation: number; resourceDescription: number; scenarioDescription: number; eventDescription: number };
  /** Share of resources whose searchable text holds at least one ASCII letter (SEM, GMP, AI…). */
  resourcesWithLatin: number;
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const { resources, scenarios, events } = dataset;
  return {
    counts: { resources: resources.length, scenarios: scenarios.length, events: events.length },
    resourcesByCategory: countBy(resources, (r) => r.categoryName),
    resourcesByZone: countBy(resources, (r) => r.ownerZoneCode),
    resourcesBySharingMode: countBy(resources, (r) => r.sharingMode),
    scenariosByKind: countBy(scenarios, (s) => s.kind),
    scenariosByCategory: countBy(scenarios, (s) => s.category),
    eventsByType: countBy(events, (e) => e.type),
    eventsByHostZone: countBy(events, (e) => e.hostZoneCode),
    averageChars: {
      resourceTitle: average(resources, (r) => r.title.length),
      resourceOrganisation: average(resources, (r) => r.organisation.length),
      resourceDescription: average(resources, (r) => r.description.length),
      scenarioDescription: average(scenarios, (s) => s.description.length),
      eventDescription: average(events, (e) => e.description.length),
    },
    resourcesWithLatin: round(resources.filter((r) => /[A-Za-z]/.test(r.title + r.organisation + r.description)).length / Math.max(1, resources.length), 3),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

function average<T>(items: readonly T[], value: (item: T) => number): number {
  if (items.length === 0) return 0;
  let sum = 0;
  for (const item of items) sum += value(item);
  return round(sum / items.length, 1);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
