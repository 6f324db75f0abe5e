// The rule grammar compiled to plain closures: synchronous, no eval / new Function (so it runs
// under a strict Content-Security-Policy), and with json-rules-engine 7.3's semantics exactly —
// rule order, condition priority sets, short-circuiting between sets and never within one, and
// which conditions were not evaluated. `reference.ts` runs the same files on json-rules-engine and
// the differential tests prove both give the same trail.
import { deepFreeze } from './freeze.js';
import type { BaseEffect, Condition, Rule, RuleFile } from './schema.js';
import { type Lang, type TrailEntry, type TrailFact, trailFact } from './trail.js';

/**
 * A plain own-property walk for `path` in conditions. json-rules-engine's default is jsonpath;
 * rule files may come from third parties, so no expression language is evaluated.
 */
export function propertyPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether `value` is an object with an own key from `keys` set to `true`. */
export function anyTrue(value: unknown, keys: unknown): boolean {
  if (value === null || typeof value !== 'object' || !Array.isArray(keys)) return false;
  return keys.some((key) => typeof key === 'string' && Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] === true);
}

// json-rules-engine's number validator, verbatim in meaning: the fact must parse as a float.
const isNumberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';

type Operator = (fact: unknown, expected: unknown) => boolean;

/**
 * The operators: json-rules-engine's defaults (with their fact validators), plus `known` (the fact
 * is answered: unknown is never "no", so rules ask it outright) and `anyTrue` (one leaf for a
 * whole indicator list).
 */
export const operatorImplementations: Readonly<Record<string, Operator>> = Object.freeze({
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
  known: (a, b) => (a !== undefined) === b,
  anyTrue: (a, b) => anyTrue(a, b),
});

/**
 * Per-run state. `leafResults` / `leafValues`: each distinct test of the whole rule set, computed
 * at most once per run (-1 not yet). `results` / `values`: per rule and test, what the trail shows
 * (-1 not evaluated in that rule, 0 false, 1 true).
 */
interface RunState {
  facts: Readonly<Record<string, unknown>>;
  /** Each named condition's outcome, computed once per run (-1 not yet). */
  namedResults: Int8Array;
  leafResults: Int8Array;
  leafValues: unknown[];
  results: Int8Array;
  values: unknown[];
}

type Evaluate = (state: RunState) => boolean;
type Test = (state: RunState) => boolean;
interface Compiled {
  test: Test;
  trace: Evaluate;
}

/** A distinct fact test of a rule, as the trail shows it (tests repeated through named conditions share one slot). */
interface FactTest {
  fact: string;
  operator: string;
  expected: unknown;
}

/** A rule with its place in the rule files and its compiled conditions. */
export interface CompiledRule<E extends BaseEffect = BaseEffect> extends Rule<E> {
  /** Position over all files, for the trail order. */
  readonly order: number;
  /** The rule file (module) it comes from. */
  readonly module: string;
}

/** @internal A compiled rule with its two evaluators and its tests, in trail order. */
export interface Runnable<E extends BaseEffect = BaseEffect> {
  rule: CompiledRule<E>;
  /** The outcome alone, short-circuited: the same boolean as `trace` (a pure function of the facts). */
  test: Test;
  /** The outcome with every test json-rules-engine would evaluate recorded in the state, for the trail. */
  trace: Evaluate;
  /** The rule's distinct fact tests, in order of first appearance (depth first). */
  tests: FactTest[];
  /** The state slot of its first test. */
  base: number;
  /**
   * The leaf (distinct test of the whole set) behind each of `tests`, when no fact test in the
   * rule has a condition priority. json-rules-engine then evaluates every test of the rule, so its
   * trail is each leaf's cached result: no tree walk needed. Absent when priority sets make some
   * tests "not evaluated".
   */
  flat?: Int32Array;
}

