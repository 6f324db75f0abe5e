import * as z from 'zod/mini';
import { isoDate } from '../case/schema.js';
import { fromZodIssues, type InputIssueCode, MeldcodeFrameworkError } from '../errors/errors.js';
import { canonicalJson } from '../rules/canonical.js';
import { sha256Hex } from '../rules/sha256.js';
import { type CompiledRules, compileRules, runRules } from '../rules/compile.js';
import { frameworkLimitIssues } from './limits.js';
import { deepFreeze } from '../rules/freeze.js';
import {
  type Condition,
  type Effect,
  type IndicatorKind,
  indicatorKinds,
  kebabId,
  type RuleFile,
  ruleFileSchema,
  type Source,
  sourceSchema,
  type Text,
  textSchema,
} from '../rules/schema.js';
import floorRulesJson from './floor/afwegingskader.rules.json';
import parentFactorsJson from './floor/parent-factors.json';
import floorStepsJson from './floor/steps.json';
import { floorIssues } from './floor/check.js';
import shippedHashes from './shipped.json';

/** An indicator: a situation from the framework's lists; answered yes, it is itself a reason. */
export interface Indicator {
  /** Stable code; the case answers it under `considerations.indicators[code]`. */
  code: string;
  /** Which form of unsafety it indicates. */
  kind: IndicatorKind;
  /** The indicator as a professional reads it. */
  text: Text;
  /** Where the indicator comes from. */
  source: Source;
}

export const indicatorSchema = z.strictObject({
  code: kebabId,
  kind: z.enum(indicatorKinds),
  text: textSchema,
  source: sourceSchema,
});

/** A role in an organisation's meldcode (Bijlage 1c): who takes a step, who decides, who advises. */
export const roleSchema = z.strictObject({
  /** Stable id; steps name the role by it. */
  id: kebabId,
  name: textSchema,
  /** Where the role comes from (a profession's document, or the organisation's own meldcode). */
  source: z.optional(sourceSchema),
});

/** How binding a step requirement is, from least to most strict. */
export const requirementLevels = ['not-applicable', 'where-needed', 'required'] as const;
/** How binding a step requirement is: `not-applicable` < `where-needed` < `required`. */
export type RequirementLevel = (typeof requirementLevels)[number];

/** Something a step asks of the professional (e.g. ask Veilig Thuis for advice in step 2). */
export const stepRequirementSchema = z.strictObject({
  /** Stable id; a framework that names a floor requirement's id may only make it stricter. */
  id: kebabId,
  level: z.enum(requirementLevels),
  /** Whom it applies to when that is only part of the profession (e.g. dentists). */
  appliesTo: z.optional(textSchema),
  text: textSchema,
  source: sourceSchema,
});

/** The specifics of one of the five steps: who takes it, who decides (step 5), who is informed, what it requires. */
export const stepSchema = z.strictObject({
  step: z.int().check(z.gte(1)).check(z.lte(5)),
  /** Role ids of those who take this step. */
  takenBy: z.optional(z.array(kebabId)),
  /** Step 5 only: role ids of those who decide on the report (Bijlage 1c). */
  decidedBy: z.optional(z.array(kebabId)),
  /** Role ids of those who are informed in this step. */
  informed: z.optional(z.array(kebabId)),
  requirements: z.optional(z.array(stepRequirementSchema)),
  source: z.optional(sourceSchema),
});

/** A documented example (vignette) with the case it stands for and the outcome the framework reaches. */
export const exampleSchema = z.strictObject({
  id: kebabId,
  /** The vignette, in the source's own words (nl) and translated (en). */
  text: textSchema,
  source: sourceSchema,
  /** The case as this library reads the vignette; validated when evaluated. */
  case: z.record(z.string(), z.unknown()),
  /** What the framework's norm is for this case. */
  expect: z.strictObject({
    outcome: z.enum(['out-of-scope', 'close-and-record', 'report', 'help', 'report-and-help', 'needs-input']),
    necessary: z.nullable(z.boolean()),
    norms: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  }),
});

