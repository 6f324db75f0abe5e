import * as z from 'zod/mini';
import { isoDate } from '../case/date.js';
import { kebabId, ruleFileSchemaFor, sourceSchema, textSchema, minLength, exactLength } from '../rules/schema.js';

/**
 * Whose consent counts for sharing a client's data (000 §3.2 NB 1): `privacy-16` — privacy law
 * (then the Wbp): the client from 16; `jeugdwet-wgbo-12` — the Jeugdwet and the WGBO: the client
 * from 12. A framework setting; until frameworks carry it, an option of {@link evaluateConsent}.
 */
export type ConsentRegime = 'privacy-16' | 'jeugdwet-wgbo-12';
/** The consent regimes (see {@link ConsentRegime}). */
export const consentRegimes = Object.freeze(['privacy-16', 'jeugdwet-wgbo-12'] as const satisfies readonly ConsentRegime[]);

/** The only reasons the conversation about the report may be skipped (000 Bijlage 1b stap 5). */
export const skipReasons = Object.freeze(['safety', 'loss-of-contact'] as const);
/** Why the reporter may stay anonymous towards the family (000 §Wat Veilig Thuis met een melding doet). */
export const anonymityReasons = Object.freeze([
  'threat-to-reported',
  'threat-to-professional-or-others',
  'relationship-of-trust',
] as const);

/** The client fields the conversation and consent rules read (*cliënt*). All optional: unknown is never "no". */
export const consentClientSchema = z.strictObject({
  /** Date of birth (`YYYY-MM-DD`); the age is computed from it on the evaluation date. */
  birthDate: z.optional(isoDate),
  /** Age in whole years, when no date of birth is known. */
  age: z.optional(z.int().check(z.gte(0)).check(z.lte(130))),
  /** The client's role in the suspected violence (*slachtoffer, vermoedelijke pleger, getuige*). */
  role: z.optional(z.enum(['victim', 'suspected-perpetrator', 'child-witness'])),
  /** Is pregnant (*zwanger*). */
  pregnant: z.optional(z.boolean()),
  /** Cares for a minor (*heeft de zorg voor een minderjarige*). */
  caresForMinor: z.optional(z.boolean()),
  /** Cares for a care-dependent adult (*heeft de zorg voor een zorgafhankelijke volwassene*). */
  caresForCareDependentAdult: z.optional(z.boolean()),
  /** Is care-dependent (*zorgafhankelijk*). */
  careDependent: z.optional(z.boolean()),
  /** Lacks decision-making capacity on this point (*wilsonbekwaam*). */
  lacksCapacity: z.optional(z.boolean()),
  /** The legal representative (*wettelijk vertegenwoordiger*). */
  legalRepresentative: z.optional(z
    .strictObject({
      /** The client has a legal representative. */
      present: z.optional(z.boolean()),
      /** The representative may be the perpetrator (*mogelijk zelf de pleger*). */
      possiblyPerpetrator: z.optional(z.boolean()),
    })),
  /** Still lives at home with the parents (*woont nog thuis*). */
  livesWithParents: z.optional(z.boolean()),
});

/** The conversation about the intended report (*gesprek over de melding*). */
export const conversationSchema = z.strictObject({
  /**
   * Why the conversation is skipped, if it is: `safety` — concrete indications that the safety
   * of the client, the professional or another is (or could be) at stake; `loss-of-contact` —
   * good reason to expect the client to break contact. Absent: the conversation is held.
   */
  skipReason: z.optional(z.enum(skipReasons)),
  /**
   * With `skipReason: 'loss-of-contact'`: the client can then no longer be protected sufficiently
   * against the possible violence — only then is the expected loss of contact a reason to skip
   * (000 Bijlage 1b stap 5).
   */
  clientUnprotectedIfContactLost: z.optional(z.boolean()),
  /** The reason for skipping is recorded in the file. */
  skipReasonRecorded: z.optional(z.boolean()),
  /** The conversation itself could endanger a family member or the professional. */
  endangersSomeone: z.optional(z.boolean()),
  /** Why the reporter wants to stay anonymous towards the family, if so. */
  anonymityReason: z.optional(z.enum(anonymityReasons)),
});

