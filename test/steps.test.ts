// The five steps (000 §2.2, §Stap 1-4, §2.1, Bijlage 1b): evaluateSteps on its own and in evaluate().
import { describe, expect, it } from 'vitest';
import { evaluate, formatDecision, MeldcodeInputError } from '../src/index.js';
import { evaluateSteps, type StepsInput, stepsQuestions } from '../src/steps/index.js';
import { stepsModule } from '../src/steps/steps.js';
import { citationProblem } from './support/sources.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const allSteps = { signalsRecorded: true, colleagueConsulted: true, conversationHeld: true, riskAssessed: true };
const run = (answers: StepsInput) => evaluateSteps(answers, DATE);

describe('which steps are done and whether step 5 may be decided', () => {
  it('nothing answered: every step open (unknown is never "done"), step 5 not yet', () => {
    const s = run({});
    expect(s).toMatchObject({ done: [], skipped: [], open: [1, 2, 3, 4], mayDecideStep5: false, step5Basis: 'steps-open' });
    expect(ids(s.nextQuestions)).toEqual(['steps.signalsRecorded', 'steps.colleagueConsulted', 'steps.conversationHeld', 'steps.riskAssessed']);
  });

  it('all steps taken: step 5 may be decided', () => {
    const s = run({ steps: allSteps });
    expect(s).toMatchObject({ done: [1, 2, 3, 4], open: [], mayDecideStep5: true, step5Basis: 'all-steps-taken', nextQuestions: [] });
  });

  it('a step answered "no" stays open', () => {
    const s = run({ steps: { ...allSteps, riskAssessed: false } });
    expect(s.open).toEqual([4]);
    expect(ids(s.actions)).toContain('step-4-doubt-ask-veilig-thuis');
  });

  it('step 3 skipped with a recorded reason counts; without a recorded reason it stays open and asks to record why', () => {
    const base = { steps: { ...allSteps, conversationHeld: false } };
    const recorded = run({ ...base, conversation: { skipReason: 'safety', skipReasonRecorded: true } });
    expect(recorded).toMatchObject({ done: [1, 2, 4], skipped: [3], open: [], mayDecideStep5: true });
    const unrecorded = run({ ...base, conversation: { skipReason: 'loss-of-contact', clientUnprotectedIfContactLost: true } });
    expect(unrecorded).toMatchObject({ skipped: [], open: [3], mayDecideStep5: false });
    expect(ids(unrecorded.actions)).toContain('record-why-no-conversation');
    // A loss of contact that leaves the client protected is no reason to skip (000 Bijlage 1b stap 3).
    const noReason = run({ ...base, conversation: { skipReason: 'loss-of-contact', clientUnprotectedIfContactLost: false, skipReasonRecorded: true } });
    expect(noReason).toMatchObject({ skipped: [], open: [3], mayDecideStep5: false });
  });

  it('a specific form without in-house expertise: Veilig Thuis advice first; step 2 open until asked', () => {
    const s = run({ steps: allSteps, forms: { honourBasedViolence: true } });
    expect(s.open).toEqual([2]);
    expect(ids(s.actions)).toEqual(expect.arrayContaining(['specific-form-ask-veilig-thuis-first']));
    const withAdvice = run({ steps: { ...allSteps, veiligThuisAdviceAsked: true }, forms: { honourBasedViolence: true } });
    expect(withAdvice.open).toEqual([]);
    const withExpertise = run({ steps: allSteps, forms: { elderAbuse: true, inHouseExpertise: true } });
    expect(withExpertise.open).toEqual([]);
  });

  it('FGM: acting fast and skipping steps may be necessary; experts before the conversation', () => {
    const s = run({ forms: { fgm: true } });
    expect(ids(s.notes)).toEqual(['fgm-may-require-acting-fast']);
    expect(ids(s.actions)).toEqual(expect.arrayContaining(['specific-form-ask-veilig-thuis-first', 'consult-experts-before-conversation']));
  });

  it('unclear injury: step 2 needs an injury specialist', () => {
    const s = run({ steps: { ...allSteps, injuryUnclear: true } });
    expect(s.open).toEqual([2]);
    expect(ids(s.actions)).toContain('consult-injury-specialist');
    expect(run({ steps: { ...allSteps, injuryUnclear: true, injurySpecialistConsulted: true } }).open).toEqual([]);
  });

  it('one-off contact: ask Veilig Thuis; once asked, step 5 may be decided with Veilig Thuis', () => {
    const before = run({ contact: { oneOff: true } });
    expect(ids(before.actions)).toContain('one-off-contact-ask-veilig-thuis');
    expect(before.mayDecideStep5).toBe(false);
    const after = run({ contact: { oneOff: true }, steps: { veiligThuisAdviceAsked: true } });
    expect(after).toMatchObject({ mayDecideStep5: true, step5Basis: 'one-off-contact-with-veilig-thuis' });
  });

  it('suspected serious crime: coordinate the steps with the police via Veilig Thuis', () => {
    expect(ids(run({ crime: { seriousCrimeSuspected: true } }).actions)).toContain('coordinate-with-police-via-veilig-thuis');
  });

  it('Verwijsindex: considered for youth up to 23 (or a client caring for minors), never instead of a report', () => {
    const young = run({ steps: { verwijsindexConnected: true }, client: { birthDate: '2004-11-24' } }); // 21
    expect(ids(young.actions)).toContain('consider-verwijsindex');
    expect(young.actions.find((a) => a.id === 'consider-verwijsindex')!.text).toMatch(/nooit een alternatief/);
    const old = run({ steps: { verwijsindexConnected: true }, client: { birthDate: '2003-11-23' } }); // 23 today
    expect(ids(old.actions)).not.toContain('consider-verwijsindex');
    const parent = run({ steps: { verwijsindexConnected: true }, client: { age: 40, caresForMinor: true } });
    expect(ids(parent.actions)).toContain('consider-verwijsindex');
    // derived.ageYears is exact at birthdays, 29 February births included (a year older on 1 March).
    const leap = (on: string) => evaluateSteps({ steps: { verwijsindexConnected: true }, client: { birthDate: '2004-02-29' } }, { evaluationDate: on });
    expect(ids(leap('2027-02-28').actions)).toContain('consider-verwijsindex');
    expect(ids(leap('2027-03-01').actions)).not.toContain('consider-verwijsindex');
    const notConnected = run({ steps: { verwijsindexConnected: false }, client: { age: 15 } });
    expect(ids(notConnected.actions)).not.toContain('consider-verwijsindex');
  });
});

