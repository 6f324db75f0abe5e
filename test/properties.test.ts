// The invariants of DESIGN §7 that the afwegingskader touches, as fast-check properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Decision,
  evaluate,
  evaluateKindcheck,
  evaluateRecordKeeping,
  evaluateScope,
  evaluateSteps,
  MeldcodeInputError,
} from '../src/index.js';
import { withSignal } from '../src/testing/index.js';
import { answeredPaths, caseArbitrary, indicatorKinds, inScope, parentFactorCodes, reorderKeys, unsafetyCodes, withoutAnswer } from './support/cases.js';
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
        // Out of scope routes elsewhere (000 Bijlage 1b); the scope properties cover that.
        fc.pre(inScope(c) && c.considerations?.suspicion === true && hasUnsafety(c));
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
        // Adding the indicator; a direct "no" to its form of unsafety would contradict it, so it goes.
        const after = await run(withSignal(c, { indicator: code, kind: indicatorKinds.get(code)! }));
        if (isReport(before)) expect(isReport(after)).toBe(true);
        if (c.considerations?.suspicion === true && inScope(c)) expect(isReport(after)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('no suspicion: always close and record, never report (unless scope routes elsewhere)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c: any) => {
        fc.pre(inScope(c));
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
        fc.pre(inScope(c));
        const d = await run(c);
        const h = handWritten(c as Record<string, unknown>);
        expect(d.outcome).toBe(h.outcome);
        expect(d.report.norms).toEqual(h.norms);
      }),
      { numRuns: 400 },
    );
  });
});

describe('scope, kindcheck, steps and record keeping (issue 3)', () => {
  it('scope routing: a professional as perpetrator, or violence between clients who are not partners, is out of scope with where to go', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c: any) => {
        const d = await run(c);
        const s = c.scope ?? {};
        if (!inScope(c)) {
          expect(d.outcome).toBe('out-of-scope');
          expect(d.scope.status).toBe('out-of-scope');
          expect(d.scope.whereToGo.length).toBeGreaterThan(0);
          expect(d.actions.map((a) => a.id)).toContain(
            s.perpetratorIsProfessional === true ? 'inform-manager-or-board' : 'report-to-manager-board-inspectorate',
          );
          expect(d.report.necessary).toBe(false);
          expect(d.trail.every((e) => e.module === 'scope')).toBe(true);
        } else {
          expect(d.outcome).not.toBe('out-of-scope');
          // The partner exception and an unanswered partner question keep the meldcode in force.
          if (s.betweenClients === true && s.perpetratorIsProfessional !== true) {
            expect(d.scope.status).toBe(s.clientsArePartners === true ? 'in-scope' : 'open');
          }
          // The client's role never takes a case out of the meldcode.
          const withRole = await run({ ...c, client: { ...c.client, role: 'suspected-perpetrator' } });
          expect(withRole.outcome).toBe(d.outcome);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('scope: out of scope overrides any afwegingskader outcome, and the professional route names the sector route', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, fc.constantFrom('care', 'education', 'childcare'), async (c: any, setting) => {
        const d = await run({ ...c, scope: { ...c.scope, perpetratorIsProfessional: true, setting } });
        expect(d.outcome).toBe('out-of-scope');
        const route = { care: 'care-provider-reports-to-inspectorate', education: 'school-inform-board-at-once', childcare: 'childcare-inform-houder' }[setting];
        expect(d.actions.map((a) => a.id)).toContain(route);
      }),
      { numRuns: 100 },
    );
  });

  it('open steps never turn a report into no report: the steps only add "take the open steps first"', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c: any) => {
        const d = await run(c);
        const { steps: _steps, ...withoutSteps } = c;
        const e = await run(withoutSteps);
        expect(e.outcome).toBe(d.outcome);
        expect(e.report).toEqual(d.report);
        if (d.steps) {
          expect([...d.steps.done, ...d.steps.skipped, ...d.steps.open].sort()).toEqual([1, 2, 3, 4]);
          if (d.steps.open.length > 0) expect(d.steps.mayDecideStep5).toBe(c.contact?.oneOff === true && c.steps?.veiligThuisAdviceAsked === true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('kindcheck: an unanswered question that matters is never "complete"', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c: any) => {
        const d = await run(c);
        fc.pre(d.kindcheck !== null);
        const k = d.kindcheck!;
        const q1 = c.kindcheck?.parentSignals;
        const q2yes = c.client?.caresForMinor === true || c.client?.pregnant === true;
        const q2no = c.client?.caresForMinor === false && c.client?.pregnant === false;
        if (q1 === undefined || (q1 === true && !q2yes && !q2no) || (q1 === true && q2yes && c.contact?.oneOff === undefined)) {
          expect(k.status).toBe('open');
          expect(k.nextQuestions.length).toBeGreaterThan(0);
        } else {
          expect(k.status).not.toBe('open');
          expect(k.nextQuestions).toEqual([]);
        }
        if (k.status === 'complete') expect(q1 === false || q2no).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('record keeping: every decision that reports, closes, helps or skips the conversation carries a cited checklist', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const d = await run(c);
        const carries = ['report', 'report-and-help', 'close-and-record', 'help'].includes(d.outcome);
        const skipped = (c as { conversation?: { skipReason?: string } }).conversation?.skipReason !== undefined;
        if (carries || skipped) expect(d.recordKeeping.items.length).toBeGreaterThan(0);
        else expect(d.recordKeeping.items).toEqual([]);
        if (isReport(d)) {
          expect(d.recordKeeping.items.map((i) => i.id)).toEqual(
            expect.arrayContaining(['report-information-and-agreements', 'report-conversation-and-reaction', 'veilig-thuis-officer', 'later-outcomes']),
          );
        }
        for (const item of d.recordKeeping.items) expect(citationProblem(item.source), item.id).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('bad input to each standalone function: a result or a MeldcodeInputError, never another throw', async () => {
    const fns = [evaluateKindcheck, evaluateScope, evaluateSteps, evaluateRecordKeeping];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fns), fc.anything({ withObjectString: true, withNullPrototype: true }), async (fn, input) => {
        try {
          await fn(input, { evaluationDate: '2026-11-23' });
        } catch (error) {
          expect(error).toBeInstanceOf(MeldcodeInputError);
          expect((error as MeldcodeInputError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
