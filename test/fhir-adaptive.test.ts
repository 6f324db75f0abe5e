// The SDC adaptive questionnaire: answering only what nextQuestion asks reaches the advice that
// the whole case gets (test/fhir-validate.test.ts validates the steps).
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, MeldcodeInputError } from '../src/index.js';
import { fromQuestionnaireResponse, nextQuestion, questionnaireUrl } from '../src/fhir/index.js';
import type { QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '../src/fhir/index.js';
import { loadExamples } from '../scripts/load-examples.js';
import { listQuestions } from '../src/questions/list.js';
import { fillQuestionnaire } from './fhir-r4.js';

const evaluationDate = '2026-11-23';
/** One step as a host runs it: read the answers, evaluate them, ask what comes next. */
const step = (response: QuestionnaireResponse) => nextQuestion(response, evaluate(fromQuestionnaireResponse(response), { evaluationDate }));
const start = (url = questionnaireUrl('basismodel')): QuestionnaireResponse => ({ resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: url });
const linkIds = (items?: QuestionnaireItem[]): string[] => (items ?? []).flatMap((i) => (i.type === 'group' ? linkIds(i.item) : [i.linkId]));

/** Answers the questions a step asks from `kase` ("don't know" where the case is silent), as a form would. */
function answer(current: ReturnType<typeof nextQuestion>, kase: unknown): QuestionnaireResponse {
  const contained = current.contained?.[0];
  const filled = fillQuestionnaire(contained as never, kase);
  const answered = new Set<string>();
  const walk = (items?: Record<string, unknown>[]) => items?.forEach((i) => (answered.add(String(i.linkId)), walk(i.item as never)));
  walk(filled.item as never);
  const dontKnow: QuestionnaireResponseItem[] = linkIds(contained?.item)
    .filter((id) => !answered.has(id))
    .map((linkId) => ({ linkId }));
  return { ...current, item: [...((filled.item as unknown as QuestionnaireResponseItem[]) ?? []), ...dontKnow] };
}

describe('nextQuestion ($next-question)', () => {
  it('starts with the questions the rules ask first, and marks the response in progress', () => {
    const first = step(start());
    expect(first.status).toBe('in-progress');
    expect(first.questionnaire).toBe('#next');
    expect(linkIds(first.contained?.[0]?.item)).toEqual(evaluate({}, { evaluationDate }).nextQuestions.map((q) => q.id));
    expect(first.contained?.[0]?.derivedFrom).toEqual([`${questionnaireUrl('basismodel')}|1.0.0`]);
  });

/** Whether a case answers the fact at a dotted path. */
function hasFact(kase: unknown, id: string): boolean {
  let v: unknown = kase;
  for (const k of id.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v !== undefined;
}

/** The part of a case that the catalogue's questions ask (an example may hold facts no question asks). */
function asked(kase: unknown): CaseInput {
  const ids = new Set(listQuestions('basismodel').map((q) => q.id));
  const out: Record<string, unknown> = {};
  const walk = (value: unknown, path: string[]) => {
    if (ids.has(path.join('.'))) {
      let o = out;
      for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
      o[path[path.length - 1] as string] = value;
    } else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(kase, []);
  return out as CaseInput;
}

  // A walk asks what the rules need now: afweging 5 only once help runs, an objection's
  // questions only when there is one. Where an example answers only such questions, the walk
  // gives its advice; elsewhere the advice of what was asked.
  const walks = loadExamples().map((e) => {
    const kase = asked(e.case);
    let response = start();
    const askedIds = new Set<string>();
    let steps = 0;
    for (; steps < 40; steps++) {
      const next = step(response);
      if (next.status === 'completed') break;
      for (const id of linkIds(next.contained?.[0]?.item)) askedIds.add(id);
      response = answer(next, kase);
    }
    return { id: e.id, kase, response, askedIds, steps };
  });
  const walkedToItsAdvice = (w: (typeof walks)[number]) => listQuestions('basismodel').every((q) => !hasFact(w.kase, q.id) || w.askedIds.has(q.id));

  it.each(walks.map((w) => [w.id, w] as const))('example %s: question by question, to the advice', (_, walk) => {
    expect(walk.steps).toBeLessThan(40);
    const final = step(walk.response);
    expect(final.status).toBe('completed');
    const answersAsked = fromQuestionnaireResponse(final);
    const { framework: _f, ...answers } = answersAsked as Record<string, unknown>;
    const expected = evaluate(walkedToItsAdvice(walk) ? walk.kase : (answers as CaseInput), { evaluationDate });
    const got = evaluate(answersAsked, { evaluationDate });
    expect([got.outcome, got.report.necessary, got.help.possible]).toEqual([expected.outcome, expected.report.necessary, expected.help.possible]);
  });

  it('the afwegingskader examples are walked to their own advice, the acute examples and parent factors (indicators) included', () => {
    const full = walks.filter(walkedToItsAdvice).map((w) => w.id);
    expect(full).toEqual(expect.arrayContaining(['01-geen-vermoeden', '02-acute-onveiligheid', '03-disclosure', '05-geen-effectieve-hulp', '06-hulp-geweigerd', '10-ouderfactor']));
  });

  it('a "don\'t know" is not asked again, so the walk ends', () => {
    const first = step(start());
    const unknown = { ...first, item: linkIds(first.contained?.[0]?.item).map((linkId) => ({ linkId })) };
    expect(step(unknown).status).toBe('completed');
  });

  it('refuses a response to a Questionnaire that is not the library\'s', () => {
    const decision = evaluate({}, { evaluationDate });
    expect(() => nextQuestion(start('https://ehr.example.org/Questionnaire/x'), decision)).toThrow(MeldcodeInputError);
    expect(() => nextQuestion({ ...start(), questionnaire: '#missing' }, decision)).toThrow(MeldcodeInputError);
  });

  it('refuses a decision of another framework than the Questionnaire\'s', () => {
    const artsen = evaluate({ framework: 'artsen' }, { evaluationDate });
    try {
      nextQuestion(start(), artsen);
      throw new Error('expected a MeldcodeInputError');
    } catch (error) {
      expect((error as MeldcodeInputError).issues?.[0]?.code).toBe('questionnaire-framework-mismatch');
    }
  });
});
