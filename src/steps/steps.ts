import * as z from 'zod/mini';
import { caseFacts, defineRuleModule, type ModuleNote, type ModuleOptions, openQuestions, parseModuleInput, type RuleModule } from '../case/module.js';
import { clientSchema, contactSchema, crimeSchema, formsSchema, isoDate, stepsSchema } from '../case/schema.js';
import { conversationSchema } from '../consent/schema.js';
import type { Question } from '../questions/questions.js';
import { kebabId, type Source, minLength } from '../rules/schema.js';
import type { TrailEntry } from '../rules/trail.js';
import rulesJson from './steps.rules.json';
import questionsJson from './steps.questions.json';

/** Steps 1-4; step 5 is the decision itself. */
export type StepNumber = 1 | 2 | 3 | 4;
/** Why step 5 may, or may not yet, be decided. */
export type Step5Basis = 'all-steps-taken' | 'one-off-contact-with-veilig-thuis' | 'steps-open';

/** What a steps rule establishes (000 §2.2, §Stap 1-4, §2.1, Bijlage 1b). */
export type StepsEffect =
  | { type: 'step'; params: { step: StepNumber; status: 'done' | 'open' | 'skipped'; questions?: string[] } }
  | { type: 'step-5'; params: { mayDecide: boolean; basis: Step5Basis } }
  | { type: 'action'; params: { action: string } }
  | { type: 'note'; params: { note: string } };

const stepNumber = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const stepsEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('step'),
    params: z.strictObject({
      step: stepNumber,
      status: z.enum(['done', 'open', 'skipped']),
      questions: z.optional(z.array(z.string().check(minLength(1))).check(minLength(1))),
    }),
  }),
  z.strictObject({
    type: z.literal('step-5'),
    params: z.strictObject({
      mayDecide: z.boolean(),
      basis: z.enum(['all-steps-taken', 'one-off-contact-with-veilig-thuis', 'steps-open']),
    }),
  }),
  z.strictObject({ type: z.literal('action'), params: z.strictObject({ action: kebabId }) }),
  z.strictObject({ type: z.literal('note'), params: z.strictObject({ note: kebabId }) }),
]);

/** One of steps 1-4 with its status and why. */
export interface StepState {
  step: StepNumber;
  /** `done`, `skipped` (step 3, with a recorded reason) or `open` (not done, or not known to be done). */
  status: 'done' | 'open' | 'skipped';
  /** Why, in the chosen language. */
  text: string;
  ruleId: string;
  source: Source;
}

/** Where the five steps stand, and whether step 5 may be decided now. */
export interface StepsResult {
  /** Steps answered as taken. */
  done: StepNumber[];
  /** Steps skipped with a recorded reason (only step 3 can be). */
  skipped: StepNumber[];
  /** Steps not (known to be) taken: unknown is never "done". */
  open: StepNumber[];
  /** Steps 1-4 in order, each with its status, reason and source. */
  details: StepState[];
  /**
   * Whether the step-5 decisions may be taken now: all steps taken (000 §2.2), or a one-off
   * contact with Veilig Thuis advice asked. `false` never changes the afwegingskader's norm.
   */
  mayDecideStep5: boolean;
  /** Why step 5 may or may not be decided now. */
  step5Basis: Step5Basis;
  /** Step questions still unanswered for the open steps. */
  nextQuestions: Question[];
  /** What to do: ask Veilig Thuis first, consult experts or an injury specialist, coordinate with police, Verwijsindex… */
  actions: ModuleNote[];
  /** Remarks, e.g. that female genital mutilation may require acting fast. */
  notes: ModuleNote[];
}

/** The steps module (000 §2.2 and the steps): its rule file, questions and effects. */
export const stepsModule: RuleModule<StepsEffect> = defineRuleModule({
  ruleFile: rulesJson,
  effectSchema: stepsEffectSchema,
  questions: questionsJson.questions as Question[],
});
/** The steps questions by id (fact path). */
export const stepsQuestions: ReadonlyMap<string, Question> = stepsModule.questions;

/** Builds the steps result from the trail of its rules. */
export function stepsResult(trail: readonly TrailEntry<StepsEffect>[], facts: Record<string, unknown>): StepsResult {
  const details: StepState[] = [];
  const asks: string[] = [];
  const actions: ModuleNote[] = [];
  const notes: ModuleNote[] = [];
  let step5: Extract<StepsEffect, { type: 'step-5' }>['params'] = { mayDecide: false, basis: 'steps-open' };
  for (const entry of trail) {
    if (!entry.outcome) continue;
    const effect = entry.effect;
    const item = { text: entry.explanation, ruleId: entry.ruleId, source: entry.source };
    if (effect.type === 'step') {
      details.push({ step: effect.params.step, status: effect.params.status, ...item });
      asks.push(...(effect.params.questions ?? []));
    } else if (effect.type === 'step-5') step5 = effect.params;
    else if (effect.type === 'action') actions.push({ id: effect.params.action, ...item });
    else notes.push({ id: effect.params.note, ...item });
  }
  details.sort((a, b) => a.step - b.step);
  const having = (status: StepState['status']) => details.filter((d) => d.status === status).map((d) => d.step);
  return {
    done: having('done'),
    skipped: having('skipped'),
    open: having('open'),
    details,
    mayDecideStep5: step5.mayDecide,
    step5Basis: step5.basis,
    nextQuestions: openQuestions(stepsQuestions, asks, facts),
    actions,
    notes,
  };
}

/** The answers the steps module reads. `conversation` is the consent module's section (skip reason). */
export const stepsInputSchema = z.strictObject({
  evaluationDate: z.optional(isoDate),
  client: z.optional(clientSchema),
  contact: z.optional(contactSchema),
  steps: z.optional(stepsSchema),
  forms: z.optional(formsSchema),
  crime: z.optional(crimeSchema),
  conversation: z.optional(conversationSchema),
});

/** The answers {@link evaluateSteps} takes, as a caller writes them. */
export interface StepsInput extends z.input<typeof stepsInputSchema> {}

/**
 * Works out on its own which of the five steps are done or open and whether step 5 may be
 * decided now (000 §2.2), with the exceptions: step 3 skipped only with a recorded reason,
 * specific forms of violence (Veilig Thuis advice first), one-off contact, a serious crime
 * (coordinate with the police via Veilig Thuis), the Verwijsindex (never instead of a report),
 * and Veilig Thuis advice when in doubt at step 4.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the answers or options.
 * @example
 * ```ts
 * const s = evaluateSteps({ steps: { signalsRecorded: true, colleagueConsulted: true } });
 * s.open;            // [3, 4]
 * s.mayDecideStep5;  // false
 * ```
 */
export function evaluateSteps(
  answers: StepsInput,
  options: ModuleOptions = {},
): StepsResult & { trail: TrailEntry<StepsEffect>[] } {
  const { data, lang, evaluationDate } = parseModuleInput(stepsInputSchema, answers, options);
  const facts = caseFacts(data, evaluationDate);
  const trail = stepsModule.run(facts, lang);
  return { ...stepsResult(trail, facts), trail };
}
