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
  },
});
