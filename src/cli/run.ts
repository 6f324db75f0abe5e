// The `meldcode` command: evaluate a case, interview a professional, list frameworks, print the
// case's JSON Schema, validate a framework. No CLI framework: Node's util.parseArgs.
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { validateFramework } from '../authoring/index.js';
import { caseSchema } from '../case/schema.js';
import { evaluate, parseCase } from '../decision/evaluate.js';
import type { Decision } from '../decision/types.js';
import { echo, formatPath, type InputIssue, MeldcodeFrameworkError, MeldcodeInputError } from '../errors/errors.js';
import { toMermaid } from '../flowchart/index.js';
import { formatDecision } from '../format/format.js';
import { getFramework, listFrameworks } from '../frameworks/registry.js';
import { listQuestions } from '../questions/list.js';
import type { Question } from '../questions/questions.js';
import type { Lang } from '../rules/trail.js';
import { VERSION } from '../version.js';

/** Where the command reads and writes; a test passes its own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Exit codes: 0 a decision (or the output asked for), 1 bad input with every problem listed, 2 usage,
 * 70 an internal error (a bug in meldcode: one line on stderr, never a stack trace).
 */
export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70 } as const;

class UsageError extends Error {}
class BadInput extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const usage = `meldcode ${VERSION} — de Meldcode huiselijk geweld en kindermishandeling als regels

Gebruik / usage:
  meldcode evaluate <case.json | ->   beoordeel een casus (JSON-bestand of stdin)
      [--lang nl|en] [--json] [--framework <id>] [--date YYYY-MM-DD]
  meldcode interview                  stel de vragen één voor één, geef dan het advies
      [--framework <id>] [--lang nl|en] [--json] [--date YYYY-MM-DD]
      [--all]                         ook de vragen van de kindcheck, de open stappen en het gesprek
  meldcode frameworks [--json]        de meegeleverde afwegingskaders, en welke nog niet gecodeerd zijn
  meldcode flowchart <id | file.json>  het afwegingskader als Mermaid-stroomschema [--lang nl|en]
  meldcode schema                     JSON Schema van de casus-invoer
  meldcode validate <framework.json>  controleer een eigen afwegingskader
  meldcode diff <a> <b>               waar twee afwegingskaders (id of JSON-bestand) anders adviseren
      [--json] [--runs <n>] [--seed <n>]
  meldcode mutate <id | file.json>    mutatieanalyse: welke regels pint geen test vast? (exit 3: overlevenden)
      [--golden <spec.json>] [--all: ook de bodem en de modules] [--sample <n>] [--json] [--runs <n>] [--seed <n>]

Exit codes: 0 advies/uitvoer, 1 ongeldige invoer (alle problemen), 2 verkeerd gebruik,
  70 interne fout (een fout in meldcode: één regel, meld hem).
Sluit de lezer de uitvoer vroeg (| head), dan stopt meldcode zonder melding.
`;

const options = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  framework: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  golden: { type: 'string' },
  sample: { type: 'string' },
} as const;

/** The issues of an input error as lines, in the chosen language. */
function issueLines(issues: readonly InputIssue[], lang: Lang): string[] {
  return issues.map((i) => `  ${formatPath(i.path)}: ${i.message[lang]}`);
}

/**
 * The heading and the lines of an input error. The library keeps at most 1,000 issues and
 * counts the rest in a last `too-many-issues` issue, so the heading says "more than 1,000" then.
 */
function badInput(head: { nl: string; en: string }, issues: readonly InputIssue[], lang: Lang): BadInput {
  const capped = issues.some((i) => i.code === 'too-many-issues');
  const listed = issues.filter((i) => i.code !== 'too-many-issues').length;
  const count = capped
    ? lang === 'nl' ? `meer dan ${listed} problemen` : `more than ${listed} problems`
    : lang === 'nl' ? `${listed} ${listed === 1 ? 'probleem' : 'problemen'}` : `${listed} problem${listed === 1 ? '' : 's'}`;
  return new BadInput([`${head[lang]} (${count}):`, ...issueLines(issues, lang)]);
}

const invalidInput = { nl: 'Ongeldige invoer', en: 'Invalid input' };
const invalidFramework = { nl: 'Ongeldig afwegingskader', en: 'Invalid framework' };

/** The largest JSON input the CLI reads (a case or a framework document): 10 MB. */
export const MAX_INPUT_BYTES = 10_000_000;

const tooLarge = (file: string, lang: Lang) =>
  new BadInput([lang === 'nl' ? `${file} is groter dan ${MAX_INPUT_BYTES} bytes` : `${file} is larger than ${MAX_INPUT_BYTES} bytes`]);

