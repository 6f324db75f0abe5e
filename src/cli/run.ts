// The `meldcode` command: evaluate a case, interview a professional, list frameworks, print the
// case's JSON Schema, validate a framework. No CLI framework: Node's util.parseArgs.
import { readFile, stat, writeFile } from 'node:fs/promises';
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
import type { Text } from '../rules/schema.js';
import type { Lang } from '../rules/trail.js';
import { VERSION } from '../version.js';
import type { FrameworkId } from '../authoring/ids.js';

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

class UsageError extends Error {
  /** The command whose help to print with the error, if any. */
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}
class BadInput extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** One command of `meldcode`: how to call it, what it does, its options, in nl and en. */
interface CommandHelp {
  args: string;
  text: Text;
  options?: readonly (readonly [string, Text])[];
}

const langOption = ['--lang nl|en', { nl: 'taal van de uitvoer (standaard nl)', en: 'language of the output (default nl)' }] as const;
const jsonOption = ['--json', { nl: 'uitvoer als JSON', en: 'output as JSON' }] as const;
const frameworkOption = ['--framework <id>', { nl: 'het afwegingskader (zie meldcode frameworks)', en: 'the framework (see meldcode frameworks)' }] as const;
const dateOption = ['--date YYYY-MM-DD', { nl: 'de beoordelingsdatum (standaard vandaag)', en: 'the evaluation date (default today)' }] as const;
const runsOptions = [
  ['--runs <n>', { nl: 'aantal gegenereerde casussen', en: 'number of generated cases' }],
  ['--seed <n>', { nl: 'seed van de generator (herhaalbaar)', en: 'seed of the generator (repeatable)' }],
] as const;

/** Every command, in the order the help lists them. */
const commands: Record<string, CommandHelp> = {
  evaluate: {
    args: '<case.json | ->',
    text: {
      nl: 'beoordeel een casus: een JSON-bestand, - voor stdin, of een voorbeeld uit examples/ (met title en case)',
      en: 'evaluate a case: a JSON file, - for stdin, or an example from examples/ (with title and case)',
    },
    options: [langOption, jsonOption, frameworkOption, dateOption],
  },
  interview: {
    args: '',
    text: {
      nl: 'stel de vragen één voor één, geef dan het advies; typ terug om een antwoord te herstellen, help voor uitleg',
      en: 'ask the questions one at a time, then give the advice; type back to undo an answer, help for help',
    },
    options: [
      frameworkOption,
      langOption,
      ['--json', { nl: 'casus en advies als JSON op stdout (de vragen op stderr)', en: 'case and advice as JSON on stdout (the questions on stderr)' }],
      dateOption,
      ['--all', { nl: 'ook de vragen van de kindcheck, de open stappen en het gesprek', en: 'also the questions of the kindcheck, the open steps and the conversation' }],
      ['--case <file.json>', { nl: 'ga verder met de antwoorden van een opgeslagen casus', en: 'go on from the answers of a saved case' }],
      ['--save <file.json>', { nl: 'bewaar de antwoorden na elk antwoord (hervat met --case)', en: 'save the answers after every answer (resume with --case)' }],
    ],
  },
  frameworks: {
    args: '',
    text: { nl: 'de meegeleverde afwegingskaders, en welke nog niet gecodeerd zijn', en: 'the shipped frameworks, and those not encoded yet' },
    options: [jsonOption, langOption],
  },
  flowchart: {
    args: '<id | file.json>',
    text: { nl: 'het afwegingskader als Mermaid-stroomschema', en: 'the framework as a Mermaid flowchart' },
    options: [langOption],
  },
  schema: { args: '', text: { nl: 'JSON Schema van de casus-invoer', en: 'JSON Schema of the case input' } },
  validate: { args: '<framework.json>', text: { nl: 'controleer een eigen afwegingskader', en: 'check a framework of your own' }, options: [langOption] },
  diff: {
    args: '<a> <b>',
    text: { nl: 'waar twee afwegingskaders (id of JSON-bestand) anders adviseren', en: 'where two frameworks (id or JSON file) advise differently' },
    options: [jsonOption, ...runsOptions, langOption],
  },
  mutate: {
    args: '<id | file.json>',
    text: {
      nl: 'mutatieanalyse: welke regels pint geen test vast? (exit 3: overlevenden)',
      en: 'mutation analysis: which rules does no test pin down? (exit 3: survivors)',
    },
    options: [
      ['--golden <spec.json>', { nl: 'eigen gouden casussen', en: 'golden cases of your own' }],
      ['--all', { nl: 'ook de bodem en de modules', en: 'also the floor and the modules' }],
      ['--sample <n>', { nl: 'een steekproef van n mutanten', en: 'a sample of n mutants' }],
      jsonOption,
      ...runsOptions,
      langOption,
    ],
  },
  serve: {
    args: '',
    text: { nl: 'de CDS Hooks-dienst (opties: meldcode serve --help)', en: 'the CDS Hooks service (options: meldcode serve --help)' },
  },
};

