// The invariants of DESIGN §7 that the afwegingskader touches, as fast-check properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decision, evaluate, MeldcodeInputError } from '../src/index.js';
import { answeredPaths, caseArbitrary, parentFactorCodes, reorderKeys, unsafetyCodes, withoutAnswer } from './support/cases.js';
import { citationProblem } from './support/sources.js';

const DATE = { evaluationDate: '2026-11-23' };
const run = (c: unknown) => evaluate(c, DATE);
const isReport = (d: Decision) => d.outcome === 'report' || d.outcome === 'report-and-help';

function hasUnsafety(c: any): boolean {
  const k = c.considerations ?? {};
  const u = k.unsafety ?? {};
  const ind = k.indicators ?? {};
  return (
    u.acute === true ||
    u.structural === true ||
    u.disclosure === true ||
    unsafetyCodes.some((code) => ind[code] === true) ||
    (c.client?.caresForMinor === true && parentFactorCodes.some((code) => ind[code] === true))
  );
}

describe('invariants (DESIGN §7)', () => {
  it('norm 1: a suspicion with acute or structural unsafety is always a report, whatever else is answered', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c: any) => {
        fc.pre(c.considerations?.suspicion === true && hasUnsafety(c));
        const d = await run(c);
        expect(isReport(d)).toBe(true);
        expect(d.report.norms).toContain(1);
      }),
      { numRuns: 300 },
    );
  });

  it('unknown is never no: removing an answer never turns a report into no report', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const d = await run(c);
        fc.pre(d.report.necessary === true);
        for (const path of answeredPaths(c)) {
          const without = await run(withoutAnswer(c, path));
          expect(without.report.necessary, `removing ${path}`).not.toBe(false);
          expect(isReport(without) || without.outcome === 'needs-input', `removing ${path}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('unknown is never no: removing an answer from any decided case only ever yields the same outcome or needs-input', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, fc.nat(), async (c, pick) => {
        const paths = answeredPaths(c);
        fc.pre(paths.length > 0);
        const d = await run(c);
        const without = await run(withoutAnswer(c, paths[pick % paths.length]!));
        if (d.report.necessary === true) expect(without.report.necessary).not.toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('monotonic danger: adding an acute or structural indicator never turns a report into no report', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, fc.constantFrom(...unsafetyCodes), async (c: any, code) => {
        const before = await run(c);
        const after = await run({
          ...c,
          considerations: { ...c.considerations, indicators: { ...c.considerations?.indicators, [code]: true } },
        });
        if (isReport(before)) expect(isReport(after)).toBe(true);
        if (c.considerations?.suspicion === true) expect(isReport(after)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('no suspicion: always close and record, never report', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c: any) => {
        const d = await run({ ...c, considerations: { ...c.considerations, suspicion: false } });
        expect(d.outcome).toBe('close-and-record');
        expect(d.report.necessary).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('deterministic: the same case gives the same decision and trail, whatever the key order', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, fc.integer(), async (c, seed) => {
        const shuffle = (keys: string[]) =>
          keys
            .map((k, i) => ({ k, r: Math.sin(seed + i * 7919) }))
            .sort((a, b) => a.r - b.r)
            .map((x) => x.k);
        const a = await run(c);
        const b = await run(reorderKeys(c, shuffle));
        const r = await run(reorderKeys(c, (k) => [...k].reverse()));
        expect(b).toEqual(a);
        expect(JSON.stringify(r)).toBe(JSON.stringify(a));
      }),
      { numRuns: 150 },
    );
  });

  it('every decision has a non-empty trail, each entry citing a source found in shared/sources', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const d = await run(c);
        expect(d.trail.length).toBeGreaterThan(0);
        for (const entry of d.trail) expect(citationProblem(entry.source), entry.ruleId).toBeUndefined();
        for (const action of d.actions) expect(citationProblem(action.source)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('needs-input exactly when questions are open, and then no guessed report decision', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const d = await run(c);
        if (d.outcome === 'needs-input') {
          expect(d.nextQuestions.length).toBeGreaterThan(0);
          expect(d.report.necessary).toBeNull();
        }
        if (d.report.necessary === null) expect(d.outcome).toBe('needs-input');
      }),
      { numRuns: 300 },
    );
  });

  it('bad input: any value gives a decision or a MeldcodeInputError, never another throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withObjectString: true, withNullPrototype: true }), async (input) => {
        try {
          await run(input);
        } catch (error) {
          expect(error).toBeInstanceOf(MeldcodeInputError);
          expect((error as MeldcodeInputError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('bad input inside a valid case is reported with its path', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, fc.oneof(fc.string(), fc.integer(), fc.constant(null)), async (c: any, bad) => {
        const input = { ...c, considerations: { ...c.considerations, suspicion: bad } };
        const error = await run(input).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MeldcodeInputError);
        expect((error as MeldcodeInputError).issues.map((i) => i.path.join('.'))).toContain('considerations.suspicion');
      }),
      { numRuns: 100 },
    );
  });
});

describe('differential: the rules agree with a hand-written function of the five considerations', () => {
  it('same outcome and norms on any case', async () => {
    const { handWritten } = await import('../bench/hand-written.js');
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const d = await run(c);
        const h = handWritten(c as Record<string, unknown>);
        expect(d.outcome).toBe(h.outcome);
        expect(d.report.norms).toEqual(h.norms);
      }),
      { numRuns: 400 },
    );
  });
});
