// meldcode/fhir: questionnaires in and out (FHIR R4), advice out as a CDS Hooks card or a
// GuidanceResponse. FHIR types are this library's own (see types.ts): no runtime dependency.
export { toQuestionnaire, questionnaireUrl } from './questionnaire.js';
export type { ToQuestionnaireOptions } from './questionnaire.js';
export { fromQuestionnaireResponse } from './response.js';
export type { FromQuestionnaireResponseOptions } from './response.js';
export { overrideReasons, toCdsHooksCard, toGuidanceResponse } from './advice.js';
export type { AdviceOptions, CardOptions, GuidanceOptions } from './advice.js';
export { DEFAULT_CANONICAL_BASE } from './canonical.js';
export { conformanceResources } from './conformance.js';
export { nextQuestion } from './adaptive.js';
export type { AdaptiveQuestionnaireResponse, NextQuestionOptions } from './adaptive.js';
export type { ConformanceOptions, ConformanceResource } from './conformance.js';
export { MeldcodeInputError } from '../errors/errors.js';
export type { InputIssue } from '../errors/errors.js';
export type { Lang } from '../rules/trail.js';
export type {
  CdsHooksCard,
  CdsHooksLink,
  Coding,
  DataRequirement,
  Extension,
  GuidanceResponse,
  Identifier,
  Parameters,
  ParametersParameter,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
} from './types.js';
