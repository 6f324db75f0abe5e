// Golden cases: every answer in the FAQ (004) that states a rule about the conversation or
// consent, each test named after its FAQ heading; then the rules from the basic model (000).
import { describe, expect, it } from 'vitest';
import { type ConsentInput, type ConsentOptions, evaluateConsent } from '../src/consent/index.js';
import { thrown } from './support/throws.js';

const DATE = '2026-11-23';
const bornAged = (years: number) => `${2026 - years}-01-15`;
const plan = (input: ConsentInput, options: ConsentOptions = {}) => evaluateConsent(input, { evaluationDate: DATE, ...options });
const fired = (p: ReturnType<typeof plan>) => p.trail.map((e) => e.ruleId);
const actionIds = (p: ReturnType<typeof plan>) => p.actions.map((a) => a.id);
const noteIds = (p: ReturnType<typeof plan>) => p.notes.map((n) => n.id);

/** An adult, not pregnant, caring for no one: the always-report rule can only apply through them. */
const adultAlone = {
  birthDate: bornAged(35),
  pregnant: false,
  caresForMinor: false,
  caresForCareDependentAdult: false,
  lacksCapacity: false,
  livesWithParents: false,
};
const standingObjection = { raised: true, canBeMet: false };
const consideredObjection = {
  ...standingObjection,
  domesticViolenceAdultVictim: true,
  consideredAndFree: true,
  drivenByDependencyOrFear: false,
};
const faq004 = { objectionRegime: 'faq-004' } as const;
const weighing = { objectionRegime: 'weighing' } as const;

/**
 * Every condition of the FAQ 004 exception answered in its favour (DESIGN §6.5): domestic violence
 * against this adult victim, no minor involved, not pregnant, with capacity, caring for no one,
 * nobody else at risk, considered and free, no special circumstance, a colleague and Veilig Thuis
 * consulted, no serious danger. Without acute or structural unsafety, so that flipping a client
 * fact cannot bring in the always-report rule.
 */
const exceptionMet: ConsentInput = {
  client: adultAlone,
  unsafety: { acuteOrStructural: false },
  objection: {
    ...consideredObjection,
    minorInvolved: false,
    othersAtRisk: false,
    dependsOnSuspectForCare: false,
    seriousDanger: false,
  },
  forms: { honourBasedViolence: false, forcedMarriage: false, fgm: false },
  steps: { colleagueConsulted: true, veiligThuisAdviceAsked: true },
};

/** `input` with answers set by dotted path (`undefined` removes the answer). */
function withAnswers(input: ConsentInput, answers: Record<string, unknown>): ConsentInput {
  const copy = structuredClone(input) as Record<string, any>;
  for (const [path, value] of Object.entries(answers)) {
    const keys = path.split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key] ??= {};
    if (value === undefined) delete node[keys.at(-1)!];
    else node[keys.at(-1)!] = value;
  }
  return copy as ConsentInput;
}
/** The trail entry of the rule that decided the objection. */
const decisive = (p: ReturnType<typeof plan>) => p.trail.find((e) => e.ruleId === p.objection.ruleId)!;

describe('004 "Bespreek ik dat ik ga melden met de cliënt?"', () => {
  it('with acute or structural unsafety the conversation is a notice: "Je vraagt dus niet om toestemming"', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: true } });
    expect(p.mode).toBe('notice');
    expect(fired(p)).toContain('conversation-notice');
  });

  it('without acute or structural unsafety you make an effort to obtain consent (000 §3.2)', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false } });
    expect(p.mode).toBe('consent-request');
  });

  it('unknown unsafety leaves the mode open and asks for it', () => {
    const p = plan({ client: adultAlone });
    expect(p.mode).toBeNull();
    expect(p.nextQuestions.map((q) => q.id)).toContain('unsafety.acuteOrStructural');
  });

  it('"Vraag de cliënt … uitdrukkelijk om een reactie": an unknown reaction is asked, never assumed', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false } });
    expect(p.objection).toMatchObject({ status: 'open', reportDespiteObjection: null, ruleId: 'objection-raised-open' });
    expect(p.nextQuestions.map((q) => q.id)).toContain('objection.raised');
  });

  it('no objection: this module leaves the report decision to the framework', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { raised: false } });
    expect(p.objection).toMatchObject({ status: 'no-objection', reportDespiteObjection: null });
  });
});

