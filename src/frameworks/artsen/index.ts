// The artsen framework on its own: importing this module bundles this framework's document and
// the floor, never the other shipped frameworks (see registry.ts for all of them).
import type { FrameworkInput } from '../framework.js';
import json from './artsen.framework.json';

/**
 * The `artsen` framework document, as shipped. Validate it with `defineFramework` or pass it to
 * `evaluate(case, { framework })`, which validates it once.
 *
 * @example
 * ```ts
 * import { artsen } from 'meldcode/frameworks/artsen';
 * const decision = evaluate(myCase, { framework: artsen });
 * ```
 */
export const artsen: FrameworkInput = json as unknown as FrameworkInput;
