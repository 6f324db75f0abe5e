// The `meldcode` command, built by tsup as the package builds it and run as a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswer } from '../src/cli/run.js';
import { listQuestions, VERSION } from '../src/index.js';

// Inside the repository, so the built file resolves zod and json-rules-engine from node_modules.
const outDir = join(process.cwd(), 'node_modules', '.cache', 'meldcode-cli-test');
const cli = join(outDir, 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'meldcode-cli-'));

beforeAll(async () => {
  await build({
    entry: { cli: 'src/cli/cli.ts' },
    format: ['esm'],
    outDir,
    target: 'es2022',
    platform: 'node',
    dts: false,
    clean: true,
    silent: true,
    config: false,
  });
}, 120_000);

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, json: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

const acute = { evaluationDate: '2026-11-23', considerations: { suspicion: true, unsafety: { acute: true } } };

describe('the built file', () => {
  it('is an executable with a shebang', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(statSync(cli).mode & 0o111).not.toBe(0);
  });

  it('prints its version and its usage', () => {
    expect(run(['--version']).stdout.trim()).toBe(VERSION);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('meldcode interview');
  });
});

describe('meldcode evaluate', () => {
  it('prints the decision as readable Dutch with its trail (exit 0)', () => {
    const { code, stdout } = run(['evaluate', file('acute.json', acute)]);
    expect(code).toBe(0);
    expect(stdout).toContain('Uitkomst: Melden bij Veilig Thuis is de professionele norm');
    expect(stdout).toContain('[afweging-2-ja-norm-1]');
    expect(stdout).toContain('001_dcbf0a2973853468.txt');
  });

  it('reads stdin with -, in English or as JSON', () => {
    const en = run(['evaluate', '-', '--lang', 'en'], JSON.stringify(acute));
    expect(en.stdout).toContain('Outcome: Reporting to Veilig Thuis is the professional norm');
    const json = run(['evaluate', '-', '--json'], JSON.stringify(acute));
    expect(json.code).toBe(0);
    const decision = JSON.parse(json.stdout);
    expect([decision.outcome, decision.report.norms, decision.receipt.evaluationDate]).toEqual(['report', [1], '2026-11-23']);
  });

  it('takes the framework and the date as options', () => {
    const { stdout } = run(['evaluate', '-', '--json', '--framework', 'basismodel', '--date', '2025-01-02'], '{}');
    expect(JSON.parse(stdout).receipt).toMatchObject({ evaluationDate: '2025-01-02', framework: { id: 'basismodel' } });
  });

  it('lists every problem of a bad case on stderr (exit 1)', () => {
    const { code, stderr, stdout } = run(['evaluate', file('bad.json', { considerations: { suspicion: 'ja', nope: true }, framework: 'x' })]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('considerations.suspicion: verwacht ja/nee (boolean)');
    expect(stderr).toContain('considerations.nope');
    expect(stderr).toContain('framework');
  });

  it('rejects a file that is not JSON, or missing (exit 1)', () => {
    expect(run(['evaluate', file('broken.json', '{ nope')]).code).toBe(1);
    const missing = run(['evaluate', join(work, 'missing.json')]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('ENOENT')]);
  });
});

describe('usage errors (exit 2)', () => {
  it.each([[[]], [['nope']], [['evaluate']], [['evaluate', 'a', 'b']], [['evaluate', '-', '--lang', 'fr']], [['frameworks', '--nope']], [['schema', 'x']]])(
    'meldcode %j',
    (args) => {
      const { code, stderr } = run(args);
      expect(code).toBe(2);
      expect(stderr).toContain('Gebruik:');
    },
  );
});

