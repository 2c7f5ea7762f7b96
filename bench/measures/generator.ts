import { summarizeDataset } from '../generate/summary';
import type { Measure, Row } from './measure';
import { valueRow } from './measure';

/** (a) How fast the generator runs and what it produced: the dataset every other measure uses. */
export const generatorMeasure: Measure = {
  name: 'generator',
  title: 'dataset generator',
  run(ctx) {
    const summary = summarizeDataset(ctx.dataset);
    const rows: Row[] = [];
    for (const kind of ['resources', 'scenarios', 'events'] as const) {
      const count = ctx.dataset[kind].length;
      const ms = ctx.generationMs[kind];
      rows.push(valueRow(`generate ${kind}`, ms > 0 ? (count / ms) * 1000 : 0, 'records/s', `${count.toLocaleString('en-US')} in ${Math.round(ms)} ms`));
    }
    for (const [category, count] of Object.entries(summary.resourcesByCategory)) rows.push(valueRow(`resources · ${category}`, count, 'records'));
    const zones = Object.entries(summary.resourcesByZone);
    const [most, fewest] = [zones[0], zones[zones.length - 1]];
    rows.push(valueRow('resources · zones covered', zones.length, 'zones', most && fewest ? `most ${most[0]} ${most[1]}, fewest ${fewest[0]} ${fewest[1]}` : undefined));
    const chars = summary.averageChars;
    rows.push(valueRow('avg resource title', chars.resourceTitle, 'chars', `organisation ${chars.resourceOrganisation}, description ${chars.resourceDescription}`));
    rows.push(valueRow('avg scenario / event description', chars.scenarioDescription, 'chars', `events ${chars.eventDescription}`));
    rows.push(valueRow('resources with Latin letters', summary.resourcesWithLatin * 100, '%', 'SEM, GMP, AI, IoT… mixed into Chinese text'));
    return { rows, details: { seed: ctx.dataset.seed, generationMs: ctx.generationMs, summary } };
  },
};
