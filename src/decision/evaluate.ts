import { z } from 'zod';
import { type Case, type CaseInput, caseSchema, isoDate } from '../case/schema.js';
import { fromZodIssues, type InputIssue, MeldcodeInputError } from '../errors/errors.js';
import {
  type CompiledFramework,
  type Framework,
  type FrameworkInput,
  indicatorCodes,
  parseFramework,
} from '../frameworks/framework.js';
import {
  DEFAULT_FRAMEWORK,
  getCompiledFramework,
  getFramework,
  hasFramework,
  unknownFrameworkIssue,
} from '../frameworks/registry.js';
import { questionCatalogue } from '../questions/questions.js';
import { canonicalJson, sortKeys } from '../rules/canonical.js';
import { sha256Hex } from '../rules/sha256.js';
import { propertyPath } from '../rules/engine.js';
import { type Lang, runRules } from '../rules/trail.js';
import { VERSION } from '../version.js';
import type { Action, Decision, Norm, Outcome } from './types.js';

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

let amsterdamDate: Intl.DateTimeFormat | undefined;
/** The date in the Netherlands at `now` (default: now), `YYYY-MM-DD`. */
export function todayInAmsterdam(now: Date = new Date()): string {
  amsterdamDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
  return amsterdamDate.format(now);
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
function parseCase(input: unknown, given: Framework | undefined): { data: Case; framework: Framework | undefined } {
  const issues: InputIssue[] = [];
  const parsed = caseSchema.safeParse(input);
  if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues));

  // Checks that need the framework run on the raw input too, so one error lists every problem.
  const raw = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const rawId = Object.hasOwn(raw, 'framework') ? raw.framework : (given?.id ?? DEFAULT_FRAMEWORK);
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
    if (hasFramework(rawId)) framework = getFramework(rawId);
    else issues.push(unknownFrameworkIssue(rawId));
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
  if (issues.length > 0 || !parsed.success || !framework) throw new MeldcodeInputError(issues);
  return { data: parsed.data, framework };
}

function resolveDate(option: string | Date | undefined, fromCase: string | undefined): string {
  if (option instanceof Date) return todayInAmsterdam(option);
  return option ?? fromCase ?? todayInAmsterdam();
}

/**
 * Evaluates a case against its framework (default `basismodel`) and returns the decision:
 * outcome, the two step-5 decisions in order, next questions, actions, the trail and a receipt.
 * Unknown answers are never read as "no": a missing answer that matters yields `needs-input`.
 *
 * @throws {@link MeldcodeInputError} listing every problem in the case or options.
 * @example
 * ```ts
 * const decision = await evaluate({
 *   considerations: { suspicion: true, unsafety: { acute: true } },
 * }, { evaluationDate: '2026-11-23' });
 * decision.outcome;        // 'report'
 * decision.report.norms;   // [1]
 * ```
 */
export async function evaluate(input: CaseInput | unknown, options: EvaluateOptions = {}): Promise<Decision> {
  const opts = optionsSchema.safeParse(options);
  const optionIssues = opts.success ? [] : fromZodIssues(opts.error.issues, ['options']);
  let given: Framework | undefined;
  const option = opts.success ? opts.data.framework : undefined;
  if (typeof option === 'string') {
    if (hasFramework(option)) given = getFramework(option);
    else optionIssues.push({ ...unknownFrameworkIssue(option), path: ['options', 'framework'] });
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
    const result = parseCase(input, given);
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
  const facts = sortKeys({ ...parsed.data, evaluationDate });
  const trail = await runRules(compiled.rules, { client: facts.client, considerations: facts.considerations }, lang);
  return assemble(compiled, facts, trail, lang, {
    library: { name: 'meldcode', version: VERSION },
    framework: {
      id: compiled.framework.id,
      version: compiled.framework.version,
      validFrom: compiled.framework.validFrom,
      sha256: compiled.hash,
    },
    evaluationDate,
    caseSha256: sha256Hex(canonicalJson(facts)),
  });
}

/** The result of {@link safeEvaluate}: a decision, or the input error. */
export type SafeEvaluateResult = { ok: true; decision: Decision } | { ok: false; error: MeldcodeInputError };

/**
 * Like {@link evaluate}, but returns `{ ok: false, error }` for bad input instead of throwing.
 *
 * @example
 * ```ts
 * const result = await safeEvaluate({ considerations: { suspicion: 'maybe' } });
 * if (!result.ok) console.log(result.error.issues.map((i) => i.message.nl));
 * ```
 */
export async function safeEvaluate(input: unknown, options?: EvaluateOptions): Promise<SafeEvaluateResult> {
  try {
    return { ok: true, decision: await evaluate(input, options) };
  } catch (error) {
    if (error instanceof MeldcodeInputError) return { ok: false, error };
    throw error;
  }
}

function assemble(
  compiled: CompiledFramework,
  facts: unknown,
  trail: Decision['trail'],
  lang: Lang,
  receipt: Decision['receipt'],
): Decision {
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
