// The fast-check setup (test/support/fast-check.setup.ts): one fixed seed for every property test
// in `npm test`, so two runs generate the same cases; FC_SEED replays another.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { DEFAULT_SEED } from './support/fast-check.setup.js';

it('every property runs on the configured seed: the fixed one unless FC_SEED names another', () => {
  const configured = fc.readConfigureGlobal().seed;
  if (process.env.FC_SEED === undefined || process.env.FC_SEED === '') expect(configured).toBe(DEFAULT_SEED);
  else expect(Number.isInteger(configured)).toBe(true);
  // Without a seed of its own, a property generates the same cases every time.
  expect(fc.sample(fc.integer(), 5)).toEqual(fc.sample(fc.integer(), 5));
});
