// The sociaal-domein framework on its own: importing this module bundles this framework's document and
// the floor, never the other shipped frameworks (see registry.ts for all of them).
import type { FrameworkInput } from '../framework.js';
import json from './sociaal-domein.framework.json';

/**
 * The `sociaal-domein` framework document, as shipped. Validate it with `defineFramework` or pass it to
 * `evaluate(case, { framework })`, which validates it once.
 *
 * @example
 * ```ts
 * import { sociaalDomein } from 'meldcode/frameworks/sociaal-domein';
 * const decision = evaluate(myCase, { framework: sociaalDomein });
 * ```
 */
export const sociaalDomein: FrameworkInput = json as unknown as FrameworkInput;
