// meldcode/testing run against every shipped framework: no invariant of DESIGN §7 is broken.
// (A file of its own so vitest runs it in parallel with the broken-framework tests.)
import { describe, expect, it } from 'vitest';
import { checkFramework } from '../src/testing/index.js';

describe('checkFramework on the shipped frameworks', () => {
  it.each(['basismodel', 'sociaal-domein', 'onderwijs', 'artsen', 'paramedici', 'kinderopvang'] as const)('%s keeps every invariant', (id) => {
    expect(checkFramework(id, { numRuns: 20, seed: 42 })).toMatchObject({ ok: true, framework: id });
  });
});


describe('the kit’s unknown-is-never-no invariant', () => {
  // Seed 20261201 generates a case whose afweging 5 "no" gives norm 3; without that answer the
  // decision is help at stage offer with the report question open (001 afweging 4 "ga verder met
  // afweging 5"). The kit read that as "unknown turned into no" until the check learned it.
  it('accepts help offered while afweging 5 waits for the agreed term', () => {
    for (const framework of ['basismodel', 'artsen'] as const) {
      const result = checkFramework(framework, { only: ['unknown-is-never-no'], numRuns: 60, seed: 20261201 });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });
});
