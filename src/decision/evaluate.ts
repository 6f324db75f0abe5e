import type { Case, CaseInput } from '../case/schema.js';
import { MeldcodeInputError } from '../errors/errors.js';
import {
  DEFAULT_FRAMEWORK,
  getFramework,
  hasFramework,
  unknownFrameworkIssue,
} from '../frameworks/registry.js';
import { type EvaluateOptions, evaluateCase, type FrameworkResolver, prepareCase, type SafeEvaluateResult } from './core.js';
import type { Decision } from './types.js';

export { todayInAmsterdam } from '../case/date.js';
export type { EvaluateOptions, SafeEvaluateResult } from './core.js';

/** The shipped frameworks, by id. */
export const shippedFrameworks: FrameworkResolver = {
  defaultId: DEFAULT_FRAMEWORK,
  has: hasFramework,
  get: getFramework,
  unknownIssue: unknownFrameworkIssue,
};

/**
 * Evaluates a case against its framework (default `basismodel`) and returns the decision:
 * outcome, the two step-5 decisions in order, next questions, actions, the trail and a receipt.
 * Unknown answers are never read as "no": a missing answer that matters yields `needs-input`.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the case or options.
 * @example
 * ```ts
 * const decision = evaluate({
 *   considerations: { suspicion: true, unsafety: { acute: true } },
 * }, { evaluationDate: '2026-11-23' });
 * decision.outcome;        // 'report'
 * decision.report.norms;   // [1]
 * ```
 */
export function evaluate(input: CaseInput, options: EvaluateOptions = {}): Decision {
  return evaluateCase(input, options, shippedFrameworks);
}

/**
 * Like {@link evaluate}, but returns `{ ok: false, error }` for bad input instead of throwing.
 *
 * @example
 * ```ts
 * const result = safeEvaluate(JSON.parse('{"considerations":{"suspicion":"maybe"}}'));
 * if (!result.ok) console.log(result.error.issues.map((i) => i.message.nl));
 * ```
 */
export function safeEvaluate(input: unknown, options?: EvaluateOptions): SafeEvaluateResult {
  try {
    return { ok: true, decision: evaluateCase(input, options ?? {}, shippedFrameworks) };
  } catch (error) {
    if (error instanceof MeldcodeInputError) return { ok: false, error };
    throw error;
  }
}

/**
 * Validates unknown input (e.g. parsed JSON) as a case for its framework (default `basismodel`,
 * or `options.framework`) and returns it typed, ready for {@link evaluate}.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the case or options.
 * @example
 * ```ts
 * const kase = parseCase(JSON.parse('{"considerations":{"suspicion":false}}'));
 * evaluate(kase).outcome; // 'close-and-record'
 * ```
 */
export function parseCase(input: unknown, options: Pick<EvaluateOptions, 'framework' | 'evaluationDate'> = {}): Case {
  return prepareCase(input, options, shippedFrameworks).data;
}
