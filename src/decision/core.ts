import { z } from 'zod';
import { ageIssues } from '../case/age.js';
import { caseFacts } from '../case/module.js';
import { stepRequirements } from '../frameworks/floor/check.js';
import { type Case, type CaseInput, caseSchema, isoDate } from '../case/schema.js';
import { todayInAmsterdam } from '../case/date.js';
import { fromZodIssues, type InputIssue, MeldcodeInputError } from '../errors/errors.js';
import {
  type CompiledFramework,
  type Framework,
  type FrameworkInput,
  contradictionIssues,
  getCompiledFramework,
  indicatorCodes,
  parseFramework,
} from '../frameworks/framework.js';
import { questionCatalogue } from '../questions/questions.js';
import { canonicalJson, sortKeys } from '../rules/canonical.js';
import { sha256Hex } from '../rules/sha256.js';
import { propertyPath } from '../rules/engine.js';
import { type Lang, runRules, type TrailEntry } from '../rules/trail.js';
import type { Effect } from '../rules/schema.js';
import { consentFacts, consentResultFromTrail, getCompiledConsentRules } from '../consent/consent.js';
import type { ConsentEffect, ConsentRegime } from '../consent/schema.js';
import { kindcheckResult, kindcheckRules } from '../kindcheck/kindcheck.js';
import { decisionFacts, recordKeeping, recordsRules } from '../records/records.js';
import { scopeResult, scopeRules } from '../scope/scope.js';
import { stepsResult, stepsRules } from '../steps/steps.js';
import { VERSION } from '../version.js';
import type { Action, Decision, DecisionEffect, Norm, Outcome } from './types.js';

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  /** Language of explanations and actions: `nl` (default) or `en`. */
  lang?: Lang;
  /** Evaluation date (`YYYY-MM-DD` or a Date); overrides the case's. Default: today in Europe/Amsterdam. */
  evaluationDate?: string | Date;
  /**
   * The framework to evaluate with: a shipped id, or a framework document (e.g. your own,
   * validated here). Default: the case's `framework`, else `basismodel`.
   */
  framework?: string | Framework | FrameworkInput;
}

const optionsSchema = z.strictObject({
  lang: z.enum(['nl', 'en']).optional(),
  evaluationDate: z.union([isoDate, z.date()]).optional(),
  framework: z.union([z.string(), z.looseObject({})]).optional(),
});

/**
 * Where `evaluate` finds frameworks by id: the shipped registry, or (for {@link evaluateWith})
 * just the one framework given, so an app that evaluates with one framework bundles only that one.
 */
export interface FrameworkResolver {
  /** The id used when neither the case nor the options name a framework. */
  readonly defaultId: string;
  has(id: string): boolean;
  get(id: string): Framework;
  /** The input issue for an id it does not know, naming the ones it does. */
  unknownIssue(id: string): InputIssue;
}

const DISCLAIMER = {
  text: {
    nl: 'Dit is beslisondersteuning: de uitkomst is de professionele norm met haar redenen. Het afwegingskader is geen checklist die tot ‘ja’ of ‘nee’ leidt; u neemt zelf het besluit.',
    en: 'This is decision support: the outcome is the professional norm with its reasons. The framework is no checklist that leads to ‘yes’ or ‘no’; you take the decision yourself.',
  },
  source: {
    document: '000_5b0914504b666284.txt',
    section: 'Bijlage 2 Afwegingskader',
    quote: 'Het afwegingskader is geen checklist die tot ‘ja’ of ‘nee’ leidt.',
  },
};

/** Framework documents passed as an option, validated once per object. */
const parsedFrameworks = new WeakMap<object, Framework>();

/**
 * Validates a case and resolves its framework (the one given, else the case's id, else the
 * default); every problem is collected before throwing.
 */
