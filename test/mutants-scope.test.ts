// Who the violence is by and between whom (the scope module), pinned from its sources (issue 15
// item 4: the mutation analysis found most scope rules pinned by no case). Each case of
// test/mutants/advice.ts scopeGolden is evaluated here; the sources are in its comment.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { decisionView } from '../src/testing/index.js';
import { scopeGolden, scopeTrailGolden } from './mutants/advice.js';
import type { FrameworkId } from '../src/authoring/ids.js';

const view = (c: unknown, framework: FrameworkId = 'basismodel') => decisionView(evaluate(c as never, { framework, evaluationDate: '2026-11-23' }));
const byId = Object.fromEntries(scopeGolden.map((g) => [g.id.replace('advice/scope/', ''), g]));

describe('scope: violence by a professional, or between clients', () => {
  it.each(scopeGolden.map((g) => [g.id.replace('advice/scope/', ''), g] as const))('%s', (_, g) => {
    for (const framework of ['basismodel', 'onderwijs'] as const) {
      const v = view(g.case, framework);
      for (const [key, value] of Object.entries(g.expect)) expect(v[key], `${framework} ${key}`).toEqual(value);
    }
  });

  it('a sexual offence against a pupil: the board is told at once under 18, not from 18 (onderwijs-facts.md)', () => {
    const actions = (id: string) => view(byId[id]!.case).actions as string[];
    for (const id of ['school-sexual-offence-pupil-15', 'school-sexual-offence-pupil-17']) expect(actions(id)).toContain('school-inform-board-at-once');
    expect(actions('school-sexual-offence-pupil-18')).not.toContain('school-inform-board-at-once');
    expect(view(byId['school-sexual-offence-age-open']!.case).nextQuestions).toContain('client.birthDate');
  });

  it('the relation decides, not the place: a relative who is a professional is in scope (000 "Niet de locatie maar de relatie is bepalend")', () => {
    expect(view(byId['professional-is-relative-own-organisation']!.case)['scope.status']).toBe('in-scope');
    expect(view(byId.school!.case)['scope.status']).toBe('out-of-scope');
  });
});

describe('scope: the scope rules that hold, on partly answered cases (test/mutants/advice.ts scopeTrailGolden)', () => {
  const observedTrail = (c: unknown, framework: FrameworkId) => evaluate(c as never, { framework, evaluationDate: '2026-11-23' }).trail.filter((e) => e.outcome && e.module === 'scope').map((e) => e.ruleId);
  it.each(scopeTrailGolden.map((g) => [g.id.replace('advice/scope-trail/', ''), g] as const))('%s', (_, g) => {
    for (const framework of ['basismodel', 'onderwijs'] as const) {
      const v = view(g.case, framework);
      for (const [key, value] of Object.entries(g.expect)) expect(key === 'trail.scope' ? observedTrail(g.case, framework) : v[key], `${framework} ${key}`).toEqual(value);
    }
  });
});
