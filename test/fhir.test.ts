import fc from 'fast-check';
import { withoutContradictions } from '../src/testing/index.js';
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, extendFramework, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { conformanceResources, fromQuestionnaireResponse, toCdsHooksCard, toGuidanceResponse, toQuestionnaire } from '../src/fhir/index.js';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '../src/fhir/index.js';
import { evaluateKindcheck } from '../src/kindcheck/index.js';
import { listQuestions } from '../src/questions/list.js';
import { sourceTitle } from '../src/sources/sources.js';
import { loadExamples } from '../scripts/load-examples.js';
import optionLabelsFile from '../src/fhir/option-labels.json';
import { cardProblems, fillQuestionnaire as fillAsJson, guidanceResponseProblems, questionnaireProblems } from './fhir-r4.js';
import type { FrameworkId } from '../src/authoring/ids.js';

const date = { evaluationDate: '2026-11-23' };
/** The R4 helper writes plain JSON (it is independent of src/fhir); read it as the response it is. */
const fillQuestionnaire = (...args: Parameters<typeof fillAsJson>) => fillAsJson(...args) as unknown as QuestionnaireResponse;
const examples = loadExamples();

function items(q: Questionnaire): QuestionnaireItem[] {
  const out: QuestionnaireItem[] = [];
  const walk = (list?: QuestionnaireItem[]) => list?.forEach((i) => (out.push(i), walk(i.item)));
  walk(q.item);
  return out;
}
/** The part of a case that questions of the catalogue ask for. */
function asked(kase: unknown): Record<string, unknown> {
  const ids = new Set(listQuestions('basismodel').map((q) => q.id));
  const out: Record<string, unknown> = {};
  const walk = (value: unknown, path: string[]) => {
    const id = path.join('.');
    if (ids.has(id)) {
      let o = out;
      for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
      o[path[path.length - 1] as string] = value;
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(kase, []);
  return out;
}
const item = (q: Questionnaire, linkId: string) => items(q).find((i) => i.linkId === linkId) as QuestionnaireItem;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The issues of the MeldcodeInputError a call throws. */
function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MeldcodeInputError);
    return (error as MeldcodeInputError).issues;
  }
  throw new Error('expected a MeldcodeInputError');
}

