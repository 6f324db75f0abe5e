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
export const ageBands: readonly AgeBand[] = ['under-12', '12-15', '16-17', 'adult'];

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
