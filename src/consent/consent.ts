import * as z from 'zod/mini';
import { evaluationDateOption, todayInAmsterdam } from '../case/date.js';
import type { Action } from '../decision/types.js';
import { fromZodIssues, type InputIssue, MeldcodeInputError } from '../errors/errors.js';
import { sortKeys } from '../rules/canonical.js';
import { defineRuleModule, type RuleModule } from '../case/module.js';
import { type CompiledRules, propertyPath } from '../rules/compile.js';
import { deepFreeze } from '../rules/freeze.js';
import type { RuleFile, Source } from '../rules/schema.js';
import { runRules } from '../rules/compile.js';
import type { Lang, TrailEntry } from '../rules/trail.js';
import { type AgeBand, ageBand, ageInYears, ageIssues } from '../case/age.js';
import stepsQuestionsJson from '../steps/steps.questions.json';
import questionsJson from './consent.questions.json';
import rulesJson from './consent.rules.json';
import {
  type ChecklistItem,
  type ConsentCase,
  type ConsentEffect,
  type ConsentHolder,
  type ConsentInput,
  type ConsentQuestion,
  type ConsentRegime,
  consentInputSchema,
  consentQuestionFileSchema,
  consentRegimes,
  consentEffectSchema,
  type ObjectionRegime,
  objectionRegimes,
  type ObjectionStatus,
  type Party,
  type PartyBasis,
} from './schema.js';

/**
 * The order in which the objection rules decide what an objection means for the report,
 * highest first. Their conditions exclude one another (exactly one holds for any case; a
 * property test checks it) and their priorities follow this order, so the trail reads in it:
 *
 * 1. `objection-always-report` — minor / pregnant / carer of a minor or care-dependent adult
 *    with acute or structural unsafety: report, whatever the objection (004). Beats everything.
 * 2. `objection-none`, `objection-conversation-skipped`, `objection-raised-open`, `objection-met`,
 *    `objection-can-be-met-open` — no objection, no conversation (so no reaction to weigh), not yet
 *    asked, met, or not yet known whether it can be met (004, 000).
 * 3. The framework's objection regime (DESIGN §6.5) for an objection that stands:
 *    - `faq-004` (004 §Wat als de cliënt bezwaren heeft?): serious danger ⇒ report
 *      (`considered-objection-serious-danger`); a condition of the exception answered against it ⇒
 *      report (`faq-004-exception-not-met`); danger unknown ⇒ the report stands and danger is asked
 *      (`faq-004-serious-danger-open`); no danger and every condition met ⇒ the report is set aside
 *      (`considered-objection-no-serious-danger`); no danger and a condition unknown ⇒ the report is
 *      provisional and the conditions are asked (`faq-004-exception-open`).
 *    - `weighing` (000 §3.3-3.4, and every framework whose source does not settle it): with acute
 *      or structural unsafety the report stands (`objection-notice-norm-1`: norm 1 holds in every
 *      framework but under FAQ 004, DESIGN §7); otherwise the professional's recorded weighing
 *      decides (`objection-protection-prevails`, `objection-prevails`, which needs unsafety answered
 *      no); unrecorded, the report stands and the weighing is asked (`objection-weighing-open`,
 *      `objection-unsafety-open`).
 *
 * An unknown answer never yields `reportDespiteObjection: false`: it yields status `open` or
 * `exception-open` with the questions that settle it.
 */
export const objectionPrecedence = Object.freeze([
  'objection-always-report',
  'objection-none',
  'objection-conversation-skipped',
  'objection-raised-open',
  'objection-met',
  'objection-can-be-met-open',
  'considered-objection-serious-danger',
  'faq-004-exception-not-met',
  'faq-004-serious-danger-open',
  'considered-objection-no-serious-danger',
  'faq-004-exception-open',
  'objection-notice-norm-1',
  'objection-protection-prevails',
  'objection-prevails',
  'objection-weighing-open',
  'objection-unsafety-open',
] as const);

