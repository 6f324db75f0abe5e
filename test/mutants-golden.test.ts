// The data of the mutation analysis (npm run mutate): the pinned golden cases in
// test/mutants/golden.json are well formed, and every mutant listed as equivalent in
// test/mutants/equivalent.json exists and says why no behaviour tells it apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFrameworks } from '../src/index.js';
import { type GoldenCase, listMutants } from '../src/testing/index.js';

const dir = join(process.cwd(), 'test', 'mutants');
const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as (GoldenCase & { frameworks?: string[] })[];
const equivalent = JSON.parse(readFileSync(join(dir, 'equivalent.json'), 'utf8')) as { id: string; reason: string }[];
// Every shipped framework document, as scripts/mutate-shipped.ts analyses them.
const frameworks = listFrameworks().map((f) => f.id);

describe('test/mutants/golden.json', () => {
  it('has unique ids, each for shipped frameworks', () => {
    expect(new Set(golden.map((g) => g.id)).size).toBe(golden.length);
    for (const g of golden) for (const f of g.frameworks ?? frameworks) expect(frameworks).toContain(f);
  });

  // Whether each pin still holds is checked by npm run mutate, which leaves stale pins out: a pin
  // records what the rules decided when it was made, and a deliberate change of behaviour must not
  // fail npm test on it (the hand-written tests pin behaviour there).
  it('each pin names the mutant it was made for', () => {
    for (const g of golden) expect(g.id).toMatch(/^pin\/[a-z0-9-]+\/[^/]+\/[a-z-]+(@[a-z0-9.]+)?$/);
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
