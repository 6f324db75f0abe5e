// The dual-package hazard: an error thrown by the CJS build is no `instanceof` the ESM build's
// class, so `isMeldcodeError` is duck-typed on a brand. src/index.ts is bundled twice here, as
// ESM and as CJS (two module instances, as in an app that loads both builds); `.ci/run` checks
// the same on the built dist/ (scripts/check-dist.mjs).
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

type Lib = typeof import('../src/index.js');
const work = join(process.cwd(), 'node_modules', '.cache', 'meldcode-errors-test');
let esm: Lib;
let cjs: Lib;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const common: BuildOptions = { entryPoints: ['src/index.ts'], bundle: true, platform: 'node', packages: 'external', target: 'es2022', logLevel: 'silent' };
  await build({ ...common, format: 'esm', outfile: join(work, 'index.mjs') });
  await build({ ...common, format: 'cjs', outfile: join(work, 'index.cjs') });
  esm = await import(pathToFileURL(join(work, 'index.mjs')).href);
  cjs = createRequire(import.meta.url)(join(work, 'index.cjs'));
}, 120_000);

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('isMeldcodeError across the ESM and CJS builds', () => {
  const badCase = { considerations: { suspicion: 'yes' } };

  it('recognises an input error from either build in either build, where instanceof fails', () => {
    for (const [from, to] of [[cjs, esm], [esm, cjs]] as const) {
      const error = thrown(() => from.evaluate(badCase as never));
      expect(error instanceof to.MeldcodeInputError).toBe(false);
      expect(to.isMeldcodeError(error)).toBe(true);
      expect(error).toMatchObject({ name: 'MeldcodeInputError', kind: 'input' });
      expect((error as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    }
  });

  it('recognises a framework error, told apart by kind and name', () => {
    const error = thrown(() => cjs.defineFramework({ id: 42 } as never));
    expect(esm.isMeldcodeError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'MeldcodeFrameworkError', kind: 'framework' });
    expect(error instanceof cjs.MeldcodeInputError).toBe(true);
  });

  it('is false for anything else, a look-alike without the brand included', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'MeldcodeInputError', kind: 'input', issues: [] });
    for (const value of [lookAlike, new Error('x'), { kind: 'input', issues: [] }, null, undefined, 'MeldcodeInputError', 42]) {
      expect([value, esm.isMeldcodeError(value), cjs.isMeldcodeError(value)]).toEqual([value, false, false]);
    }
  });

  it('keeps the brand out of the error as JSON and its enumerable keys', () => {
    const error = thrown(() => esm.evaluate(badCase as never)) as object;
    expect(Object.keys(error).sort()).toEqual(['issues', 'kind', 'name']);
  });
});
