// The EHR's own data, as prefetched, read into what the meldcode can use. Two kinds of result:
// - facts: only where the EHR records the very fact a question asks (Patient.birthDate is the
//   client's date of birth). Anything else stays unknown: unknown is never "no".
// - prompts: a coded problem, a pregnancy or a child in the family. None of the sources lists EHR
//   codes, so a code never answers a question; it only makes the service ask it, saying why.
import { ageInYears } from '../case/age.js';
import codes from './ehr-codes.json';

/** A code in the EHR that prompts a question (see `ehr-codes.json` for the shipped list). */
export interface PromptCode {
  system: string;
  code: string;
  /** How the code reads, as the card shows it. */
  display: string;
  /** The question it prompts: `kindcheck.parentSignals` or `client.pregnant`. */
  prompts: 'kindcheck.parentSignals' | 'client.pregnant';
  /** The kind of problem, for the reader: `substance-use`, `psychiatric`, `partner-violence`, `pregnancy`. */
  problem: string;
}

/**
 * The shipped prompt codes: ICPC-2, ICPC-1 NL and SNOMED CT concepts for the parent problems of
 * kindcheck question 1 and for a pregnancy. A convention, not a source's list: pass your own as
 * the option `promptCodes`.
 *
 * @example
 * ```ts
 * const codes = [...defaultPromptCodes, { system: 'https://ehr.example.org/codes', code: 'ALC', display: 'Alcohol use', prompts: 'kindcheck.parentSignals' as const, problem: 'substance-use' }];
 * createCdsHooksServer({ promptCodes: codes });
 * ```
 */
export const defaultPromptCodes: readonly PromptCode[] = Object.freeze(codes.conditions.map((c) => Object.freeze({ ...c }) as PromptCode));

/** Why the service asks a question: what the dossier records, and where. */
export interface Prompt {
  /** The question id it prompts (`kindcheck.parentSignals`, `client.pregnant`, `client.caresForMinor`, `contact.oneOff`). */
  question: string;
  /** The resource it comes from, e.g. `Condition/12`. */
  resource: string;
  /** What the dossier records, for a person to read. */
  text: string;
  /** The code, when a coded problem prompts it. */
  coding?: { system: string; code: string };
}

/** A problem in the prefetched data: the service refuses the request with it (HTTP 400). */
export class PrefetchError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'PrefetchError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The resources of a prefetched search (a searchset Bundle), of one type; `null` (no data) is none. */
export function bundleResources(value: unknown, key: string, type: string): Json[] {
  if (value === null) return [];
  if (!isObject(value) || value.resourceType !== 'Bundle') throw new PrefetchError(key, `prefetch "${key}" must be a Bundle`);
  const entries = value.entry ?? [];
  if (!Array.isArray(entries)) throw new PrefetchError(key, `prefetch "${key}": entry must be an array`);
  const out: Json[] = [];
  entries.forEach((entry, i) => {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource)) throw new PrefetchError(key, `prefetch "${key}": entry ${i} has no resource`);
    // A search may include other resources (an OperationOutcome with warnings, _include): skip them.
    if (resource.resourceType === type) out.push(resource);
  });
  return out;
}

/** A reference to the patient of the request, in either of its usual forms. */
const isPatient = (reference: unknown, patientId: string) =>
  isObject(reference) && (reference.reference === `Patient/${patientId}` || (typeof reference.reference === 'string' && reference.reference.endsWith(`/Patient/${patientId}`)));

/** Refuses a resource about another patient: prefetch data for the wrong patient must never advise. */
export function checkSubject(resource: Json, key: string, element: string, patientId: string): void {
  const reference = resource[element];
  if (reference !== undefined && !isPatient(reference, patientId)) {
    throw new PrefetchError(key, `prefetch "${key}": ${String(resource.resourceType)}/${String(resource.id)} is about another patient than ${patientId}`);
  }
}

