import type * as z from 'zod/mini';
import type { Text } from '../rules/schema.js';

/**
 * The codes zod reports (snake_case), passed on as they are: `invalid_type`, `unrecognized_keys`,
 * `invalid_value`, `too_big`, `too_small`, `invalid_format`, `custom`, …
 */
export type SchemaIssueCode = z.core.$ZodIssue['code'];

/**
 * The codes meldcode's own checks report (kebab-case), beside zod's {@link SchemaIssueCode}s.
 * A new check adds its code here, so a `switch` on {@link InputIssue.code} can be exhaustive.
 */
export type MeldcodeIssueCode =
  // the case and its options
  | 'age-contradicts-birth-date'
  | 'birth-date-after-evaluation-date'
  | 'contradiction'
  | 'framework-mismatch'
  | 'framework-not-yet-encoded'
  | 'unknown-framework'
  | 'unknown-indicator'
  | 'unknown-role'
  | 'unknown-module'
  | 'too-many-issues'
  // a framework document (defineFramework, extendFramework, validateFramework)
  | 'base-rule-replaced'
  | 'duplicate-indicator'
  | 'floor-claimed'
  | 'floor-condition-replaced'
  | 'floor-example-changed'
  | 'floor-example-missing'
  | 'floor-requirement-weakened'
  | 'floor-rule-replaced'
  | 'floor-rule-weakened'
  | 'limit-exceeded'
  | 'module-rule-replaced'
  | 'report-without-suspicion'
  | 'question-without-suspicion'
  | 'requirement-weakened'
  | 'rules-do-not-compile'
  | 'shipped-id-modified'
  | 'unknown-question'
  // setAnswer
  | 'invalid-question-id'
  // FHIR: a QuestionnaireResponse, a canonical base, $next-question
  | 'duplicate-link-id'
  | 'entered-in-error'
  | 'invalid-canonical-base'
  | 'questionnaire-framework-mismatch'
  | 'questionnaire-version-mismatch'
  | 'too-deep'
  | 'too-many-answers'
  | 'unexpected-answer'
  | 'unknown-link-id'
  | 'unknown-questionnaire'
  | 'wrong-answer-type'
  // meldcode/testing: mutation analysis
  | 'golden-case-fails';

/** Every {@link InputIssue.code}: zod's snake_case codes and meldcode's own kebab-case ones. */
export type InputIssueCode = SchemaIssueCode | MeldcodeIssueCode;

/** One problem with an input: where it is and what is wrong, in Dutch and English. */
export interface InputIssue {
  /** Path to the offending value, e.g. `['considerations', 'suspicion']`. Empty for the whole input. */
  path: (string | number)[];
  /**
   * A machine-readable code: one of zod's ({@link SchemaIssueCode}, `invalid_type`,
   * `unrecognized_keys`, …) or one of meldcode's own ({@link MeldcodeIssueCode},
   * `unknown-framework`, `floor-rule-weakened`, …).
   */
  code: InputIssueCode;
  /** What is wrong, in Dutch and English. */
  message: Text;
}

/** How many issues the error message spells out. */
const MESSAGE_ISSUE_LIMIT = 20;

/**
 * The most issues a {@link MeldcodeInputError} keeps in `issues`; the rest are counted in one
 * final issue with the code `too-many-issues`.
 */
export const MAX_ISSUES = 1000;

/** The most characters of an input value (a key, an id, a code) that a message repeats. */
export const MAX_ECHO_LENGTH = 200;

/** The most characters of one issue message (nl or en); longer ones end in `…`. */
const MAX_MESSAGE_LENGTH = 1000;

/** An input value as a message repeats it: at most 200 characters, then `…`. */
export function echo(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > MAX_ECHO_LENGTH ? `${text.slice(0, MAX_ECHO_LENGTH)}…` : text;
}

const capText = (text: string) => (text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text);

/** What went wrong, one kind per error class: `'input'` or `'framework'`. */
export type MeldcodeErrorKind = 'input' | 'framework';