async function readAll(stream: NodeJS.ReadableStream, file: string, lang: Lang): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > MAX_INPUT_BYTES) throw tooLarge(file, lang);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and parses a JSON file, or stdin for `-`. */
async function readJson(file: string, io: CliIo, lang: Lang): Promise<unknown> {
  let text: string;
  try {
    if (file !== '-' && (await stat(file)).size > MAX_INPUT_BYTES) throw tooLarge(file, lang);
    text = file === '-' ? await readAll(io.stdin, file, lang) : await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof BadInput) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new BadInput([lang === 'nl' ? `kan ${file} niet lezen (${reason})` : `cannot read ${file} (${reason})`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BadInput([lang === 'nl' ? `${file} is geen geldige JSON: ${reason}` : `${file} is not valid JSON: ${reason}`]);
  }
}

/** A whole number option (`--runs`, `--seed`), or undefined when not given. */
function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`${flag}: een geheel getal / a whole number, niet/not "${value}"`);
  return Number(value);
}

function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'nl' || value === 'en') return value ?? 'nl';
  throw new UsageError(`--lang: nl of/or en, niet/not "${value}"`);
}

function evaluateOptions(values: { framework?: string; date?: string }, lang: Lang) {
  return {
    lang,
    ...(values.framework !== undefined ? { framework: values.framework } : {}),
    ...(values.date !== undefined ? { evaluationDate: values.date } : {}),
  };
}

/** Evaluates and turns an input error into the lines to print. */
function decide(kase: unknown, opts: ReturnType<typeof evaluateOptions>, lang: Lang): Decision {
  try {
    return evaluate(parseCase(kase, opts), opts);
  } catch (error) {
    if (error instanceof MeldcodeFrameworkError) throw badInput(invalidFramework, error.issues, lang);
    if (error instanceof MeldcodeInputError) throw badInput(invalidInput, error.issues, lang);
    throw error;
  }
}

const hints = {
  nl: { boolean: 'ja / nee / ? (weet niet)', date: 'JJJJ-MM-DD, of ? (weet niet)', integer: 'een getal, of ? (weet niet)', list: 'getallen met komma’s, of ?', choice: 'kies', again: 'Dat antwoord begrijp ik niet', help: 'Toelichting', ask: 'Vraag', answers: 'Antwoorden (casus als JSON)' },
  en: { boolean: 'yes / no / ? (don’t know)', date: 'YYYY-MM-DD, or ? (don’t know)', integer: 'a number, or ? (don’t know)', list: 'numbers with commas, or ?', choice: 'choose', again: 'I do not understand that answer', help: 'Help', ask: 'Question', answers: 'Answers (case as JSON)' },
} as const;

const unknownWords = new Set(['', '?', 'weet niet', 'onbekend', 'unknown', "don't know", 'dont know', 'n/a']);

