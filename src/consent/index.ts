/**
 * `meldcode/consent`: the conversation about the report and consent (DESIGN §6.5), usable on
 * its own with {@link evaluateConsent}, and inside `evaluate()` through the compiled rules.
 *
 * @module
 */
export { type AgeBand, ageBand, ageBandOn, ageBands, ageInYears } from '../case/age.js';
export {
  ageIssues,
  type CitedText,
  type ConsentContext,
  type ConsentFacts,
  type ConsentOptions,
  type ConsentResult,
  type ConversationParty,
  consentQuestionCatalogue,
  consentRuleFile,
  evaluateConsent,
  type ObjectionOutcome,
  objectionPrecedence,
  type SafeConsentResult,
  safeEvaluateConsent,
} from './consent.js';
export {
  anonymityReasons,
  type ChecklistItem,
  type ConsentCase,
  type ConsentEffect,
  type ConsentHolder,
  type ConsentInput,
  type ConsentQuestion,
  type ConsentRegime,
  checklistItems,
  consentRegimes,
  type ObjectionRegime,
  objectionRegimes,
  type ObjectionStatus,
  objectionStatuses,
  type Party,
  type PartyBasis,
  parties,
  skipReasons,
} from './schema.js';
export { MeldcodeInputError } from '../errors/errors.js';
export type { InputIssue } from '../errors/errors.js';
// The shared types the consent API refers to, so this entry point stands on its own.
export type { Action } from '../decision/types.js';
export type { CompiledRule, CompiledRules } from '../rules/compile.js';
export type { AgeFields } from '../case/age.js';
export type { BaseEffect, Condition, Rule, RuleFile, Source, Text } from '../rules/schema.js';
export type { Lang, TrailEntry, TrailFact } from '../rules/trail.js';
