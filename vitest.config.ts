import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web app (examples/web) imports the package by name; its logic is tested against src/ here,
  // before any build (the browser tests run it from the built package).
  resolve: { alias: [{ find: /^meldcode$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }] },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Real-browser tests run in their own step: npm run test:browser (vitest.browser.config.ts).
    exclude: ['test/browser/**', '**/node_modules/**'],
    // Without ../shared/sources: says at the start which checks cannot run and how to get the
    // texts, and lists the skipped checks by name at the end (never passed silently).
    globalSetup: ['test/support/sources.setup.ts'],
    // Every property test runs on one fixed fast-check seed (FC_SEED overrides it; see the file).
    setupFiles: ['test/support/fast-check.setup.ts'],
    reporters: ['default', './test/support/sources.reporter.ts'],
    // Property tests run hundreds of evaluations; a slow CI machine must not fail them on time.
    testTimeout: 120_000,
    // Every core: vitest's default leaves one free, which on a 2-core machine runs the files one
    // at a time (79 s here, against 54 s on both cores).
    maxWorkers: '100%',
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts', 'src/**/*.test-d.ts'] },
  },
});