describe('004 "Wat als de cliënt bezwaren heeft?"', () => {
  it('"bekijk of … je tegemoet kunt komen aan deze bezwaren": first asks whether the objection can be met', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { raised: true } });
    expect(p.objection).toMatchObject({ status: 'open', ruleId: 'objection-can-be-met-open' });
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.canBeMet']);
  });

  it('an objection that can be met is met; the report question stays with the framework', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { raised: true, canBeMet: true } });
    expect(p.objection).toMatchObject({ status: 'objection-met', reportDespiteObjection: null });
  });

  it('"weeg de bezwaren dan af": protection prevails ⇒ report', () => {
    const p = plan({
      client: adultAlone,
      unsafety: { acuteOrStructural: false },
      objection: { ...standingObjection, domesticViolenceAdultVictim: false, protectionPrevails: true },
    });
    expect(p.objection).toMatchObject({ status: 'protection-prevails', reportDespiteObjection: true });
  });

  it('"weeg de bezwaren dan af": without unsafety, the objection prevailing in the weighing holds the report back', () => {
    const p = plan({
      client: adultAlone,
      unsafety: { acuteOrStructural: false },
      objection: { ...standingObjection, domesticViolenceAdultVictim: false, protectionPrevails: false },
    });
    expect(p.objection).toMatchObject({ status: 'objection-prevails', reportDespiteObjection: false });
  });

  it('the weighing not yet made is asked for', () => {
    const p = plan({
      client: adultAlone,
      unsafety: { acuteOrStructural: false },
      objection: { ...standingObjection, domesticViolenceAdultVictim: false },
    });
    expect(p.objection).toMatchObject({ status: 'open', reportDespiteObjection: null });
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.protectionPrevails']);
  });

  it('weighing: with acute or structural unsafety the conversation is a notice and norm 1 stands, whatever the weighing (DESIGN §7)', () => {
    for (const protectionPrevails of [undefined, true, false]) {
      const p = plan(
        { client: adultAlone, unsafety: { acuteOrStructural: true }, objection: { ...standingObjection, domesticViolenceAdultVictim: false, protectionPrevails } },
        weighing,
      );
      expect(p.mode).toBe('notice');
      expect(p.objection).toMatchObject({ status: 'notice-norm-1', reportDespiteObjection: true, ruleId: 'objection-notice-norm-1' });
    }
  });

  it('weighing: the objection prevailing in the weighing beside acute unsafety does not hold norm 1 back, and the plan asks to consult Veilig Thuis', () => {
    const acute = plan(
      { client: adultAlone, unsafety: { acuteOrStructural: true }, objection: { ...standingObjection, domesticViolenceAdultVictim: false, protectionPrevails: false } },
      weighing,
    );
    expect(acute.objection).toMatchObject({ status: 'notice-norm-1', reportDespiteObjection: true, ruleId: 'objection-notice-norm-1' });
    expect(fired(acute)).toContain('weighing-against-norm-1');
    expect(acute.actions).toContainEqual(expect.objectContaining({ id: 'ask-veilig-thuis-advice', ruleId: 'weighing-against-norm-1' }));
    // Without unsafety the weighing alone decides: no extra consultation.
    const calm = plan(
      { client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { ...standingObjection, domesticViolenceAdultVictim: false, protectionPrevails: false } },
      weighing,
    );
    expect(calm.objection).toMatchObject({ status: 'objection-prevails', reportDespiteObjection: false });
    expect(fired(calm)).not.toContain('weighing-against-norm-1');
    // Protection prevailing there: the report.
    const protect = plan(
      { client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { ...standingObjection, protectionPrevails: true } },
      weighing,
    );
    expect(protect.objection).toMatchObject({ status: 'protection-prevails', reportDespiteObjection: true, ruleId: 'objection-protection-prevails' });
    expect(fired(protect)).not.toContain('weighing-against-norm-1');
  });

  it('weighing: the FAQ 004 exception is not read — a considered objection without serious danger is weighed like any other', () => {
    const p = plan(exceptionMet, weighing);
    expect(p.objection).toMatchObject({ status: 'open', reportDespiteObjection: null, ruleId: 'objection-weighing-open' });
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.protectionPrevails']);
    expect(fired(p).filter((id) => id.startsWith('faq-004') || id.startsWith('considered-objection'))).toEqual([]);
  });

  const groups: [string, ConsentInput['client']][] = [
    ['een minderjarige cliënt', { ...adultAlone, birthDate: bornAged(17) }],
    ['een zwangere cliënt', { ...adultAlone, pregnant: true }],
    ['een cliënt die de zorg heeft voor een minderjarige', { ...adultAlone, caresForMinor: true }],
    ['een cliënt die de zorg heeft voor een zorgafhankelijke volwassene', { ...adultAlone, caresForCareDependentAdult: true }],
  ];
  for (const [who, client] of groups) {
    it(`"te allen tijde een melding": ${who} with acute or structural unsafety, even with a considered objection, under either objection regime`, () => {
      for (const options of [{}, faq004, weighing]) {
        const p = plan(
          { ...exceptionMet, client, unsafety: { acuteOrStructural: true }, objection: { ...exceptionMet.objection, protectionPrevails: false } },
          options,
        );
        expect(p.objection, JSON.stringify(options)).toMatchObject({ status: 'always-report', reportDespiteObjection: true, ruleId: 'objection-always-report' });
        expect(p.alwaysReport).toBe(true);
        expect(noteIds(p)).not.toContain('objection-regime-not-settled');
      }
    });
  }

  it('the always-report rule needs acute or structural unsafety; without it a pregnant client is still outside the FAQ 004 exception', () => {
    const pregnant = withAnswers(exceptionMet, { 'client.pregnant': true });
    const p = plan(pregnant, faq004);
    expect(p.alwaysReport).toBe(false);
    expect(p.objection).toMatchObject({ status: 'exception-not-met', reportDespiteObjection: true, ruleId: 'faq-004-exception-not-met' });
    // Under the weighing it is the professional's weighing that decides.
    const weighed = plan(withAnswers(pregnant, { 'objection.protectionPrevails': false }), weighing);
    expect(weighed.alwaysReport).toBe(false);
    expect(weighed.objection).toMatchObject({ status: 'objection-prevails', reportDespiteObjection: false });
  });
});

