// The proof behind the change-priority mutants listed as equivalent (scripts/equivalent-priority.ts):
// it proves only what holds, fails where two rules can hold together, and every listed mutant is
// proved again here, so a change of the rules that breaks a proof fails this test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainConstraints, indicatorConstraints, neverTogether, proveDropConditionMutant, proveMutant, provePriorityMutant, proveUnusedConditionMutant, runsOf } from '../scripts/equivalent-priority.js';
import { ageBand } from '../src/case/age.js';
import { evaluate, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { parseFramework, unsafetyIndicatorKinds } from '../src/frameworks/framework.js';
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
    // anyTrue is read as the any of its keys answered true (src/rules/compile.ts anyTrue): ['x'] and not ['x', 'y'] are apart, ['x'] and not ['y'] are not.
    const anyTrue = (v: string[]) => ({ fact: 'considerations', path: 'indicators', operator: 'anyTrue', value: v }) as Condition;
    expect(neverTogether(rule('a', anyTrue(['x'])), rule('b', { not: anyTrue(['x', 'y']) } as Condition), none)).toEqual({ proved: true, paths: ['considerations.indicators.x'] });
    expect(neverTogether(rule('a', anyTrue(['x'])), rule('b', { not: anyTrue(['y']) } as Condition), none).proved).toBe(false);
    // An operator outside the proof's list is never a contradiction.
    const contains = (v: string) => ({ fact: 'client', path: 'roles', operator: 'contains', value: v }) as Condition;
    expect(neverTogether(rule('a', contains('x')), rule('b', { not: contains('x') } as Condition), none).proved).toBe(false);
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
    const to = Number(/Priority \d+ → (\d+)/.exec(entry.reason)![1]);
    const proof = proveMutant(id, to);
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
    const proof = proveMutant(id);
    expect(proof.proved, proof.reason).toBe(true);
    expect(entry.reason, 'the rules changed: npx tsx scripts/equivalent-priority.ts --write').toBe(proof.reason);
  });
});

describe('proveDropConditionMutant where the named condition is read', () => {
  it('proves a conjunct every rule reading the condition already has beside it, and refuses one it has not', () => {
    // faq-004-exception-met is read only beside objection-stands (considered-objection-no-serious-danger, faq-004-exception-open).
    expect(proveDropConditionMutant('consent/condition:faq-004-exception-met/drop-condition@all.0').proved).toBe(true);
    // Nothing beside it says the victim of domestic violence is an adult.
    expect(proveDropConditionMutant('consent/condition:faq-004-exception-met/drop-condition@all.1').proved).toBe(false);
  });
});

describe('proveUnusedConditionMutant', () => {
  it('proves a mutant of a named condition no rule reads, and refuses one a rule reads', () => {
    expect(proveUnusedConditionMutant('consent/condition:always-report-open/swap-all-any').proved).toBe(true);
    expect(proveUnusedConditionMutant('consent/condition:always-report/drop-condition@all.0')).toMatchObject({ proved: false, reason: expect.stringMatching(/reads condition always-report/) });
  });
  const listed = equivalent.filter((e) => /\/condition:/.test(e.id) && !/\/drop-condition@/.test(e.id) && e.reason.endsWith('Proved by scripts/equivalent-priority.ts.'));
  it.each(listed.map((e) => [e.id, e] as const))('%s is proved again', (id, entry) => {
    const proof = proveMutant(id);
    expect(proof.proved, proof.reason).toBe(true);
    expect(entry.reason, 'the rules changed: npx tsx scripts/equivalent-priority.ts --write').toBe(proof.reason);
  });
});

describe('domainConstraints: what the pipeline guarantees of the consent facts', () => {
  const band = (op: string, value: unknown) => ({ fact: 'derived', path: 'ageBand', operator: op, value }) as Condition;
  const years = (op: string, value: unknown) => ({ fact: 'derived', path: 'ageYears', operator: op, value }) as Condition;

  it('the proof uses them: an age band and an age that cannot go together are apart only with them', () => {
    const a = rule('a', { all: [band('equal', 'under-12')] });
    const b = rule('b', { all: [years('greaterThanInclusive', 12)] });
    expect(neverTogether(a, b, none).proved).toBe(false);
    expect(neverTogether(a, b, none, domainConstraints.consent).proved).toBe(true);
    // They do not make a pair apart that can hold: an age band of 12-15 and an age of 15.
    expect(neverTogether(rule('a', { all: [band('equal', '12-15')] }), rule('b', { all: [years('equal', 15)] }), none, domainConstraints.consent).proved).toBe(false);
  });

  it('the age band is ageBand(ageYears) (src/case/age.ts): under 12, 12 to 15, 16 and over', () => {
    for (let age = 0; age <= 120; age++) {
      const b = ageBand(age);
      expect(b === 'under-12', `${age}`).toBe(age < 12);
      expect(b === '12-15', `${age}`).toBe(age >= 12 && age < 16);
      expect(['16-17', 'adult'].includes(b), `${age}`).toBe(age >= 16);
    }
  });

  it.each(listFrameworks().map((f) => f.id))('%s: a framework objection regime is settled, the weighing without one is not', (id) => {
    const regime = evaluate({} as never, { framework: id, evaluationDate: '2026-11-23' }).conversation!.objectionRegime;
    const own = getFramework(id).objectionRegime;
    expect(regime).toEqual(own ? { regime: own.regime, settled: true } : { regime: 'weighing', settled: false });
  });

  it.each(listFrameworks().map((f) => f.id))('%s: an indicator of a form of unsafety answered yes beside that form answered no is refused (indicatorConstraints)', (id) => {
    const fw = getFramework(id);
    for (const [code, kind] of unsafetyIndicatorKinds(fw)) {
      const c = { considerations: { suspicion: true, unsafety: { [kind]: false }, indicators: { [code]: true } } };
      expect(() => evaluate(c as never, { framework: id, evaluationDate: '2026-11-23' }), `${code} ${kind}`).toThrow(MeldcodeInputError);
    }
    expect(indicatorConstraints(fw).length).toBe(unsafetyIndicatorKinds(fw).size);
  });

  it('threat-to-life examples belong to the faq-004 regime: parseFramework refuses them under another', () => {
    const doc = structuredClone(getFramework('basismodel')) as unknown as { objectionRegime: { regime: string } };
    doc.objectionRegime.regime = 'weighing';
    expect(() => parseFramework(doc)).toThrow(MeldcodeInputError);
    for (const f of listFrameworks()) {
      const own = getFramework(f.id).objectionRegime;
      if (own?.threatToLifeIndicators) expect(own.regime).toBe('faq-004');
    }
  });
});
