// Mutation analysis of rule files: each mutant is the framework (or the floor, or a module) with
// one small change to its rule JSON. The maintainer's golden cases and the floor invariants run
// against each; a mutant none of them notices is a rule no test pins.
import fc from 'fast-check';
import type { CaseInput } from '../case/schema.js';
import { consentModule } from '../consent/consent.js';
import { type FrameworkResolver, prepareCase } from '../decision/core.js';
import { decide } from '../decision/pipeline.js';
import type { Decision } from '../decision/types.js';
import { MeldcodeInputError } from '../errors/errors.js';
import { type Framework, type FrameworkInput, getFloor, parseFramework, requirementLevels } from '../frameworks/framework.js';
import { getFramework, hasFramework } from '../frameworks/registry.js';
import { kindcheckModule } from '../kindcheck/kindcheck.js';
import { recordsModule } from '../records/records.js';
import { type CompiledRules, compileRules, runRules } from '../rules/compile.js';
import type { BaseEffect, Condition, IndicatorKind, Rule, RuleFile } from '../rules/schema.js';
import { scopeModule } from '../scope/scope.js';
import { stepsModule } from '../steps/steps.js';
import { decisionView, searchDifferences } from './diff.js';
import { fullCaseArbitrary, invariantChecks, invariants, KIT_EVALUATION_DATE } from './index.js';
import type { FrameworkRef } from '../authoring/ids.js';

/**
 * The kinds of change a mutant makes.
 *
 * @example
 * ```ts
 * mutationKinds.includes('swap-operator'); // true: equal ↔ notEqual, in ↔ notIn, lessThan ↔ lessThanInclusive, …
 * ```
 */
export const mutationKinds = Object.freeze([
  'drop-rule',
  'drop-condition',
  'drop-negation',
  'flip-value',
  'swap-operator',
  'swap-all-any',
  'change-priority',
  'change-norm',
  'change-indicator-kind',
  'change-requirement-level',
] as const);
/** A kind of change (see {@link mutationKinds}). */
export type MutationKind = (typeof mutationKinds)[number];

/** Where a mutant's change is made. */
export type MutationTarget = 'framework' | 'floor' | 'modules';

/** One mutant: what was changed, where. */
export interface Mutant {
  /** Stable id: `<file>/<rule or condition>/<kind>[@<path in the conditions>]`. */
  id: string;
  /** The rule file (`afwegingskader` for the floor, a module's id, or the framework's), or `framework` for its indicators and steps. */
  file: string;
  /** The rule (or indicator, requirement, named condition) changed. */
  ruleId: string;
  kind: MutationKind;
  /** The change, in words. */
  change: string;
}

/** A golden case: a case and what the maintainer expects of its decision. */
export interface GoldenCase {
  id: string;
  case: CaseInput;
  /** Default: the kit's evaluation date ({@link KIT_EVALUATION_DATE}). */
  evaluationDate?: string;
  /**
   * The expected values, by the names of `decisionView` (`outcome`, `report.norms`, `actions`, …);
   * `trail` is the ids of the rules that held, in order, and `trail.<module>` those of one rule
   * file (e.g. `trail.consent`); `action:<id>` the text of that action (absent when it is not
   * given); `inputErrors` the `<path> <code>` of each
   * issue, for a case that must be refused. Each one given must match exactly.
   */
  expect: Record<string, unknown>;
}

/** What happened to one mutant. */
export interface MutantResult {
  mutant: Mutant;
  /** `killed` by a golden case or an invariant, `refused` by the framework check (schema or floor), `survived`, or `equivalent` (listed, with its reason). */
  status: 'killed' | 'refused' | 'survived' | 'equivalent';
  /** The golden case (`golden:<id>`) or invariant (`invariant:<name>`) that noticed, or the reason of an equivalent mutant. */
  by?: string;
  /** A survivor: the smallest case found that tells it apart, as a golden case pinning the unmutated value (option `suggest`). */
  suggestion?: GoldenCase;
}

