// Where the modules meet: the rule of precedence, written down once. `pipeline.ts` runs the
// modules; this table settles, in order, what their conclusions mean for one another, so that a
// decision speaks with one voice. `docs/legal-model.md` states the same table for readers and
// `test/decision-consistency.test.ts` proves each line.
import type { KindcheckEffect, KindcheckResult } from '../kindcheck/kindcheck.js';
import type { ConsentEffect } from '../consent/schema.js';
import type { Source } from '../rules/schema.js';
import type { Lang, TrailEntry } from '../rules/trail.js';
import type { ScopeEffect, ScopeResult } from '../scope/scope.js';
import type { StepsEffect, StepsResult } from '../steps/steps.js';
import type { AfwegingResult } from './pipeline.js';
import type { Action, ConversationPlan, Decision, DecisionEffect } from './types.js';

/** What the modules concluded, each on its own. */
export interface ModuleConclusions {
  scope: ScopeResult;
  scopeTrail: TrailEntry<ScopeEffect>[];
  afweging: AfwegingResult;
  conversation: ConversationPlan;
  consentTrail: TrailEntry<ConsentEffect>[];
  kindcheck: KindcheckResult;
  kindcheckTrail: TrailEntry<KindcheckEffect>[];
  steps: StepsResult;
  stepsTrail: TrailEntry<StepsEffect>[];
  lang: Lang;
}

/** The decision before record keeping, which reads its outcome. */
export type DraftDecision = Pick<Decision, 'outcome' | 'report' | 'help' | 'nextQuestions' | 'actions' | 'trail' | 'scope' | 'kindcheck' | 'steps' | 'conversation'>;

/** One line of the precedence table. */
export interface PrecedenceRule {
  /** Stable id, as `docs/legal-model.md` names it. */
  id: string;
  /** What the line settles. */
  text: { nl: string; en: string };
  source: Source;
}

/**
 * The precedence table, in the order it applies. The first line that ends the decision wins;
 * the others refine it.
 */
export const precedenceRules: readonly PrecedenceRule[] = Object.freeze([
  {
    id: 'scope-first',
    text: {
      nl: 'Valt het signaal buiten de meldcode, dan beslist de meldcode niet: geen afwegingskader, gesprek, kindcheck of stappen, alleen waar u dan terechtkunt.',
      en: 'When the signal lies outside the meldcode, the meldcode does not decide: no afwegingskader, conversation, kindcheck or steps, only where to go instead.',
    },
    source: { document: '000_5b0914504b666284.txt', section: 'Geweld in een zorg- of onderwijsrelatie' },
  },
  {
    id: 'norm-before-objection',
    text: {
      nl: 'De norm van het afwegingskader gaat voor: een bezwaar dat de melding zou tegenhouden, haalt een melding die de norm is niet weg. Of de uitzondering van de FAQ geldt, laat de bibliotheek open; overleg met Veilig Thuis.',
      en: 'The afwegingskader’s norm comes first: an objection that would hold the report back does not remove a report that is the norm. Whether the FAQ’s exception applies is left open by the library; consult Veilig Thuis.',
    },
    source: {
      document: '001_dcbf0a2973853468.txt',
      section: 'Hoofdstuk 2 › Het afwegingskader',
      quote: 'In ALLE gevallen van acute onveiligheid en/of structurele onveiligheid.',
    },
  },
  {
    id: 'objection-needs-an-intended-report',
    text: {
      nl: 'Er is geen melding voorgenomen: een bezwaar tegen de melding heeft dan niets tegen te houden.',
      en: 'No report is intended: an objection to the report then has nothing to hold back.',
    },
    source: {
      document: '004_afb33b2afc6e3693.txt',
      section: 'Bespreek ik dat ik ga melden met de cliënt?',
    },
  },
  {
    id: 'open-steps-never-change-the-norm',
    text: {
      nl: 'Open stappen veranderen de norm niet: ze staan bij de stappen en, wanneer u meldt of hulp biedt, als actie om ze eerst te zetten.',
      en: 'Open steps never change the norm: they are listed with the steps and, when you report or offer help, as an action to take them first.',
    },
    source: {
      document: '000_5b0914504b666284.txt',
      section: '2.2 De stappen die sociaal werkers geacht worden te zetten › Volgorde van de stappen',
    },
  },
]);

