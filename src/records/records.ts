import * as z from 'zod/mini';
import { defineRuleModule, type ModuleOptions, parseModuleInput, type RuleModule } from '../case/module.js';
import { stepsSchema } from '../case/schema.js';
import { conversationSchema } from '../consent/schema.js';
import { sortKeys } from '../rules/canonical.js';
import { kebabId } from '../rules/schema.js';
import type { TrailEntry } from '../rules/trail.js';
import rulesJson from './records.rules.json';
import type { RecordItem } from './types.js';

/** What a record-keeping rule establishes: one item of the checklist. */
export type RecordsEffect = { type: 'record'; params: { item: string } };

export const recordsEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('record'), params: z.strictObject({ item: kebabId }) }),
]);

/** Why a decision carries a record-keeping checklist. */
export type RecordReason = 'report' | 'close' | 'help' | 'conversation-skipped';

/**
 * What to record in the client's file (004 §Wat leg ik vast over een melding?; 000 §Stap 1).
 * Every decision that reports, closes, helps or skips the conversation carries it; otherwise it is empty.
 */
export interface RecordKeeping {
  /** Why this decision carries a checklist; empty when it carries none (e.g. `needs-input`). */
  because: RecordReason[];
  /** The checklist, each item with the rule that asks it and its source. */
  items: RecordItem[];
}

/** The facts the record-keeping rules read about the decision (`decision.*`). */
export interface DecisionFacts {
  /** A step-5 decision is taken: report, close, or help. */
  decided: boolean;
  /** Reporting to Veilig Thuis is the norm. */
  reports: boolean;
  /** The meldcode is closed (no suspicion). */
  closes: boolean;
  /** Help is offered or organised (alongside a report, or closed with agreements). */
  helps: boolean;
  /** The conversation with the client about the report is skipped (a skip reason is given). */
  conversationSkipped: boolean;
}

/** The record-keeping module (004 §Wat leg ik vast over een melding?): its rule file and effects. */
export const recordsModule: RuleModule<RecordsEffect> = defineRuleModule({ ruleFile: rulesJson, effectSchema: recordsEffectSchema });

/** The outcomes of a decision that carry a checklist, and what they mean for the record-keeping facts. */
export function decisionFacts(outcome: string, helpStage: string | null, skipReason: unknown): DecisionFacts {
  const reports = outcome === 'report' || outcome === 'report-and-help';
  const closes = outcome === 'close-and-record';
  const helps = outcome === 'report-and-help' || outcome === 'help' || (reports && helpStage !== null);
  return { decided: reports || closes || outcome === 'help', reports, closes, helps, conversationSkipped: skipReason !== undefined };
}

/** Builds the checklist from the decision facts and the trail of the record-keeping rules (plus other modules' items). */
export function recordKeeping(decision: DecisionFacts, trail: readonly TrailEntry<RecordsEffect>[], more: readonly RecordItem[] = []): RecordKeeping {
  const because: RecordReason[] = [];
  if (decision.reports) because.push('report');
  if (decision.closes) because.push('close');
  if (decision.helps) because.push('help');
  if (decision.conversationSkipped) because.push('conversation-skipped');
  if (because.length === 0) return { because, items: [] };
  const items: RecordItem[] = trail
    .filter((e) => e.outcome)
    .map((e) => ({ id: e.effect.params.item, text: e.explanation, ruleId: e.ruleId, source: e.source }));
  for (const item of more) if (!items.some((i) => i.id === item.id)) items.push(item);
  return { because, items };
}

/** The input of {@link evaluateRecordKeeping}: the decision's outcome and the answers the checklist reads. */
export const recordsInputSchema = z.strictObject({
  /** The decision's outcome (see `Outcome`). */
  outcome: z.enum(['out-of-scope', 'close-and-record', 'report', 'help', 'report-and-help', 'needs-input']),
  /** Help is offered or organised alongside the report. */
  helpAlongside: z.optional(z.boolean()),
  steps: z.optional(stepsSchema),
  conversation: z.optional(conversationSchema),
});

/** The input of {@link evaluateRecordKeeping}, as a caller writes it. */
export interface RecordsInput extends z.input<typeof recordsInputSchema> {}

/**
 * The record-keeping checklist on its own for a decision's outcome (004 §Wat leg ik vast over een
 * melding?; 000 Bijlage 1b §Stap 1): what to record for a report, a closed meldcode, help, or a
 * skipped conversation, each item cited.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the input or options.
 * @example
 * ```ts
 * const r = evaluateRecordKeeping({ outcome: 'report' });
 * r.items.map((i) => i.id); // […, 'veilig-thuis-officer', 'later-outcomes']
 * ```
 */
export function evaluateRecordKeeping(
  input: RecordsInput,
  options: ModuleOptions = {},
): RecordKeeping & { trail: TrailEntry<RecordsEffect>[] } {
  const { data, lang } = parseModuleInput(recordsInputSchema, input, options);
  const decision = decisionFacts(data.outcome, data.helpAlongside === true ? 'alongside-report' : null, data.conversation?.skipReason);
  const facts = sortKeys({ steps: data.steps, conversation: data.conversation, decision }) as Record<string, unknown>;
  const trail = recordsModule.run(facts, lang);
  return { ...recordKeeping(decision, trail), trail };
}
