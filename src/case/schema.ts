import * as z from 'zod/mini';
import { conversationSchema, objectionSchema } from '../consent/schema.js';
import { kebabId, maxLength } from '../rules/schema.js';

import { isoDate } from './date.js';

export { isoDate };

/** The client's role in the violence (*slachtoffer, vermoedelijke pleger, getuige*); every role stays in the meldcode. */
export const clientRoles = ['victim', 'suspected-perpetrator', 'child-witness'] as const;

/** The client the meldcode is followed for (*cliënt*). */
export const clientSchema = z.strictObject({
  /** Date of birth (*geboortedatum*), `YYYY-MM-DD`; ages are computed from it exactly. */
  birthDate: z.optional(isoDate),
  /** Age in whole years (*leeftijd*), when no date of birth is known. */
  age: z.optional(z.int().check(z.gte(0)).check(z.lte(130))),
  /** The client's role: victim, suspected perpetrator, or (a child) witness. */
  role: z.optional(z.enum(clientRoles)),
  /** Cares for a minor (*zorgt voor minderjarige kinderen*); kindcheck question 2. */
  caresForMinor: z.optional(z.boolean()),
  /** Is pregnant (*zwanger*); kindcheck question 2. */
  pregnant: z.optional(z.boolean()),
  /** Cares for a care-dependent adult (*zorg voor een zorgafhankelijke volwassene*). */
  caresForCareDependentAdult: z.optional(z.boolean()),
  /** Is care-dependent (*zorgafhankelijk*). */
  careDependent: z.optional(z.boolean()),
  /** Lacks decision-making capacity on this point (*wilsonbekwaam*). */
  lacksCapacity: z.optional(z.boolean()),
  /** The legal representative (*wettelijk vertegenwoordiger*). */
  legalRepresentative: z.optional(z
    .strictObject({
      /** There is a legal representative. */
      present: z.optional(z.boolean()),
      /** The representative may be the perpetrator (*mogelijk zelf de pleger*). */
      possiblyPerpetrator: z.optional(z.boolean()),
    })),
  /** Still lives with the parents (*woont nog thuis*). */
  livesWithParents: z.optional(z.boolean()),
});

/** Where the signals come from: the scope of the meldcode (000 §Geweld in een zorg- of onderwijsrelatie). */
export const scopeSchema = z.strictObject({
  /** The suspected perpetrator is a professional in a care or education relationship with the client. */
  perpetratorIsProfessional: z.optional(z.boolean()),
  /**
   * Whom that professional works for: the user's `own` organisation (the same bevoegd gezag, houder
   * or zorgaanbieder) or an `other` one (000 Bijlage 1a; issue 14 ruling B).
   */
  perpetratorOrganisation: z.optional(z.enum(['own', 'other'])),
  /** That professional is also the client's partner, parent or family member: a domestic case (*niet de locatie maar de relatie*). */
  perpetratorIsRelative: z.optional(z.boolean()),
  /**
   * The sector of that relationship: `education` (school), `childcare` (*kinderopvang*),
   * `youth-care` (*jeugdzorg*), `long-term-care` (long-term care and intramural GGZ, Wkkgz), or
   * other `care`. Each has its own route (000 §Geweld in een zorg- of onderwijsrelatie).
   */
  setting: z.optional(z.enum(['care', 'education', 'childcare', 'youth-care', 'long-term-care'])),
  /** The suspicion is of a sexual offence (*zedenmisdrijf*): the school route when the pupil is a minor. */
  sexualOffence: z.optional(z.boolean()),
  /** The violence is between clients, residents or pupils (*tussen cliënten of leerlingen*). */
  betweenClients: z.optional(z.boolean()),
  /** Those clients are partners who are both clients (*partners die beiden cliënt zijn*). */
  clientsArePartners: z.optional(z.boolean()),
  /** Those clients are family of each other (a parent and child in one shelter): in scope, a labelled inference. */
  clientsAreFamily: z.optional(z.boolean()),
});

