import fc from 'fast-check';
import { getFramework } from '../../src/index.js';

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

/** Any valid basismodel case, with any subset of answers unknown. */
export const caseArbitrary = optionalRecord({
  client: optionalRecord({ caresForMinor: fc.boolean(), pregnant: fc.boolean() }),
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
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
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
