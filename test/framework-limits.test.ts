// Issue 10 item 3: a small framework document must not cost minutes or crash the validator.
// Each reproducer below failed before the limits (a DAG of 20 named conditions took 30 s to
// validate; a 1,000-deep condition tree threw a RangeError from zod); now each is refused with
// a MeldcodeFrameworkError naming the limit, before zod, the floor check or the compiler run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, extendFramework, frameworkLimits, getFramework, listFrameworks, MeldcodeFrameworkError, MeldcodeInputError, validateFramework } from '../src/index.js';
import { frameworkLimitIssues } from '../src/frameworks/limits.js';
import { getFloor } from '../src/frameworks/framework.js';
import { thrown } from './support/throws.js';
import { Readable } from 'node:stream';
import { EXIT, MAX_INPUT_BYTES, runCli } from '../src/cli/run.js';

const leaf = { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true };
const rule = (id: string, conditions: unknown) => ({
  id,
  priority: 10,
  conditions,
  event: { type: 'action', params: { action: 'limits-test' } },
  explanation: { nl: 'x', en: 'x' },
  source: { document: '004_afb33b2afc6e3693.txt', section: 'Kind Check' },
});
const withRules = (rules: unknown) => ({ ...structuredClone(getFramework('basismodel')), id: 'limits-test', version: '1.0.0', rules });

/** c_i = all[c_{i+1}, c_{i+1}]: 2^levels leaves once written out. */
const dag = (levels: number) => {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
  conditions[`c${levels}`] = { all: [leaf] };
  return withRules({ id: 'dag', conditions, rules: [rule('dag', { all: [{ condition: 'c0' }] })] });
};
const deep = (levels: number) => {
  let c: unknown = leaf;
  for (let i = 0; i < levels; i++) c = { all: [c] };
  return withRules({ id: 'deep', rules: [rule('deep', c)] });
};
const many = (n: number) => withRules({ id: 'many', rules: Array.from({ length: n }, (_, i) => rule(`r-${i}`, { all: [leaf] })) });

const refusedFor = (doc: unknown) => {
  const result = validateFramework(doc);
  expect(result.ok).toBe(false);
  const issues = result.ok ? [] : result.issues;
  expect(issues.map((i) => i.code)).toEqual(['limit-exceeded']);
  return issues[0]!;
};

describe('framework limits (issue 10 item 3)', () => {
  it('a DAG of named conditions that would blow up when written out is refused, naming maxInlinedLeaves', () => {
    for (const levels of [13, 20, 400]) expect(refusedFor(dag(levels)).message.en).toMatch(/maxInlinedLeaves/);
    // Within the limit it still validates and runs.
    const small = validateFramework(dag(10));
    expect(small.ok).toBe(true);
    if (small.ok) expect(evaluate({ considerations: { suspicion: true, childSignals: true } }, { framework: small.framework, evaluationDate: '2026-11-23' }).actions.map((a) => a.id)).toContain('limits-test');
  });

  it('a 1,000-deep condition tree is a MeldcodeFrameworkError, not a RangeError, in every entry point', () => {
    expect(refusedFor(deep(1000)).message.en).toMatch(/maxDepth/);
    expect(thrown(() => defineFramework(deep(1000) as never))).toBeInstanceOf(MeldcodeFrameworkError);
    // evaluate() collects the framework's problems with the case's into one input error, at options.framework.
    const inEvaluate = thrown(() => evaluate({}, { framework: deep(1000) as never }));
    expect(inEvaluate).toBeInstanceOf(MeldcodeInputError);
    expect((inEvaluate as MeldcodeInputError).issues.map((i) => [i.path.slice(0, 2).join('.'), i.code])).toEqual([['options.framework', 'limit-exceeded']]);
    let c: unknown = leaf;
    for (let i = 0; i < 1000; i++) c = { all: [c] };
    const error = thrown(() => extendFramework('basismodel', { id: 'x-deep', version: '1', name: { nl: 'x', en: 'x' }, rules: { id: 'x', rules: [rule('deep', c)] } } as never));
    expect(error).toBeInstanceOf(MeldcodeFrameworkError);
    expect((error as MeldcodeFrameworkError).issues[0]).toMatchObject({ code: 'limit-exceeded', path: expect.arrayContaining(['changes']) });
  });

  it('too many rules, values or characters: refused by count, before any of it is validated', () => {
    expect(refusedFor(many(frameworkLimits.maxRules + 1)).message.en).toMatch(/maxRules/);
    expect(refusedFor(many(20_000)).message.en).toMatch(/maxNodes/);
    expect(refusedFor({ ...withRules(undefined), id: 'x'.repeat(frameworkLimits.maxStringLength + 1) }).message.en).toMatch(/maxStringLength/);
    const names = Object.fromEntries(Array.from({ length: frameworkLimits.maxNamedConditions + 1 }, (_, i) => [`n${i}`, { all: [leaf] }]));
    expect(refusedFor(withRules({ id: 'names', conditions: names, rules: [] })).message.en).toMatch(/maxNamedConditions/);
  });

  it('the shipped frameworks keep every limit with room to spare (at most a tenth of each count)', () => {
    const floor = getFloor().rules.conditions ?? {};
    for (const { id } of listFrameworks()) {
      const fw = getFramework(id);
      expect(frameworkLimitIssues(fw, floor)).toEqual([]);
      expect((fw.rules?.rules.length ?? 0) * 10).toBeLessThanOrEqual(frameworkLimits.maxRules);
      // A tenth of each limit still passes: the shipped documents are far below it.
      const tight = { ...frameworkLimits, maxNodes: frameworkLimits.maxNodes / 10 };
      let nodes = 0;
      const stack: unknown[] = [fw];
      while (stack.length) {
        const v = stack.pop();
        nodes++;
        if (v && typeof v === 'object') stack.push(...Object.values(v as object));
      }
      expect(nodes).toBeLessThan(tight.maxNodes);
    }
  });

  it('the CLI refuses an input file over 10 MB before reading it as JSON (exit 1, no stack trace)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meldcode-limits-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(MAX_INPUT_BYTES + 1));
    let out = '';
    let err = '';
    const io = { stdin: Readable.from([]), stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } };
    for (const command of ['evaluate', 'validate']) {
      err = '';
      expect(await runCli([command, big, '--lang', 'en'], io)).toBe(EXIT.badInput);
      expect(err).toContain(`larger than ${MAX_INPUT_BYTES} bytes`);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect(out).toBe('');
  });
});
