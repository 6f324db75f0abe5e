import fc from 'fast-check';
import { getFramework } from '../../src/index.js';
import { unsafetyIndicatorKinds } from '../../src/frameworks/framework.js';
import type { CaseInput } from '../../src/case/schema.js';
import { withoutContradictions } from '../../src/testing/index.js';

const framework = getFramework('basismodel');
/** The basismodel's own indicator codes, and the floor's parent factors. */
export const unsafetyCodes = framework.indicators.map((i) => i.code);
export const parentFactorCodes = [
  'parent-partner-violence-acute-care',
  'parent-intoxication',
  'parent-suicide-attempt',
  'parent-self-harm',
];

const optionalRecord = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  fc.record(shape, { requiredKeys: [] });

const indicators = fc.dictionary(fc.constantFrom(...unsafetyCodes, ...parentFactorCodes), fc.boolean(), {
  maxKeys: 4,
});

/** A date of birth on or before the properties' evaluation date (2026-11-23), leap days included. */
export const birthDateArbitrary = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** The client: either a date of birth or an age (both would have to agree), and the rest of the agreed fields. */
const clientArbitrary = fc
  .tuple(
    optionalRecord({
      role: fc.constantFrom('victim', 'suspected-perpetrator', 'child-witness'),
      caresForMinor: fc.boolean(),
      pregnant: fc.boolean(),
      caresForCareDependentAdult: fc.boolean(),
      careDependent: fc.boolean(),
      lacksCapacity: fc.boolean(),
      livesWithParents: fc.boolean(),
    }),
    fc.oneof(fc.constant({}), fc.record({ birthDate: birthDateArbitrary }), fc.record({ age: fc.integer({ min: 0, max: 100 }) })),
  )
  .map(([rest, age]) => ({ ...rest, ...age }));

/** Any valid basismodel case, with any subset of answers unknown. */
const anyCaseArbitrary = optionalRecord({
  client: clientArbitrary,
  scope: optionalRecord({
    perpetratorIsProfessional: fc.boolean(),
    perpetratorOrganisation: fc.constantFrom('own', 'other'),
    perpetratorIsRelative: fc.boolean(),
    setting: fc.constantFrom('care', 'education', 'childcare', 'youth-care', 'long-term-care'),
    sexualOffence: fc.boolean(),
    betweenClients: fc.boolean(),
    clientsArePartners: fc.boolean(),
    clientsAreFamily: fc.boolean(),
  }),
  contact: optionalRecord({ oneOff: fc.boolean() }),
  steps: optionalRecord({
    signalsRecorded: fc.boolean(),
    colleagueConsulted: fc.boolean(),
    veiligThuisAdviceAsked: fc.boolean(),
    conversationHeld: fc.boolean(),
    riskAssessed: fc.boolean(),
    injuryUnclear: fc.boolean(),
    injurySpecialistConsulted: fc.boolean(),
    verwijsindexConnected: fc.boolean(),
  }),
  forms: optionalRecord({
    fgm: fc.boolean(),
    honourBasedViolence: fc.boolean(),
    forcedMarriage: fc.boolean(),
    sexualAbuse: fc.boolean(),
    elderAbuse: fc.boolean(),
    partnerStalking: fc.boolean(),
    inHouseExpertise: fc.boolean(),
  }),
  crime: optionalRecord({ seriousCrimeSuspected: fc.boolean() }),
  kindcheck: optionalRecord({
    parentSignals: fc.boolean(),
    childrenCount: fc.integer({ min: 0, max: 8 }),
    childrenAges: fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 4 }),
    sharedCare: fc.boolean(),
  }),
  considerations: optionalRecord({
    suspicion: fc.boolean(),
    unsafety: optionalRecord({ acute: fc.boolean(), structural: fc.boolean(), disclosure: fc.boolean() }),
    indicators,
    childSignals: fc.boolean(),
    help: optionalRecord({
      canOffer: fc.boolean(),
      safetyPicture: fc.boolean(),
      history: fc.boolean(),
      fittingHelp: fc.boolean(),
    }),
    helpAccepted: fc.boolean(),
    helpReachesSafety: fc.boolean(),
  }),
});

/** Dotted paths of every answered leaf in a case. */
export function answeredPaths(value: unknown, prefix = ''): string[] {
  // A list (the children's ages) is one answer.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) => answeredPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** A deep copy without the answer at `path` (and without objects it leaves empty). */
export function withoutAnswer<T>(value: T, path: string): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  const parents: Record<string, unknown>[] = [copy];
  for (const key of keys.slice(0, -1)) parents.push(parents[parents.length - 1]![key] as Record<string, unknown>);
  delete parents[parents.length - 1]![keys[keys.length - 1]!];
  return copy as T;
}

/** A deep copy with every object's keys in reverse (or shuffled) order. */
export function reorderKeys<T>(value: T, order: (keys: string[]) => string[]): T {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, order)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of order(Object.keys(value))) out[key] = reorderKeys((value as Record<string, unknown>)[key], order);
  return out as T;
}

/** The scope answers of a case, as the oracle below reads them. */
interface ScopeAnswers {
  perpetratorIsProfessional?: boolean;
  perpetratorOrganisation?: string;
  perpetratorIsRelative?: boolean;
  betweenClients?: boolean;
  clientsArePartners?: boolean;
  clientsAreFamily?: boolean;
}

/**
 * Whether the scope answers keep a case inside the meldcode (issue 14 ruling B): out only for a
 * professional of the user's own organisation who is no relative, or between clients who are
 * neither partners nor family, each answered outright (unknown keeps the meldcode in force).
 */
export function inScope(c: { scope?: ScopeAnswers }): boolean {
  return !ownProfessional(c) && !betweenUnrelatedClients(c);
}
/** A professional of the user's own organisation, not the client's relative: out of scope. */
export function ownProfessional(c: { scope?: ScopeAnswers }): boolean {
  const s = c.scope ?? {};
  return s.perpetratorIsProfessional === true && s.perpetratorOrganisation === 'own' && s.perpetratorIsRelative === false;
}
/** Violence between clients who are neither partners nor family: out of scope. */
export function betweenUnrelatedClients(c: { scope?: ScopeAnswers }): boolean {
  const s = c.scope ?? {};
  return s.betweenClients === true && s.clientsArePartners === false && s.clientsAreFamily === false;
}

/** The kind of each basismodel unsafety indicator, by code. */
export const indicatorKinds = unsafetyIndicatorKinds(framework);

/**
 * Any valid case (basismodel), with any subset of answers unknown. Answers evaluate() rejects as
 * contradictions are left out (the testing kit's `withoutContradictions`).
 */
export const caseArbitrary = anyCaseArbitrary.map((c) => withoutContradictions(c as CaseInput, 'basismodel'));