describe('toQuestionnaire', () => {
  const cases = listFrameworks().flatMap((f) =>
    (['nl', 'en'] as const).flatMap((locale) => [
      [f.id, locale, undefined],
      [f.id, locale, ['kindcheck']],
    ] as const),
  );
  it.each(cases)('%s (%s, modules %s) is a structurally valid R4 Questionnaire', (id, locale, modules) => {
    const q = toQuestionnaire(id, modules ? { locale, modules: [...modules] } : { locale });
    expect(questionnaireProblems(q)).toEqual([]);
    expect(q.language).toBe(locale);
  });

  it('has one item per question, with the question id as linkId, in catalogue order but the indicators under afweging 2', () => {
    const q = toQuestionnaire('basismodel');
    const linkIds = items(q).filter((i) => i.type !== 'group' && i.type !== 'display').map((i) => i.linkId);
    const catalogue = listQuestions('basismodel').map((x) => x.id);
    const isIndicator = (id: string) => id.startsWith('considerations.indicators.');
    const rest = catalogue.filter((id) => !isIndicator(id));
    const after = rest.indexOf('considerations.disclosurePastAndSafeNow') + 1;
    expect(linkIds).toEqual([...rest.slice(0, after), ...catalogue.filter(isIndicator), ...rest.slice(after)]);
    // The acute examples stand between afweging 2's own questions and afweging 3.
    expect(linkIds.indexOf('considerations.indicators.acute-weapon-use')).toBeGreaterThan(linkIds.indexOf('considerations.unsafety.disclosure'));
    expect(linkIds.indexOf('considerations.indicators.acute-weapon-use')).toBeLessThan(linkIds.indexOf('considerations.help.canOffer'));
    const groups = q.item?.map((g) => g.linkId) ?? [];
    expect(groups).toEqual(expect.arrayContaining(['scope', 'kindcheck', 'steps', 'afwegingskader']));
    expect(groups.indexOf('kindcheck')).toBeLessThan(groups.indexOf('afwegingskader'));
  });

  it('codes yes/no answers as yes, no and don\'t know (yesnodontknow), in the chosen language', () => {
    const nl = item(toQuestionnaire('basismodel'), 'considerations.suspicion');
    expect(nl.type).toBe('choice');
    expect(nl.answerOption?.map((o) => [o.valueCoding?.system, o.valueCoding?.code, o.valueCoding?.display])).toEqual([
      ['http://terminology.hl7.org/CodeSystem/v2-0136', 'Y', 'Ja'],
      ['http://terminology.hl7.org/CodeSystem/v2-0136', 'N', 'Nee'],
      ['http://terminology.hl7.org/CodeSystem/data-absent-reason', 'asked-unknown', 'Weet ik (nog) niet'],
    ]);
    const en = item(toQuestionnaire('basismodel', { locale: 'en' }), 'considerations.suspicion');
    expect(en.text).toMatch(/^Based on steps 1 to 4/);
    expect(en.answerOption?.[0]?.valueCoding?.display).toBe('Yes');
  });

  it('a list of whole numbers repeats an integer item', () => {
    const ages = item(toQuestionnaire('basismodel'), 'kindcheck.childrenAges');
    expect([ages.type, ages.repeats]).toEqual(['integer', true]);
  });

  it('branches the kindcheck: question 2 unless 1 is no (a no to 2 completes it too), question 3 after a yes to 2', () => {
    const q = toQuestionnaire('basismodel', { modules: ['kindcheck'] });
    expect(item(q, 'kindcheck.parentSignals').enableWhen).toBeUndefined();
    // In the kindcheck alone, the afwegingskader's parent-factor alternatives are absent.
    expect(item(q, 'client.caresForMinor').enableWhen).toEqual([
      { question: 'kindcheck.parentSignals', operator: '!=', answerCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'N', display: 'Nee' } },
    ]);
    const q3 = item(q, 'contact.oneOff');
    expect(q3.enableBehavior).toBe('any');
    expect(q3.enableWhen?.map((c) => [c.question, c.operator, c.answerCoding?.code])).toEqual([
      ['client.caresForMinor', '=', 'Y'],
      ['client.pregnant', '=', 'Y'],
    ]);
  });

  it('branches the five considerations', () => {
    const q = toQuestionnaire('basismodel', { modules: ['kindcheck', 'afwegingskader'] });
    const on = (linkId: string) => item(q, linkId).enableWhen?.map((c) => `${c.question}${c.operator}${c.answerCoding?.code}`);
    expect(on('considerations.suspicion')).toBeUndefined();
    expect(on('considerations.unsafety.acute')).toEqual(['considerations.suspicion=Y']);
    expect(on('considerations.indicators.acute-weapon-use')).toEqual(['considerations.suspicion=Y']);
    expect(on('considerations.help.canOffer')).toEqual(['considerations.suspicion=Y']);
    expect(on('considerations.helpAccepted')).toEqual([
      'considerations.help.canOffer=Y',
      'considerations.help.safetyPicture=Y',
      'considerations.help.history=Y',
      'considerations.help.fittingHelp=Y',
    ]);
    expect(item(q, 'considerations.helpAccepted').enableBehavior).toBe('all');
    expect(on('considerations.helpReachesSafety')).toEqual(['considerations.helpAccepted=Y']);
    // In the whole questionnaire, a parent factor also asks whether the client cares for children.
    expect(on('client.caresForMinor')).toContain('considerations.indicators.parent-intoxication=Y');
  });

  it('cites each question\'s source and carries help texts as help display items', () => {
    const q = toQuestionnaire('basismodel');
    const acute = item(q, 'considerations.unsafety.acute');
    // The document by title for a person, the file name (the machine key) in brackets at the end.
    expect(acute.extension?.[0]?.valueString).toMatch(/^Basisdocument: het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling — Hoofdstuk 3.*\[001_dcbf0a2973853468\.txt\]$/);
    expect(acute.item?.[0]).toMatchObject({ linkId: 'considerations.unsafety.acute.help', type: 'display' });
  });

  it('help texts are flyover display items (Smart Forms draws flyover, not help)', () => {
    const help = item(toQuestionnaire('basismodel'), 'contact.oneOff').item?.[0];
    expect(help?.extension?.[0]?.valueCodeableConcept?.coding).toEqual([{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'flyover' }]);
  });

  it('choice options carry a label in the chosen language, never the bare code', () => {
    for (const locale of ['nl', 'en'] as const) {
      const q = toQuestionnaire('basismodel', { locale });
      const choices = items(q).filter((i) => i.answerOption?.some((o) => o.valueCoding?.system?.endsWith('/CodeSystem/meldcode-answer')));
      expect(choices.map((i) => i.linkId)).toEqual(expect.arrayContaining(['scope.setting', 'client.role', 'conversation.skipReason', 'conversation.anonymityReason']));
      for (const i of choices) for (const o of i.answerOption ?? []) expect(o.valueCoding?.display).not.toBe(o.valueCoding?.code);
    }
    // Every label is for an option that exists (no drift from the question files).
    for (const [id, labels] of Object.entries(optionLabelsFile)) {
      expect(Object.keys(labels).sort()).toEqual([...(listQuestions('basismodel').find((x) => x.id === id)?.options ?? [])].sort());
    }
    expect(item(toQuestionnaire('basismodel'), 'scope.setting').answerOption?.map((o) => o.valueCoding?.display)).toEqual(['Onderwijs', 'Kinderopvang', 'Jeugdzorg', 'Langdurige zorg of intramurale ggz', 'Andere zorg']);
    expect(item(toQuestionnaire('basismodel', { locale: 'en' }), 'client.role').answerOption?.[1]?.valueCoding?.display).toBe('Suspected perpetrator');
  });

  it('number items carry the bounds the case schema sets, so a form refuses what evaluate refuses', () => {
    const q = toQuestionnaire('basismodel');
    const bounds = (linkId: string) =>
      Object.fromEntries((item(q, linkId).extension ?? []).filter((e) => /\/(min|max)Value$/.test(e.url)).map((e) => [e.url.split('/').pop(), e.valueInteger]));
    expect(bounds('kindcheck.childrenAges')).toEqual({ minValue: 0, maxValue: 17 });
    expect(bounds('kindcheck.childrenCount')).toEqual({ minValue: 0, maxValue: 30 });
    // The bounds are exactly evaluate()'s: the maximum passes, one more is refused.
    expect(() => evaluate({ kindcheck: { childrenAges: [17], childrenCount: 30 } }, date)).not.toThrow();
    expect(() => evaluate({ kindcheck: { childrenAges: [18] } }, date)).toThrow(MeldcodeInputError);
    expect(() => evaluate({ kindcheck: { childrenCount: 31 } }, date)).toThrow(MeldcodeInputError);
  });

  it('rejects an unknown module or framework with a MeldcodeInputError', () => {
    expect(issuesOf(() => toQuestionnaire('basismodel', { modules: ['nope'] }))[0]?.code).toBe('unknown-module');
    // @ts-expect-error a misspelt id does not compile; at run time it is refused with a typed error
    expect(issuesOf(() => toQuestionnaire('nope'))[0]?.code).toBe('unknown-framework');
  });
});

