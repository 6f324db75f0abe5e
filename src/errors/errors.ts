import type { z } from 'zod';
import type { Text } from '../rules/schema.js';

/** One problem with an input: where it is and what is wrong, in Dutch and English. */
export interface InputIssue {
  /** Path to the offending value, e.g. `['considerations', 'suspicion']`. Empty for the whole input. */
  path: (string | number)[];
  /** A machine-readable code (`invalid_type`, `unrecognized_keys`, `unknown-framework`, …). */
  code: string;
  /** What is wrong, in Dutch and English. */
  message: Text;
}

/** How many issues the error message spells out; `issues` always holds them all. */
const MESSAGE_ISSUE_LIMIT = 20;

/**
 * Bad input: every problem found, each with its path and a message in nl and en.
 * Thrown by {@link evaluate}; returned (not thrown) by {@link safeEvaluate}.
 *
 * @example
 * ```ts
 * try { evaluate(JSON.parse('{"considerations":{"suspicion":"yes"}}')); }
 * catch (e) { if (e instanceof MeldcodeInputError) console.log(e.issues[0].path); }
 * ```
 */
export class MeldcodeInputError extends Error {
  override readonly name: string = 'MeldcodeInputError';
  /** Every problem found, in input order. */
  readonly issues: readonly InputIssue[];

  constructor(issues: InputIssue[], what = 'input') {
    const shown = issues.slice(0, MESSAGE_ISSUE_LIMIT).map((i) => `${formatPath(i.path)}: ${i.message.en}`);
    const more = issues.length > MESSAGE_ISSUE_LIMIT ? [`… and ${issues.length - MESSAGE_ISSUE_LIMIT} more`] : [];
    super(`Invalid ${what} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` + [...shown, ...more].join('\n'));
    this.issues = issues;
  }
}

/**
 * A framework document that is not valid, or that tries to remove or weaken a legal-floor
 * rule: every problem with its path, in nl and en.
 */
export class MeldcodeFrameworkError extends MeldcodeInputError {
  override readonly name: string = 'MeldcodeFrameworkError';
  constructor(issues: InputIssue[]) {
    super(issues, 'framework');
  }
}

/** Renders a path as `a.b[0].c`, or `(input)` for the root. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(input)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const typeNames: Record<string, Text> = {
  boolean: { nl: 'ja/nee (boolean)', en: 'a boolean' },
  string: { nl: 'tekst', en: 'a string' },
  number: { nl: 'een getal', en: 'a number' },
  object: { nl: 'een object', en: 'an object' },
  array: { nl: 'een lijst', en: 'an array' },
};

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
            message: { nl: `onbekend veld "${key}"`, en: `unknown key "${key}"` },
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
      default:
        out.push({ path, code: issue.code, message: { nl: `ongeldig: ${issue.message}`, en: issue.message } });
    }
  }
  return out;
}
