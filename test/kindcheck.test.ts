// The Kind Check flow of 004 (questions 1-3 with their own words), what to record about the
// children (000 §Kindcheck), and evaluateKindcheck on its own and inside evaluate().
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decision, evaluate, MeldcodeInputError, type ScopeResult, type StepsResult, type RecordKeeping } from '../src/index.js';
import { evaluateKindcheck, type KindcheckInput, type KindcheckResult, type KindcheckStatus, kindcheckQuestions } from '../src/kindcheck/index.js';
import { kindcheckModule } from '../src/kindcheck/kindcheck.js';
import { citationProblem } from './support/sources.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const kc = (answers: KindcheckInput, lang: 'nl' | 'en' = 'nl') => evaluateKindcheck(answers, { ...DATE, lang });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('kindcheck questions 1-3 (004 §Kind Check)', () => {
  it('asks question 1 first, in the kindcheck\'s exact words; unknown is never "complete"', () => {
    const r = kc({});
    expect(r.status).toBe('open');
    expect(r.text).toBeNull();
    expect(ids(r.nextQuestions)).toEqual(['kindcheck.parentSignals']);
    expect(r.nextQuestions[0]!.text.nl).toBe(
      'Zijn er signalen van ouderproblematiek zoals huiselijk geweld, middelenmisbruik, ernstige psychiatrische problematiek die bedreigend zijn voor kinderen?',
    );
  });

  // Issue 14 finding 11. 004 §Kind Check: "Vraag 2 van de kindcheck heeft u met NEE beantwoord.
  // Kindcheck gereed." — a client without children who is not pregnant completes it.
  it('question 2 no completes it, even before question 1 is answered', () => {
    const r = kc({ client: { caresForMinor: false, pregnant: false } });
    expect(r).toMatchObject({ status: 'complete', decidedBy: 2, nextQuestions: [] });
    expect(r.text).toContain('Kindcheck gereed.');
  });

  // 000 §Kindcheck: "Daarom stelt de wet dat de meldcode een ‘kindcheck’ moet bevatten bij bepaalde volwassen cliënten."
  it('is for adult clients: a minor client not known to care for a child or to be pregnant is not asked it', () => {
    const minor = kc({ client: { age: 15 } });
    expect(minor).toMatchObject({ status: 'not-applicable', nextQuestions: [] });
    expect(minor.text).toMatch(/volwassen cliënten/);
    // A teenage parent, or a pregnant minor: the kindcheck follows.
    expect(kc({ client: { age: 16, caresForMinor: true } }).status).toBe('open');
    expect(kc({ client: { age: 16, pregnant: true }, kindcheck: { parentSignals: true } }).nextQuestions.map((q) => q.id)).toEqual(['contact.oneOff']);
    // An adult, or an unknown age: asked as before.
    expect(kc({ client: { age: 18 } }).status).toBe('open');
    expect(kc({}).status).toBe('open');
  });

  it('question 1 no: "Kindcheck gereed"', () => {
    const r = kc({ kindcheck: { parentSignals: false } });
    expect(r).toMatchObject({ status: 'complete', decidedBy: 1, nextQuestions: [] });
    expect(r.text).toContain('U ziet geen signalen die bedreigend zijn voor het kind.');
    expect(r.text).toContain('Kindcheck gereed.');
  });

  it('question 1 yes: asks question 2 with the questions one can ask', () => {
    const r = kc({ kindcheck: { parentSignals: true } });
    expect(r.status).toBe('open');
    expect(ids(r.nextQuestions)).toEqual(['client.caresForMinor', 'client.pregnant']);
    // Single-issue questions (issue 14 finding 11); the combined 004 text stays in the help.
    expect(r.nextQuestions.map((q) => q.text.nl)).toEqual(['Zorgt uw cliënt voor minderjarige kinderen?', 'Is uw cliënte (mogelijk) zwanger?']);
    expect(r.nextQuestions[0]!.help?.nl).toContain('Zorgt uw cliënt voor kinderen of is uw cliënte zwanger?');
    expect(r.subQuestions).toHaveLength(7);
    expect(r.subQuestions).toContain('Deelt u de zorg met iemand anders?');
    expect(ids(r.record)).toEqual(['parent-signals']);
  });

  it('question 2 half answered (no children, pregnancy unknown) still asks the rest', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { caresForMinor: false } });
    expect(r.status).toBe('open');
    expect(ids(r.nextQuestions)).toEqual(['client.pregnant']);
  });

  it('question 2 no: "Kindcheck gereed"', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { caresForMinor: false, pregnant: false } });
    expect(r).toMatchObject({ status: 'complete', decidedBy: 2, text: 'Vraag 2 van de kindcheck heeft u met NEE beantwoord. Kindcheck gereed.' });
  });

  it('question 2 yes: asks question 3, and says what to record about the children', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { caresForMinor: true } });
    expect(r.status).toBe('open');
    expect(ids(r.nextQuestions)).toEqual(['contact.oneOff']);
    expect(ids(r.record)).toEqual(['children-number-ages-shared-care', 'parent-signals']);
    expect(r.record[0]!.text).toMatch(/hoeveel kinderen.*leeftijd.*deelt/);
  });

  it('no parent signals: no children to record for the kindcheck', () => {
    const r = kc({ kindcheck: { parentSignals: false }, client: { caresForMinor: true } });
    expect(r.record).toEqual([]);
  });

  it('pregnancy alone answers question 2 yes', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { pregnant: true, caresForMinor: false } });
    expect(ids(r.nextQuestions)).toEqual(['contact.oneOff']);
    expect(ids(r.record)).toEqual(['parent-signals']);
  });

  it('question 3 yes (one-off contact): tell the client you ask Veilig Thuis for advice, if safety allows', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { caresForMinor: true }, contact: { oneOff: true } });
    expect(r).toMatchObject({ status: 'ask-veilig-thuis-advice', decidedBy: 3 });
    expect(r.text).toBe(
      'Vertel uw cliënt dat u Veilig Thuis om advies vraagt, mits de veiligheid dit toelaat. In overleg met Veilig Thuis kunt u besluiten een melding te doen bij Veilig Thuis of zelf hulp te organiseren.',
    );
  });

  it('question 3 no: "Volg de stappen van de meldcode"', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { caresForMinor: true }, contact: { oneOff: false } }, 'en');
    expect(r).toMatchObject({ status: 'follow-steps', decidedBy: 3, text: 'You answered question 3 with NO. Follow the steps of the meldcode.' });
  });

  it('parent signals with children: a report states the client\'s condition, not the children\'s situation', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { caresForMinor: true }, contact: { oneOff: false } });
    expect(ids(r.notes)).toEqual(['report-states-client-condition']);
    expect(r.notes[0]!.text).toMatch(/geen uitspraak over de feitelijke situatie van de kinderen/);
  });

  it('returns the children as recorded (number, ages, shared care) without touching the input', () => {
    const input = { kindcheck: { parentSignals: true, childrenCount: 2, childrenAges: [3, 7], sharedCare: true }, client: { caresForMinor: true } };
    const copy = structuredClone(input);
    const r = kc(input);
    expect(r.children).toEqual({ count: 2, ages: [3, 7], sharedCare: true });
    expect(input).toEqual(copy);
  });

  it('every trail entry holds and cites its source', () => {
    const r = kc({ kindcheck: { parentSignals: true }, client: { caresForMinor: true }, contact: { oneOff: true } });
    expect(r.trail.map((e) => e.ruleId)).toContain('kindcheck-vraag-3-ja');
    for (const e of r.trail) expect(e.outcome).toBe(true);
  });
});