/** Options for {@link mutateFramework}. */
export interface MutateOptions {
  /** Golden cases beyond the framework's own examples (which always count). */
  golden?: readonly GoldenCase[];
  /** What to mutate (default: the framework's own rules, indicators and step requirements). */
  targets?: readonly MutationTarget[];
  /** Run the floor invariants of `checkFramework` against each mutant (default true). */
  invariants?: boolean;
  /** Cases per invariant per mutant (default 25). */
  numRuns?: number;
  /** fast-check seed for the invariants and the sample (default a fixed one). */
  seed?: number;
  /** Analyse only the mutants with these ids (see {@link listMutants}). */
  only?: readonly string[];
  /** Analyse a seeded sample of this many mutants instead of all. */
  sample?: number;
  /**
   * For each survivor, search this many generated cases for one that tells it apart, and return
   * it as a golden case to add (`suggestion`; default 0: no search). A survivor without one may
   * be an equivalent mutant.
   */
  suggest?: number;
  /** Mutants known to be equivalent (no behaviour could tell them apart), by id, with the reason. */
  equivalent?: readonly { id: string; reason: string }[];
}

/** The result of {@link mutateFramework}. */
export interface MutationReport {
  framework: string;
  targets: MutationTarget[];
  /** Mutants analysed. */
  total: number;
  killed: number;
  refused: number;
  survived: number;
  equivalent: number;
  /** (killed + refused) / (total − equivalent); 1 when every mutant that could be told apart was. */
  score: number;
  /** The survivors, in mutant order. */
  survivors: MutantResult[];
  results: MutantResult[];
  seed: number;
  numRuns: number;
}

// ————— mutants —————

type Edit = { path: string; kind: MutationKind; change: string; apply: (c: Condition) => Condition };

const leafText = (c: Condition): string => ('fact' in c ? `${c.fact}${c.path ? `.${c.path}` : ''} ${c.operator} ${JSON.stringify(c.value)}` : 'condition' in c ? `condition ${c.condition}` : 'all' in c ? 'all(…)' : 'any' in c ? 'any(…)' : 'not(…)');

const operatorSwaps: Record<string, string> = {
  equal: 'notEqual',
  notEqual: 'equal',
  in: 'notIn',
  notIn: 'in',
  lessThan: 'lessThanInclusive',
  lessThanInclusive: 'lessThan',
  greaterThan: 'greaterThanInclusive',
  greaterThanInclusive: 'greaterThan',
};

/** Every single change to a condition tree, each as a function that makes it. */
function conditionEdits(root: Condition, path = ''): Edit[] {
  const at = (p: string) => (path ? `${path}.${p}` : p);
  const edits: Edit[] = [];
  const replaceWith = (make: (c: Condition) => Condition): ((c: Condition) => Condition) => make;
  if ('fact' in root) {
    if (typeof root.value === 'boolean') {
      edits.push({ path, kind: 'flip-value', change: `${leafText(root)} → value ${!root.value}`, apply: replaceWith((c) => ({ ...(c as typeof root), value: !root.value }) as Condition) });
    } else if (typeof root.value === 'number') {
      edits.push({ path, kind: 'flip-value', change: `${leafText(root)} → value ${root.value + 1}`, apply: replaceWith((c) => ({ ...(c as typeof root), value: (root.value as number) + 1 }) as Condition) });
    }
    const swapped = operatorSwaps[root.operator];
    if (swapped) edits.push({ path, kind: 'swap-operator', change: `${leafText(root)} → ${swapped}`, apply: replaceWith((c) => ({ ...(c as typeof root), operator: swapped }) as Condition) });
    return edits;
  }
  if ('condition' in root) return edits;
  if ('not' in root) {
    edits.push({ path, kind: 'drop-negation', change: `not(${leafText(root.not)}) → ${leafText(root.not)}`, apply: () => root.not });
    for (const e of conditionEdits(root.not, at('not'))) edits.push({ ...e, apply: (c) => ({ not: e.apply((c as { not: Condition }).not) }) });
    return edits;
  }
  const op = 'all' in root ? 'all' : 'any';
  const children = 'all' in root ? root.all : root.any;
  const rebuild = (items: Condition[]): Condition => (op === 'all' ? { all: items } : { any: items });
  if (children.length > 1) {
    children.forEach((child, i) =>
      edits.push({ path: at(`${op}.${i}`), kind: 'drop-condition', change: `drop ${leafText(child)} from ${op}`, apply: () => rebuild(children.filter((_, j) => j !== i)) }),
    );
    const other = op === 'all' ? 'any' : 'all';
    edits.push({ path, kind: 'swap-all-any', change: `${op} → ${other}`, apply: () => (other === 'all' ? { all: [...children] } : { any: [...children] }) });
  }
  children.forEach((child, i) => {
    for (const e of conditionEdits(child, at(`${op}.${i}`))) {
      edits.push({ ...e, apply: (c) => rebuild(((c as Record<string, Condition[]>)[op] as Condition[]).map((x, j) => (j === i ? e.apply(x) : x))) });
    }
  });
  return edits;
}