/** The consent module: its rule file and effects (the questions follow the consent question format). */
export const consentModule: RuleModule<ConsentEffect> = defineRuleModule({ ruleFile: rulesJson, effectSchema: consentEffectSchema });
// Shipped and trusted, as every module's files: `test/modules.test.ts` validates it.
const questionFile = deepFreeze(questionsJson) as unknown as z.output<typeof consentQuestionFileSchema>;

/** The consent rule file (deeply frozen). */
export function consentRuleFile(): RuleFile<ConsentEffect> {
  return consentModule.ruleFile;
}

/**
 * The compiled consent rules. Run them with `runRules` on {@link consentFacts} and turn the trail
 * into a plan with {@link consentResultFromTrail}.
 */
export function getCompiledConsentRules(): CompiledRules<ConsentEffect> {
  return consentModule.rules();
}

function questions(): z.output<typeof consentQuestionFileSchema> {
  return questionFile;
}

// The FAQ 004 exception needs the consultations of step 2 and the specific forms of violence,
// which the steps module asks: one question each, kept in the steps file.
const stepQuestionIds = new Set(['steps.colleagueConsulted', 'steps.veiligThuisAdviceAsked', 'forms.honourBasedViolence', 'forms.forcedMarriage', 'forms.fgm']);
const stepQuestions: readonly ConsentQuestion[] = deepFreeze(
  (stepsQuestionsJson as unknown as { questions: (ConsentQuestion & { answer: 'boolean' })[] }).questions
    .filter((q) => stepQuestionIds.has(q.id))
    .map(({ id, text, help, answer, source }) => ({ id, text, ...(help ? { help } : {}), answer, source })),
);

/**
 * Every question the consent rules may ask, in the order they are asked: the module's own, then
 * the steps module's questions that the FAQ 004 exception reads (the step-2 consultations and the
 * specific forms of violence).
 */
export function consentQuestionCatalogue(): readonly ConsentQuestion[] {
  return [...questions().questions, ...stepQuestions];
}

/** The facts the consent rules read: the case sections, settings, and what is derived from them. */
export interface ConsentFacts {
  client?: ConsentCase['client'];
  conversation?: ConsentCase['conversation'];
  objection?: ConsentCase['objection'];
  steps?: ConsentCase['steps'];
  forms?: ConsentCase['forms'];
  /** Afweging 2 as the consent rules need it. */
  unsafety: { acuteOrStructural?: boolean | undefined };
  /** Settings of the framework or organisation. */
  settings: { consentRegime?: ConsentRegime | undefined; objectionRegime: ObjectionRegime; objectionRegimeSettled: boolean };
  /** Computed from the case: age in whole years and its band; whether a threat-to-life example is answered yes. */
  derived: { ageYears?: number | undefined; ageBand?: AgeBand | undefined; threatToLifeExample?: boolean | undefined };
  /** The evaluation date, `YYYY-MM-DD`. */
  evaluationDate: string;
}

/** What the consent facts are built from beside the case sections (the pipeline's `consentFacts`). */
export interface ConsentContext {
  /** The evaluation date (`YYYY-MM-DD`) the age is computed on. */
  evaluationDate: string;
  /** Acute or structural unsafety (afweging 2; disclosure counts as acute); `undefined` when unknown. */
  acuteOrStructuralUnsafety?: boolean | undefined;
  /** Whose consent counts for sharing data; `undefined` when not set. */
  regime?: ConsentRegime | undefined;
  /**
   * The framework's objection regime; `settled: false` when its source does not settle it.
   * Default: `{ regime: 'weighing', settled: false }`.
   */
  objectionRegime?: { regime: ObjectionRegime; settled: boolean } | undefined;
  /** An acute example that points to danger to life is answered yes; `undefined` when none is. */
  threatToLifeExample?: boolean | undefined;
}

export { ageIssues };


