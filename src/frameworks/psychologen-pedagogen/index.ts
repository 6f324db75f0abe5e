// The psychologists', pedagogues' and psychotherapists' cluster on its own: an alias of the
// sociaal-domein framework (000 Bijlage 2 names them among the professions it is written for), so
// importing this module bundles that framework's document and the floor, never the other shipped
// frameworks. Not a copy: the document exported here is the sociaal-domein document itself.
import type { FrameworkInput } from '../framework.js';
import { sociaalDomein } from '../sociaal-domein/index.js';

/**
 * The framework the psychologists', pedagogues' and psychotherapists' cluster uses: the
 * `sociaal-domein` document itself (000 Bijlage 2 is written for psychologists, pedagogues,
 * (psycho)therapists and social workers), so a decision's receipt names `sociaal-domein` as the
 * framework evaluated, shipped and unmodified. `getFramework('psychologen-pedagogen')` and
 * `evaluate(case, { framework: 'psychologen-pedagogen' })` resolve the alias the same way.
 *
 * @example
 * ```ts
 * import { psychologenPedagogen } from 'meldcode/frameworks/psychologen-pedagogen';
 * const decision = evaluate(myCase, { framework: psychologenPedagogen });
 * decision.receipt.framework.id; // 'sociaal-domein'
 * ```
 */
export const psychologenPedagogen: FrameworkInput = sociaalDomein;
