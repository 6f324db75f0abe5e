// The survivors explained in test/mutants/explained.json (issue 15 item 4): each is a mutant that is
// NOT equivalent (its witness case tells it apart from the shipped rules, checked here by running
// the mutant), whose change either rests on something the sources do not settle ("sources-silent")
// or only reorders what carries no meaning ("order-without-meaning"). npm run mutate -- --strict
// lets these pass and fails on any other survivor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, listFrameworks } from '../src/index.js';
import { decisionView, listMutants, mutateFramework } from '../src/testing/index.js';
import type { FrameworkId } from '../src/authoring/ids.js';

interface Explained {
  id: string;
  why: 'sources-silent' | 'order-without-meaning';
  reason: string;
  witness: { framework: FrameworkId; case: Record<string, unknown>; aspect: string };
}
const dir = join(process.cwd(), 'test', 'mutants');
const explained = JSON.parse(readFileSync(join(dir, 'explained.json'), 'utf8')) as Explained[];
const equivalent = new Set((JSON.parse(readFileSync(join(dir, 'equivalent.json'), 'utf8')) as { id: string }[]).map((e) => e.id));
const known = new Set(listFrameworks().flatMap((f) => listMutants(f.id, ['framework', 'floor', 'modules']).map((m) => m.id)));
const DATE = '2026-11-23';

/** The unmutated value of one aspect (a decisionView key, or `trail.<module>`: the ids of that module's rules that held). */
function unmutated(w: Explained['witness']): unknown {
  const d = evaluate(w.case as never, { framework: w.framework, evaluationDate: DATE });
  if (w.aspect.startsWith('trail.')) return d.trail.filter((e) => e.outcome && e.module === w.aspect.slice(6)).map((e) => e.ruleId);
  return decisionView(d)[w.aspect];
}

describe('test/mutants/explained.json', () => {
  it('lists each mutant once, none of them also listed as equivalent', () => {
    expect(new Set(explained.map((e) => e.id)).size).toBe(explained.length);
    for (const e of explained) expect(equivalent.has(e.id), e.id).toBe(false);
  });

  it.each(explained.map((e) => [e.id, e] as const))('%s: exists, says why, and its witness tells it apart', (id, e) => {
    expect(known.has(id)).toBe(true);
    expect(['sources-silent', 'order-without-meaning']).toContain(e.why);
    expect(e.reason.length).toBeGreaterThan(80);
    const golden = [{ id: 'witness', case: e.witness.case as never, evaluationDate: DATE, expect: { [e.witness.aspect]: unmutated(e.witness) } }];
    const report = mutateFramework(e.witness.framework, { targets: ['framework', 'floor', 'modules'], only: [id], golden, invariants: false });
    expect(report.results.map((r) => [r.status, r.by])).toEqual([['killed', 'golden:witness']]);
  });
});
