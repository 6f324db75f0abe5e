// The library's own FHIR types (src/fhir/types.ts) fit the R4 definitions of @types/fhir, a
// dev dependency only: what the library writes is an R4 resource to any typed FHIR client.
// Plain assignments: the compiler rejects this file when a type stops fitting.
import type * as R4 from 'fhir/r4';
import { describe, expectTypeOf, it } from 'vitest';
import type { GuidanceResponse, Questionnaire, QuestionnaireResponse } from '../src/fhir/index.js';
import { fromQuestionnaireResponse, toGuidanceResponse, toQuestionnaire } from '../src/fhir/index.js';

const fits = <T>(value: T): T => value;

describe('FHIR R4 types', () => {
  it('a generated Questionnaire and GuidanceResponse are R4 resources', () => {
    fits<R4.Questionnaire>({} as Questionnaire);
    fits<R4.GuidanceResponse>({} as GuidanceResponse);
    fits<R4.Questionnaire>({} as ReturnType<typeof toQuestionnaire>);
    fits<R4.GuidanceResponse>({} as ReturnType<typeof toGuidanceResponse>);
    expectTypeOf<Questionnaire['status']>().toEqualTypeOf<R4.Questionnaire['status']>();
    expectTypeOf<GuidanceResponse['status']>().toEqualTypeOf<R4.GuidanceResponse['status']>();
  });

  it('our QuestionnaireResponse is an R4 one, and an R4 one can be read', () => {
    fits<R4.QuestionnaireResponse>({} as QuestionnaireResponse);
    fits<Parameters<typeof fromQuestionnaireResponse>[0]>({} as R4.QuestionnaireResponse);
    expectTypeOf<QuestionnaireResponse['status']>().toEqualTypeOf<R4.QuestionnaireResponse['status']>();
  });
});
