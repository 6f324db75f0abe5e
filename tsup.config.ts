import { defineConfig, type Options } from 'tsup';

/** The library's entry points: each is a subpath export, built as ESM and CJS with types. */
export const libraryEntries = {
  index: 'src/index.ts',
  consent: 'src/consent/index.ts',
  kindcheck: 'src/kindcheck/index.ts',
  fhir: 'src/fhir/index.ts',
  'cds-hooks': 'src/cds-hooks/index.ts',
  // One framework per entry, so an app bundles only the framework it imports (issue 5).
  'frameworks/basismodel': 'src/frameworks/basismodel/index.ts',
  'frameworks/sociaal-domein': 'src/frameworks/sociaal-domein/index.ts',
  'frameworks/onderwijs': 'src/frameworks/onderwijs/index.ts',
  'frameworks/artsen': 'src/frameworks/artsen/index.ts',
  'frameworks/kinderopvang': 'src/frameworks/kinderopvang/index.ts',
  'frameworks/paramedici': 'src/frameworks/paramedici/index.ts',
  // An alias of sociaal-domein (000 Bijlage 2): the same document under the cluster's own id.
  'frameworks/psychologen-pedagogen': 'src/frameworks/psychologen-pedagogen/index.ts',
  testing: 'src/testing/index.ts',
};

/** Every entry point: the library's, and the `meldcode` bin (ESM only, no types). */
export const entries = { ...libraryEntries, cli: 'src/cli/cli.ts' };

const shared: Options = {
  // Dependencies and peer dependencies (zod, json-rules-engine, fast-check, jose) are never
  // bundled; tsup leaves them external from package.json.
  target: 'es2022',
  treeshake: true,
  splitting: true,
  // No source maps: the code is not minified, so a stack trace reads as it is; maps with the
  // sources inlined were 2.9 MB of a 3.5 MB dist (issue 11).
  sourcemap: false,
};

// Two builds side by side: ESM with the bin (its chunks shared with the library), CJS without
// it (nothing requires a CJS bin). Each cleans only its own files, so neither removes the
// other's output while both run.
export default defineConfig([
  {
    ...shared,
    entry: entries,
    format: ['esm'],
    dts: { entry: libraryEntries },
    clean: ['**/*.js', '**/*.d.ts', '**/*.map'],
  },
  {
    ...shared,
    entry: libraryEntries,
    format: ['cjs'],
    dts: { entry: libraryEntries },
    clean: ['**/*.cjs', '**/*.d.cts'],
  },
]);