/** An answer typed by the professional; `undefined` for "don't know", `null` when not understood. */
export function parseAnswer(q: Question, line: string): boolean | number | number[] | string | undefined | null {
  const text = line.trim().toLowerCase();
  if (unknownWords.has(text)) return undefined;
  switch (q.answer) {
    case 'boolean':
      if (['ja', 'j', 'yes', 'y', 'true'].includes(text)) return true;
      if (['nee', 'n', 'no', 'false'].includes(text)) return false;
      return null;
    case 'integer':
      return /^\d+$/.test(text) ? Number(text) : null;
    case 'integer-list': {
      const parts = text.split(/[\s,;]+/).filter(Boolean);
      return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
    case 'choice': {
      const options = q.options ?? [];
      const byIndex = /^\d+$/.test(text) ? options[Number(text) - 1] : undefined;
      return byIndex ?? options.find((o) => o.toLowerCase() === text) ?? null;
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (current[key] === null || typeof current[key] !== 'object') current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1] as string] = value;
}

/**
 * Asks the decision's next questions one at a time, as a professional would go through them,
 * until the answers reach a decision (or stdin ends, or only "don't know" answers are left);
 * with `--all` it goes on with the kindcheck's and the open steps' questions. Then it
 * prints the decision with its trail, and the answers as a case in JSON.
 */
async function interview(io: CliIo, values: { framework?: string; date?: string; json?: boolean; all?: boolean }, lang: Lang): Promise<number> {
  const h = hints[lang];
  const kase: Record<string, unknown> = values.framework ? { framework: values.framework } : {};
  const opts = evaluateOptions(values, lang);
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const asked = new Set<string>();
  let count = 0;
  let decision = decide(kase, opts, lang);
  const catalogue = new Map(listQuestions(values.framework).map((q) => [q.id, q]));
  for (;;) {
    // The decision's questions first; with --all also the kindcheck's, the open steps' and the
    // conversation's (those that are facts of the case, as the catalogue holds them).
    const pool = values.all
      ? [
          ...decision.nextQuestions,
          ...(decision.kindcheck?.nextQuestions ?? []),
          ...(decision.steps?.nextQuestions ?? []),
          ...(decision.conversation?.nextQuestions ?? []).flatMap((x) => catalogue.get(x.id) ?? []),
        ]
      : decision.nextQuestions;
    const q = pool.find((x) => !asked.has(x.id));
    if (!q) break;
    const hint =
      q.answer === 'boolean' ? h.boolean
        : q.answer === 'date' ? h.date
        : q.answer === 'integer' ? h.integer
          : q.answer === 'integer-list' ? h.list
            : `${h.choice}: ${(q.options ?? []).map((o, i) => `${i + 1}) ${o}`).join(', ')}`;
    io.stdout.write(`\n${h.ask} ${++count}: ${q.text[lang]}\n`);
    if (q.help) io.stdout.write(`  ${h.help}: ${q.help[lang]}\n`);
    io.stdout.write(`  [${hint}] > `);
    const next = await lines.next();
    if (next.done) {
      io.stdout.write('\n');
      break;
    }
    // The answer is echoed (so a piped transcript shows it), cut to 200 characters as every echo.
    io.stdout.write(`${echo(next.value)}\n`);
    const answer = parseAnswer(q, next.value);
    if (answer === null) {
      io.stdout.write(`  ${h.again}: "${echo(next.value)}"\n`);
      count--;
      continue;
    }
    asked.add(q.id);
    if (answer === undefined) continue; // "don't know" stays unknown and is not asked again
    setPath(kase, q.id, answer);
    decision = decide(kase, opts, lang);
  }
  rl.close();
  if (values.json) io.stdout.write(`${JSON.stringify({ case: kase, decision }, null, 2)}\n`);
  else io.stdout.write(`\n${formatDecision(decision, lang)}\n\n${h.answers}:\n${JSON.stringify(kase)}\n`);
  return EXIT.ok;
}

