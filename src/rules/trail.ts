import type { BaseEffect, Effect, Source } from './schema.js';

/** The language of the texts in a decision. */
export type Lang = 'nl' | 'en';

/** One fact a rule read: which, how it was compared, its value, and the outcome of that test. */
export interface TrailFact {
  /** Dotted path of the fact in the case, e.g. `considerations.suspicion`. */
  fact: string;
  /** The json-rules-engine operator, e.g. `equal` or `known`. */
  operator: string;
  /** The value the rule compared against. */
  expected: unknown;
  /** Whether the case answered this fact. Unknown is never "no". */
  known: boolean;
  /** The value in the case (absent when unknown). */
  value?: unknown;
  /** The test's outcome; `not-evaluated` when json-rules-engine skipped it. */
  result: boolean | 'not-evaluated';
}

/** One rule that took part in a decision. */
export interface TrailEntry<E extends BaseEffect = Effect> {
  /** The rule's stable id: look it up in the rule files by this id. */
  ruleId: string;
  /** The rule file (module) the rule comes from, e.g. `afwegingskader`. */
  module: string;
  /** Whether the rule's conditions held. */
  outcome: boolean;
  /** Whether this is a legal-floor rule. */
  floor: boolean;
  /** What the rule establishes when it holds. */
  effect: E;
  /** The facts the rule read, with their values. */
  facts: TrailFact[];
  /** The rule's explanation in the chosen language. */
  explanation: string;
  /** Where the rule comes from. */
  source: Source;
}

/**
 * One trail fact, with its keys always in the same order (the decision's JSON is compared byte
 * for byte between the compiled evaluator and the reference). `value` is present only when known.
 */
export function trailFact(fact: string, operator: string, expected: unknown, value: unknown, result: boolean | 'not-evaluated'): TrailFact {
  const known = result !== 'not-evaluated' && value !== undefined;
  const entry: TrailFact = { fact, operator, expected, known, result };
  if (known) entry.value = value;
  return entry;
}
