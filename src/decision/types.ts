import type { ConsentResult } from '../consent/consent.js';
import type { ConsentEffect, ObjectionRegime } from '../consent/schema.js';
import type { KindcheckEffect, KindcheckResult } from '../kindcheck/kindcheck.js';
import type { Question } from '../questions/questions.js';
import type { RecordKeeping, RecordsEffect } from '../records/records.js';
import type { Effect, Source } from '../rules/schema.js';
import type { Lang, TrailEntry } from '../rules/trail.js';
import type { ScopeEffect, ScopeResult } from '../scope/scope.js';
import type { StepsEffect, StepsResult } from '../steps/steps.js';

/** Any effect a rule in a decision's trail can have: the afwegingskader's, or a module's. */
export type DecisionEffect = Effect | ScopeEffect | KindcheckEffect | StepsEffect | RecordsEffect | ConsentEffect;

/** The consent module's conversation plan inside a decision (its trail is merged into the decision's). */
export type ConversationPlan = Omit<ConsentResult, 'trail'>;

/** The outcome of an evaluation: the professional norm, not a verdict. */
export type Outcome = 'out-of-scope' | 'close-and-record' | 'report' | 'help' | 'report-and-help' | 'needs-input';

/** A reporting norm of the Basisdocument (ch. 2): 1 acute/structural, 2 no effective help, 3 help fails. */
export type Norm = 1 | 2 | 3;

/** Step 5, decision 1: is reporting to Veilig Thuis necessary? */
export interface ReportDecision {
  /**
   * `true`: reporting is the professional norm; `false`: not by this framework (or the client's
   * objection sets it aside, see `objection`); `null`: an answer that matters is missing.
   */
  necessary: boolean | null;
  /** The norms that require the report, ascending. Consideration 4 ("help refused") carries no number. */
  norms: Norm[];
  /** The considerations (2-5) whose answers lead to the report. */
  considerations: number[];
  /** Ids of the rules that decided, in trail order. */
  rules: string[];
  /**
   * When the client's objection bears on a report that is the norm (DESIGN §6.5): the framework's
   * objection regime, the objection rule, and its effect — `sets-report-aside` (`necessary` is
   * `false`; the norms above still show what the norm was) or `awaits-answers` (`necessary` is
   * `null`: the report is the provisional advice until the regime's questions are answered).
   * `null` otherwise.
   */
  objection: { regime: ObjectionRegime; ruleId: string; effect: 'sets-report-aside' | 'awaits-answers' } | null;
}

/** Step 5, decision 2: is offering or organising help (also) possible? */
export interface HelpDecision {
  /** `true` / `false` as far as the answers settle it; `null` while open or to be decided with Veilig Thuis. */
  possible: boolean | null;
  /** After a report, considerations 3-5 are answered together with Veilig Thuis. */
  togetherWithVeiligThuis: boolean;
  /** Where the help stands: to offer now, alongside the report, or closed with agreements. */
  stage: 'offer' | 'alongside-report' | 'close-with-agreements' | null;
  /** Ids of the rules that decided, in trail order. */
  rules: string[];
}

/** Something the professional should do, with the rule that asks it. */
export interface Action {
  /** Stable action code, e.g. `ask-veilig-thuis-advice`. */
  id: string;
  /** What to do, in the chosen language. */
  text: string;
  ruleId: string;
  source: Source;
}

/** What produced the advice, for the dossier: library, framework, rule hash, date, input hash. */
export interface Receipt {
  library: { name: 'meldcode'; version: string };
  framework: {
    id: string;
    version: string;
    validFrom: string;
    /** SHA-256 (hex) over the canonical JSON of the framework and the floor rules it inherits. */
    sha256: string;
    /** `true`: a framework shipped with this library version, unmodified; `false`: a custom one. */
    shipped: boolean;
  };
  /** The evaluation date, `YYYY-MM-DD`. */
  evaluationDate: string;
  /** SHA-256 (hex) over the canonical JSON of the validated case. */
  caseSha256: string;
}

/** The advice for a case: outcome, the two step-5 decisions, what to ask and do, and why. */
export interface Decision {
  outcome: Outcome;
  /** Step 5, decision 1 (taken first). */
  report: ReportDecision;
  /** Step 5, decision 2 (taken second). */
  help: HelpDecision;
  /** Questions whose answers are needed now, in the order to ask them. */
  nextQuestions: Question[];
  /** What to do next. */
  actions: Action[];
  /**
   * The rules that decided, in order (scope, afwegingskader, kindcheck, steps, record keeping),
   * each with the facts it read, its explanation and source.
   */
  trail: TrailEntry<DecisionEffect>[];
  /** Whether the meldcode applies; out of scope overrides the outcome and says where to go instead. */
  scope: ScopeResult;
  /** The kindcheck (004 §Kind Check); `null` when out of scope. Its questions never block the step-5 decision. */
  kindcheck: KindcheckResult | null;
  /** Which steps are done or open and whether step 5 may be decided now; `null` when out of scope. */
  steps: StepsResult | null;
  /** What to record; non-empty for every decision that reports, closes, helps or skips the conversation. */
  recordKeeping: RecordKeeping;
  /**
   * The conversation plan about the report (who to talk to, notice or consent, objections,
   * anonymity, the conflict-of-duties questions); `null` when out of scope. Its trail entries
   * stand in {@link Decision.trail}.
   */
  conversation: ConversationPlan | null;
  receipt: Receipt;
  /** The language of the texts in this decision. */
  lang: Lang;
  /** Decision support, not a verdict: the framework is no checklist that leads to yes or no. */
  disclaimer: { text: string; source: Source };
}