describe('meldcode interview', () => {
  // The two scope questions come first while unanswered (issue 14 ruling B): "nee" keeps the case in the meldcode.
  const inScope = 'nee\nnee\n';
  const scope = { perpetratorIsProfessional: false, betweenClients: false };

  it('asks the scope questions first, then the others one by one, and reaches a decision with its trail', () => {
    const { code, stdout } = run(['interview'], `${inScope}ja\nja\n`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Vraag 1 van ~\d+: Gaan de signalen over mogelijk geweld door een professional/);
    expect(stdout).toMatch(/Vraag 2 van ~\d+: Gaan de signalen over mogelijk geweld tussen cliënten/);
    expect(stdout).toMatch(/Vraag 3 van ~\d+: Heb ik op basis van de stappen 1 tot en met 4/);
    expect(stdout).toMatch(/Vraag 4 van ~\d+: Is er sprake van acute onveiligheid\?/);
    expect(stdout).not.toContain('Vraag 5 ');
    expect(stdout).toContain('Uitkomst: Melden bij Veilig Thuis is de professionele norm');
    expect(stdout).toContain('[afweging-2-ja-norm-1]');
    expect(stdout).toContain(JSON.stringify({ scope, considerations: { suspicion: true, unsafety: { acute: true } } }));
  });

  it('with --all goes on with the kindcheck and the open steps after the decision', () => {
    const plain = run(['interview'], `${inScope}ja\nja\nnee\n`);
    expect(plain.stdout).not.toContain('Vraag 5 ');
    const { code, stdout, stderr } = run(['interview', '--all', '--json'], `${inScope}ja\nja\nnee\nja\n`);
    expect(code).toBe(0);
    // With --json the questions go to stderr: stdout is the JSON alone.
    expect(stderr).toMatch(/Vraag 5 van ~\d+: Zijn er signalen van ouderproblematiek/);
    const { case: kase, decision } = JSON.parse(stdout);
    expect(kase).toMatchObject({ kindcheck: { parentSignals: false }, steps: { signalsRecorded: true } });
    expect([decision.outcome, decision.kindcheck.status]).toEqual(['report', 'complete']);
  });

  it('closes on "no suspicion" after the scope questions and one answer', () => {
    const { stdout } = run(['interview', '--lang', 'en'], 'no\nno\nno\n');
    expect(stdout).toContain('Outcome: Close the meldcode and record the conclusion in the file');
  });

  it('re-asks an answer it does not understand; "don\'t know" stays unknown and is not asked again', () => {
    const { code, stdout, stderr } = run(['interview', '--json'], `${inScope}misschien\nja\n?\n?\n?\n`);
    expect(code).toBe(0);
    expect(stderr).toContain('Dat antwoord begrijp ik niet: "misschien"');
    const { case: kase, decision } = JSON.parse(stdout);
    expect(kase).toEqual({ scope, considerations: { suspicion: true } });
    expect(decision.outcome).toBe('needs-input');
    expect(decision.nextQuestions.map((q: { id: string }) => q.id)).toContain('considerations.unsafety.acute');
  });

  it('"don\'t know" to a scope question keeps the meldcode in force and goes on', () => {
    const { code, stdout } = run(['interview', '--json'], '?\n?\nja\nja\n');
    expect(code).toBe(0);
    const { case: kase, decision } = JSON.parse(stdout.slice(stdout.indexOf('{\n')));
    expect(kase).toEqual({ considerations: { suspicion: true, unsafety: { acute: true } } });
    expect([decision.outcome, decision.scope.status]).toEqual(['report', 'open']);
  });

  it('prints the decision so far when the answers run out', () => {
    const { code, stdout } = run(['interview'], '');
    expect(code).toBe(0);
    expect(stdout).toContain('Uitkomst: Nog geen advies');
  });

  it('follows the chosen framework, and rejects an unknown one (exit 1)', () => {
    expect(run(['interview', '--framework', 'basismodel'], `${inScope}nee\n`).stdout).toContain(JSON.stringify({ framework: 'basismodel', scope, considerations: { suspicion: false } }));
    const bad = run(['interview', '--framework', 'nope'], 'ja\n');
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('onbekend afwegingskader "nope"')]);
  });
});

describe('meldcode frameworks, schema, validate, flowchart', () => {
  it('lists the shipped frameworks, then the clusters not yet encoded with what to use meanwhile', () => {
    const { stdout } = run(['frameworks']);
    expect(stdout).toMatch(/^basismodel\s+1\.0\.0\s+helper\s+Voorbeeld-afwegingskader/m);
    expect(stdout).toMatch(/Nog niet gecodeerd[^]*^verloskundigen\s+→ basismodel/m);
    const list = JSON.parse(run(['frameworks', '--json']).stdout) as { id: string; status: string }[];
    expect(list.find((f) => f.id === 'basismodel')?.status).toBe('encoded');
    expect(list.find((f) => f.id === 'verloskundigen')?.status).toBe('not-yet-encoded');
    expect(list.find((f) => f.id === 'kinderopvang')?.status).toBe('encoded');
  });

  it('prints the JSON Schema of the case input', () => {
    const schema = JSON.parse(run(['schema']).stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.considerations.properties.suspicion).toEqual({ type: 'boolean' });
  });

  it('validates a framework document, listing every problem (exit 0 / 1)', () => {
    const shipped = join(process.cwd(), 'src', 'frameworks', 'basismodel', 'basismodel.framework.json');
    const ok = run(['validate', shipped]);
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('Geldig: basismodel 1.0.0')]);
    const broken = JSON.parse(readFileSync(shipped, 'utf8'));
    broken.version = 'one';
    delete broken.role;
    const bad = run(['validate', file('framework.json', broken), '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('version:');
    expect(bad.stderr).toContain('role:');
  });

  it('prints a framework as a Mermaid flowchart, by id or from a file; an unknown id is bad input', () => {
    const { code, stdout } = run(['flowchart', 'basismodel']);
    expect(code).toBe(0);
    expect(stdout.startsWith('flowchart')).toBe(true);
    const shipped = join(process.cwd(), 'src', 'frameworks', 'basismodel', 'basismodel.framework.json');
    expect(run(['flowchart', shipped, '--lang', 'en']).stdout).toBe(run(['flowchart', 'basismodel', '--lang', 'en']).stdout);
    const bad = run(['flowchart', 'nope']);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('onbekend afwegingskader "nope"')]);
  });
});

