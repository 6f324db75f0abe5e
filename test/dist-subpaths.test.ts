// The built package, not src/: `meldcode/frameworks/<id>` and `meldcode/testing` load in ESM
// and CJS through package.json `exports`, each shipped framework evaluates a demo case, and a
// bundle that imports one framework carries none of the others' texts (tree-shaking).
// The package is built (JS only; CI builds the d.ts) into node_modules/.cache, so the shared
// dist/ is never touched while other tests run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../scripts/framework-docs.js';

const work = join(root, 'node_modules', '.cache', 'meldcode-dist-test');
const pkg = join(work, 'pkg');
// The app lives outside any node_modules folder, where bundlers resolve `meldcode` as an app would.
const app = join(tmpdir(), 'meldcode-dist-test-app');
const ids = ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen', 'paramedici', 'kinderopvang'] as const;
const exportName = { basismodel: 'basismodel', 'sociaal-domein': 'sociaalDomein', onderwijs: 'onderwijs', artsen: 'artsen', paramedici: 'paramedici', kinderopvang: 'kinderopvang' };

/** A text that stands in one framework's document and in no other shipped framework's. */
const uniqueText = {
  basismodel: 'Voorbeeld-afwegingskader uit het Basisdocument',
  'sociaal-domein': 'Verkeert een van de betrokkenen in direct (levens)gevaar?',
  onderwijs: 'onderwijs-bij-twijfel-melden',
  artsen: 'Acceptatie',
  paramedici: 'logopedist-zelfstandig',
  kinderopvang: 'gastouder-beslist-over-melding',
};

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(app, { recursive: true, force: true });
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  mkdirSync(pkg, { recursive: true });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(root, 'schema'), join(pkg, 'schema'), { recursive: true });
  execFileSync('npx', ['tsup', '--out-dir', join(pkg, 'dist'), '--no-dts', '--no-sourcemap', '--silent'], { cwd: root, stdio: 'pipe' });
  symlinkSync(pkg, join(app, 'node_modules', 'meldcode'), 'dir');
}, 120_000);

const node = (file: string, source: string) => {
  writeFileSync(join(app, file), source);
  return JSON.parse(execFileSync('node', [join(app, file)], { cwd: app, encoding: 'utf8' }));
};

const demoCase = { considerations: { suspicion: true, unsafety: { structural: true } } };

describe('subpath imports from the built package', () => {
  it('ESM: each framework entry loads alone and evaluates a demo case with the main entry', () => {
    const lines = ids.map((id) => `import { ${exportName[id]} } from 'meldcode/frameworks/${id}';`).join('\n');
    const result = node(
      'esm.mjs',
      `${lines}
import { evaluate, defineFramework } from 'meldcode';
import { checkFramework } from 'meldcode/testing';
const out = {};
for (const fw of [${ids.map((id) => exportName[id]).join(', ')}]) {
  const d = evaluate(${JSON.stringify(demoCase)}, { framework: fw, evaluationDate: '2026-11-23' });
  out[fw.id] = { outcome: d.outcome, norms: d.report.norms, receipt: d.receipt.framework.id, valid: defineFramework(fw).id };
}
out.check = checkFramework('onderwijs', { numRuns: 3, only: ['norm-1'] }).ok;
console.log(JSON.stringify(out));`,
    );
    for (const id of ids) expect(result[id]).toEqual({ outcome: 'report', norms: [1], receipt: id, valid: id });
    expect(result.check).toBe(true);
  });

  it('CJS: the same entries load with require()', () => {
    const result = node(
      'cjs.cjs',
      `const { evaluate } = require('meldcode');
const { checkFramework } = require('meldcode/testing');
const out = {};
for (const [id, name] of ${JSON.stringify(Object.entries(exportName))}) {
  const fw = require('meldcode/frameworks/' + id)[name];
  const d = evaluate(${JSON.stringify(demoCase)}, { framework: fw, evaluationDate: '2026-11-23' });
  out[id] = { outcome: d.outcome, norms: d.report.norms, id: fw.id };
}
out.check = checkFramework('artsen', { numRuns: 3, only: ['no-suspicion'] }).ok;
console.log(JSON.stringify(out));`,
    );
    for (const id of ids) expect(result[id]).toEqual({ outcome: 'report', norms: [1], id });
    expect(result.check).toBe(true);
  });

  it('ships the framework JSON Schema as meldcode/schema/framework.schema.json', () => {
    const result = node(
      'schema.cjs',
      `console.log(JSON.stringify(require('meldcode/schema/framework.schema.json').required));`,
    );
    expect(result).toContain('indicators');
  });
});

describe('tree-shaking: importing one framework does not bundle the others', () => {
  const bundle = async (id: (typeof ids)[number], format: 'esm' | 'cjs') => {
    const entry = join(app, `entry-${id}-${format}.${format === 'esm' ? 'mjs' : 'cjs'}`);
    writeFileSync(
      entry,
      format === 'esm'
        ? `import { ${exportName[id]} } from 'meldcode/frameworks/${id}';\nconsole.log(${exportName[id]}.id, ${exportName[id]}.name.nl);\n`
        : `const { ${exportName[id]} } = require('meldcode/frameworks/${id}');\nconsole.log(${exportName[id]}.id, ${exportName[id]}.name.nl);\n`,
    );
    const result = await build({ entryPoints: [entry], bundle: true, write: false, format, platform: 'node', absWorkingDir: app, logLevel: 'silent' });
    return result.outputFiles[0]!.text;
  };

  it.each(ids.flatMap((id) => [[id, 'esm'], [id, 'cjs']] as const))('%s (%s)', async (id, format) => {
    const text = await bundle(id, format);
    expect(text).toContain(uniqueText[id]);
    for (const other of ids.filter((o) => o !== id)) expect(text, `${other} in a ${id} bundle`).not.toContain(uniqueText[other]);
    // Nor the registry that lists them all.
    expect(text).not.toContain('onbekend afwegingskader');
  });

  it('evaluateWith + one framework: the evaluation bundles no other framework', async () => {
    const entry = join(app, 'entry-evaluate-with.mjs');
    writeFileSync(
      entry,
      `import { evaluateWith } from 'meldcode';\nimport { artsen } from 'meldcode/frameworks/artsen';\nconsole.log(evaluateWith(artsen, {}).outcome);\n`,
    );
    const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', absWorkingDir: app, logLevel: 'silent' });
    const text = result.outputFiles[0]!.text;
    expect(text).toContain(uniqueText.artsen);
    for (const other of ids.filter((o) => o !== 'artsen')) expect(text, `${other} in an evaluateWith bundle`).not.toContain(uniqueText[other]);
  });

  it('control: the main entry, which resolves shipped ids, does carry every framework', async () => {
    const entry = join(app, 'entry-main.mjs');
    writeFileSync(entry, `import { getFramework } from 'meldcode';\nconsole.log(getFramework('artsen').id);\n`);
    const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', absWorkingDir: app, logLevel: 'silent' });
    for (const id of ids) expect(result.outputFiles[0]!.text).toContain(uniqueText[id]);
  });
});