const commandLine = (name: string) => `meldcode ${name}${commands[name]!.args ? ` ${commands[name]!.args}` : ''}`;

/** The help of one command: how to call it, what it does, and each option. */
function commandUsage(name: string, lang: Lang): string {
  const c = commands[name]!;
  const width = Math.max(0, ...(c.options ?? []).map(([o]) => o.length));
  const options = (c.options ?? []).map(([o, t]) => `  ${o.padEnd(width)}  ${t[lang]}`);
  return [`${lang === 'nl' ? 'Gebruik' : 'Usage'}: ${commandLine(name)}${options.length ? ` [${lang === 'nl' ? 'opties' : 'options'}]` : ''}`, '', `${c.text[lang]}.`, ...(options.length ? ['', ...options] : []), ''].join('\n');
}

/** The help of `meldcode`: every command in one line, the exit codes. */
function usage(lang: Lang): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => commandLine(n).length));
  const lines = names.map((n) => `  ${commandLine(n).padEnd(width)}  ${commands[n]!.text[lang]}`);
  return lang === 'nl'
    ? `meldcode ${VERSION} — de Meldcode huiselijk geweld en kindermishandeling als regels

Gebruik:
${lines.join('\n')}

Hulp bij één opdracht: meldcode <opdracht> --help, of meldcode help <opdracht>. In het Engels: --lang en.
Exitcodes: 0 advies/uitvoer, 1 ongeldige invoer (alle problemen), 2 verkeerd gebruik,
  70 interne fout (een fout in meldcode: één regel, meld hem).
Sluit de lezer de uitvoer vroeg (| head), dan stopt meldcode zonder melding.
`
    : `meldcode ${VERSION} — the Dutch Meldcode (domestic violence and child abuse) as rules

Usage:
${lines.join('\n')}

Help on one command: meldcode <command> --help, or meldcode help <command>. In Dutch: --lang nl (the default).
Exit codes: 0 advice/output, 1 invalid input (every problem), 2 wrong usage,
  70 internal error (a bug in meldcode: one line, please report it).
When the reader closes the output early (| head), meldcode stops without a message.
`;
}

/** The command meant by a mistyped one: the nearest by edit distance (at most 2), or by prefix. */
export function suggestCommand(typed: string): string | undefined {
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  const word = typed.toLowerCase().slice(0, 40);
  const ranked = Object.keys(commands)
    .map((name) => ({ name, d: name.startsWith(word) && word.length >= 2 ? 0 : distance(word, name) }))
    .sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= 2 ? ranked[0].name : undefined;
}

/**
 * A `util.parseArgs` error in the chosen language (its own messages are English only): an
 * unknown option, an option without its value, a flag given a value.
 */
function argumentError(error: unknown, lang: Lang): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = echo(/'(-[^']*?)(?: <value>)?'/.exec(message)?.[1] ?? '');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return lang === 'nl' ? `onbekende optie ${option}` : `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(message)
        ? lang === 'nl' ? `de optie ${option} heeft een waarde nodig` : `the option ${option} needs a value`
        : lang === 'nl' ? `de optie ${option} neemt geen waarde` : `the option ${option} takes no value`;
    default:
      return lang === 'nl' ? `ongeldige argumenten (${echo(message)})` : `invalid arguments (${echo(message)})`;
  }
}

/** The language asked for in raw arguments, before they are parsed (for a parse error). */
const rawLang = (argv: readonly string[]): Lang => {
  const at = argv.indexOf('--lang');
  return argv.includes('--lang=en') || (at >= 0 && argv[at + 1] === 'en') ? 'en' : 'nl';
};

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
  case: { type: 'string' },
  save: { type: 'string' },
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
  throw new UsageError(`--lang: nl of/or en, niet/not "${echo(value)}"`);
}

/** A usage error for a command that does not exist, with the one probably meant. */
function unknownCommand(command: string, lang: Lang): UsageError {
  const meant = suggestCommand(command);
  const hint = meant ? (lang === 'nl' ? `; bedoelt u "${meant}"?` : `; did you mean "${meant}"?`) : '';
  return new UsageError(lang === 'nl' ? `onbekende opdracht "${echo(command)}"${hint}` : `unknown command "${echo(command)}"${hint}`);
}

