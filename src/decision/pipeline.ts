// The one pipeline: every module runs in the order of this file over one validated fact set, and
// what one module's conclusion means for another is the precedence table below — nowhere else.
//
// The pipeline is a generator that yields each rule run it needs. `runPipeline` answers them with
// the compiled rules, synchronously; `meldcode/testing`'s reference answers them with
// json-rules-engine, asynchronously. Both therefore share every line of what follows.
import { caseFacts, openQuestions } from '../case/module.js';
import { consentFacts, consentModule, consentResultFromTrail } from '../consent/consent.js';
import type { ConsentEffect } from '../consent/schema.js';
import { stepRequirements } from '../frameworks/floor/check.js';
import { type CompiledFramework, getCompiledFramework, isShippedUnmodified } from '../frameworks/framework.js';
import { kindcheckModule, kindcheckResult } from '../kindcheck/kindcheck.js';
import { questionCatalogue } from '../questions/questions.js';
import { decisionFacts, recordKeeping, recordsModule } from '../records/records.js';
import { type CompiledRules, runRules } from '../rules/compile.js';
import { deepFreeze } from '../rules/freeze.js';
import type { BaseEffect, Effect } from '../rules/schema.js';
import { sha256Hex } from '../rules/sha256.js';
import type { Lang, TrailEntry } from '../rules/trail.js';
import { scopeModule, scopeResult } from '../scope/scope.js';
import { stepsModule, stepsResult } from '../steps/steps.js';
import { VERSION } from '../version.js';
import type { PreparedCase } from './core.js';
import { precedence } from './precedence.js';
import type { Action, Decision, DecisionEffect, Norm, Outcome } from './types.js';

/** One run of a rule set that the pipeline asks for. */
export interface RuleRun {
  readonly compiled: CompiledRules<BaseEffect>;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly lang: Lang;
  /** Whether the trail must also hold the floor rules that did not hold (only the afwegingskader's full path shows them). */
  readonly unheld: boolean;
}

/** A pipeline step: yields rule runs, receives their trails, returns its result. */
export type Pipeline<T> = Generator<RuleRun, T, TrailEntry<BaseEffect>[]>;

/**
 * Asks the driver to run `compiled` on `facts`; the trail it gets back holds every rule that
 * held, and with `unheld` also the floor rules that did not.
 */
function* rules<E extends BaseEffect>(compiled: CompiledRules<E>, facts: Readonly<Record<string, unknown>>, lang: Lang, unheld = false): Generator<RuleRun, TrailEntry<E>[], TrailEntry<BaseEffect>[]> {
  return (yield { compiled: compiled as unknown as CompiledRules<BaseEffect>, facts, lang, unheld }) as unknown as TrailEntry<E>[];
}

/** Runs a pipeline on the compiled rules, synchronously. */
export function runPipeline<T>(pipeline: Pipeline<T>): T {
  let step = pipeline.next();
  while (!step.done) step = pipeline.next(runRules(step.value.compiled, step.value.facts, step.value.lang, step.value));
  return step.value;
}

// Frozen: every decision carries this one object.
const DISCLAIMER = deepFreeze({
  text: {
    nl: 'Dit is beslisondersteuning: de uitkomst is de professionele norm met haar redenen. Het afwegingskader is geen checklist die tot ‘ja’ of ‘nee’ leidt; u neemt zelf het besluit.',
    en: 'This is decision support: the outcome is the professional norm with its reasons. The framework is no checklist that leads to ‘yes’ or ‘no’; you take the decision yourself.',
  },
  source: {
    document: '000_5b0914504b666284.txt',
    section: 'Bijlage 2 Afwegingskader',
    quote: 'Het afwegingskader is geen checklist die tot ‘ja’ of ‘nee’ leidt.',
  },
});

/**
 * The decision for a prepared case. The modules run in this order, each reading what it needs of
 * those before it:
 *
 * 1. scope — whether the meldcode applies at all;
 * 2. afwegingskader (the framework with the floor) — the two step-5 decisions;
 * 3. conversation and consent — reads afweging 2 (notice or consent; the always-report rule);
 * 4. kindcheck and 5. steps — read the case only;
 * 6. the precedence table ({@link precedence}) settles how these conclusions meet;
 * 7. record keeping — reads the outcome the precedence table settled.
 */