/**
 * The brand every meldcode error carries. A registry symbol (`Symbol.for`) is one and the same
 * symbol in the ESM and the CJS build and in two copies of the package, where `instanceof`
 * fails (the dual-package hazard); see {@link isMeldcodeError}.
 */
const BRAND = Symbol.for('meldcode.error');

/** How many issues each `too-many-issues` issue stands for. */
const omittedCounts = new WeakMap<InputIssue, number>();

/**
 * Bad input: every problem found, each with its path and a message in nl and en.
 * Thrown by {@link evaluate}; returned (not thrown) by {@link safeEvaluate}.
 *
 * Bounded, whatever the input: `issues` holds at most 1,000 issues, then one
 * last issue with the code `too-many-issues` that says how many were left out. A message repeats
 * at most 200 characters of an input value (a key, a framework id, an
 * indicator code, a path segment), then `…`; one issue message is at most 1,000 characters. The
 * error `message` spells out the first 20 issues and counts every problem found.
 *
 * @example
 * ```ts
 * try { evaluate(JSON.parse('{"considerations":{"suspicion":"yes"}}')); }
 * catch (e) { if (e instanceof MeldcodeInputError) console.log(e.issues[0].path); }
 * ```
 */
export class MeldcodeInputError extends Error {
  /** `'MeldcodeFrameworkError'` for the subclass {@link MeldcodeFrameworkError}. */
  override readonly name: 'MeldcodeInputError' | 'MeldcodeFrameworkError' = 'MeldcodeInputError';
  /** `'framework'` for a {@link MeldcodeFrameworkError}, `'input'` for any other bad input. */
  readonly kind: MeldcodeErrorKind = 'input';
  /** Every problem found, in input order; at most 1,000, then one `too-many-issues`. */
  readonly issues: readonly InputIssue[];

  constructor(issues: InputIssue[], what = 'input') {
    const kept: InputIssue[] = [];
    let omitted = 0;
    for (const i of issues) {
      const count = omittedCounts.get(i);
      if (count !== undefined) omitted += count;
      else if (kept.length < MAX_ISSUES) kept.push(capMessage(i));
      else omitted++;
    }
    const total = kept.length + omitted;
    if (omitted > 0) {
      const last: InputIssue = {
        path: [],
        code: 'too-many-issues',
        message: {
          nl: `nog ${omitted} problemen weggelaten (hooguit ${MAX_ISSUES} worden genoemd)`,
          en: `${omitted} more problems left out (at most ${MAX_ISSUES} are listed)`,
        },
      };
      omittedCounts.set(last, omitted);
      kept.push(last);
    }
    const listed = kept.filter((i) => !omittedCounts.has(i));
    const shown = listed.slice(0, MESSAGE_ISSUE_LIMIT).map((i) => `${formatPath(i.path)}: ${i.message.en}`);
    const more = total > shown.length ? [`… and ${total - shown.length} more`] : [];
    super(`Invalid ${what} (${total} problem${total === 1 ? '' : 's'}):\n` + [...shown, ...more].join('\n'));
    this.issues = kept;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * A framework document that is not valid, or that tries to remove or weaken a legal-floor
 * rule: every problem with its path, in nl and en.
 */
export class MeldcodeFrameworkError extends MeldcodeInputError {
  override readonly name = 'MeldcodeFrameworkError';
  override readonly kind = 'framework';
  constructor(issues: InputIssue[]) {
    super(issues, 'framework');
  }
}

/**
 * Whether `value` is a meldcode error ({@link MeldcodeInputError} or
 * {@link MeldcodeFrameworkError}), from this build or any other: an error thrown by the CJS
 * build, or by another copy of the package, fails `instanceof` against this build's class, but
 * not this guard. It checks the brand the constructor sets, then `kind` and `issues`; `kind` and
 * `name` then tell the two apart.
 *
 * @example
 * ```ts
 * try { evaluate({ considerations: { suspicion: 'yes' } }); }
 * catch (e) { if (isMeldcodeError(e)) console.log(e.kind, e.issues[0]?.path); }
 * ```
 */
export function isMeldcodeError(value: unknown): value is MeldcodeInputError {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as { [BRAND]?: unknown; kind?: unknown; issues?: unknown };
  return error[BRAND] === true && (error.kind === 'input' || error.kind === 'framework') && Array.isArray(error.issues);
}

/** An issue whose message texts are at most 1,000 characters each (the same object if they are). */
function capMessage(i: InputIssue): InputIssue {
  const { nl, en } = i.message;
  if (nl.length <= MAX_MESSAGE_LENGTH && en.length <= MAX_MESSAGE_LENGTH) return i;
  return { ...i, message: { ...i.message, nl: capText(nl), en: capText(en) } };
}

/** Renders a path as `a.b[0].c`, or `(input)` for the root; long keys are cut (see `echo`). */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(input)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? echo(p) : `.${echo(p)}`)).join('');
}

