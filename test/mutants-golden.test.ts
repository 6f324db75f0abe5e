// The data of the mutation analysis (npm run mutate): every pinned golden case in
// test/mutants/golden.json holds on the shipped framework it names, and every mutant listed as
// equivalent in test/mutants/equivalent.json exists and says why no behaviour tells it apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GoldenCase, listMutants, mutateFramework } from '../src/testing/index.js';

const dir = join(process.cwd(), 'test', 'mutants');
const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as (GoldenCase & { frameworks?: string[] })[];
const equivalent = JSON.parse(readFileSync(join(dir, 'equivalent.json'), 'utf8')) as { id: string; reason: string }[];
const frameworks = ['basismodel', 'artsen', 'onderwijs', 'sociaal-domein'];

describe('test/mutants/golden.json', () => {
  it('has unique ids, each for shipped frameworks', () => {
    expect(new Set(golden.map((g) => g.id)).size).toBe(golden.length);
    for (const g of golden) for (const f of g.frameworks ?? frameworks) expect(frameworks).toContain(f);
  });

  it.each(frameworks)('every case pinned for %s holds on it', (id) => {
    const mine = golden.filter((g) => (g.frameworks ?? frameworks).includes(id)).map(({ frameworks: _f, ...g }) => g);
    // mutateFramework checks each golden case on the unmutated framework first and throws naming those that fail.
    expect(mutateFramework(id, { golden: mine, only: [], invariants: false }).total).toBe(0);
  });
});

describe('test/mutants/equivalent.json', () => {
  const known = new Set(frameworks.flatMap((id) => listMutants(id, ['framework', 'floor', 'modules']).map((m) => m.id)));
  it.each(equivalent.map((e) => [e.id, e] as const))('%s exists and has a reason', (_, e) => {
    expect(known.has(e.id)).toBe(true);
    expect(e.reason.length).toBeGreaterThan(20);
  });
  it('lists each mutant once', () => {
    expect(new Set(equivalent.map((e) => e.id)).size).toBe(equivalent.length);
  });
});
