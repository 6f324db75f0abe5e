// Smoke-tests the built package from dist/, as a consumer loads it: ESM import and CJS require.
import { createRequire } from 'node:module';

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