/** A set of validated rule files, compiled once and run synchronously. */
export interface CompiledRules<E extends BaseEffect = BaseEffect> {
  /** The rule files as given (deeply frozen): what the json-rules-engine reference runs. */
  readonly files: readonly RuleFile<E>[];
  /** Every rule by id, for the trail. */
  readonly rules: ReadonlyMap<string, CompiledRule<E>>;
  /** @internal Rules in trail order: priority (high first), then rule-file order. */
  readonly runnables: readonly Runnable<E>[];
  /** @internal Number of state slots a run needs. */
  readonly slots: number;
  /** @internal Number of distinct tests over the whole set. */
  readonly leaves: number;
  /** @internal Number of named conditions. */
  readonly named: number;
  /** @internal Each leaf's evaluator (cached per run), by leaf index. */
  readonly leafTests: readonly Test[];
  /** @internal Whether some rule has priority sets, so its trail needs the per-rule slots (`trace`). */
  readonly traced: boolean;
}

/**
 * Compiles rule files into closures. Rule ids and condition names must be unique across the
 * files, every named condition must exist, and none may refer to itself; a violation is an
 * error in the rule files and throws, naming it.
 */
export function compileRules<E extends BaseEffect>(input: readonly RuleFile<E>[]): CompiledRules<E> {
  // A frozen file (every shipped one) cannot change under us; any other is copied, then frozen.
  const files = Object.freeze(input.map((file) => (Object.isFrozen(file) ? file : deepFreeze(structuredClone(file))))) as readonly RuleFile<E>[];
  const named = new Map<string, Condition>();
  for (const file of files) {
    for (const [name, condition] of Object.entries(file.conditions ?? {})) {
      if (named.has(name)) throw new Error(`Duplicate condition name "${name}" in rule file "${file.id}"`);
      named.set(name, condition);
    }
  }
  const namedIndex = new Map([...named.keys()].map((name, i) => [name, i]));
  const rules = new Map<string, CompiledRule<E>>();
  const runnables: Runnable<E>[] = [];
  let order = 0;
  let slots = 0;
  // Distinct tests over the whole set: a test repeated in many rules (through named conditions) is computed once per run.
  const leafIndex = new Map<string, number>();
  const leafTests: Test[] = [];
  const leafFor = (key: string): number => {
    let i = leafIndex.get(key);
    if (i === undefined) leafIndex.set(key, (i = leafIndex.size));
    return i;
  };
  // Each named condition's outcome test, compiled once for every rule without priorities.
  const namedTests = new Map<string, Test>();
  for (const file of files) {
    for (const rule of file.rules) {
      if (rules.has(rule.id)) throw new Error(`Duplicate rule id "${rule.id}" in rule file "${file.id}"`);
      const compiledRule: CompiledRule<E> = Object.freeze({ ...rule, order: order++, module: file.id });
      rules.set(rule.id, compiledRule);
      // Slots are per rule: a test repeated inside one rule (through named conditions) is read once.
      const keys = new Map<string, number>();
      const tests: FactTest[] = [];
      const leaves: number[] = [];
      const base = slots;
      const slotFor = (leaf: Extract<Condition, { fact: string }>): [slot: number, leaf: number] => {
        const fact = leaf.path ? `${leaf.fact}.${leaf.path}` : leaf.fact;
        const key = leafKey(leaf);
        let slot = keys.get(key);
        if (slot === undefined) {
          slot = base + tests.length;
          keys.set(key, slot);
          tests.push({ fact, operator: leaf.operator, expected: leaf.value });
          leaves.push(leafFor(key));
        }
        return [slot, leafFor(key)];
      };
      // First a walk over the rule's tests (named conditions inlined), which also finds unknown
      // and cyclic names and unknown operators in the order compiling meets them. A rule without
      // a condition priority (every shipped one) needs only its outcome and its leaves: its named
      // conditions share one compiled test over the whole set, and no trace is built.
      const found: Extract<Condition, { fact: string }>[] = [];
      scanCondition(rule.conditions, named, [rule.id], found);
      if (found.some((leaf) => leaf.priority)) {
        const { test, trace } = compileCondition(rule.conditions, named, namedIndex, [rule.id], slotFor, leafTests);
        slots = base + tests.length;
        runnables.push({ rule: compiledRule, test, trace, tests, base });
      } else {
        for (const leaf of found) slotFor(leaf);
        slots = base + tests.length;
        const test = compileTest(rule.conditions, named, namedIndex, namedTests, leafFor, leafTests);
        runnables.push({ rule: compiledRule, test, trace: untraced, tests, base, flat: Int32Array.from(leaves) });
      }
    }
  }
  runnables.sort((a, b) => (b.rule.priority ?? 1) - (a.rule.priority ?? 1) || a.rule.order - b.rule.order);
  return { files, rules, runnables, slots, leaves: leafIndex.size, named: namedIndex.size, leafTests, traced: runnables.some((r) => !r.flat) };
}