/** The client's (or parents') objection to the report (*bezwaar tegen de melding*). */
export const objectionSchema = z.strictObject({
  /** The client (or the parents) object to the report. */
  raised: z.optional(z.boolean()),
  /** The objection can be met (*tegemoetkomen aan de bezwaren*). */
  canBeMet: z.optional(z.boolean()),
  /** The objection is considered and free (*weloverwogen en in vrijheid*). */
  consideredAndFree: z.optional(z.boolean()),
  /** The refusal is driven by dependency on the perpetrator, e.g. fear of repercussions. */
  drivenByDependencyOrFear: z.optional(z.boolean()),
  /** Serious danger of heavy physical or psychological harm or death (*ernstig gevaar voor zwaar letsel of de dood*). */
  seriousDanger: z.optional(z.boolean()),
  /** The professional's weighing: protection of the client or a family member must prevail (*de doorslag geven*). */
  protectionPrevails: z.optional(z.boolean()),
  /** The report concerns domestic violence and the objecting client is its adult victim. */
  domesticViolenceAdultVictim: z.optional(z.boolean()),
  /**
   * A minor is involved in any way: lives in or regularly stays in the household, witnesses the
   * violence, or is cared for by the victim or the suspect (FAQ 004 regime).
   */
  minorInvolved: z.optional(z.boolean()),
  /** Someone else who has not objected is at risk from the violence (FAQ 004 regime). */
  othersAtRisk: z.optional(z.boolean()),
  /** The victim depends on the suspect for care (FAQ 004 regime). */
  dependsOnSuspectForCare: z.optional(z.boolean()),
  /**
   * Why the objection is considered and free despite a dependency on the suspect for care, or
   * honour-based violence, forced marriage or FGM, is recorded (FAQ 004 regime).
   */
  freedomReasonRecorded: z.optional(z.boolean()),
  /**
   * Why there is no serious danger although an acute example that points to danger to life was
   * answered yes, is recorded (FAQ 004 regime).
   */
  noSeriousDangerReasonRecorded: z.optional(z.boolean()),
});

/**
 * How a framework treats a client's objection to a report that is the norm (DESIGN §6.5), cited
 * from its own source: `faq-004` — the FAQ's exception: the considered and free objection of an
 * adult victim of domestic violence sets the report aside only when every condition is answered
 * and there is no serious danger; `weighing` — the professional's recorded weighing (does
 * protection prevail?) decides.
 */
export type ObjectionRegime = 'faq-004' | 'weighing';
/**
 * The objection regimes (see {@link ObjectionRegime}). A framework names its own; for
 * {@link evaluateConsent} it is an option, and without it the plan weighs and says the regime is
 * not settled.
 *
 * @example
 * ```ts
 * objectionRegimes; // ['faq-004', 'weighing']
 * const input = { unsafety: { acuteOrStructural: false }, objection: { raised: true, canBeMet: false, protectionPrevails: false } };
 * const plan = evaluateConsent(input, { evaluationDate: '2026-11-23', objectionRegime: 'weighing' });
 * plan.objectionRegime;   // { regime: 'weighing', settled: true }
 * plan.objection.status;  // 'objection-prevails'
 * evaluateConsent(input, { evaluationDate: '2026-11-23' }).objectionRegime; // { regime: 'weighing', settled: false }
 * ```
 */
export const objectionRegimes = Object.freeze(['faq-004', 'weighing'] as const satisfies readonly ObjectionRegime[]);

/** The specific forms of violence the FAQ 004 regime reads (000 §Specifieke vormen van huiselijk geweld of kindermishandeling). */
export const consentFormsSchema = z.strictObject({
  /** Female genital mutilation (*vrouwelijke genitale verminking*). */
  fgm: z.optional(z.boolean()),
  /** Honour-based violence (*eergerelateerd geweld*). */
  honourBasedViolence: z.optional(z.boolean()),
  /** Forced marriage (*huwelijksdwang*). */
  forcedMarriage: z.optional(z.boolean()),
});

/** The steps the reviewer's checklist reads (000 §3.3); the full steps section belongs to the steps module. */
export const consentStepsSchema = z.strictObject({
  /** Signals recorded (step 1): enough relevant facts, carefully collected. */
  signalsRecorded: z.optional(z.boolean()),
  /** A colleague was consulted (step 2). */
  colleagueConsulted: z.optional(z.boolean()),
  /** Veilig Thuis was asked for advice (step 2). */
  veiligThuisAdviceAsked: z.optional(z.boolean()),
  /** The conversation with the client was held (step 3). */
  conversationHeld: z.optional(z.boolean()),
});