export function* decide(prepared: PreparedCase): Pipeline<Decision> {
  const { framework, lang, evaluationDate } = prepared;
  const compiled = getCompiledFramework(framework);
  // One validated, key-sorted set of facts (with `derived`: the client's age) for every module.
  // A role for which the framework rules the Verwijsindex out (the KNMG's dentists) is not told to consider it.
  const role = prepared.data.professional?.role;
  // A framework that requires Veilig Thuis advice at step 2 (the physicians', the paramedics') keeps step 2
  // open until it is asked. A requirement naming roles binds those roles; another role known has the
  // floor's "where needed" (the NVLF's speech therapists); an unknown role is bound (unknown never weakens).
  const requirements = stepRequirements(framework);
  const adviceRequired = requirements.some(
    (r) => r.id === 'advies-veilig-thuis' && r.step === 2 && r.level === 'required' && (r.roles === undefined || role === undefined || r.roles.includes(role)),
  );
  const noVerwijsindex = role !== undefined && requirements.some((r) => r.id === 'verwijsindex' && r.level === 'not-applicable' && r.roles?.includes(role) === true);
  const facts = caseFacts(prepared.data, evaluationDate, {
    ...(adviceRequired ? { veiligThuisAdviceRequired: true } : {}),
    ...(noVerwijsindex ? { verwijsindexNotForRole: true } : {}),
  });
  // The facts are the validated case, key-sorted, with the evaluation date and `derived`: without
  // `derived` their JSON is the canonical JSON of the case with its evaluation date.
  const { derived: _derived, ...caseWithDate } = facts;
  const receipt: Decision['receipt'] = {
    library: { name: 'meldcode', version: VERSION },
    framework: { id: framework.id, version: framework.version, validFrom: framework.validFrom, sha256: compiled.hash, shipped: isShippedUnmodified(framework) },
    evaluationDate,
    caseSha256: sha256Hex(JSON.stringify(caseWithDate)),
  };

  const scopeTrail = yield* rules(scopeModule.rules(), facts, lang);
  const scope = scopeResult(scopeTrail, facts);
  const afwegingFacts = { client: facts.client, considerations: facts.considerations, professional: facts.professional };
  let afwegingTrail = yield* rules(compiled.rules, afwegingFacts, lang);
  // On the full path without a report, the floor norms that did not apply say why: run again for them.
  if (fullPathWithoutReport(afwegingTrail)) afwegingTrail = yield* rules(compiled.rules, afwegingFacts, lang, true);
  const afweging = assemble(compiled, facts, afwegingTrail);

  // The conversation plan needs afweging 2: acute or structural unsafety makes it a notice.
  const unsafety = afweging.fired.has('afweging-2-ja-norm-1') ? true : afweging.fired.has('afweging-2-nee') ? false : undefined;
  // The objection regime is the framework's (DESIGN §6.5); without one, the weighing, marked as not settled.
  const regime = framework.objectionRegime;
  const indicators = (facts.considerations as { indicators?: Record<string, boolean> } | undefined)?.indicators;
  const consent = consentFacts(facts as Parameters<typeof consentFacts>[0], {
    evaluationDate,
    acuteOrStructuralUnsafety: unsafety,
    regime: framework.consent?.regime,
    objectionRegime: regime ? { regime: regime.regime, settled: true } : undefined,
    threatToLifeExample: regime?.threatToLifeIndicators?.some((code) => indicators?.[code] === true),
  });
  const consentTrail = yield* rules(consentModule.rules(), consent as unknown as Record<string, unknown>, lang);
  const { trail: _own, ...plan } = consentResultFromTrail(consentTrail, consent, lang);
  // Afweging 2 is asked by the afwegingskader; the consent regime is a framework setting, not a case answer.
  const conversation = {
    ...plan,
    nextQuestions: plan.nextQuestions.filter((q) => q.id !== 'unsafety.acuteOrStructural' && q.id !== 'settings.consentRegime'),
  };
  const kindcheckTrail = yield* rules(kindcheckModule.rules(), facts, lang);
  const kindcheck = kindcheckResult(kindcheckTrail, facts, lang);
  const stepsTrail = yield* rules(stepsModule.rules(), facts, lang);
  const steps = stepsResult(stepsTrail, facts);

  const draft = precedence({
    scope,
    scopeTrail,
    afweging,
    conversation,
    consentTrail: consentTrail as TrailEntry<ConsentEffect>[],
    kindcheck,
    kindcheckTrail,
    steps,
    stepsTrail,
    unanswered: (ids) => openQuestions(questionCatalogue(compiled), ids, facts),
    lang,
  });

  // Record keeping reads the settled outcome: only a decision that reports, closes, helps or skips the conversation carries a checklist.
  // Skipped only where the plan allows it (a loss of contact counts only when it leaves the client unprotected).
  const skipReason = draft.conversation?.skip?.reason;
  const decided = decisionFacts(draft.outcome, draft.help.stage, skipReason);
  const recordsTrail = decided.decided || decided.conversationSkipped ? yield* rules(recordsModule.rules(), { ...facts, decision: decided }, lang) : [];
  return {
    outcome: draft.outcome,
    report: draft.report,
    help: draft.help,
    nextQuestions: draft.nextQuestions,
    actions: draft.actions,
    trail: [...draft.trail, ...(recordsTrail as TrailEntry<DecisionEffect>[])],
    scope: draft.scope,
    kindcheck: draft.kindcheck,
    steps: draft.steps,
    recordKeeping: recordKeeping(decided, recordsTrail, draft.kindcheck?.record ?? []),
    conversation: draft.conversation,
    receipt,
    lang,
    disclaimer: { text: DISCLAIMER.text[lang], source: DISCLAIMER.source },
  };
}

