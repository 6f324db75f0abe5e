// Where the modules meet: the rule of precedence, written down once. `pipeline.ts` runs the
// modules; this table settles, in order, what their conclusions mean for one another, so that a
// decision speaks with one voice. `docs/legal-model.md` states the same table for readers and
// `test/decision-consistency.test.ts` proves each line.
import type { KindcheckEffect, KindcheckResult } from '../kindcheck/kindcheck.js';
import type { ConsentEffect } from '../consent/schema.js';
import type { Question } from '../questions/questions.js';
import { deepFreeze } from '../rules/freeze.js';
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
  /** The questions of the catalogue with these ids that the case leaves unanswered, in catalogue order. */
  unanswered: (ids: ReadonlySet<string>) => Question[];
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
  /** The actions the line adds to the decision when it applies. */
  actions?: readonly { id: string; text: { nl: string; en: string } }[];
}

/**
 * The precedence table, in the order it applies. The first line that ends the decision wins;
 * the others refine it.
 */
// Deeply frozen: decisions carry these sources and texts as they are.
export const precedenceRules: readonly PrecedenceRule[] = deepFreeze([
  {
    id: 'scope-first',
    text: {
      nl: 'Valt het signaal buiten de meldcode, dan beslist de meldcode niet: geen afwegingskader, gesprek, kindcheck of stappen, alleen waar u dan terechtkunt.',
      en: 'When the signal lies outside the meldcode, the meldcode does not decide: no afwegingskader, conversation, kindcheck or steps, only where to go instead.',
    },
    source: { document: '000_5b0914504b666284.txt', section: 'Geweld in een zorg- of onderwijsrelatie' },
  },
  {
    id: 'objection-sets-report-aside',
    text: {
      nl: 'Houdt het bezwaar van de cliënt volgens het bezwaarregime van het afwegingskader de melding tegen (de uitzondering van de FAQ, of uw vastgelegde afweging), dan is melden niet noodzakelijk: de norm staat in het spoor, de uitkomst is hulp met toezicht op de veiligheid, nooit afsluiten.',
      en: 'When, under the framework’s objection regime, the client’s objection holds the report back (the FAQ’s exception, or your recorded weighing), reporting is not necessary: the norm stays in the trail, and the outcome is help with monitoring of safety, never closing.',
    },
    source: {
      document: '004_afb33b2afc6e3693.txt',
      section: 'Wat als de cliënt bezwaren heeft?',
      quote: 'Gaat het om huiselijk geweld en maakt het volwassen slachtoffer weloverwogen en in vrijheid bezwaar tegen het doen van een melding bij Veilig Thuis? Dan wordt alleen gemeld bij ernstig gevaar voor zwaar lichamelijk of psychisch letsel of de dood.',
    },
    actions: [
      {
        id: 'keep-offering-help',
        text: {
          nl: 'Blijf de cliënt hulp aanbieden, ook nu er (nog) niet wordt gemeld.',
          en: 'Keep offering the client help, even though there is no report (yet).',
        },
      },
      {
        id: 'monitor-safety',
        text: {
          nl: 'Blijf de veiligheid volgen; bij ernstig gevaar voor zwaar letsel of de dood meldt u alsnog.',
          en: 'Keep monitoring safety; with serious danger of heavy harm or death, report after all.',
        },
      },
      {
        id: 'record-objection-and-weighing',
        text: {
          nl: 'Leg het bezwaar, de afweging en wie u raadpleegde vast in het dossier.',
          en: 'Record the objection, the weighing and whom you consulted in the file.',
        },
      },
    ],
  },
  {
    id: 'objection-exception-awaits-answers',
    text: {
      nl: 'Hangt het onder de FAQ nog van ontbrekende antwoorden af of het bezwaar de melding tegenhoudt, dan zijn die antwoorden nodig: melden is het voorlopige advies (de norm staat bij de melding), tot ze er zijn.',
      en: 'When under the FAQ it still depends on missing answers whether the objection holds the report back, those answers are needed: reporting is the provisional advice (the norm stands with the report) until they are given.',
    },
    source: {
      document: '004_afb33b2afc6e3693.txt',
      section: 'Wat als de cliënt bezwaren heeft?',
      quote: 'Gaat het om huiselijk geweld en maakt het volwassen slachtoffer weloverwogen en in vrijheid bezwaar tegen het doen van een melding bij Veilig Thuis? Dan wordt alleen gemeld bij ernstig gevaar voor zwaar lichamelijk of psychisch letsel of de dood.',
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

/** The afwegingskader's actions that only make sense beside a report: dropped where the report is set aside or still awaits answers. */
const PRESUPPOSE_A_REPORT: ReadonlySet<string> = new Set(['keep-following', 'report-even-if-others-involved', 'emergency-advice-and-report-at-once']);

const line = (id: string): PrecedenceRule => precedenceRules.find((r) => r.id === id) as PrecedenceRule;

/** Applies the precedence table to the modules' conclusions. */
export function precedence(m: ModuleConclusions): DraftDecision {
  const { scope, afweging, lang } = m;
  const toAction = (n: { id: string; text: string; ruleId: string; source: Source }): Action => ({ id: n.id, text: n.text, ruleId: n.ruleId, source: n.source });

  // scope-first: out of scope, the meldcode does not decide (report.necessary null, not false).
  if (scope.status === 'out-of-scope') {
    return {
      outcome: 'out-of-scope',
      report: { necessary: null, norms: [], considerations: [], rules: [], objection: null },
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
  let { outcome, report, help } = afweging;
  let afwegingActions = afweging.actions;
  const lineActions: Action[] = [];
  const objectionQuestions: Question[] = [];
  const byObjection = { regime: conversation.objectionRegime.regime, ruleId: objection.ruleId };
  if (reporting && objection.reportDespiteObjection === false) {
    // objection-sets-report-aside: the regime holds the report back; help with monitoring, never close.
    const rule = line('objection-sets-report-aside');
    outcome = 'help';
    report = { ...report, necessary: false, objection: { ...byObjection, effect: 'sets-report-aside' } };
    help = { possible: help.possible === true ? true : null, togetherWithVeiligThuis: false, stage: 'offer', rules: help.rules };
    // Following up after a report, and reporting in spite of other help, presuppose the report.
    afwegingActions = afwegingActions.filter((a) => !PRESUPPOSE_A_REPORT.has(a.id));
    for (const a of rule.actions ?? []) lineActions.push({ id: a.id, text: a.text[lang], ruleId: rule.id, source: rule.source });
  } else if (reporting && objection.status === 'exception-open') {
    // objection-exception-awaits-answers: the report is the provisional advice until they are given.
    outcome = 'needs-input';
    report = { ...report, necessary: null, objection: { ...byObjection, effect: 'awaits-answers' } };
    help = { ...help, togetherWithVeiligThuis: false, stage: help.stage === 'alongside-report' ? null : help.stage };
    afwegingActions = afwegingActions.filter((a) => !PRESUPPOSE_A_REPORT.has(a.id));
    // The regime's questions: the objection rule's own, and the objection facts another consent rule asks for.
    const ids = new Set<string>();
    for (const e of m.consentTrail) {
      if (e.ruleId === objection.ruleId && e.effect.type === 'objection') for (const q of e.effect.params.questions ?? []) ids.add(q);
      if (e.effect.type === 'needs-input') for (const q of e.effect.params.questions) if (q.startsWith('objection.')) ids.add(q);
    }
    objectionQuestions.push(...m.unanswered(ids));
  }
  if (!reporting) {
    // objection-needs-an-intended-report: without an intended report there is no objection to ask about.
    conversation = { ...conversation, nextQuestions: conversation.nextQuestions.filter((q) => !q.id.startsWith('objection.')) };
  }
  if (!reporting && (afweging.outcome === 'close-and-record' || afweging.outcome === 'help') && objection.reportDespiteObjection !== null) {
    // objection-needs-an-intended-report: nothing to hold back, so nothing to weigh or ask.
    const rule = line('objection-needs-an-intended-report');
    conversation = {
      ...conversation,
      objection: { status: objection.status, reportDespiteObjection: null, ruleId: objection.ruleId, reason: rule.text[lang], source: rule.source },
    };
  }

  const actions: Action[] = [];
  // One action per meaning: the first rule (the afwegingskader's, then the modules' in order) words it; the trail keeps the others.
  const add = (a: Action) => {
    if (!actions.some((x) => x.id === a.id)) actions.push(a);
  };
  for (const a of afwegingActions) add(a);
  // open-steps-never-change-the-norm: the action only where the decision acts (report or help).
  const step5 = m.stepsTrail.find((e) => e.effect.type === 'step-5');
  const acts = outcome === 'report' || outcome === 'report-and-help' || outcome === 'help';
  if (!m.steps.mayDecideStep5 && step5 && acts) {
    add({ id: 'take-open-steps-first', text: step5.explanation, ruleId: step5.ruleId, source: step5.source });
  }
  for (const a of lineActions) add(a);
  for (const a of m.steps.actions) add(toAction(a));
  for (const a of conversation.actions) add(a);
  const kindcheck = m.kindcheck;
  if (kindcheck.status === 'ask-veilig-thuis-advice' && kindcheck.text !== null) {
    const entry = m.kindcheckTrail.find((e) => e.effect.type === 'kindcheck');
    if (entry) add({ id: 'kindcheck-ask-veilig-thuis-advice', text: kindcheck.text, ruleId: entry.ruleId, source: entry.source });
  }

  return {
    outcome,
    report,
    help,
    // Scope questions come first: they decide whether the meldcode applies at all.
    nextQuestions: [...scope.nextQuestions, ...afweging.nextQuestions, ...objectionQuestions],
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