/** The standalone input of {@link evaluateConsent}. Every answer is optional. */
export const consentInputSchema = z.strictObject({
  /** The date the age is computed on (`YYYY-MM-DD`); the option overrides it; default today in Europe/Amsterdam. */
  evaluationDate: z.optional(isoDate),
  client: z.optional(consentClientSchema),
  conversation: z.optional(conversationSchema),
  objection: z.optional(objectionSchema),
  steps: z.optional(consentStepsSchema),
  forms: z.optional(consentFormsSchema),
  /** Afweging 2 as this module needs it. Disclosure is a form of acute unsafety. */
  unsafety: z.optional(z
    .strictObject({
      /** Acute or structural unsafety (or disclosure) is suspected. */
      acuteOrStructural: z.optional(z.boolean()),
      /** An acute example that points to danger to life is answered yes (in a decision: the framework's list). */
      threatToLifeExample: z.optional(z.boolean()),
    })),
});

/** The input of {@link evaluateConsent}, as a caller writes it. */
export interface ConsentInput extends z.input<typeof consentInputSchema> {}
/** The validated input of {@link evaluateConsent}. */
export interface ConsentCase extends z.output<typeof consentInputSchema> {}

/** Who the conversation about the report is with. */
export const parties = Object.freeze(['client', 'parents', 'legal-representative', 'other-representative'] as const);
/** Who the conversation about the report is with. */
export type Party = (typeof parties)[number];

/**
 * How firmly a party belongs in the conversation: `required`; `and-or` (the client and/or the
 * parents, together or apart: the professional decides); `professional-judgement` (whether to talk
 * with a child under 12 is the professional's judgement); `consider` (the sources leave it open).
 */
export type PartyBasis = 'required' | 'and-or' | 'professional-judgement' | 'consider';
const partyBases = ['required', 'and-or', 'professional-judgement', 'consider'] as const;

/** What the reviewer of a decision to break secrecy checks afterwards (000 §3.3). */
export const checklistItems = Object.freeze([
  'colleague-consulted',
  'veilig-thuis-consulted',
  'sufficient-facts',
  'interests-weighed',
  'client-contacts',
] as const);
/** One item of the reviewer's checklist (000 §3.3 Beoordeling van een besluit over het doorbreken van het beroepsgeheim). */
export type ChecklistItem = (typeof checklistItems)[number];

/**
 * Where an objection leaves the report, per the rule that decided (see `consent.ts` for the order):
 * `always-report`, `no-objection`, `conversation-skipped`, `objection-met`; under the FAQ 004 regime
 * `considered-objection-serious-danger`, `exception-not-met`, `considered-objection` (the report is
 * set aside), `exception-open` (answers missing: the report is provisional); under the weighing
 * regime `notice-norm-1` (acute or structural unsafety: the report stands), `protection-prevails`,
 * `objection-prevails` (without acute or structural unsafety: the report is set aside); `open` (a question
 * is still to be answered; the report that is the norm stands meanwhile).
 */
export const objectionStatuses = Object.freeze([
  'always-report',
  'no-objection',
  'conversation-skipped',
  'objection-met',
  'considered-objection-serious-danger',
  'exception-not-met',
  'considered-objection',
  'exception-open',
  'notice-norm-1',
  'protection-prevails',
  'objection-prevails',
  'open',
] as const);
/** Where an objection leaves the report (see {@link objectionStatuses}). */
export type ObjectionStatus = (typeof objectionStatuses)[number];

const questionIds = z.array(z.string().check(minLength(1))).check(minLength(1));

