// Issue 14 ruling C (DESIGN §6.3, §7): floor examples and helping questions.
// - Floor examples (001 ch. 3's acute examples, 001 ch. 4's repetition norm, the serious parent
//   factors) are in every framework; answered yes they are afweging 2 yes (norm 1).
// - Helping questions (000 Bijlage 2: "helpende vragen … die de professional zichzelf … kan
//   stellen"; "geen checklist die tot ‘ja’ of ‘nee’ leidt") belong to one afweging with their own
//   polarity: a concerning answer is a reason in the trail and asks that afweging; answering the
//   afweging against it is allowed, asks for the reason to be recorded and leaves "consult Veilig
//   Thuis" open. A helping question alone never yields a report, except through its link to an
//   example stating the same fact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendFramework, validateFramework } from '../src/authoring/index.js';
import { type Framework, getCompiledFramework, getFloor, unsafetyIndicatorKinds } from '../src/frameworks/framework.js';
import { type CaseInput, type Decision, evaluate, getFramework, MeldcodeInputError } from '../src/index.js';
import { citationProblem, needsSources, noSources } from './support/sources.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const SHIPPED = ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen'] as const;
const noUnsafety = { acute: false, structural: false, disclosure: false };
const ableToHelp = { canOffer: true, safetyPicture: true, history: true, fittingHelp: true };
const held = (d: Decision) => d.trail.filter((e) => e.outcome).map((e) => e.ruleId);
const actionIds = (d: Decision) => d.actions.map((a) => a.id);
const notScope = (q: { id: string }) => !q.id.startsWith('scope.');
const sd = (c: CaseInput) => evaluate(c, { ...DATE, framework: 'sociaal-domein' });

describe('floor examples: in every framework, yes ⇒ norm 1 (001 ch. 3: "situaties die ten minste moeten worden gemeld")', () => {
  it('the floor declares them the library’s choice, citing the passage', () => {
    const { examples, examplesDeclaration } = getFloor();
    expect(examples.filter((e) => e.kind === 'acute')).toHaveLength(12);
    expect(examples.map((e) => e.code)).toContain('structural-repeated-serious-unsafe-events');
    expect(examplesDeclaration.text.nl).toContain('keuze van deze bibliotheek');
    expect(examplesDeclaration.source.quote).toBe('Deze voorbeelden dienen als vertrekpunt en worden beschouwd als situaties die ten minste moeten worden gemeld.');
  });

  it.each(SHIPPED)('%s lists every floor example and reports on each, saying it is a floor example', (id) => {
    for (const example of getFloor().examples) {
      const d = evaluate({ considerations: { suspicion: true, indicators: { [example.code]: true } } }, { ...DATE, framework: id });
      expect(d.report, `${id} ${example.code}`).toMatchObject({ necessary: true, norms: [1] });
      const entry = d.trail.find((e) => e.ruleId === `indicator-${example.code}`)!;
      expect(entry.explanation).toContain('keuze van deze bibliotheek');
      expect(entry.source).toEqual(example.source);
    }
  });

  // 001 ch. 4 › Herhaling van geweld: "Met klem wordt geadviseerd om in een afwegingskader te
  // omschrijven dat, wanneer beroepskrachten signalen waarnemen van herhaling van ernstig onveilige
  // en/of schadelijke gebeurtenissen, het doen van een melding als een professionele norm … wordt beschouwd."
  it('the repetition norm: signals that seriously unsafe events recur report under norm 1, even where help is possible and accepted', () => {
    for (const id of SHIPPED) {
      const d = evaluate(
        {
          considerations: {
            suspicion: true,
            unsafety: { acute: false, disclosure: false },
            indicators: { 'structural-repeated-serious-unsafe-events': true },
            help: ableToHelp,
            helpAccepted: true,
          },
        },
        { ...DATE, framework: id },
      );
      expect(d.report, id).toMatchObject({ necessary: true, norms: [1] });
    }
  });

  it('a framework without a floor example, or with one changed, is refused naming the example', () => {
    const base = structuredClone(getFramework('basismodel')) as unknown as { id: string; indicators: { code: string; text: { nl: string } }[] };
    const without = { ...base, id: 'zonder', indicators: base.indicators.filter((i) => i.code !== 'acute-forced-flight') };
    const r1 = validateFramework(without);
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.issues.map((i) => i.code)).toContain('floor-example-missing');
    expect(!r1.ok && r1.issues.find((i) => i.code === 'floor-example-missing')!.message.en).toContain('"acute-forced-flight"');
    const changed = structuredClone(base);
    changed.id = 'anders';
    changed.indicators.find((i) => i.code === 'acute-weapon-use')!.text.nl = 'Wapen';
    const r2 = validateFramework(changed);
    expect(!r2.ok && r2.issues.map((i) => [i.code, i.path.join('.')])).toContainEqual(['floor-example-changed', `indicators.${base.indicators.findIndex((i) => i.code === 'acute-weapon-use')}`]);
  });
});

