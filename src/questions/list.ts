// Questions by framework id: the part of the question model that needs the registry of shipped
// frameworks. Kept apart from questions.ts so evaluateWith() does not bundle every framework.
import { type Framework, type FrameworkInput, parseFramework } from '../frameworks/framework.js';
import { DEFAULT_FRAMEWORK, getFramework } from '../frameworks/registry.js';
import { type Question, questionCatalogue } from './questions.js';
import type { FrameworkRef } from '../authoring/ids.js';
import type { FrameworkId } from '../authoring/ids.js';

/** A shipped framework by id, or a framework document validated here; default `basismodel`. */
export function resolveFramework(framework: string | Framework | FrameworkInput | undefined): Framework {
  if (framework === undefined) return getFramework(DEFAULT_FRAMEWORK);
  // An id read at run time may be any string; getFramework refuses an unknown one with a typed error.
  if (typeof framework === 'string') return getFramework(framework as FrameworkId);
  return parseFramework(framework);
}

/**
 * Every question the library can ask with a framework (default `basismodel`), in the order they
 * are asked, each with its id (the fact it fills), texts, answer kind, source and branching.
 *
 * @throws {@link MeldcodeInputError} for an unknown framework id or an invalid framework document.
 * @example
 * ```ts
 * const questions = listQuestions('basismodel');
 * questions.find((q) => q.id === 'considerations.suspicion')?.text.nl;
 * // 'Heb ik op basis van de stappen 1 tot en met 4 van de meldcode een vermoeden …'
 * ```
 */
export function listQuestions(framework?: FrameworkRef): Question[] {
  // Copies: the catalogue is cached and shared by every evaluation.
  return [...questionCatalogue(resolveFramework(framework)).values()].map((q) => structuredClone(q));
}