/** The effect vocabulary of the consent rules (json-rules-engine `event`). */
export const consentEffectSchema = z.discriminatedUnion('type', [
  /** Talk with this party about the intended report. */
  z.strictObject({
    type: z.literal('talk-with'),
    params: z.strictObject({ party: z.enum(parties), basis: z.enum(partyBases) }),
  }),
  /** Whose consent counts for sharing the client's data. */
  z.strictObject({
    type: z.literal('consent-from'),
    params: z.strictObject({ holder: z.enum(['client', 'parents', 'legal-representative', 'other-representative']) }),
  }),
  /** The conversation is a notice (acute/structural unsafety) or an effort to obtain consent. */
  z.strictObject({
    type: z.literal('conversation-mode'),
    params: z.strictObject({ mode: z.enum(['notice', 'consent-request']) }),
  }),
  /** The conversation may be skipped, for this reason. */
  z.strictObject({
    type: z.literal('skip'),
    params: z.strictObject({ reason: z.enum(skipReasons) }),
  }),
  /** What the objection means for the report; exactly one objection rule holds for any case. */
  z.strictObject({
    type: z.literal('objection'),
    params: z.strictObject({
      status: z.enum(objectionStatuses),
      reportDespiteObjection: z.union([z.boolean(), z.null()]),
      /** For an `open` status: the questions whose answers settle it. */
      questions: z.optional(questionIds),
    }),
  }),
  /** Whether the always-report rule (004) applies. */
  z.strictObject({
    type: z.literal('always-report'),
    params: z.strictObject({ applies: z.boolean() }),
  }),
  /** The reporter towards the family: may stay anonymous, or is made known (the main rule). */
  z.strictObject({
    type: z.literal('anonymity'),
    params: z.strictObject({ towardsFamily: z.enum(['may-stay-anonymous', 'identity-disclosed']) }),
  }),
  /** An item of the reviewer's checklist the case documents. */
  z.strictObject({
    type: z.literal('checklist'),
    params: z.strictObject({ item: z.enum(checklistItems) }),
  }),
  /** An answer that matters is missing: ask these questions (ids = fact paths). */
  z.strictObject({
    type: z.literal('needs-input'),
    params: z.strictObject({ questions: questionIds }),
  }),
  /** Something the professional should do. */
  z.strictObject({
    type: z.literal('action'),
    params: z.strictObject({ action: kebabId }),
  }),
  /** A remark that explains, without changing the plan. */
  z.strictObject({
    type: z.literal('note'),
    params: z.strictObject({ note: kebabId }),
  }),
]);

/**
 * Whose consent counts for sharing the client's data: the client, the parent(s), or — for a
 * client who lacks capacity — the legal representative, or another suitable representative when
 * the legal representative may be the perpetrator (004 §Wat als het slachtoffer wilsonbekwaam is?).
 */
export type ConsentHolder = 'client' | 'parents' | 'legal-representative' | 'other-representative';

/** What a consent rule establishes when its conditions hold. */
export type ConsentEffect =
  | { type: 'talk-with'; params: { party: Party; basis: PartyBasis } }
  | { type: 'consent-from'; params: { holder: ConsentHolder } }
  | { type: 'conversation-mode'; params: { mode: 'notice' | 'consent-request' } }
  | { type: 'skip'; params: { reason: (typeof skipReasons)[number] } }
  | {
      type: 'objection';
      params: { status: ObjectionStatus; reportDespiteObjection: boolean | null; questions?: string[] | undefined };
    }
  | { type: 'always-report'; params: { applies: boolean } }
  | { type: 'anonymity'; params: { towardsFamily: 'may-stay-anonymous' | 'identity-disclosed' } }
  | { type: 'checklist'; params: { item: ChecklistItem } }
  | { type: 'needs-input'; params: { questions: string[] } }
  | { type: 'action'; params: { action: string } }
  | { type: 'note'; params: { note: string } };

/** The consent rule file schema: the shared rule grammar with the consent effects. */
export const consentRuleFileSchema = ruleFileSchemaFor(consentEffectSchema);

/** A question of the consent module; its id is the fact path its answer fills. */
export interface ConsentQuestion {
  /** The dotted fact path the answer fills, e.g. `objection.seriousDanger`. */
  id: string;
  /** The question, in Dutch and English. */
  text: { nl: string; en: string };
  /** Help: a definition or what to consider. */
  help?: { nl: string; en: string } | undefined;
  /** The kind of answer: yes/no, a date, a whole number or one of `choices`. */
  answer: 'boolean' | 'date' | 'integer' | 'choice';
  /** The allowed answers of a `choice` question. */
  choices?: string[] | undefined;
  /** Where the question comes from. */
  source: z.output<typeof sourceSchema>;
}

const consentQuestionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+$/)),
  text: textSchema,
  help: z.optional(textSchema),
  answer: z.enum(['boolean', 'date', 'integer', 'choice']),
  choices: z.optional(z.array(z.string().check(minLength(1))).check(minLength(2))),
  source: sourceSchema,
});

/** A text the module shows as is (a conflict-of-duties question, a checklist item), with its source. */
const citedTextSchema = z.strictObject({ id: kebabId, text: textSchema, source: sourceSchema });

/** The consent question file: the questions, the five conflict-of-duties questions, the reviewer's checklist. */
export const consentQuestionFileSchema = z.strictObject({
  id: kebabId,
  questions: z.array(consentQuestionSchema).check(minLength(1)),
  conflictOfDuties: z.array(citedTextSchema).check(exactLength(5)),
  reviewerChecklist: z.array(z.extend(citedTextSchema, { id: z.enum(checklistItems) })).check(exactLength(checklistItems.length)),
});
