import type { RuleResult } from 'json-rules-engine';
import type { CompiledRules } from './engine.js';
import type { BaseEffect, Effect, Source } from './schema.js';

/** The language of the texts in a decision. */
export type Lang = 'nl' | 'en';

/** One fact a rule read: which, how it was compared, its value, and the outcome of that test. */
export interface TrailFact {
  /** Dotted path of the fact in the case, e.g. `considerations.suspicion`. */
  fact: string;
  /** The json-rules-engine operator, e.g. `equal` or `known`. */
  operator: string;
  /** The value the rule compared against. */
  expected: unknown;
  /** Whether the case answered this fact. Unknown is never "no". */
  known: boolean;
  /** The value in the case (absent when unknown). */
  value?: unknown;
  /** The test's outcome; `not-evaluated` when json-rules-engine skipped it. */
  result: boolean | 'not-evaluated';
}

/** One rule that took part in a decision. */
export interface TrailEntry<E extends BaseEffect = Effect> {
  /** The rule's stable id: look it up in the rule files by this id. */
  ruleId: string;
  /** The rule file (module) the rule comes from, e.g. `afwegingskader`. */
  module: string;
  /** Whether the rule's conditions held. */
  outcome: boolean;
  /** Whether this is a legal-floor rule. */
  floor: boolean;
  /** What the rule establishes when it holds. */
  effect: E;
  /** The facts the rule read, with their values. */
  facts: TrailFact[];
  /** The rule's explanation in the chosen language. */
  explanation: string;
  /** Where the rule comes from. */
  source: Source;
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

function collectFacts(node: ConditionNode | undefined, out: Map<string, TrailFact>): void {
  if (!node) return;
  if (node.fact !== undefined) {
    const fact = node.path ? `${node.fact}.${node.path}` : node.fact;
    const key = `${fact}|${node.operator}|${JSON.stringify(node.value)}`;
    const evaluated = typeof node.result === 'boolean';
    const previous = out.get(key);
    if (previous && (previous.result !== 'not-evaluated' || !evaluated)) return;
    const entry: TrailFact = {
      fact,
      operator: node.operator ?? '',
      expected: node.value,
      known: evaluated ? node.factResult !== undefined : false,
      result: evaluated ? (node.result as boolean) : 'not-evaluated',
    };
    if (evaluated && node.factResult !== undefined) entry.value = node.factResult;
    out.set(key, entry);
    return;
  }
  for (const child of node.all ?? []) collectFacts(child, out);
  for (const child of node.any ?? []) collectFacts(child, out);
  collectFacts(node.not, out);
}

/**
 * Turns json-rules-engine's results into the trail: the rules that held, and every floor
 * rule whether it held or not (the decision keeps a floor rule that did not hold only where it
 * explains why reporting is not necessary), ordered by priority and then by rule-file order.
 */
export function buildTrail<E extends BaseEffect>(
  compiled: CompiledRules<E>,
  results: readonly RuleResult[],
  failures: readonly RuleResult[],
  lang: Lang,
): TrailEntry<E>[] {
  const entries: { order: number; priority: number; entry: TrailEntry<E> }[] = [];
  for (const result of [...results, ...failures]) {
    const rule = compiled.rules.get(String(result.name));
    if (!rule) continue;
    const outcome = result.result === true;
    if (!outcome && !rule.floor) continue;
    const facts = new Map<string, TrailFact>();
    collectFacts(result.conditions as unknown as ConditionNode, facts);
    entries.push({
      order: rule.order,
      priority: rule.priority ?? 1,
      entry: {
        ruleId: rule.id,
        module: rule.module,
        outcome,
        floor: rule.floor === true,
        effect: rule.event,
        facts: [...facts.values()],
        explanation: rule.explanation[lang],
        source: rule.source,
      },
    });
  }
  entries.sort((a, b) => b.priority - a.priority || a.order - b.order);
  return entries.map((e) => e.entry);
}

/**
 * Runs compiled rules on facts and returns the trail: the one way every module evaluates.
 * Facts are passed as given; callers pass a validated, key-sorted copy of the case.
 */
export async function runRules<E extends BaseEffect>(
  compiled: CompiledRules<E>,
  facts: Record<string, unknown>,
  lang: Lang,
): Promise<TrailEntry<E>[]> {
  const { results, failureResults } = await compiled.engine.run(facts);
  return buildTrail(compiled, results, failureResults, lang);
}
