import * as z from 'zod';

/** A calendar date, `YYYY-MM-DD`, that exists. Its own file so any schema can import it without a cycle. */
export const isoDate = z.iso.date();

let amsterdamDate: Intl.DateTimeFormat | undefined;
/** The date in the Netherlands at `now` (default: now), `YYYY-MM-DD`. */
export function todayInAmsterdam(now: Date = new Date()): string {
  amsterdamDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
  return amsterdamDate.format(now);
}
