// meldcode/testing: the arbitraries generate valid cases; checkFramework finds no counterexample
// in the shipped frameworks and finds one, shrunk, in frameworks broken on purpose (each gets
// past the schema and the static floor check, so only running cases can catch it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, getFramework, validateFramework } from '../src/index.js';
import type { FrameworkInput } from '../src/frameworks/framework.js';
import { assertFramework, caseArbitrary, checkFramework, invariantChecks, unsafetyArbitrary, withSignal } from '../src/testing/index.js';

const src = { document: '001_dcbf0a2973853468.txt', section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader' };
const broken = (id: string, rule: { conditions: unknown; event: unknown }): FrameworkInput =>
  ({
    ...structuredClone(getFramework('basismodel')),
    id,
    rules: {
      id,
      rules: [{ id: `${id}-regel`, ...rule, explanation: { nl: 'een kapotte regel', en: 'a broken rule' }, source: src }],
    },
  }) as FrameworkInput;

/** Reports on child signals whether or not there is a suspicion: the static floor check refuses it. */
const reportsWithoutSuspicion = broken('meldt-zonder-vermoeden', {
  conditions: { all: [{ fact: 'considerations', path: 'childSignals', operator: 'equal', value: true }] },
  event: { type: 'report', params: { consideration: 2 } },
});
/** Reports on child signals, but never asks for them: an unknown answer is read as no. */
const unknownAsNo = broken('onbekend-is-nee', {
  conditions: { all: [{ condition: 'suspicion-yes' }, { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true }] },
  event: { type: 'report', params: { consideration: 2 } },
});
/** Keeps asking questions after "no suspicion", so the meldcode is never closed: refused since the issue 10 fuzz. */
const asksAfterNo = broken('vraagt-na-nee', {
  conditions: { all: [{ condition: 'suspicion-no' }] },
  event: { type: 'needs-input', params: { questions: ['considerations.childSignals'] } },
});

describe('caseArbitrary', () => {
  it.each(['basismodel', 'sociaal-domein', 'onderwijs', 'artsen'] as const)('generates only valid %s cases, reaching every outcome', (id) => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(caseArbitrary(id), unsafetyArbitrary(id), (c, signal) => {
        outcomes.add(evaluate(c, { framework: id, evaluationDate: '2026-11-23' }).outcome);
        evaluate(withSignal(c, signal), { framework: id, evaluationDate: '2026-11-23' });
      }),
      { numRuns: 60, seed: 5 },
    );
    expect([...outcomes].sort()).toEqual(['close-and-record', 'help', 'needs-input', 'report', 'report-and-help']);
  });

  it('withSignal never changes its input', () => {
    const c = { considerations: { suspicion: true } };
    expect(withSignal(c, { indicator: 'acute-weapon-use', kind: 'acute' })).toEqual({
      considerations: { suspicion: true, unsafety: {}, indicators: { 'acute-weapon-use': true } },
    });
    expect(c).toEqual({ considerations: { suspicion: true } });
  });

  it('withSignal drops a direct "no" that the indicator contradicts', () => {
    const c = { considerations: { unsafety: { acute: false, structural: false } } };
    expect(withSignal(c, { indicator: 'acute-weapon-use', kind: 'acute' }).considerations?.unsafety).toEqual({ structural: false });
  });
});

describe('checkFramework on frameworks broken on purpose', () => {
  it('the broken framework gets past the schema and the static floor check', () => {
    expect(validateFramework(unknownAsNo).ok).toBe(true);
  });

  it('a question asked after "no suspicion" no longer gets past the static floor check (the million-run fuzz found 28 of 231 such frameworks validating)', () => {
    const result = validateFramework(asksAfterNo);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['question-without-suspicion', 'rules.rules.0.conditions']]);
    // The same question after a suspicion is the framework's to ask.
    const afterSuspicion = structuredClone(asksAfterNo) as typeof asksAfterNo & { rules: { rules: { conditions: unknown }[] } };
    afterSuspicion.rules.rules[0]!.conditions = { all: [{ condition: 'suspicion-yes' }] };
    expect(validateFramework(afterSuspicion).ok).toBe(true);
  });

  it('a report without suspicion no longer gets past the static floor check (the issue 10 fuzz found it validating)', () => {
    const result = validateFramework(reportsWithoutSuspicion);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('report-without-suspicion');
  });

  it('finds an unknown answer read as no, naming the answer', () => {
    const result = checkFramework(unknownAsNo, { numRuns: 150, seed: 2, only: ['unknown-is-never-no'] });
    expect(result).toMatchObject({ ok: false, invariant: 'unknown-is-never-no' });
    if (result.ok) return;
    expect(result.error).toMatch(/removing the answer considerations\.childSignals/);
    expect((result.counterexample[0] as { considerations: { childSignals: boolean } }).considerations.childSignals).toBe(true);
  });

  it('the no-suspicion invariant catches a meldcode that does not close after "no suspicion" (a forged run: no framework that validates does that now)', () => {
    const fw = getFramework('basismodel');
    const asking = (c: unknown) => {
      const d = evaluate(c as CaseInput, { framework: fw, evaluationDate: '2026-11-23' });
      return { ...d, outcome: 'needs-input' as const, report: { ...d.report, necessary: null } };
    };
    expect(() => invariantChecks(fw, asking)['no-suspicion'].check({} as never)).toThrow(/no suspicion gave needs-input/);
    expect(() => invariantChecks(fw)['no-suspicion'].check({} as never)).not.toThrow();
  });

  it('assertFramework throws with the invariant, the counterexample and how to replay it (three-line use)', () => {
    expect(() => assertFramework(unknownAsNo, { numRuns: 150, seed: 2, only: ['unknown-is-never-no'] })).toThrow(/breaks invariant unknown-is-never-no[\s\S]*Counterexample \(shrunk\): \[\{[\s\S]*Replay/);
    expect(assertFramework('onderwijs', { numRuns: 5, only: ['norm-1'] })).toBeUndefined();
  });

  it('a framework that does not validate is a typed error, not a check result', () => {
    expect(() => checkFramework({ id: 'x' } as never)).toThrow(/Invalid framework/);
    // @ts-expect-error a misspelt id does not compile; at run time it is refused with a typed error
    expect(() => checkFramework('nope')).toThrow(/unknown framework "nope"/);
  });
});

describe('checkFramework runs the documented examples as golden cases', () => {
  it('reports an example whose documented outcome the framework does not reach', () => {
    const fw = structuredClone(getFramework('sociaal-domein')) as FrameworkInput & { examples: { expect: { outcome: string } }[] };
    fw.examples[0]!.expect.outcome = 'help';
    fw.id = 'sociaal-domein-test'; // a changed copy takes an id of its own
    const result = checkFramework(fw, { numRuns: 1 });
    expect(result).toMatchObject({ ok: false, invariant: 'examples' });
    if (!result.ok) expect(result.error).toMatch(/^example vignette-boy-3-childcare documents .*"help".* but gives .*"report"/);
  });
});
