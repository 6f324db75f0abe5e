import type { CaseInput } from '../case/schema.js';
import { evaluate } from '../decision/evaluate.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import type { Question } from './questions.js';
import type { FrameworkRef } from '../authoring/ids.js';

/**
 * The questions whose answers are needed now, in the order to ask them: the decision's
 * `nextQuestions`. Empty once the answers settle everything the rules ask, so a screen can ask
 * one question at a time, evaluate again, and stop.
 *
 * @param input The case so far (unanswered questions are unknown, never "no").
 * @param framework A shipped framework id or a framework document; default the case's, else `basismodel`.
 * @throws {@link MeldcodeInputError} listing every problem in the case.
 * @example
 * ```ts
 * const [first] = nextQuestions({});
 * first?.id;                // 'considerations.suspicion'
 * const after = nextQuestions({ considerations: { suspicion: false } });
 * after.length;            // 0: close the meldcode and record the conclusion
 * ```
 */
export function nextQuestions(input: CaseInput, framework?: FrameworkRef): Question[] {
  const decision = evaluate(input, framework === undefined ? {} : { framework });
  return decision.nextQuestions;
}