describe('steps inside evaluate(): open steps never turn a report into "no report"', () => {
  it('a norm-1 report with open steps stays a report, with "take the open steps first"', () => {
    const d = evaluate({ considerations: { suspicion: true, unsafety: { structural: true } }, steps: { signalsRecorded: true } }, DATE);
    expect(d.outcome).toBe('report');
    expect(d.report.norms).toEqual([1]);
    expect(d.steps).toMatchObject({ done: [1], open: [2, 3, 4], mayDecideStep5: false });
    expect(ids(d.actions)).toContain('take-open-steps-first');
    expect(formatDecision(d)).toMatch(/stap 5 nog niet/);
  });

  it('"take the open steps first" only where the decision acts (report or help), not on close-and-record or needs-input', () => {
    const closed = evaluate({ considerations: { suspicion: false }, steps: { signalsRecorded: true } }, DATE);
    expect(closed.outcome).toBe('close-and-record');
    expect(closed.steps?.mayDecideStep5).toBe(false);
    expect(ids(closed.actions)).not.toContain('take-open-steps-first');
    const open = evaluate({ considerations: { suspicion: true }, steps: { signalsRecorded: true } }, DATE);
    expect(open.outcome).toBe('needs-input');
    expect(ids(open.actions)).not.toContain('take-open-steps-first');
  });

  it('all steps taken: no "take the open steps first"', () => {
    const d = evaluate({ considerations: { suspicion: true, unsafety: { structural: true } }, steps: allSteps }, DATE);
    expect(d.steps?.mayDecideStep5).toBe(true);
    expect(ids(d.actions)).not.toContain('take-open-steps-first');
  });
});

describe('a framework that requires Veilig Thuis advice at step 2 (KNMG, 000 §Stap 2 NB)', () => {
  const c = { considerations: { suspicion: true, unsafety: { structural: true } }, steps: allSteps };
  it('artsen: step 2 stays open until Veilig Thuis is asked; basismodel: colleague consultation suffices', () => {
    const artsen = evaluate({ ...c, framework: 'artsen' }, DATE);
    expect(artsen.steps?.open).toEqual([2]);
    expect(ids(artsen.actions)).toEqual(expect.arrayContaining(['framework-requires-veilig-thuis-advice', 'take-open-steps-first']));
    expect(artsen.outcome).toBe('report');
    const asked = evaluate({ ...c, framework: 'artsen', steps: { ...allSteps, veiligThuisAdviceAsked: true } }, DATE);
    expect(asked.steps?.open).toEqual([]);
    const basis = evaluate(c, DATE);
    expect(basis.steps?.open).toEqual([]);
  });
});

describe('evaluateSteps: bad input', () => {
  it('lists every problem with its path, in nl and en', () => {
    const error = thrown(() => run({ steps: { riskAssessed: 'yes', done: true }, forms: { fgm: 1 }, conversation: { skipReason: 'tired' } } as never));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    const paths = (error as MeldcodeInputError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['steps.riskAssessed', 'steps.done', 'forms.fgm', 'conversation.skipReason']));
  });

  it('a birth date after the evaluation date, or an age that contradicts it, is an input error', () => {
    const late = thrown(() => run({ client: { birthDate: '2030-01-01' } }));
    expect((late as MeldcodeInputError).issues[0]!.code).toBe('birth-date-after-evaluation-date');
    const mismatch = thrown(() => run({ client: { birthDate: '2010-01-01', age: 3 } }));
    expect((mismatch as MeldcodeInputError).issues[0]!.path).toEqual(['client', 'age']);
    expect(() => evaluate({ client: { birthDate: '2030-01-01' } }, DATE)).toThrow(MeldcodeInputError);
  });
});

describe('steps citations', () => {
  it('every rule and question cites words that stand in the source', () => {
    const problems = [
      ...stepsModule.ruleFile.rules.map((r) => [r.id, citationProblem(r.source)]),
      ...[...stepsQuestions.values()].map((q) => [q.id, citationProblem(q.source)]),
    ].filter(([, p]) => p);
    expect(problems).toEqual([]);
  });
});
