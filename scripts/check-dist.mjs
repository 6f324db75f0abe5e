// Smoke-tests the built package from dist/, as a consumer loads it: ESM import and CJS require.
// Then the dual-package hazard (an error from one build, the guard of the other) and a lean dist.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const esm = await import('../dist/index.js');
const cjs = require('../dist/index.cjs');
const kase = { considerations: { suspicion: true, unsafety: { acute: true } } };
for (const [name, lib] of [['esm', esm], ['cjs', cjs]]) {
  const d = await lib.evaluate(kase, { evaluationDate: '2026-11-23' });
  if (d.outcome !== 'report' || d.report.norms[0] !== 1 || d.trail.length === 0) {
    throw new Error(`${name}: unexpected decision ${JSON.stringify(d.outcome)}`);
  }
  console.log(`dist ${name}: ${d.outcome} (norm ${d.report.norms.join(', ')}), ${d.trail.length} trail entries`);
}

// An error thrown by one build is recognised by the other's isMeldcodeError (not by instanceof).
const thrown = (f) => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};
for (const [from, to, names] of [[cjs, esm, 'cjs → esm'], [esm, cjs, 'esm → cjs']]) {
  const input = thrown(() => from.evaluate({ considerations: { suspicion: 'yes' } }));
  const framework = thrown(() => from.defineFramework({ id: 42 }));
  const ok = to.isMeldcodeError(input) && input.kind === 'input' && input.name === 'MeldcodeInputError'
    && to.isMeldcodeError(framework) && framework.kind === 'framework' && framework.name === 'MeldcodeFrameworkError'
    && !(input instanceof to.MeldcodeInputError) && !to.isMeldcodeError(new Error('x'));
  if (!ok) throw new Error(`${names}: isMeldcodeError does not recognise the other build's errors`);
  console.log(`dist ${names}: isMeldcodeError recognises input and framework errors`);
}

// A lean dist: no source maps, no CJS bin (the bin is dist/cli.js), no chunk without code.
const files = readdirSync('dist', { recursive: true }).map(String).filter((f) => /\.(c?js|map)$/.test(f));
const code = (f) => readFileSync(join('dist', f), 'utf8').replace(/\/\/.*$/gm, '').replace(/['"]use strict['"];?/g, '').trim();
const problems = [
  ...files.filter((f) => f.endsWith('.map')).map((f) => `${f}: a source map`),
  ...files.filter((f) => f === 'cli.cjs').map((f) => `${f}: a CJS build of the bin`),
  ...files.filter((f) => !f.endsWith('.map') && code(f) === '').map((f) => `${f}: an empty chunk`),
];
if (problems.length > 0) throw new Error(`dist is not lean:\n${problems.join('\n')}`);
console.log(`dist: ${files.length} JS files, no source maps, no CJS bin, no empty chunk`);
