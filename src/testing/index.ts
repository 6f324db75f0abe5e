// The maintainers' kit (`meldcode/testing`): fast-check arbitraries for any framework's cases,
// and checkFramework(), which runs the legal-floor invariants of DESIGN §7 against a framework
// and reports the first counterexample, shrunk. fast-check is a peer dependency of this entry only.
import fc from 'fast-check';
import type { CaseInput } from '../case/schema.js';
import { evaluate } from '../decision/evaluate.js';
import type { Decision } from '../decision/types.js';
import { type Framework, type FrameworkInput, getFloor, parseFramework, unsafetyIndicatorKinds, userRoles } from '../frameworks/framework.js';
import { getFramework, hasFramework } from '../frameworks/registry.js';
import { MeldcodeFrameworkError } from '../errors/errors.js';
import { pruneEmpty } from './answers.js';
import type { FrameworkRef } from '../authoring/ids.js';

// A framework document is validated once per object, as `evaluate` does (the generators and
// `withoutContradictions` run once per generated case: re-validating it each time was most of a diff's time).
const parsed = new WeakMap<object, Framework>();
const resolve = (framework: FrameworkRef): Framework => {
  if (typeof framework !== 'string') {
    let fw = parsed.get(framework);
    if (!fw) parsed.set(framework, (fw = parseFramework(framework)));
    return fw;
  }
  if (!hasFramework(framework)) getFramework(framework); // throws the typed unknown-framework error
  return getFramework(framework);
};

const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.record(shape, { requiredKeys: [] });

/** The indicator codes a case may answer under a framework, split by what they indicate. */
function codes(framework: Framework) {
  return {
    unsafety: framework.indicators.filter((i) => i.kind !== 'parent-factor').map((i) => i.code),
    parent: [...getFloor().indicators, ...framework.indicators].filter((i) => i.kind === 'parent-factor').map((i) => i.code),
  };
}

/** `true` with probability `p` (in tenths), so generated cases walk the whole decision path often. */
const likely = (p: number) => fc.integer({ min: 0, max: 9 }).map((n) => n < p * 10);

/**
 * Any valid case for a framework, with any subset of answers unknown: the five considerations,
 * the framework's indicators and the floor's parent factors, and the client facts they read.
 * Half the cases answer every question, biased towards the long path (suspicion, no unsafety,
 * able to help, help accepted), so rules that only matter at considerations 3-5 are reached too.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(caseArbitrary('sociaal-domein'), (c) => { evaluate(c, { framework: 'sociaal-domein' }); }));
 * ```
 */
export function caseArbitrary(framework: FrameworkRef): fc.Arbitrary<CaseInput> {
  const { unsafety, parent } = codes(resolve(framework));
  const all = [...unsafety, ...parent];
  const anySubset = optional({
    client: optional({ caresForMinor: fc.boolean(), pregnant: fc.boolean() }),
    considerations: optional({
      suspicion: fc.boolean(),
      unsafety: optional({ acute: fc.boolean(), structural: fc.boolean(), disclosure: fc.boolean() }),
      disclosurePastAndSafeNow: fc.boolean(),
      indicators: fc.dictionary(fc.constantFrom(...all), fc.boolean(), { maxKeys: Math.min(6, all.length) }),
      childSignals: fc.boolean(),
      help: optional({ canOffer: fc.boolean(), safetyPicture: fc.boolean(), history: fc.boolean(), fittingHelp: fc.boolean() }),
      helpAccepted: fc.boolean(),
      helpReachesSafety: fc.boolean(),
    }),
  });
  const longPath = fc.record({
    client: fc.record({ caresForMinor: fc.boolean(), pregnant: fc.boolean() }),
    considerations: fc.record({
      suspicion: likely(0.8),
      unsafety: fc.record({ acute: likely(0.15), structural: likely(0.15), disclosure: likely(0.15) }),
      indicators: fc.dictionary(fc.constantFrom(...all), likely(0.15), { maxKeys: Math.min(3, all.length) }),
      childSignals: fc.boolean(),
      help: fc.record({ canOffer: likely(0.85), safetyPicture: likely(0.85), history: likely(0.85), fittingHelp: likely(0.85) }),
      helpAccepted: likely(0.8),
      helpReachesSafety: likely(0.7),
    }),
  });
  const kinds = unsafetyIndicatorKinds(resolve(framework));
  const parentCodes = new Set(parent);
  return fc.oneof(anySubset, longPath).map((c) => dropContradictions(c as CaseInput, kinds, parentCodes));
}

