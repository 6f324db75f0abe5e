// The framework diff: where do two frameworks give a different decision for the same case? Cases
// come from the kit's generators (every module); each difference fast-check finds is shrunk, then
// every answer it does not need is removed, so the case that remains shows just that difference.
import fc from 'fast-check';
import type { CaseInput } from '../case/schema.js';
import { evaluate } from '../decision/evaluate.js';
import type { Decision } from '../decision/types.js';
import { MeldcodeInputError } from '../errors/errors.js';
import { type Framework, type FrameworkInput, indicatorCodes, parseFramework } from '../frameworks/framework.js';
import { getFramework, hasFramework } from '../frameworks/registry.js';
import { fullCaseArbitrary, KIT_EVALUATION_DATE, withoutContradictions } from './index.js';
import { pruneEmpty } from './answers.js';
import type { FrameworkRef } from '../authoring/ids.js';

/**
 * What a decision is compared on, aspect by aspect: the afwegingskader's norm, the help, scope,
 * steps, kindcheck, the conversation plan, and the ids of the actions and next questions. Texts,
 * the receipt and the trail are not compared (two frameworks word things their own way); the
 * trail is shown beside each difference.
 */
export type DecisionView = Record<string, unknown>;

/** The aspects whose values are lists of ids, compared item by item (an action only one framework asks). */
const setAspects = new Set(['steps.open', 'steps.skipped', 'actions', 'nextQuestions']);
/** The aspects where each pair of values is a difference of its own (another outcome is another finding). */
const valuedAspects = new Set(['outcome', 'report.necessary', 'report.norms']);

/**
 * A decision reduced to what two frameworks, or a golden case, can be compared on.
 *
 * @example
 * ```ts
 * decisionView(evaluate({ considerations: { suspicion: false } })).outcome; // 'close-and-record'
 * ```
 */
export function decisionView(d: Decision): DecisionView {
  const c = d.conversation;
  return {
    outcome: d.outcome,
    'report.necessary': d.report.necessary,
    'report.norms': d.report.norms,
    'report.considerations': d.report.considerations,
    'report.objection': d.report.objection?.effect ?? null,
    'help.possible': d.help.possible,
    'help.stage': d.help.stage,
    'help.togetherWithVeiligThuis': d.help.togetherWithVeiligThuis,
    'scope.status': d.scope.status,
    'scope.route': d.scope.route,
    'steps.open': d.steps?.open ?? null,
    'steps.skipped': d.steps?.skipped ?? null,
    'steps.mayDecideStep5': d.steps?.mayDecideStep5 ?? null,
    'kindcheck.status': d.kindcheck?.status ?? null,
    'conversation.mode': c?.mode ?? null,
    'conversation.with': c ? c.conversationWith.map((p) => `${p.party}:${p.basis}`) : null,
    'conversation.consentFrom': c?.consentFrom ?? null,
    'conversation.alwaysReport': c?.alwaysReport ?? null,
    'conversation.objection': c ? c.objection.status : null,
    'conversation.skip': c?.skip ?? null,
    actions: d.actions.map((a) => a.id),
    nextQuestions: d.nextQuestions.map((q) => q.id),
  };
}

