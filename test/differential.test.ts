// The compiled evaluator against the json-rules-engine reference, on every shipped framework:
// generated cases across every module give byte-identical decisions (the reference sees each case
// with its keys reversed). `npm run verify:differential -- --cases N` runs the large version.
import { describe, expect, it } from 'vitest';
import { listFrameworks } from '../src/index.js';
import { checkAgainstReference } from '../src/testing/index.js';

// The reference costs about 8 ms a case here (json-rules-engine clones every condition tree per run),
// so npm test checks 250 per framework; CI runs `verify:differential` on 10,000 more.
const CASES = Number(process.env.MELDCODE_DIFFERENTIAL_CASES ?? 250);
const SEED = Number(process.env.MELDCODE_SEED ?? 20261201);

describe('compiled and reference give byte-identical decisions', () => {
  for (const { id } of listFrameworks()) {
    it(`${id}: ${CASES} generated cases (seed ${SEED})`, async () => {
      const result = await checkAgainstReference(id, { cases: CASES, seed: SEED });
      if (!result.ok) {
        throw new Error(`difference on case ${JSON.stringify(result.case)}\ncompiled:  ${result.compiled.slice(0, 2000)}\nreference: ${result.reference.slice(0, 2000)}`);
      }
      expect(result.cases).toBe(CASES);
    });
  }
});