/**
 * Builds the facts the consent rules read from validated case sections (extra sections are
 * ignored) and the context. The age comes from the birth date on the evaluation date, else from
 * `client.age`. Check {@link ageIssues} first: a birth date after the evaluation date throws here.
 *
 * @example
 * ```ts
 * const facts = consentFacts({ client: { birthDate: '2012-05-01' } }, { evaluationDate: '2026-11-23' });
 * facts.derived; // { ageYears: 14, ageBand: '12-15' }
 * ```
 */
export function consentFacts(
  sections: Pick<ConsentCase, 'client' | 'conversation' | 'objection' | 'steps' | 'forms'>,
  context: ConsentContext,
): ConsentFacts {
  const client = sections.client;
  const ageYears = client?.birthDate ? ageInYears(client.birthDate, context.evaluationDate) : client?.age;
  return sortKeys({
    client,
    conversation: sections.conversation,
    objection: sections.objection,
    steps: sections.steps,
    forms: sections.forms,
    unsafety: { acuteOrStructural: context.acuteOrStructuralUnsafety },
    settings: {
      consentRegime: context.regime,
      objectionRegime: context.objectionRegime?.regime ?? 'weighing',
      objectionRegimeSettled: context.objectionRegime?.settled ?? false,
    },
    derived: {
      ageYears,
      ageBand: ageYears === undefined ? undefined : ageBand(ageYears),
      threatToLifeExample: context.threatToLifeExample === true ? true : undefined,
    },
    evaluationDate: context.evaluationDate,
  });
}

/** One party to talk with about the report, and how firmly. */
export interface ConversationParty {
  /** Who: the client, the parent(s), the legal representative, or another suitable representative. */
  party: Party;
  /** How firmly: `required`, `and-or`, `professional-judgement` or `consider`. */
  basis: PartyBasis;
  /** The rules that put this party in the plan. */
  rules: string[];
}

/** A text the plan shows (a note, a conflict-of-duties question, a checklist item), with its source. */
export interface CitedText {
  /** Stable id. */
  id: string;
  /** The text in the chosen language. */
  text: string;
  /** Where it comes from. */
  source: Source;
}

/** What the objection means for the report. */
export interface ObjectionOutcome {
  /** Where the objection leaves the report (see `objectionPrecedence`). */
  status: ObjectionStatus;
  /**
   * `true`: reporting is the norm even though the client objects (always-report, serious danger,
   * a condition of the FAQ 004 exception not met, norm 1 under the weighing, or protection
   * prevails in the weighing). `false`: the objection holds the report back under the framework's
   * regime (FAQ 004: every condition of the exception met, no serious danger; the weighing:
   * without acute or structural unsafety, the objection prevails). `null`: no objection, no
   * conversation, the objection is met, or an answer that matters is missing.
   */
  reportDespiteObjection: boolean | null;
  /** The rule that decided. */
  ruleId: string;
  /** Why, in the chosen language. */
  reason: string;
  /** Where the rule comes from. */
  source: Source;
}