function evaluateOptions(values: { framework?: string; date?: string }, lang: Lang) {
  return {
    lang,
    // The flag's text as the user typed it: evaluate refuses an unknown id with a typed error.
    ...(values.framework !== undefined ? { framework: values.framework as FrameworkId } : {}),
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
  nl: { boolean: 'ja / nee / ? (weet niet)', date: 'JJJJ-MM-DD, of ? (weet niet)', integer: 'een getal, of ? (weet niet)', list: 'getallen met komma’s, of ?', choice: 'kies', again: 'Dat antwoord begrijp ik niet', help: 'Toelichting', ask: 'Vraag', of: 'van', answers: 'Antwoorden (casus als JSON)', dateOrAge: 'JJJJ-MM-DD of de leeftijd in jaren, of ? (weet niet)', backHint: 'terug: vorige', noHelp: 'geen toelichting bij deze vraag', words: 'Typ terug om het vorige antwoord terug te nemen, ? als u het niet weet; help toont deze uitleg.', nothingBack: 'Er is nog geen antwoord om terug te nemen.', refused: 'Dat antwoord past niet in de casus; de eerdere antwoorden blijven staan' },
  en: { boolean: 'yes / no / ? (don’t know)', date: 'YYYY-MM-DD, or ? (don’t know)', integer: 'a number, or ? (don’t know)', list: 'numbers with commas, or ?', choice: 'choose', again: 'I do not understand that answer', help: 'Help', ask: 'Question', of: 'of', answers: 'Answers (case as JSON)', dateOrAge: 'YYYY-MM-DD or the age in years, or ? (don’t know)', backHint: 'back: previous', noHelp: 'no help for this question', words: 'Type back to take the previous answer back, ? when you do not know; help shows this.', nothingBack: 'There is no answer to take back yet.', refused: 'The case cannot take that answer; the earlier answers stay' },
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

/** The words that take back the last answer, and those that print the interview's help. */
const backWords = new Set(['terug', 'back', 'undo', 'vorige', '<']);
const helpWords = new Set(['help', 'hulp', 'uitleg']);

/** A case file as the CLI takes it: a case, or an example from `examples/` (`{ title, case, expect }`). */
export function caseOf(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const o = json as Record<string, unknown>;
  return 'case' in o && 'title' in o ? o.case : json;
}

/**
 * Asks the decision's next questions one at a time, as a professional would go through them,
 * until the answers reach a decision (or stdin ends, or only "don't know" answers are left);
 * with `--all` it goes on with the kindcheck's and the open steps' questions. Then it
 * prints the decision with its trail, and the answers as a case in JSON.
 *
 * `terug`/`back` takes the last answer back; `help` prints the question's help and these words.
 * An answer the case cannot take (a date that does not exist, a birth date after the evaluation
 * date) is refused with its reason and asked again; every earlier answer stays. `--case` starts
 * from a saved case, `--save` writes the case after every answer. With `--json`, the questions go
 * to stderr and stdout holds only the JSON. A piped answer is echoed after its prompt (so a
 * transcript shows it); a terminal shows what was typed already.
 */
async function interview(
  io: CliIo,
  values: { framework?: string; date?: string; json?: boolean; all?: boolean; case?: string; save?: string },
  lang: Lang,
): Promise<number> {
  const h = hints[lang];
  const start = values.case !== undefined ? caseOf(await readJson(values.case, io, lang)) : {};
  if (typeof start !== 'object' || start === null || Array.isArray(start)) throw new BadInput([lang === 'nl' ? `${values.case}: verwacht een casus (een JSON-object)` : `${values.case}: expected a case (a JSON object)`]);
  let kase = structuredClone(start) as Record<string, unknown>;
  if (values.framework) kase.framework = values.framework;
  const opts = evaluateOptions(values, lang);
  const prompt = values.json ? io.stderr : io.stdout;
  const echoAnswers = (io.stdin as { isTTY?: boolean }).isTTY !== true;
  const save = async () => {
    if (values.save !== undefined) await writeFile(values.save, `${JSON.stringify(kase, null, 2)}\n`);
  };
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  let asked = new Set<string>();
  /** What each answer changed, to take it back: the case, the questions asked, the decision before it. */
  const history: { kase: Record<string, unknown>; asked: Set<string>; decision: Decision }[] = [];
  let count = 0;
  let decision = decide(kase, opts, lang);
  const catalogue = new Map(listQuestions(opts.framework).map((q) => [q.id, q]));
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
    const open = [...new Map(pool.filter((x) => !asked.has(x.id)).map((x) => [x.id, x])).values()];
    const q = open[0];
    if (!q) break;
    const hint =
      q.answer === 'boolean' ? h.boolean
        : q.answer === 'date' ? (ageOf(q) ? h.dateOrAge : h.date)
        : q.answer === 'integer' ? h.integer
          : q.answer === 'integer-list' ? h.list
            : `${h.choice}: ${(q.options ?? []).map((o, i) => `${i + 1}) ${o}`).join(', ')}`;
    // "Question 3 of ~7": the questions asked so far and those the decision asks now; the rest
    // depends on the answers, hence the ~.
    prompt.write(`\n${h.ask} ${count + 1} ${h.of} ~${count + open.length}: ${q.text[lang]}\n`);
    if (q.help) prompt.write(`  ${h.help}: ${q.help[lang]}\n`);
    prompt.write(`  [${hint}${history.length > 0 ? `; ${h.backHint}` : ''}] > `);
    const next = await lines.next();
    if (next.done) {
      prompt.write('\n');
      break;
    }
    // A piped answer is echoed (so a transcript shows it), cut to 200 characters as every echo.
    if (echoAnswers) prompt.write(`${echo(next.value)}\n`);
    const word = next.value.trim().toLowerCase();
    if (helpWords.has(word)) {
      prompt.write(`  ${h.help}: ${q.help?.[lang] ?? h.noHelp}\n  ${h.words}\n`);
      continue;
    }
    if (backWords.has(word)) {
      const last = history.pop();
      if (!last) prompt.write(`  ${h.nothingBack}\n`);
      else {
        ({ kase, asked, decision } = last);
        count--;
        await save();
      }
      continue;
    }
    const age = ageOf(q);
    const asAge = age && /^\d{1,3}$/.test(word) ? Number(word) : undefined;
    const answer = asAge ?? parseAnswer(q, next.value);
    if (answer === null) {
      prompt.write(`  ${h.again}: "${echo(next.value)}"\n`);
      continue;
    }
    const before = { kase: structuredClone(kase), asked: new Set(asked), decision };
    asked.add(q.id);
    if (answer !== undefined) {
      setPath(kase, asAge !== undefined ? age! : q.id, answer);
      try {
        decision = decide(kase, opts, lang);
      } catch (error) {
        // The case cannot take this answer (a date that does not exist, one after the evaluation
        // date): say why, keep every earlier answer, and ask again.
        if (!(error instanceof BadInput)) throw error;
        ({ kase, asked } = before);
        prompt.write(`  ${h.refused}:\n${error.lines.slice(1).join('\n')}\n`);
        continue;
      }
    }
    // "don't know" stays unknown and is not asked again
    history.push(before);
    count++;
    await save();
  }
  rl.close();
  if (values.json) io.stdout.write(`${JSON.stringify({ case: kase, decision }, null, 2)}\n`);
  else io.stdout.write(`\n${formatDecision(decision, lang)}\n\n${h.answers}:\n${JSON.stringify(kase)}\n`);
  return EXIT.ok;
}

