import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Two cores: core tests are quick; end-to-end files each drive one Chromium.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The UI settles in milliseconds here, but a loaded 2-core CI machine can take seconds.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
