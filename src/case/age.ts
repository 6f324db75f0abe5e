// The client's age for the rules (`derived.ageYears`, `derived.ageBand`), computed with the consent
// module's exact calendar arithmetic (birthdays, 29 February births turn a year older on 1 March).
import { type AgeBand, ageBand, ageInYears } from '../consent/age.js';
import type { InputIssue } from '../errors/errors.js';

export type { AgeBand };

/** Facts computed in TypeScript from the case, passed to the rules as `derived`. */
export interface DerivedFacts {
  /** The client's age in whole years on the evaluation date (from the date of birth, else `client.age`). */
  ageYears?: number;
  /** The client's age band on the evaluation date: `under-12`, `12-15`, `16-17` or `adult`. */
  ageBand?: AgeBand;
  /** The framework requires Veilig Thuis advice at step 2 (e.g. the KNMG meldcode for physicians); set by `evaluate()`. */
  veiligThuisAdviceRequired?: boolean;
}

type AgeFields = { birthDate?: string | undefined; age?: number | undefined } | undefined;

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