function parseCase(
  input: unknown,
  given: Framework | undefined,
  dateOption: string | Date | undefined,
  resolver: FrameworkResolver,
): { data: Case; framework: Framework | undefined } {
  const issues: InputIssue[] = [];
  const parsed = caseSchema.safeParse(input);
  if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues));
  // A date of birth after the evaluation date, or an age that contradicts it.
  if (parsed.success) issues.push(...ageIssues(parsed.data.client, resolveDate(dateOption, parsed.data.evaluationDate)));

  // Checks that need the framework run on the raw input too, so one error lists every problem.
  const raw = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const rawId = Object.hasOwn(raw, 'framework') ? raw.framework : (given?.id ?? resolver.defaultId);
  const frameworkTypeIssue = issues.some((i) => i.path.length === 1 && i.path[0] === 'framework');
  let framework = given;
  if (given && typeof rawId === 'string' && rawId !== given.id && !frameworkTypeIssue) {
    issues.push({
      path: ['framework'],
      code: 'framework-mismatch',
      message: {
        nl: `de casus noemt afwegingskader "${rawId}", maar wordt beoordeeld met "${given.id}"`,
        en: `the case names framework "${rawId}" but is evaluated with "${given.id}"`,
      },
    });
  } else if (!given && typeof rawId === 'string' && !frameworkTypeIssue) {
    if (resolver.has(rawId)) framework = resolver.get(rawId);
    else issues.push(resolver.unknownIssue(rawId));
  }
  if (framework) {
    const frameworkId = framework.id;
    const known = indicatorCodes(framework);
    const indicators = propertyPath(raw, 'considerations.indicators');
    if (indicators !== null && typeof indicators === 'object' && !Array.isArray(indicators)) {
      for (const code of Object.keys(indicators)) {
        if (!known.has(code)) {
          issues.push({
            path: ['considerations', 'indicators', code],
            code: 'unknown-indicator',
            message: {
              nl: `onbekende indicator "${code}" in afwegingskader "${frameworkId}"`,
              en: `unknown indicator "${code}" in framework "${frameworkId}"`,
            },
          });
        }
      }
    }
  }
  if (framework && parsed.success) issues.push(...contradictionIssues(framework, parsed.data.considerations));
  if (issues.length > 0 || !parsed.success || !framework) throw new MeldcodeInputError(issues);
  return { data: parsed.data, framework };
}

function resolveDate(option: string | Date | undefined, fromCase: string | undefined): string {
  if (option instanceof Date) return todayInAmsterdam(option);
  return option ?? fromCase ?? todayInAmsterdam();
}

/** The evaluation itself, with frameworks found through `resolver`. */
export async function evaluateCase(
  input: CaseInput | unknown,
  options: EvaluateOptions,
  resolver: FrameworkResolver,
): Promise<Decision> {
  const opts = optionsSchema.safeParse(options);
  const optionIssues = opts.success ? [] : fromZodIssues(opts.error.issues, ['options']);
  let given: Framework | undefined;
  const option = opts.success ? opts.data.framework : undefined;
  if (typeof option === 'string') {
    if (resolver.has(option)) given = resolver.get(option);
    else optionIssues.push({ ...resolver.unknownIssue(option), path: ['options', 'framework'] });
  } else if (option !== undefined) {
    try {
      given = parsedFrameworks.get(option) ?? parseFramework(option);
      parsedFrameworks.set(option, given);
    } catch (error) {
      if (!(error instanceof MeldcodeInputError)) throw error;
      optionIssues.push(...error.issues.map((i) => ({ ...i, path: ['options', 'framework', ...i.path] })));
    }
  }
  let parsed: { data: Case; framework: Framework };
  try {
    const result = parseCase(input, given, opts.success ? opts.data.evaluationDate : undefined, resolver);
    if (optionIssues.length > 0) throw new MeldcodeInputError([]);
    parsed = result as { data: Case; framework: Framework };
  } catch (error) {
    if (error instanceof MeldcodeInputError) throw new MeldcodeInputError([...error.issues, ...optionIssues]);
    throw error;
  }
  if (!opts.success) throw new MeldcodeInputError(optionIssues);
  const lang: Lang = opts.data.lang ?? 'nl';
  const evaluationDate = resolveDate(opts.data.evaluationDate, parsed.data.evaluationDate);

  const compiled = await getCompiledFramework(parsed.framework);
  // One validated, key-sorted set of facts (with `derived`: the client's age) for every module.
  // A framework that requires Veilig Thuis advice at step 2 (the physicians') keeps step 2 open until it is asked.
  const adviceRequired = stepRequirements(parsed.framework).some(
    (r) => r.id === 'advies-veilig-thuis' && r.step === 2 && r.level === 'required',
  );
  const facts = caseFacts(parsed.data, evaluationDate, adviceRequired ? { veiligThuisAdviceRequired: true } : {});
  const [trail, scopeTrail, kindcheckTrail, stepsTrail] = await Promise.all([
    runRules(compiled.rules, { client: facts.client, considerations: facts.considerations }, lang),
    runRules(scopeRules(), facts, lang),
    runRules(kindcheckRules(), facts, lang),
    runRules(stepsRules(), facts, lang),
  ]);
  const base = assemble(compiled, facts, trail, lang, {
    library: { name: 'meldcode', version: VERSION },
    framework: {
      id: compiled.framework.id,
      version: compiled.framework.version,
      validFrom: compiled.framework.validFrom,
      sha256: compiled.hash,
    },
    evaluationDate,
    caseSha256: sha256Hex(canonicalJson(sortKeys({ ...parsed.data, evaluationDate }))),
  });
  return combine(base, facts, lang, parsed.framework, {
    scope: scopeTrail.filter((e) => e.outcome),
    kindcheck: kindcheckTrail.filter((e) => e.outcome),
    steps: stepsTrail.filter((e) => e.outcome),
  });
}

