import * as z from 'zod';
import { conversationSchema, objectionSchema } from '../consent/schema.js';
import { kebabId } from '../rules/schema.js';

import { isoDate } from './date.js';

export { isoDate };

/** The client's role in the violence (*slachtoffer, vermoedelijke pleger, getuige*); every role stays in the meldcode. */
export const clientRoles = ['victim', 'suspected-perpetrator', 'child-witness'] as const;

/** The client the meldcode is followed for (*cliënt*). */
export const clientSchema = z.strictObject({
  /** Date of birth (*geboortedatum*), `YYYY-MM-DD`; ages are computed from it exactly. */
  birthDate: isoDate.optional(),
  /** Age in whole years (*leeftijd*), when no date of birth is known. */
  age: z.int().min(0).max(130).optional(),
  /** The client's role: victim, suspected perpetrator, or (a child) witness. */
  role: z.enum(clientRoles).optional(),
  /** Cares for a minor (*zorgt voor minderjarige kinderen*); kindcheck question 2. */
  caresForMinor: z.boolean().optional(),
  /** Is pregnant (*zwanger*); kindcheck question 2. */
  pregnant: z.boolean().optional(),
  /** Cares for a care-dependent adult (*zorg voor een zorgafhankelijke volwassene*). */
  caresForCareDependentAdult: z.boolean().optional(),
  /** Is care-dependent (*zorgafhankelijk*). */
  careDependent: z.boolean().optional(),
  /** Lacks decision-making capacity on this point (*wilsonbekwaam*). */
  lacksCapacity: z.boolean().optional(),
  /** The legal representative (*wettelijk vertegenwoordiger*). */
  legalRepresentative: z
    .strictObject({
      /** There is a legal representative. */
      present: z.boolean().optional(),
      /** The representative may be the perpetrator (*mogelijk zelf de pleger*). */
      possiblyPerpetrator: z.boolean().optional(),
    })
    .optional(),
  /** Still lives with the parents (*woont nog thuis*). */
  livesWithParents: z.boolean().optional(),
});

/** Where the signals come from: the scope of the meldcode (000 §Geweld in een zorg- of onderwijsrelatie). */
export const scopeSchema = z.strictObject({
  /** The suspected perpetrator is a professional in a care or education relationship with the client. */
  perpetratorIsProfessional: z.boolean().optional(),
  /** The setting of that relationship: care, education (school) or childcare (*kinderopvang*). */
  setting: z.enum(['care', 'education', 'childcare']).optional(),
  /** The violence is between clients, residents or pupils (*tussen cliënten of leerlingen*). */
  betweenClients: z.boolean().optional(),
  /** Those clients are partners who are both clients (*partners die beiden cliënt zijn*). */
  clientsArePartners: z.boolean().optional(),
});

/** The contact with the client (000 §2.1 Eenmalige contacten). */
export const contactSchema = z.strictObject({
  /** One-off or fleeting contact (*eenmalig of vluchtig contact*); kindcheck question 3. */
  oneOff: z.boolean().optional(),
});

/** Which of the five steps have been taken (000 §2.2). */
export const stepsSchema = z.strictObject({
  /** Step 1: the signals are mapped and recorded (*signalen in kaart gebracht en vastgelegd*). */
  signalsRecorded: z.boolean().optional(),
  /** Step 2: a knowledgeable colleague was consulted (*collegiale consultatie*). */
  colleagueConsulted: z.boolean().optional(),
  /** Veilig Thuis was asked for advice (*advies gevraagd aan Veilig Thuis*). */
  veiligThuisAdviceAsked: z.boolean().optional(),
  /** Step 3: the conversation with the client was held (*gesprek met de cliënt*). */
  conversationHeld: z.boolean().optional(),
  /** Step 4: the risk, nature and severity were weighed (*risico, aard en ernst gewogen*). */
  riskAssessed: z.boolean().optional(),
  /** The nature or cause of an injury is unclear (*behoefte aan duidelijkheid over letsel*). */
  injuryUnclear: z.boolean().optional(),
  /** An expert on injuries was consulted (*deskundige op het gebied van letselduiding*). */
  injurySpecialistConsulted: z.boolean().optional(),
  /** The organisation is connected to the Verwijsindex risicojongeren. */
  verwijsindexConnected: z.boolean().optional(),
});

/** Specific forms of violence (000 §Specifieke vormen van huiselijk geweld of kindermishandeling). */
export const formsSchema = z.strictObject({
  /** Female genital mutilation (*vrouwelijke genitale verminking*). */
  fgm: z.boolean().optional(),
  /** Honour-based violence (*eergerelateerd geweld*). */
  honourBasedViolence: z.boolean().optional(),
  /** Forced marriage (*huwelijksdwang*). */
  forcedMarriage: z.boolean().optional(),
  /** Sexual abuse (*seksueel misbruik*). */
  sexualAbuse: z.boolean().optional(),
  /** Elder abuse (*ouderenmishandeling*). */
  elderAbuse: z.boolean().optional(),
  /** Partner stalking; the sources name no specific step for it (see the issue 3 note). */
  partnerStalking: z.boolean().optional(),
  /** The organisation has enough in-house expertise on this form (*voldoende expertise binnen de instelling*). */
  inHouseExpertise: z.boolean().optional(),
});

