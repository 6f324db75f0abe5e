// `npm run fuzz` in `npm test` (issue 10): 20,000 seeded inputs at the small sizes, this file's
// share and test/fuzz-more.test.ts's (test/support/fuzz-share.ts splits them); the large run is
// `npm run fuzz -- --runs 1000000 --seed N` (the result is in docs/notes/issue-10-hardening.md).
// First the checks themselves, each shown to catch what it is for, so the fuzz cannot pass by
// checking nothing; then what the small mode changes, each shown to keep the checks.
import { describe, expect, it } from 'vitest';
import { type Decision, evaluate, extendFramework, getFramework, validateFramework } from '../src/index.js';
import {
  canaryProblem,
  cliProblem,
  EVALUATION_DATE,
  floorNormsProblem,
  floorProblem,
  fullSize,
  fuzz,
  inject,
  runCliOnce,
  sameSnapshot,
  snapshot,
  type Target,
  targets,
  typedErrorProblem,
  unchanged,
} from '../scripts/fuzz.js';
import { MeldcodeInputError } from '../src/index.js';
import { FRAMEWORKS, firstHalf, RUNS, runHalf, SEED, secondHalf } from './support/fuzz-share.js';

describe('the fuzz checks catch what they are for', () => {
  it('a snapshot sees any change: a value, a key, a __proto__ key, a hole, NaN, a prototype', () => {
    const base = () => JSON.parse('{"a":[1,null,{"__proto__":{"x":1}}],"b":"s"}') as { a: unknown[]; b: unknown };
    const changes: ((v: ReturnType<typeof base>) => void)[] = [
      (v) => (v.b = 't'),
      (v) => ((v.a[2] as Record<string, unknown>).y = 1),
      (v) => delete (v.a[2] as Record<string, unknown>)['__proto__'],
      (v) => ((v.a as unknown[]).length = 5),
      (v) => (v.a[0] = NaN),
      (v) => Object.setPrototypeOf(v.a[2] as object, null),
      (v) => Object.freeze(v.a),
    ];
    for (const change of changes) {
      const v = base();
      const before = snapshot(v);
      expect(sameSnapshot(before, snapshot(v))).toBe(true);
      expect(unchanged(v, before)).toBe(true);
      change(v);
      expect(sameSnapshot(before, snapshot(v)), String(change)).toBe(false);
      expect(unchanged(v, before), String(change)).toBe(false);
    }
    // A hole is a missing key: filling one with undefined is a change, at the end of 100,000 too.
    for (const sparse of [[1, , 3], Object.assign(new Array<unknown>(100_000), { 5: true })]) {
      const before = snapshot(sparse);
      expect(before.length).toBeLessThan(20);
      sparse[sparse.length - 2] = undefined;
      expect(sameSnapshot(before, snapshot(sparse))).toBe(false);
      expect(unchanged(sparse, before)).toBe(false);
    }
  });

  it('inject puts hostile values into a copy, never into the base, __proto__ as a plain key', () => {
    const base = { a: { b: true } };
    const out = inject(base, [[0, '__proto__', { polluted: true }, false]]) as Record<string, unknown>;
    expect(base).toEqual({ a: { b: true } });
    expect(Object.keys(out)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('only typed, bounded errors pass', () => {
    expect(typedErrorProblem(new TypeError('b.indexOf is not a function'))).toMatch(/threw TypeError/);
    expect(typedErrorProblem(new RangeError('Maximum call stack size exceeded'))).toMatch(/threw RangeError/);
    expect(typedErrorProblem(new MeldcodeInputError([{ path: [], code: 'custom', message: { nl: 'x', en: 'x' } }]))).toBeUndefined();
  });

  it('a decision that breaks the floor is caught', () => {
    const acute = { considerations: { suspicion: true, unsafety: { acute: true } } };
    const d = evaluate(acute, { evaluationDate: EVALUATION_DATE });
    expect(floorProblem(acute, d)).toBeUndefined();
    expect(floorProblem(acute, { ...d, outcome: 'help', report: { ...d.report, necessary: null, norms: [] } } as Decision)).toMatch(/gave help, norms none/);
    expect(floorProblem(acute, { ...d, outcome: 'help' } as Decision)).toMatch(/report.necessary but outcome help/);
    expect(floorProblem(acute, { ...d, trail: [] } as Decision)).toMatch(/empty trail/);
    const no = { considerations: { suspicion: false } };
    const reportOnNo = { ...evaluate(no, { evaluationDate: EVALUATION_DATE }), outcome: 'report' } as Decision;
    expect(floorProblem(no, reportOnNo)).toMatch(/no suspicion gave report/);
    // Under a framework document only the floor's norms are checked (its own rules may break this one).
    expect(floorProblem(no, reportOnNo, false)).toBeUndefined();
    expect(floorProblem(acute, { ...d, outcome: 'help', report: { ...d.report, necessary: null, norms: [] } } as Decision, false)).toMatch(/gave help/);
  });

  it('the CLI check refuses exit 70, a stack trace and unbounded output', async () => {
    expect(cliProblem({ code: 70, out: '', err: '' })).toMatch(/exit code 70/);
    expect(cliProblem({ code: 1, out: '', err: 'TypeError: x\n    at run (file:///a.js:1:2)\n' })).toMatch(/stack trace/);
    expect(cliProblem({ code: 1, out: 'x'.repeat(2_000_001), err: '' })).toMatch(/wrote/);
    expect(cliProblem(await runCliOnce(['evaluate', '-'], '{"considerations":{"suspicion":"ja"}}'))).toBeUndefined();
  });

  it('a generated framework that breaks a floor invariant is reported', () => {
    // Reports on child signals without asking for them: validates, but reads an unknown answer as
    // no. (A report or a question without a suspicion, which the fuzz found validating, is now
    // refused by the floor check.)
    const source = { document: '001_dcbf0a2973853468.txt', section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader' };
    const framework = extendFramework('basismodel', {
      id: 'basismodel-onbekend-is-nee',
      version: '1.0.0',
      name: { nl: 'x', en: 'x' },
      rules: { id: 'x', rules: [{ id: 'onbekend-is-nee', priority: 90, conditions: { all: [{ condition: 'suspicion-yes' }, { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true }] }, event: { type: 'report', params: { consideration: 2 } }, explanation: { nl: 'x', en: 'x' }, source }] },
    } as never);
    expect(floorNormsProblem(framework, 150, 2, ['unknown-is-never-no'])).toMatch(/validates but breaks unknown-is-never-no/);
    expect(floorNormsProblem('basismodel', 5)).toBeUndefined();
  });

  it('the canaries hold in a clean process', () => {
    expect(canaryProblem()).toBeUndefined();
  });
});

/** An entry point that does what none may, to see the fuzz catch it at the small sizes. */
const planted = (call: Target['call'], base = targets[0]!): Target => ({ ...base, name: 'planted', call, check: undefined });
const small = { runs: 40, seed: SEED, frameworks: 1, sizes: 'small', only: ['planted'] } as const;
/** What made the fuzz fail: fast-check's error has the fuzz's as its cause. */
async function failure(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return String(((error as Error).cause as Error | undefined)?.message);
}

describe('the small mode keeps every check', () => {
  it('splits 20,000 inputs over the two files, every part in one of them', () => {
    expect(firstHalf.runs + secondHalf.runs).toBe(RUNS);
    expect([...firstHalf.only, ...secondHalf.only].sort()).toEqual([...targets.map((t) => t.name), 'cli', 'frameworks'].sort());
  });

  it('a changed input is caught in the full-size sparse array it forces into every part', async () => {
    // Fills the last hole of an array 100,000 long: only the forced input has one.
    const fillHole = planted((c) => {
      const stack = [c];
      while (stack.length > 0) {
        const v = stack.pop();
        if (Array.isArray(v) && v.length >= fullSize.array) v[v.length - 1] = undefined;
        else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
      }
    });
    expect(await failure(fuzz({ ...small, targets: [fillHole] }))).toMatch(/^planted changed its input/);
  });

  it('a new key or a replaced method on a built-in prototype is caught', async () => {
    const trim = String.prototype.trim;
    try {
      expect(await failure(fuzz({ ...small, targets: [planted(() => Object.defineProperty(Object.prototype, 'planted', { value: 1, configurable: true }))] }))).toMatch(/^planted changed a built-in prototype/);
      delete (Object.prototype as Record<string, unknown>)['planted'];
      // Same keys, another function: a check of the key names alone misses it.
      expect(await failure(fuzz({ ...small, targets: [planted(() => (String.prototype.trim = function () { return trim.call(this); }))] }))).toMatch(/^planted changed a built-in prototype/);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['planted'];
      String.prototype.trim = trim;
    }
  });

  it('no input runs twice in a part: the valid document as it is comes once, not every fifth time', async () => {
    const base = JSON.stringify({ ...structuredClone(getFramework('basismodel')), id: 'fuzz-document' });
    const count = async (sizes: 'small' | 'full') => {
      let asIs = 0;
      const counting = planted((d) => ((asIs += JSON.stringify(d) === base ? 1 : 0), validateFramework(d)), targets.find((t) => t.name === 'validateFramework'));
      await fuzz({ ...small, sizes, targets: [counting] });
      return asIs;
    };
    expect(await count('small')).toBe(1);
    expect(await count('full')).toBeGreaterThan(1);
  });
});

describe('npm run fuzz in npm test (fixed seed, small sizes), part 1 of 2', () => {
  it(`${firstHalf.runs} of the ${RUNS} hostile inputs: ${firstHalf.only.join(', ')}`, async () => {
    const { targets } = await runHalf(firstHalf);
    // The generators reach both ends: inputs that go all the way, and inputs refused with a typed error.
    const evaluateRun = targets.find((t) => t.target === 'evaluate')!;
    expect(evaluateRun.results).toBeGreaterThan(0);
    expect(evaluateRun.typedErrors).toBeGreaterThan(0);
  });
});