/**
 * Adds scope, kindcheck, steps and record keeping to the afwegingskader's decision. Out of scope
 * overrides the afwegingskader: its steps do not apply, and the trail shows the scope rules that
 * say why. Open steps never change the norm (unknown is never "no"): they show in `steps` and as
 * an action. Trail order: scope, afwegingskader, kindcheck, steps, record keeping.
 */
async function combine(
  base: Omit<Decision, 'scope' | 'kindcheck' | 'steps' | 'recordKeeping' | 'conversation'>,
  facts: Record<string, unknown>,
  lang: Lang,
  framework: Framework,
  trails: {
    scope: TrailEntry<DecisionEffect>[];
    kindcheck: TrailEntry<DecisionEffect>[];
    steps: TrailEntry<DecisionEffect>[];
  },
): Promise<Decision> {
  const scope = scopeResult(trails.scope as Parameters<typeof scopeResult>[0], facts);
  const toAction = (n: { id: string; text: string; ruleId: string; source: Action['source'] }): Action => ({
    id: n.id,
    text: n.text,
    ruleId: n.ruleId,
    source: n.source,
  });
  if (scope.status === 'out-of-scope') {
    return {
      ...base,
      outcome: 'out-of-scope',
      report: { necessary: false, norms: [], considerations: [], rules: [] },
      help: { possible: null, togetherWithVeiligThuis: false, stage: null, rules: [] },
      nextQuestions: scope.nextQuestions,
      actions: scope.whereToGo.map(toAction),
      trail: trails.scope,
      scope,
      kindcheck: null,
      steps: null,
      recordKeeping: { because: [], items: [] },
      conversation: null,
    };
  }
  const { conversation: plan, trail: consentTrail } = await conversationPlan(base, facts, lang, framework);
  const kindcheck = kindcheckResult(trails.kindcheck as Parameters<typeof kindcheckResult>[0], facts, lang);
  const steps = stepsResult(trails.steps as Parameters<typeof stepsResult>[0], facts);
  const actions = [...base.actions];
  const add = (a: Action) => {
    if (!actions.some((x) => x.id === a.id && x.ruleId === a.ruleId)) actions.push(a);
  };
  const step5 = trails.steps.find((e) => e.effect.type === 'step-5');
  if (!steps.mayDecideStep5 && step5 && base.outcome !== 'needs-input') {
    add({ id: 'take-open-steps-first', text: step5.explanation, ruleId: step5.ruleId, source: step5.source });
  }
  for (const a of steps.actions) add(toAction(a));
  for (const a of plan.actions) add(a);
  if (kindcheck.status === 'ask-veilig-thuis-advice' && kindcheck.text !== null) {
    const entry = trails.kindcheck.find((e) => e.effect.type === 'kindcheck')!;
    add({ id: 'kindcheck-ask-veilig-thuis-advice', text: kindcheck.text, ruleId: entry.ruleId, source: entry.source });
  }

  const conversation = (facts.conversation ?? {}) as { skipReason?: unknown };
  const decision = decisionFacts(base.outcome, base.help.stage, conversation.skipReason);
  // Only a decision that reports, closes, helps or skips the conversation carries a checklist.
  const carries = decision.decided || decision.conversationSkipped;
  const recordsTrail = carries ? (await runRules(recordsRules(), { ...facts, decision }, lang)).filter((e) => e.outcome) : [];
  return {
    ...base,
    // Scope questions come first: they decide whether the meldcode applies at all.
    nextQuestions: [...scope.nextQuestions, ...base.nextQuestions],
    actions,
    trail: [
      ...trails.scope,
      ...base.trail,
      ...consentTrail,
      ...trails.kindcheck,
      ...trails.steps,
      ...recordsTrail,
    ],
    scope,
    kindcheck,
    steps,
    recordKeeping: recordKeeping(decision, recordsTrail, kindcheck.record),
    conversation: plan,
  };
}

