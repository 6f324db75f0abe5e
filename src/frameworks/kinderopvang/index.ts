// The kinderopvang framework on its own: importing this module bundles this framework's document and
// the floor, never the other shipped frameworks (see registry.ts for all of them).
import type { FrameworkInput } from '../framework.js';
import { deepFreeze } from '../../rules/freeze.js';
import json from './kinderopvang.framework.json';

/**
 * The `kinderopvang` framework document, as shipped. Validate it with `defineFramework` or pass it to
 * `evaluate(case, { framework })`, which validates it once.
 *
 * @example
 * ```ts
 * import { kinderopvang } from 'meldcode/frameworks/kinderopvang';
 * const decision = evaluate(myCase, { framework: kinderopvang });
 * ```
 */
// Frozen: the registry hands out the same document, so a caller changing it would change every evaluation.
export const kinderopvang: FrameworkInput = /* @__PURE__ */ deepFreeze(json as unknown as FrameworkInput);
