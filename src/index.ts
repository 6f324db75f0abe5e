export { evaluate, parseCase, safeEvaluate, todayInAmsterdam } from './decision/evaluate.js';
export { evaluateWith, safeEvaluateWith } from './decision/core.js';
export type { EvaluateOptions, SafeEvaluateResult } from './decision/evaluate.js';
export type {
  Action,
  ConversationPlan,
  Decision,
  DecisionEffect,
  HelpDecision,
  Norm,
  Outcome,
  Receipt,
  ReportDecision,
} from './decision/types.js';
export type { Case, CaseInput } from './case/schema.js';
export { isMeldcodeError, MeldcodeFrameworkError, MeldcodeInputError } from './errors/errors.js';
export type { InputIssue, InputIssueCode, MeldcodeErrorKind, MeldcodeIssueCode, SchemaIssueCode } from './errors/errors.js';
export { formatDecision, formatSource } from './format/format.js';
export { sourceCatalogue, sourceTitle } from './sources/index.js';
export type { NotStated, SourceBasis, SourceCatalogueEntry } from './sources/index.js';
export { getFramework, hasFramework, listFrameworks } from './frameworks/registry.js';
export type { FrameworkSummary, NotYetEncodedFramework } from './frameworks/registry.js';
export type { Framework, FrameworkInput, Indicator } from './frameworks/framework.js';
export type { RequirementLevel, StepRequirement } from './frameworks/framework.js';
export { stepRequirements } from './frameworks/floor/check.js';
export { defineFramework, extendFramework, frameworkJsonSchema, frameworkLimits, validateFramework } from './authoring/index.js';
export type { FrameworkChanges, FrameworkId, FrameworkRef, FrameworkValidation } from './authoring/index.js';
export { toMermaid } from './flowchart/index.js';
export type { MermaidOptions } from './flowchart/index.js';
export { isQuestionEnabled } from './questions/questions.js';
export { listQuestions } from './questions/list.js';
export type { AnswerKind, EnableWhen, Question } from './questions/questions.js';
export { nextQuestions } from './questions/next.js';
export type { BaseEffect, Condition, Effect, IndicatorKind, Rule, RuleFile, Source, Text } from './rules/schema.js';
export type { Lang, TrailEntry, TrailFact } from './rules/trail.js';
export { evaluateKindcheck } from './kindcheck/kindcheck.js';
export type { KindcheckEffect, KindcheckInput, KindcheckResult, KindcheckStatus } from './kindcheck/kindcheck.js';
export { evaluateScope } from './scope/index.js';
export type { ScopeEffect, ScopeInput, ScopeResult, ScopeRoute } from './scope/index.js';
export { evaluateSteps } from './steps/index.js';
export type { Step5Basis, StepNumber, StepsEffect, StepsInput, StepsResult, StepState } from './steps/index.js';
export { evaluateRecordKeeping } from './records/index.js';
export type { DecisionFacts, RecordItem, RecordKeeping, RecordReason, RecordsEffect, RecordsInput } from './records/index.js';
export type { ModuleNote, ModuleOptions } from './case/module.js';
export type { AgeBand, DerivedFacts } from './case/age.js';
export { setAnswer } from './answers/index.js';
export type { AnswerValue } from './answers/index.js';
export { verifyReceipt } from './receipt/index.js';
export type { ReceiptCheck } from './receipt/index.js';
export { VERSION } from './version.js';