/** The conversation plan for the report: with whom, notice or consent, objections, and what to record. */
export interface ConsentResult {
  /** The client's age on the evaluation date and its band; `null` when unknown. */
  age: { years: number | null; band: AgeBand | null; from: 'birthDate' | 'age' | null };
  /**
   * With whom to discuss the intended report, strongest basis per party. When `skip` is set, with
   * whom it would have been held (to record why it was not).
   */
  conversationWith: ConversationParty[];
  /**
   * Whose consent counts for sharing data; `null` when it depends on an unknown age, regime or
   * representative. A client who lacks capacity: the (other suitable) representative.
   */
  consentFrom: ConsentHolder | null;
  /**
   * Why `consentFrom` is `null`: the rule that leaves it open (the age is unknown; for a client
   * of 12 to 15 no consent regime is set; for a client who lacks capacity the representative is
   * unknown or absent), in the plan's language with its source; `null` when `consentFrom` is known.
   */
  consentFromOpen: CitedText | null;
  /** The consent regime the plan used; `null` when none was given. */
  regime: ConsentRegime | null;
  /**
   * The objection regime the plan used (DESIGN §6.5): `faq-004` or `weighing`; `settled: false`
   * when the framework's source does not settle it and the library applies the weighing.
   */
  objectionRegime: { regime: ObjectionRegime; settled: boolean };
  /** `notice` (acute/structural unsafety: you do not ask consent) or `consent-request`; `null` when unknown. */
  mode: 'notice' | 'consent-request' | null;
  /** The conversation is skipped: why, and whether the reason is recorded. `null`: it is held. */
  skip: { reason: 'safety' | 'loss-of-contact'; recorded: boolean | null } | null;
  /** The always-report rule: applies, does not apply, or `null` while open. */
  alwaysReport: boolean | null;
  /** What the objection means for the report. */
  objection: ObjectionOutcome;
  /** Towards the family the reporter may stay anonymous, or is made known (the main rule). */
  reporterTowardsFamily: 'may-stay-anonymous' | 'identity-disclosed';
  /** The five conflict-of-duties questions, when secrecy may be broken without consent or conversation. */
  conflictOfDuties: CitedText[];
  /** The reviewer's checklist (000 §3.3): which items the case documents, which are missing. */
  reviewerChecklist: { documented: CitedText[]; missing: CitedText[] };
  /** What to do, with the rule that asks it. */
  actions: Action[];
  /** Remarks that explain the plan. */
  notes: CitedText[];
  /** Questions whose answers the plan still needs, in catalogue order. */
  nextQuestions: ConsentQuestion[];
  /** The rules that held, ordered by priority, each with the facts it read and its source. */
  trail: TrailEntry<ConsentEffect>[];
  /** The language of the texts. */
  lang: Lang;
}

/** The rules that leave `consentFrom` open, each saying why. */
const consentOpenRules = new Set(['age-open', 'consent-regime-open', 'consent-representative-open', 'consent-no-representative']);

const basisStrength: Record<PartyBasis, number> = { required: 3, 'and-or': 2, consider: 1, 'professional-judgement': 0 };

/**
 * Turns the consent rules' trail (from `runRules(getCompiledConsentRules(), facts, lang)`) into
 * the conversation plan. Only rules that held count.
 *
 * @throws Error when no objection rule held: a bug in the rule file, never an input problem.
 */