// A test's identity: fact path, operator and value. Named conditions repeat the same leaf objects
// in many rules, so each object's key is built once (an indicator list's value is long).
const leafKeys = new WeakMap<object, string>();
function leafKey(leaf: Extract<Condition, { fact: string }>): string {
  let key = leafKeys.get(leaf);
  if (key === undefined) {
    const fact = leaf.path ? `${leaf.fact}.${leaf.path}` : leaf.fact;
    leafKeys.set(leaf, (key = `${fact}|${leaf.operator}|${JSON.stringify(leaf.value)}`));
  }
  return key;
}

/** A rule's fact tests in order (depth first, named conditions inlined); throws as compiling would. */
function scanCondition(condition: Condition, named: ReadonlyMap<string, Condition>, chain: readonly string[], out: Extract<Condition, { fact: string }>[]): void {
  if ('condition' in condition) {
    const target = named.get(condition.condition);
    if (!target) throw new Error(`Unknown condition "${condition.condition}" (in ${chain.join(' → ')})`);
    if (chain.includes(condition.condition)) throw new Error(`Condition cycle: ${[...chain, condition.condition].join(' → ')}`);
    scanCondition(target, named, [...chain, condition.condition], out);
  } else if ('all' in condition) for (const child of condition.all) scanCondition(child, named, chain, out);
  else if ('any' in condition) for (const child of condition.any) scanCondition(child, named, chain, out);
  else if ('not' in condition) scanCondition(condition.not, named, chain, out);
  else {
    if (condition.operator !== 'anyTrue' && !operatorImplementations[condition.operator]) throw new Error(`Unknown operator "${condition.operator}"`);
    out.push(condition);
  }
}

/** A named condition's outcome, computed once per run: the same wherever the condition is used. */
function oncePerRun(index: number, inner: Test): Test {
  return (state) => {
    const known = state.namedResults[index] as number;
    if (known !== -1) return known === 1;
    const holds = inner(state);
    state.namedResults[index] = holds ? 1 : 0;
    return holds;
  };
}

/** The trace of a rule that has none: its trail is read from the leaves (`flat`). */
const untraced: Evaluate = () => {
  throw new Error('meldcode: a rule without priorities has no trace; its trail comes from its leaves');
};

/**
 * The outcome of a condition without priorities, short-circuited. Each named condition is
 * compiled once for the whole set (its outcome is computed once per run), each distinct test once
 * (its leaf). Names were checked by {@link scanCondition}.
 */
