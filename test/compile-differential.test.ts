// The compiler against json-rules-engine 7.3 on generated rule files: any nesting of all / any /
// not, named conditions shared as a DAG, condition priorities (which decide json-rules-engine's
// short-circuiting and so which tests are "not evaluated"), rule priorities, floor rules, every
// operator, and facts of every JSON type (a path into a scalar, a missing fact, null). The trail
// of both must be identical. The shipped rule files use no condition priorities, so this test is
// what pins that part of the semantics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, runRules } from '../src/rules/compile.js';
import { runRulesReference } from '../src/rules/reference.js';
import type { BaseEffect, Condition, RuleFile } from '../src/rules/schema.js';

const SEED = Number(process.env.MELDCODE_SEED ?? 20261201);
const RUNS = Number(process.env.MELDCODE_COMPILE_RUNS ?? 300);

const factNames = ['a', 'b', 'c'] as const;
const paths = [undefined, 'x', 'x.y', 'z'] as const;
const scalar = fc.oneof(fc.boolean(), fc.integer({ min: -2, max: 2 }), fc.constantFrom('1', 'p', 'q', ''), fc.constant(null));

const leaf: fc.Arbitrary<Condition> = fc
  .record({
    fact: fc.constantFrom(...factNames),
    path: fc.constantFrom(...paths),
    priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    op: fc.oneof(
      fc.tuple(fc.constantFrom('equal', 'notEqual', 'contains', 'doesNotContain'), scalar),
      fc.tuple(fc.constantFrom('in', 'notIn', 'anyTrue'), fc.array(scalar, { maxLength: 3 })),
      fc.tuple(fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'), fc.integer({ min: -2, max: 2 })),
      fc.tuple(fc.constant('known'), fc.boolean()),
    ),
  })
  .map(({ fact, path, priority, op }) => {
    const [operator, value] = op as readonly [string, unknown];
    const c: Record<string, unknown> = { fact, operator, value };
    if (path) c.path = path;
    if (priority !== undefined) c.priority = priority;
    return c as Condition;
  });

const conditionTree = (names: readonly string[]) =>
  fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
      ...(names.length > 0 ? [fc.constantFrom(...names).map((condition) => ({ condition }))] : []),
    ),
  })).node;

const root = (node: Condition): Condition => ('all' in node || 'any' in node || 'not' in node || 'condition' in node ? node : { all: [node] });

/** A rule file with named conditions n0…nk, where n_i may refer only to n_j with j > i (a DAG, never a cycle). */
const ruleFile: fc.Arbitrary<RuleFile<BaseEffect>> = fc.integer({ min: 0, max: 3 }).chain((count) => {
  const names = Array.from({ length: count }, (_, i) => `n${i}`);
  const named = names.map((_, i) => conditionTree(names.slice(i + 1)).map(root));
  return fc
    .record({
      named: fc.tuple(...named),
      rules: fc.array(
        fc.record({ conditions: conditionTree(names).map(root), priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), floor: fc.boolean() }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map(({ named: trees, rules }) => ({
      id: 'generated',
      conditions: Object.fromEntries(trees.map((t, i) => [`n${i}`, t])),
      rules: rules.map((r, i) => ({
        id: `r${i}`,
        ...(r.priority !== undefined ? { priority: r.priority } : {}),
        floor: r.floor,
        conditions: r.conditions,
        event: { type: 'note', params: { note: `r${i}` } },
        explanation: { nl: `regel ${i}`, en: `rule ${i}` },
        source: { document: 'test', section: 'generated' },
      })),
    }));
});

const factValue = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.record({ x: tie('v'), y: scalar, z: scalar, p: fc.boolean(), q: fc.boolean() }, { requiredKeys: [], noNullPrototype: true }),
  ),
})).v;
const facts = fc.record({ a: factValue, b: factValue, c: factValue }, { requiredKeys: [], noNullPrototype: true });

describe('compiled rules agree with json-rules-engine', () => {
  it(`gives the same trail on generated rule files and facts (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(ruleFile, fc.array(facts, { minLength: 1, maxLength: 5 }), async (file, factSets) => {
        const compiled = compileRules([file]);
        for (const f of factSets) {
          const reference = await runRulesReference(compiled, f, 'en');
          expect(JSON.stringify(runRules(compiled, f, 'en'))).toBe(JSON.stringify(reference));
          // Without the floor rules that did not hold: the same trail, less those, on both paths.
          const held = JSON.stringify(reference.filter((e) => e.outcome));
          expect(JSON.stringify(runRules(compiled, f, 'en', { unheld: false }))).toBe(held);
          expect(JSON.stringify(await runRulesReference(compiled, f, 'en', { unheld: false }))).toBe(held);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('marks the tests of a skipped priority set as not evaluated, as json-rules-engine does', async () => {
    const file: RuleFile<BaseEffect> = {
      id: 'm',
      rules: [
        {
          id: 'r',
          floor: true,
          conditions: { all: [{ fact: 'a', operator: 'equal', value: 1, priority: 2 }, { fact: 'b', operator: 'equal', value: 1 }] },
          event: { type: 'note', params: { note: 'r' } },
          explanation: { nl: 'r', en: 'r' },
          source: { document: 'test', section: 'x' },
        },
      ],
    };
    const compiled = compileRules([file]);
    const [entry] = runRules(compiled, { a: 0, b: 1 }, 'en');
    expect(entry?.facts.map((f) => f.result)).toEqual([false, 'not-evaluated']);
    expect(JSON.stringify(runRules(compiled, { a: 0, b: 1 }, 'en'))).toBe(JSON.stringify(await runRulesReference(compiled, { a: 0, b: 1 }, 'en')));
  });
});
