// Every resource meldcode/fhir generates, through a real FHIR R4 validator: zero errors.
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, listFrameworks } from '../src/index.js';
import { conformanceResources, fromQuestionnaireResponse, nextQuestion, questionnaireUrl, toGuidanceResponse, toQuestionnaire } from '../src/fhir/index.js';
import { loadExamples } from '../scripts/load-examples.js';
import { fillQuestionnaire } from './fhir-r4.js';
import { validationErrors } from './fhir-validator.js';

const date = { evaluationDate: '2026-11-23' };
// npm test validates one framework's resources (a few seconds); `npm run test:fhir` validates
// every generated resource (FHIR_VALIDATE=all), in its own CI step.
const everything = process.env.FHIR_VALIDATE === 'all';
const examples = everything ? loadExamples() : loadExamples().filter((e) => ['02-acute-onveiligheid', '09-antwoorden-ontbreken', '16-ouder-met-oudersignalen-kinderen-thuis'].includes(e.id));
const questionnaires = listFrameworks().filter((f) => everything || f.id === 'basismodel').flatMap((f) =>
  (['nl', 'en'] as const).flatMap((locale) => [
    [`${f.id} ${locale}`, toQuestionnaire(f.id, { locale })],
    [`${f.id} ${locale} kindcheck`, toQuestionnaire(f.id, { locale, modules: ['kindcheck'] })],
  ] as const),
);

describe('a real validator (@medplum/core, R4 definitions)', () => {
  it('finds errors: it is no validator that passes everything', () => {
    expect(validationErrors({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'g', type: 'group' }] }).join()).toMatch(/que-1/);
    expect(validationErrors({ resourceType: 'GuidanceResponse', status: 'success' }).length).toBeGreaterThan(0);
    expect(validationErrors({ resourceType: 'CodeSystem', status: 'active', content: 'complete', concept: [{ display: 'no code' }] }).length).toBeGreaterThan(0);
  });

  it.each(questionnaires)('the Questionnaire %s validates', (_, q) => {
    expect(validationErrors(q)).toEqual([]);
  });

  it.each(examples.map((e) => [e.id, e] as const))('example %s: its GuidanceResponse and its QuestionnaireResponse validate', (_, example) => {
    const decision = evaluate(example.case as CaseInput, date);
    expect(validationErrors(toGuidanceResponse(decision, { subject: { reference: 'Patient/1' }, requestIdentifier: { value: 'x' } }))).toEqual([]);
    expect(validationErrors(fillQuestionnaire(toQuestionnaire('basismodel'), example.case))).toEqual([]);
  });

  it('a GuidanceResponse that asks for data validates (data-required, with its open questions)', () => {
    const g = toGuidanceResponse(evaluate({}, date));
    expect(g.status).toBe('data-required');
    expect(validationErrors(g)).toEqual([]);
  });

  it.each(conformanceResources().map((r) => [`${r.resourceType}/${r.id}`, r] as const))('the conformance resource %s validates', (_, r) => {
    expect(validationErrors(r)).toEqual([]);
  });

  it('the steps of an adaptive questionnaire (nextQuestion) validate: the first, and one with answers', () => {
    const start = { resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: questionnaireUrl('basismodel') } as const;
    const first = nextQuestion(start, evaluate({}, date));
    expect(validationErrors(first)).toEqual([]);
    const answered = { ...first, item: [{ linkId: 'afwegingskader', item: [{ linkId: 'considerations.suspicion', answer: [{ valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y' } }] }] }] };
    const second = nextQuestion(answered, evaluate(fromQuestionnaireResponse(answered), date));
    expect(second.status).toBe('in-progress');
    expect(validationErrors(second)).toEqual([]);
  });
});
