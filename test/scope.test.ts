// Scope (000 §Geweld in een zorg- of onderwijsrelatie; Bijlage 1b; onderwijs-facts.md;
// kinderopvang-facts.md): evaluateScope on its own and its override inside evaluate().
import { describe, expect, it } from 'vitest';
import { evaluate, formatDecision, MeldcodeInputError } from '../src/index.js';
import { evaluateScope, scopeQuestions } from '../src/scope/index.js';
import { scopeModule } from '../src/scope/scope.js';
import { citationProblem } from './support/sources.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const norm1 = { suspicion: true, unsafety: { acute: true } };

describe('evaluateScope', () => {
  it('no scope answers: the meldcode applies (assumed), nothing to ask', () => {
    const s = evaluateScope({});
    expect(s).toMatchObject({ status: 'in-scope', assumed: true, route: null, whereToGo: [], nextQuestions: [] });
  });

  it('a professional as suspected perpetrator: out of scope, to the manager or board', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true, setting: 'care' } });
    expect(s).toMatchObject({ status: 'out-of-scope', route: 'professional-perpetrator', assumed: false });
    expect(ids(s.whereToGo)).toEqual(['inform-manager-or-board', 'care-provider-reports-to-inspectorate']);
  });

  it('school: the statutory route (board at once, vertrouwensinspecteur, police report on reasonable suspicion)', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true, setting: 'education' } });
    expect(ids(s.whereToGo)).toEqual(['inform-manager-or-board', 'school-inform-board-at-once', 'school-board-consults-vertrouwensinspecteur']);
    expect(s.whereToGo[1]!.text).toMatch(/bevoegd gezag/);
    expect(s.whereToGo[2]!.text).toMatch(/redelijk vermoeden.*aangifte/);
  });

  it('childcare: report to the houder, who consults the vertrouwensinspecteur', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true, setting: 'childcare' } }, { lang: 'en' });
    expect(ids(s.whereToGo)).toContain('childcare-inform-houder');
    expect(s.whereToGo.find((w) => w.id === 'childcare-inform-houder')!.text).toMatch(/houder.*vertrouwensinspecteur.*police report/);
  });

  it('a professional with the sector unknown: out of scope, and asks the sector to name its route', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true } });
    expect(s.status).toBe('out-of-scope');
    expect(ids(s.nextQuestions)).toEqual(['scope.setting']);
    expect(s.nextQuestions[0]!.answer).toBe('choice');
  });

  it('violence between clients who are not partners: out of scope; the board reports to the inspectorate', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: false } });
    expect(s).toMatchObject({ status: 'out-of-scope', route: 'between-clients' });
    expect(ids(s.whereToGo)).toEqual(['report-to-manager-board-inspectorate']);
  });

  it('between pupils: also the vertrouwensinspecteur', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: false, setting: 'education' } });
    expect(ids(s.whereToGo)).toContain('school-vertrouwensinspecteur-advice');
  });

  it('partners who are both clients: the one exception, in scope', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: true } });
    expect(s).toMatchObject({ status: 'in-scope', route: 'partners-both-clients', whereToGo: [] });
  });

  it('between clients, partners unknown: open (the meldcode applies meanwhile), asks whether they are partners', () => {
    const s = evaluateScope({ scope: { betweenClients: true } });
    expect(s.status).toBe('open');
    expect(ids(s.nextQuestions)).toEqual(['scope.clientsArePartners']);
  });

  it.each(['victim', 'suspected-perpetrator', 'child-witness'] as const)('a client who is %s stays in the meldcode', (role) => {
    const s = evaluateScope({ client: { role } });
    expect(s.status).toBe('in-scope');
    expect(ids(s.notes)).toContain('client-role-in-scope');
  });

  it('a child witness: witnessing domestic violence is child abuse', () => {
    const s = evaluateScope({ client: { role: 'child-witness' } });
    expect(ids(s.notes)).toContain('child-witness-is-child-abuse');
  });
});

describe('scope inside evaluate()', () => {
  it('out of scope overrides a norm-1 report; the trail shows why; the format says where to go', () => {
    const d = evaluate({ considerations: norm1, scope: { perpetratorIsProfessional: true, setting: 'education' } }, DATE);
    expect(d.outcome).toBe('out-of-scope');
    // Out of scope, the meldcode does not decide: necessary is null, not false.
    expect(d.report).toEqual({ necessary: null, norms: [], considerations: [], rules: [], objection: null });
    expect(d.trail[0]!.ruleId).toBe('scope-geweld-door-professional');
    expect(d.kindcheck).toBeNull();
    expect(d.steps).toBeNull();
    expect(ids(d.actions)).toContain('school-inform-board-at-once');
    const text = formatDecision(d);
    expect(text).toContain('Buiten de meldcode');
    expect(text).toContain('bevoegd gezag');
  });

  it('between partners who are both clients: the afwegingskader decides as usual', () => {
    const d = evaluate({ considerations: norm1, scope: { betweenClients: true, clientsArePartners: true } }, DATE);
    expect(d.outcome).toBe('report');
    expect(d.scope.route).toBe('partners-both-clients');
  });

  it('partners unknown: the decision stands and the partner question comes first', () => {
    const d = evaluate({ considerations: norm1, scope: { betweenClients: true } }, DATE);
    expect(d.outcome).toBe('report');
    expect(d.nextQuestions[0]!.id).toBe('scope.clientsArePartners');
  });

  it('a client who is the suspected perpetrator: the meldcode applies, the norm stands', () => {
    const d = evaluate({ considerations: norm1, client: { role: 'suspected-perpetrator' } }, DATE);
    expect(d.outcome).toBe('report');
    expect(d.trail.map((e) => e.ruleId)).toContain('scope-client-als-slachtoffer-getuige-of-pleger');
  });
});

describe('evaluateScope: bad input', () => {
  it('lists every problem with its path, in nl and en', () => {
    const error = thrown(() => evaluateScope({ scope: { setting: 'hospital', betweenClients: 'yes', x: 1 }, client: { role: 'witness' } } as never));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    const paths = (error as MeldcodeInputError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['scope.setting', 'scope.betweenClients', 'scope.x', 'client.role']));
  });

  it('rejects a case section the scope check does not read, and non-objects', () => {
    expect(() => evaluateScope({ considerations: {} } as never)).toThrow(MeldcodeInputError);
    expect(() => evaluateScope('scope' as never)).toThrow(MeldcodeInputError);
  });
});

describe('scope citations', () => {
  it('every rule and question cites words that stand in the source', () => {
    const problems = [
      ...scopeModule.ruleFile.rules.map((r) => [r.id, citationProblem(r.source)]),
      ...[...scopeQuestions.values()].map((q) => [q.id, citationProblem(q.source)]),
    ].filter(([, p]) => p);
    expect(problems).toEqual([]);
  });
});