/** The contact with the client (000 §2.1 Eenmalige contacten). */
export const contactSchema = z.strictObject({
  /** One-off or fleeting contact (*eenmalig of vluchtig contact*); kindcheck question 3. */
  oneOff: z.optional(z.boolean()),
});

/** Which of the five steps have been taken (000 §2.2). */
export const stepsSchema = z.strictObject({
  /** Step 1: the signals are mapped and recorded (*signalen in kaart gebracht en vastgelegd*). */
  signalsRecorded: z.optional(z.boolean()),
  /** Step 2: a knowledgeable colleague was consulted (*collegiale consultatie*). */
  colleagueConsulted: z.optional(z.boolean()),
  /** Veilig Thuis was asked for advice (*advies gevraagd aan Veilig Thuis*). */
  veiligThuisAdviceAsked: z.optional(z.boolean()),
  /** Step 3: the conversation with the client was held (*gesprek met de cliënt*). */
  conversationHeld: z.optional(z.boolean()),
  /** Step 4: the risk, nature and severity were weighed (*risico, aard en ernst gewogen*). */
  riskAssessed: z.optional(z.boolean()),
  /** The nature or cause of an injury is unclear (*behoefte aan duidelijkheid over letsel*). */
  injuryUnclear: z.optional(z.boolean()),
  /** An expert on injuries was consulted (*deskundige op het gebied van letselduiding*). */
  injurySpecialistConsulted: z.optional(z.boolean()),
  /** The organisation is connected to the Verwijsindex risicojongeren. */
  verwijsindexConnected: z.optional(z.boolean()),
});

/** Specific forms of violence (000 §Specifieke vormen van huiselijk geweld of kindermishandeling). */
export const formsSchema = z.strictObject({
  /** Female genital mutilation (*vrouwelijke genitale verminking*). */
  fgm: z.optional(z.boolean()),
  /** Honour-based violence (*eergerelateerd geweld*). */
  honourBasedViolence: z.optional(z.boolean()),
  /** Forced marriage (*huwelijksdwang*). */
  forcedMarriage: z.optional(z.boolean()),
  /** Sexual abuse (*seksueel misbruik*). */
  sexualAbuse: z.optional(z.boolean()),
  /** Elder abuse (*ouderenmishandeling*). */
  elderAbuse: z.optional(z.boolean()),
  /** Partner stalking; the sources name no specific step for it (see the issue 3 note). */
  partnerStalking: z.optional(z.boolean()),
  /** The organisation has enough in-house expertise on this form (*voldoende expertise binnen de instelling*). */
  inHouseExpertise: z.optional(z.boolean()),
});

/** Criminal law (000 §2.1 Strafrechtelijke aanpak). */
export const crimeSchema = z.strictObject({
  /** The signals raise a suspicion of a serious crime (*vermoeden van een ernstig misdrijf*). */
  seriousCrimeSuspected: z.optional(z.boolean()),
});

/** Kindcheck answers besides question 2 (`client.caresForMinor` / `client.pregnant`) and 3 (`contact.oneOff`). */
export const kindcheckSchema = z.strictObject({
  /** Question 1: signals of parent problems that threaten children (*oudersignalen*). */
  parentSignals: z.optional(z.boolean()),
  /** Number of children who depend on the client (*aantal kinderen*). */
  childrenCount: z.optional(z.int().check(z.gte(0)).check(z.lte(30))),
  /** Their ages in whole years (*leeftijd van de kinderen*). */
  childrenAges: z.optional(z.array(z.int().check(z.gte(0)).check(z.lte(17))).check(maxLength(30))),
  /** The client shares the care with a (former) partner or another adult (*zorg gedeeld*). */
  sharedCare: z.optional(z.boolean()),
});