describe('answers typed in the interview', () => {
  const q = (id: string) => listQuestions().find((x) => x.id === id)!;
  it.each([
    ['considerations.suspicion', 'Ja', true],
    ['considerations.suspicion', 'n', false],
    ['considerations.suspicion', '?', undefined],
    ['considerations.suspicion', 'weet niet', undefined],
    ['considerations.suspicion', 'misschien', null],
    ['kindcheck.childrenCount', '3', 3],
    ['kindcheck.childrenCount', 'drie', null],
    ['kindcheck.childrenAges', '4, 9 12', [4, 9, 12]],
    ['scope.setting', '1', 'education'],
    ['scope.setting', 'care', 'care'],
    ['scope.setting', 'school', null],
    ['client.birthDate', '2010-05-05', '2010-05-05'],
    ['client.birthDate', '5 mei 2010', null],
  ] as const)('%s: "%s"', (id, line, expected) => {
    expect(parseAnswer(q(id), line)).toEqual(expected);
  });
});

// Issue 10 item 6: hostile input, closed pipes and bugs end in one clear message and a
// documented exit code, never a stack trace, and what the CLI writes stays bounded.
describe('hostile input, closed pipes and bugs', () => {
  const base = JSON.parse(readFileSync(join(process.cwd(), 'src', 'frameworks', 'basismodel', 'basismodel.framework.json'), 'utf8'));
  const leaf = { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true };
  const rule = (id: string, conditions: unknown) => ({
    id,
    priority: 10,
    conditions,
    event: { type: 'action', params: { action: 'x-action' } },
    explanation: { nl: 'x', en: 'x' },
    source: { document: '004_afb33b2afc6e3693.txt', section: 'Kind Check' },
  });
  const unknownKeys = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, true]));
  const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+[(:]/m);

  it('lists at most 1,000 of 200,000 unknown keys, says more were left out, and stays small', () => {
    const { code, stdout, stderr } = run(['evaluate', file('unknown-200k.json', { considerations: unknownKeys(200_000) })]);
    expect([code, stdout]).toEqual([1, '']);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Ongeldige invoer (meer dan 1000 problemen):');
    expect(lines).toHaveLength(1 + 1000 + 1);
    expect(lines.at(-1)).toBe('  (input): nog 199000 problemen weggelaten (hooguit 1000 worden genoemd)');
    expect(stderr.length).toBeLessThan(100_000);
    noStack(stderr);
  });

  it('counts the problems in the heading when there are few', () => {
    const { stderr } = run(['evaluate', '-', '--lang', 'en'], '{"considerations":{"suspicion":"yes"}}');
    expect(stderr.split('\n')[0]).toBe('Invalid input (1 problem):');
  });

  it('refuses 50 MB of unknown keys by the 10 MB cap, from a file and from stdin, in one line', () => {
    // Written as text, 12 blocks of 100,000 keys each (unique by block and index): an object of
    // 1.2 million keys would cost seconds to build and stringify.
    const block = Array.from({ length: 100_000 }, (_, i) => `"an-unknown-key-of-some-length-@-${i}":true`).join(',');
    const blocks = Array.from({ length: 12 }, (_, b) => block.replaceAll('@', String(b)));
    const big = file('unknown-50mb.json', `{"considerations":{${blocks.join(',')}}}`);
    expect(statSync(big).size).toBeGreaterThan(50_000_000);
    const fromFile = run(['evaluate', big]);
    expect([fromFile.code, fromFile.stdout, fromFile.stderr]).toEqual([1, '', `${big} is groter dan 10000000 bytes\n`]);
    const viaStdin = spawnSync('bash', ['-c', `node ${cli} evaluate - < ${big}`], { encoding: 'utf8', timeout: 60_000 });
    expect([viaStdin.status, viaStdin.stdout, viaStdin.stderr]).toEqual([1, '', '- is groter dan 10000000 bytes\n']);
  });

  it('refuses a 1,000-deep condition tree in validate and flowchart with the limit, not a stack overflow', () => {
    let tree: unknown = leaf;
    for (let i = 0; i < 1000; i++) tree = { all: [tree] };
    const deep = file('deep.json', { ...base, id: 'deep', rules: { id: 'deep', rules: [rule('deep', tree)] } });
    for (const command of ['validate', 'flowchart']) {
      const { code, stdout, stderr } = run([command, deep]);
      expect([command, code, stdout]).toEqual([command, 1, '']);
      expect(stderr).toContain('maxDepth = 64');
      noStack(stderr);
    }
  });

  it('answers a 1 kB DAG of named conditions and the scalar "in" of item 2 with "invalid", not "Geldig" or a hang', () => {
    const conditions: Record<string, unknown> = { c24: { all: [leaf] } };
    for (let i = 0; i < 24; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
    const dag = run(['validate', file('dag.json', { ...base, id: 'dag', rules: { id: 'dag', conditions, rules: [rule('dag', { all: [{ condition: 'c0' }] })] } })]);
    expect([dag.code, dag.stdout]).toEqual([1, '']);
    expect(dag.stderr).toContain('maxInlinedLeaves');
    const scalarIn = { all: [{ fact: 'considerations', operator: 'in', value: 0 }] };
    const inScalar = run(['validate', file('in-scalar.json', { ...base, id: 'in-scalar', rules: { id: 'in', rules: [rule('in', scalarIn)] } })]);
    expect([inScalar.code, inScalar.stdout]).toEqual([1, '']);
    noStack(dag.stderr + inScalar.stderr);
  });

  // A pipeline through bash: `${PIPESTATUS[0]}` is the exit code of meldcode itself.
  const pipeline = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, MELDCODE: cli } });

  it('stops quietly when the reader closes the pipe early (| head), keeping its exit code', () => {
    const acuteFile = file('acute-pipe.json', acute);
    const json = pipeline(`node "$MELDCODE" evaluate ${acuteFile} --json | head -c 1 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`);
    expect(json.stderr).toBe('exit 0\n');
    const bad = pipeline(`node "$MELDCODE" evaluate ${file('unknown-pipe.json', { considerations: unknownKeys(5000) })} 2>&1 | head -n 1 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`);
    expect(bad.stderr).toBe('exit 1\n');
  });

  it('repeats at most 200 characters of an answer it does not understand (found by the fuzz)', () => {
    // A 1 MB line used to be echoed twice, whole: 2 MB on stdout.
    const { code, stdout } = run(['interview'], `${'x'.repeat(1_000_000)}\nnee\n`);
    expect(code).toBe(0);
    expect(stdout).toContain(`Dat antwoord begrijp ik niet: "${'x'.repeat(200)}…"`);
    expect(stdout.length).toBeLessThan(100_000);
  });

  it('ends an interview whose reader has gone, even when the answers never run out', () => {
    // Without the EPIPE handling this re-asks "misschien" forever; the timeout would end it.
    const endless = pipeline(`yes misschien | node "$MELDCODE" interview 2>/dev/null | head -c 200 >/dev/null; echo "exit \${PIPESTATUS[1]}" >&2`);
    expect([endless.status, endless.stderr]).toEqual([0, 'exit 0\n']);
  });

  it('reports a bug in one line with exit 70, never a stack trace', () => {
    // A bug simulated from outside: String.prototype.padEnd (used by `frameworks`) throws.
    const bug = 'String.prototype.padEnd = function () { throw new TypeError("simulated bug\\n    at secret (file:///internals.js:1:1)"); };';
    const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(bug)}`, cli, 'frameworks'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(70);
    expect(result.stderr).toBe('meldcode: interne fout (TypeError: simulated bug at secret (file:///internals.js:1:1)). Dit is een fout in meldcode; meld hem met de invoer (zie SECURITY.md).\n');
  });
});

describe('messages for out-of-range answers (found by the issue 10 fuzz after the move to zod/mini)', () => {
  // zod/mini ships no message texts: fromZodIssues writes its own nl and en from the bound.
  it('an age of 200 says the most it may be (130), a list its longest, a date its format, in nl and en', () => {
    const kase = JSON.stringify({ client: { age: 200 }, kindcheck: { childrenAges: Array.from({ length: 31 }, () => 4), childrenCount: -1 } });
    const nl = run(['evaluate', '-'], kase);
    expect(nl.code).toBe(1);
    expect(nl.stderr).toContain('client.age: te groot: hoogstens 130');
    expect(nl.stderr).toContain('kindcheck.childrenAges: te lang: hoogstens 30 items');
    expect(nl.stderr).toContain('kindcheck.childrenCount: te klein: minstens 0');
    expect(nl.stderr).not.toContain(': Invalid input');
    const en = run(['evaluate', '-', '--lang', 'en'], kase);
    expect(en.stderr).toContain('client.age: too big: at most 130');
    const date = run(['evaluate', '-', '--lang', 'en'], JSON.stringify({ client: { birthDate: '14-02-2010' } }));
    expect(date.stderr).toMatch(/client\.birthDate: (invalid format|expected)/);
    expect(date.stderr).not.toContain(': Invalid input');
  });
});
