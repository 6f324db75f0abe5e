import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    consent: 'src/consent/index.ts',
    kindcheck: 'src/kindcheck/index.ts',
    fhir: 'src/fhir/index.ts',
    'cds-hooks': 'src/cds-hooks/index.ts',
    cli: 'src/cli/cli.ts',
    // One framework per entry, so an app bundles only the framework it imports (issue 5).
    'frameworks/basismodel': 'src/frameworks/basismodel/index.ts',
    'frameworks/sociaal-domein': 'src/frameworks/sociaal-domein/index.ts',
    'frameworks/onderwijs': 'src/frameworks/onderwijs/index.ts',
    'frameworks/artsen': 'src/frameworks/artsen/index.ts',
    testing: 'src/testing/index.ts',
  },
  // fast-check is a peer dependency of `meldcode/testing` only; never bundle it.
  external: ['fast-check'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  splitting: true,
});