describe('004 "Wat als de cliënt bezwaren heeft?" — the FAQ 004 regime: "Gaat het om huiselijk geweld en maakt het volwassen slachtoffer weloverwogen en in vrijheid bezwaar …? Dan wordt alleen gemeld bij ernstig gevaar"', () => {
  it('"volwassen slachtoffer weloverwogen en in vrijheid bezwaar": every condition met and no serious danger ⇒ no report', () => {
    const p = plan(exceptionMet, faq004);
    expect(p.objectionRegime).toEqual({ regime: 'faq-004', settled: true });
    expect(p.objection).toMatchObject({ status: 'considered-objection', reportDespiteObjection: false, ruleId: 'considered-objection-no-serious-danger' });
    expect(p.nextQuestions).toEqual([]);
    expect(noteIds(p)).not.toContain('objection-regime-not-settled');
  });

  it('… under any norm: with acute or structural unsafety too (the conversation is a notice, the exception still sets the report aside)', () => {
    const p = plan({ ...exceptionMet, unsafety: { acuteOrStructural: true } }, faq004);
    expect(p.mode).toBe('notice');
    expect(p.alwaysReport).toBe(false);
    expect(p.objection).toMatchObject({ status: 'considered-objection', reportDespiteObjection: false, ruleId: 'considered-objection-no-serious-danger' });
  });

  it('a special circumstance (dependency on the suspect for care, honour-based violence, forced marriage, FGM) with the reason recorded, or a threat-to-life example with the reason for "no serious danger" recorded, still meets the exception', () => {
    for (const answers of [
      { 'objection.dependsOnSuspectForCare': true, 'objection.freedomReasonRecorded': true },
      { 'forms.honourBasedViolence': true, 'objection.freedomReasonRecorded': true },
      { 'forms.forcedMarriage': true, 'objection.freedomReasonRecorded': true },
      { 'forms.fgm': true, 'objection.freedomReasonRecorded': true },
      // With the reason recorded, whether there is a special circumstance no longer matters.
      { 'objection.dependsOnSuspectForCare': undefined, 'forms': undefined, 'objection.freedomReasonRecorded': true },
      { 'unsafety.threatToLifeExample': true, 'objection.noSeriousDangerReasonRecorded': true },
    ]) {
      const p = plan(withAnswers(exceptionMet, answers), faq004);
      expect(p.objection, JSON.stringify(answers)).toMatchObject({ status: 'considered-objection', reportDespiteObjection: false });
      expect(p.nextQuestions, JSON.stringify(answers)).toEqual([]);
    }
  });

  it('"alleen gemeld bij ernstig gevaar voor zwaar lichamelijk of psychisch letsel of de dood": serious danger ⇒ report', () => {
    for (const unsafety of [true, false]) {
      const p = plan(withAnswers(exceptionMet, { 'objection.seriousDanger': true, 'unsafety.acuteOrStructural': unsafety }), faq004);
      expect(p.objection).toMatchObject({ status: 'considered-objection-serious-danger', reportDespiteObjection: true, ruleId: 'considered-objection-serious-danger' });
    }
    // Serious danger decides first, also beside a condition answered against the exception.
    const against = plan(withAnswers(exceptionMet, { 'objection.seriousDanger': true, 'objection.minorInvolved': true }), faq004);
    expect(against.objection).toMatchObject({ status: 'considered-objection-serious-danger', reportDespiteObjection: true });
  });

  // Each condition of the exception, answered against it: [what, the answers, the fact the rule read].
  const against: [string, Record<string, unknown>, string][] = [
    ['not domestic violence against this adult victim', { 'objection.domesticViolenceAdultVictim': false }, 'objection.domesticViolenceAdultVictim'],
    ['a minor involved in any way', { 'objection.minorInvolved': true }, 'objection.minorInvolved'],
    ['a minor client (17)', { 'client.birthDate': bornAged(17) }, 'derived.ageYears'],
    ['a pregnant client', { 'client.pregnant': true }, 'client.pregnant'],
    ['a client who lacks capacity', { 'client.lacksCapacity': true }, 'client.lacksCapacity'],
    ['a client caring for a minor', { 'client.caresForMinor': true }, 'client.caresForMinor'],
    ['a client caring for a care-dependent adult', { 'client.caresForCareDependentAdult': true }, 'client.caresForCareDependentAdult'],
    ['someone else at risk who has not objected', { 'objection.othersAtRisk': true }, 'objection.othersAtRisk'],
    ['not considered and free', { 'objection.consideredAndFree': false }, 'objection.consideredAndFree'],
    ['"te zeer ingegeven door een afhankelijkheidsrelatie met de pleger"', { 'objection.drivenByDependencyOrFear': true }, 'objection.drivenByDependencyOrFear'],
    ['dependent on the suspect for care, no reason recorded', { 'objection.dependsOnSuspectForCare': true, 'objection.freedomReasonRecorded': false }, 'objection.freedomReasonRecorded'],
    ['honour-based violence, no reason recorded', { 'forms.honourBasedViolence': true, 'objection.freedomReasonRecorded': false }, 'objection.freedomReasonRecorded'],
    ['forced marriage, no reason recorded', { 'forms.forcedMarriage': true, 'objection.freedomReasonRecorded': false }, 'objection.freedomReasonRecorded'],
    ['FGM, no reason recorded', { 'forms.fgm': true, 'objection.freedomReasonRecorded': false }, 'objection.freedomReasonRecorded'],
    ['no colleague consulted', { 'steps.colleagueConsulted': false }, 'steps.colleagueConsulted'],
    ['Veilig Thuis not asked for advice', { 'steps.veiligThuisAdviceAsked': false }, 'steps.veiligThuisAdviceAsked'],
    ['a threat-to-life example, no reason recorded for "no serious danger"', { 'unsafety.threatToLifeExample': true, 'objection.noSeriousDangerReasonRecorded': false }, 'objection.noSeriousDangerReasonRecorded'],
  ];
  it.each(against)('one condition against the exception — %s — and the report stands', (_what, answers, fact) => {
    const p = plan(withAnswers(exceptionMet, answers), faq004);
    expect(p.alwaysReport).toBe(false);
    expect(p.objection).toMatchObject({ status: 'exception-not-met', reportDespiteObjection: true, ruleId: 'faq-004-exception-not-met' });
    expect(decisive(p).facts).toContainEqual(expect.objectContaining({ fact, result: true }));
    // Serious danger unknown changes nothing: the condition against the exception already decides.
    const dangerUnknown = plan(withAnswers(exceptionMet, { ...answers, 'objection.seriousDanger': undefined }), faq004);
    expect(dangerUnknown.objection).toMatchObject({ status: 'exception-not-met', reportDespiteObjection: true });
  });

  it('"te zeer wordt ingegeven door een afhankelijkheidsrelatie met de pleger": not considered and free, so the report stands', () => {
    const p = plan(withAnswers(exceptionMet, { 'objection.drivenByDependencyOrFear': true, 'unsafety.acuteOrStructural': true }), faq004);
    expect(noteIds(p)).toContain('not-considered-and-free');
    expect(p.objection).toMatchObject({ status: 'exception-not-met', reportDespiteObjection: true });
  });

  // Each condition of the exception left unanswered, with nothing against it and no serious danger.
  const unanswered = [
    'objection.domesticViolenceAdultVictim',
    'objection.minorInvolved',
    'client.birthDate',
    'client.pregnant',
    'client.lacksCapacity',
    'client.caresForMinor',
    'client.caresForCareDependentAdult',
    'objection.othersAtRisk',
    'objection.consideredAndFree',
    'objection.drivenByDependencyOrFear',
    'objection.dependsOnSuspectForCare',
    'forms.honourBasedViolence',
    'forms.forcedMarriage',
    'forms.fgm',
    'steps.colleagueConsulted',
    'steps.veiligThuisAdviceAsked',
  ];
  it.each(unanswered)('no serious danger but %s unanswered: the exception is open, the report provisional, and the question is asked', (id) => {
    const p = plan(withAnswers(exceptionMet, { [id]: undefined }), faq004);
    expect(p.objection).toMatchObject({ status: 'exception-open', reportDespiteObjection: null, ruleId: 'faq-004-exception-open' });
    expect(p.nextQuestions.map((q) => q.id)).toEqual([id]);
  });

  it('a special circumstance with the reason not yet recorded: the exception is open and the reason is asked', () => {
    const p = plan(withAnswers(exceptionMet, { 'forms.forcedMarriage': true }), faq004);
    expect(p.objection).toMatchObject({ status: 'exception-open', reportDespiteObjection: null });
    expect(fired(p)).toContain('faq-004-freedom-reason-open');
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.freedomReasonRecorded']);
  });

  it('a threat-to-life example answered yes beside "no serious danger": the reason is asked, and without it the report stands', () => {
    const open = plan(withAnswers(exceptionMet, { 'unsafety.threatToLifeExample': true }), faq004);
    expect(open.objection).toMatchObject({ status: 'exception-open', reportDespiteObjection: null, ruleId: 'faq-004-exception-open' });
    expect(fired(open)).toContain('faq-004-threat-to-life-reason-open');
    expect(open.nextQuestions.map((q) => q.id)).toEqual(['objection.noSeriousDangerReasonRecorded']);
    const none = plan(withAnswers(exceptionMet, { 'unsafety.threatToLifeExample': true, 'objection.noSeriousDangerReasonRecorded': false }), faq004);
    expect(none.objection).toMatchObject({ status: 'exception-not-met', reportDespiteObjection: true });
    const recorded = plan(withAnswers(exceptionMet, { 'unsafety.threatToLifeExample': true, 'objection.noSeriousDangerReasonRecorded': true }), faq004);
    expect(recorded.objection).toMatchObject({ status: 'considered-objection', reportDespiteObjection: false });
    // Without a threat-to-life example the reason is not asked.
    expect(fired(plan(exceptionMet, faq004))).not.toContain('faq-004-threat-to-life-reason-open');
    expect(plan(withAnswers(exceptionMet, { 'unsafety.threatToLifeExample': false }), faq004).objection.status).toBe('considered-objection');
  });

  it('a considered objection whose freedom from fear is not yet assessed stays open', () => {
    const p = plan(withAnswers(exceptionMet, { 'objection.drivenByDependencyOrFear': undefined }), faq004);
    expect(p.objection).toMatchObject({ status: 'exception-open', reportDespiteObjection: null });
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.drivenByDependencyOrFear']);
  });
});