/**
 * The evaluation date the kit's generated cases are evaluated on (ages are computed on it).
 *
 * @example
 * ```ts
 * evaluate(kase, { evaluationDate: KIT_EVALUATION_DATE });
 * ```
 */
export const KIT_EVALUATION_DATE = '2026-11-23';

/**
 * Any valid case for a framework across every module, with any subset of answers unknown: scope,
 * client (age or date of birth around every band's birthday, role, capacity, representative),
 * contact, steps, specific forms, crime, kindcheck, conversation, objection, the user's role (where
 * the framework has roles), and the considerations of {@link caseArbitrary}. For evaluation on {@link KIT_EVALUATION_DATE}.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(fullCaseArbitrary('basismodel'), (c) => { evaluate(c, { evaluationDate: KIT_EVALUATION_DATE }); }));
 * ```
 */
export function fullCaseArbitrary(framework: FrameworkRef): fc.Arbitrary<CaseInput> {
  const b = fc.boolean();
  // Birthdays near the band edges (11/12, 15/16, 17/18) on the evaluation date, and 29 February births.
  const birthDate = fc.oneof(
    fc.tuple(fc.constantFrom(12, 16, 18), fc.integer({ min: -2, max: 2 })).map(([years, days]) => {
      const d = new Date(Date.UTC(2026 - years, 10, 23 + days));
      return d.toISOString().slice(0, 10);
    }),
    fc.constantFrom('2008-02-29', '2012-02-29', '2014-02-28', '2010-03-01'),
    fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
  const age = fc.oneof(optional({ birthDate }), optional({ age: fc.integer({ min: 0, max: 100 }) }));
  const roles = userRoles(resolve(framework)).map((r) => r.id);
  const client = fc.tuple(
    age,
    optional({
      role: fc.constantFrom('victim', 'suspected-perpetrator', 'child-witness' as const),
      caresForMinor: b,
      pregnant: b,
      caresForCareDependentAdult: b,
      careDependent: b,
      lacksCapacity: b,
      legalRepresentative: optional({ present: b, possiblyPerpetrator: b }),
      livesWithParents: b,
    }),
  ).map(([a, rest]) => ({ ...a, ...rest }));
  const sections = optional({
    client,
    scope: optional({
      perpetratorIsProfessional: b,
      perpetratorOrganisation: fc.constantFrom('own', 'other' as const),
      perpetratorIsRelative: b,
      setting: fc.constantFrom('care', 'education', 'childcare', 'youth-care', 'long-term-care' as const),
      sexualOffence: b,
      betweenClients: b,
      clientsArePartners: b,
      clientsAreFamily: b,
    }),
    contact: optional({ oneOff: b }),
    steps: optional({
      signalsRecorded: b, colleagueConsulted: b, veiligThuisAdviceAsked: b, conversationHeld: b,
      riskAssessed: b, injuryUnclear: b, injurySpecialistConsulted: b, verwijsindexConnected: b,
    }),
    forms: optional({ fgm: b, honourBasedViolence: b, forcedMarriage: b, sexualAbuse: b, elderAbuse: b, partnerStalking: b, inHouseExpertise: b }),
    crime: optional({ seriousCrimeSuspected: b }),
    kindcheck: optional({
      parentSignals: b,
      childrenCount: fc.integer({ min: 0, max: 6 }),
      childrenAges: fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 4 }),
      sharedCare: b,
    }),
    conversation: optional({
      skipReason: fc.constantFrom('safety', 'loss-of-contact' as const),
      clientUnprotectedIfContactLost: b,
      skipReasonRecorded: b,
      endangersSomeone: b,
      anonymityReason: fc.constantFrom('threat-to-reported', 'threat-to-professional-or-others', 'relationship-of-trust' as const),
    }),
    objection: optional({
      raised: b, canBeMet: b, consideredAndFree: b, drivenByDependencyOrFear: b, seriousDanger: b, protectionPrevails: b, domesticViolenceAdultVictim: b,
      minorInvolved: b, othersAtRisk: b, dependsOnSuspectForCare: b, freedomReasonRecorded: b, noSeriousDangerReasonRecorded: b,
    }),
    // The user's role, where the framework has roles (a role it does not have is an input error).
    ...(roles.length > 0 ? { professional: optional({ role: fc.constantFrom(...roles) }) } : {}),
  });
  const fw = resolve(framework);
  const kinds = unsafetyIndicatorKinds(fw);
  const parentCodes = new Set(codes(fw).parent);
  return fc.tuple(caseArbitrary(framework), sections).map(([k, more]) => {
    const c = { ...more, ...(k.considerations ? { considerations: k.considerations } : {}) } as CaseInput;
    if (k.client) c.client = { ...k.client, ...c.client };
    // The merged client may care for minor children where the framework's case did not say so.
    return dropContradictions(c, kinds, parentCodes);
  });
}