describe('helping questions (000 Bijlage 2): a reason and a question, never a report by themselves', () => {
  // 000 Bijlage 2 › De toepassing van dit afwegingskader: "Het afwegingskader is geen checklist die tot ‘ja’ of ‘nee’ leidt."
  it('a concerning answer alone asks afweging 2 and gives no advice yet; the reason is in the trail, citing its question', () => {
    const d = sd({ considerations: { suspicion: true, indicators: { 'structural-coercive-control': true } } });
    expect(d.outcome).toBe('needs-input');
    expect(d.report.necessary).toBeNull();
    expect(d.report.norms).toEqual([]);
    // Afweging 2 is the next question: its direct questions, in catalogue order.
    expect(d.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['considerations.unsafety.acute', 'considerations.unsafety.structural', 'considerations.unsafety.disclosure']);
    const reason = d.trail.find((e) => e.ruleId === 'helpende-vraag-structural-coercive-control')!;
    expect(reason.outcome).toBe(true);
    expect(reason.source.quote).toContain('dwangmatig controlerend geweld');
    expect(reason.explanation).toContain('uw eigen antwoord op die afweging beslist');
    // Before ruling C this case reported under norm 1 (the question was an indicator).
    expect(held(d)).not.toContain('afweging-2-ja-norm-1');
  });

  it('the professional’s yes to afweging 2 reports, with the helping question as a reason beside it', () => {
    const d = sd({ considerations: { suspicion: true, unsafety: { structural: true }, indicators: { 'structural-coercive-control': true } } });
    expect(d.report).toMatchObject({ necessary: true, norms: [1] });
    expect(held(d)).toContain('helpende-vraag-structural-coercive-control');
  });

  // 001 ch. 3 › Expliciete voorbeelden beschrijven: "… de professionele verantwoordelijkheid is van
  // de beroepskracht om in overige gevallen waarbij sprake is van vermoedens van ‘acuut onveilige’
  // en/of ‘structureel onveilige’ situaties Veilig Thuis te consulteren."
  it('answering afweging 2 against the concern is allowed (no contradiction), asks for the reason and leaves Veilig Thuis open', () => {
    const d = sd({ considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'structural-coercive-control': true } } });
    expect(held(d)).toContain('afweging-2-nee');
    expect(d.report.norms).toEqual([]);
    expect(actionIds(d)).toContain('record-reason-against-helping-question');
    const action = d.actions.find((a) => a.id === 'record-reason-against-helping-question')!;
    expect(action.text).toMatch(/Record the reason|Leg de reden vast/);
    expect(action.text).toMatch(/Veilig Thuis/);
    expect(action.source.quote).toContain('Veilig Thuis te consulteren');
  });

  it('no concern, no action: a helping question answered without its concern adds nothing', () => {
    const d = sd({ considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'structural-coercive-control': false } } });
    expect(actionIds(d)).not.toContain('record-reason-against-helping-question');
    expect(held(d).filter((id) => id.startsWith('helpende-'))).toEqual([]);
  });

  it('polarity: for afweging 3 the concern is "no" ("Is er voldoende zicht op onveilige gebeurtenissen in het verleden?")', () => {
    const open = sd({ considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'help-view-of-past': false } } });
    expect(held(open)).toContain('helpende-vraag-help-view-of-past');
    expect(open.nextQuestions.filter(notScope).map((q) => q.id)).toContain('considerations.help.history');
    expect(held(open)).toContain('helpende-vragen-afweging-3-open');
    const yes = sd({ considerations: { suspicion: true, unsafety: noUnsafety, indicators: { 'help-view-of-past': true } } });
    expect(held(yes)).not.toContain('helpende-vraag-help-view-of-past');
    const against = sd({ considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp, indicators: { 'help-view-of-past': false } } });
    expect(against.report.norms).toEqual([]);
    expect(actionIds(against)).toContain('record-reason-against-helping-question');
  });

  // 000 Bijlage 2 › Afweging: Leidt deze hulp tot duurzame veiligheid?: "Loopt de uitvoering van het
  // veiligheids- en/of hulpverleningsplan vast?" A yes makes afweging 5 the next question now.
  it('a concern at afweging 5 asks afweging 5 now, instead of waiting for the agreed term', () => {
    const base = { suspicion: true, unsafety: noUnsafety, help: ableToHelp, helpAccepted: true };
    const waiting = sd({ considerations: base });
    expect(waiting.outcome).toBe('help');
    expect(actionIds(waiting)).toContain('answer-consideration-5-after-term');
    const concern = sd({ considerations: { ...base, indicators: { 'lasting-plan-stalls': true } } });
    expect(concern.outcome).toBe('needs-input');
    expect(concern.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['considerations.helpReachesSafety']);
    expect(concern.report.necessary).toBeNull();
    // The professional answers afweging 5: no reports again (norm 3); yes is allowed, with the reason recorded.
    expect(sd({ considerations: { ...base, helpReachesSafety: false, indicators: { 'lasting-plan-stalls': true } } }).report.norms).toEqual([3]);
    const yes = sd({ considerations: { ...base, helpReachesSafety: true, indicators: { 'lasting-plan-stalls': true } } });
    expect(yes.outcome).toBe('help');
    expect(actionIds(yes)).toContain('record-reason-against-helping-question');
  });

  it('a concern at afweging 4 is a reason while afweging 4 is open; help refused still reports (afweging 4 no)', () => {
    const base = { suspicion: true, unsafety: noUnsafety, help: ableToHelp };
    const open = sd({ considerations: { ...base, indicators: { 'cooperation-joint-plan': false } } });
    expect(open.nextQuestions.filter(notScope).map((q) => q.id)).toEqual(['considerations.helpAccepted']);
    expect(held(open)).toContain('helpende-vragen-afweging-4-open');
    expect(sd({ considerations: { ...base, helpAccepted: false, indicators: { 'cooperation-joint-plan': false } } }).report.considerations).toEqual([4]);
  });
});

