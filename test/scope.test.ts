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

// A professional of the user's own organisation, not a relative: the three answers that put a case out of scope (ruling B).
const own = { perpetratorIsProfessional: true, perpetratorOrganisation: 'own', perpetratorIsRelative: false } as const;

describe('evaluateScope', () => {
  it('no scope answers: the meldcode applies (assumed), and both scope questions are asked', () => {
    const s = evaluateScope({});
    expect(s).toMatchObject({ status: 'open', assumed: true, route: null, whereToGo: [] });
    expect(ids(s.nextQuestions)).toEqual(['scope.perpetratorIsProfessional', 'scope.betweenClients']);
  });

  it('both answered no: in scope, nothing to ask', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: false, betweenClients: false } });
    expect(s).toMatchObject({ status: 'in-scope', assumed: false, route: null, nextQuestions: [] });
  });

  it('a professional of the own organisation: out of scope, to the manager or board', () => {
    const s = evaluateScope({ scope: { ...own, setting: 'care' } });
    expect(s).toMatchObject({ status: 'out-of-scope', route: 'professional-perpetrator', assumed: false });
    expect(ids(s.whereToGo)).toEqual(['inform-manager-or-board']);
  });

  it('a professional, organisation unknown: open (the meldcode applies meanwhile), asks whose professional', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true } });
    expect(s.status).toBe('open');
    expect(ids(s.nextQuestions)).toEqual(['scope.perpetratorOrganisation']);
    expect(s.nextQuestions[0]!.answer).toBe('choice');
  });

  it('own organisation, relative unknown: open, asks whether the professional is family (unknown is never no)', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true, perpetratorOrganisation: 'own' } });
    expect(s.status).toBe('open');
    expect(ids(s.nextQuestions)).toEqual(['scope.perpetratorIsRelative']);
  });

  it('the professional is also partner, parent or family: a domestic case, in scope', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true, perpetratorOrganisation: 'own', perpetratorIsRelative: true } });
    expect(s).toMatchObject({ status: 'in-scope', route: 'professional-is-relative', whereToGo: [] });
    expect(s.text).toMatch(/niet de locatie maar de relatie/);
  });

  it('a professional of another organisation (000 Bijlage 2, vignette 1): in scope, that organisation’s duty does not bind the user', () => {
    const s = evaluateScope({ scope: { perpetratorIsProfessional: true, perpetratorOrganisation: 'other', setting: 'childcare' } }, { lang: 'en' });
    expect(s).toMatchObject({ status: 'in-scope', route: 'professional-other-organisation', whereToGo: [], nextQuestions: [] });
    expect(s.text).toMatch(/does not bind you.*police through Veilig Thuis/);
  });

  it('long-term care and intramural GGZ: the care provider reports to the inspectorate (Wkkgz 9 and 11)', () => {
    const s = evaluateScope({ scope: { ...own, setting: 'long-term-care' } });
    expect(ids(s.whereToGo)).toEqual(['inform-manager-or-board', 'care-provider-reports-to-inspectorate']);
    expect(s.whereToGo[1]!.text).toMatch(/artikel 9 en 11 Wkkgz/);
  });

  it('youth care: its reporting duty', () => {
    const s = evaluateScope({ scope: { ...own, setting: 'youth-care' } });
    expect(ids(s.whereToGo)).toEqual(['inform-manager-or-board', 'youth-care-reporting-duty']);
  });

  it('school, a sexual offence against a minor pupil: the statutory route (board at once, vertrouwensinspecteur, police report)', () => {
    const s = evaluateScope({ client: { age: 14 }, scope: { ...own, setting: 'education', sexualOffence: true } });
    expect(ids(s.whereToGo)).toEqual(['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur', 'school-inform-board-at-once', 'school-board-consults-vertrouwensinspecteur']);
    expect(s.whereToGo[2]!.text).toMatch(/bevoegd gezag/);
    expect(s.whereToGo[3]!.text).toMatch(/redelijk vermoeden.*aangifte/);
  });

  it('school, other violence by a teacher (finding 6): manager or board and the vertrouwensinspecteur, no statutory board route', () => {
    const s = evaluateScope({ client: { age: 14 }, scope: { ...own, setting: 'education', sexualOffence: false } });
    expect(ids(s.whereToGo)).toEqual(['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur']);
  });

  it('school, a sexual offence against an adult pupil: no statutory board route', () => {
    const s = evaluateScope({ client: { age: 19 }, scope: { ...own, setting: 'education', sexualOffence: true } });
    expect(ids(s.whereToGo)).not.toContain('school-inform-board-at-once');
    expect(s.nextQuestions).toEqual([]);
  });

  it('school, a sexual offence, age or offence unknown: asks what decides the statutory route', () => {
    expect(ids(evaluateScope({ scope: { ...own, setting: 'education', sexualOffence: true } }).nextQuestions)).toEqual(['client.birthDate']);
    expect(ids(evaluateScope({ client: { age: 14 }, scope: { ...own, setting: 'education' } }).nextQuestions)).toEqual(['scope.sexualOffence']);
  });

  it('childcare: report to the houder, who consults the vertrouwensinspecteur', () => {
    const s = evaluateScope({ scope: { ...own, setting: 'childcare' } }, { lang: 'en' });
    expect(ids(s.whereToGo)).toContain('childcare-inform-houder');
    expect(s.whereToGo.find((w) => w.id === 'childcare-inform-houder')!.text).toMatch(/houder.*vertrouwensinspecteur.*police report/);
  });

  it('own organisation with the sector unknown: out of scope, and asks the sector to name its route', () => {
    const s = evaluateScope({ scope: own });
    expect(s.status).toBe('out-of-scope');
    expect(ids(s.nextQuestions)).toEqual(['scope.setting']);
    expect(s.nextQuestions[0]!.answer).toBe('choice');
  });

  it('violence between clients who are neither partners nor family: out of scope; the board reports to the inspectorate', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: false, clientsAreFamily: false } });
    expect(s).toMatchObject({ status: 'out-of-scope', route: 'between-clients' });
    expect(ids(s.whereToGo)).toEqual(['report-to-manager-board-inspectorate']);
  });

  it('between pupils: also the vertrouwensinspecteur', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: false, clientsAreFamily: false, setting: 'education' } });
    expect(ids(s.whereToGo)).toContain('school-vertrouwensinspecteur-advice');
  });

  it('partners who are both clients: the one exception, in scope', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: true } });
    expect(s).toMatchObject({ status: 'in-scope', route: 'partners-both-clients', whereToGo: [] });
  });

  it('family members who are both clients (finding 5): in scope, labelled as the library’s inference', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: false, clientsAreFamily: true } });
    expect(s).toMatchObject({ status: 'in-scope', route: 'family-both-clients', whereToGo: [] });
    expect(s.text).toMatch(/Afleiding van de bibliotheek/);
  });

  it('between clients, partners unknown: open (the meldcode applies meanwhile), asks whether they are partners', () => {
    const s = evaluateScope({ scope: { betweenClients: true } });
    expect(s.status).toBe('open');
    expect(ids(s.nextQuestions)).toEqual(['scope.clientsArePartners']);
  });

  it('between clients, not partners, family unknown: open, asks whether they are family (never decided on co-residence)', () => {
    const s = evaluateScope({ scope: { betweenClients: true, clientsArePartners: false } });
    expect(s.status).toBe('open');
    expect(ids(s.nextQuestions)).toEqual(['scope.clientsAreFamily']);
  });

  it.each(['victim', 'suspected-perpetrator', 'child-witness'] as const)('a client who is %s stays in the meldcode', (role) => {
    const s = evaluateScope({ client: { role }, scope: { perpetratorIsProfessional: false, betweenClients: false } });
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
    const d = evaluate({ client: { age: 14 }, considerations: norm1, scope: { ...own, setting: 'education', sexualOffence: true } }, DATE);
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

  it('no scope answers: the decision stands, and the scope questions come first (the advice is not blocked)', () => {
    const d = evaluate({ considerations: norm1 }, DATE);
    expect(d.outcome).toBe('report');
    expect(d.scope).toMatchObject({ status: 'open', assumed: true });
    expect(ids(d.nextQuestions).slice(0, 2)).toEqual(['scope.perpetratorIsProfessional', 'scope.betweenClients']);
  });

  it('a professional of another organisation: the afwegingskader decides as usual (000 Bijlage 2, vignette 1 reports)', () => {
    const d = evaluate({ considerations: norm1, scope: { perpetratorIsProfessional: true, perpetratorOrganisation: 'other' } }, DATE);
    expect(d.outcome).toBe('report');
    expect(d.scope.route).toBe('professional-other-organisation');
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
