// The FAQ 004 exception (DESIGN §6.5), every condition answered the way that lets it apply: a
// case whose considered objection sets the report aside under the basismodel regime.
import type { CaseInput } from '../../src/index.js';

/** Every condition of the FAQ 004 exception, answered the way that lets the exception apply. */
export const exceptionMet = {
  client: { age: 35, role: 'victim', pregnant: false, lacksCapacity: false, caresForMinor: false, caresForCareDependentAdult: false },
  considerations: { suspicion: true, unsafety: { structural: true } },
  objection: {
    raised: true, canBeMet: false, domesticViolenceAdultVictim: true, minorInvolved: false, othersAtRisk: false,
    consideredAndFree: true, drivenByDependencyOrFear: false, dependsOnSuspectForCare: false, seriousDanger: false,
  },
  forms: { honourBasedViolence: false, forcedMarriage: false, fgm: false },
  steps: { colleagueConsulted: true, veiligThuisAdviceAsked: true },
} satisfies CaseInput;
