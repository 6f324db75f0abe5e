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

  it('with acute or structural unsafety a (non-exempt) objection does not stop the report: a notice under norm 1', () => {
    const p = plan({
      client: adultAlone,
      unsafety: { acuteOrStructural: true },
      objection: { ...standingObjection, domesticViolenceAdultVictim: false },
    });
    expect(p.objection).toMatchObject({ status: 'notice-norm-1', reportDespiteObjection: true });
  });

  it('… and when the weighing favours the objection there, the plan asks to consult Veilig Thuis', () => {
    const p = plan({
      client: adultAlone,
      unsafety: { acuteOrStructural: true },
      objection: { ...standingObjection, domesticViolenceAdultVictim: false, protectionPrevails: false },
    });
    expect(p.objection.reportDespiteObjection).toBe(true);
    expect(fired(p)).toContain('weighing-against-norm-1');
    expect(actionIds(p)).toContain('ask-veilig-thuis-advice');
  });

  const groups: [string, ConsentInput['client']][] = [
    ['een minderjarige cliënt', { ...adultAlone, birthDate: bornAged(17) }],
    ['een zwangere cliënt', { ...adultAlone, pregnant: true }],
    ['een cliënt die de zorg heeft voor een minderjarige', { ...adultAlone, caresForMinor: true }],
    ['een cliënt die de zorg heeft voor een zorgafhankelijke volwassene', { ...adultAlone, caresForCareDependentAdult: true }],
  ];
  for (const [who, client] of groups) {
    it(`"te allen tijde een melding": ${who} with acute or structural unsafety, even with a considered objection`, () => {
      const p = plan({ client, unsafety: { acuteOrStructural: true }, objection: { ...consideredObjection, seriousDanger: false } });
      expect(p.objection).toMatchObject({ status: 'always-report', reportDespiteObjection: true, ruleId: 'objection-always-report' });
      expect(p.alwaysReport).toBe(true);
    });
  }

  it('the always-report rule needs acute or structural unsafety', () => {
    const p = plan({
      client: { ...adultAlone, pregnant: true },
      unsafety: { acuteOrStructural: false },
      objection: { ...consideredObjection, seriousDanger: false },
    });
    expect(p.alwaysReport).toBe(false);
    expect(p.objection).toMatchObject({ status: 'considered-objection', reportDespiteObjection: false });
  });

  it('"volwassen slachtoffer weloverwogen en in vrijheid bezwaar": no report without serious danger', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection: { ...consideredObjection, seriousDanger: false } });
    expect(p.objection).toMatchObject({ status: 'considered-objection', reportDespiteObjection: false });
  });

  it('"alleen gemeld bij ernstig gevaar voor zwaar lichamelijk of psychisch letsel of de dood": serious danger ⇒ report', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: true }, objection: { ...consideredObjection, seriousDanger: true } });
    expect(p.objection).toMatchObject({ status: 'considered-objection-serious-danger', reportDespiteObjection: true });
  });

  it('considered objection with acute unsafety and no serious danger: no report per the FAQ, and consult Veilig Thuis (norm 1 tension)', () => {
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: true }, objection: { ...consideredObjection, seriousDanger: false } });
    expect(p.objection.reportDespiteObjection).toBe(false);
    expect(fired(p)).toContain('considered-objection-meets-norm-1');
    expect(actionIds(p)).toContain('ask-veilig-thuis-advice');
  });

  it('"te zeer wordt ingegeven door een afhankelijkheidsrelatie met de pleger": not considered and free', () => {
    const p = plan({
      client: adultAlone,
      unsafety: { acuteOrStructural: true },
      objection: { ...consideredObjection, drivenByDependencyOrFear: true, seriousDanger: false },
    });
    expect(noteIds(p)).toContain('not-considered-and-free');
    expect(p.objection).toMatchObject({ status: 'notice-norm-1', reportDespiteObjection: true });
  });

  it('a considered objection whose freedom from fear is not yet assessed stays open', () => {
    const p = plan({
      client: adultAlone,
      unsafety: { acuteOrStructural: false },
      objection: { ...standingObjection, domesticViolenceAdultVictim: true, consideredAndFree: true, seriousDanger: false },
    });
    expect(p.objection).toMatchObject({ status: 'open', reportDespiteObjection: null });
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.drivenByDependencyOrFear']);
  });

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
    const p = plan({ client: adultAlone, conversation: { skipReason: 'loss-of-contact', skipReasonRecorded: true } });
    expect(p.skip).toEqual({ reason: 'loss-of-contact', recorded: true });
    expect(fired(p)).toContain('skip-for-loss-of-contact-sources-differ');
    expect(actionIds(p)).toContain('ask-veilig-thuis-advice');
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
    const p = plan({ client: adultAlone, unsafety: { acuteOrStructural: false }, objection: consideredObjection });
    expect(p.objection).toMatchObject({ status: 'open', reportDespiteObjection: null });
    expect(p.nextQuestions.map((q) => q.id)).toEqual(['objection.seriousDanger']);
    expect(actionIds(p)).toContain('ask-veilig-thuis-advice');
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
