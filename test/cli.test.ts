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
      expect(stderr).toContain('Gebruik / usage:');
    },
  );
});

describe('meldcode interview', () => {
  it('asks the questions one by one from piped answers and reaches a decision with its trail', () => {
    const { code, stdout } = run(['interview'], 'ja\nja\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Vraag 1: Heb ik op basis van de stappen 1 tot en met 4');
    expect(stdout).toContain('Vraag 2: Is er sprake van acute onveiligheid?');
    expect(stdout).not.toContain('Vraag 3:');
    expect(stdout).toContain('Uitkomst: Melden bij Veilig Thuis is de professionele norm');
    expect(stdout).toContain('[afweging-2-ja-norm-1]');
    expect(stdout).toContain('{"considerations":{"suspicion":true,"unsafety":{"acute":true}}}');
  });

  it('with --all goes on with the kindcheck and the open steps after the decision', () => {
    const plain = run(['interview'], 'ja\nja\nnee\n');
    expect(plain.stdout).not.toContain('Vraag 3:');
    const { code, stdout } = run(['interview', '--all', '--json'], 'ja\nja\nnee\nja\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Vraag 3: Zijn er signalen van ouderproblematiek');
    const { case: kase, decision } = JSON.parse(stdout.slice(stdout.indexOf('{\n')));
    expect(kase).toMatchObject({ kindcheck: { parentSignals: false }, steps: { signalsRecorded: true } });
    expect([decision.outcome, decision.kindcheck.status]).toEqual(['report', 'complete']);
  });

  it('closes on "no suspicion" after one answer', () => {
    const { stdout } = run(['interview', '--lang', 'en'], 'no\n');
    expect(stdout).toContain('Outcome: Close the meldcode and record the conclusion in the file');
  });

  it('re-asks an answer it does not understand; "don\'t know" stays unknown and is not asked again', () => {
    const { code, stdout } = run(['interview', '--json'], 'misschien\nja\n?\n?\n?\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Dat antwoord begrijp ik niet: "misschien"');
    const { case: kase, decision } = JSON.parse(stdout.slice(stdout.indexOf('{\n')));
    expect(kase).toEqual({ considerations: { suspicion: true } });
    expect(decision.outcome).toBe('needs-input');
    expect(decision.nextQuestions.map((q: { id: string }) => q.id)).toContain('considerations.unsafety.acute');
  });

  it('prints the decision so far when the answers run out', () => {
    const { code, stdout } = run(['interview'], '');
    expect(code).toBe(0);
    expect(stdout).toContain('Uitkomst: Nog geen advies');
  });

  it('follows the chosen framework, and rejects an unknown one (exit 1)', () => {
    expect(run(['interview', '--framework', 'basismodel'], 'nee\n').stdout).toContain('{"framework":"basismodel","considerations":{"suspicion":false}}');
    const bad = run(['interview', '--framework', 'nope'], 'ja\n');
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('onbekend afwegingskader "nope"')]);
  });
});

describe('meldcode frameworks, schema, validate, flowchart', () => {
  it('lists the shipped frameworks', () => {
    expect(run(['frameworks']).stdout).toMatch(/^basismodel\s+1\.0\.0\s+helper\s+Voorbeeld-afwegingskader/m);
    expect(JSON.parse(run(['frameworks', '--json']).stdout).map((f: { id: string }) => f.id)).toContain('basismodel');
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
    ['scope.setting', '2', 'education'],
    ['scope.setting', 'care', 'care'],
    ['scope.setting', 'school', null],
    ['client.birthDate', '2010-05-05', '2010-05-05'],
    ['client.birthDate', '5 mei 2010', null],
  ] as const)('%s: "%s"', (id, line, expected) => {
    expect(parseAnswer(q(id), line)).toEqual(expected);
  });
});
