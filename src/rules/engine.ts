import { Engine } from 'json-rules-engine';
import type { BaseEffect, Condition, Rule, RuleFile } from './schema.js';

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

/** A set of validated rule files, ready to run: one json-rules-engine per set, reused. */
export interface CompiledRules<E extends BaseEffect = BaseEffect> {
  readonly engine: Engine;
  /** Every rule by id, for the trail. */
  readonly rules: ReadonlyMap<string, Rule<E> & { order: number; module: string }>;
}

/**
 * Builds one engine for the given rule files. Rule ids and condition names must be unique
 * across the files; a duplicate is a programming error in a rule file and throws.
 */
export function compileRules<E extends BaseEffect>(files: readonly RuleFile<E>[]): CompiledRules<E> {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: propertyPath,
  });
  // `known`: true when the fact has been answered. Unknown is never "no", so rules ask it outright.
  engine.addOperator('known', (factValue: unknown, expected: unknown) => (factValue !== undefined) === expected);
  // `anyTrue`: the fact is an object in which one of the listed keys is answered `true`. One leaf
  // for a whole indicator list keeps json-rules-engine from cloning a leaf per indicator per rule.
  engine.addOperator('anyTrue', (factValue: unknown, keys: unknown) => anyTrue(factValue, keys));

  const rules = new Map<string, Rule<E> & { order: number; module: string }>();
  const named = new Map<string, Condition>();
  for (const file of files) {
    for (const [name, condition] of Object.entries(file.conditions ?? {})) {
      if (named.has(name)) throw new Error(`Duplicate condition name "${name}" in rule file "${file.id}"`);
      named.set(name, condition);
    }
  }
  let order = 0;
  for (const file of files) {
    for (const rule of file.rules) {
      if (rules.has(rule.id)) throw new Error(`Duplicate rule id "${rule.id}" in rule file "${file.id}"`);
      rules.set(rule.id, { ...rule, order: order++, module: file.id });
      engine.addRule({
        name: rule.id,
        priority: rule.priority ?? 1,
        // Named conditions are inlined once here: json-rules-engine would otherwise deep-clone
        // every referenced tree each time a rule is evaluated.
        conditions: inlineConditions(rule.conditions, named, [rule.id]) as never,
        event: rule.event,
      });
    }
  }
  return { engine, rules };
}

/**
 * Replaces `{ "condition": name }` references by the named condition, recursively. A missing
 * name or a cycle is an error in the rule files and throws, naming the chain.
 */
export function inlineConditions(condition: Condition, named: ReadonlyMap<string, Condition>, chain: string[]): Condition {
  if ('condition' in condition) {
    const target = named.get(condition.condition);
    if (!target) throw new Error(`Unknown condition "${condition.condition}" (in ${chain.join(' → ')})`);
    if (chain.includes(condition.condition)) {
      throw new Error(`Condition cycle: ${[...chain, condition.condition].join(' → ')}`);
    }
    return inlineConditions(target, named, [...chain, condition.condition]);
  }
  if ('all' in condition) return { all: condition.all.map((c) => inlineConditions(c, named, chain)) };
  if ('any' in condition) return { any: condition.any.map((c) => inlineConditions(c, named, chain)) };
  if ('not' in condition) return { not: inlineConditions(condition.not, named, chain) };
  return condition;
}

/** Whether `value` is an object with an own key from `keys` set to `true`. */
export function anyTrue(value: unknown, keys: unknown): boolean {
  if (value === null || typeof value !== 'object' || !Array.isArray(keys)) return false;
  return keys.some((key) => typeof key === 'string' && Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] === true);
}

/** Every named condition a condition refers to, directly. */
export function conditionReferences(condition: Condition): string[] {
  if ('condition' in condition) return [condition.condition];
  if ('all' in condition) return condition.all.flatMap(conditionReferences);
  if ('any' in condition) return condition.any.flatMap(conditionReferences);
  if ('not' in condition) return conditionReferences(condition.not);
  return [];
}