/** The patient's date of birth, when the Patient records a whole date; else unknown. */
export function patientBirthDate(patient: unknown, patientId: string, evaluationDate: string): string | undefined {
  if (patient === null) return undefined;
  if (!isObject(patient) || patient.resourceType !== 'Patient') throw new PrefetchError('patient', 'prefetch "patient" must be a Patient');
  if (patient.id !== undefined && patient.id !== patientId) throw new PrefetchError('patient', `prefetch "patient" is Patient/${String(patient.id)}, not ${patientId}`);
  const birthDate = patient.birthDate;
  // FHIR allows a year or a year and month: those leave the date of birth unknown.
  if (typeof birthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return undefined;
  try {
    ageInYears(birthDate, evaluationDate);
  } catch {
    throw new PrefetchError('patient', `prefetch "patient": birthDate ${birthDate} is not a date before ${evaluationDate}`);
  }
  return birthDate;
}

const clinicalStatusOf = (condition: Json): string | undefined => {
  const coding = isObject(condition.clinicalStatus) && Array.isArray(condition.clinicalStatus.coding) ? condition.clinicalStatus.coding : [];
  const first = coding.find(isObject);
  return typeof first?.code === 'string' ? first.code : undefined;
};
const verificationOf = (condition: Json): string | undefined => {
  const coding = isObject(condition.verificationStatus) && Array.isArray(condition.verificationStatus.coding) ? condition.verificationStatus.coding : [];
  const first = coding.find(isObject);
  return typeof first?.code === 'string' ? first.code : undefined;
};
const aliases = codes.icpcSystemAliases as Record<string, string>;

/**
 * The prompts of the patient's Conditions: each coded problem of the list, unless it is refuted or
 * entered in error. A resolved problem still prompts (the card says it is resolved): whether it
 * is a signal now is the professional's call.
 */
export function conditionPrompts(conditions: Json[], patientId: string, promptCodes: readonly PromptCode[], lang: 'nl' | 'en'): Prompt[] {
  const byKey = new Map(promptCodes.map((c) => [`${c.system}|${c.code}`, c]));
  const prompts: Prompt[] = [];
  for (const condition of conditions) {
    checkSubject(condition, 'conditions', 'subject', patientId);
    const verification = verificationOf(condition);
    if (verification === 'refuted' || verification === 'entered-in-error') continue;
    const codings = isObject(condition.code) && Array.isArray(condition.code.coding) ? condition.code.coding.filter(isObject) : [];
    for (const coding of codings) {
      if (typeof coding.system !== 'string' || typeof coding.code !== 'string') continue;
      const system = aliases[coding.system] ?? coding.system;
      // ICPC-1 NL extends codes with a subcode (`P15.01`): it counts as its parent code.
      const code = system.includes('icpc') ? coding.code.split('.')[0] ?? coding.code : coding.code;
      const match = byKey.get(`${system}|${code}`);
      if (!match) continue;
      const status = clinicalStatusOf(condition);
      const label = typeof coding.display === 'string' && coding.display !== '' ? coding.display : match.display;
      const statusText = status ? (lang === 'nl' ? ` (status: ${status})` : ` (status: ${status})`) : '';
      prompts.push({
        question: match.prompts,
        resource: `Condition/${String(condition.id)}`,
        text: `${label} [${coding.code}]${statusText}`,
        coding: { system: coding.system, code: coding.code },
      });
      break; // one prompt per Condition
    }
  }
  return prompts;
}

const childCodes = new Set(codes.childRelationships.codes);

/**
 * The prompts of the patient's RelatedPersons who are their children: whether the client cares
 * for them is kindcheck question 2, which the family data cannot answer (a child may live
 * elsewhere, or be grown up), so it is asked, with the age where the birth date is known.
 */
export function childPrompts(relatedPersons: Json[], patientId: string, evaluationDate: string, lang: 'nl' | 'en'): Prompt[] {
  const prompts: Prompt[] = [];
  for (const person of relatedPersons) {
    checkSubject(person, 'relatedPersons', 'patient', patientId);
    if (person.active === false) continue;
    const relationships = Array.isArray(person.relationship) ? person.relationship.filter(isObject) : [];
    const isChild = relationships.some(
      (r) => Array.isArray(r.coding) && r.coding.some((c: unknown) => isObject(c) && c.system === codes.childRelationships.system && childCodes.has(String(c.code))),
    );
    if (!isChild) continue;
    let age: number | undefined;
    if (typeof person.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(person.birthDate)) {
      try {
        age = ageInYears(person.birthDate, evaluationDate);
      } catch {
        age = undefined;
      }
    }
    if (age !== undefined && age >= 18) continue; // an adult child is not a minor in the family
    const ageText = age === undefined ? (lang === 'nl' ? 'leeftijd onbekend' : 'age unknown') : lang === 'nl' ? `${age} jaar` : `${age} years old`;
    prompts.push({
      question: 'client.caresForMinor',
      resource: `RelatedPerson/${String(person.id)}`,
      text: lang === 'nl' ? `een kind van de cliënt (${ageText})` : `a child of the client (${ageText})`,
    });
  }
  return prompts;
}

/** The v3 ActCode of an emergency encounter (Encounter.class). */
const EMERGENCY = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' };

/**
 * The prompt of the encounter of an `encounter-discharge` call: an emergency encounter prompts
 * kindcheck question 3 ("Hebt u vluchtig of eenmalig contact met uw cliënt?", whose help names
 * the emergency room: 004, Kind Check, vraag 3). It does not answer it: an emergency patient may
 * also be the professional's own. Another encounter than the context's, or one about another
 * patient, is refused.
 */
export function encounterPrompts(encounter: unknown, encounterId: string, patientId: string, lang: 'nl' | 'en'): Prompt[] {
  if (!isObject(encounter) || encounter.resourceType !== 'Encounter') throw new PrefetchError('encounter', 'prefetch "encounter" must be an Encounter');
  if (encounter.id !== undefined && encounter.id !== encounterId) throw new PrefetchError('encounter', `prefetch "encounter" is Encounter/${String(encounter.id)}, not ${encounterId}`);
  checkSubject(encounter, 'encounter', 'subject', patientId);
  const klass = encounter.class;
  if (!isObject(klass) || klass.system !== EMERGENCY.system || klass.code !== EMERGENCY.code) return [];
  return [
    {
      question: 'contact.oneOff',
      resource: `Encounter/${encounterId}`,
      text: lang === 'nl' ? 'een contact op de spoedeisende hulp (Encounter.class EMER)' : 'an emergency encounter (Encounter.class EMER)',
      coding: { ...EMERGENCY },
    },
  ];
}
