import * as z from 'zod/mini';
import { caseFacts, defineRuleModule, type ModuleNote, type ModuleOptions, openQuestions, parseModuleInput, type RuleModule } from '../case/module.js';
import { clientSchema, contactSchema, isoDate, kindcheckSchema } from '../case/schema.js';
import type { Question } from '../questions/questions.js';
import type { RecordItem } from '../records/types.js';
import { kebabId, type Text, minLength } from '../rules/schema.js';
import type { Lang, TrailEntry } from '../rules/trail.js';
import rulesJson from './kindcheck.rules.json';
import questionsJson from './kindcheck.questions.json';

/**
 * Where the kindcheck stands: open (a question is unanswered), complete, follow the steps, ask
 * Veilig Thuis, or not applicable (a minor client not known to care for a child or to be
 * pregnant: the kindcheck is for adult clients, 000 §Kindcheck).
 */
export type KindcheckStatus = 'open' | 'complete' | 'follow-steps' | 'ask-veilig-thuis-advice' | 'not-applicable';

/** What a kindcheck rule establishes (004 §Kind Check; 000 §Kindcheck). */
export type KindcheckEffect =
  | { type: 'kindcheck'; params: { status: Exclude<KindcheckStatus, 'open'>; question: 1 | 2 | 3 } }
  | { type: 'needs-input'; params: { questions: string[] } }
  | { type: 'record'; params: { item: string } }
  | { type: 'note'; params: { note: string } };

export const kindcheckEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('kindcheck'),
    params: z.strictObject({
      status: z.enum(['complete', 'follow-steps', 'ask-veilig-thuis-advice', 'not-applicable']),
      question: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    }),
  }),
  z.strictObject({ type: z.literal('needs-input'), params: z.strictObject({ questions: z.array(z.string().check(minLength(1))).check(minLength(1)) }) }),
  z.strictObject({ type: z.literal('record'), params: z.strictObject({ item: kebabId }) }),
  z.strictObject({ type: z.literal('note'), params: z.strictObject({ note: kebabId }) }),
]);

/** The kindcheck's result (004 §Kind Check): its status, the kindcheck's own words, and what to ask and record. */
export interface KindcheckResult {
  /** `open` while a kindcheck question that matters is unanswered: unknown is never "complete". */
  status: KindcheckStatus;
  /** The kindcheck's words for the outcome (e.g. "Kindcheck gereed."), or `null` while open. */
  text: string | null;
  /** The question that decides the rule (1, 2 or 3), or `null` while open. */
  decidedBy: 1 | 2 | 3 | null;
  /** The kindcheck question(s) to ask next. */
  nextQuestions: Question[];
  /** When question 2 is next: the questions one can ask the client to answer it. */
  subQuestions: string[];
  /** What to record about the children and the parent signals. */
  record: RecordItem[];
  /** Further guidance, e.g. that a report on parent signals states the client's condition. */
  notes: ModuleNote[];
  /** The children as recorded: number, ages, shared care (absent when not answered). */
  children: { count?: number; ages?: number[]; sharedCare?: boolean };
}

/** The kindcheck module (004 §Kind Check): its rule file, questions and effects. */
export const kindcheckModule: RuleModule<KindcheckEffect> = defineRuleModule({
  ruleFile: rulesJson,
  effectSchema: kindcheckEffectSchema,
  questions: questionsJson.questions as Question[],
});
/** The kindcheck's questions by id (fact path), in the order they are asked. */
export const kindcheckQuestions: ReadonlyMap<string, Question> = kindcheckModule.questions;
const subQuestions: readonly Text[] = questionsJson.subQuestions ?? [];

/** Builds the kindcheck result from the trail of its rules. */
export function kindcheckResult(trail: readonly TrailEntry<KindcheckEffect>[], facts: Record<string, unknown>, lang: Lang): KindcheckResult {
  let decided: TrailEntry<KindcheckEffect> | undefined;
  const asks: string[] = [];
  const record: RecordItem[] = [];
  const notes: ModuleNote[] = [];
  for (const entry of trail) {
    if (!entry.outcome) continue;
    const effect = entry.effect;
    if (effect.type === 'kindcheck') decided ??= entry;
    else if (effect.type === 'needs-input') asks.push(...effect.params.questions);
    else if (effect.type === 'record') record.push({ id: effect.params.item, text: entry.explanation, ruleId: entry.ruleId, source: entry.source });
    else notes.push({ id: effect.params.note, text: entry.explanation, ruleId: entry.ruleId, source: entry.source });
  }
  const nextQuestions = decided ? [] : openQuestions(kindcheckQuestions, asks, facts);
  const kc = (facts.kindcheck ?? {}) as { childrenCount?: number; childrenAges?: number[]; sharedCare?: boolean };
  const children: KindcheckResult['children'] = {};
  if (kc.childrenCount !== undefined) children.count = kc.childrenCount;
  if (kc.childrenAges !== undefined) children.ages = [...kc.childrenAges];
  if (kc.sharedCare !== undefined) children.sharedCare = kc.sharedCare;
  const effect = decided?.effect as Extract<KindcheckEffect, { type: 'kindcheck' }> | undefined;
  return {
    status: effect?.params.status ?? 'open',
    text: decided?.explanation ?? null,
    decidedBy: effect?.params.question ?? null,
    nextQuestions,
    subQuestions: nextQuestions.some((q) => q.id === 'client.caresForMinor') ? subQuestions.map((t) => t[lang]) : [],
    record,
    notes,
    children,
  };
}

/** The answers the kindcheck reads: `kindcheck`, `client` (question 2) and `contact` (question 3). */
export const kindcheckInputSchema = z.strictObject({
  evaluationDate: z.optional(isoDate),
  client: z.optional(clientSchema),
  contact: z.optional(contactSchema),
  kindcheck: z.optional(kindcheckSchema),
});

/** The answers {@link evaluateKindcheck} takes, as a caller writes them. */
export interface KindcheckInput extends z.input<typeof kindcheckInputSchema> {}

/**
 * Runs the kindcheck on its own (004 §Kind Check): question 1 (parent signals), 2 (children or
 * pregnancy) and 3 (one-off contact), with the kindcheck's own outcome texts, what to record about
 * the children, and its trail. An unanswered question yields `open` with that question, never "complete".
 *
 * @throws {@link MeldcodeInputError} listing every problem in the answers or options.
 * @example
 * ```ts
 * const kc = evaluateKindcheck({ kindcheck: { parentSignals: true }, client: { caresForMinor: true } });
 * kc.status;                     // 'open'
 * kc.nextQuestions[0].id;        // 'contact.oneOff'
 * ```
 */
export function evaluateKindcheck(
  answers: KindcheckInput,
  options: ModuleOptions = {},
): KindcheckResult & { trail: TrailEntry<KindcheckEffect>[] } {
  const { data, lang, evaluationDate } = parseModuleInput(kindcheckInputSchema, answers, options);
  const facts = caseFacts(data, evaluationDate);
  const trail = kindcheckModule.run(facts, lang);
  return { ...kindcheckResult(trail, facts, lang), trail };
}
