import { z } from 'zod';
import { kebabId } from '../rules/schema.js';

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const isoDate = z.iso.date();

/** The client the meldcode is followed for (*cliënt*). */
export const clientSchema = z.strictObject({
  /** Cares for a minor (*zorgt voor minderjarige kinderen*); kindcheck question 2. */
  caresForMinor: z.boolean().optional(),
  /** Is pregnant (*zwanger*); kindcheck question 2. */
  pregnant: z.boolean().optional(),
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
});

/** The case input, as a caller writes it. */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case. */
export type Case = z.output<typeof caseSchema>;
