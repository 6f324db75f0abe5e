import * as z from 'zod/mini';
import { ageIssues } from '../case/age.js';
import { type Case, type CaseInput, caseSchema } from '../case/schema.js';
import { evaluationDateOption, todayInAmsterdam } from '../case/date.js';
import { echo, fromZodIssues, type InputIssue, MeldcodeFrameworkError, MeldcodeInputError } from '../errors/errors.js';
import { type Framework, type FrameworkInput, contradictionIssues, indicatorCodes, parseFramework, shippedIdIssues, trialCompileIssues, userRoles } from '../frameworks/framework.js';
import { propertyPath } from '../rules/compile.js';
import type { Lang } from '../rules/trail.js';
import { moduleRuleIdIssues } from './module-ids.js';
import { decide, runPipeline } from './pipeline.js';
import type { Decision } from './types.js';
import type { FrameworkRef } from '../authoring/ids.js';

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
  framework?: FrameworkRef;
}

const optionsSchema = z.strictObject({
  lang: z.optional(z.enum(['nl', 'en'])),
  evaluationDate: z.optional(evaluationDateOption),
  framework: z.optional(z.union([z.string(), z.looseObject({})])),
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
  if (!parsed.success) for (const issue of fromZodIssues(parsed.error.issues)) issues.push(issue);
  // A date of birth after the evaluation date, or an age that contradicts it.
  if (parsed.success) for (const issue of ageIssues(parsed.data.client, resolveDate(dateOption, parsed.data.evaluationDate))) issues.push(issue);

  // Checks that need the framework run on the raw input too, so one error lists every problem.
  // A valid case is read from zod's copy, so a getter on the input is not read a second time.
  const raw = (parsed.success ? parsed.data : input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const named = Object.hasOwn(raw, 'framework') ? raw.framework : undefined;
  const rawId = named ?? given?.id ?? resolver.defaultId;
  const frameworkTypeIssue = issues.some((i) => i.path.length === 1 && i.path[0] === 'framework');
  let framework = given;
  // An alias (psychologen-pedagogen for sociaal-domein) names the same document: no mismatch.
  const sameDocument = (id: string) => id === given?.id || (resolver.has(id) && resolver.get(id) === given);
  if (given && typeof rawId === 'string' && !sameDocument(rawId) && !frameworkTypeIssue) {
    issues.push({
      path: ['framework'],
      code: 'framework-mismatch',
      message: {
        nl: `de casus noemt afwegingskader "${echo(rawId)}", maar wordt beoordeeld met "${echo(given.id)}"`,
        en: `the case names framework "${echo(rawId)}" but is evaluated with "${echo(given.id)}"`,
      },
    });
  } else if (!given && typeof rawId === 'string' && !frameworkTypeIssue) {
    if (resolver.has(rawId)) framework = resolver.get(rawId);
    else issues.push(resolver.unknownIssue(echo(rawId)));
  }
  if (framework) {
    const frameworkId = framework.id;
    const known = indicatorCodes(framework);
    // The codes zod passed on, and those of the input too: zod drops a `__proto__` key.
    const codes = new Set([...indicatorKeys(raw), ...indicatorKeys(input)]);
    for (const code of codes) {
      if (!known.has(code)) {
        issues.push({
          path: ['considerations', 'indicators', code],
          code: 'unknown-indicator',
          message: {
            nl: `onbekende indicator "${echo(code)}" in afwegingskader "${echo(frameworkId)}"`,
            en: `unknown indicator "${echo(code)}" in framework "${echo(frameworkId)}"`,
          },
        });
      }
    }
    // The user's role must be one of this framework's: another framework's role would name the wrong duties.
    const role = propertyPath(raw, 'professional.role');
    const roles = typeof role === 'string' ? userRoles(framework).map((r) => r.id) : [];
    if (typeof role === 'string' && !roles.includes(role)) {
      const known = roles.length > 0 ? { nl: `bekend zijn: ${roles.join(', ')}`, en: `its roles: ${roles.join(', ')}` } : { nl: 'dit afwegingskader noemt geen rollen', en: 'this framework names no roles' };
      issues.push({
        path: ['professional', 'role'],
        code: 'unknown-role',
        message: {
          nl: `onbekende rol "${echo(role)}" in afwegingskader "${echo(frameworkId)}"; ${known.nl}`,
          en: `unknown role "${echo(role)}" in framework "${echo(frameworkId)}"; ${known.en}`,
        },
      });
    }
  }
  if (framework && parsed.success) for (const issue of contradictionIssues(framework, parsed.data.considerations, parsed.data.client)) issues.push(issue);
  if (issues.length > 0 || !parsed.success || !framework) throw new MeldcodeInputError(issues);
  return { data: parsed.data, framework };
}

/** The keys of `considerations.indicators`, if it is an object. */
function indicatorKeys(input: unknown): string[] {
  const indicators = propertyPath(input, 'considerations.indicators');
  return indicators !== null && typeof indicators === 'object' && !Array.isArray(indicators) ? Object.keys(indicators) : [];
}

function resolveDate(option: string | Date | undefined, fromCase: string | undefined): string {
  if (option instanceof Date) return todayInAmsterdam(option);
  return option ?? fromCase ?? todayInAmsterdam();
}

/** A case ready for the pipeline: validated, with its framework, language and evaluation date. */
export interface PreparedCase {
  readonly data: Case;
  readonly framework: Framework;
  readonly lang: Lang;
  readonly evaluationDate: string;
}

/**
 * Validates the options and the case and resolves the framework; every problem, in the case and
 * in the options, is collected into one {@link MeldcodeInputError}.
 */
export function prepareCase(input: unknown, rawOptions: unknown, resolver: FrameworkResolver): PreparedCase {
  // Each option is read once, from a snapshot: a getter cannot name one framework to the
  // validation and another to the receipt.
  const options = snapshot(rawOptions ?? {});
  const opts = optionsSchema.safeParse(options);
  const optionIssues = opts.success ? [] : fromZodIssues(opts.error.issues, ['options']);
  let given: Framework | undefined;
  // The framework object as the caller passed it, not zod's copy of it: a framework document is
  // validated and compiled once per object, so the object itself is the cache key.
  const option = opts.success ? (options as { framework?: string | object } | undefined)?.framework : undefined;
  if (typeof option === 'string') {
    if (resolver.has(option)) given = resolver.get(option);
    else optionIssues.push({ ...resolver.unknownIssue(echo(option)), path: ['options', 'framework'] });
  } else if (option !== undefined) {
    try {
      given = parsedFrameworks.get(option);
      if (!given) {
        const parsed = parseFramework(option);
        const compileIssues = [...shippedIdIssues(parsed), ...moduleRuleIdIssues(parsed), ...trialCompileIssues(parsed)];
        if (compileIssues.length > 0) throw new MeldcodeFrameworkError(compileIssues);
        given = parsed;
      }
      parsedFrameworks.set(option, given);
    } catch (error) {
      if (!(error instanceof MeldcodeInputError)) throw error;
      for (const found of error.issues) optionIssues.push({ ...found, path: ['options', 'framework', ...found.path] });
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
  return {
    data: parsed.data,
    framework: parsed.framework,
    lang: opts.data.lang ?? 'nl',
    evaluationDate: resolveDate(opts.data.evaluationDate, parsed.data.evaluationDate),
  };
}

/** A copy of an object's own enumerable properties (each read once); anything else as it is. */
function snapshot(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : value;
}

/** The evaluation itself, with frameworks found through `resolver`: synchronous, on the compiled rules. */
export function evaluateCase(input: unknown, options: unknown, resolver: FrameworkResolver): Decision {
  return runPipeline(decide(prepareCase(input, options, resolver)));
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
 * const decision = evaluateWith(artsen, { considerations: { suspicion: false } });
 * decision.outcome; // 'close-and-record'
 * ```
 */
export function evaluateWith(
  framework: Framework | FrameworkInput,
  input: CaseInput,
  options: Omit<EvaluateOptions, 'framework'> = {},
): Decision {
  return evaluateCase(input, { ...options, framework }, singleFramework(framework));
}

/** A resolver that knows just one framework (for {@link evaluateWith}). */
export function singleFramework(framework: Framework | FrameworkInput): FrameworkResolver {
  return {
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
}

/**
 * Like {@link evaluateWith}, but returns `{ ok: false, error }` for bad input instead of throwing.
 *
 * @example
 * ```ts
 * const result = safeEvaluateWith(myFramework, { considerations: { suspicion: 'x' } });
 * if (!result.ok) console.log(result.error.issues[0].path);
 * ```
 */
export function safeEvaluateWith(
  framework: Framework | FrameworkInput,
  input: unknown,
  options?: Omit<EvaluateOptions, 'framework'>,
): SafeEvaluateResult {
  try {
    return { ok: true, decision: evaluateWith(framework, input as CaseInput, options) };
  } catch (error) {
    if (error instanceof MeldcodeInputError) return { ok: false, error };
    throw error;
  }
}

