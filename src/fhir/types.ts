// The few FHIR R4 (4.0.1) structures this library reads and writes, with the elements it uses.
// They follow the R4 specification (hl7.org/fhir/R4) and, for cards, CDS Hooks 2.0; a type test
// checks them against @types/fhir's R4 definitions, so the package needs no FHIR dependency.

/** FHIR R4 `Coding`: a code from a code system. */
export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

/** FHIR R4 `Extension` with the value types this library writes. */
export interface Extension {
  url: string;
  valueString?: string;
  valueInteger?: number;
  valueCodeableConcept?: { coding?: Coding[]; text?: string };
}

/** FHIR R4 `Identifier`. */
export interface Identifier {
  system?: string;
  value?: string;
}

/** FHIR R4 `Reference` (a local `#id` reference to a contained resource, or e.g. `Patient/123`). */
export interface Reference {
  reference?: string;
  display?: string;
}

/** FHIR R4 `Questionnaire.item.enableWhen`: when an item is shown. */
export interface QuestionnaireItemEnableWhen {
  /** `linkId` of the item whose answer is tested. */
  question: string;
  /** From the value set `questionnaire-enable-operator`. */
  operator: 'exists' | '=' | '!=' | '>' | '<' | '>=' | '<=';
  answerBoolean?: boolean;
  answerInteger?: number;
  answerString?: string;
  answerCoding?: Coding;
}

/** FHIR R4 `Questionnaire.item.answerOption`. */
export interface QuestionnaireItemAnswerOption {
  valueCoding?: Coding;
  valueInteger?: number;
  valueString?: string;
}

/** FHIR R4 `Questionnaire.item`, with the item types of the value set `item-type` this library uses. */
export interface QuestionnaireItem {
  linkId: string;
  /** The fact the answer fills, as a URI. */
  definition?: string;
  prefix?: string;
  text?: string;
  type: 'group' | 'display' | 'boolean' | 'integer' | 'date' | 'string' | 'choice';
  enableWhen?: QuestionnaireItemEnableWhen[];
  /** Required when there is more than one `enableWhen` (constraint que-12). */
  enableBehavior?: 'all' | 'any';
  required?: boolean;
  repeats?: boolean;
  answerOption?: QuestionnaireItemAnswerOption[];
  extension?: Extension[];
  item?: QuestionnaireItem[];
}

/** FHIR R4 `Questionnaire`. */
export interface Questionnaire {
  resourceType: 'Questionnaire';
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  /** From the value set `publication-status`. */
  status: 'draft' | 'active' | 'retired' | 'unknown';
  date?: string;
  publisher?: string;
  description?: string;
  /** Canonicals of the Questionnaires this one is derived from (an adaptive step names its source). */
  derivedFrom?: string[];
  language?: string;
  /** Resource types the answers are about (R4 `ResourceType`); this library writes `Patient`. */
  subjectType?: 'Patient'[];
  extension?: Extension[];
  item?: QuestionnaireItem[];
}

/** FHIR R4 `QuestionnaireResponse.item.answer`. */
export interface QuestionnaireResponseItemAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueString?: string;
  valueUri?: string;
  valueCoding?: Coding;
  item?: QuestionnaireResponseItem[];
}

/** FHIR R4 `QuestionnaireResponse.item`. */
export interface QuestionnaireResponseItem {
  linkId: string;
  definition?: string;
  text?: string;
  answer?: QuestionnaireResponseItemAnswer[];
  item?: QuestionnaireResponseItem[];
}

/** FHIR R4 `QuestionnaireResponse`. */
export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  /** Canonical URL of the Questionnaire, optionally `|version`. */
  questionnaire?: string;
  /** From the value set `questionnaire-answers-status`. */
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  authored?: string;
  item?: QuestionnaireResponseItem[];
}

/** FHIR R4 `Parameters.parameter`. */
export interface ParametersParameter {
  name: string;
  valueString?: string;
  valueCode?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDate?: string;
  part?: ParametersParameter[];
}

/** FHIR R4 `Parameters`. */
export interface Parameters {
  resourceType: 'Parameters';
  id?: string;
  parameter?: ParametersParameter[];
}

/** FHIR R4 `DataRequirement` (only `type` is required). */
export interface DataRequirement {
  /** An R4 `FHIRAllTypes` code; this library asks for answers in a `QuestionnaireResponse`. */
  type: 'QuestionnaireResponse';
  /** This library's `meldcode-open-question` extension names the open question's linkId. */
  extension?: Extension[];
  profile?: string[];
  mustSupport?: string[];
}

/** FHIR R4 `GuidanceResponse`. */
export interface GuidanceResponse {
  resourceType: 'GuidanceResponse';
  id?: string;
  /** The id of the request this responds to (e.g. a CDS Hooks `hookInstance`). */
  requestIdentifier?: Identifier;
  identifier?: Identifier[];
  contained?: Parameters[];
  /**
   * One of `moduleUri`, `moduleCanonical` or `moduleCodeableConcept` is required. This library
   * writes `moduleCanonical` (the shipped framework's Library, `|version`), or `moduleUri` for a
   * framework document of your own, which has no Library.
   */
  moduleCanonical?: string;
  moduleUri?: string;
  /** From the value set `guidance-response-status`. */
  status: 'success' | 'data-requested' | 'data-required' | 'in-progress' | 'failure' | 'entered-in-error';
  subject?: Reference;
  encounter?: Reference;
  occurrenceDateTime?: string;
  /** In R4 a `Device` reference: the system that gave the guidance. */
  performer?: Reference;
  note?: { text: string }[];
  outputParameters?: Reference;
  dataRequirement?: DataRequirement[];
}

/** A CDS Hooks 2.0 card: a short summary, its urgency, markdown detail and the source of the advice. */
export interface CdsHooksCard {
  /** Unique id of the card; optional in CDS Hooks 2.0. */
  uuid?: string;
  /** One-sentence summary, under 140 characters. */
  summary: string;
  /** Details in GitHub-flavoured markdown. */
  detail?: string;
  /** Urgency: `info`, `warning` or `critical`. */
  indicator: 'info' | 'warning' | 'critical';
  /** Where the advice comes from. */
  source: {
    /** Short, human-readable label of the source. */
    label: string;
    /** Where to read more about the source. */
    url?: string;
    /** A topic code for the advice. */
    topic?: Coding;
  };
  /** Links to show with the card: a web page (`absolute`) or a SMART app to launch (`smart`). */
  links?: CdsHooksLink[];
  /** Reasons the professional can pick when setting the card aside; feedback returns the one picked. */
  overrideReasons?: Coding[];
}

/** A CDS Hooks 2.0 link on a card. */
export interface CdsHooksLink {
  /** What the link is, for a person. */
  label: string;
  /** An absolute URL; for `smart`, the app's launch URL. */
  url: string;
  type: 'absolute' | 'smart';
  /** For a SMART app: context passed to it at launch. */
  appContext?: string;
}