/** Criminal law (000 §2.1 Strafrechtelijke aanpak). */
export const crimeSchema = z.strictObject({
  /** The signals raise a suspicion of a serious crime (*vermoeden van een ernstig misdrijf*). */
  seriousCrimeSuspected: z.boolean().optional(),
});

/** Kindcheck answers besides question 2 (`client.caresForMinor` / `client.pregnant`) and 3 (`contact.oneOff`). */
export const kindcheckSchema = z.strictObject({
  /** Question 1: signals of parent problems that threaten children (*oudersignalen*). */
  parentSignals: z.boolean().optional(),
  /** Number of children who depend on the client (*aantal kinderen*). */
  childrenCount: z.int().min(0).max(30).optional(),
  /** Their ages in whole years (*leeftijd van de kinderen*). */
  childrenAges: z.array(z.int().min(0).max(17)).max(30).optional(),
  /** The client shares the care with a (former) partner or another adult (*zorg gedeeld*). */
  sharedCare: z.boolean().optional(),
});

/** Answers to the afwegingskader's five considerations (*afwegingen*), Basisdocument ch. 2-3. */
export const considerationsSchema = z.strictObject({
  /** Afweging 1: a suspicion of (the threat of) domestic violence or child abuse (*vermoeden*). */
  suspicion: z.boolean().optional(),
  /** Afweging 2, answered directly. */
  unsafety: z
    .strictObject({
      /** Acute unsafety (*acute onveiligheid*). */
      acute: z.boolean().optional(),
      /** Structural unsafety (*structurele onveiligheid*). */
      structural: z.boolean().optional(),
      /** Disclosure: a victim asks for help or speaks up about the violence; a form of acute unsafety. */
      disclosure: z.boolean().optional(),
    })
    .optional(),
  /**
   * The disclosure is about the past and the victim is safe now (000 Bijlage 2: "verleden of
   * actuele situatie? … nu veilig?"). Then the disclosure alone is not acute unsafety and
   * afweging 2 is answered directly; unanswered, a disclosure counts as acute unsafety.
   */
  disclosurePastAndSafeNow: z.boolean().optional(),
  /** Afweging 2 by the framework's indicators: code → answered yes / no. */
  indicators: z.record(kebabId, z.boolean()).optional(),
  /** Signals seen in the child itself (*kindsignalen*). Their absence never rules out structural unsafety. */
  childSignals: z.boolean().optional(),
  /** Afweging 3: able to offer or organise effective help, and its three conditions. */
  help: z
    .strictObject({
      /** Afweging 3 itself: able to offer or organise effective help (*effectieve hulp*)? */
      canOffer: z.boolean().optional(),
      /** Sufficient means to form a current picture of safety (*actueel beeld van de veiligheid*). */
      safetyPicture: z.boolean().optional(),
      /** Sufficient view of unsafe events in the past and the facts (*voorgeschiedenis*). */
      history: z.boolean().optional(),
      /** Sufficient means to offer fitting, coherent help with safety as its result (*passende hulp*). */
      fittingHelp: z.boolean().optional(),
    })
    .optional(),
  /** Afweging 4: those involved accept the help and commit to it (*aanvaarden hulp*). */
  helpAccepted: z.boolean().optional(),
  /** Afweging 5: the help reaches the necessary safety and recovery in time (*binnen de gewenste termijn*). */
  helpReachesSafety: z.boolean().optional(),
});

/** A case: every answer is optional, and an unanswered question is unknown, never "no". */
export const caseSchema = z.strictObject({
  /** Framework id, e.g. `basismodel` (the default). */
  framework: kebabId.optional(),
  /** The date the case is evaluated on (`YYYY-MM-DD`); defaults to today in Europe/Amsterdam. */
  evaluationDate: isoDate.optional(),
  client: clientSchema.optional(),
  considerations: considerationsSchema.optional(),
  scope: scopeSchema.optional(),
  contact: contactSchema.optional(),
  steps: stepsSchema.optional(),
  forms: formsSchema.optional(),
  crime: crimeSchema.optional(),
  kindcheck: kindcheckSchema.optional(),
  /** The conversation about the report (step 3 / step 5): skipped, and why; anonymity. */
  conversation: conversationSchema.optional(),
  /** An objection against the report, and how it weighs. */
  objection: objectionSchema.optional(),
});

/** The case input, as a caller writes it. */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case. */
export type Case = z.output<typeof caseSchema>;