/**
 * The age field beside a birth-date question (`client.birthDate`, `client.age`) when the
 * question's help offers it ("Or give the age in whole years (client.age)"): a whole number
 * typed there answers that field.
 */
function ageOf(q: Question): string | undefined {
  if (q.answer !== 'date' || !q.id.endsWith('.birthDate')) return undefined;
  const age = q.id.replace(/birthDate$/, 'age');
  return q.help && `${q.help.nl} ${q.help.en}`.includes(`(${age})`) ? age : undefined;
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
  let lang: Lang = rawLang(argv);
  const named = argv.find((a) => !a.startsWith('-'));
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(argumentError(error, lang), named !== undefined && Object.hasOwn(commands, named) ? named : undefined);
    }
    const { values, positionals } = parsed;
    lang = langOf(values.lang);
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    const [command, ...args] = positionals;
    // meldcode --help, meldcode help, meldcode help <command>, meldcode <command> --help
    const helpFor = command === 'help' ? args[0] : values.help ? command : undefined;
    if (values.help || command === 'help') {
      if (helpFor === undefined) io.stdout.write(usage(lang));
      else if (Object.hasOwn(commands, helpFor)) io.stdout.write(commandUsage(helpFor, lang));
      else throw unknownCommand(helpFor, lang);
      return EXIT.ok;
    }
    const arity = (n: number, what: string) => {
      if (args.length !== n) throw new UsageError(`${command}: ${what}`, command);
    };
    switch (command) {
      case 'evaluate': {
        arity(1, lang === 'nl' ? 'geef één casusbestand, of - voor stdin' : 'give one case file, or - for stdin');
        // A case file, or an example of examples/ ({ title, description, case, expect }).
        const kase = caseOf(await readJson(args[0] as string, io, lang));
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
          const framework = arg.endsWith('.json') ? await readJson(arg, io, lang) : getFramework(arg as FrameworkId); // checked at run time: a typed error
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
      case 'serve':
        // The bin (cli.ts) runs `meldcode serve` itself, with its own options (serve.ts).
        throw new UsageError(lang === 'nl' ? 'meldcode serve draait alleen als programma: npx meldcode serve --help' : 'meldcode serve runs only as the program: npx meldcode serve --help');
      case undefined:
        throw new UsageError(lang === 'nl' ? 'geef een opdracht' : 'give a command');
      default:
        throw unknownCommand(command, lang);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`meldcode: ${error.message}\n\n${error.command ? commandUsage(error.command, lang) : usage(lang)}`);
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
