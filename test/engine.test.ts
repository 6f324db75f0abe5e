// The engine: the rule-file schema, the plain path resolver, the trail and its not-evaluated facts.
import { describe, expect, it } from 'vitest';
import { compileRules, propertyPath, runRules } from '../src/rules/compile.js';
import { runRulesReference } from '../src/rules/reference.js';
import { ruleFileSchema } from '../src/rules/schema.js';

const source = { document: '001_dcbf0a2973853468.txt', section: 'Afweging 1' };
const rule = (over: Record<string, unknown> = {}) => ({
  id: 'r',
  conditions: { all: [{ fact: 'considerations', path: 'suspicion', operator: 'equal', value: true }] },
  event: { type: 'consideration', params: { consideration: 1, answer: 'yes' } },
  explanation: { nl: 'uitleg', en: 'explanation' },
  source,
  ...over,
});

describe('rule-file schema', () => {
  it('accepts a rule in json-rules-engine grammar with its metadata', () => {
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [rule()] }).success).toBe(true);
  });

  it('rejects unknown keys, in rules and in conditions', () => {
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [rule({ extra: 1 })] }).success).toBe(false);
    const badCondition = rule({
      conditions: { all: [{ fact: 'considerations', operator: 'equal', value: true, params: {} }] },
    });
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [badCondition] }).success).toBe(false);
  });

  it('rejects a "__proto__" key anywhere', () => {
    const json = JSON.parse('{"id":"x","rules":[{"__proto__":{},"id":"r"}]}');
    expect(ruleFileSchema.safeParse(json).success).toBe(false);
    const inCondition = JSON.parse(
      '{"id":"x","rules":[' + JSON.stringify(rule()).replace('"all":[', '"all":[{"__proto__":{}},') + ']}',
    );
    expect(ruleFileSchema.safeParse(inCondition).success).toBe(false);
  });

  it('rejects jsonpath and prototype paths, and fact references as values', () => {
    const withPath = (path: string) => rule({ conditions: { all: [{ fact: 'client', path, operator: 'equal', value: 1 }] } });
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [withPath('$.a[0]')] }).success).toBe(false);
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [withPath('a.__proto__.b')] }).success).toBe(false);
    const factValue = rule({
      conditions: { all: [{ fact: 'client', operator: 'equal', value: { fact: 'considerations' } }] },
    });
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [factValue] }).success).toBe(false);
  });

  it('rejects ids that are not kebab-case and unknown effect types', () => {
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [rule({ id: 'Rule One' })] }).success).toBe(false);
    expect(ruleFileSchema.safeParse({ id: 'x', rules: [rule({ event: { type: 'reboot' } })] }).success).toBe(false);
  });
});

describe('property path resolver', () => {
  it('walks own properties only, with no expression language', () => {
    const value = { a: { b: [1, 2], 'c-d': true } };
    expect(propertyPath(value, 'a.c-d')).toBe(true);
    expect(propertyPath(value, 'a.b.1')).toBe(2);
    expect(propertyPath(value, '$.a')).toBeUndefined();
    expect(propertyPath(value, 'a.toString')).toBeUndefined();
    expect(propertyPath(value, 'a.__proto__')).toBeUndefined();
    expect(propertyPath(null, 'a')).toBeUndefined();
  });
});

describe('named conditions', () => {
  const conditions = {
    a: { all: [{ condition: 'b' }] },
    b: { any: [{ fact: 'client', path: 'x', operator: 'equal', value: 1 }] },
    loop: { not: { condition: 'loop' } },
  };
  const fileWith = (ruleConditions: unknown) =>
    ruleFileSchema.parse({ id: 'x', conditions, rules: [rule({ conditions: ruleConditions })] });
  it('inlines references', () => {
    const compiled = compileRules([fileWith({ condition: 'a' })]);
    // The rule reads what the named conditions read, as if they were written inline.
    const [held] = runRules(compiled, { client: { x: 1 } }, 'en');
    expect(held!.ruleId).toBe('r');
    expect(held!.outcome).toBe(true);
    expect(held!.facts).toEqual([{ fact: 'client.x', operator: 'equal', expected: 1, known: true, value: 1, result: true }]);
    expect(runRules(compiled, { client: { x: 2 } }, 'en')).toEqual([]);
    // The same as the inlined condition written out.
    const inline = compileRules([fileWith({ all: [{ any: [{ fact: 'client', path: 'x', operator: 'equal', value: 1 }] }] })]);
    for (const facts of [{ client: { x: 1 } }, { client: { x: 2 } }, {}]) {
      expect(runRules(compiled, facts, 'en')).toEqual(runRules(inline, facts, 'en'));
    }
  });
  it('rejects unknown names and cycles, naming the chain', () => {
    expect(() => compileRules([fileWith({ condition: 'nope' })])).toThrow(/Unknown condition "nope" \(in r\)/);
    expect(() => compileRules([fileWith({ condition: 'loop' })])).toThrow(/cycle: r → loop → loop/);
  });
  it('rejects duplicate rule ids across files', () => {
    const file = ruleFileSchema.parse({ id: 'x', rules: [rule()] });
    expect(() => compileRules([file, file])).toThrow(/Duplicate rule id "r"/);
  });
});

describe('trail', () => {
  const demo = () =>
    ruleFileSchema.parse({
      id: 'demo',
      rules: [
        rule({
          id: 'prioritised',
          conditions: {
            any: [
              { fact: 'considerations', path: 'suspicion', operator: 'equal', value: true, priority: 10 },
              { fact: 'client', path: 'pregnant', operator: 'equal', value: true, priority: 1 },
            ],
          },
        }),
        rule({
          id: 'unknown-read',
          conditions: { all: [{ fact: 'client', path: 'pregnant', operator: 'known', value: false }] },
        }),
      ],
    });
  const facts = { considerations: { suspicion: true } };
  const expectTrail = (trail: ReturnType<typeof runRules>) => {
    const [first, second] = trail;
    expect(trail).toHaveLength(2);
    expect(first!.ruleId).toBe('prioritised');
    expect(first!.facts).toEqual([
      { fact: 'considerations.suspicion', operator: 'equal', expected: true, known: true, value: true, result: true },
      { fact: 'client.pregnant', operator: 'equal', expected: true, known: false, result: 'not-evaluated' },
    ]);
    expect(first!.explanation).toBe('explanation');
    expect(second!.facts).toEqual([
      { fact: 'client.pregnant', operator: 'known', expected: false, known: false, result: true },
    ]);
  };
  it('reports facts with their values, unknown facts as unknown, and skipped tests as not-evaluated', () => {
    expectTrail(runRules(compileRules([demo()]), facts, 'en'));
  });
  it('json-rules-engine (the reference) gives the same trail', async () => {
    const compiled = compileRules([demo()]);
    const reference = await runRulesReference(compiled, facts, 'en');
    expectTrail(reference);
    expect(JSON.stringify(reference)).toBe(JSON.stringify(runRules(compiled, facts, 'en')));
  });
});
