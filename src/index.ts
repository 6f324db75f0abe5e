export { evaluate, safeEvaluate, todayInAmsterdam } from './decision/evaluate.js';
export type { EvaluateOptions, SafeEvaluateResult } from './decision/evaluate.js';
export type {
  Action,
  Decision,
  HelpDecision,
  Norm,
  Outcome,
  Receipt,
  ReportDecision,
} from './decision/types.js';
export type { Case, CaseInput } from './case/schema.js';
export { MeldcodeFrameworkError, MeldcodeInputError } from './errors/errors.js';
export type { InputIssue } from './errors/errors.js';
export { formatDecision, formatSource } from './format/format.js';
export { getFramework, listFrameworks } from './frameworks/registry.js';
export type { FrameworkSummary } from './frameworks/registry.js';
export type { Framework, FrameworkInput, Indicator } from './frameworks/framework.js';
export type { Question } from './questions/questions.js';
export type { BaseEffect, Condition, Effect, IndicatorKind, Rule, RuleFile, Source, Text } from './rules/schema.js';
export type { Lang, TrailEntry, TrailFact } from './rules/trail.js';
export { VERSION } from './version.js';