describe('the objection regime: the framework\'s, and when none is given the weighing, marked as not settled', () => {
  it('without the option the plan weighs, says the regime is not settled, and notes it where an objection stands', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { ...standingObjection, protectionPrevails: false } });
    expect(p.objectionRegime).toEqual({ regime: 'weighing', settled: false });
    expect(p.objection).toMatchObject({ status: 'objection-prevails', reportDespiteObjection: false });
    expect(noteIds(p)).toContain('objection-regime-not-settled');
    expect(p.notes.find((n) => n.id === 'objection-regime-not-settled')!.source.document).toMatch(/^000_/);
    // The considered objection of an adult victim is not exempt under the default: it is weighed.
    expect(plan(exceptionMet).objection).toMatchObject({ status: 'open', ruleId: 'objection-weighing-open' });
  });

  it('with the option the regime is settled and the note is not given', () => {
    for (const options of [faq004, weighing]) {
      const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { ...standingObjection, protectionPrevails: false } }, options);
      expect(p.objectionRegime).toEqual({ regime: options.objectionRegime, settled: true });
      expect(noteIds(p)).not.toContain('objection-regime-not-settled');
    }
  });

  it('the note only where an objection stands and the always-report rule does not decide', () => {
    for (const objection of [{ raised: false }, { raised: true }, { raised: true, canBeMet: true }]) {
      const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection });
      expect(p.objectionRegime).toEqual({ regime: 'weighing', settled: false });
      expect(noteIds(p), JSON.stringify(objection)).not.toContain('objection-regime-not-settled');
    }
    const always = plan({ client: { ...adultAlone, pregnant: true }, unsafety: { acuteOrStructural: true }, objection: standingObjection });
    expect(always.objection.status).toBe('always-report');
    expect(noteIds(always)).not.toContain('objection-regime-not-settled');
  });

  it('rejects an unknown regime', () => {
    expect(thrown(() => plan({}, { objectionRegime: 'veto' } as never))).toMatchObject({
      issues: [expect.objectContaining({ path: ['options', 'objectionRegime'] })],
    });
  });
});