/**
 * A copy of the case without the answers evaluate() rejects as contradictions: an indicator
 * answered yes beside a direct "no" to the same form of unsafety, and "no suspicion" beside a sign
 * of acute or structural unsafety (a direct yes, an unsafety indicator, or a serious parent factor
 * of a client who cares for minor children) — there the suspicion is left unanswered. For your
 * own arbitraries: map generated cases through it.
 *
 * @example
 * ```ts
 * withoutContradictions({ considerations: { suspicion: false, unsafety: { acute: true } } }, 'basismodel');
 * // { considerations: { unsafety: { acute: true } } }
 * ```
 */
export function withoutContradictions(c: CaseInput, framework: FrameworkRef): CaseInput {
  const fw = resolve(framework);
  return dropContradictions(c, unsafetyIndicatorKinds(fw), new Set(codes(fw).parent));
}

function dropContradictions(c: CaseInput, kinds: ReadonlyMap<string, 'acute' | 'structural' | 'disclosure'>, parent: ReadonlySet<string>): CaseInput {
  let k = c.considerations;
  if (!k) return c;
  if (k.indicators && k.unsafety) {
    const unsafety = k.unsafety;
    k = { ...k, indicators: Object.fromEntries(Object.entries(k.indicators).filter(([code, yes]) => !(yes && unsafety[kinds.get(code)!] === false))) };
  }
  if (k.suspicion === false) {
    const direct = k.unsafety && (k.unsafety.acute === true || k.unsafety.structural === true || k.unsafety.disclosure === true);
    const indicated = Object.entries(k.indicators ?? {}).some(
      ([code, yes]) => yes && (kinds.has(code) || (parent.has(code) && (c.client?.caresForMinor === true || c.client?.pregnant === true))),
    );
    if (direct || indicated) {
      const { suspicion: _dropped, ...rest } = k;
      k = rest;
    }
  }
  return { ...c, considerations: k };
}

/** One unsafety signal: a direct yes to afweging 2, or one of the framework's unsafety indicators (with its kind). */
export type UnsafetySignal =
  | { unsafety: 'acute' | 'structural' | 'disclosure' }
  | { indicator: string; kind: 'acute' | 'structural' | 'disclosure' };

/**
 * One unsafety signal for a framework: a direct answer to afweging 2, or one of the framework's
 * acute, structural or disclosure indicators. Set it in a case with {@link withSignal}.
 *
 * @example
 * ```ts
 * fc.property(caseArbitrary(fw), unsafetyArbitrary(fw), (c, s) => evaluate(withSignal(c, s), { framework: fw }));
 * ```
 */
export function unsafetyArbitrary(framework: FrameworkRef): fc.Arbitrary<UnsafetySignal> {
  const kinds = unsafetyIndicatorKinds(resolve(framework));
  return fc.oneof(
    fc.constantFrom('acute', 'structural', 'disclosure' as const).map((kind): UnsafetySignal => ({ unsafety: kind })),
    fc.constantFrom(...kinds.keys()).map((code): UnsafetySignal => ({ indicator: code, kind: kinds.get(code)! })),
  );
}

/**
 * A copy of the case with the signal answered yes (the input is not changed).
 *
 * @example
 * ```ts
 * withSignal({}, { unsafety: 'acute' }); // { considerations: { unsafety: { acute: true } } }
 * ```
 */