/** One way two decisions differ. */
export interface DecisionChange {
  /** Names the aspect (for the outcome and the report's necessity and norms, with both values, e.g. `outcome: "help" / "report"`), or the item only one side has (`steps.open: 2 only in b`). */
  key: string;
  /** The aspect of the decision that differs (see {@link decisionView}). */
  aspect: string;
  /** The aspect's value under a and under b; for a list aspect the item, and `null` on the side that lacks it. */
  a: unknown;
  b: unknown;
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** Every way the two views differ, in aspect order. */
export function viewChanges(a: DecisionView, b: DecisionView): DecisionChange[] {
  const changes: DecisionChange[] = [];
  for (const aspect of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[aspect];
    const y = b[aspect];
    if (setAspects.has(aspect) && Array.isArray(x) && Array.isArray(y)) {
      for (const id of x) if (!y.includes(id)) changes.push({ key: `${aspect}: ${id} only in a`, aspect, a: id, b: null });
      for (const id of y) if (!x.includes(id)) changes.push({ key: `${aspect}: ${id} only in b`, aspect, a: null, b: id });
    } else if (!same(x, y)) {
      // The norm itself is told apart by its values; for the rest, that the aspect differs is the finding.
      const key = valuedAspects.has(aspect) ? `${aspect}: ${JSON.stringify(x)} / ${JSON.stringify(y)}` : aspect;
      changes.push({ key, aspect, a: x, b: y });
    }
  }
  return changes;
}

/** A trail entry as the diff shows it: the rule and what it concluded. */
export interface DiffTrailLine {
  ruleId: string;
  module: string;
  explanation: string;
}

/** One difference between two frameworks, on the smallest case found that shows it. */
export interface FrameworkDifference {
  /** The change the case was shrunk for (see {@link DecisionChange.key}). */
  key: string;
  /** Every change on that case, the shrunk-for one included (the others often follow from it). */
  changes: DecisionChange[];
  /** The case: shrunk by fast-check, then every answer the difference does not need removed. */
  case: CaseInput;
  /** Both decisions' outcomes on that case. */
  outcomes: { a: Decision['outcome']; b: Decision['outcome'] };
  /** Both trails (the rules that held, in order), to read side by side. */
  trails: { a: DiffTrailLine[]; b: DiffTrailLine[] };
}

/** The result of {@link diffFrameworks}. */
export interface FrameworkDiff {
  a: string;
  b: string;
  /** No difference found in the cases searched. */
  identical: boolean;
  differences: FrameworkDifference[];
  /** Indicator codes only one of the two frameworks knows: the search leaves them out (the other would reject them). */
  vocabulary: { onlyInA: string[]; onlyInB: string[] };
  /** Cases evaluated in the search rounds (shrinking not counted). */
  cases: number;
  /** The fast-check seed, to replay the search. */
  seed: number;
  /** `true` when the search stopped at `maxDifferences`: there may be more. */
  truncated: boolean;
}

/** Options for {@link diffFrameworks}. */
export interface DiffOptions {
  /** Generated cases per search round (default 200). A round ends at the first new difference. */
  numRuns?: number;
  /** fast-check seed (default a fixed one, so a run is reproducible). */
  seed?: number;
  /** Stop after this many differences (default 20). */
  maxDifferences?: number;
}

const resolve = (framework: FrameworkRef): Framework => {
  if (typeof framework !== 'string') return parseFramework(framework);
  if (!hasFramework(framework)) getFramework(framework); // throws the typed unknown-framework error
  return getFramework(framework);
};

/** Dotted paths of every answered leaf (an array counts as one answer). */
function answeredPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) => answeredPaths(v, prefix ? `${prefix}.${k}` : k));
}


/** A copy without the answer at `path`, and without the objects that leaves empty. */
function withoutAnswer<T>(value: T, path: string): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  const parents: Record<string, unknown>[] = [];
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    parents.push(node);
    node = node[key] as Record<string, unknown>;
    if (node === null || typeof node !== 'object') return copy as T;
  }
  delete node[keys[keys.length - 1]!];
  for (let i = parents.length - 1; i >= 0; i--) {
    const child = parents[i]![keys[i]!] as Record<string, unknown>;
    if (Object.keys(child).length === 0) delete parents[i]![keys[i]!];
  }
  return copy as T;
}

/**
 * The decisions of two evaluators on the same generated cases, searched for differences: the
 * engine of {@link diffFrameworks}, and of the mutation analysis (a framework against its mutant).
 * `run` returns `undefined` where a side rejects the case (such cases are skipped).
 */