describe('004 "Wat als de cliënt bezwaren heeft?" (continued)', () => {
  it('"Is het slachtoffer wilsonbekwaam, overleg dan met de wettelijk vertegenwoordiger"', () => {
    const p = plan({
      client: { ...adultAlone, lacksCapacity: true, legalRepresentative: { present: true, possiblyPerpetrator: false } },
    });
    expect(p.conversationWith).toContainEqual(expect.objectContaining({ party: 'legal-representative', basis: 'required' }));
    expect(p.conversationWith.map((x) => x.party)).not.toContain('other-representative');
  });

  it('"tenzij deze mogelijk zelf de pleger is … een andere geschikte vertegenwoordiger"', () => {
    const p = plan({
      client: { ...adultAlone, lacksCapacity: true, legalRepresentative: { present: true, possiblyPerpetrator: true } },
    });
    expect(p.conversationWith).toContainEqual(expect.objectContaining({ party: 'other-representative', basis: 'required' }));
    expect(p.conversationWith.map((x) => x.party)).not.toContain('legal-representative');
  });

  it('a wilsonbekwaam client: an unknown representative is asked; none at all ⇒ ask Veilig Thuis (sources silent)', () => {
    const open = plan({ client: { ...adultAlone, lacksCapacity: true } });
    expect(open.nextQuestions.map((q) => q.id)).toContain('client.legalRepresentative.present');
    const none = plan({ client: { ...adultAlone, lacksCapacity: true, legalRepresentative: { present: false } } });
    expect(fired(none)).toContain('no-legal-representative');
    expect(actionIds(none)).toContain('ask-veilig-thuis-advice');
  });
});

