// The package's shape, checked without building: every entry point is built, typed and has a
// size budget; the CLI is a bin; FHIR stays a compile-time matter. `.ci/run` checks the built
// package itself (publint, attw, size-limit).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import tsupConfig, { entries as allEntries, libraryEntries } from '../tsup.config.js';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sizeLimit: { path: string; limit: string }[] = JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8'));
const entries: Record<string, string> = allEntries;
const builds = tsupConfig as unknown as { entry: Record<string, string>; format: string[]; sourcemap?: boolean; dts?: { entry: Record<string, string> } }[];

type Conditions = { import: { types: string; default: string }; require: { types: string; default: string } };
const subpaths = Object.entries(pkg.exports as Record<string, Conditions | string>).filter(
  (e): e is [string, Conditions] => typeof e[1] !== 'string',
);

describe('package.json', () => {
  it.each(subpaths)('export %s is a tsup entry, typed for ESM and CJS, with a size budget', (_, conditions) => {
    const name = conditions.import.default.replace(/^\.\/dist\/(.+)\.js$/, '$1');
    expect(entries[name]).toBeDefined();
    expect(conditions).toEqual({
      import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
      require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
    });
    expect(sizeLimit.some((s) => s.path === `dist/${name}.js`)).toBe(true);
  });

  it('every size budget measures a built entry point, or the web app as served', () => {
    const app = 'examples/web/dist/app.js'; // the reference web app, bundled by scripts/web-app.ts
    expect(sizeLimit.map((s) => s.path)).toContain(app);
    for (const s of sizeLimit.filter((s) => s.path !== app)) expect(Object.keys(entries)).toContain(s.path.replace(/^dist\/(.+)\.js$/, '$1'));
  });

  it('has the meldcode bin, built from the CLI entry with a shebang', () => {
    expect(pkg.bin).toEqual({ meldcode: 'dist/cli.js' });
    expect(entries.cli).toBe('src/cli/cli.ts');
    expect(readFileSync(join(root, entries.cli as string), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('pins dev dependencies exactly and keeps the rollup override', () => {
    for (const [name, version] of Object.entries(pkg.devDependencies as Record<string, string>)) expect([name, version]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
    expect(pkg.overrides).toEqual({ rollup: '4.67.4' });
  });

  it('needs no FHIR package at run time: src/fhir has its own types', () => {
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('@types/fhir');
    for (const file of readdirSync(join(root, 'src', 'fhir'))) {
      const text = readFileSync(join(root, 'src', 'fhir', file), 'utf8');
      expect([file, /from ['"](fhir|@types\/fhir)/.test(text)]).toEqual([file, false]);
    }
  });

  it('maps every subpath export to its types for node10 resolution (typesVersions)', () => {
    expect(pkg.typesVersions).toEqual({ '*': Object.fromEntries(subpaths.filter(([s]) => s !== '.').map(([s, c]) => [s.slice(2), [c.require.types]])) });
  });

  it('builds on prepack, so `npm pack` and `npm publish` from a clean clone ship dist', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
  });

  it('takes zod as a peer within the tested major, and json-rules-engine as an optional peer of meldcode/testing', () => {
    // zod's types are in our public declarations: the app's zod must be the one they name.
    expect(pkg.dependencies).toBeUndefined();
    const tested = (name: string) => pkg.devDependencies[name] as string;
    expect(pkg.peerDependencies.zod).toBe(`^${tested('zod')}`);
    expect(pkg.peerDependenciesMeta.zod).toBeUndefined();
    expect(pkg.peerDependencies['json-rules-engine']).toBe(`^${tested('json-rules-engine')}`);
    expect(pkg.peerDependenciesMeta['json-rules-engine']).toEqual({ optional: true });
  });

  it('names its author; repository, homepage and bugs wait for a public repository (docs/notes/issue-11-package.md)', () => {
    expect(pkg.author).toEqual(expect.any(String));
    for (const field of ['repository', 'homepage', 'bugs']) expect([field, JSON.stringify(pkg[field] ?? null)]).not.toEqual([field, expect.stringMatching(/example|TODO|your-|<|OWNER/i)]);
  });

  it('builds the library as ESM and CJS with types, the bin as ESM only, and no source maps', () => {
    expect(builds.map((b) => [b.format, Object.keys(b.entry).sort(), Object.keys(b.dts?.entry ?? {}).sort(), b.sourcemap])).toEqual([
      [['esm'], Object.keys(entries).sort(), Object.keys(libraryEntries).sort(), false],
      [['cjs'], Object.keys(libraryEntries).sort(), Object.keys(libraryEntries).sort(), false],
    ]);
  });

  it('CI runs publint, attw on the packed tarball and size-limit', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(ci).toContain('npx publint --strict');
    expect(ci).toContain('npx attw --pack .');
    expect(ci).not.toContain('--profile');
    expect(ci).toContain('MELDCODE_PACKED=1 npx vitest run test/package-consumers.test.ts');
    expect(ci).toContain('npx size-limit');
  });
});
