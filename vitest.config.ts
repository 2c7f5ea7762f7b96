import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Two cores: core tests are quick; end-to-end files each drive one Chromium.
    maxWorkers: 2,
    // Long end-to-end journeys (a resource's whole workflow, an event's day) on a loaded 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // The UI settles in milliseconds here, but a loaded 2-core CI machine can take seconds.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    // A browser action that times out (one in ~2,000 tests per CI run, a different one each
    // time, never reproduced on demand) gets one more try. The harness prints the page's
    // accessibility tree at every failure, so a flake still leaves its evidence in the log.
    // Nothing else is retried: a wrong value fails at once.
    retry: { count: 1, condition: /Timeout \d+ms exceeded/ },
  },
});