export function withSignal(c: CaseInput, signal: UnsafetySignal): CaseInput {
  // A sign of unsafety contradicts "no suspicion" (evaluate() rejects it): that "no" goes. A
  // disclosure signal is a current one: "about the past, safe now" goes too.
  const { suspicion, disclosurePastAndSafeNow, ...rest } = c.considerations ?? {};
  const disclosure = ('unsafety' in signal ? signal.unsafety : signal.kind) === 'disclosure';
  const k = {
    ...rest,
    ...(suspicion === undefined || suspicion === false ? {} : { suspicion }),
    ...(disclosurePastAndSafeNow === undefined || disclosure ? {} : { disclosurePastAndSafeNow }),
  };
  if ('unsafety' in signal) return { ...c, considerations: { ...k, unsafety: { ...k.unsafety, [signal.unsafety]: true } } };
  // An indicator answered yes contradicts a direct "no" to its form of unsafety: that "no" goes.
  const unsafety = { ...k.unsafety };
  if (unsafety[signal.kind] === false) delete unsafety[signal.kind];
  return { ...c, considerations: { ...k, unsafety, indicators: { ...k.indicators, [signal.indicator]: true } } };
}

/** The invariants {@link checkFramework} runs, in order: the framework's documented examples, then DESIGN §7. */
export const invariants = Object.freeze([
  'examples',
  'no-crash',
  'norm-1',
  'always-report',
  'no-suspicion',
  'unknown-is-never-no',
  'monotonic-danger',
  'deterministic',
  'trail-cites',
] as const);
/** The name of an invariant of DESIGN §7. */
export type Invariant = (typeof invariants)[number];

/** Options for {@link checkFramework}. */
export interface CheckOptions {
  /** Cases per invariant (default 100). */
  numRuns?: number;
  /** fast-check seed, to replay a run. */
  seed?: number;
  /** Run only these invariants. */
  only?: readonly Invariant[];
}

/** The result of {@link checkFramework}: all invariants hold, or the first one that does not, with its shrunk counterexample. */
export type FrameworkCheck =
  | { ok: true; framework: string; invariants: Invariant[]; numRuns: number }
  | {
      ok: false;
      framework: string;
      /** The invariant that failed. */
      invariant: Invariant;
      /** The case (and any extra generated value) that breaks it: shrunk by fast-check, then every answer it does not need removed. */
      counterexample: unknown[];
      /** What went wrong on the counterexample. */
      error: string;
      /** Replay with `{ seed, path }` in fast-check. */
      seed: number;
      path: string | undefined;
    };

const DATE = '2026-11-23';
const isReport = (d: Decision) => d.outcome === 'report' || d.outcome === 'report-and-help';

class Broken extends Error {}
const expect = (holds: boolean, message: string) => {
  if (!holds) throw new Broken(message);
};

/** Dotted paths of every answered leaf. */
function answeredPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) => answeredPaths(v, prefix ? `${prefix}.${k}` : k));
}
function withoutAnswer<T>(value: T, path: string): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[keys[keys.length - 1]!];
  return copy as T;
}
/**
 * The same data with every object's keys in reverse order: key order must never matter.
 *
 * @example
 * ```ts
 * reversedKeys({ a: 1, b: { c: 2, d: 3 } }); // { b: { d: 3, c: 2 }, a: 1 }
 * ```
 */
export function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
}

/** An invariant as data: what to generate and what must hold; the first argument is always the case. */
interface Check {
  arbitraries: fc.Arbitrary<unknown>[];
  check: (...args: never[]) => void;
}

