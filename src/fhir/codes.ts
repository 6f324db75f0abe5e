import type { Coding } from './types.js';

/** Code system of HL7 v2 table 0136 (yes/no), used by the FHIR R4 value set `yesnodontknow`. */
export const YES_NO_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0136';
/** Code system of FHIR R4 `data-absent-reason`; its `asked-unknown` is the "don't know" of `yesnodontknow`. */
export const DATA_ABSENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** Code system of FHIR R4 `questionnaire-item-control` (`help` marks a help text). */
export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
/** The FHIR R4 extension that says how an item is shown. */
export const ITEM_CONTROL_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';

/** Prefix of the canonical URL of a generated Questionnaire; the framework id follows. */
export const QUESTIONNAIRE_URL_PREFIX = 'urn:meldcode:questionnaire:';
/** Code system of the values of this library's `choice` questions. */
export const CHOICE_SYSTEM = 'urn:meldcode:answer';
/** Extension on a Questionnaire item: the source the question cites, as one line. */
export const SOURCE_EXTENSION = 'urn:meldcode:extension:source';
/** Prefix of a GuidanceResponse's `moduleUri`; framework id and version follow. */
export const MODULE_URI_PREFIX = 'urn:meldcode:framework:';
/** Code system of the framework ids, as the topic of a CDS Hooks card. */
export const FRAMEWORK_SYSTEM = 'urn:meldcode:framework';

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
