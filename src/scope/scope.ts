import * as z from 'zod/mini';
import { caseFacts, defineRuleModule, type ModuleNote, type ModuleOptions, openQuestions, parseModuleInput, questionMap, type RuleModule } from '../case/module.js';
import { clientSchema, isoDate, scopeSchema } from '../case/schema.js';
import type { Question } from '../questions/questions.js';
import { deepFreeze } from '../rules/freeze.js';
import { kebabId, minLength } from '../rules/schema.js';
import type { TrailEntry } from '../rules/trail.js';
import rulesJson from './scope.rules.json';
import questionsJson from './scope.questions.json';
import consentQuestionsJson from '../consent/consent.questions.json';

/** Why the signals are in or out of the meldcode. */
export type ScopeRoute =
  | 'professional-perpetrator'
  | 'professional-other-organisation'
  | 'professional-is-relative'
  | 'between-clients'
  | 'partners-both-clients'
  | 'family-both-clients';

/** What a scope rule establishes (000 §Geweld in een zorg- of onderwijsrelatie; Bijlage 1b). */
export type ScopeEffect =
  | { type: 'scope'; params: { status: 'in' | 'out'; route: ScopeRoute } }
  | { type: 'needs-input'; params: { questions: string[] } }
  | { type: 'action'; params: { action: string } }
  | { type: 'note'; params: { note: string } };

export const scopeEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('scope'),
    params: z.strictObject({
      status: z.enum(['in', 'out']),
      route: z.enum(['professional-perpetrator', 'professional-other-organisation', 'professional-is-relative', 'between-clients', 'partners-both-clients', 'family-both-clients']),
    }),
  }),
  z.strictObject({ type: z.literal('needs-input'), params: z.strictObject({ questions: z.array(z.string().check(minLength(1))).check(minLength(1)) }) }),
  z.strictObject({ type: z.literal('action'), params: z.strictObject({ action: kebabId }) }),
  z.strictObject({ type: z.literal('note'), params: z.strictObject({ note: kebabId }) }),
]);

/**
 * Whether the meldcode applies to these signals, and where to go when it does not.
 * `out-of-scope` overrides the afwegingskader in {@link evaluate}: its steps do not apply.
 */
export interface ScopeResult {
  /**
   * `out-of-scope`: another route applies (see `whereToGo`). `open`: a scope question that
   * decides it is unanswered (`nextQuestions`); the meldcode applies meanwhile. `in-scope`: the meldcode applies.
   */
  status: 'in-scope' | 'out-of-scope' | 'open';
  /** `true` when no scope question was answered: the meldcode applies unless an answer routes the case out. */
  assumed: boolean;
  /** The rule's route, when one decided. */
  route: ScopeRoute | null;
  /** Why, in the chosen language, when a scope rule decided. */
  text: string | null;
  /** Where to go instead (out of scope): manager or board, inspectorate, the statutory routes of schools and childcare. */
  whereToGo: ModuleNote[];
  /** Scope questions that decide the status or the route, still unanswered. */
  nextQuestions: Question[];
  /** Remarks: the client's role keeps the case in the meldcode, a child witness is child abuse. */
  notes: ModuleNote[];
}

/** The scope module (000 §Geweld in een zorg- of onderwijsrelatie; Bijlage 1b): its rule file, questions and effects. */
export const scopeModule: RuleModule<ScopeEffect> = defineRuleModule({
  ruleFile: rulesJson,
  effectSchema: scopeEffectSchema,
  questions: questionsJson.questions as Question[],
});
/** The scope questions by id (fact path). */
export const scopeQuestions: ReadonlyMap<string, Question> = scopeModule.questions;
// What scope rules may ask: their own questions, and the client's age (the school route is for a
// minor pupil), which the conversation module's catalogue owns.
const askable: ReadonlyMap<string, Question> = questionMap([
  ...scopeModule.questions.values(),
  ...(consentQuestionsJson.questions as unknown as Question[]).filter((q) => q.id === 'client.birthDate').map((q) => deepFreeze(q)),
]);

/** Builds the scope result from the trail of its rules. */
export function scopeResult(trail: readonly TrailEntry<ScopeEffect>[], facts: Record<string, unknown>): ScopeResult {
  let decided: TrailEntry<ScopeEffect> | undefined;
  const asks: string[] = [];
  const whereToGo: ModuleNote[] = [];
  const notes: ModuleNote[] = [];
  for (const entry of trail) {
    if (!entry.outcome) continue;
    const effect = entry.effect;
    const item = { text: entry.explanation, ruleId: entry.ruleId, source: entry.source };
    // Out of scope wins over the partner exception: the first "out" decides, else the first "in".
    if (effect.type === 'scope') {
      if (!decided || (effect.params.status === 'out' && (decided.effect as { params: { status: string } }).params.status !== 'out')) decided = entry;
    } else if (effect.type === 'needs-input') asks.push(...effect.params.questions);
    else if (effect.type === 'action') whereToGo.push({ id: effect.params.action, ...item });
    else notes.push({ id: effect.params.note, ...item });
  }
  const scope = (facts.scope ?? {}) as Record<string, unknown>;
  const effect = decided?.effect as Extract<ScopeEffect, { type: 'scope' }> | undefined;
  const out = effect?.params.status === 'out';
  const nextQuestions = openQuestions(askable, asks, facts);
  return {
    status: out ? 'out-of-scope' : nextQuestions.length > 0 ? 'open' : 'in-scope',
    assumed: !decided && scope.perpetratorIsProfessional === undefined && scope.betweenClients === undefined,
    route: effect?.params.route ?? null,
    text: decided?.explanation ?? null,
    whereToGo: out ? whereToGo : [],
    nextQuestions,
    notes,
  };
}

/** The answers the scope check reads: `scope`, and `client.role`. */
export const scopeInputSchema = z.strictObject({
  evaluationDate: z.optional(isoDate),
  client: z.optional(clientSchema),
  scope: z.optional(scopeSchema),
});

/** The answers {@link evaluateScope} takes, as a caller writes them. */
export interface ScopeInput extends z.input<typeof scopeInputSchema> {}

/**
 * Checks on its own whether the meldcode applies (000 §Geweld in een zorg- of onderwijsrelatie,
 * Bijlage 1b): violence by a professional in a care or education relationship, and violence between
 * clients who are not partners, are out of scope, with where to go instead.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the answers or options.
 * @example
 * ```ts
 * const s = evaluateScope({ scope: { perpetratorIsProfessional: true, setting: 'education' } });
 * s.status;                       // 'out-of-scope'
 * s.whereToGo.map((w) => w.id);   // ['inform-manager-or-board', 'school-inform-board-at-once', …]
 * ```
 */
export function evaluateScope(
  answers: ScopeInput,
  options: ModuleOptions = {},
): ScopeResult & { trail: TrailEntry<ScopeEffect>[] } {
  const { data, lang, evaluationDate } = parseModuleInput(scopeInputSchema, answers, options);
  const facts = caseFacts(data, evaluationDate);
  const trail = scopeModule.run(facts, lang);
  return { ...scopeResult(trail, facts), trail };
}