function checks(framework: Framework, run = (c: unknown): Decision => evaluate(c as CaseInput, { framework, evaluationDate: DATE })): Record<Exclude<Invariant, 'examples'>, Check> {
  const unsafetyCodes = new Set(unsafetyIndicatorKinds(framework).keys());
  const cases = caseArbitrary(framework);
  const danger = unsafetyArbitrary(framework);
  const withSuspicion = (c: CaseInput): CaseInput => ({ ...c, considerations: { ...c.considerations, suspicion: true } });
  const checks: Record<Exclude<Invariant, 'examples'>, { arbitraries: fc.Arbitrary<unknown>[]; check: (...args: any[]) => void }> = {
    'no-crash': {
      arbitraries: [cases],
      check: (c: CaseInput) => {
        run(c);
      },
    },
    'norm-1': {
      arbitraries: [cases, danger],
      check: (c: CaseInput, signal: UnsafetySignal) => {
        const d = run(withSignal(withSuspicion(c), signal));
        expect(isReport(d) && d.report.norms.includes(1), `suspicion with acute or structural unsafety gave ${d.outcome} (norms ${d.report.norms.join(',') || 'none'}), not a report under norm 1`);
      },
    },
    'always-report': {
      arbitraries: [cases, danger, fc.constantFrom('pregnant', 'caresForMinor')],
      check: (c: CaseInput, signal: UnsafetySignal, who: string) => {
        const d = run(withSignal(withSuspicion({ ...c, client: { ...c.client, [who]: true } }), signal));
        expect(isReport(d), `a ${who} client with acute or structural unsafety gave ${d.outcome}, not a report`);
      },
    },
    'no-suspicion': {
      arbitraries: [cases],
      check: (c: CaseInput) => {
        // Without the signs of unsafety that "no suspicion" would contradict (an input error):
        // these include a parent factor of a client who cares for minors or is pregnant (ruling C).
        const { unsafety: _u, indicators, ...rest } = c.considerations ?? {};
        const kept = Object.fromEntries(Object.entries(indicators ?? {}).filter(([code, yes]) => !yes || !unsafetyCodes.has(code)));
        const d = run({ ...c, client: { ...c.client, caresForMinor: false, pregnant: false }, considerations: { ...rest, indicators: kept, suspicion: false } });
        expect(d.outcome === 'close-and-record' && d.report.necessary === false, `no suspicion gave ${d.outcome}, not close-and-record`);
      },
    },
    'unknown-is-never-no': {
      arbitraries: [cases],
      check: (c: CaseInput) => {
        const d = run(c);
        if (d.report.necessary !== true) return;
        for (const path of answeredPaths(c)) {
          const without = run(withoutAnswer(c, path));
          // Or help offered while afweging 5 waits for the agreed term: 001 afweging 4 "Ja: Hulp bieden
          // of organiseren, ga verder met afweging 5" (report.necessary stays open, issue 14 finding 1).
          const helpPending = without.outcome === 'help' && without.help.stage === 'offer' && without.report.necessary === null;
          expect(
            without.report.necessary !== false && (isReport(without) || without.outcome === 'needs-input' || helpPending),
            `removing the answer ${path} turned ${d.outcome} into ${without.outcome}: an unknown answer was read as no`,
          );
        }
      },
    },
    'monotonic-danger': {
      arbitraries: [cases, danger],
      check: (c: CaseInput, signal: UnsafetySignal) => {
        const before = run(c);
        if (!isReport(before)) return;
        const after = run(withSignal(c, signal));
        expect(isReport(after), `adding acute or structural unsafety turned ${before.outcome} into ${after.outcome}`);
      },
    },
    deterministic: {
      arbitraries: [cases],
      check: (c: CaseInput) => {
        const a = run(c);
        const b = run(reversedKeys(c));
        expect(JSON.stringify(a) === JSON.stringify(b), 'the same case in another key order gave another decision or trail');
      },
    },
    'trail-cites': {
      arbitraries: [cases],
      check: (c: CaseInput) => {
        const d = run(c);
        expect(d.trail.length > 0, `decision ${d.outcome} has an empty trail`);
        for (const e of d.trail) expect(Boolean(e.source.document && e.source.section), `trail entry ${e.ruleId} cites no source`);
      },
    },
  };
  return checks as Record<Exclude<Invariant, 'examples'>, Check>;
}