describe('the exceptions: links, the definition of acute unsafety, disclosure', () => {
  it('a helping question stating the same fact as a floor example is linked: yes to it is yes to the example (norm 1)', () => {
    const d = sd({ considerations: { suspicion: true, indicators: { 'serious-injury-suspected-inflicted': true } } });
    expect(d.report).toMatchObject({ necessary: true, norms: [1] });
    const entry = d.trail.find((e) => e.ruleId === 'indicator-serious-injury-suspected-inflicted')!;
    expect(entry.explanation).toContain('"acute-inflicted-injury"');
    // Linked, it is an example: answered yes beside a direct "no" to acute unsafety is a contradiction.
    const error = thrown(() => sd({ considerations: { suspicion: true, unsafety: { acute: false }, indicators: { 'serious-injury-suspected-inflicted': true } } }));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect((error as MeldcodeInputError).issues.map((i) => i.code)).toEqual(['contradiction']);
  });

  it('(000 Bijlage 2 › Acute onveiligheid: "Van acute onveiligheid is sprake als een persoon in direct fysiek gevaar verkeert") direct (levens)gevaar is acute unsafety by definition: norm 1', () => {
    expect(sd({ considerations: { suspicion: true, indicators: { 'acute-direct-danger': true } } }).report).toMatchObject({ necessary: true, norms: [1] });
  });

  it('a disclosure about the present is acute (norm 1); about the past with the victim safe now, afweging 2 is the professional’s', () => {
    expect(sd({ considerations: { suspicion: true, disclosurePastAndSafeNow: false, indicators: { 'disclosure-statement': true } } }).report.norms).toEqual([1]);
    const past = sd({ considerations: { suspicion: true, disclosurePastAndSafeNow: true, indicators: { 'disclosure-statement': true } } });
    expect(past.report.necessary).toBeNull();
    expect(past.outcome).toBe('needs-input');
  });

  it('the schema checks a link: to an acute or structural indicator of the framework, afweging 2, concern yes; a helping code is no indicator code', () => {
    const q = { code: 'eigen-vraag', consideration: 2, concern: 'yes', text: { nl: 'Vraag?', en: 'Question?' }, source: { document: '000_5b0914504b666284.txt', section: 'Bijlage 2 Afwegingskader' } };
    const base = structuredClone(getFramework('basismodel')) as unknown as Record<string, unknown>;
    const withQ = (extra: Record<string, unknown>) => validateFramework({ ...base, id: 'met-vraag', guidingQuestions: [{ ...q, ...extra }] });
    expect(withQ({}).ok).toBe(true);
    expect(withQ({ sameAs: 'acute-weapon-use' }).ok).toBe(true);
    for (const bad of [{ sameAs: 'bestaat-niet' }, { sameAs: 'acute-weapon-use', concern: 'no' }, { sameAs: 'acute-weapon-use', consideration: 3 }, { code: 'acute-weapon-use' }, { kind: 'acute', consideration: 4 }, { consideration: 1 }]) {
      expect(withQ(bad).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it.skipIf(noSources)(needsSources('the generated helping-question rules and the floor examples cite passages that stand under their headings'), () => {
    const ruleFile = getCompiledFramework(getFramework('sociaal-domein')).ruleFiles.find((f) => f.id === 'indicators')!;
    const problems = ruleFile.rules.map((r) => [r.id, citationProblem(r.source)]).filter(([, p]) => p);
    expect(problems).toEqual([]);
    expect([getFloor().examplesDeclaration.source, ...getFloor().examples.map((e) => e.source)].map(citationProblem).filter(Boolean)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The property of ruling C (DESIGN §7): a helping question never yields a report by itself; a
// linked one does, as its example.

/** A framework with helping questions of every afweging: basismodel, extended with one per afweging and a linked one. */
function withHelpingQuestions(): Framework {
  const src = (section: string, quote: string) => ({ document: '000_5b0914504b666284.txt', section, quote });
  const a2 = 'Bijlage 2 Afwegingskader › Afweging: Heb ik een vermoeden van of is er sprake van acute of structurele onveiligheid? › Structurele onveiligheid';
  return extendFramework('basismodel', {
    id: 'basismodel-met-helpende-vragen',
    version: '1.0.0',
    name: { nl: 'Basismodel met helpende vragen (test)', en: 'Basismodel with helping questions (test)' },
    publishers: ['meldcode tests'],
    guidingQuestions: [
      { code: 'hv-coercive-control', consideration: 2, concern: 'yes', kind: 'structural', text: { nl: 'Is er sprake van dwangmatig controlerend geweld waarbij een van de partners intimidatie en controle uitoefent over de ander?', en: 'Coercive control?' }, source: src(a2, 'Is er sprake van dwangmatig controlerend geweld waarbij een van de partners intimidatie en controle uitoefent over de ander?') },
      { code: 'hv-sexual-abuse-minors', consideration: 2, concern: 'yes', kind: 'structural', sameAs: 'acute-sexual-abuse', text: { nl: 'Is er sprake van (een vermoeden van) seksueel misbruik van minderjarige kinderen?', en: 'Sexual abuse of minors?' }, source: src(a2, 'Is er sprake van (een vermoeden van) seksueel misbruik van minderjarige kinderen?') },
      { code: 'hv-view-of-past', consideration: 3, concern: 'no', relatesTo: 'considerations.help.history', text: { nl: 'Is er voldoende zicht op onveilige gebeurtenissen in het verleden?', en: 'View of the past?' }, source: src('Bijlage 2 Afwegingskader', 'Is er voldoende zicht op onveilige gebeurtenissen in het verleden?') },
      { code: 'hv-joint-plan', consideration: 4, concern: 'no', relatesTo: 'considerations.helpAccepted', text: { nl: 'Gezamenlijk plan?', en: 'Joint plan?' }, source: src('Bijlage 2 Afwegingskader', 'Er is sprake van een gezamenlijke analyse') },
      { code: 'hv-plan-stalls', consideration: 5, concern: 'yes', relatesTo: 'considerations.helpReachesSafety', text: { nl: 'Loopt het plan vast?', en: 'Does the plan stall?' }, source: src('Bijlage 2 Afwegingskader', 'Loopt de uitvoering van het veiligheids- en/of hulpverleningsplan vast?') },
    ],
  });
}

const tri = fc.constantFrom(true, false, undefined);
const prune = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Cases of the afwegingskader without any helping-question answer (the examples of the framework may be answered). */
function baseCase(fw: Framework): fc.Arbitrary<CaseInput> {
  const exampleCodes = [...unsafetyIndicatorKinds(fw).keys()].filter((code) => fw.indicators.some((i) => i.code === code));
  const codes = [...exampleCodes.slice(0, 6), 'structural-repeated-serious-unsafe-events', 'parent-intoxication'];
  return fc
    .record({
      suspicion: tri,
      acute: tri,
      structural: tri,
      disclosure: tri,
      past: tri,
      canOffer: tri,
      safetyPicture: tri,
      history: tri,
      fittingHelp: tri,
      helpAccepted: tri,
      helpReachesSafety: tri,
      caresForMinor: tri,
      pregnant: tri,
      indicators: fc.dictionary(fc.constantFrom(...codes), fc.boolean(), { maxKeys: 3 }),
    })
    .map((r) => ({
      client: prune({ caresForMinor: r.caresForMinor, pregnant: r.pregnant }),
      considerations: prune({
        suspicion: r.suspicion,
        unsafety: prune({ acute: r.acute, structural: r.structural, disclosure: r.disclosure }),
        disclosurePastAndSafeNow: r.past,
        indicators: r.indicators,
        help: prune({ canOffer: r.canOffer, safetyPicture: r.safetyPicture, history: r.history, fittingHelp: r.fittingHelp }),
        helpAccepted: r.helpAccepted,
        helpReachesSafety: r.helpReachesSafety,
      }),
    }) as CaseInput);
}

const tryEvaluate = (c: CaseInput, framework: Framework): Decision | undefined => {
  try {
    return evaluate(c, { ...DATE, framework });
  } catch (error) {
    if (error instanceof MeldcodeInputError) return undefined;
    throw error;
  }
};

const withAnswers = (c: CaseInput, answers: Record<string, boolean>): CaseInput => ({
  ...c,
  considerations: { ...c.considerations, indicators: { ...c.considerations?.indicators, ...answers } },
});

describe('property of ruling C: a helping question alone never yields a report, except through its links', () => {
  const frameworks = [getFramework('sociaal-domein'), withHelpingQuestions()] as const;

  it.each(frameworks.map((f) => [f.id, f] as const))('%s: adding helping-question answers never adds a report or a norm', (_, fw) => {
    const unlinked = (fw.guidingQuestions ?? []).filter((q) => q.sameAs === undefined).map((q) => q.code);
    fc.assert(
      fc.property(baseCase(fw), fc.dictionary(fc.constantFrom(...unlinked), fc.boolean(), { minKeys: 1, maxKeys: 6 }), (c, answers) => {
        const before = tryEvaluate(c, fw);
        fc.pre(before !== undefined);
        const after = tryEvaluate(withAnswers(c, answers), fw);
        // A helping question is never a contradiction: answering against it is allowed.
        expect(after).toBeDefined();
        expect(after!.report.norms).toEqual(before!.report.norms);
        expect(after!.report.considerations).toEqual(before!.report.considerations);
        if (before!.report.necessary !== true) expect(after!.report.necessary).not.toBe(true);
        // Never "no report" where there was none to give: a concern may only ask (needs input), never close.
        if (before!.outcome !== 'close-and-record') expect(after!.outcome).not.toBe('close-and-record');
      }),
      { numRuns: 600, seed: 20261201 },
    );
  });

  it.each(frameworks.map((f) => [f.id, f] as const))('%s: a linked helping question answered yes, with a suspicion, reports under norm 1', (_, fw) => {
    const linked = (fw.guidingQuestions ?? []).filter((q) => q.sameAs !== undefined).map((q) => q.code);
    expect(linked.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(baseCase(fw), fc.constantFrom(...linked), (c, code) => {
        const kase = withAnswers({ ...c, considerations: { ...c.considerations, suspicion: true } }, { [code]: true });
        const d = tryEvaluate(kase, fw);
        fc.pre(d !== undefined); // a direct "no" to its unsafety is a contradiction, checked above
        expect(d!.report.norms).toContain(1);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