export function consentResultFromTrail(trail: readonly TrailEntry<ConsentEffect>[], facts: ConsentFacts, lang: Lang): ConsentResult {
  const fired = trail.filter((e) => e.outcome);
  const parties = new Map<Party, ConversationParty>();
  const questionIds = new Set<string>();
  const documented = new Set<ChecklistItem>();
  const actions: Action[] = [];
  const notes: CitedText[] = [];
  let consentFrom: ConsentResult['consentFrom'] = null;
  let consentFromOpen: CitedText | null = null;
  let mode: ConsentResult['mode'] = null;
  let skipReason: 'safety' | 'loss-of-contact' | null = null;
  let alwaysReport: boolean | null = null;
  let objection: ObjectionOutcome | undefined;
  let towardsFamily: ConsentResult['reporterTowardsFamily'] = 'identity-disclosed';
  let conflictOfDuties = false;

  for (const entry of fired) {
    const effect = entry.effect;
    // The age, the regime or the representative decides whose consent counts: say which one is missing.
    if (consentOpenRules.has(entry.ruleId)) consentFromOpen ??= { id: entry.ruleId, text: entry.explanation, source: entry.source };
    switch (effect.type) {
      case 'talk-with': {
        const current = parties.get(effect.params.party);
        if (!current) parties.set(effect.params.party, { ...effect.params, rules: [entry.ruleId] });
        else {
          current.rules.push(entry.ruleId);
          if (basisStrength[effect.params.basis] > basisStrength[current.basis]) current.basis = effect.params.basis;
        }
        break;
      }
      case 'consent-from':
        consentFrom = effect.params.holder;
        break;
      case 'conversation-mode':
        mode = effect.params.mode;
        break;
      case 'skip':
        skipReason = effect.params.reason;
        break;
      case 'objection':
        // The trail is ordered by priority, so the first objection rule is the one that decides.
        objection ??= {
          status: effect.params.status,
          reportDespiteObjection: effect.params.reportDespiteObjection,
          ruleId: entry.ruleId,
          reason: entry.explanation,
          source: entry.source,
        };
        if (effect.params.status === 'always-report') alwaysReport = true;
        for (const q of effect.params.questions ?? []) questionIds.add(q);
        break;
      case 'always-report':
        alwaysReport ??= effect.params.applies;
        break;
      case 'anonymity':
        if (effect.params.towardsFamily === 'may-stay-anonymous') towardsFamily = 'may-stay-anonymous';
        break;
      case 'checklist':
        documented.add(effect.params.item);
        break;
      case 'needs-input':
        for (const q of effect.params.questions) questionIds.add(q);
        break;
      case 'action':
        actions.push({ id: effect.params.action, text: entry.explanation, ruleId: entry.ruleId, source: entry.source });
        break;
      case 'note':
        if (effect.params.note === 'conflict-of-duties') conflictOfDuties = true;
        notes.push({ id: effect.params.note, text: entry.explanation, source: entry.source });
        break;
    }
  }
  if (!objection) throw new Error('meldcode: no objection rule held; this is a bug in consent.rules.json');

  const file = questions();
  const cited = (t: { id: string; text: { nl: string; en: string }; source: Source }): CitedText => ({
    id: t.id,
    text: t.text[lang],
    source: t.source,
  });
  // The age question is answered by either a birth date or an age.
  const answered = (id: string) =>
    id === 'client.birthDate' ? facts.derived.ageYears !== undefined : propertyPath(facts, id) !== undefined;
  const client = facts.client;
  return {
    age: {
      years: facts.derived.ageYears ?? null,
      band: facts.derived.ageBand ?? null,
      from: client?.birthDate ? 'birthDate' : client?.age !== undefined ? 'age' : null,
    },
    conversationWith: [...parties.values()],
    consentFrom,
    consentFromOpen: consentFrom === null ? consentFromOpen : null,
    regime: facts.settings.consentRegime ?? null,
    objectionRegime: { regime: facts.settings.objectionRegime, settled: facts.settings.objectionRegimeSettled },
    mode,
    skip: skipReason ? { reason: skipReason, recorded: facts.conversation?.skipReasonRecorded ?? null } : null,
    alwaysReport,
    objection,
    reporterTowardsFamily: towardsFamily,
    conflictOfDuties: conflictOfDuties ? file.conflictOfDuties.map(cited) : [],
    reviewerChecklist: {
      documented: file.reviewerChecklist.filter((i) => documented.has(i.id)).map(cited),
      missing: file.reviewerChecklist.filter((i) => !documented.has(i.id)).map(cited),
    },
    actions,
    notes,
    nextQuestions: [...file.questions, ...stepQuestions].filter((q) => questionIds.has(q.id) && !answered(q.id)),
    trail: fired,
    lang,
  };
}

/** Options for {@link evaluateConsent}. */
export interface ConsentOptions {
  /** Language of the texts: `nl` (default) or `en`. */
  lang?: Lang;
  /** Evaluation date (`YYYY-MM-DD` or a Date); overrides the input's. Default: today in Europe/Amsterdam. */
  evaluationDate?: string | Date;
  /**
   * Whose consent counts for sharing data (000 §3.2 NB 1): `privacy-16` or `jeugdwet-wgbo-12`.
   * No default: for a client of 12 to 15 the plan asks for it.
   */
  regime?: ConsentRegime;
  /**
   * How an objection to a report weighs (DESIGN §6.5): `faq-004` or `weighing`. Default: the
   * weighing, marked as not settled by a source.
   */
  objectionRegime?: ObjectionRegime;
}

