// verifyReceipt: is this the case, and the framework, a decision's receipt was made for?
import type { CaseInput } from '../case/schema.js';
import { parseCase } from '../decision/evaluate.js';
import type { Decision } from '../decision/types.js';
import type { FrameworkRef } from '../authoring/ids.js';
import { type Framework, getCompiledFramework, parseFramework } from '../frameworks/framework.js';
import { getFramework } from '../frameworks/registry.js';
import { canonicalJson } from '../rules/canonical.js';
import { sha256Hex } from '../rules/sha256.js';
import { VERSION } from '../version.js';
import type { FrameworkId } from '../authoring/ids.js';

/** What {@link verifyReceipt} found. */
export interface ReceiptCheck {
  /** The case and the framework are the ones the receipt names (`caseMatches && frameworkMatches`). */
  ok: boolean;
  /** The case's hash, recomputed: SHA-256 of the RFC 8785 (JCS) JSON of the case with the receipt's evaluation date. */
  caseSha256: string;
  /** The recomputed `caseSha256` is the receipt's. */
  caseMatches: boolean;
  /** The framework's hash (its rules and the floor it inherits) is the receipt's `framework.sha256`. */
  frameworkMatches: boolean;
  /** This library's version made the decision; another version may decide a case otherwise. */
  sameLibraryVersion: boolean;
}

/**
 * The receipt's case hash for a case: the case validated (as `evaluate` validates it), with
 * `evaluationDate` set to the receipt's, canonicalised by RFC 8785 (JSON Canonicalization
 * Scheme: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * ECMAScript writes them), then SHA-256, hex. A validated case is the case as given, so a third
 * party recomputes it with any JCS library, e.g. `canonicalize` on npm, and any SHA-256.
 */
function caseHash(kase: unknown, decision: Decision, framework: FrameworkRef): string {
  const { evaluationDate } = decision.receipt;
  const validated = parseCase(kase, { framework, evaluationDate });
  return sha256Hex(canonicalJson({ ...validated, evaluationDate }));
}

/**
 * Checks a stored decision against the case it is said to be for: recomputes the receipt's
 * `caseSha256` from the case (see {@link ReceiptCheck.caseSha256}) and the framework's hash from
 * the framework, and says whether this library version made it. The framework is the receipt's
 * shipped one, or the one given (a framework of your own, which the receipt cannot name).
 *
 * @throws {@link MeldcodeInputError} when the case is not valid for the framework, or the
 * receipt names a framework that is not shipped and none is given.
 * @example
 * ```ts
 * const decision = evaluate(kase, { evaluationDate: '2026-11-23' });
 * verifyReceipt(decision, kase).ok;                          // true
 * verifyReceipt(decision, { ...kase, client: { age: 9 } }).ok; // false: another case
 * ```
 */
export function verifyReceipt(decision: Decision, kase: CaseInput, options: { framework?: FrameworkRef } = {}): ReceiptCheck {
  const receipt = decision.receipt;
  const framework: Framework =
    options.framework === undefined ? getFramework(receipt.framework.id as FrameworkId) : typeof options.framework === 'string' ? getFramework(options.framework) : parseFramework(options.framework);
  const caseSha256 = caseHash(kase, decision, framework);
  const caseMatches = caseSha256 === receipt.caseSha256;
  const frameworkMatches = framework.id === receipt.framework.id && framework.version === receipt.framework.version && getCompiledFramework(framework).hash === receipt.framework.sha256;
  return { ok: caseMatches && frameworkMatches, caseSha256, caseMatches, frameworkMatches, sameLibraryVersion: receipt.library.version === VERSION };
}
