// The reference evaluation: the library's own pipeline with every rule run answered by
// json-rules-engine instead of the compiled closures. Same rule files, same code around them; a
// difference between `evaluate` and `evaluateReference` can only come from the compiler.
import type { CaseInput } from '../case/schema.js';
import { type EvaluateOptions, prepareCase, singleFramework } from '../decision/core.js';
import { shippedFrameworks } from '../decision/evaluate.js';
import { decide, type Pipeline } from '../decision/pipeline.js';
import type { Decision } from '../decision/types.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import { runRulesReference } from '../rules/reference.js';

async function runPipelineReference<T>(pipeline: Pipeline<T>): Promise<T> {
  let step = pipeline.next();
  while (!step.done) step = pipeline.next(await runRulesReference(step.value.compiled, step.value.facts, step.value.lang, step.value));
  return step.value;
}

/**
 * `evaluate` on json-rules-engine 7.3, the reference semantics of the rule grammar: async,
 * and much slower. Use it to prove that the compiled evaluator gives byte-identical decisions
 * (`test/differential.test.ts`, `npm run verify:differential`).
 *
 * @throws `MeldcodeInputError` as `evaluate` does (the promise rejects).
 * @example
 * ```ts
 * import { evaluate } from 'meldcode';
 * import { evaluateReference } from 'meldcode/testing';
 * const kase = { considerations: { suspicion: true, unsafety: { acute: true } } };
 * const same = JSON.stringify(await evaluateReference(kase)) === JSON.stringify(evaluate(kase));
 * ```
 */
export async function evaluateReference(input: CaseInput, options: EvaluateOptions = {}): Promise<Decision> {
  return runPipelineReference(decide(prepareCase(input, options, shippedFrameworks)));
}

/**
 * `evaluateWith` on json-rules-engine (see {@link evaluateReference}).
 *
 * @example
 * ```ts
 * import { artsen } from 'meldcode/frameworks/artsen';
 * const d = await evaluateWithReference(artsen, { considerations: { suspicion: false } });
 * d.outcome; // 'close-and-record'
 * ```
 */
export async function evaluateWithReference(
  framework: Framework | FrameworkInput,
  input: CaseInput,
  options: Omit<EvaluateOptions, 'framework'> = {},
): Promise<Decision> {
  return runPipelineReference(decide(prepareCase(input, { ...options, framework }, singleFramework(framework))));
}
