// Issue 10, item 2: a framework that validates can never crash an evaluation. Each operator's
// value is typed by the rule schema: `in` / `notIn` with a scalar or null (json-rules-engine and
// the compiled rules call `indexOf` on it) is refused by validateFramework, extendFramework, the
// CLI's `validate` and evaluate() with the document as an option.
import { describe, expect, it } from 'vitest';
import { evaluate, extendFramework, getFramework, MeldcodeInputError, safeEvaluate, validateFramework } from '../src/index.js';
import type { FrameworkInput } from '../src/index.js';
import { consentModule } from '../src/consent/consent.js';
import { kindcheckModule } from '../src/kindcheck/kindcheck.js';
import { recordsModule } from '../src/records/records.js';
import { scopeModule } from '../src/scope/scope.js';
import { stepsModule } from '../src/steps/steps.js';

const moduleIds = new Set([scopeModule, consentModule, kindcheckModule, stepsModule, recordsModule].flatMap((m) => m.ruleFile.rules.map((r) => r.id)));

const src = { document: '001_dcbf0a2973853468.txt', section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader' };
const note = (id: string, leaf: unknown) => ({
  id,
  conditions: { all: [leaf] },
  event: { type: 'note', params: { note: id } },
  explanation: { nl: 'uitleg bij de regel', en: 'explanation of the rule' },
  source: src,
});
const withLeaf = (leaf: unknown) =>
  ({ ...structuredClone(getFramework('basismodel')), id: 'test', rules: { id: 'test', rules: [note('x', leaf)] } }) as unknown as FrameworkInput;

const badLeaves: [string, unknown][] = [
  ['in with a number', { fact: 'considerations', operator: 'in', value: 0 }],
  ['in with null', { fact: 'considerations', operator: 'in', value: null }],
  ['notIn with a string', { fact: 'considerations', path: 'suspicion', operator: 'notIn', value: 'ja' }],
  ['anyTrue with a scalar', { fact: 'considerations', path: 'indicators', operator: 'anyTrue', value: 'acute-weapon-use' }],
  ['lessThan with a string', { fact: 'client', path: 'age', operator: 'lessThan', value: '12' }],
  ['known with a number', { fact: 'client', path: 'age', operator: 'known', value: 1 }],
  ['equal with a list', { fact: 'client', path: 'age', operator: 'equal', value: [1] }],
];

describe('every operator has a typed value', () => {
  it.each(badLeaves)('%s is refused by validateFramework, naming the value', (_, leaf) => {
    const result = validateFramework(withLeaf(leaf));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((i) => i.path.join('.').startsWith('rules.rules.0.conditions'))).toBe(true);
  });

  it.each(badLeaves)('%s as evaluate()’s framework option is an input error, never a TypeError', (_, leaf) => {
    expect(() => evaluate({ considerations: { suspicion: true } }, { framework: withLeaf(leaf) })).toThrow(MeldcodeInputError);
    const safe = safeEvaluate({ considerations: { suspicion: true } }, { framework: withLeaf(leaf) });
    expect(safe.ok).toBe(false);
  });

  it('extendFramework refuses the same rule', () => {
    const changes = { id: 'wijk', version: '1.0.0', name: { nl: 'Wijk', en: 'Wijk' }, rules: { id: 'wijk', rules: [note('y', badLeaves[0]![1])] } };
    expect(() => extendFramework('sociaal-domein', changes as never)).toThrow(MeldcodeInputError);
  });

  it('well-typed values of every operator still validate and run', () => {
    const good = [
      { fact: 'considerations', path: 'suspicion', operator: 'in', value: [true] },
      { fact: 'considerations', path: 'suspicion', operator: 'notIn', value: [false, null] },
      { fact: 'considerations', path: 'indicators', operator: 'anyTrue', value: ['acute-weapon-use'] },
      { fact: 'client', path: 'age', operator: 'greaterThanInclusive', value: 18 },
      { fact: 'client', path: 'age', operator: 'known', value: true },
      { fact: 'client', path: 'role', operator: 'equal', value: 'victim' },
    ];
    for (const leaf of good) {
      const result = validateFramework(withLeaf(leaf));
      expect(result.ok, JSON.stringify(leaf)).toBe(true);
      if (result.ok) expect(evaluate({ considerations: { suspicion: true }, client: { age: 20 } }, { framework: result.framework, evaluationDate: '2026-11-23' }).outcome).toBeTruthy();
    }
  });
});

describe('a framework document with rules that cannot compile is an input error wherever it is used', () => {
  const withNamed = (conditions: Record<string, unknown>) =>
    ({
      ...structuredClone(getFramework('basismodel')),
      id: 'test',
      rules: { id: 'test', conditions, rules: [note('x', { fact: 'client', path: 'age', operator: 'known', value: true })] },
    }) as unknown as FrameworkInput;
  const cycle = withNamed({ loop: { all: [{ condition: 'loop' }] }, used: { all: [{ condition: 'loop' }] } });
  (cycle as { rules: { rules: { conditions: unknown }[] } }).rules.rules[0]!.conditions = { all: [{ condition: 'used' }] };
  const unknownName = withNamed({});
  (unknownName as { rules: { rules: { conditions: unknown }[] } }).rules.rules[0]!.conditions = { all: [{ condition: 'nowhere' }] };

  it.each([
    ['a condition cycle', cycle, /cycle/],
    ['an unknown named condition', unknownName, /nowhere/],
  ])('%s: validateFramework and evaluate() both answer with the typed error', (_, doc, pattern) => {
    const result = validateFramework(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.message.en).join()).toMatch(pattern);
    let thrown: unknown;
    try {
      evaluate({ considerations: { suspicion: true } }, { framework: doc });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MeldcodeInputError);
    expect((thrown as MeldcodeInputError).issues.map((i) => i.message.en).join()).toMatch(pattern);
    expect(safeEvaluate({}, { framework: doc }).ok).toBe(false);
  });
});

describe('a framework rule may not take the id of a module’s rule (issue 14, item 13)', () => {
  it.each(['objection-always-report', 'my-own-rule'])('"%s"', (id) => {
    const doc = { ...structuredClone(getFramework('basismodel')), id: 'test', rules: { id: 'test', rules: [{ ...note('x', { fact: 'client', path: 'age', operator: 'known', value: true }), id }] } } as unknown as FrameworkInput;
    const result = validateFramework(doc);
    const known = [...moduleIds].includes(id);
    expect(result.ok).toBe(!known);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('module-rule-replaced');
  });

  it('covers every rule of every module', () => {
    for (const id of moduleIds) {
      const doc = { ...structuredClone(getFramework('basismodel')), id: 'test', rules: { id: 'test', rules: [{ ...note('x', { fact: 'client', path: 'age', operator: 'known', value: true }), id }] } } as unknown as FrameworkInput;
      const result = validateFramework(doc);
      expect(result.ok, id).toBe(false);
    }
  });
});
