// The five considerations' routes on the floor (001 Hoofdstuk 3), pinned from their source (issue 15
// item 4: floor rules the mutation analysis found pinned by no case once ruling C made the old pins
// stale). The cases are test/mutants/advice.ts floorGolden; the headings are in its comment.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { decisionView } from '../src/testing/index.js';
import { floorGolden, floorStepsGolden } from './mutants/advice.js';
import type { FrameworkId } from '../src/authoring/ids.js';

const decide = (c: unknown) => evaluate(c as never, { evaluationDate: '2026-11-23' });
const held = (c: unknown) => decide(c).trail.filter((e) => e.module === 'afwegingskader' && e.outcome).map((e) => e.ruleId);
const byId = Object.fromEntries(floorGolden.map((g) => [g.id.replace('advice/floor/', ''), g.case]));

describe('the floor: each route of the five considerations', () => {
  it.each(floorGolden.map((g) => [g.id.replace('advice/floor/', ''), g] as const))('%s', (_, g) => {
    const d = decide(g.case);
    expect([d.outcome, d.report.norms]).toEqual([g.expect.outcome, g.expect['report.norms']]);
    // Every rule the route needs holds, in the order of the considerations.
    const trail = held(g.case);
    const expected = g.expect['trail.afwegingskader'] as string[];
    expect(trail.filter((id) => expected.includes(id))).toEqual(expected.filter((id) => trail.includes(id)));
    for (const id of expected.filter((x) => x.startsWith('afweging-'))) expect(trail).toContain(id);
  });

  it('any one condition of help answered no is enough for norm 2 (001 Afweging 3)', () => {
    for (const id of ['norm-2-cannot-offer', 'norm-2-no-safety-picture', 'norm-2-no-fitting-help']) expect(decide(byId[id]).report.norms).toEqual([2]);
  });

  it('norm 1 goes through 3 to 5 with Veilig Thuis; a disclosure is coordinated; acute unsafety asks Veilig Thuis at once', () => {
    for (const id of ['disclosure-actual', 'norm-1-acute', 'norm-1-help-alongside']) expect(held(byId[id])).toContain('afwegingen-3-tot-5-met-veilig-thuis');
    expect(held(byId['disclosure-actual'])).toContain('disclosure-afstemmen-met-veilig-thuis-en-slachtoffer');
    expect(held(byId['norm-1-acute'])).toContain('noodsituatie-direct-advies-en-melding');
    expect(held(byId['norm-1-help-alongside'])).not.toContain('noodsituatie-direct-advies-en-melding');
    expect(decide(byId['norm-1-help-alongside']).help.stage).toBe('alongside-report');
  });
});

describe('floor, steps and kindcheck on partly answered cases (test/mutants/advice.ts floorStepsGolden)', () => {
  const observed = (framework: FrameworkId, c: unknown) => {
    const d = evaluate(c as never, { framework, evaluationDate: '2026-11-23' });
    const trail = (m: string) => d.trail.filter((e) => e.outcome && e.module === m).map((e) => e.ruleId);
    return { ...decisionView(d), 'trail.afwegingskader': trail('afwegingskader'), 'trail.steps': trail('steps'), 'trail.kindcheck': trail('kindcheck') } as Record<string, unknown>;
  };
  describe.each(['basismodel', 'onderwijs', 'sociaal-domein', 'artsen'] as const)('%s', (framework) => {
    it.each(floorStepsGolden(framework).map((g) => [g.id.split('/').at(-1)!, g] as const))('%s', (_, g) => {
      const v = observed(framework, g.case);
      for (const [key, value] of Object.entries(g.expect)) expect(v[key], key).toEqual(value);
    });
  });

  it('the conversation with a child is for a client under 18, and the kindcheck only for an adult (000 "Gesprek met kinderen", "Kindcheck")', () => {
    const at = (id: string) => floorStepsGolden('basismodel').find((g) => g.id.endsWith(`/${id}`))!.expect;
    expect(at('minor-17').actions).toContain('talk-with-the-child');
    expect(at('adult-18').actions).not.toContain('talk-with-the-child');
    expect(at('kindcheck-minor-client')['trail.kindcheck']).toEqual(['kindcheck-niet-voor-minderjarige-client']);
    expect(at('verwijsindex-22').actions).toContain('consider-verwijsindex');
    expect(at('verwijsindex-30').actions).not.toContain('consider-verwijsindex');
  });
});