/**
 * The consent module on the same facts. It needs afweging 2's answer (acute or structural
 * unsafety: the conversation is then a notice, and the always-report rule may hold), so it runs
 * after the afwegingskader. A considered and free objection never removes a report here: where
 * the FAQ (004) and norm 1 (001) point different ways, the plan says so and asks to consult
 * Veilig Thuis; the professional decides.
 */
async function conversationPlan(
  base: Pick<Decision, 'trail'>,
  facts: Record<string, unknown>,
  lang: Lang,
  framework: Framework,
): Promise<{ conversation: NonNullable<Decision['conversation']>; trail: TrailEntry<ConsentEffect>[] }> {
  const fired = (id: string) => base.trail.some((e) => e.outcome && e.ruleId === id);
  const unsafety = fired('afweging-2-ja-norm-1') ? true : fired('afweging-2-nee') ? false : undefined;
  const regime: ConsentRegime | undefined = framework.consent?.regime;
  const sections = facts as Parameters<typeof consentFacts>[0];
  const consent = consentFacts(sections, {
    evaluationDate: String(facts.evaluationDate),
    acuteOrStructuralUnsafety: unsafety,
    regime,
  });
  const trail = (await runRules(getCompiledConsentRules(), consent as unknown as Record<string, unknown>, lang)).filter(
    (e) => e.outcome,
  );
  const { trail: _own, ...plan } = consentResultFromTrail(trail, consent, lang);
  // Afweging 2 is asked by the afwegingskader; the consent regime is a framework setting, not a case answer.
  const nextQuestions = plan.nextQuestions.filter(
    (q) => q.id !== 'unsafety.acuteOrStructural' && q.id !== 'settings.consentRegime',
  );
  return { conversation: { ...plan, nextQuestions }, trail };
}

/** The result of {@link safeEvaluate} and {@link safeEvaluateWith}: a decision, or the input error. */
export type SafeEvaluateResult = { ok: true; decision: Decision } | { ok: false; error: MeldcodeInputError };

/**
 * Evaluates a case with one framework document, without the registry of shipped frameworks: an
 * app that imports one framework (`meldcode/frameworks/<id>`) and this function bundles only that
 * framework. The case may name no framework or this one. Otherwise as {@link evaluate}.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the case, the framework or the options.
 * @example
 * ```ts
 * import { evaluateWith } from 'meldcode';
 * import { artsen } from 'meldcode/frameworks/artsen';
 * const decision = await evaluateWith(artsen, { considerations: { suspicion: false } });
 * decision.outcome; // 'close-and-record'
 * ```
 */