describe('kindcheck inside evaluate()', () => {
  it('carries the kindcheck result and never blocks the step-5 decision with kindcheck questions', () => {
    const d = evaluate({ considerations: { suspicion: true, unsafety: { acute: true } }, kindcheck: { parentSignals: true } }, DATE);
    expect(d.outcome).toBe('report');
    expect(d.kindcheck?.status).toBe('open');
    expect(ids(d.nextQuestions)).not.toContain('client.pregnant');
    expect(d.trail.map((e) => e.ruleId)).toContain('kindcheck-vraag-2-open');
  });

  it('question 3 yes adds the action to ask Veilig Thuis for advice', () => {
    const d = evaluate({ kindcheck: { parentSignals: true }, client: { pregnant: true }, contact: { oneOff: true } }, DATE);
    expect(ids(d.actions)).toContain('kindcheck-ask-veilig-thuis-advice');
  });
});

describe('evaluateKindcheck: bad input', () => {
  it('lists every problem with its path, in nl and en', () => {
    const error = thrown(() => kc({ kindcheck: { parentSignals: 'ja', childrenAges: [3, -1], extra: 1 }, contact: { oneOff: 1 }, other: {} } as never));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    const paths = (error as MeldcodeInputError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['kindcheck.parentSignals', 'kindcheck.childrenAges.1', 'kindcheck.extra', 'contact.oneOff', 'other']));
    for (const i of (error as MeldcodeInputError).issues) expect(i.message.nl && i.message.en).toBeTruthy();
  });

  it('rejects bad options and non-objects', () => {
    expect(() => evaluateKindcheck({}, { lang: 'de' } as never)).toThrow(MeldcodeInputError);
    expect(() => evaluateKindcheck(null as never)).toThrow(MeldcodeInputError);
    expect(() => evaluateKindcheck([1] as never)).toThrow(MeldcodeInputError);
  });
});

describe('kindcheck citations', () => {
  it('every rule and question cites words that stand in the source', () => {
    const problems = [
      ...kindcheckModule.ruleFile.rules.map((r) => [r.id, citationProblem(r.source)]),
      ...[...kindcheckQuestions.values()].map((q) => [q.id, citationProblem(q.source)]),
    ].filter(([, p]) => p);
    expect(problems).toEqual([]);
  });
});

describe('types (checked by npm run typecheck)', () => {
  it('the decision carries the module results; out of scope has no kindcheck or steps', () => {
    expectTypeOf<Decision['kindcheck']>().toEqualTypeOf<KindcheckResult | null>();
    expectTypeOf<Decision['steps']>().toEqualTypeOf<StepsResult | null>();
    expectTypeOf<Decision['scope']>().toEqualTypeOf<ScopeResult>();
    expectTypeOf<Decision['recordKeeping']>().toEqualTypeOf<RecordKeeping>();
    expectTypeOf<KindcheckStatus>().toEqualTypeOf<'open' | 'complete' | 'follow-steps' | 'ask-veilig-thuis-advice' | 'not-applicable'>();
    expectTypeOf(evaluateKindcheck).returns.toExtend<KindcheckResult>();
  });
});