/** A mutant with the way to make it: a changed rule file, or a changed framework document. */
interface Made {
  mutant: Mutant;
  file?: { original: RuleFile<BaseEffect>; mutated: RuleFile<BaseEffect> };
  framework?: unknown;
}

/** Every mutant of one rule file. */
function ruleFileMutants(file: RuleFile<BaseEffect>, wrap: (mutated: RuleFile<BaseEffect>) => Omit<Made, 'mutant'>): Made[] {
  const out: Made[] = [];
  const add = (ruleId: string, kind: MutationKind, change: string, mutated: RuleFile<BaseEffect>, path = '') =>
    out.push({ mutant: { id: `${file.id}/${ruleId}/${kind}${path ? `@${path}` : ''}`, file: file.id, ruleId, kind, change }, ...wrap(mutated) });
  const withRule = (index: number, rule: Rule<BaseEffect> | undefined): RuleFile<BaseEffect> => ({
    ...file,
    rules: rule ? file.rules.map((r, i) => (i === index ? rule : r)) : file.rules.filter((_, i) => i !== index),
  });
  const priorities = [...new Set(file.rules.map((r) => r.priority ?? 1))].sort((a, b) => b - a);
  file.rules.forEach((rule, index) => {
    add(rule.id, 'drop-rule', 'rule removed', withRule(index, undefined));
    for (const e of conditionEdits(rule.conditions)) add(rule.id, e.kind, e.change, withRule(index, { ...rule, conditions: e.apply(rule.conditions) }), e.path);
    // The next lower priority of the file (the lowest moves up): the rule runs, and stands in the trail, elsewhere.
    const own = rule.priority ?? 1;
    const next = priorities[priorities.indexOf(own) + 1] ?? priorities[priorities.indexOf(own) - 1];
    if (next !== undefined) add(rule.id, 'change-priority', `priority ${own} → ${next}`, withRule(index, { ...rule, priority: next }));
    const params = (rule.event as { params?: { norm?: number } }).params;
    if (rule.event.type === 'report' && params?.norm !== undefined) {
      const norm = (params.norm % 3) + 1;
      add(rule.id, 'change-norm', `norm ${params.norm} → ${norm}`, withRule(index, { ...rule, event: { ...rule.event, params: { ...params, norm } } as BaseEffect }));
    }
  });
  for (const [name, condition] of Object.entries(file.conditions ?? {})) {
    for (const e of conditionEdits(condition)) {
      add(`condition:${name}`, e.kind, e.change, { ...file, conditions: { ...file.conditions, [name]: e.apply(condition) } }, e.path);
    }
  }
  return out;
}

// Acute and structural unsafety weigh the same (norm 1), so acute becomes disclosure, which a past disclosure with the victim safe now does not make unsafe.
const otherKind: Record<IndicatorKind, IndicatorKind> = { acute: 'disclosure', structural: 'acute', disclosure: 'acute', 'parent-factor': 'acute' };

