// The paramedici framework on its own: importing this module bundles this framework's document and
// the floor, never the other shipped frameworks (see registry.ts for all of them).
import type { FrameworkInput } from '../framework.js';
import { deepFreeze } from '../../rules/freeze.js';
import json from './paramedici.framework.json';

/**
 * The `paramedici` framework document, as shipped. Validate it with `defineFramework` or pass it to
 * `evaluate(case, { framework })`, which validates it once.
 *
 * @example
 * ```ts
 * import { paramedici } from 'meldcode/frameworks/paramedici';
 * const decision = evaluate(myCase, { framework: paramedici });
 * ```
 */
// Frozen: the registry hands out the same document, so a caller changing it would change every evaluation.
export const paramedici: FrameworkInput = /* @__PURE__ */ deepFreeze(json as unknown as FrameworkInput);