/**
 * Runs the `meldcode` command with its arguments (without `node` and the script) and returns
 * the exit code: 0 decision or output, 1 bad input (every problem listed), 2 usage.
 *
 * @example
 * ```ts
 * const code = await runCli(['evaluate', 'case.json', '--lang', 'en'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = 'nl';
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    lang = langOf(values.lang);
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    const [command, ...args] = positionals;
    if (values.help || command === 'help') {
      io.stdout.write(usage);
      return EXIT.ok;
    }
    const arity = (n: number, what: string) => {
      if (args.length !== n) throw new UsageError(`${command}: ${what}`);
    };
    switch (command) {
      case 'evaluate': {
        arity(1, lang === 'nl' ? 'geef één casusbestand, of - voor stdin' : 'give one case file, or - for stdin');
        const kase = await readJson(args[0] as string, io, lang);
        const decision = decide(kase, evaluateOptions(values, lang), lang);
        io.stdout.write(values.json ? `${JSON.stringify(decision, null, 2)}\n` : `${formatDecision(decision, lang)}\n`);
        return EXIT.ok;
      }
      case 'interview':
        arity(0, lang === 'nl' ? 'geen bestand nodig; de vragen komen op stdin' : 'takes no file; answers come on stdin');
        return await interview(io, values, lang);
      case 'frameworks': {
        arity(0, lang === 'nl' ? 'geen argumenten' : 'takes no arguments');
        // Every profession cluster: the shipped frameworks, then those not yet encoded (issue 15).
        const list = listFrameworks({ notYetEncoded: true });
        if (values.json) io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        else {
          for (const f of list) {
            if (f.status === 'encoded') io.stdout.write(`${f.id.padEnd(16)} ${f.version.padEnd(8)} ${f.role.padEnd(10)} ${f.name[lang]}\n`);
          }
          io.stdout.write(lang === 'nl' ? '\nNog niet gecodeerd (gebruik intussen het genoemde):\n' : '\nNot yet encoded (meanwhile use the one named):\n');
          for (const f of list) {
            if (f.status === 'not-yet-encoded') io.stdout.write(`${f.id.padEnd(30)} → ${f.suggest.padEnd(12)} ${f.name[lang]}\n  ${f.reason[lang]}\n`);
          }
        }
        return EXIT.ok;
      }
      case 'flowchart': {
        arity(1, lang === 'nl' ? 'geef het id van een afwegingskader, of een JSON-bestand' : 'give a framework id, or a JSON file');
        const arg = args[0] as string;
        try {
          const framework = arg.endsWith('.json') ? await readJson(arg, io, lang) : getFramework(arg);
          io.stdout.write(`${toMermaid(framework as Parameters<typeof toMermaid>[0], { lang })}\n`);
        } catch (error) {
          if (!(error instanceof MeldcodeInputError)) throw error;
          throw badInput(invalidFramework, error.issues, lang);
        }
        return EXIT.ok;
      }
      case 'schema':
        arity(0, lang === 'nl' ? 'geen argumenten' : 'takes no arguments');
        io.stdout.write(`${JSON.stringify(z.toJSONSchema(caseSchema, { io: 'input' }), null, 2)}\n`);
        return EXIT.ok;
      case 'diff': {
        arity(2, lang === 'nl' ? 'geef twee afwegingskaders (id of JSON-bestand)' : 'give two frameworks (id or JSON file)');
        const [a, b] = await Promise.all(args.map((arg) => (arg.endsWith('.json') ? readJson(arg, io, lang) : arg)));
        const { diffCommand } = await import('./diff.js'); // needs fast-check: loaded only here
        try {
          return diffCommand(a as string, b as string, { json: values.json, seed: count('--seed', values.seed), runs: count('--runs', values.runs) }, io, lang);
        } catch (error) {
          if (!(error instanceof MeldcodeInputError)) throw error;
          throw new BadInput([lang === 'nl' ? 'Ongeldig afwegingskader:' : 'Invalid framework:', ...issueLines(error.issues, lang)]);
        }
      }
      case 'mutate': {
        arity(1, lang === 'nl' ? 'geef één afwegingskader (id of JSON-bestand)' : 'give one framework (id or JSON file)');
        const framework = args[0]!.endsWith('.json') ? await readJson(args[0]!, io, lang) : args[0]!;
        const spec = values.golden !== undefined ? await readJson(values.golden, io, lang) : undefined;
        const { mutateCommand } = await import('./mutate.js'); // needs fast-check: loaded only here
        const numbers = { seed: count('--seed', values.seed), runs: count('--runs', values.runs), sample: count('--sample', values.sample) };
        try {
          return mutateCommand(framework as string, spec, { json: values.json, all: values.all, ...numbers }, io, lang);
        } catch (error) {
          if (!(error instanceof MeldcodeInputError)) throw error;
          throw new BadInput([lang === 'nl' ? 'Ongeldige invoer:' : 'Invalid input:', ...issueLines(error.issues, lang)]);
        }
      }
      case 'validate': {
        arity(1, lang === 'nl' ? 'geef één afwegingskader (JSON-bestand)' : 'give one framework (JSON file)');
        const result = validateFramework(await readJson(args[0] as string, io, lang));
        if (!result.ok) throw badInput(invalidFramework, result.issues, lang);
        const f = result.framework;
        io.stdout.write(lang === 'nl' ? `Geldig: ${f.id} ${f.version} (${f.name.nl})\n` : `Valid: ${f.id} ${f.version} (${f.name.en})\n`);
        return EXIT.ok;
      }
      case undefined:
        throw new UsageError(lang === 'nl' ? 'geef een opdracht' : 'give a command');
      default:
        throw new UsageError(lang === 'nl' ? `onbekende opdracht "${command}"` : `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`meldcode: ${error.message}\n\n${usage}`);
      return EXIT.usage;
    }
    if (error instanceof BadInput) {
      io.stderr.write(`${error.lines.join('\n')}\n`);
      return EXIT.badInput;
    }
    // A typed error from the library that no command turned into lines itself.
    if (error instanceof MeldcodeInputError) {
      io.stderr.write(`${badInput(error instanceof MeldcodeFrameworkError ? invalidFramework : invalidInput, error.issues, lang).lines.join('\n')}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}

/**
 * What the executable prints for an error that is not bad input or usage, so a bug in
 * meldcode: one line with the error's name and at most 200 characters of its message, never a
 * stack trace (which would repeat internals, and input, at length).
 */
export function internalErrorLine(error: unknown, lang: Lang = 'nl'): string {
  const name = error instanceof Error ? error.name : typeof error;
  const message = echo(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  return lang === 'nl'
    ? `meldcode: interne fout (${name}: ${message}). Dit is een fout in meldcode; meld hem met de invoer (zie SECURITY.md).\n`
    : `meldcode: internal error (${name}: ${message}). This is a bug in meldcode; please report it with the input (see SECURITY.md).\n`;
}
