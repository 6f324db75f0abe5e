// setAnswer: one answer into a case, by the question's id, without changing the case given.
import type { CaseInput } from '../case/schema.js';
import { echo, MeldcodeInputError } from '../errors/errors.js';

/** What a question's answer can be: yes/no, a number, a list of numbers, a date or a choice. */
export type AnswerValue = boolean | number | readonly number[] | string;

/** Keys a question id may not name: they would reach an object's prototype. */
const forbidden = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * The case with one answer set: `questionId` is the question's id (`Question.id`, the dotted
 * path of its fact in the case, e.g. `considerations.unsafety.acute`), `value` its answer, or
 * `undefined` for "don't know", which removes the answer (unknown is never "no"). The case given
 * is not changed: the result is a copy along the question's path, sharing the rest. The case is
 * validated where it is evaluated, so a value of the wrong kind is refused there, with its path.
 *
 * @throws {@link MeldcodeInputError} (`invalid-question-id`) for an id that is not a dotted path
 * of names, or that names `__proto__`, `prototype` or `constructor`.
 * @example
 * ```ts
 * let kase: CaseInput = {};
 * kase = setAnswer(kase, 'considerations.suspicion', true);
 * kase = setAnswer(kase, 'considerations.unsafety.acute', true);
 * evaluate(kase).outcome; // 'report'
 * for (const q of nextQuestions(kase)) console.log(q.id, q.answer); // the next ones to ask
 * ```
 */
export function setAnswer(kase: CaseInput, questionId: string, value: AnswerValue | undefined): CaseInput {
  const keys = typeof questionId === 'string' ? questionId.split('.') : [];
  if (keys.length === 0 || keys.some((k) => k === '' || forbidden.has(k))) {
    throw new MeldcodeInputError([
      {
        path: ['questionId'],
        code: 'invalid-question-id',
        message: { nl: `ongeldig vraag-id "${echo(questionId)}": verwacht een pad als considerations.suspicion`, en: `invalid question id "${echo(questionId)}": expected a path such as considerations.suspicion` },
      },
    ]);
  }
  const set = (target: unknown, at: number): Record<string, unknown> => {
    const copy: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
    const key = keys[at]!;
    if (at === keys.length - 1) {
      if (value === undefined) delete copy[key];
      else copy[key] = Array.isArray(value) ? [...value] : value;
    } else copy[key] = set(Object.hasOwn(copy, key) ? copy[key] : undefined, at + 1);
    return copy;
  };
  return set(kase, 0) as CaseInput;
}