function compileTest(
  condition: Condition,
  named: ReadonlyMap<string, Condition>,
  namedIndex: ReadonlyMap<string, number>,
  namedTests: Map<string, Test>,
  leafFor: (key: string) => number,
  leafTests: Test[],
): Test {
  const again = (c: Condition) => compileTest(c, named, namedIndex, namedTests, leafFor, leafTests);
  if ('condition' in condition) {
    let shared = namedTests.get(condition.condition);
    if (!shared) {
      const inner = again(named.get(condition.condition) as Condition);
      const index = namedIndex.get(condition.condition) as number;
      shared = oncePerRun(index, inner);
      namedTests.set(condition.condition, shared);
    }
    return shared;
  }
  if ('all' in condition) return shortCircuit(condition.all.map(again), true);
  if ('any' in condition) return shortCircuit(condition.any.map(again), false);
  if ('not' in condition) {
    const inner = again(condition.not);
    return (state) => !inner(state);
  }
  const index = leafFor(leafKey(condition));
  return (leafTests[index] ??= compileLeaf(condition, -1, index).test);
}

function compileCondition(
  condition: Condition,
  named: ReadonlyMap<string, Condition>,
  namedIndex: ReadonlyMap<string, number>,
  chain: readonly string[],
  slotFor: (leaf: Extract<Condition, { fact: string }>) => [slot: number, leaf: number],
  leafTests: Test[],
): Compiled {
  if ('condition' in condition) {
    const target = named.get(condition.condition);
    if (!target) throw new Error(`Unknown condition "${condition.condition}" (in ${chain.join(' → ')})`);
    if (chain.includes(condition.condition)) throw new Error(`Condition cycle: ${[...chain, condition.condition].join(' → ')}`);
    const inner = compileCondition(target, named, namedIndex, [...chain, condition.condition], slotFor, leafTests);
    // A named condition's outcome is the same wherever it is used: computed once per run. Its
    // trace is the rule's own (the trail lists its tests under each rule that uses it).
    const index = namedIndex.get(condition.condition) as number;
    return {
      test: oncePerRun(index, inner.test),
      trace: inner.trace,
    };
  }
  if ('all' in condition) return compileSets(condition.all, true, named, namedIndex, chain, slotFor, leafTests);
  if ('any' in condition) return compileSets(condition.any, false, named, namedIndex, chain, slotFor, leafTests);
  if ('not' in condition) {
    const inner = compileCondition(condition.not, named, namedIndex, chain, slotFor, leafTests);
    return { test: (state) => !inner.test(state), trace: (state) => !inner.trace(state) };
  }
  const [slot, index] = slotFor(condition);
  const compiled = compileLeaf(condition, slot, index);
  // One evaluator per leaf of the set (the first compiled; every copy computes the same test).
  leafTests[index] ??= compiled.test;
  return compiled;
}

function compileLeaf(leaf: Extract<Condition, { fact: string }>, slot: number, index: number): Compiled {
  const { fact, path, value: expected } = leaf;
  const operator = leaf.operator === 'anyTrue' ? anyTrueOf(expected) : operatorImplementations[leaf.operator];
  if (!operator) throw new Error(`Unknown operator "${leaf.operator}"`);
  const segments = path ? path.split('.') : undefined;
  /** The test's outcome, computed once per run. */
  const result = (state: RunState): boolean => {
    const known = state.leafResults[index] as number;
    if (known !== -1) return known === 1;
    const facts = state.facts;
    let value: unknown = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
    // As json-rules-engine: a path is resolved only inside an object; a scalar is read as it is.
    if (segments && value !== null && typeof value === 'object') value = walk(value, segments);
    const holds = operator(value, expected) === true;
    state.leafResults[index] = holds ? 1 : 0;
    state.leafValues[index] = value;
    return holds;
  };
  return {
    test: result,
    trace: (state) => {
      const holds = result(state);
      state.results[slot] = holds ? 1 : 0;
      state.values[slot] = state.leafValues[index];
      return holds;
    },
  };
}

