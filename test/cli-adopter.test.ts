// The `meldcode` command as an adopter meets it (issue 11): help in the chosen language, per
// command, a suggestion for a mistyped command, argument errors in that language; an interview
// whose --json output is JSON, that echoes only piped answers, takes an answer back, keeps every
// answer across one the case cannot take, takes an age for a birth date, and saves and resumes a
// case file; and the bundled examples as case files. In process, through runCli.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli, suggestCommand } from '../src/cli/run.js';
import { loadExamples } from '../scripts/load-examples.js';

const work = mkdtempSync(join(tmpdir(), 'meldcode-cli-adopter-'));

/** Runs the command with these lines on stdin (a pipe, or a terminal with `tty`). */
async function run(args: string[], input = '', tty = false) {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from(input.length > 0 ? [input] : []), { isTTY: tty });
  const code = await runCli(args, { stdin, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/**
 * An interview as a conversation: `answer` sees each question (the text of its prompt) and
 * gives the line to type; `undefined` ends the input.
 */
async function converse(args: string[], answer: (question: string, transcript: string) => string | undefined) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  const write = (text: string) => {
    if (!text.endsWith('] > ')) return;
    const transcript = stdout + stderr;
    const question = transcript.slice(transcript.lastIndexOf('\n' + (args.includes('en') ? 'Question' : 'Vraag')));
    const line = answer(question, transcript);
    if (line === undefined) stdin.end();
    else stdin.write(`${line}\n`);
  };
  const code = await runCli(args, {
    stdin,
    stdout: { write: (t: string) => ((stdout += t), write(t)) },
    stderr: { write: (t: string) => ((stderr += t), write(t)) },
  });
  return { code, stdout, stderr };
}

const inScope = 'nee\nnee\n';
const scope = { perpetratorIsProfessional: false, betweenClients: false };

describe('help', () => {
  it('is in English with --lang en, and in Dutch by default', async () => {
    const en = await run(['--help', '--lang', 'en']);
    expect(en.code).toBe(EXIT.ok);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('ask the questions one at a time');
    expect(en.stdout).not.toMatch(/Gebruik|stel de vragen/);
    const nl = await run(['--help']);
    expect(nl.stdout).toContain('Gebruik:');
    expect(nl.stdout).toContain('stel de vragen één voor één');
    expect(nl.stdout).not.toContain('Usage:');
  });

  it('is there per command: meldcode <command> --help and meldcode help <command>', async () => {
    for (const args of [['evaluate', '--help'], ['help', 'evaluate']]) {
      const { code, stdout } = await run([...args, '--lang', 'en']);
      expect(code).toBe(EXIT.ok);
      expect(stdout).toContain('Usage: meldcode evaluate <case.json | ->');
      expect(stdout).toContain('--framework <id>');
      expect(stdout).not.toContain('meldcode interview');
    }
    expect((await run(['interview', '--help'])).stdout).toContain('--save <file.json>');
  });

  it('suggests the command meant by a mistyped one', async () => {
    const nl = await run(['evalute']);
    expect([nl.code, nl.stderr.split('\n')[0]]).toEqual([EXIT.usage, 'meldcode: onbekende opdracht "evalute"; bedoelt u "evaluate"?']);
    const en = await run(['intervew', '--lang', 'en']);
    expect(en.stderr.split('\n')[0]).toBe('meldcode: unknown command "intervew"; did you mean "interview"?');
    expect((await run(['help', 'frameworx'])).stderr).toContain('bedoelt u "frameworks"?');
    expect(suggestCommand('fra')).toBe('frameworks');
    expect(suggestCommand('xyz')).toBeUndefined();
  });

  it('gives argument errors in the chosen language, with the command’s help', async () => {
    const nl = await run(['frameworks', '--nope']);
    expect(nl.code).toBe(EXIT.usage);
    expect(nl.stderr).toContain('meldcode: onbekende optie --nope');
    expect(nl.stderr).toContain('Gebruik: meldcode frameworks');
    expect(nl.stderr).not.toMatch(/Unknown option|To specify a positional/);
    const en = await run(['evaluate', '-', '--framework', '--lang', 'en']);
    expect(en.stderr.split('\n')[0]).toBe('meldcode: the option --framework needs a value');
    const missing = await run(['evaluate', '-', '--lang', 'en', '--framework']);
    expect(missing.stderr.split('\n')[0]).toBe('meldcode: the option --framework needs a value');
    const flag = await run(['frameworks', '--json=yes']);
    expect(flag.stderr.split('\n')[0]).toBe('meldcode: de optie --json neemt geen waarde');
  });
});

describe('the interview', () => {
  it('with --json writes only the JSON on stdout, the questions on stderr', async () => {
    const { code, stdout, stderr } = await run(['interview', '--json'], `${inScope}ja\nja\n`);
    expect(code).toBe(EXIT.ok);
    const { case: kase, decision } = JSON.parse(stdout);
    expect([kase, decision.outcome]).toEqual([{ scope, considerations: { suspicion: true, unsafety: { acute: true } } }, 'report']);
    expect(stderr).toContain('Vraag 1 van ~');
  });

  it('echoes a piped answer after its prompt, but not what a terminal shows already', async () => {
    const piped = await run(['interview'], `${inScope}ja\nja\n`);
    expect(piped.stdout).toContain('] > ja\n');
    const tty = await run(['interview'], `${inScope}ja\nja\n`, true);
    expect(tty.stdout).not.toContain('] > ja');
    expect(tty.stdout).not.toContain('] > nee');
    expect(tty.stdout).toContain('Melden bij Veilig Thuis is de professionele norm');
  });

  it('says which question it is of about how many', async () => {
    // Two scope questions, then afweging 1; the count grows as the answers open questions.
    const { stdout } = await run(['interview', '--lang', 'en'], 'no\nno\nyes\n');
    expect(stdout).toMatch(/Question 1 of ~3: /);
    expect(stdout).toMatch(/Question 2 of ~3: /);
    expect(stdout).toMatch(/Question 4 of ~\d+: /);
  });

  it('takes the last answer back with "terug" / "back"', async () => {
    const nl = await run(['interview', '--json'], `${inScope}ja\nterug\nnee\n`);
    expect(JSON.parse(nl.stdout).case).toEqual({ scope, considerations: { suspicion: false } });
    expect(JSON.parse(nl.stdout).decision.outcome).toBe('close-and-record');
    // Back twice, over a "don't know" too, then answered anew.
    const en = await run(['interview', '--json', '--lang', 'en'], `yes\n?\nback\nback\nno\nno\nyes\nyes\n`);
    expect(JSON.parse(en.stdout).case).toEqual({ scope, considerations: { suspicion: true, unsafety: { acute: true } } });
    const nothing = await run(['interview', '--lang', 'en'], 'back\n');
    expect(nothing.stdout).toContain('There is no answer to take back yet.');
  });

  it('prints the question’s help and the words it knows on "help"', async () => {
    const { stdout } = await run(['interview', '--lang', 'en'], 'help\n');
    expect(stdout).toContain('Type back to take the previous answer back');
    expect(stdout.match(/Question 1 of/g)).toHaveLength(2);
  });

  const toTheBirthDate = (birthDate: string[]) => (question: string) => {
    if (question.includes('geboortedatum')) return birthDate.shift();
    if (question.includes('Heb ik op basis van') || question.includes('acute onveiligheid')) return 'ja';
    if (question.includes('Gaan de signalen')) return 'nee';
    return '?';
  };

  it('refuses a date that does not exist, keeps every earlier answer, and asks again', async () => {
    const { code, stdout, stderr } = await converse(['interview', '--all', '--json', '--date', '2026-11-23'], toTheBirthDate(['2014-02-30', '2014-02-28']));
    expect(code).toBe(EXIT.ok);
    expect(stderr).toContain('Dat antwoord past niet in de casus; de eerdere antwoorden blijven staan');
    expect(stderr).toContain('client.birthDate');
    expect(stderr.match(/Wat is de geboortedatum van de cliënt\?/g)).toHaveLength(2);
    const { case: kase } = JSON.parse(stdout);
    expect(kase).toMatchObject({ scope, considerations: { suspicion: true, unsafety: { acute: true } }, client: { birthDate: '2014-02-28' } });
  });

  it('takes the age in years where the birth date’s help offers it', async () => {
    const { stdout, stderr } = await converse(['interview', '--all', '--json', '--date', '2026-11-23'], toTheBirthDate(['14']));
    expect(stderr).toContain('JJJJ-MM-DD of de leeftijd in jaren');
    expect(stderr).not.toContain('Dat antwoord begrijp ik niet: "14"');
    expect(JSON.parse(stdout).case.client).toEqual({ age: 14 });
  });

  it('saves the case after every answer (--save) and resumes from it (--case)', async () => {
    const saved = join(work, 'saved.json');
    const first = await run(['interview', '--save', saved], inScope);
    expect(first.code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual({ scope });
    const resumed = await run(['interview', '--json', '--case', saved, '--save', saved], 'ja\nja\n');
    const { case: kase, decision } = JSON.parse(resumed.stdout);
    expect([kase, decision.outcome]).toEqual([{ scope, considerations: { suspicion: true, unsafety: { acute: true } } }, 'report']);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(kase);
    // The questions already answered are not asked again.
    expect(resumed.stderr).not.toContain('Gaan de signalen');
    const notACase = join(work, 'list.json');
    writeFileSync(notACase, '[1]');
    expect(await run(['interview', '--case', notACase])).toMatchObject({ code: EXIT.badInput, stderr: expect.stringContaining('verwacht een casus') });
  });
});

describe('the bundled examples are case files', () => {
  it.each(loadExamples().map((e) => [e.id, e] as const))('meldcode evaluate examples/%s.json', async (id, example) => {
    const { code, stdout, stderr } = await run(['evaluate', join('examples', `${id}.json`), '--json', '--date', '2026-11-23']);
    expect([code, stderr]).toEqual([EXIT.ok, '']);
    const decision = JSON.parse(stdout);
    expect([decision.outcome, decision.report.norms]).toEqual([example.expect.outcome, example.expect.norms]);
  });
});