const line = (id: string): PrecedenceRule => precedenceRules.find((r) => r.id === id) as PrecedenceRule;

/** Applies the precedence table to the modules' conclusions. */
export function precedence(m: ModuleConclusions): DraftDecision {
  const { scope, afweging, lang } = m;
  const toAction = (n: { id: string; text: string; ruleId: string; source: Source }): Action => ({ id: n.id, text: n.text, ruleId: n.ruleId, source: n.source });

  // scope-first: out of scope, the meldcode does not decide (report.necessary null, not false).
  if (scope.status === 'out-of-scope') {
    return {
      outcome: 'out-of-scope',
      report: { necessary: null, norms: [], considerations: [], rules: [] },
      help: { possible: null, togetherWithVeiligThuis: false, stage: null, rules: [] },
      nextQuestions: scope.nextQuestions,
      actions: scope.whereToGo.map(toAction),
      trail: m.scopeTrail,
      scope,
      kindcheck: null,
      steps: null,
      conversation: null,
    };
  }

  const reporting = afweging.report.necessary === true;
  let conversation = m.conversation;
  const objection = conversation.objection;
  if (reporting && objection.reportDespiteObjection === false) {
    // norm-before-objection: the report stands; the plan says the exception is not settled.
    const rule = line('norm-before-objection');
    conversation = {
      ...conversation,
      objection: { ...objection, reportDespiteObjection: null, reason: `${objection.reason} ${rule.text[lang]}` },
    };
  } else if ((afweging.outcome === 'close-and-record' || afweging.outcome === 'help') && objection.reportDespiteObjection !== null) {
    // objection-needs-an-intended-report: nothing to hold back, so nothing to weigh or ask.
    const rule = line('objection-needs-an-intended-report');
    conversation = {
      ...conversation,
      objection: { status: objection.status, reportDespiteObjection: null, ruleId: objection.ruleId, reason: rule.text[lang], source: rule.source },
    };
  }

  const actions = [...afweging.actions];
  const add = (a: Action) => {
    if (!actions.some((x) => x.id === a.id && x.ruleId === a.ruleId)) actions.push(a);
  };
  // open-steps-never-change-the-norm: the action only where the decision acts (report or help).
  const step5 = m.stepsTrail.find((e) => e.effect.type === 'step-5');
  const acts = afweging.outcome === 'report' || afweging.outcome === 'report-and-help' || afweging.outcome === 'help';
  if (!m.steps.mayDecideStep5 && step5 && acts) {
    add({ id: 'take-open-steps-first', text: step5.explanation, ruleId: step5.ruleId, source: step5.source });
  }
  for (const a of m.steps.actions) add(toAction(a));
  for (const a of conversation.actions) add(a);
  const kindcheck = m.kindcheck;
  if (kindcheck.status === 'ask-veilig-thuis-advice' && kindcheck.text !== null) {
    const entry = m.kindcheckTrail.find((e) => e.effect.type === 'kindcheck');
    if (entry) add({ id: 'kindcheck-ask-veilig-thuis-advice', text: kindcheck.text, ruleId: entry.ruleId, source: entry.source });
  }

  return {
    outcome: afweging.outcome,
    report: afweging.report,
    help: afweging.help,
    // Scope questions come first: they decide whether the meldcode applies at all.
    nextQuestions: [...scope.nextQuestions, ...afweging.nextQuestions],
    actions,
    trail: [
      ...m.scopeTrail,
      ...afweging.trail,
      ...m.consentTrail,
      ...m.kindcheckTrail,
      ...m.stepsTrail,
    ] as TrailEntry<DecisionEffect>[],
    scope,
    kindcheck,
    steps: m.steps,
    conversation,
  };
}