/** The mutants of a framework document: its rules, its indicators' kinds, its step requirements' levels. */
function frameworkMutants(framework: Framework): Made[] {
  const doc = (change: (copy: Framework) => void) => {
    const copy = structuredClone(framework) as Framework;
    change(copy);
    return copy;
  };
  const out: Made[] = [];
  if (framework.rules) {
    // Without its last rule a framework has no rule file at all (a file needs one rule).
    const withRules = (mutated: RuleFile<BaseEffect>) => (c: Framework) => {
      if (mutated.rules.length > 0) c.rules = mutated as Framework['rules'];
      else delete c.rules;
    };
    out.push(...ruleFileMutants(framework.rules as RuleFile<BaseEffect>, (mutated) => ({ framework: doc(withRules(mutated)) })));
  }
  framework.indicators.forEach((indicator, i) => {
    const kind = otherKind[indicator.kind];
    out.push({
      mutant: { id: `framework/${indicator.code}/change-indicator-kind`, file: 'framework', ruleId: indicator.code, kind: 'change-indicator-kind', change: `kind ${indicator.kind} → ${kind}` },
      framework: doc((c) => void (c.indicators[i]!.kind = kind)),
    });
  });
  framework.steps?.forEach((step, s) =>
    step.requirements?.forEach((req, r) => {
      const at = requirementLevels.indexOf(req.level);
      const level = requirementLevels[at > 0 ? at - 1 : at + 1]!;
      out.push({
        mutant: { id: `framework/${req.id}@step-${step.step}/change-requirement-level`, file: 'framework', ruleId: req.id, kind: 'change-requirement-level', change: `step ${step.step} level ${req.level} → ${level}` },
        framework: doc((c) => void (c.steps![s]!.requirements![r]!.level = level)),
      });
    }),
  );
  return out;
}

/** The shipped modules whose rule files the analysis can mutate, in pipeline order. */
const modules = [scopeModule, consentModule, kindcheckModule, stepsModule, recordsModule];

function allMutants(framework: Framework, targets: readonly MutationTarget[]): Made[] {
  const out: Made[] = [];
  if (targets.includes('framework')) out.push(...frameworkMutants(framework));
  const swap = (original: RuleFile<BaseEffect>) => (mutated: RuleFile<BaseEffect>) => ({ file: { original, mutated } });
  if (targets.includes('floor')) {
    const floor = getFloor().rules as RuleFile<BaseEffect>;
    out.push(...ruleFileMutants(floor, swap(floor)));
  }
  if (targets.includes('modules')) for (const m of modules) out.push(...ruleFileMutants(m.ruleFile as RuleFile<BaseEffect>, swap(m.ruleFile as RuleFile<BaseEffect>)));
  return out;
}

/**
 * Every mutant of a framework's rule JSON (and, with `targets`, of the floor and the modules),
 * without running them: to see what the analysis would change.
 *
 * @example
 * ```ts
 * listMutants('onderwijs').map((m) => m.id);
 * ```
 */
export function listMutants(framework: FrameworkRef, targets: readonly MutationTarget[] = ['framework']): Mutant[] {
  return allMutants(resolve(framework), targets).map((m) => m.mutant);
}

// ————— running a mutant —————

const resolve = (framework: FrameworkRef): Framework => {
  if (typeof framework !== 'string') return parseFramework(framework);
  if (!hasFramework(framework)) getFramework(framework); // throws the typed unknown-framework error
  return getFramework(framework);
};

/** An evaluator for one framework document, with a rule file swapped for its mutant wherever the pipeline runs it. */
function evaluator(framework: Framework, swap?: { original: RuleFile<BaseEffect>; mutated: RuleFile<BaseEffect> }) {
  const resolver: FrameworkResolver = {
    defaultId: framework.id,
    has: (id) => id === framework.id,
    get: () => framework,
    unknownIssue: (id) => ({ path: ['framework'], code: 'unknown-framework', message: { nl: `onbekend afwegingskader "${id}"`, en: `unknown framework "${id}"` } }),
  };
  const swapped = new Map<CompiledRules<BaseEffect>, CompiledRules<BaseEffect>>();
  const rulesFor = (compiled: CompiledRules<BaseEffect>) => {
    if (!swap) return compiled;
    let found = swapped.get(compiled);
    if (!found) {
      found = compiled.files.includes(swap.original) ? compileRules(compiled.files.map((f) => (f === swap.original ? swap.mutated : f))) : compiled;
      swapped.set(compiled, found);
    }
    return found;
  };
  return (input: unknown, evaluationDate = KIT_EVALUATION_DATE): Decision => {
    const pipeline = decide(prepareCase(input, { framework: framework.id, evaluationDate }, resolver));
    let step = pipeline.next();
    while (!step.done) step = pipeline.next(runRules(rulesFor(step.value.compiled), step.value.facts, step.value.lang, step.value));
    return step.value;
  };
}

/**
 * What a golden case's decision is compared on: the view; `trail`, the ids of the rules that held,
 * in order; and `trail.<module>`, the same for one rule file (`trail.consent`, `trail.steps`, …),
 * so a case can pin one module's order without pinning every other module's.
 */
