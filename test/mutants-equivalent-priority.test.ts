// The proof behind the change-priority mutants listed as equivalent (scripts/equivalent-priority.ts):
// it proves only what holds, fails where two rules can hold together, and every listed mutant is
// proved again here, so a change of the rules that breaks a proof fails this test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neverTogether, proveDropConditionMutant, provePriorityMutant, runsOf } from '../scripts/equivalent-priority.js';
import type { BaseEffect, Condition, Rule } from '../src/rules/schema.js';

const equivalent = JSON.parse(readFileSync(join(process.cwd(), 'test', 'mutants', 'equivalent.json'), 'utf8')) as { id: string; reason: string }[];
const rule = (id: string, conditions: Condition): Rule<BaseEffect> => ({ id, conditions, event: { type: 'x', params: {} } }) as unknown as Rule<BaseEffect>;
const age = (operator: string, value: unknown): Condition => ({ fact: 'client', path: 'age', operator, value }) as Condition;
const none = new Map<string, Condition>();

describe('neverTogether', () => {
  it('proves two rules apart only on contradictory tests of one fact path', () => {
    expect(neverTogether(rule('a', { all: [age('lessThan', 12)] }), rule('b', { all: [age('greaterThanInclusive', 12)] }), none)).toEqual({ proved: true, paths: ['client.age'] });
    // 12 satisfies both: not apart.
    expect(neverTogether(rule('a', { all: [age('lessThanInclusive', 12)] }), rule('b', { all: [age('greaterThanInclusive', 12)] }), none).proved).toBe(false);
    // Unknown (undefined) satisfies neither `equal`; `known false` against `equal true` is apart.
    expect(neverTogether(rule('a', { all: [age('known', false)] }), rule('b', { all: [age('equal', 14)] }), none).proved).toBe(true);
    // `notIn [12]` and `notEqual 13`: 14 satisfies both.
    expect(neverTogether(rule('a', { all: [age('notIn', [12])] }), rule('b', { all: [age('notEqual', 13)] }), none).proved).toBe(false);
    // The string "12" is ≥ 12 and ≤ 12 but not equal to the number 12: a witness the domain must have.
    expect(neverTogether(rule('a', { all: [age('lessThanInclusive', 12), age('greaterThanInclusive', 12)] }), rule('b', { all: [age('notEqual', 12)] }), none).proved).toBe(false);
  });

  it('needs every pair of alternatives apart, and reads `not` and named conditions', () => {
    const named = new Map<string, Condition>([['is-12', age('equal', 12)]]);
    const either = rule('a', { any: [age('equal', 12), age('equal', 13)] });
    expect(neverTogether(either, rule('b', { all: [age('equal', 13)] }), named).proved).toBe(false);
    expect(neverTogether(either, rule('b', { all: [age('equal', 14)] }), named).proved).toBe(true);
    expect(neverTogether(rule('a', { condition: 'is-12' } as Condition), rule('b', { not: { condition: 'is-12' } } as Condition), named).proved).toBe(true);
    // An operator outside the proof's list is never a contradiction.
    const anyTrue = (v: string[]) => ({ fact: 'considerations', path: 'indicators', operator: 'anyTrue', value: v }) as Condition;
    expect(neverTogether(rule('a', anyTrue(['x'])), rule('b', { not: anyTrue(['x']) } as Condition), none).proved).toBe(false);
  });

  it('on the shipped floor: afweging 1 yes and no are apart, afweging 1 yes and norm 1 hold together', () => {
    const run = runsOf('afwegingskader')[0]!;
    const r = (id: string) => run.rules.find((x) => x.id === id)!;
    expect(neverTogether(r('afweging-1-ja'), r('afweging-1-nee'), run.named)).toEqual({ proved: true, paths: ['considerations.suspicion'] });
    expect(neverTogether(r('afweging-1-ja'), r('afweging-2-ja-norm-1'), run.named).proved).toBe(false);
  });
});

describe('provePriorityMutant', () => {
  it('does not prove a move past a rule that can hold at the same time', () => {
    const proof = provePriorityMutant('afwegingskader', 'afweging-2-ja-norm-1', 60);
    expect(proof.proved).toBe(false);
    expect(proof.reason).toMatch(/may hold together with/);
  });

  const listed = equivalent.filter((e) => e.id.endsWith('/change-priority'));
  it('the list has the proved change-priority mutants', () => expect(listed.length).toBeGreaterThan(50));

  it.each(listed.map((e) => [e.id, e] as const))('%s is proved again', (id, entry) => {
    const [file, ruleId] = id.split('/') as [string, string];
    const to = Number(/Priority \d+ → (\d+)/.exec(entry.reason)![1]);
    const proof = provePriorityMutant(file, ruleId, to);
    expect(proof.proved, proof.reason).toBe(true);
    expect(entry.reason, 'the rules changed: npx tsx scripts/equivalent-priority.ts --write').toBe(proof.reason);
  });
});

describe('proveDropConditionMutant', () => {
  it('proves a conjunct the rest of its all implies, and refuses one it does not', () => {
    // objection-protection-prevails needs not(unsafety-yes), and always-report needs unsafety-yes: not(always-report) adds nothing.
    expect(proveDropConditionMutant('consent/objection-protection-prevails/drop-condition@all.0').proved).toBe(true);
    // Without objection-stands the rule would weigh an objection that was never raised.
    expect(proveDropConditionMutant('consent/objection-prevails/drop-condition@all.1').proved).toBe(false);
  });

  const listed = equivalent.filter((e) => /\/drop-condition@/.test(e.id));
  it.each(listed.map((e) => [e.id, e] as const))('%s is proved again', (id, entry) => {
    const proof = proveDropConditionMutant(id);
    expect(proof.proved, proof.reason).toBe(true);
    expect(entry.reason, 'the rules changed: npx tsx scripts/equivalent-priority.ts --write').toBe(proof.reason);
  });
});
