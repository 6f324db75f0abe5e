import type { CaseInput } from '../case/schema.js';
import { MeldcodeInputError } from '../errors/errors.js';
import {
  DEFAULT_FRAMEWORK,
  getFramework,
  hasFramework,
  unknownFrameworkIssue,
} from '../frameworks/registry.js';
import { type EvaluateOptions, evaluateCase, type FrameworkResolver, type SafeEvaluateResult } from './core.js';
import type { Decision } from './types.js';

export { todayInAmsterdam } from '../case/date.js';
export type { EvaluateOptions, SafeEvaluateResult } from './core.js';

/** The shipped frameworks, by id. */
const shipped: FrameworkResolver = {
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
 * const decision = await evaluate({
 *   considerations: { suspicion: true, unsafety: { acute: true } },
 * }, { evaluationDate: '2026-11-23' });
 * decision.outcome;        // 'report'
 * decision.report.norms;   // [1]
 * ```
 */
export async function evaluate(input: CaseInput | unknown, options: EvaluateOptions = {}): Promise<Decision> {
  return evaluateCase(input, options, shipped);
}

/**
 * Like {@link evaluate}, but returns `{ ok: false, error }` for bad input instead of throwing.
 *
 * @example
 * ```ts
 * const result = await safeEvaluate({ considerations: { suspicion: 'maybe' } });
 * if (!result.ok) console.log(result.error.issues.map((i) => i.message.nl));
 * ```
 */
export async function safeEvaluate(input: unknown, options?: EvaluateOptions): Promise<SafeEvaluateResult> {
  try {
    return { ok: true, decision: await evaluate(input, options) };
  } catch (error) {
    if (error instanceof MeldcodeInputError) return { ok: false, error };
    throw error;
  }
}