describe('004 "Wat als het slachtoffer wilsonbekwaam is?"', () => {
  const client = { ...adultAlone, lacksCapacity: true, legalRepresentative: { present: true, possiblyPerpetrator: false } };

  it('"Doe een melding indien … de bescherming … de doorslag moet geven en informeer de cliënt"', () => {
    const p = plan({
      client,
      unsafety: { acuteOrStructural: false },
      objection: { ...standingObjection, domesticViolenceAdultVictim: false, protectionPrevails: true },
    });
    expect(p.objection.reportDespiteObjection).toBe(true);
    expect(actionIds(p)).toContain('inform-client-about-report');
  });

  it('the always-report rule holds for a wilsonbekwaam victim too', () => {
    const p = plan({ client: { ...client, caresForMinor: true }, unsafety: { acuteOrStructural: true }, objection: consideredObjection });
    expect(p.objection.status).toBe('always-report');
  });
});

describe('004 "Hoe handel je als professional wanneer je vermoedens hebt van kindermishandeling/huiselijk geweld, maar als melden ertoe leidt dat je eigen veiligheid in gevaar komt?"', () => {
  it('"Overleg in dit geval altijd eerst met Veilig Thuis, vóórdat je het gesprek aangaat"', () => {
    const p = plan({ client: adultAlone, conversation: { endangersSomeone: true } });
    expect(actionIds(p)).toContain('consult-veilig-thuis-before-conversation');
    const safe = plan({ client: adultAlone, conversation: { endangersSomeone: false } });
    expect(actionIds(safe)).not.toContain('consult-veilig-thuis-before-conversation');
  });
});

describe('004 "Mag ik een melding doen zonder mijn cliënt hierover te informeren als dit beter is voor de zorgrelatie?"', () => {
  it('skipping for safety is allowed, with the reason recorded', () => {
    const p = plan({ client: adultAlone, conversation: { skipReason: 'safety', skipReasonRecorded: true } });
    expect(p.skip).toEqual({ reason: 'safety', recorded: true });
    expect(noteIds(p)).toContain('without-knowledge-last-resort');
  });

  it('"beter voor de zorgrelatie" is no reason to skip: the input is rejected', () => {
    expect(thrown(() => plan({ conversation: { skipReason: 'care-relationship' } } as never))).toMatchObject({
      issues: [expect.objectContaining({ path: ['conversation', 'skipReason'] })],
    });
  });

  it('expected loss of contact (000) is allowed, but the FAQ names only safety: consult Veilig Thuis', () => {
    const p = plan({ client: adultAlone, conversation: { skipReason: 'loss-of-contact', clientUnprotectedIfContactLost: true, skipReasonRecorded: true } });
    expect(p.skip).toEqual({ reason: 'loss-of-contact', recorded: true });
    expect(fired(p)).toContain('skip-for-loss-of-contact-sources-differ');
    expect(actionIds(p)).toContain('ask-veilig-thuis-advice');
  });

  // Issue 14 finding 12. 000 Bijlage 1b stap 3: "als u goede redenen hebt om te veronderstellen dat
  // de cliënt door dit gesprek het contact met u zal verbreken en dat de cliënt daardoor niet
  // voldoende meer kan worden beschermd tegen het mogelijk geweld."
  it('a loss of contact is a reason to skip only when it leaves the client unprotected', () => {
    const open = plan({ client: adultAlone, conversation: { skipReason: 'loss-of-contact' } });
    expect(open.skip).toBeNull();
    expect(open.nextQuestions.map((q) => q.id)).toContain('conversation.clientUnprotectedIfContactLost');
    const protectedAnyway = plan({ client: adultAlone, conversation: { skipReason: 'loss-of-contact', clientUnprotectedIfContactLost: false } });
    expect(protectedAnyway.skip).toBeNull();
    expect(actionIds(protectedAnyway)).toContain('hold-the-conversation');
    expect(noteIds(protectedAnyway)).not.toContain('conflict-of-duties');
  });
});