const optionsSchema = z.strictObject({
  lang: z.optional(z.enum(['nl', 'en'])),
  evaluationDate: z.optional(evaluationDateOption),
  regime: z.optional(z.enum(consentRegimes)),
  objectionRegime: z.optional(z.enum(objectionRegimes)),
});

/**
 * The conversation about the report and consent, on its own: with whom to talk (by age, living
 * at home, capacity), whose consent counts, notice or consent request, skipping the conversation,
 * what an objection means for the report (always-report, considered objection, weighing), the
 * reporter's anonymity, the conflict-of-duties questions and the reviewer's checklist. Unknown
 * answers are never read as "no": the plan then lists `nextQuestions`.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the input or options.
 * @example
 * ```ts
 * const plan = evaluateConsent(
 *   { client: { birthDate: '2012-05-01', livesWithParents: true }, unsafety: { acuteOrStructural: true },
 *     objection: { raised: true } },
 *   { evaluationDate: '2026-11-23', regime: 'jeugdwet-wgbo-12' },
 * );
 * plan.conversationWith.map((p) => p.party); // ['client', 'parents']
 * plan.mode;                                 // 'notice'
 * plan.objection.reportDespiteObjection;     // true (always-report: a minor with acute or structural unsafety)
 * ```
 */
export function evaluateConsent(input: ConsentInput, options: ConsentOptions = {}): ConsentResult {
  const issues: InputIssue[] = [];
  const parsed = consentInputSchema.safeParse(input);
  if (!parsed.success) for (const issue of fromZodIssues(parsed.error.issues)) issues.push(issue);
  const opts = optionsSchema.safeParse(options ?? {});
  if (!opts.success) for (const issue of fromZodIssues(opts.error.issues, ['options'])) issues.push(issue);
  if (!parsed.success || !opts.success) throw new MeldcodeInputError(issues);

  const given = opts.data.evaluationDate;
  const evaluationDate =
    given instanceof Date ? todayInAmsterdam(given) : (given ?? parsed.data.evaluationDate ?? todayInAmsterdam());
  for (const issue of ageIssues(parsed.data.client, evaluationDate)) issues.push(issue);
  if (issues.length > 0) throw new MeldcodeInputError(issues);

  const lang: Lang = opts.data.lang ?? 'nl';
  const facts = consentFacts(parsed.data, {
    evaluationDate,
    acuteOrStructuralUnsafety: parsed.data.unsafety?.acuteOrStructural,
    regime: opts.data.regime,
    objectionRegime: opts.data.objectionRegime ? { regime: opts.data.objectionRegime, settled: true } : undefined,
    threatToLifeExample: parsed.data.unsafety?.threatToLifeExample,
  });
  const trail = runRules(getCompiledConsentRules(), facts as unknown as Record<string, unknown>, lang);
  return consentResultFromTrail(trail, facts, lang);
}

/** The result of {@link safeEvaluateConsent}: a plan, or the input error. */
export type SafeConsentResult = { ok: true; plan: ConsentResult } | { ok: false; error: MeldcodeInputError };

/**
 * Like {@link evaluateConsent}, but returns `{ ok: false, error }` for bad input instead of throwing.
 *
 * @example
 * ```ts
 * const result = safeEvaluateConsent({ objection: { raised: 'yes' } });
 * if (!result.ok) console.log(result.error.issues[0]?.path); // ['objection', 'raised']
 * ```
 */
export function safeEvaluateConsent(input: unknown, options?: ConsentOptions): SafeConsentResult {
  try {
    return { ok: true, plan: evaluateConsent(input as ConsentInput, options) };
  } catch (error) {
    if (error instanceof MeldcodeInputError) return { ok: false, error };
    throw error;
  }
}
