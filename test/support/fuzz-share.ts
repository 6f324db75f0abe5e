// npm test's share of `npm run fuzz` (issue 10): 20,000 inputs over every part at the small sizes,
// split over two test files so that vitest's two workers share them (test/fuzz.test.ts,
// test/fuzz-more.test.ts). Each part gets the same share (1,428 or 1,429 inputs).
import { expect } from 'vitest';
import { type FuzzOptions, fullSize, fuzz, hugeKinds, targets } from '../../scripts/fuzz.js';

export const SEED = 20261201;
export const RUNS = 20_000;
/** Generated frameworks for the floor-bypass search, and cases for each that validates. */
export const FRAMEWORKS = 8;

const parts = [...targets.map((t) => t.name), 'cli'];
/** The second file's parts: the framework documents (each a compile) and the CLI, about half the CPU. */
const second = ['validateFramework', 'defineFramework', 'evaluate (framework document)', 'extendFramework', 'cli'];
const half = (only: string[]) => ({ only, runs: Math.round((RUNS * only.length) / parts.length) });
export const firstHalf = half(parts.filter((p) => !second.includes(p)));
export const secondHalf = { only: [...second, 'frameworks'], runs: RUNS - firstHalf.runs };

/** Runs one half and checks what it must show: each part's share, and the full-size values in it. */
export async function runHalf({ only, runs }: { only: string[]; runs: number }, options: Partial<FuzzOptions> = {}) {
  const report = await fuzz({ runs, seed: SEED, frameworks: FRAMEWORKS, casesPerFramework: 5, sizes: 'small', only, ...options });
  expect(report.targets.map((t) => t.target.replace(' (runCli)', ''))).toEqual(only.filter((p) => p !== 'frameworks'));
  expect(report.targets.reduce((n, t) => n + t.inputs, 0)).toBe(runs);
  for (const t of report.targets) {
    expect(t.inputs, t.target).toBeGreaterThanOrEqual(Math.floor(RUNS / parts.length));
    // Each full-size kind came, in one input each (the CLI: its deepest text too), and no other
    // input was full-size: the small sizes stay below.
    const cli = t.target.startsWith('cli');
    expect(t.fullSize, t.target).toBe(hugeKinds.filter((k) => cli || k.value).length);
    expect(t.largest.string, t.target).toBeGreaterThanOrEqual(fullSize.string);
    expect(t.largest.array, t.target).toBeGreaterThanOrEqual(fullSize.array);
    expect(t.largest.depth, t.target).toBeGreaterThanOrEqual(cli ? 200_000 : fullSize.depth);
  }
  return report;
}