/** What the afwegingskader concludes on its own, before the precedence table. */
export interface AfwegingResult {
  outcome: Outcome;
  report: Decision['report'];
  help: Decision['help'];
  nextQuestions: Decision['nextQuestions'];
  actions: Action[];
  /** The trail entries to show (the rules that held; on a full path without a report also the floor norms that did not). */
  trail: TrailEntry<Effect>[];
  /** Ids of the rules that held. */
  fired: ReadonlySet<string>;
}

/**
 * Whether all five considerations ran without a report (a help rule reached
 * `close-with-agreements` and no report rule held): only then does the trail show the floor norms
 * that did not apply.
 */
function fullPathWithoutReport(held: readonly TrailEntry<Effect>[]): boolean {
  let closedWithAgreements = false;
  for (const entry of held) {
    if (!entry.outcome) continue;
    if (entry.effect.type === 'report') return false;
    if (entry.effect.type === 'help' && entry.effect.params.stage === 'close-with-agreements') closedWithAgreements = true;
  }
  return closedWithAgreements;
}

function assemble(compiled: CompiledFramework, facts: unknown, trail: TrailEntry<Effect>[]): AfwegingResult {
  const held = trail.filter((e) => e.outcome);
  const norms = new Set<Norm>();
  const considerations = new Set<number>();
  const reportRules: string[] = [];
  const helpRules: string[] = [];
  const questionIds: string[] = [];
  const actions: Action[] = [];
  let closed = false;
  let helpStage: Decision['help']['stage'] = null;

  for (const entry of held) {
    const effect = entry.effect;
    switch (effect.type) {
      case 'report':
        if (effect.params.norm) norms.add(effect.params.norm);
        considerations.add(effect.params.consideration);
        reportRules.push(entry.ruleId);
        break;
      case 'help':
        // The furthest stage reached wins: close-with-agreements > alongside-report > offer.
        if (helpStage !== 'close-with-agreements') helpStage = effect.params.stage;
        helpRules.push(entry.ruleId);
        break;
      case 'close':
        closed = true;
        break;
      case 'needs-input':
        for (const id of effect.params.questions) if (!questionIds.includes(id)) questionIds.push(id);
        break;
      case 'action':
        actions.push({ id: effect.params.action, text: entry.explanation, ruleId: entry.ruleId, source: entry.source });
        break;
      case 'indicator':
      case 'consideration':
      case 'note':
        break;
    }
  }

  // Ask only what is still unknown, in catalogue order.
  const nextQuestions = openQuestions(questionCatalogue(compiled), questionIds, facts);

  const reporting = reportRules.length > 0;
  const helpAlongside = reporting && helpStage === 'alongside-report';
  let outcome: Outcome;
  if (reporting) outcome = helpAlongside ? 'report-and-help' : 'report';
  else if (nextQuestions.length > 0) outcome = 'needs-input';
  else if (closed) outcome = 'close-and-record';
  else if (helpStage === 'close-with-agreements') outcome = 'help';
  // Afweging 4 yes: offer or organise help now; afweging 5 follows after the agreed term (001 ch. 3).
  else if (helpStage === 'offer') outcome = 'help';
  else throw new Error('meldcode: the rules reached no decision for this case; this is a bug in the rule files');

  const unableOrRefused = considerations.has(3) || considerations.has(4);
  const necessary = reporting ? true : closed || helpStage === 'close-with-agreements' ? false : null;
  // Once all five considerations ran without a report, the floor norms that did not apply say
  // why; anywhere else they are noise (and were not asked for).
  const fullPath = !reporting && helpStage === 'close-with-agreements';
  const shownTrail = trail.filter((e) => e.outcome || (fullPath && e.effect.type === 'report'));
  return {
    outcome,
    report: { necessary, norms: [...norms].sort(), considerations: [...considerations].sort(), rules: reportRules, objection: null },
    help: {
      possible: helpStage !== null ? true : unableOrRefused ? false : null,
      togetherWithVeiligThuis: reporting,
      stage: helpStage,
      rules: helpRules,
    },
    nextQuestions,
    actions,
    trail: shownTrail,
    fired: new Set(held.map((e) => e.ruleId)),
  };
}
