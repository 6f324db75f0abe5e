// The five considerations' routes on the floor (001 Hoofdstuk 3), pinned from their source (issue 15
// item 4: floor rules the mutation analysis found pinned by no case once ruling C made the old pins
// stale). The cases are test/mutants/advice.ts floorGolden; the headings are in its comment.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { floorGolden } from './mutants/advice.js';

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