const typeNames: Record<string, Text> = {
  boolean: { nl: 'ja/nee (boolean)', en: 'a boolean' },
  string: { nl: 'tekst', en: 'a string' },
  number: { nl: 'een getal', en: 'a number' },
  object: { nl: 'een object', en: 'an object' },
  array: { nl: 'een lijst', en: 'an array' },
};

/** A schema's own message (English), kept with a Dutch prefix; zod/mini's placeholder counts as none. */
function custom(message: string | undefined): Text | undefined {
  if (!message || message === 'Invalid input') return undefined;
  return { nl: `ongeldig: ${message}`, en: message };
}

/** Translates zod's issues into {@link InputIssue}s with Dutch and English messages. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({
            path: [...path, key],
            code: issue.code,
            message: { nl: `onbekend veld "${echo(key)}"`, en: `unknown key "${echo(key)}"` },
          });
        }
        break;
      case 'invalid_type': {
        const t = typeNames[issue.expected] ?? { nl: issue.expected, en: issue.expected };
        out.push({ path, code: issue.code, message: { nl: `verwacht ${t.nl}`, en: `expected ${t.en}` } });
        break;
      }
      case 'invalid_value':
        out.push({
          path,
          code: issue.code,
          message: {
            nl: `ongeldige waarde; toegestaan: ${issue.values.map(String).join(', ')}`,
            en: `invalid value; allowed: ${issue.values.map(String).join(', ')}`,
          },
        });
        break;
      case 'invalid_key':
        out.push({ path, code: issue.code, message: { nl: 'ongeldige sleutel', en: 'invalid key' } });
        break;
      case 'too_big':
      case 'too_small': {
        const big = issue.code === 'too_big';
        const bound = Number(big ? issue.maximum : issue.minimum);
        const exact = issue.inclusive !== false;
        const limit = exact ? bound : big ? `< ${bound}` : `> ${bound}`;
        const counted = issue.origin === 'array' || issue.origin === 'set' ? { nl: 'items', en: 'items' } : issue.origin === 'string' ? { nl: 'tekens', en: 'characters' } : null;
        const message = counted
          ? big
            ? { nl: `te lang: hoogstens ${limit} ${counted.nl}`, en: `too long: at most ${limit} ${counted.en}` }
            : { nl: `te kort: minstens ${limit} ${counted.nl}`, en: `too short: at least ${limit} ${counted.en}` }
          : big
            ? { nl: `te groot: hoogstens ${limit}`, en: `too big: at most ${limit}` }
            : { nl: `te klein: minstens ${limit}`, en: `too small: at least ${limit}` };
        out.push({ path, code: issue.code, message: custom(issue.message) ?? message });
        break;
      }
      case 'invalid_format': {
        const format = issue.format === 'regex' ? 'patroon' : issue.format;
        out.push({ path, code: issue.code, message: custom(issue.message) ?? { nl: `ongeldig formaat (${format})`, en: `invalid format (${issue.format})` } });
        break;
      }
      default:
        // zod/mini carries no message texts of its own ("Invalid input"); a schema's own message is kept.
        out.push({ path, code: issue.code, message: custom(issue.message) ?? { nl: 'ongeldige invoer', en: 'invalid input' } });
    }
  }
  return out;
}
