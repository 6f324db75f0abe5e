import type { Coding } from './types.js';

/** Code system of HL7 v2 table 0136 (yes/no), used by the FHIR R4 value set `yesnodontknow`. */
export const YES_NO_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0136';
/** Code system of FHIR R4 `data-absent-reason`; its `asked-unknown` is the "don't know" of `yesnodontknow`. */
export const DATA_ABSENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** Code system of FHIR R4 `questionnaire-item-control` (`flyover` marks a help text a renderer shows on demand). */
export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
/** The FHIR R4 extension that says how an item is shown. */
export const ITEM_CONTROL_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
/** The FHIR R4 extensions for the bounds of a number item. */
export const MIN_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/maxValue';
/** The code system of the choice values before 0.2; a response that uses it is still read. */
export const LEGACY_CHOICE_SYSTEM = 'urn:meldcode:answer';

/** The three answers to a yes/no question, as in the FHIR R4 value set `yesnodontknow`. */
export const yesNoUnknown = {
  yes: { system: YES_NO_SYSTEM, code: 'Y' },
  no: { system: YES_NO_SYSTEM, code: 'N' },
  unknown: { system: DATA_ABSENT_SYSTEM, code: 'asked-unknown' },
} as const satisfies Record<string, Coding>;

/** Displays of those answers. "Don't know" stays unknown in the case: unknown is never "no". */
export const yesNoDisplay = {
  nl: { yes: 'Ja', no: 'Nee', unknown: 'Weet ik (nog) niet' },
  en: { yes: 'Yes', no: 'No', unknown: "Don't know (yet)" },
} as const;

/** The Coding for a boolean answer. */
export function booleanCoding(value: boolean, locale: 'nl' | 'en'): Coding {
  const key = value ? 'yes' : 'no';
  return { ...yesNoUnknown[key], display: yesNoDisplay[locale][key] };
}
