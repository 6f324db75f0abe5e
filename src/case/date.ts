import * as z from 'zod/mini';

/** A calendar date, `YYYY-MM-DD`, that exists. Its own file so any schema can import it without a cycle. */
export const isoDate = z.iso.date();

let amsterdamDate: Intl.DateTimeFormat | undefined;
/** The date in the Netherlands at `now` (default: now), `YYYY-MM-DD`. */
export function todayInAmsterdam(now: Date = new Date()): string {
  amsterdamDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
  return amsterdamDate.format(now);
}

/** Whether a Date is valid and falls, in the Netherlands, on a day in the years 1 to 9999. */
export function isDateInRange(date: Date): boolean {
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1) return false;
  return /^\d{4}-\d{2}-\d{2}$/.test(todayInAmsterdam(date));
}

/**
 * The `evaluationDate` option: `YYYY-MM-DD`, or a valid Date in the years 1 to 9999 (read as
 * the date in the Netherlands at that moment).
 */
export const evaluationDateOption = z.union([isoDate, z.date()]).check(z.refine((d) => typeof d === 'string' || isDateInRange(d), {
  message: 'expected a valid date in the years 1 to 9999',
}));
