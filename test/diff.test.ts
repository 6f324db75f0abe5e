// diffFrameworks and `meldcode diff`: a difference seeded on purpose is found and shrunk to its
// smallest case; a framework and its unmodified copy do not differ; the physicians' step 2 shows.
import { describe, expect, it } from 'vitest';
import { extendFramework, type FrameworkId } from '../src/authoring/index.js';
import { runCli } from '../src/cli/run.js';
import { sideBySide } from '../src/cli/diff.js';
import fc from 'fast-check';
import { evaluate, MeldcodeInputError } from '../src/index.js';
import { diffFrameworks, KIT_EVALUATION_DATE } from '../src/testing/index.js';
import { searchDifferences } from '../src/testing/diff.js';
import { thrown } from './support/throws.js';

const name = { nl: 'Eigen meldcode', en: 'Own meldcode' };
const src = { document: '000_5b0914504b666284.txt', section: 'Stap 2: Collegiale consultatie en zo nodig raadplegen van Veilig Thuis of een deskundige op het terrein van letselduiding' };

/** basismodel, with Veilig Thuis advice made a requirement of step 2 (as the physicians have it). */
const seeded = extendFramework('basismodel', {
  id: 'basismodel-advies-verplicht',
  version: '1.0.0',
  name,
  steps: [{ step: 2, requirements: [{ id: 'advies-veilig-thuis', level: 'required', text: { nl: 'Vraag altijd advies.', en: 'Always ask advice.' }, source: src }] }],
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdin: process.stdin, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('diffFrameworks', () => {
  it('finds a seeded difference and shrinks it to the one answer it needs', () => {
    const diff = diffFrameworks('basismodel', seeded, { numRuns: 50, maxDifferences: 3 });
    expect(diff.identical).toBe(false);
    const step2 = diff.differences.find((d) => d.key === 'steps.open: 2 only in b');
    expect(step2).toBeDefined();
    // Step 2 is open in both without an answer; done in basismodel once a colleague is consulted.
    expect(step2!.case).toEqual({ steps: { colleagueConsulted: true } });
    expect(step2!.trails.a.map((l) => l.ruleId)).toContain('stap-2-gezet');
    expect(step2!.trails.b.map((l) => l.ruleId)).toContain('stap-2-open');
    // The outcome, report and help are the same: the requirement changes the steps, never the norm.
    expect(diff.differences.flatMap((d) => d.changes.map((c) => c.aspect))).not.toContain('outcome');
  });

  it('removes every answer the difference does not need, also where fast-check cannot shrink', () => {
    const big = { steps: { colleagueConsulted: true, signalsRecorded: true }, contact: { oneOff: false }, considerations: { suspicion: true, childSignals: false } };
    const opts = (framework: typeof seeded | 'basismodel') => ({ framework, evaluationDate: KIT_EVALUATION_DATE });
    const found = searchDifferences(fc.constant(big), (c) => ({ a: evaluate(c, opts('basismodel')), b: evaluate(c, opts(seeded)) }), { numRuns: 5 });
    expect(found.differences.map((d) => [d.key, d.case])).toContainEqual(['steps.open: 2 only in b', { steps: { colleagueConsulted: true } }]);
  });

  it.each(['basismodel', 'artsen', 'sociaal-domein', 'onderwijs'] as const)('reports no difference between %s and its unmodified copy', (id) => {
    const copy = extendFramework(id as FrameworkId, { id: `${id}-kopie`, version: '1.0.0', name });
    const diff = diffFrameworks(id, copy, { numRuns: 50 });
    expect(diff).toMatchObject({ identical: true, differences: [], vocabulary: { onlyInA: [], onlyInB: [] } });
    expect(diff.cases).toBe(50);
  });

  it('is reproducible from its seed', () => {
    const keys = (seed: number) => diffFrameworks('basismodel', 'artsen', { numRuns: 20, seed, maxDifferences: 2 }).differences.map((d) => [d.key, d.case]);
    expect(keys(3)).toEqual(keys(3));
  });

  it('stops at maxDifferences and says so', () => {
    const diff = diffFrameworks('basismodel', 'artsen', { numRuns: 20, maxDifferences: 1 });
    expect(diff.differences).toHaveLength(1);
    expect(diff.truncated).toBe(true);
  });

  it('lists the indicators only one framework knows, and leaves them out of the search', () => {
    const diff = diffFrameworks('basismodel', 'sociaal-domein', { numRuns: 20, maxDifferences: 2 });
    // The floor examples are in both (issue 14 ruling C); the structural categories are basismodel's own.
    expect(diff.vocabulary.onlyInA).toContain('structural-physical-violence');
    expect(diff.vocabulary.onlyInA).not.toContain('acute-weapon-use');
    expect(diff.vocabulary.onlyInB).toContain('disclosure-statement');
    for (const d of diff.differences) {
      for (const code of Object.keys(d.case.considerations?.indicators ?? {})) expect(diff.vocabulary.onlyInA.concat(diff.vocabulary.onlyInB)).not.toContain(code);
    }
  });

  it('an unknown framework id is the typed error naming the known ones', () => {
    // @ts-expect-error a misspelt id does not compile; at run time it is refused with a typed error
    const error = thrown(() => diffFrameworks('basismodel', 'fysiotherapie'));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect((error as MeldcodeInputError).issues[0]!.message.en).toContain('basismodel');
  });
});

describe('sideBySide', () => {
  it('aligns the rules both trails have and marks those only one has', () => {
    const line = (ruleId: string) => ({ ruleId, module: 'm', explanation: '' });
    expect(sideBySide([line('a'), line('x'), line('c')], [line('a'), line('y'), line('z'), line('c')])).toEqual([
      ['a', ' ', 'a'],
      ['x', '<', ''],
      ['', '>', 'y'],
      ['', '>', 'z'],
      ['c', ' ', 'c'],
    ]);
  });
});

describe('meldcode diff', () => {
  it('basismodel artsen prints the physicians\u2019 step-2 difference as a minimal case, with both trails', async () => {
    const { code, stdout } = await cli(['diff', 'basismodel', 'artsen', '--lang', 'en', '--runs', '40']);
    expect(code).toBe(0);
    const block = stdout.split('\n\n').find((b) => b.includes('steps.open: 2 only in artsen'));
    expect(block).toBeDefined();
    expect(block).toContain('case: {"steps":{"colleagueConsulted":true}}');
    // Side by side: basismodel's done step 2 against artsen's open one and its requirement.
    expect(block).toMatch(/stap-2-gezet\s+<\n/);
    expect(block).toMatch(/>\s+stap-2-advies-veilig-thuis-vereist/);
  });

  it('--json gives the diff as data; a bad --runs is a usage error', async () => {
    const json = await cli(['diff', 'artsen', 'artsen', '--json', '--runs', '30']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ a: 'artsen', b: 'artsen', identical: true });
    const bad = await cli(['diff', 'artsen', 'basismodel', '--runs', 'veel']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--runs');
  });

  it('an unknown framework is bad input (exit 1), listed', async () => {
    const { code, stderr } = await cli(['diff', 'basismodel', 'fysiotherapie', '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr).toContain('unknown framework "fysiotherapie"');
  });
});