/** A question that helps the professional answer one of the five considerations; shown, never evaluated. */
export const guidingQuestionSchema = z.strictObject({
  code: kebabId,
  consideration: z.int().check(z.gte(1)).check(z.lte(5)),
  text: textSchema,
  /** The case fact whose answer it helps to give (e.g. `considerations.help.history`). Guidance only. */
  relatesTo: z.optional(z.string().check(z.regex(/^considerations(?:\.[A-Za-z]+)+$/))),
  source: sourceSchema,
});

/** A profession's framework (*afwegingskader*) as a JSON document. */
export const frameworkSchema = z
  .strictObject({
    /** The JSON Schema the file follows (`meldcode/schema/framework.schema.json`), for editors. */
    $schema: z.optional(z.string()),
    id: kebabId,
    /** Version of this encoding of the framework. */
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'expected a version like 1.0.0')),
    /** The date from which the framework applies (`YYYY-MM-DD`). */
    validFrom: isoDate,
    name: textSchema,
    description: z.optional(textSchema),
    /** The associations or bodies that published it. */
    publishers: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** A *signaller* (no help of its own, e.g. a teacher) or a *helper* (Basisdocument ch. 1). */
    role: z.enum(['signaller', 'helper']),
    source: sourceSchema,
    /** Further sources the framework draws on (e.g. the public pages of a profession's meldcode). */
    sources: z.optional(z.array(sourceSchema)),
    /** The framework this one extends (organisation tailoring), by id and version. */
    extends: z.optional(z.strictObject({ id: kebabId, version: z.string().check(z.minLength(1)) })),
    /** Who may give consent to share data: from 16 (privacy law) or from 12 (Jeugdwet, WGBO); 000 §3.2 NB 1. */
    consent: z.optional(z.strictObject({ regime: z.enum(['privacy-16', 'jeugdwet-wgbo-12']), source: sourceSchema })),
    /**
     * How a client's objection to a report that is the norm weighs (DESIGN §6.5), cited from the
     * framework's own source: `faq-004` (the FAQ's exception for the considered and free objection
     * of an adult victim of domestic violence) or `weighing` (the professional's recorded weighing
     * decides). Absent: the source does not settle it; the library applies the weighing and says so.
     */
    objectionRegime: z.optional(z
      .strictObject({
        regime: z.enum(['faq-004', 'weighing']),
        source: sourceSchema,
        /**
         * `faq-004`: the codes of the acute indicators that point to danger to life. Answered yes
         * beside "no serious danger", the exception needs a recorded reason.
         */
        threatToLifeIndicators: z.optional(z.array(kebabId)),
      })),
    /** The profession's own labels for the five considerations (e.g. KNMG: Vermoeden, Veiligheid, …). */
    questionLabels: z.optional(z
      .array(z.strictObject({ consideration: z.int().check(z.gte(1)).check(z.lte(5)), label: textSchema, source: sourceSchema }))),
    /** Roles in the organisation's meldcode (Bijlage 1c). */
    roles: z.optional(z.array(roleSchema)),
    /** Step specifics: roles per step, who decides in step 5, requirements. */
    steps: z.optional(z.array(stepSchema)),
    /** The designated officer (*aandachtsfunctionaris*): a role id, what the officer does. */
    designatedOfficer: z.optional(z.strictObject({ role: kebabId, tasks: z.optional(textSchema), source: sourceSchema })),
    /** Its acute, structural and disclosure indicators (the parent factors come from the floor). */
    indicators: z.array(indicatorSchema),
    /** Questions that help answer a consideration; shown with it, never evaluated. */
    guidingQuestions: z.optional(z.array(guidingQuestionSchema)),
    /** Documented example vignettes, each with its case and expected outcome. */
    examples: z.optional(z.array(exampleSchema)),
    /** What the profession's own document would add but the sources at hand lack; never invented rules. */
    openItems: z.optional(z.array(z.strictObject({ id: kebabId, text: textSchema, source: z.optional(sourceSchema) }))),
    /** Parts of an older source this framework does not follow, and why. */
    superseded: z.optional(z.array(z.strictObject({ part: textSchema, reason: textSchema, source: sourceSchema }))),
    /** Rules the framework adds to the floor. */
    rules: z.optional(ruleFileSchema),
  }).check(z.superRefine((fw, ctx) => {
    for (const kind of ['acute', 'structural'] as const) {
      if (!fw.indicators.some((i) => i.kind === kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators'],
          message: `a framework lists at least one ${kind} indicator (Basisdocument ch. 3: explicit examples; floor rule afweging-2-ja-norm-1 reads them)`,
        });
      }
    }
    const roleIds = new Set((fw.roles ?? []).map((r) => r.id));
    const checkRoles = (ids: readonly string[] | undefined, path: (string | number)[]) =>
      ids?.forEach((id, i) => {
        if (!roleIds.has(id)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown role "${id}"; declare it under roles` });
      });
    const seenSteps = new Set<number>();
    fw.steps?.forEach((step, index) => {
      if (seenSteps.has(step.step)) ctx.addIssue({ code: 'custom', path: ['steps', index, 'step'], message: `step ${step.step} is listed twice` });
      seenSteps.add(step.step);
      checkRoles(step.takenBy, ['steps', index, 'takenBy']);
      checkRoles(step.decidedBy, ['steps', index, 'decidedBy']);
      checkRoles(step.informed, ['steps', index, 'informed']);
      if (step.decidedBy && step.step !== 5) {
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'decidedBy'], message: 'only step 5 has a decision on the report' });
      }
    });
    if (fw.designatedOfficer) checkRoles([fw.designatedOfficer.role], ['designatedOfficer', 'role']);
    const acuteCodes = new Set(fw.indicators.filter((i) => i.kind === 'acute').map((i) => i.code));
    fw.objectionRegime?.threatToLifeIndicators?.forEach((code, i) => {
      if (!acuteCodes.has(code)) ctx.addIssue({ code: 'custom', path: ['objectionRegime', 'threatToLifeIndicators', i], message: `"${code}" is not an acute indicator of this framework` });
    });
    if (fw.objectionRegime?.threatToLifeIndicators && fw.objectionRegime.regime !== 'faq-004') {
      ctx.addIssue({ code: 'custom', path: ['objectionRegime', 'threatToLifeIndicators'], message: 'threat-to-life indicators belong to the faq-004 regime' });
    }
    const unique = <T>(items: readonly T[] | undefined, key: (t: T) => string | number, path: string, field: string) => {
      const seen = new Set<string | number>();
      items?.forEach((item, i) => {
        const k = key(item);
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, i, field], message: `"${k}" is listed twice` });
        seen.add(k);
      });
    };
    unique(fw.roles, (r) => r.id, 'roles', 'id');
    unique(fw.indicators, (i) => i.code, 'indicators', 'code');
    unique(fw.guidingQuestions, (q) => q.code, 'guidingQuestions', 'code');
    unique(fw.examples, (e) => e.id, 'examples', 'id');
    unique(fw.questionLabels, (l) => l.consideration, 'questionLabels', 'consideration');
  }));
/** A validated framework document. */
export type Framework = z.output<typeof frameworkSchema>;
/** A framework document as written. */
export type FrameworkInput = z.input<typeof frameworkSchema>;

/** A requirement of one of the five steps, with the step it belongs to. */
export type StepRequirement = z.output<typeof stepRequirementSchema> & { step: number };

/** The floor every framework inherits: the five considerations, the parent factors and the step requirements. */
export interface Floor {
  /** The afwegingskader's rules; those marked `floor: true` are the legal floor. */
  rules: RuleFile;
  /** The serious parent factors (Basisdocument ch. 4). */
  indicators: Indicator[];
  /** What the steps require of every profession (000 §Stap 2, §Stap 4). */
  requirements: StepRequirement[];
}
let floor: Floor | undefined;
/**
 * The floor, as shipped: trusted at run time (`test/modules.test.ts` validates each of its files
 * against its schema) and deeply frozen.
 */
export function getFloor(): Floor {
  floor ??= deepFreeze({
    rules: floorRulesJson as unknown as RuleFile,
    indicators: parentFactorsJson.indicators as unknown as Indicator[],
    requirements: floorStepsJson.requirements as unknown as StepRequirement[],
  });
  return floor;
}

/** The floor's files with their schemas, for the test that validates them. */
export const floorFileSchemas = {
  rules: () => ruleFileSchema,
  indicators: () => z.array(indicatorSchema),
  requirements: () => z.array(z.extend(stepRequirementSchema, { step: z.int().check(z.gte(1)).check(z.lte(5)) })),
};

/** Every indicator code a case may answer under this framework: the floor's and its own. */
export function indicatorCodes(framework: Framework): Set<string> {
  return new Set([...getFloor().indicators, ...framework.indicators].map((i) => i.code));
}

/** The unsafety kind of each acute, structural and disclosure indicator of a framework, by code. */
export function unsafetyIndicatorKinds(framework: Framework): Map<string, 'acute' | 'structural' | 'disclosure'> {
  const kinds = new Map<string, 'acute' | 'structural' | 'disclosure'>();
  for (const i of framework.indicators) if (i.kind !== 'parent-factor') kinds.set(i.code, i.kind);
  return kinds;
}

/**
 * Answers that contradict each other: an indicator of acute, structural or disclosure unsafety
 * answered yes while that form of unsafety itself is answered no. Each is an input issue naming
 * both answers; the professional reconciles them (an indicator answered yes is a reason to report).
 */
export function contradictionIssues(
  framework: Framework,
  considerations:
    | {
        suspicion?: boolean | undefined;
        unsafety?: Partial<Record<'acute' | 'structural' | 'disclosure', boolean | undefined>> | undefined;
        indicators?: Record<string, boolean> | undefined;
      }
    | undefined,
  client?: { caresForMinor?: boolean | undefined } | undefined,
): { path: (string | number)[]; code: InputIssueCode; message: { nl: string; en: string } }[] {
  const issues: { path: (string | number)[]; code: InputIssueCode; message: { nl: string; en: string } }[] = [];
  const kinds = unsafetyIndicatorKinds(framework);
  const label = {
    acute: { nl: 'acute onveiligheid', en: 'acute unsafety' },
    structural: { nl: 'structurele onveiligheid', en: 'structural unsafety' },
    disclosure: { nl: 'disclosure', en: 'disclosure' },
  };
  for (const [code, answer] of Object.entries(considerations?.indicators ?? {})) {
    const kind = kinds.get(code);
    if (answer !== true || !kind || considerations?.unsafety?.[kind] !== false) continue;
    issues.push({
      path: ['considerations', 'indicators', code],
      code: 'contradiction',
      message: {
        nl: `indicator "${code}" van ${label[kind].nl} is met ja beantwoord, maar considerations.unsafety.${kind} met nee; breng de antwoorden in overeenstemming`,
        en: `indicator "${code}" of ${label[kind].en} is answered yes, but considerations.unsafety.${kind} no; reconcile the answers`,
      },
    });
  }
  // No suspicion (afweging 1 no) beside a sign of acute or structural unsafety: a norm-1 answer
  // would be closed silently. The professional reconciles them (001 ch. 3: afweging 2 follows a suspicion).
  if (considerations?.suspicion === false) {
    const noSuspicion = (path: (string | number)[], nl: string, en: string) =>
      issues.push({
        path,
        code: 'contradiction',
        message: {
          nl: `${nl} is met ja beantwoord, maar considerations.suspicion (afweging 1: een vermoeden) met nee; breng de antwoorden in overeenstemming`,
          en: `${en} is answered yes, but considerations.suspicion (consideration 1: a suspicion) no; reconcile the answers`,
        },
      });
    for (const kind of ['acute', 'structural', 'disclosure'] as const) {
      if (considerations.unsafety?.[kind] === true) noSuspicion(['considerations', 'unsafety', kind], `considerations.unsafety.${kind}`, `considerations.unsafety.${kind}`);
    }
    const parentFactors = new Set(getFloor().indicators.filter((i) => i.kind === 'parent-factor').map((i) => i.code));
    for (const [code, answer] of Object.entries(considerations.indicators ?? {})) {
      if (answer !== true) continue;
      const kind = kinds.get(code);
      if (kind) noSuspicion(['considerations', 'indicators', code], `indicator "${code}" van ${label[kind].nl}`, `indicator "${code}" of ${label[kind].en}`);
      else if (parentFactors.has(code) && client?.caresForMinor === true) {
        noSuspicion(
          ['considerations', 'indicators', code],
          `de ernstige ouderfactor "${code}" (bij een cliënt die voor minderjarige kinderen zorgt)`,
          `the serious parent factor "${code}" (for a client who cares for minor children)`,
        );
      }
    }
  }
  return issues;
}

/** A framework ready to evaluate: its engine, indicators and the hash of its rule files. */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly rules: CompiledRules<Effect>;
  /** Every indicator, the floor's parent factors included, by code. */
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** The rule files the engine runs, in order: floor, generated indicator rules, the framework's own. */
  readonly ruleFiles: readonly RuleFile[];
  /** SHA-256 (hex) over the canonical JSON of the framework document and the floor it inherits. */
  readonly hash: string;
}

/**
 * Validates a framework document and checks it keeps the legal floor; every problem is listed
 * with its path, and a floor problem names the floor rule it touches.
 */
export function parseFramework(input: unknown): Framework {
  // Limits first: a hostile document must not reach zod, the floor check or the compiler.
  const limits = frameworkLimitIssues(input, getFloor().rules.conditions ?? {});
  if (limits.length > 0) throw new MeldcodeFrameworkError(limits);
  const result = frameworkSchema.safeParse(input);
  if (!result.success) throw new MeldcodeFrameworkError(fromZodIssues(result.error.issues));
  const issues = floorIssues(result.data);
  if (issues.length > 0) throw new MeldcodeFrameworkError(issues);
  return result.data;
}

const indicatorLeaf = (code: string): Condition => ({
  fact: 'considerations',
  path: `indicators.${code}`,
  operator: 'equal',
  value: true,
});

const anyIndicator = (indicators: readonly Indicator[]): Condition => ({
  fact: 'considerations',
  path: 'indicators',
  operator: 'anyTrue',
  value: indicators.map((i) => i.code),
});

const kindLabel: Record<Indicator['kind'], { nl: string; en: string }> = {
  acute: { nl: 'acute onveiligheid', en: 'acute unsafety' },
  structural: { nl: 'structurele onveiligheid', en: 'structural unsafety' },
  disclosure: { nl: 'disclosure', en: 'disclosure' },
  'parent-factor': { nl: 'ernstige ouderfactor', en: 'serious parent factor' },
};

/** One rule per indicator, and the named conditions the floor reads them through. */
function indicatorRules(indicators: readonly Indicator[]): RuleFile {
  const acuteOrStructural = indicators.filter((i) => i.kind === 'acute' || i.kind === 'structural');
  const disclosure = indicators.filter((i) => i.kind === 'disclosure');
  const parent = indicators.filter((i) => i.kind === 'parent-factor');
  return {
    id: 'indicators',
    conditions: {
      // A disclosure indicator counts as acute unsafety unless the disclosure is about the past and the victim is safe now (000 Bijlage 2).
      'indicator-unsafety': {
        any: [anyIndicator(acuteOrStructural), { all: [anyIndicator(disclosure), { not: { condition: 'disclosure-past-and-safe-now' } }] }],
      },
      'indicator-disclosure': { all: [anyIndicator(disclosure)] },
      'parent-factor-present': { all: [anyIndicator(parent)] },
    },
    rules: indicators.map((i) => ({
      id: `indicator-${i.code}`,
      priority: 90,
      conditions: { all: [indicatorLeaf(i.code)] },
      event: { type: 'indicator', params: { kind: i.kind, code: i.code } },
      explanation: {
        nl: `Indicator van ${kindLabel[i.kind].nl} met ja beantwoord: ${i.text.nl}`,
        en: `Indicator of ${kindLabel[i.kind].en} answered yes: ${i.text.en}`,
      },
      source: i.source,
    })),
  };
}

/**
 * Compiles a framework with the floor it inherits into one engine. A framework that would
 * remove or weaken the floor (see {@link floorIssues}) is rejected with the floor rule named.
 */
export function compileFramework(framework: Framework): CompiledFramework {
  const { rules: floorRules, indicators: floorIndicators } = getFloor();
  const issues = floorIssues(framework);
  if (issues.length > 0) throw new MeldcodeFrameworkError(issues);
  const indicators = new Map<string, Indicator>();
  for (const indicator of [...floorIndicators, ...framework.indicators]) indicators.set(indicator.code, indicator);

  const ruleFiles = [floorRules, indicatorRules([...indicators.values()]), ...(framework.rules ? [framework.rules] : [])];
  // `$schema` only points an editor at the file format; it is not part of what decides.
  const { $schema: _schema, ...content } = framework;
  const hash = sha256Hex(canonicalJson({ floor: { rules: floorRules, indicators: floorIndicators }, framework: content }));
  return { framework, rules: compileRules(ruleFiles), indicators, ruleFiles, hash };
}

/**
 * Compiles a validated framework and runs every rule once on an empty case: the proof that it can
 * run. A named condition that is missing or refers to itself is an issue here, never an exception
 * at evaluation time.
 */
export function trialCompileIssues(framework: Framework): { path: (string | number)[]; code: InputIssueCode; message: { nl: string; en: string } }[] {
  try {
    runRules(getCompiledFramework(framework).rules, {}, 'nl');
    return [];
  } catch (error) {
    if (error instanceof MeldcodeFrameworkError) return [...error.issues];
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    return [
      {
        path: ['rules'],
        code: 'rules-do-not-compile',
        message: { nl: `de regels zijn niet te compileren: ${message}`, en: `the rules do not compile: ${message}` },
      },
    ];
  }
}

/**
 * Whether a framework is one shipped with this version of the library, unmodified: its compiled
 * hash (framework and floor) is the one `src/frameworks/shipped.json` records for its id. That file
 * is generated (`npm run docs:frameworks`) and checked fresh by the tests; it holds hashes only, so
 * no framework's text is bundled for this.
 */
export function isShippedUnmodified(framework: Framework): boolean {
  return Object.hasOwn(shippedHashes, framework.id) && (shippedHashes as Record<string, string>)[framework.id] === getCompiledFramework(framework).hash;
}

/**
 * A framework document that keeps a shipped id but changes its content would pass for the shipped
 * framework in every text but the receipt's hash: refused. A tailored framework takes an id of its
 * own (as `extendFramework` asks).
 */
export function shippedIdIssues(framework: Framework): { path: (string | number)[]; code: InputIssueCode; message: { nl: string; en: string } }[] {
  if (!Object.hasOwn(shippedHashes, framework.id) || isShippedUnmodified(framework)) return [];
  return [
    {
      path: ['id'],
      code: 'shipped-id-modified',
      message: {
        nl: `"${framework.id}" is een meegeleverd afwegingskader; een aangepaste versie krijgt een eigen id`,
        en: `"${framework.id}" is a shipped framework; a modified version needs an id of its own`,
      },
    },
  ];
}

const compiledFrameworks = new WeakMap<Framework, CompiledFramework>();

/** The compiled rules for a framework, built once per framework object and reused. */
export function getCompiledFramework(framework: Framework): CompiledFramework {
  let compiled = compiledFrameworks.get(framework);
  if (!compiled) {
    compiled = compileFramework(framework);
    compiledFrameworks.set(framework, compiled);
  }
  return compiled;
}
