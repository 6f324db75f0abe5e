// The second half of `npm run fuzz` in `npm test` (see test/fuzz.test.ts and
// test/support/fuzz-share.ts): the framework documents, the CLI and the floor-bypass search.
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, RUNS, runHalf, secondHalf } from './support/fuzz-share.js';

describe('npm run fuzz in npm test (fixed seed, small sizes), part 2 of 2', () => {
  it(`${secondHalf.runs} of the ${RUNS} hostile inputs: ${secondHalf.only.join(', ')}, and ${FRAMEWORKS} generated frameworks`, async () => {
    const { targets, frameworks } = await runHalf(secondHalf);
    // Framework documents that validate go all the way (a compile and the floor check).
    expect(targets.find((t) => t.target === 'validateFramework')!.results).toBeGreaterThan(0);
    expect(frameworks.generated).toBe(FRAMEWORKS);
    expect(frameworks.validated).toBeGreaterThan(0);
  });
});