/** Whether the check fails on these arguments, and with which message. */
function failure(check: Check, args: unknown[]): string | undefined {
  try {
    (check.check as (...a: unknown[]) => void)(...args);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * fast-check shrinks within what it generated; unknown answers shrink further by removing them.
 * Drops every answer (and then every emptied object) the failure does not need.
 */
function withoutNeedlessAnswers(check: Check, args: unknown[]): { args: unknown[]; error: string } | undefined {
  let error = failure(check, args);
  if (error === undefined) return undefined;
  let current = args[0];
  for (const path of answeredPaths(current)) {
    const candidate = pruneEmpty(withoutAnswer(current, path));
    const message = failure(check, [candidate, ...args.slice(1)]);
    if (message !== undefined) {
      current = candidate;
      error = message;
    }
  }
  return { args: [current, ...args.slice(1)], error };
}


/**
 * Runs the legal-floor invariants of DESIGN §7 against a framework with generated cases and
 * returns the first one that fails, with its counterexample shrunk; `{ ok: true }` when none
 * fails. A framework that does not validate throws {@link MeldcodeFrameworkError}.
 *
 * @example
 * ```ts
 * import { checkFramework } from 'meldcode/testing';
 * it('keeps the legal floor', () => {
 *   expect(checkFramework(myFramework)).toMatchObject({ ok: true });
 * });
 * ```
 */
export function checkFramework(
  framework: FrameworkRef,
  options: CheckOptions = {},
): FrameworkCheck {
  const fw = resolve(framework);
  const numRuns = options.numRuns ?? 100;
  const chosen = invariants.filter((i) => !options.only || options.only.includes(i));
  const all = checks(fw);
  if (chosen.includes('examples')) {
    // The documented examples are golden cases: each must reach the outcome it documents.
    for (const example of fw.examples ?? []) {
      const d = evaluate(example.case as CaseInput, { framework: fw, evaluationDate: DATE });
      const got = { outcome: d.outcome, necessary: d.report.necessary, norms: d.report.norms };
      if (JSON.stringify(got) !== JSON.stringify(example.expect)) {
        return {
          ok: false,
          framework: fw.id,
          invariant: 'examples',
          counterexample: [example.case],
          error: `example ${example.id} documents ${JSON.stringify(example.expect)} but gives ${JSON.stringify(got)}`,
          seed: 0,
          path: undefined,
        };
      }
    }
  }
  for (const invariant of chosen) {
    if (invariant === 'examples') continue;
    const check = all[invariant as Exclude<Invariant, 'examples'>];
    const property = fc.property(...(check.arbitraries as [fc.Arbitrary<unknown>]), check.check as (...a: unknown[]) => void);
    const details = fc.check(property, { numRuns, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
    if (details.failed) {
      const shrunk = (details.counterexample ?? []) as unknown[];
      const smaller = withoutNeedlessAnswers(check, shrunk);
      const error = details.errorInstance;
      return {
        ok: false,
        framework: fw.id,
        invariant,
        counterexample: smaller?.args ?? shrunk,
        error: smaller?.error ?? (error instanceof Error ? error.message : String(error)),
        seed: details.seed,
        path: details.counterexamplePath ?? undefined,
      };
    }
  }
  return { ok: true, framework: fw.id, invariants: [...chosen], numRuns };
}

/**
 * Like {@link checkFramework}, but throws an Error that shows the failed invariant and its
 * shrunk counterexample, for a one-line test.
 *
 * @example
 * ```ts
 * it('keeps the legal floor', () => assertFramework(myFramework));
 * ```
 */
export function assertFramework(framework: FrameworkRef, options?: CheckOptions): void {
  const result = checkFramework(framework, options);
  if (!result.ok) {
    throw new Error(
      `Framework "${result.framework}" breaks invariant ${result.invariant}: ${result.error}\n` +
        `Counterexample (shrunk): ${JSON.stringify(result.counterexample)}\n` +
        `Replay: { seed: ${result.seed}, path: ${JSON.stringify(result.path)} }`,
    );
  }
}

export { MeldcodeFrameworkError };

/**
 * The invariant checks {@link checkFramework} runs, as data (what to generate, what must hold), to
 * run them with another evaluator: the mutation analysis runs them on a mutant's pipeline.
 *
 * @example
 * ```ts
 * const checks = invariantChecks(getFramework('basismodel'));
 * fc.assert(fc.property(...checks['norm-1'].arbitraries, checks['norm-1'].check));
 * ```
 */
export const invariantChecks: typeof checks = checks;

export { evaluateReference, evaluateWithReference } from './reference.js';
export { checkAgainstReference } from './differential.js';
export type { ReferenceCheck, ReferenceCheckOptions } from './differential.js';
export { decisionView, diffFrameworks } from './diff.js';
export type { DecisionChange, DecisionView, DiffOptions, DiffTrailLine, FrameworkDiff, FrameworkDifference } from './diff.js';
export { listMutants, mutateFramework, mutationKinds } from './mutate.js';
export type { GoldenCase, Mutant, MutantResult, MutateOptions, MutationKind, MutationReport, MutationTarget } from './mutate.js';
