// meldcode/testing run against every shipped framework: no invariant of DESIGN §7 is broken.
// (A file of its own so vitest runs it in parallel with the broken-framework tests.)
import { describe, expect, it } from 'vitest';
import { checkFramework } from '../src/testing/index.js';

describe('checkFramework on the shipped frameworks', () => {
  it.each(['basismodel', 'sociaal-domein', 'onderwijs', 'artsen'])('%s keeps every invariant', (id) => {
    expect(checkFramework(id, { numRuns: 20, seed: 42 })).toMatchObject({ ok: true, framework: id });
  });
});