function observed(d: Decision): Record<string, unknown> {
  const held = d.trail.filter((e) => e.outcome);
  const byModule: Record<string, string[]> = {};
  for (const e of held) (byModule[`trail.${e.module}`] ??= []).push(e.ruleId);
  // Each action's text, as `action:<id>`: a step requirement's level shows only there ("(zo nodig)").
  const texts = Object.fromEntries(d.actions.map((a) => [`action:${a.id}`, a.text]));
  return { ...texts, ...decisionView(d), trail: held.map((e) => e.ruleId), ...byModule };
}
/** The view a suggestion is searched on: a module's trail rather than the whole trail. */
function observedByModule(d: Decision): Record<string, unknown> {
  const { trail: _whole, ...rest } = observed(d);
  return rest;
}

/** The first expectation of the golden case the decision breaks, or undefined. */
function goldenMismatch(golden: GoldenCase, run: (input: unknown, date?: string) => Decision): string | undefined {
  let got: Record<string, unknown>;
  try {
    got = observed(run(golden.case, golden.evaluationDate));
  } catch (error) {
    if (!(error instanceof MeldcodeInputError)) return `throws ${error instanceof Error ? error.message : String(error)}`;
    got = { inputErrors: error.issues.map((i) => `${i.path.join('.')} ${i.code}`) };
  }
  for (const [key, want] of Object.entries(golden.expect)) {
    // A module none of whose rules held has an empty trail.
    const value = Object.hasOwn(got, key) ? got[key] : key.startsWith('trail.') ? [] : undefined;
    if (value === undefined) return `unknown expectation "${key}"`;
    if (JSON.stringify(value) !== JSON.stringify(want)) return `${key}: ${JSON.stringify(value)}, expected ${JSON.stringify(want)}`;
  }
  return undefined;
}

/** The smallest generated case on which the mutant's decision differs, as a golden case with the unmutated value. */
function suggestFor(framework: Framework, original: (input: unknown) => Decision, mutant: (input: unknown) => Decision, id: string, numRuns: number, seed: number): GoldenCase | undefined {
  const both = (c: CaseInput) => {
    try {
      return { a: original(c), b: mutant(c) };
    } catch {
      return undefined; // rejected by either: not a case to pin
    }
  };
  const [found] = searchDifferences(fullCaseArbitrary(framework), both, { numRuns, seed, maxDifferences: 1 }, observedByModule).differences;
  if (!found) return undefined;
  const aspect = found.changes.find((c) => c.key === found.key)!.aspect;
  const value = observed(original(found.case))[aspect] ?? (aspect.startsWith('trail.') ? [] : null);
  return { id: `pin/${id}`, case: found.case, evaluationDate: KIT_EVALUATION_DATE, expect: { [aspect]: value } };
}

/** The framework's own examples as golden cases. */
function exampleGolden(framework: Framework): GoldenCase[] {
  return (framework.examples ?? []).map((e) => ({
    id: `example:${e.id}`,
    case: e.case as CaseInput,
    expect: { outcome: e.expect.outcome, 'report.necessary': e.expect.necessary, 'report.norms': e.expect.norms },
  }));
}

/** The first invariant the evaluator breaks, or undefined. */
function brokenInvariant(framework: Framework, run: (input: unknown) => Decision, names: readonly string[], numRuns: number, seed: number): string | undefined {
  const all = invariantChecks(framework, run) as Record<string, { arbitraries: fc.Arbitrary<unknown>[]; check: (...args: unknown[]) => void }>;
  for (const name of names) {
    const check = all[name]!;
    const property = fc.property(...(check.arbitraries as [fc.Arbitrary<unknown>]), check.check);
    if (fc.check(property, { numRuns, seed, endOnFailure: true }).failed) return name;
  }
  return undefined;
}

