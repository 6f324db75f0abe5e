// The reference semantics: the same rule files run on json-rules-engine 7.3 (async). The library
// evaluates the compiled form (`compile.ts`); this path exists so that tests can prove, case by
// case, that both give the same trail. Only `meldcode/testing` reaches it, so json-rules-engine
// stays out of the core bundle.
import { Engine, type RuleResult } from 'json-rules-engine';
import { anyTrue, type CompiledRules, propertyPath, type RunRulesOptions } from './compile.js';
import type { BaseEffect, Condition } from './schema.js';
import { type Lang, type TrailEntry, type TrailFact, trailFact } from './trail.js';

const engines = new WeakMap<CompiledRules<BaseEffect>, Engine>();

/** The json-rules-engine for a compiled rule set, built once from its rule files. */
function engineFor<E extends BaseEffect>(compiled: CompiledRules<E>): Engine {
  let engine = engines.get(compiled as CompiledRules<BaseEffect>);
  if (engine) return engine;
  engine = new Engine([], { allowUndefinedFacts: true, pathResolver: propertyPath });
  engine.addOperator('known', (factValue: unknown, expected: unknown) => (factValue !== undefined) === expected);
  engine.addOperator('anyTrue', (factValue: unknown, keys: unknown) => anyTrue(factValue, keys));
  const named = new Map<string, Condition>();
  for (const file of compiled.files) for (const [name, c] of Object.entries(file.conditions ?? {})) named.set(name, c);
  for (const file of compiled.files) {
    for (const rule of file.rules) {
      engine.addRule({
        name: rule.id,
        priority: rule.priority ?? 1,
        // Named conditions are inlined, as the trail lists every test a rule holds (also those a
        // skipped priority set leaves unevaluated); json-rules-engine clones what it is given.
        conditions: structuredClone(inlineConditions(rule.conditions, named)) as never,
        event: structuredClone(rule.event),
      });
    }
  }
  engines.set(compiled as CompiledRules<BaseEffect>, engine);
  return engine;
}

function inlineConditions(condition: Condition, named: ReadonlyMap<string, Condition>): Condition {
  if ('condition' in condition) return inlineConditions(named.get(condition.condition) as Condition, named);
  if ('all' in condition) return { all: condition.all.map((c) => inlineConditions(c, named)) };
  if ('any' in condition) return { any: condition.any.map((c) => inlineConditions(c, named)) };
  if ('not' in condition) return { not: inlineConditions(condition.not, named) };
  return condition;
}

interface ConditionNode {
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
}

/** The evaluated tree's fact tests, depth first; a repeated test keeps its first place and its first evaluation. */
function collectFacts(node: ConditionNode | undefined, out: Map<string, TrailFact>): void {
  if (!node) return;
  if (node.fact !== undefined) {
    const fact = node.path ? `${node.fact}.${node.path}` : node.fact;
    const key = `${fact}|${node.operator}|${JSON.stringify(node.value)}`;
    const evaluated = typeof node.result === 'boolean';
    const previous = out.get(key);
    if (previous && (previous.result !== 'not-evaluated' || !evaluated)) return;
    out.set(key, trailFact(fact, node.operator ?? '', node.value, node.factResult, evaluated ? (node.result as boolean) : 'not-evaluated'));
    return;
  }
  for (const child of node.all ?? []) collectFacts(child, out);
  for (const child of node.any ?? []) collectFacts(child, out);
  collectFacts(node.not, out);
}

/**
 * Runs the rules on json-rules-engine and returns the trail as {@link runRules} does: the rules
 * that held and every floor rule (unless `unheld: false`), ordered by priority and then rule-file order.
 */
export async function runRulesReference<E extends BaseEffect>(
  compiled: CompiledRules<E>,
  facts: Readonly<Record<string, unknown>>,
  lang: Lang,
  options?: RunRulesOptions,
): Promise<TrailEntry<E>[]> {
  const unheld = options?.unheld !== false;
  const { results, failureResults } = await engineFor(compiled).run({ ...facts });
  const entries: TrailEntry<E>[] = [];
  const byName = new Map<string, RuleResult>([...results, ...failureResults].map((r) => [String(r.name), r]));
  for (const { rule } of compiled.runnables) {
    const result = byName.get(rule.id);
    if (!result) throw new Error(`json-rules-engine returned no result for rule "${rule.id}"`);
    const outcome = result.result === true;
    if (!outcome && !(unheld && rule.floor)) continue;
    const facts = new Map<string, TrailFact>();
    collectFacts(result.conditions as unknown as ConditionNode, facts);
    entries.push({
      ruleId: rule.id,
      module: rule.module,
      outcome,
      floor: rule.floor === true,
      effect: rule.event,
      facts: [...facts.values()],
      explanation: rule.explanation[lang],
      source: rule.source,
    });
  }
  return entries;
}
