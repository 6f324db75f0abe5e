// The ids of the shipped frameworks as a type, so a misspelt id does not compile.
import type { Framework, FrameworkInput } from '../frameworks/framework.js';

/**
 * The id of a framework shipped with the library: `'artsen'`, `'basismodel'`, `'kinderopvang'`,
 * `'onderwijs'`, `'paramedici'`, `'sociaal-domein'`, or `'psychologen-pedagogen'`, an alias of `'sociaal-domein'`
 * (`listFrameworks({ aliases: true })`). A misspelt id (`'basismodl'`) does not compile; an id read at run time (a
 * command-line flag, a stored case) is checked at run time and refused with an
 * `unknown-framework` or `framework-not-yet-encoded` issue.
 */
export type FrameworkId = 'artsen' | 'basismodel' | 'kinderopvang' | 'onderwijs' | 'paramedici' | 'psychologen-pedagogen' | 'sociaal-domein';

/**
 * Every {@link FrameworkId}, in order. `test/package-types.test.ts` checks it against
 * `listFrameworks({ aliases: true })`, and `test/package-types.test-d.ts` checks it against the type.
 */
export const shippedFrameworkIds = ['artsen', 'basismodel', 'kinderopvang', 'onderwijs', 'paramedici', 'psychologen-pedagogen', 'sociaal-domein'] as const satisfies readonly FrameworkId[];

/**
 * A framework as an option takes it: a shipped id ({@link FrameworkId}), or a framework object of
 * your own (validated where it is used).
 */
export type FrameworkRef = FrameworkId | Framework | FrameworkInput;
