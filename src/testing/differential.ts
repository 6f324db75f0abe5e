// The differential check: the compiled evaluator against the json-rules-engine reference on
// generated cases. A difference can only come from the compiler, since both run the same pipeline.
import fc from 'fast-check';
import type { CaseInput } from '../case/schema.js';
import { evaluateWith } from '../decision/core.js';
import { MeldcodeInputError } from '../errors/errors.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import { getFramework } from '../frameworks/registry.js';
import { fullCaseArbitrary, KIT_EVALUATION_DATE, reversedKeys } from './index.js';
import { evaluateWithReference } from './reference.js';
import type { FrameworkId } from '../authoring/ids.js';

/** Options for {@link checkAgainstReference}. */
export interface ReferenceCheckOptions {
  /** Generated cases to compare (default 1,000). */
  cases?: number;
  /** fast-check seed, to replay a run (default a fixed seed, so a run is reproducible). */
  seed?: number;
  /** Called after every `every` cases with the count so far (for progress output). */
  progress?: (done: number) => void;
}

/** The result of {@link checkAgainstReference}. */
export type ReferenceCheck =
  | { ok: true; framework: string; cases: number; inputErrors: number; seed: number }
  | { ok: false; framework: string; cases: number; seed: number; case: CaseInput; compiled: string; reference: string };

const outcomeText = (run: () => unknown): string => {
  try {
    return JSON.stringify(run());
  } catch (error) {
    if (error instanceof MeldcodeInputError) return `input error ${JSON.stringify(error.issues)}`;
    throw error;
  }
};

/**
 * Evaluates generated cases (every module, any subset of answers unknown) with the compiled
 * evaluator and with the json-rules-engine reference — the reference on the same case with its
 * keys in reverse order — and compares the decisions' JSON byte for byte (input errors too). Returns
 * the first difference, or `{ ok: true }`.
 *
 * @example
 * ```ts
 * import { checkAgainstReference } from 'meldcode/testing';
 * const result = await checkAgainstReference('basismodel', { cases: 200 });
 * result.ok; // true
 * ```
 */
export async function checkAgainstReference(framework: string | Framework | FrameworkInput, options: ReferenceCheckOptions = {}): Promise<ReferenceCheck> {
  const fw = typeof framework === 'string' ? getFramework(framework as FrameworkId) : framework;
  const id = String((fw as { id?: unknown }).id);
  const total = options.cases ?? 1000;
  const seed = options.seed ?? 20261201;
  const opts = { evaluationDate: KIT_EVALUATION_DATE };
  const cases = fullCaseArbitrary(fw);
  const rng = fc.sample(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { numRuns: 1, seed })[0] as number;
  let inputErrors = 0;
  const batch = 500;
  for (let done = 0; done < total; done += batch) {
    const n = Math.min(batch, total - done);
    for (const c of fc.sample(cases, { numRuns: n, seed: (rng + done) | 0 })) {
      const compiled = outcomeText(() => evaluateWith(fw, c, opts));
      if (compiled.startsWith('input error')) inputErrors++;
      let reference: string;
      try {
        reference = JSON.stringify(await evaluateWithReference(fw, reversedKeys(c), opts));
      } catch (error) {
        if (!(error instanceof MeldcodeInputError)) throw error;
        reference = `input error ${JSON.stringify(error.issues)}`;
      }
      if (compiled !== reference) return { ok: false, framework: id, cases: done, seed, case: c, compiled, reference };
    }
    options.progress?.(done + n);
  }
  return { ok: true, framework: id, cases: total, inputErrors, seed };
}
