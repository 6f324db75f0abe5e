import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Files that need a module registry of their own: they mock a module (vi.mock) or count what a
// module does on first use, plant changes on built-in prototypes (the fuzz tests), or use a library
// with process-wide state (@medplum/core's validator). Every other file shares its worker's modules
// with the files before it (`isolate: false`): the library and zod are then imported once per worker
// instead of once per file, which was about a third of `npm test`'s CPU.
const isolated = [
  'test/framework-cache.test.ts',
  'test/testing-kit-cache.test.ts',
  'test/fhir-validate.test.ts',
  'test/fuzz.test.ts',
  'test/fuzz-more.test.ts',
  'test/hostile-input.test.ts',
  'test/package-guides.test.ts',
  'test/fast-check-seed.test.ts',
];
const include = ['test/**/*.test.ts', 'src/**/*.test.ts'];
// Real-browser tests run in their own step: npm run test:browser (vitest.browser.config.ts).
const exclude = ['test/browser/**', '**/node_modules/**'];

export default defineConfig({
  // The web app (examples/web) imports the package by name; its logic is tested against src/ here,
  // before any build (the browser tests run it from the built package).
  resolve: { alias: [{ find: /^meldcode$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }] },
  test: {
    // Without ../shared/sources: says at the start which checks cannot run and how to get the
    // texts, and lists the skipped checks by name at the end (never passed silently).
    globalSetup: ['test/support/sources.setup.ts'],
    // Every property test runs on one fixed fast-check seed (FC_SEED overrides it; see the file).
    // Setup files run again for every test file, shared modules or not.
    setupFiles: ['test/support/fast-check.setup.ts'],
    reporters: ['default', './test/support/sources.reporter.ts'],
    // Property tests run hundreds of evaluations; a slow CI machine must not fail them on time.
    testTimeout: 120_000,
    // Every core: vitest's default leaves one free, which on a 2-core machine runs the files one
    // at a time (79 s here, against 54 s on both cores).
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: { name: 'shared', include, exclude: [...exclude, ...isolated], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: isolated,
          exclude,
          isolate: true,
          // The type tests (tsc over test/**/*.test-d.ts) run once, with this project.
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts', 'src/**/*.test-d.ts'] },
        },
      },
    ],
  },
});
