// Every property test is seeded: fast-check runs with one fixed seed in `npm test`, so a run is
// reproducible, and a failing test names the seed that replays it. The larger-run mode
// (`npm run test:properties`) sets FC_SEED=random: each pass then takes a fresh seed, printed.
// FC_NUM_RUNS sets the cases of the properties that do not fix their own number.
import fc from 'fast-check';
import { beforeEach } from 'vitest';

/** The seed of `npm test`. */
export const DEFAULT_SEED = 20261201;

function seedFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SEED;
  if (value === 'random') return (Math.random() * 2 ** 31) | 0;
  if (!/^-?\d+$/.test(value)) throw new Error(`FC_SEED must be a whole number or "random", not "${value}"`);
  return Number(value);
}

const seed = seedFrom(process.env.FC_SEED);
const numRuns = process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : undefined;
if (numRuns !== undefined && !(Number.isInteger(numRuns) && numRuns > 0)) throw new Error(`FC_NUM_RUNS must be a positive whole number, not "${process.env.FC_NUM_RUNS}"`);
fc.configureGlobal({ seed, ...(numRuns !== undefined ? { numRuns } : {}) });
if (process.env.FC_SEED === 'random') console.log(`fast-check seed ${seed} (replay: FC_SEED=${seed} npm test)`);

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    console.error(`fast-check seed of this run: ${seed}; replay with FC_SEED=${seed} npx vitest run <file>`);
  });
});