/**
 * Mutation analysis of a framework's rule JSON: each mutant drops a rule or a condition, flips a
 * value, swaps `equal`↔`notEqual` or `all`↔`any`, moves a rule to another priority, changes a
 * norm, an indicator's kind or a step requirement's level. The framework's examples, the
 * `golden` cases and the floor invariants run against each; a mutant that none of them tells
 * apart from the framework survives — a rule no test pins. With `targets: ['floor', 'modules']`
 * the same is done to the floor's and the modules' rule files, evaluated with this framework.
 *
 * Every golden case must hold on the unmutated framework, or the analysis throws a
 * {@link MeldcodeInputError} naming it.
 *
 * @example
 * ```ts
 * import { mutateFramework } from 'meldcode/testing';
 * const report = mutateFramework(myFramework, { golden: myGoldenCases });
 * for (const s of report.survivors) console.log(s.mutant.ruleId, s.mutant.change);
 * ```
 */
export function mutateFramework(framework: FrameworkRef, options: MutateOptions = {}): MutationReport {
  const fw = resolve(framework);
  const targets = [...(options.targets ?? ['framework'])];
  const numRuns = options.numRuns ?? 25;
  const seed = options.seed ?? 20261201;
  const golden = [...exampleGolden(fw), ...(options.golden ?? [])];
  const original = evaluator(fw);
  const problems = golden.flatMap((g, i) => {
    const mismatch = goldenMismatch(g, original);
    return mismatch ? [{ path: ['golden', i, g.id], code: 'golden-case-fails' as const, message: { nl: `gouden casus ${g.id} klopt niet met het ongewijzigde afwegingskader: ${mismatch}`, en: `golden case ${g.id} does not hold on the unmutated framework: ${mismatch}` } }] : [];
  });
  if (problems.length > 0) throw new MeldcodeInputError(problems);
  // Only the invariants the unmutated framework keeps can tell a mutant apart.
  const names = options.invariants === false ? [] : invariants.filter((n) => n !== 'examples' && brokenInvariant(fw, original, [n], numRuns, seed) === undefined);
  let made = allMutants(fw, targets);
  if (options.only) {
    const wanted = new Set(options.only);
    made = made.filter((m) => wanted.has(m.mutant.id));
  }
  if (options.sample !== undefined && options.sample < made.length) {
    const picks = fc.sample(fc.shuffledSubarray(made.map((_, i) => i), { minLength: options.sample, maxLength: options.sample }), { numRuns: 1, seed })[0]!;
    made = picks.sort((a, b) => a - b).map((i) => made[i]!);
  }
  const equivalent = new Map((options.equivalent ?? []).map((e) => [e.id, e.reason]));
  const results = made.map(({ mutant, file, framework: doc }): MutantResult => {
    const reason = equivalent.get(mutant.id);
    if (reason !== undefined) return { mutant, status: 'equivalent', by: reason };
    let mutantFramework = fw;
    if (doc !== undefined) {
      try {
        mutantFramework = parseFramework(doc);
      } catch (error) {
        if (error instanceof MeldcodeInputError) return { mutant, status: 'refused', by: error.issues[0]?.code ?? 'invalid' };
        throw error;
      }
    }
    const run = evaluator(mutantFramework, file);
    // The case pinned for this very mutant (a suggestion taken into the golden cases) is tried first.
    const own = golden.find((g) => g.id === `pin/${mutant.id}`);
    for (const g of own ? [own, ...golden.filter((x) => x !== own)] : golden) if (goldenMismatch(g, run) !== undefined) return { mutant, status: 'killed', by: `golden:${g.id}` };
    let broken: string | undefined;
    try {
      broken = brokenInvariant(mutantFramework, run, names, numRuns, seed);
    } catch (error) {
      // A mutant whose rules no longer compile or that throws is told apart too.
      broken = `throws: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (broken) return { mutant, status: 'killed', by: `invariant:${broken}` };
    const suggestion = options.suggest ? suggestFor(fw, original, run, mutant.id, options.suggest, seed) : undefined;
    return suggestion ? { mutant, status: 'survived', suggestion } : { mutant, status: 'survived' };
  });
  const count = (s: MutantResult['status']) => results.filter((r) => r.status === s).length;
  const [killed, refused, survived, eq] = [count('killed'), count('refused'), count('survived'), count('equivalent')];
  const decidable = results.length - eq;
  return {
    framework: fw.id,
    targets,
    total: results.length,
    killed,
    refused,
    survived,
    equivalent: eq,
    score: decidable === 0 ? 1 : (killed + refused) / decidable,
    survivors: results.filter((r) => r.status === 'survived'),
    results,
    seed,
    numRuns,
  };
}