describe('004 "Hoe moet je melden als ouders geen toestemming geven om te melden?"', () => {
  it('the right to report holds without consent', () => {
    const p = plan({ client: { ...adultAlone, birthDate: bornAged(8) }, objection: { raised: true } });
    expect(noteIds(p)).toContain('right-to-report-without-consent');
  });
});

describe('004 "Hoe ga ik om met het dilemma melden en de vertrouwensband goed houden?"', () => {
  it('"Je bespreekt in principe altijd met de cliënt dat je van plan bent een melding te doen": not without knowledge', () => {
    const p = plan({ client: adultAlone });
    expect(p.skip).toBeNull();
    expect(noteIds(p)).toContain('not-without-knowledge');
    expect(p.conversationWith).toContainEqual(expect.objectContaining({ party: 'client', basis: 'required' }));
  });
});

describe('004 "Wat leg ik vast over een melding?"', () => {
  it('"Heb je geen contact … gehad over de melding, teken dan ook aan waarom": an unrecorded skip asks to record it', () => {
    const unrecorded = plan({ client: adultAlone, conversation: { skipReason: 'safety' } });
    expect(actionIds(unrecorded)).toContain('record-skip-reason');
    expect(unrecorded.reviewerChecklist.missing.map((i) => i.id)).toContain('client-contacts');
    const recorded = plan({ client: adultAlone, conversation: { skipReason: 'safety', skipReasonRecorded: true } });
    expect(actionIds(recorded)).not.toContain('record-skip-reason');
    expect(recorded.reviewerChecklist.documented.map((i) => i.id)).toContain('client-contacts');
  });
});

describe('004 "Hoe verhoudt een melding zich tot beroepsgeheim?"', () => {
  it('reporting without consent breaks secrecy: the five conflict-of-duties questions (000 §3.3)', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: true }, objection: standingObjection });
    expect(p.conflictOfDuties).toHaveLength(5);
    expect(p.conflictOfDuties[0]!.text).toMatch(/^Kan ik door te spreken/);
    const consented = plan({ client: adultAlone, objection: { raised: false } });
    expect(consented.conflictOfDuties).toEqual([]);
  });
});

describe('004 "Wat is het verschil tussen advies vragen en melden?"', () => {
  it('a considered objection with serious danger unknown: needs input and Veilig Thuis advice, never "no report"', () => {
    const p = plan(withAnswers(exceptionMet, { 'objection.seriousDanger': undefined }), faq004);
    expect(p.objection).toMatchObject({ status: 'open', reportDespiteObjection: null, ruleId: 'faq-004-serious-danger-open' });
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.seriousDanger']);
    expect(p.actions).toContainEqual(expect.objectContaining({ id: 'ask-veilig-thuis-advice', ruleId: 'serious-danger-open-ask-veilig-thuis' }));
    // Unknown danger asks first, before the other conditions: with one of them unknown too, still open on danger.
    const both = plan(withAnswers(exceptionMet, { 'objection.seriousDanger': undefined, 'objection.othersAtRisk': undefined }), faq004);
    expect(both.objection).toMatchObject({ status: 'open', reportDespiteObjection: null, ruleId: 'faq-004-serious-danger-open' });
    expect(both.nextQuestions.map((q) => q.id)).toContain('objection.seriousDanger');
  });
});

