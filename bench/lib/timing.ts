import { performance } from 'node:perf_hooks';

export interface SampleOptions {
  /** Untimed runs first, so JIT compilation, statement caches and the page cache are warm. */
  warmup: number;
  iterations: number;
}

export function timeSync<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Milliseconds of each of `iterations` calls, after `warmup` untimed calls. */
export function sampleSync(fn: () => unknown, options: SampleOptions): number[] {
  for (let i = 0; i < options.warmup; i++) fn();
  const samples = new Array<number>(options.iterations);
  for (let i = 0; i < options.iterations; i++) {
    const start = performance.now();
    fn();
    samples[i] = performance.now() - start;
  }
  return samples;
}

export async function sampleAsync(fn: () => Promise<unknown>, options: SampleOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await fn();
  const samples = new Array<number>(options.iterations);
  for (let i = 0; i < options.iterations; i++) {
    const start = performance.now();
    await fn();
    samples[i] = performance.now() - start;
  }
  return samples;
}