export async function evaluateWith(
  framework: Framework | FrameworkInput,
  input: CaseInput | unknown,
  options: Omit<EvaluateOptions, 'framework'> = {},
): Promise<Decision> {
  const resolver: FrameworkResolver = {
    defaultId: (framework as { id?: unknown }).id as string,
    has: (id) => id === (framework as { id?: unknown }).id,
    get: () => framework as Framework,
    unknownIssue: (id) => ({
      path: ['framework'],
      code: 'unknown-framework',
      message: {
        nl: `onbekend afwegingskader "${id}"; deze evaluatie kent alleen "${String((framework as { id?: unknown }).id)}"`,
        en: `unknown framework "${id}"; this evaluation knows only "${String((framework as { id?: unknown }).id)}"`,
      },
    }),
  };
  return evaluateCase(input, { ...options, framework }, resolver);
}

/**
 * Like {@link evaluateWith}, but returns `{ ok: false, error }` for bad input instead of throwing.
 *
 * @example
 * ```ts
 * const result = await safeEvaluateWith(myFramework, { considerations: { suspicion: 'x' } });
 * if (!result.ok) console.log(result.error.issues[0].path);
 * ```
 */
export async function safeEvaluateWith(
  framework: Framework | FrameworkInput,
  input: unknown,
  options?: Omit<EvaluateOptions, 'framework'>,
): Promise<SafeEvaluateResult> {
  try {
    return { ok: true, decision: await evaluateWith(framework, input, options) };
  } catch (error) {
    if (error instanceof MeldcodeInputError) return { ok: false, error };
    throw error;
  }
}

function assemble(
  compiled: CompiledFramework,
  facts: unknown,
  trail: TrailEntry<Effect>[],
  lang: Lang,
  receipt: Decision['receipt'],
): Omit<Decision, 'scope' | 'kindcheck' | 'steps' | 'recordKeeping' | 'conversation'> {
  const fired = trail.filter((e) => e.outcome);
  const norms = new Set<Norm>();
  const considerations = new Set<number>();
  const reportRules: string[] = [];
  const helpRules: string[] = [];
  const questionIds: string[] = [];
  const actions: Action[] = [];
  let closed = false;
  let helpStage: Decision['help']['stage'] = null;

  for (const entry of fired) {
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
  const catalogue = questionCatalogue(compiled);
  const nextQuestions = [...catalogue.values()].filter(
    (q) => questionIds.includes(q.id) && propertyPath(facts, q.id) === undefined,
  );

  const reporting = reportRules.length > 0;
  const helpAlongside = reporting && helpStage === 'alongside-report';
  let outcome: Outcome;
  if (reporting) outcome = helpAlongside ? 'report-and-help' : 'report';
  else if (nextQuestions.length > 0) outcome = 'needs-input';
  else if (closed) outcome = 'close-and-record';
  else if (helpStage === 'close-with-agreements') outcome = 'help';
  else throw new Error('meldcode: the rules reached no decision for this case; this is a bug in the rule files');

  const unableOrRefused = considerations.has(3) || considerations.has(4);
  const necessary = reporting ? true : closed || helpStage === 'close-with-agreements' ? false : null;
  // Once all five considerations ran without a report, the floor norms that did not apply say
  // why; anywhere else they are noise.
  const fullPathWithoutReport = !reporting && helpStage === 'close-with-agreements';
  const shownTrail = trail.filter((e) => e.outcome || (fullPathWithoutReport && e.effect.type === 'report'));
  return {
    outcome,
    report: {
      necessary,
      norms: [...norms].sort(),
      considerations: [...considerations].sort(),
      rules: reportRules,
    },
    help: {
      possible: helpStage !== null ? true : unableOrRefused ? false : null,
      togetherWithVeiligThuis: reporting,
      stage: helpStage,
      rules: helpRules,
    },
    nextQuestions,
    actions,
    trail: shownTrail,
    receipt,
    lang,
    disclaimer: { text: DISCLAIMER.text[lang], source: DISCLAIMER.source },
  };
}