/** `anyTrue` over a fixed key list: the same answer as {@link anyTrue}, looking up the answered keys in a set. */
function anyTrueOf(keys: unknown): Operator {
  if (!Array.isArray(keys)) return () => false;
  const wanted = new Set(keys.filter((k): k is string => typeof k === 'string'));
  return (value) => {
    if (value === null || typeof value !== 'object') return false;
    for (const key of Object.keys(value)) if ((value as Record<string, unknown>)[key] === true && wanted.has(key)) return true;
    return false;
  };
}

function walk(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const key of segments) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * `all` / `any`. Traced as json-rules-engine runs them: the children grouped into priority sets (a
 * fact test's own `priority`, else 1), highest first; every child of a set is evaluated, and the
 * next set only while the outcome is still open, so children of skipped sets stay "not
 * evaluated". The plain test short-circuits child by child: the outcome is the same conjunction
 * or disjunction either way.
 */
function compileSets(
  children: readonly Condition[],
  all: boolean,
  named: ReadonlyMap<string, Condition>,
  namedIndex: ReadonlyMap<string, number>,
  chain: readonly string[],
  slotFor: (leaf: Extract<Condition, { fact: string }>) => [slot: number, leaf: number],
  leafTests: Test[],
): Compiled {
  const bySet = new Map<number, Evaluate[]>();
  const tests: Test[] = [];
  for (const child of children) {
    const priority = 'fact' in child && child.priority ? child.priority : 1;
    const set = bySet.get(priority) ?? [];
    const compiled = compileCondition(child, named, namedIndex, chain, slotFor, leafTests);
    set.push(compiled.trace);
    tests.push(compiled.test);
    bySet.set(priority, set);
  }
  const sets = [...bySet.entries()].sort((a, b) => b[0] - a[0]).map(([, set]) => set);
  const test = shortCircuit(tests, all);
  const only = sets.length === 1 ? (sets[0] as Evaluate[]) : undefined;
  // Without condition priorities (the common case) there is one set: every child is evaluated.
  const trace: Evaluate = only
    ? (state) => {
        let every = true;
        let some = false;
        for (let i = 0; i < only.length; i++) {
          if ((only[i] as Evaluate)(state)) some = true;
          else every = false;
        }
        return all ? every : some;
      }
    : (state) => {
        let outcome = all;
        for (let s = 0; s < sets.length && outcome === all; s++) {
          const set = sets[s] as Evaluate[];
          let every = true;
          let some = false;
          for (let i = 0; i < set.length; i++) {
            if ((set[i] as Evaluate)(state)) some = true;
            else every = false;
          }
          outcome = all ? every : some;
        }
        return outcome;
      };
  return { test, trace };
}

/** What {@link runRules} puts in the trail besides the rules that held. */
export interface RunRulesOptions {
  /** Also the floor rules that did not hold (default `true`): the full trail of the rule files. */
  readonly unheld?: boolean;
}

/**
 * The outcome of `all` / `any` over `tests`, child by child. One, two and three children (most
 * conditions) get their own closures: no loop, and one call less for a single child.
 */
function shortCircuit(tests: readonly Test[], all: boolean): Test {
  const [a, b, c] = tests as [Test, Test, Test];
  switch (tests.length) {
    case 0:
      return () => all;
    case 1:
      return a;
    case 2:
      return all ? (state) => a(state) && b(state) : (state) => a(state) || b(state);
    case 3:
      return all ? (state) => a(state) && b(state) && c(state) : (state) => a(state) || b(state) || c(state);
    default:
      return all
        ? (state) => {
            for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(state)) return false;
            return true;
          }
        : (state) => {
            for (let i = 0; i < tests.length; i++) if ((tests[i] as Test)(state)) return true;
            return false;
          };
  }
}

/**
 * Runs compiled rules on facts and returns the trail: the rules that held, and every floor rule
 * whether it held or not (unless `unheld: false`), ordered by priority and then by rule-file
 * order. Facts are read as given; callers pass a validated, key-sorted copy of the case.
 */
