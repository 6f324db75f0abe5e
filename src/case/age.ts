// The client's age, in one place: calendar arithmetic (birthdays exact; a 29 February birth turns
// a year older on 1 March in a common year), the age bands of the conversation rules, the derived
// facts every module reads (`derived.ageYears`, `derived.ageBand`), and the age input issues.
import type { InputIssue } from '../errors/errors.js';

/**
 * Age in whole years and the age band the conversation about a report depends on
 * (000 §Positie van de jeugdige cliënt en zijn ouder(s); §3.2 NB 1; Bijlage 1b stap 5).
 *
 * Dates are calendar dates (`YYYY-MM-DD`), compared as numbers: no `Date`, no time zone.
 */

/**
 * The age bands of the meldcode's conversation rules: under 12 (the parents), 12 to 15 (the
 * client and/or the parents), 16 and 17 (the client; a minor), 18 and over (an adult).
 */
export type AgeBand = 'under-12' | '12-15' | '16-17' | 'adult';

/** Every age band, youngest first. */
export const ageBands: readonly AgeBand[] = Object.freeze(['under-12', '12-15', '16-17', 'adult']);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Splits a `YYYY-MM-DD` calendar date that exists; throws a `RangeError` otherwise. */
export function parseCalendarDate(date: string): { year: number; month: number; day: number } {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) throw new RangeError(`no such date: ${date}`);
  return { year, month, day };
}

/**
 * Age in whole completed years on `onDate` for someone born on `birthDate` (both `YYYY-MM-DD`).
 * A person is a year older from their birthday on. Someone born on 29 February turns a year
 * older on **1 March** in a common year: the sources do not say (see the note on issue 3), and
 * this convention keeps a leap-day child in the younger band one day longer, never shorter.
 *
 * @throws RangeError when a date does not exist or `onDate` is before `birthDate`.
 * @example
 * ```ts
 * ageInYears('2014-03-01', '2026-02-28'); // 11
 * ageInYears('2014-03-01', '2026-03-01'); // 12
 * ageInYears('2008-02-29', '2026-02-28'); // 17 (18 on 2026-03-01)
 * ```
 */
export function ageInYears(birthDate: string, onDate: string): number {
  const b = parseCalendarDate(birthDate);
  const d = parseCalendarDate(onDate);
  let age = d.year - b.year;
  // Birthday not yet reached this year. A 29 February birthday in a common year falls on
  // 1 March, so on 28 February the birthday has not been reached.
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  if (age < 0) throw new RangeError(`${onDate} is before the birth date ${birthDate}`);
  return age;
}

/**
 * The age band for an age in whole years: `under-12` (0-11), `12-15`, `16-17`, `adult` (18+).
 *
 * @throws RangeError for a negative or non-integer age.
 * @example
 * ```ts
 * ageBand(11); // 'under-12'
 * ageBand(12); // '12-15'
 * ageBand(16); // '16-17'
 * ageBand(18); // 'adult'
 * ```
 */
export function ageBand(ageYears: number): AgeBand {
  if (!Number.isInteger(ageYears) || ageYears < 0) throw new RangeError(`not an age in whole years: ${ageYears}`);
  if (ageYears < 12) return 'under-12';
  if (ageYears < 16) return '12-15';
  if (ageYears < 18) return '16-17';
  return 'adult';
}

/**
 * The age band on `onDate` for someone born on `birthDate`: `ageBand(ageInYears(birthDate, onDate))`.
 *
 * @example
 * ```ts
 * ageBandOn('2010-06-15', '2026-06-14'); // '12-15'
 * ageBandOn('2010-06-15', '2026-06-15'); // '16-17'
 * ```
 */
export function ageBandOn(birthDate: string, onDate: string): AgeBand {
  return ageBand(ageInYears(birthDate, onDate));
}

// --- The facts the rules read, derived once per evaluation from the case. ---


/** Facts computed in TypeScript from the case, passed to the rules as `derived`. */
export interface DerivedFacts {
  /** The client's age in whole years on the evaluation date (from the date of birth, else `client.age`). */
  ageYears?: number;
  /** The client's age band on the evaluation date: `under-12`, `12-15`, `16-17` or `adult`. */
  ageBand?: AgeBand;
  /** The framework requires Veilig Thuis advice at step 2 (e.g. the KNMG meldcode for physicians); set by `evaluate()`. */
  veiligThuisAdviceRequired?: boolean;
  /** The user's role may not report to the Verwijsindex (the framework's `verwijsindex` requirement is `not-applicable` for it); set by `evaluate()`. */
  verwijsindexNotForRole?: boolean;
}

/** The age fields of a client: a date of birth and/or an age. */
export type AgeFields = { birthDate?: string | undefined; age?: number | undefined } | undefined;

function years(client: AgeFields, evaluationDate: string): number | undefined {
  if (client?.birthDate === undefined) return client?.age;
  try {
    return ageInYears(client.birthDate, evaluationDate);
  } catch {
    return undefined; // a birth date after the evaluation date: reported by ageIssues
  }
}

/** The derived facts for a client on an evaluation date; an unknown age stays absent (never guessed). */
export function deriveFacts(client: AgeFields, evaluationDate: string): DerivedFacts {
  const y = years(client, evaluationDate);
  return y === undefined ? {} : { ageYears: y, ageBand: ageBand(y) };
}

/** A date of birth after the evaluation date, or an age that contradicts the date of birth, as input issues. */
export function ageIssues(client: AgeFields, evaluationDate: string): InputIssue[] {
  if (client?.birthDate === undefined) return [];
  const y = years(client, evaluationDate);
  if (y === undefined) {
    return [
      {
        path: ['client', 'birthDate'],
        code: 'birth-date-after-evaluation-date',
        message: {
          nl: `de geboortedatum ligt na de beoordelingsdatum ${evaluationDate}`,
          en: `the date of birth lies after the evaluation date ${evaluationDate}`,
        },
      },
    ];
  }
  if (client.age !== undefined && client.age !== y) {
    return [
      {
        path: ['client', 'age'],
        code: 'age-contradicts-birth-date',
        message: {
          nl: `leeftijd ${client.age} past niet bij de geboortedatum (${y} op ${evaluationDate})`,
          en: `age ${client.age} does not match the date of birth (${y} on ${evaluationDate})`,
        },
      },
    ];
  }
  return [];
}