describe('000 §Positie van de jeugdige cliënt; §3.2 NB 1; Bijlage 1b stap 5: with whom, whose consent', () => {
  const parties = (p: ReturnType<typeof plan>) => p.conversationWith.map((x) => `${x.party}:${x.basis}`);

  it('under 12: the parents; talking with the child is the professional\'s judgement; the parents consent', () => {
    const p = plan({ client: { birthDate: bornAged(9) } }, { regime: 'jeugdwet-wgbo-12' });
    expect(parties(p)).toEqual(['parents:required', 'client:professional-judgement']);
    expect(p.consentFrom).toBe('parents');
  });

  it('12 to 15: the client and/or the parents; consent by regime', () => {
    const client = { birthDate: bornAged(14), livesWithParents: false };
    expect(parties(plan({ client }))).toEqual(['client:and-or', 'parents:and-or']);
    expect(plan({ client }, { regime: 'jeugdwet-wgbo-12' }).consentFrom).toBe('client');
    expect(plan({ client }, { regime: 'privacy-16' }).consentFrom).toBe('parents');
    const open = plan({ client });
    expect(open.consentFrom).toBeNull();
    expect(open.nextQuestions.map((q) => q.id)).toContain('settings.consentRegime');
  });

  it('12+ living at home: also the parents, required', () => {
    expect(parties(plan({ client: { birthDate: bornAged(14), livesWithParents: true } }))).toEqual([
      'client:and-or',
      'parents:required',
    ]);
    expect(parties(plan({ client: { birthDate: bornAged(16), livesWithParents: true } }))).toEqual([
      'client:required',
      'parents:required',
    ]);
    const open = plan({ client: { birthDate: bornAged(16) } });
    expect(open.nextQuestions.map((q) => q.id)).toContain('client.livesWithParents');
  });

  it('16 and over: the client, who consents under either regime', () => {
    for (const regime of ['privacy-16', 'jeugdwet-wgbo-12'] as const) {
      const p = plan({ client: { birthDate: bornAged(16), livesWithParents: false } }, { regime });
      expect(parties(p)).toEqual(['client:required']);
      expect(p.consentFrom).toBe('client');
    }
  });

  it('an adult living with the parents: the parents are to be considered (NB 1 speaks of "de jongere")', () => {
    const p = plan({ client: { ...adultAlone, livesWithParents: true } });
    expect(parties(p)).toEqual(['client:required', 'parents:consider']);
    expect(fired(p)).toContain('talk-parents-adult-at-home');
    expect(p.conversationWith.find((x) => x.party === 'parents')).toBeDefined();
    // Issue 14 finding 12 (DESIGN §6.5): never where the conversation endangers someone.
    const unsafe = plan({ client: { ...adultAlone, livesWithParents: true }, conversation: { endangersSomeone: true } });
    expect(parties(unsafe)).toEqual(['client:required']);
  });

  it('an age given in years instead of a birth date', () => {
    const p = plan({ client: { age: 13, livesWithParents: false } });
    expect(p.age).toEqual({ years: 13, band: '12-15', from: 'age' });
  });

  it('unknown age: nobody is named and the birth date is asked', () => {
    const p = plan({});
    expect(p.conversationWith).toEqual([]);
    expect(p.consentFrom).toBeNull();
    expect(p.nextQuestions.map((q) => q.id)).toContain('client.birthDate');
  });
});

describe('000 §Wat Veilig Thuis met een melding doet: the reporter towards the family', () => {
  it('the main rule: the identity is made known', () => {
    expect(plan({}).reporterTowardsFamily).toBe('identity-disclosed');
  });
  for (const reason of ['threat-to-reported', 'threat-to-professional-or-others', 'relationship-of-trust'] as const) {
    it(`may stay anonymous: ${reason}`, () => {
      const p = plan({ conversation: { anonymityReason: reason } });
      expect(p.reporterTowardsFamily).toBe('may-stay-anonymous');
    });
  }
});

describe('000 §3.3: the reviewer\'s checklist', () => {
  it('lists what the case documents and what is missing', () => {
    const p = plan({
      client: adultAlone,
      steps: { colleagueConsulted: true, veiligThuisAdviceAsked: false, signalsRecorded: true, conversationHeld: true },
      objection: { ...standingObjection, protectionPrevails: true, domesticViolenceAdultVictim: false },
    });
    expect(p.reviewerChecklist.documented.map((i) => i.id)).toEqual([
      'colleague-consulted',
      'sufficient-facts',
      'interests-weighed',
      'client-contacts',
    ]);
    expect(p.reviewerChecklist.missing.map((i) => i.id)).toEqual(['veilig-thuis-consulted']);
  });
});

describe('languages', () => {
  it('explains in English when asked', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: true } }, { lang: 'en' });
    expect(p.lang).toBe('en');
    expect(p.trail.find((e) => e.ruleId === 'conversation-notice')!.explanation).toMatch(/notice/);
  });
});

describe('000 Bijlage 1b stap 5: "Van contacten met de cliënt over de melding kunt u afzien"', () => {
  it('a skipped conversation asks no reaction of the client and leaves the report to the framework', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, conversation: { skipReason: 'safety' } });
    expect(p.objection).toMatchObject({ status: 'conversation-skipped', reportDespiteObjection: null });
    expect(p.nextQuestions.map((q) => q.id)).not.toContain('objection.raised');
    expect(p.conflictOfDuties).toHaveLength(5);
  });

  it('a skipped conversation does not lift the always-report rule', () => {
    const p = plan({ client: { ...adultAlone, pregnant: true }, unsafety: { acuteOrStructural: true }, conversation: { skipReason: 'safety' } });
    expect(p.objection.status).toBe('always-report');
  });
});