export function runRules<E extends BaseEffect>(
  compiled: CompiledRules<E>,
  facts: Readonly<Record<string, unknown>>,
  lang: Lang,
  options?: RunRulesOptions,
): TrailEntry<E>[] {
  const state = acquireState(compiled, facts);
  try {
    return collectTrail(compiled, state, lang, options?.unheld !== false);
  } finally {
    releaseState(compiled, state);
  }
}

/**
 * @internal The ids of the rules that hold, in trail order, with no trail: the compiled closures
 * alone (the bench compares them with a hand-written function).
 */
export function holdingRuleIds(compiled: CompiledRules<BaseEffect>, facts: Readonly<Record<string, unknown>>): string[] {
  const state = acquireState(compiled, facts);
  try {
    const ids: string[] = [];
    for (const { rule, test } of compiled.runnables) if (test(state)) ids.push(rule.id);
    return ids;
  } finally {
    releaseState(compiled, state);
  }
}

function collectTrail<E extends BaseEffect>(compiled: CompiledRules<E>, state: RunState, lang: Lang, unheld: boolean): TrailEntry<E>[] {
  const trail: TrailEntry<E>[] = [];
  const leafTests = compiled.leafTests;
  for (const { rule, test, trace, tests, base, flat } of compiled.runnables) {
    // Only rules that enter the trail need their tests recorded.
    const holds = test(state);
    if (!holds && !(unheld && rule.floor)) continue;
    const trailFacts: TrailFact[] = new Array(tests.length);
    if (flat) {
      // Every test of the rule is evaluated (one priority set): its result is the leaf's.
      for (let i = 0; i < tests.length; i++) {
        const leaf = flat[i] as number;
        const { fact, operator, expected } = tests[i] as FactTest;
        // First the test (it may not have run: `test` short-circuits), then the value it read.
        const result = (leafTests[leaf] as Test)(state);
        trailFacts[i] = trailFact(fact, operator, expected, state.leafValues[leaf], result);
      }
    } else {
      trace(state);
      for (let i = 0; i < tests.length; i++) {
        const { fact, operator, expected } = tests[i] as FactTest;
        const result = state.results[base + i] as number;
        trailFacts[i] =
          result === -1 ? trailFact(fact, operator, expected, undefined, 'not-evaluated') : trailFact(fact, operator, expected, state.values[base + i], result === 1);
      }
    }
    trail.push({
      ruleId: rule.id,
      module: rule.module,
      outcome: holds,
      floor: rule.floor === true,
      effect: rule.event,
      facts: trailFacts,
      explanation: rule.explanation[lang],
      source: rule.source,
    });
  }
  return trail;
}

// One run state per compiled set, reset and reused: evaluation is synchronous and calls no code
// of the caller's, so a run never overlaps another on the same set (a nested one gets its own).
const idle = new WeakMap<object, RunState>();
function acquireState(compiled: CompiledRules<BaseEffect> | CompiledRules<never>, facts: Readonly<Record<string, unknown>>): RunState {
  const c = compiled as CompiledRules<BaseEffect>;
  const state = idle.get(c);
  if (state) {
    idle.delete(c);
    state.facts = facts;
    state.namedResults.fill(-1);
    state.leafResults.fill(-1);
    if (c.traced) state.results.fill(-1);
    return state;
  }
  return {
    facts,
    namedResults: new Int8Array(c.named).fill(-1),
    leafResults: new Int8Array(c.leaves).fill(-1),
    leafValues: new Array(c.leaves),
    results: new Int8Array(c.slots).fill(-1),
    values: new Array(c.slots),
  };
}
function releaseState(compiled: CompiledRules<BaseEffect> | CompiledRules<never>, state: RunState): void {
  // Drop the references to this run's facts, so a kept state holds no case data.
  state.facts = EMPTY;
  state.leafValues.fill(undefined);
  if ((compiled as CompiledRules<BaseEffect>).traced) state.values.fill(undefined);
  idle.set(compiled, state);
}
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
