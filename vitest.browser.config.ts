import { defineConfig } from 'vitest/config';

// Tests in a real browser: Debian's chromium driven by playwright-core (no browser download).
// Kept out of `npm test`; run with `npm run test:browser` (a step of .ci/run).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time on a small machine.
    fileParallelism: false,
  },
});
