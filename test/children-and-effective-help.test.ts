// Issue 14 finding 9, the rest: the conversation with a child and children's participation (000
// Stap 3 › Gesprek met kinderen; Bijlage 2 › Uitgangspunten), and the four conditions for
// effective help as afweging-3 guidance in every framework (001 ch. 5). Each is an action with
// its passage; none changes the norm.
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate } from '../src/index.js';
import { citationProblem, needsSources, noSources } from './support/sources.js';
import type { FrameworkId } from '../src/authoring/ids.js';

const DATE = { evaluationDate: '2026-11-23' };
const SHIPPED = ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen'] as const;
const noUnsafety = { acute: false, structural: false, disclosure: false };
const ableToHelp = { canOffer: true, safetyPicture: true, history: true, fittingHelp: true };
const ids = (c: CaseInput, framework: FrameworkId = 'basismodel') => evaluate(c, { ...DATE, framework }).actions.map((a) => a.id);
const action = (c: CaseInput, id: string) => evaluate(c, DATE).actions.find((a) => a.id === id);

describe('the conversation with a child (000 Stap 3 › Gesprek met kinderen)', () => {
  // "Ook als een cliënt nog jong is, is het van belang dat de sociaal werker het gesprek met hem
  // aangaat, tenzij dat vanwege zijn jeugdige leeftijd echt niet mogelijk of te belastend voor hem is."
  it('a minor client with step 3 open: talk with the child too, alone where it matters, the parents informed beforehand as a rule', () => {
    const a = action({ client: { age: 10 }, considerations: { suspicion: true } }, 'talk-with-the-child')!;
    expect(a).toBeDefined();
    expect(a.text).toContain('alleen');
    expect(a.text).toContain('legt u de redenen zorgvuldig vast');
    expect(a.source.section).toBe('Stap 3: Gesprek met de cliënt › Gesprek met kinderen');
    expect(evaluate({ client: { age: 10 }, considerations: { suspicion: true } }, { ...DATE, lang: 'en' }).actions.find((x) => x.id === 'talk-with-the-child')!.text).toContain('speak with the child alone');
  });

  it('not for an adult, not once step 3 is taken, not after "no suspicion", not while the age is unknown', () => {
    expect(ids({ client: { age: 18 }, considerations: { suspicion: true } })).not.toContain('talk-with-the-child');
    expect(ids({ client: { age: 10 }, steps: { conversationHeld: true }, considerations: { suspicion: true } })).not.toContain('talk-with-the-child');
    expect(ids({ client: { age: 10 }, considerations: { suspicion: false } })).not.toContain('talk-with-the-child');
    expect(ids({ considerations: { suspicion: true } })).not.toContain('talk-with-the-child');
    // The age is exact at the birthday: 17 the day before, 18 on it.
    expect(ids({ client: { birthDate: '2008-11-24' }, considerations: { suspicion: true } })).toContain('talk-with-the-child');
    expect(ids({ client: { birthDate: '2008-11-23' }, considerations: { suspicion: true } })).not.toContain('talk-with-the-child');
  });
});

describe("children's participation (000 Bijlage 2 › Uitgangspunten)", () => {
  // "Als er opgroeiende kinderen zijn zorgt de professional ervoor dat naar hun visie gevraagd
  // wordt, dat hun mening meeweegt en dat zij informatie krijgen."
  it.each(SHIPPED)('%s: with growing-up children in the client system (a minor client, or a client caring for one), their view is asked, weighed and they are informed', (framework) => {
    expect(ids({ client: { age: 9 }, considerations: { suspicion: true } }, framework)).toContain('children-view-weighed-and-informed');
    expect(ids({ client: { age: 35, caresForMinor: true }, considerations: { suspicion: true, unsafety: { acute: true } } }, framework)).toContain('children-view-weighed-and-informed');
  });

  it('not without children, and not without a suspicion', () => {
    expect(ids({ client: { age: 35, caresForMinor: false }, considerations: { suspicion: true } })).not.toContain('children-view-weighed-and-informed');
    expect(ids({ client: { age: 9 }, considerations: { suspicion: false } })).not.toContain('children-view-weighed-and-informed');
    expect(ids({ client: { age: 9 } })).not.toContain('children-view-weighed-and-informed');
  });
});

describe('the four conditions for effective help (001 ch. 5) at afweging 3, in every framework', () => {
  // 001 ch. 5 › Voorwaarden ten aanzien van hulpverlening: "Deze vraag kan beantwoord worden door na
  // te gaan of de (beoogde) begeleiding/ondersteuning, hulp of bescherming aan de volgende voorwaarden voldoet:"
  it.each(SHIPPED)('%s: while afweging 3 is asked and once help is offered, the four conditions are the guidance', (framework) => {
    expect(ids({ considerations: { suspicion: true, unsafety: noUnsafety } }, framework)).toContain('check-help-against-four-conditions');
    expect(ids({ considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp, helpAccepted: true } }, framework)).toContain('check-help-against-four-conditions');
  });

  it('names all four conditions, and is no guidance where it does not apply (norm 1, norm 2, before afweging 2)', () => {
    const a = action({ considerations: { suspicion: true, unsafety: noUnsafety } }, 'check-help-against-four-conditions')!;
    for (const words of ['stoppen van het geweld', 'veerkracht', 'gezamenlijke analyse', 'casusregie']) expect(a.text).toContain(words);
    expect(ids({ considerations: { suspicion: true, unsafety: { acute: true } } })).not.toContain('check-help-against-four-conditions');
    expect(ids({ considerations: { suspicion: true, unsafety: noUnsafety, help: { canOffer: false } } })).not.toContain('check-help-against-four-conditions');
    expect(ids({ considerations: { suspicion: true } })).not.toContain('check-help-against-four-conditions');
  });

  it('changes no norm: the outcome with and without it is the floor’s (help offered after afweging 4 yes)', () => {
    const d = evaluate({ considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp, helpAccepted: true } }, DATE);
    expect(d.outcome).toBe('help');
    expect(d.report.necessary).toBeNull();
  });

  it.skipIf(noSources)(needsSources('the three actions cite passages that stand under their headings'), () => {
    const sources = [
      action({ client: { age: 10 }, considerations: { suspicion: true } }, 'talk-with-the-child')!.source,
      action({ client: { age: 10 }, considerations: { suspicion: true } }, 'children-view-weighed-and-informed')!.source,
      action({ considerations: { suspicion: true, unsafety: noUnsafety } }, 'check-help-against-four-conditions')!.source,
    ];
    expect(sources.map(citationProblem).filter(Boolean)).toEqual([]);
  });
});