export function searchDifferences(
  cases: fc.Arbitrary<CaseInput>,
  run: (c: CaseInput) => { a: Decision; b: Decision } | undefined,
  options: DiffOptions = {},
  view: (d: Decision) => DecisionView = decisionView,
): { differences: FrameworkDifference[]; cases: number; seed: number; truncated: boolean } {
  const numRuns = options.numRuns ?? 200;
  const seed = options.seed ?? 20261201;
  const max = options.maxDifferences ?? 20;
  const known = new Set<string>();
  const differences: FrameworkDifference[] = [];
  const changesOf = (c: CaseInput): DecisionChange[] => {
    const both = run(c);
    return both ? viewChanges(view(both.a), view(both.b)) : [];
  };
  let evaluated = 0;
  while (differences.length < max) {
    // Each round: the first case with a difference not yet reported, shrunk while it still has one.
    const property = fc.property(cases, (c) => {
      evaluated++;
      return changesOf(c).every((ch) => known.has(ch.key));
    });
    const details = fc.check(property, { numRuns, seed });
    if (!details.failed || !details.counterexample) break;
    const shrunk = pruneEmpty((details.counterexample as [CaseInput])[0]);
    const target = changesOf(shrunk).find((ch) => !known.has(ch.key));
    if (!target) break; // a failure that is not a difference (an exception): nothing to report
    // fast-check shrinks within what it generated; unknown answers shrink further by removing them.
    let minimal = shrunk;
    for (const path of answeredPaths(shrunk)) {
      const candidate = withoutAnswer(minimal, path);
      if (changesOf(candidate).some((ch) => ch.key === target.key)) minimal = candidate;
    }
    const both = run(minimal)!;
    // What else differs on this case follows from the same cause: not searched for again.
    const changes = viewChanges(view(both.a), view(both.b));
    for (const ch of changes) known.add(ch.key);
    const trail = (d: Decision): DiffTrailLine[] => d.trail.filter((e) => e.outcome).map((e) => ({ ruleId: e.ruleId, module: e.module, explanation: e.explanation }));
    differences.push({
      key: target.key,
      changes,
      case: minimal,
      outcomes: { a: both.a.outcome, b: both.b.outcome },
      trails: { a: trail(both.a), b: trail(both.b) },
    });
  }
  return { differences, cases: evaluated, seed, truncated: differences.length >= max };
}

/**
 * Where two frameworks give a different decision for the same case. Generated cases (every
 * module, any subset of answers unknown; indicators both frameworks know) are evaluated with both;
 * each difference found (see {@link decisionView}) is shrunk to a minimal case and reported with
 * both trails. An organisation that tailors a framework (`extendFramework`) runs it against the
 * framework it started from: only the differences it meant should be listed.
 *
 * @example
 * ```ts
 * import { diffFrameworks } from 'meldcode/testing';
 * const diff = diffFrameworks('basismodel', 'artsen');
 * for (const d of diff.differences) console.log(d.key, JSON.stringify(d.case));
 * ```
 */
export function diffFrameworks(
  a: FrameworkRef,
  b: FrameworkRef,
  options: DiffOptions = {},
): FrameworkDiff {
  const fa = resolve(a);
  const fb = resolve(b);
  const codesA = indicatorCodes(fa);
  const codesB = indicatorCodes(fb);
  const shared = new Set([...codesA].filter((code) => codesB.has(code)));
  // Cases of either framework, kept to the indicators both know, without answers either rejects as contradictions.
  const cases = fc.oneof(fullCaseArbitrary(fa), fullCaseArbitrary(fb)).map((c) => {
    const k = c.considerations;
    const kept = k?.indicators ? { ...c, considerations: { ...k, indicators: Object.fromEntries(Object.entries(k.indicators).filter(([code]) => shared.has(code))) } } : c;
    return withoutContradictions(withoutContradictions(kept, fa), fb);
  });
  const opts = (framework: Framework) => ({ framework, evaluationDate: KIT_EVALUATION_DATE });
  const run = (c: CaseInput) => {
    try {
      return { a: evaluate(c, opts(fa)), b: evaluate(c, opts(fb)) };
    } catch (error) {
      if (error instanceof MeldcodeInputError) return undefined;
      throw error;
    }
  };
  const found = searchDifferences(cases, run, options);
  return {
    a: fa.id,
    b: fb.id,
    identical: found.differences.length === 0,
    differences: found.differences,
    vocabulary: { onlyInA: [...codesA].filter((x) => !codesB.has(x)).sort(), onlyInB: [...codesB].filter((x) => !codesA.has(x)).sort() },
    cases: found.cases,
    seed: found.seed,
    truncated: found.truncated,
  };
}