describe('fromQuestionnaireResponse', () => {
  const kindcheck = toQuestionnaire('basismodel', { modules: ['kindcheck'] });
  const answers = [true, false, undefined];
  const kindcheckCases = answers.flatMap((parentSignals) =>
    answers.flatMap((caresForMinor) =>
      answers.flatMap((pregnant) =>
        answers.map((oneOff) => {
          const kase: Record<string, unknown> = { framework: 'basismodel' };
          if (parentSignals !== undefined) kase.kindcheck = { parentSignals };
          const client = Object.fromEntries(Object.entries({ caresForMinor, pregnant }).filter(([, v]) => v !== undefined));
          if (Object.keys(client).length) kase.client = client;
          if (oneOff !== undefined) kase.contact = { oneOff };
          return kase;
        }),
      ),
    ),
  );

  it('a kindcheck Questionnaire, filled in, comes back as the same case and the same decision (81 cases)', () => {
    for (const kase of kindcheckCases) {
      const back = fromQuestionnaireResponse(fillQuestionnaire(kindcheck, kase));
      expect(back).toEqual(kase);
      expect(evaluate(back, date)).toEqual(evaluate(kase, date));
      const { framework: _, ...answers } = kase;
      const { framework: __, ...answersBack } = back as Record<string, unknown>;
      expect(evaluateKindcheck(answersBack, date)).toEqual(evaluateKindcheck(answers, date));
    }
  });

  it('the kindcheck\'s branching never changes its outcome: hidden questions are not needed', () => {
    for (const kase of kindcheckCases) {
      const { framework: _, ...answers } = kase;
      const shown = fromQuestionnaireResponse(fillQuestionnaire(kindcheck, kase, true));
      const { framework: __, ...shownAnswers } = shown as Record<string, unknown>;
      const full = evaluateKindcheck(answers, date);
      const branched = evaluateKindcheck(shownAnswers, date);
      expect([branched.status, branched.nextQuestions.map((q) => q.id)]).toEqual([full.status, full.nextQuestions.map((q) => q.id)]);
    }
  });

  it.each(examples.map((e) => [e.id, e] as const))('example %s: Questionnaire → response → case → the same decision', (_, example) => {
    const q = toQuestionnaire('basismodel');
    // The facts the questionnaire asks for (an example may hold facts no question asks yet).
    const kase = { framework: 'basismodel', ...asked(example.case) };
    const back = fromQuestionnaireResponse(fillQuestionnaire(q, kase));
    expect(back).toEqual(kase);
    expect(evaluate(back, date)).toEqual(evaluate(kase, date));
  });

  it('the afwegingskader\'s branching never changes the advice (property)', () => {
    const q = toQuestionnaire('basismodel');
    const booleans = listQuestions('basismodel').filter((x) => x.answer === 'boolean').map((x) => x.id);
    const caseArb = fc.array(fc.constantFrom(true, false, undefined), { minLength: booleans.length, maxLength: booleans.length }).map((values) => {
      const kase: Record<string, unknown> = {};
      values.forEach((v, i) => {
        if (v === undefined) return;
        const keys = (booleans[i] as string).split('.');
        let o = kase;
        for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
        o[keys[keys.length - 1] as string] = v;
      });
      return kase;
    });
    // Bias towards the deep routes: suspicion yes, unsafety ruled out, help able.
    const deep = caseArb.map((kase) => {
      const c = (kase.considerations ??= {}) as Record<string, unknown>;
      c.suspicion = true;
      return kase;
    });
    fc.assert(
      fc.property(fc.oneof(caseArb, deep), (kase) => {
        reconcile(kase, 'basismodel');
        const full = evaluate(kase, date);
        const branched = evaluate(fromQuestionnaireResponse(fillQuestionnaire(q, kase, true)), date);
        const advice = (d: typeof full) => ({ outcome: d.outcome, report: d.report, help: d.help, next: d.nextQuestions.map((x) => x.id) });
        expect(advice(branched)).toEqual(advice(full));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips a framework document of one\'s own, named by the questionnaire URL', () => {
    const own = { ...getFramework('onderwijs'), id: 'mijn-school' };
    const q = toQuestionnaire(own);
    expect(q.url).toBe('https://meldcode.example/fhir/Questionnaire/meldcode.mijn-school.nl');
    const kase = { framework: 'mijn-school', considerations: { suspicion: true, indicators: { [own.indicators[0]?.code as string]: true } } };
    const response = fillQuestionnaire(q, kase);
    expect(issuesOf(() => fromQuestionnaireResponse(response))[0]?.code).toBe('unknown-framework');
    const back = fromQuestionnaireResponse(response, { framework: own });
    expect(back).toEqual(kase);
    expect(evaluate(back, { ...date, framework: own })).toEqual(evaluate(kase, { ...date, framework: own }));
  });

  it('an unanswered item and "don\'t know" stay unknown, never "no"', () => {
    const kase = fromQuestionnaireResponse({
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [
        {
          linkId: 'afwegingskader',
          item: [
            { linkId: 'considerations.suspicion', answer: [{ valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y' } }] },
            { linkId: 'considerations.unsafety.acute', answer: [{ valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-unknown' } }] },
            { linkId: 'considerations.unsafety.structural' },
            { linkId: 'considerations.unsafety.disclosure', answer: [] },
          ],
        },
      ],
    });
    expect(kase).toEqual({ considerations: { suspicion: true } });
  });

  it('reads valueBoolean, repeated integers and nested answer items', () => {
    const kase = fromQuestionnaireResponse({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'urn:meldcode:questionnaire:basismodel|1.0.0',
      status: 'completed',
      item: [
        { linkId: 'kindcheck.parentSignals', answer: [{ valueBoolean: true, item: [{ linkId: 'client.caresForMinor', answer: [{ valueBoolean: true }] }] }] },
        { linkId: 'kindcheck.childrenAges', answer: [{ valueInteger: 3 }, { valueInteger: 7 }] },
      ],
    });
    expect(kase).toEqual({ framework: 'basismodel', kindcheck: { parentSignals: true, childrenAges: [3, 7] }, client: { caresForMinor: true } });
  });

  it('lists every problem with its path: unknown linkIds, wrong answer types, repeats, bad values', () => {
    const response = deepFreeze({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [
        { linkId: 'considerations.nope', answer: [{ valueBoolean: true }] },
        { linkId: 'considerations.suspicion', answer: [{ valueString: 'ja' }] },
        { linkId: 'considerations.unsafety.acute', answer: [{ valueBoolean: true }, { valueBoolean: false }] },
        { linkId: 'considerations.helpAccepted', answer: [{ valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'X' } }] },
        { linkId: 'kindcheck.childrenCount', answer: [{ valueBoolean: true }] },
        { linkId: 'kindcheck.childrenAges', answer: [{ valueInteger: 19 }] },
        { linkId: 'considerations.suspicion', answer: [{ valueBoolean: true }] },
        { answer: [] },
      ],
    }) as never; // bad on purpose: fromQuestionnaireResponse's runtime validation is what is tested
    const issues = issuesOf(() => fromQuestionnaireResponse(response));
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['item.0.linkId', 'unknown-link-id'],
      ['item.1.answer.0', 'wrong-answer-type'],
      ['item.2.answer', 'too-many-answers'],
      ['item.3.answer.0', 'wrong-answer-type'],
      ['item.4.answer.0', 'wrong-answer-type'],
      ['item.6.linkId', 'duplicate-link-id'],
      ['item.7.linkId', 'invalid_type'],
    ]);
    for (const i of issues) expect(i.message.nl.length * i.message.en.length).toBeGreaterThan(0);
  });

  it('checks the answers make a valid case, naming the item (a child\'s age under 18)', () => {
    const issues = issuesOf(() =>
      fromQuestionnaireResponse({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'kindcheck.childrenAges', answer: [{ valueInteger: 19 }] }] }),
    );
    expect(issues.map((i) => i.path.join('.'))).toEqual(['item.0.answer']);
  });

  it('never crashes on junk: a case, or a MeldcodeInputError (property)', () => {
    const ids = listQuestions('basismodel').map((q) => q.id);
    const answer = fc.oneof(
      fc.record({ valueBoolean: fc.boolean() }),
      fc.record({ valueInteger: fc.integer({ min: -5, max: 40 }) }),
      fc.record({ valueString: fc.string() }),
      fc.record({ valueCoding: fc.record({ system: fc.constantFrom('http://terminology.hl7.org/CodeSystem/v2-0136', 'urn:meldcode:answer', 'x'), code: fc.constantFrom('Y', 'N', 'care', '?') }) }),
      fc.anything(),
    );
    const item = fc.record({ linkId: fc.oneof(fc.constantFrom(...ids, 'afwegingskader', 'kindcheck', '__proto__', 'constructor'), fc.string()), answer: fc.option(fc.array(answer, { maxLength: 3 }), { nil: undefined }) });
    const response = fc.oneof(
      fc.anything(),
      fc.record({ resourceType: fc.constant('QuestionnaireResponse'), status: fc.constantFrom('completed', 'in-progress', 'nope'), item: fc.array(item, { maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(response, (r) => {
        try {
          const kase = fromQuestionnaireResponse(r as never);
          expect(Object.getPrototypeOf(kase)).toBe(Object.prototype);
        } catch (error) {
          expect(error).toBeInstanceOf(MeldcodeInputError);
          expect((error as MeldcodeInputError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects what is not a usable response', () => {
    expect(issuesOf(() => fromQuestionnaireResponse(null as never))[0]?.code).toBe('invalid_type');
    expect(issuesOf(() => fromQuestionnaireResponse({ resourceType: 'Patient', status: 'completed' } as never)).map((i) => i.path[0])).toEqual(['resourceType']);
    expect(issuesOf(() => fromQuestionnaireResponse({ resourceType: 'QuestionnaireResponse', status: 'entered-in-error' }))[0]?.code).toBe('entered-in-error');
    expect(issuesOf(() => fromQuestionnaireResponse({ resourceType: 'QuestionnaireResponse', status: 'done' } as never))[0]?.path).toEqual(['status']);
    expect(
      issuesOf(() => fromQuestionnaireResponse({ resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: 'urn:meldcode:questionnaire:nope' }))[0]?.code,
    ).toBe('unknown-framework');
  });
});

/** Whether a case answers acute unsafety yes: directly or by an indicator of the kind `acute` (independent of src/fhir). */
function answersAcute(kase: CaseInput, frameworkId: FrameworkId = 'basismodel'): boolean {
  const c = kase.considerations;
  const acute = new Set(getFramework(frameworkId).indicators.filter((i) => i.kind === 'acute').map((i) => i.code));
  return c?.unsafety?.acute === true || Object.entries(c?.indicators ?? {}).some(([code, v]) => v === true && acute.has(code));
}

describe('toCdsHooksCard', () => {
  it.each(examples.flatMap((e) => (['nl', 'en'] as const).map((lang) => [e.id, lang, e] as const)))(
    'example %s (%s) is a valid CDS Hooks card with a short detail: the deciding rules, not the whole trail',
    (_, lang, example) => {
      const decision = evaluate(example.case as CaseInput, { ...date, lang });
      const card = toCdsHooksCard(decision);
      expect(cardProblems(card)).toEqual([]);
      const acute = decision.report.necessary === true && answersAcute(example.case as CaseInput);
      expect(card.indicator).toBe(acute ? 'critical' : decision.report.necessary === true ? 'warning' : 'info');
      expect(card.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const deciding = new Set([...decision.report.rules, ...decision.help.rules]);
      for (const entry of decision.trail.filter((e) => deciding.has(e.ruleId))) expect(card.detail).toContain(entry.explanation.slice(0, 40));
      // The trail as a whole stays out of the card: no rule ids, no receipt hash.
      expect(card.detail).not.toContain(decision.receipt.framework.sha256);
      expect(card.detail).not.toMatch(/`[a-z0-9-]+`/);
      expect(card.detail?.length).toBeLessThan(4000);
      expect(card.overrideReasons?.map((r) => r.code)).toEqual(['decides-otherwise', 'data-incorrect', 'already-handled']);
    },
  );

  it('the uuid, links and canonical base are the caller\'s to set', () => {
    const decision = evaluate({ considerations: { suspicion: true } }, date);
    const links = [{ label: 'Open de vragen', url: 'https://app.example.org/launch', type: 'smart' as const }];
    const card = toCdsHooksCard(decision, { uuid: '7c3f2a10-0000-4000-8000-000000000001', links, canonicalBase: 'https://fhir.example.org' });
    expect(card.uuid).toBe('7c3f2a10-0000-4000-8000-000000000001');
    expect(card.links).toEqual(links);
    expect(card.source.topic?.system).toBe('https://fhir.example.org/CodeSystem/meldcode-framework');
    expect(card.overrideReasons?.[0]).toEqual({ system: 'https://fhir.example.org/CodeSystem/meldcode-override-reason', code: 'decides-otherwise', display: 'Ik besluit anders (licht toe)' });
    expect(toCdsHooksCard(decision).uuid).not.toBe(toCdsHooksCard(decision).uuid);
    expect(toCdsHooksCard(decision).links).toBeUndefined();
  });

  it('lists at most five open questions, and says how many more', () => {
    // Decisions rarely ask more than five at once; a decision with eight shows the cut.
    const decision = structuredClone(evaluate({}, date));
    decision.nextQuestions = listQuestions('basismodel').slice(0, 8);
    const detail = toCdsHooksCard(decision).detail ?? '';
    const shown = decision.nextQuestions.filter((q) => detail.includes(q.text.nl.slice(0, 40)));
    expect(shown.map((q) => q.id)).toEqual(decision.nextQuestions.slice(0, 5).map((q) => q.id));
    expect(detail).toContain(`en nog ${decision.nextQuestions.length - 5}`);
  });

  it('critical for acute unsafety, warning for structural, info without a report; names the norm, the framework and its document', () => {
    const acute = toCdsHooksCard(evaluate({ considerations: { suspicion: true, unsafety: { acute: true } } }, date));
    expect(acute.indicator).toBe('critical');
    expect(toCdsHooksCard(evaluate({ considerations: { suspicion: true, indicators: { 'acute-weapon-use': true } } }, date)).indicator).toBe('critical');
    const card = toCdsHooksCard(evaluate({ considerations: { suspicion: true, unsafety: { structural: true } } }, date));
    expect(card.indicator).toBe('warning');
    expect(card.summary).toBe('Meldcode: melden bij Veilig Thuis is de professionele norm (norm 1).');
    expect(card.source.label).toBe('Meldcode — Voorbeeld-afwegingskader uit het Basisdocument (Basisdocument: het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling)');
    expect(card.source.topic?.code).toBe('basismodel');
    const info = toCdsHooksCard(evaluate({ considerations: { suspicion: false } }, date));
    expect(info.indicator).toBe('info');
  });
});

describe('toGuidanceResponse', () => {
  it.each(examples.map((e) => [e.id, e] as const))('example %s is a valid R4 GuidanceResponse', (_, example) => {
    const decision = evaluate(example.case as CaseInput, date);
    const g = toGuidanceResponse(decision);
    expect(guidanceResponseProblems(g)).toEqual([]);
    expect(g.status).toBe(decision.outcome === 'needs-input' ? 'data-required' : 'success');
    const parameters = g.contained?.[0]?.parameter ?? [];
    expect(parameters.find((p) => p.name === 'outcome')?.valueCode).toBe(decision.outcome);
    expect(parameters.filter((p) => p.name === 'trail')).toHaveLength(decision.trail.length);
    expect(g.moduleCanonical).toBe(`https://meldcode.example/fhir/Library/meldcode.basismodel|${getFramework('basismodel').version}`);
    expect(g.moduleUri).toBeUndefined();
  });

  it('points moduleCanonical at the Library of the framework that decided, which conformanceResources ships with that url and version', () => {
    const base = 'https://fhir.example.org';
    const libraries = new Map(conformanceResources({ canonicalBase: base }).filter((r) => r.resourceType === 'Library').map((r) => [`${r.url}|${String(r.version)}`, r]));
    expect(libraries.size).toBe(listFrameworks().length);
    for (const f of listFrameworks()) {
      const g = toGuidanceResponse(evaluate({ framework: f.id, considerations: { suspicion: false } }, date), { canonicalBase: base });
      const library = libraries.get(g.moduleCanonical ?? '');
      expect(library, f.id).toBeDefined();
      expect(library?.version).toBe(f.version);
      // The Library cites the document the framework encodes, from the framework itself.
      const source = getFramework(f.id).source as { document: string; title?: string };
      expect((library?.relatedArtifact as { display: string }[])[0]?.display).toContain(source.title ?? sourceTitle(source.document));
    }
  });

  it('names a framework document of your own by moduleUri: it has no Library', () => {
    const own = extendFramework('basismodel', { id: 'eigen-kader', version: '0.1.0', name: { nl: 'Eigen kader', en: 'Own framework' } });
    const g = toGuidanceResponse(evaluate({ considerations: { suspicion: false } }, { ...date, framework: own }), { framework: own });
    expect(g.moduleCanonical).toBeUndefined();
    expect(g.moduleUri).toBe('https://meldcode.example/fhir/framework/eigen-kader');
    expect(guidanceResponseProblems(g)).toEqual([]);
  });

  it('asks for missing answers as data requirements, by linkId', () => {
    const decision = evaluate({ considerations: { suspicion: true } }, date);
    const g = toGuidanceResponse(decision);
    expect(g.status).toBe('data-required');
    const open = g.dataRequirement?.map((r) => r.extension?.[0]?.valueString);
    expect(open).toEqual(decision.nextQuestions.map((q) => q.id));
    expect(open).toEqual(expect.arrayContaining(['considerations.unsafety.acute', 'considerations.unsafety.structural', 'considerations.unsafety.disclosure']));
    // R4: mustSupport holds plain paths only (no where()).
    for (const r of g.dataRequirement ?? []) expect(r.mustSupport).toEqual(['item']);
    expect(g.dataRequirement?.[0]?.extension?.[0]?.url).toBe('https://meldcode.example/fhir/StructureDefinition/meldcode-open-question');
  });

  it('names subject, encounter, performer and the request when given, and nothing when not', () => {
    const decision = evaluate({ considerations: { suspicion: false } }, date);
    const g = toGuidanceResponse(decision, {
      subject: { reference: 'Patient/123' },
      encounter: { reference: 'Encounter/9' },
      performer: { reference: 'Device/meldcode' },
      requestIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:d1577c69-dfbe-44ad-ba6d-3e05e953b2ea' },
    });
    expect([g.subject, g.encounter, g.performer, g.requestIdentifier?.value]).toEqual([
      { reference: 'Patient/123' },
      { reference: 'Encounter/9' },
      { reference: 'Device/meldcode' },
      'urn:uuid:d1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    ]);
    const bare = toGuidanceResponse(decision);
    expect(['subject', 'encounter', 'performer', 'requestIdentifier'].filter((k) => k in bare)).toEqual([]);
  });
});

/**
 * Makes random answers consistent: an indicator answered yes while its form of unsafety is
 * answered no is a contradiction `evaluate` rejects, so that "no" is dropped (left unknown).
 */
/** Drops, in place, the answers evaluate() rejects as contradictions (the testing kit's `withoutContradictions`). */
function reconcile(kase: Record<string, unknown>, frameworkId: FrameworkId): Record<string, unknown> {
  const fixed = withoutContradictions(kase as CaseInput, frameworkId) as Record<string, unknown>;
  for (const key of Object.keys(kase)) delete kase[key];
  return Object.assign(kase, fixed);
}