/** Answers to the afwegingskader's five considerations (*afwegingen*), Basisdocument ch. 2-3. */
export const considerationsSchema = z.strictObject({
  /** Afweging 1: a suspicion of (the threat of) domestic violence or child abuse (*vermoeden*). */
  suspicion: z.optional(z.boolean()),
  /** Afweging 2, answered directly. */
  unsafety: z.optional(z
    .strictObject({
      /** Acute unsafety (*acute onveiligheid*). */
      acute: z.optional(z.boolean()),
      /** Structural unsafety (*structurele onveiligheid*). */
      structural: z.optional(z.boolean()),
      /** Disclosure: a victim asks for help or speaks up about the violence; a form of acute unsafety. */
      disclosure: z.optional(z.boolean()),
    })),
  /**
   * The disclosure is about the past and the victim is safe now (000 Bijlage 2: "verleden of
   * actuele situatie? … nu veilig?"). Then the disclosure alone is not acute unsafety and
   * afweging 2 is answered directly; unanswered, a disclosure counts as acute unsafety.
   */
  disclosurePastAndSafeNow: z.optional(z.boolean()),
  /** Afweging 2 by the framework's indicators: code → answered yes / no. */
  indicators: z.optional(z.record(kebabId, z.boolean())),
  /** Signals seen in the child itself (*kindsignalen*). Their absence never rules out structural unsafety. */
  childSignals: z.optional(z.boolean()),
  /** Afweging 3: able to offer or organise effective help, and its three conditions. */
  help: z.optional(z
    .strictObject({
      /** Afweging 3 itself: able to offer or organise effective help (*effectieve hulp*)? */
      canOffer: z.optional(z.boolean()),
      /** Sufficient means to form a current picture of safety (*actueel beeld van de veiligheid*). */
      safetyPicture: z.optional(z.boolean()),
      /** Sufficient view of unsafe events in the past and the facts (*voorgeschiedenis*). */
      history: z.optional(z.boolean()),
      /** Sufficient means to offer fitting, coherent help with safety as its result (*passende hulp*). */
      fittingHelp: z.optional(z.boolean()),
    })),
  /** Afweging 4: those involved accept the help and commit to it (*aanvaarden hulp*). */
  helpAccepted: z.optional(z.boolean()),
  /** Afweging 5: the help reaches the necessary safety and recovery in time (*binnen de gewenste termijn*). */
  helpReachesSafety: z.optional(z.boolean()),
});

/** A case: every answer is optional, and an unanswered question is unknown, never "no". */
export const caseSchema = z.strictObject({
  /** Framework id, e.g. `basismodel` (the default). */
  framework: z.optional(kebabId),
  /** The date the case is evaluated on (`YYYY-MM-DD`); defaults to today in Europe/Amsterdam. */
  evaluationDate: z.optional(isoDate),
  client: z.optional(clientSchema),
  considerations: z.optional(considerationsSchema),
  scope: z.optional(scopeSchema),
  contact: z.optional(contactSchema),
  steps: z.optional(stepsSchema),
  forms: z.optional(formsSchema),
  crime: z.optional(crimeSchema),
  kindcheck: z.optional(kindcheckSchema),
  /** The conversation about the report (step 3 / step 5): skipped, and why; anonymity. */
  conversation: z.optional(conversationSchema),
  /** An objection against the report, and how it weighs. */
  objection: z.optional(objectionSchema),
  /**
   * The user: `role` is their role in the framework's meldcode (a role id of the framework, e.g.
   * `leerkracht`, `tandarts`; 000 Bijlage 1c). It decides which role-specific actions are shown;
   * unknown, they are shown for the roles they name. It never changes a norm.
   */
  professional: z.optional(z.strictObject({ role: z.optional(kebabId) })),
});

/** The case input, as a caller writes it. */
export interface CaseInput extends z.input<typeof caseSchema> {}
/** A validated case. */
export interface Case extends z.output<typeof caseSchema> {}
