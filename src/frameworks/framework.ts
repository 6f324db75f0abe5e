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
  minLength,
} from '../rules/schema.js';
import floorRulesJson from './floor/afwegingskader.rules.json';
import parentFactorsJson from './floor/parent-factors.json';
import floorExamplesJson from './floor/examples.json';
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
  /** The framework's role ids it applies to (e.g. `tandarts`); absent: every role. Declared under `roles`. */
  roles: z.optional(z.array(kebabId)),
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

/**
 * A helping question (*helpende vraag*, 000 Bijlage 2: "helpende vragen bij de betreffende
 * afwegingsvraag die de professional zichzelf in een concrete situatie kan stellen"; "geen
 * checklist die tot ‘ja’ of ‘nee’ leidt"). It belongs to one afweging (2 to 5) and has its own
 * polarity: `concern` is the answer that is a concern. A concerning answer is a reason in the
 * trail and makes that afweging the next question for the professional, whose own answer decides;
 * answering the afweging against the concern is allowed, asks for the reason to be recorded and
 * leaves "consult Veilig Thuis" open. A helping question alone never yields a report, except
 * through `sameAs`: a helping question that states the same fact as an acute or structural
 * example (a floor example) counts, answered yes, as that example (ruling C, DESIGN §6.3).
 * Answered under `considerations.indicators[code]`.
 */
export const guidingQuestionSchema = z.strictObject({
  code: kebabId,
  consideration: z.int().check(z.gte(2)).check(z.lte(5)),
  /** The answer that is a concern: `yes` for "Is er sprake van …?", `no` for "Is er voldoende zicht …?". */
  concern: z.enum(['yes', 'no']),
  /** Afweging 2 only: the form of unsafety it helps to judge; its direct question is asked first. */
  kind: z.optional(z.enum(['acute', 'structural', 'disclosure'])),
  /** The code of an acute or structural example (indicator) of this framework that states the same fact: yes to this question is yes to it. */
  sameAs: z.optional(kebabId),
  /** Why it is read as the same fact, or as a helping question at all (the classification, in words). */
  reading: z.optional(textSchema),
  text: textSchema,
  /** The case fact of the afweging whose answer it helps to give (e.g. `considerations.help.history`); asked when the concern is there. */
  relatesTo: z.optional(z.string().check(z.regex(/^considerations(?:\.[A-Za-z]+)+$/))),
  source: sourceSchema,
});

/** A validated helping question. */
export interface GuidingQuestion extends z.output<typeof guidingQuestionSchema> {}

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
    publishers: z.array(z.string().check(minLength(1))).check(minLength(1)),
    /** A *signaller* (no help of its own, e.g. a teacher) or a *helper* (Basisdocument ch. 1). */
    role: z.enum(['signaller', 'helper']),
    source: sourceSchema,
    /** Further sources the framework draws on (e.g. the public pages of a profession's meldcode). */
    sources: z.optional(z.array(sourceSchema)),
    /** The framework this one extends (organisation tailoring), by id and version. */
    extends: z.optional(z.strictObject({ id: kebabId, version: z.string().check(minLength(1)) })),
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
    /**
     * Helping questions (*helpende vragen*) per afweging, each with its polarity: a concerning
     * answer is a reason and asks the afweging of the professional; never a report by itself,
     * except through `sameAs` (ruling C).
     */
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
      step.requirements?.forEach((r, i) => checkRoles(r.roles, ['steps', index, 'requirements', i, 'roles']));
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
    const indicatorByCode = new Map(fw.indicators.map((i) => [i.code, i]));
    fw.guidingQuestions?.forEach((q, i) => {
      const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['guidingQuestions', i, field], message });
      if (indicatorByCode.has(q.code)) issue('code', `"${q.code}" is an indicator code too; a helping question needs a code of its own (link it with sameAs)`);
      if (q.kind && q.consideration !== 2) issue('kind', 'only a helping question of consideration 2 names a form of unsafety');
      if (q.sameAs !== undefined) {
        const target = indicatorByCode.get(q.sameAs);
        if (!target || (target.kind !== 'acute' && target.kind !== 'structural')) issue('sameAs', `"${q.sameAs}" is not an acute or structural indicator of this framework`);
        if (q.consideration !== 2) issue('sameAs', 'only a helping question of consideration 2 can state the same fact as an example of unsafety');
        if (q.concern !== 'yes') issue('sameAs', 'a helping question linked to an example is a concern when answered yes');
      }
    });
    unique(fw.examples, (e) => e.id, 'examples', 'id');
    unique(fw.questionLabels, (l) => l.consideration, 'questionLabels', 'consideration');
  }));
/** A validated framework document. */
export interface Framework extends z.output<typeof frameworkSchema> {}
/** A framework document as written. */
export interface FrameworkInput extends z.input<typeof frameworkSchema> {}

/** A requirement of one of the five steps, with the step it belongs to. */
export interface StepRequirement extends z.output<typeof stepRequirementSchema> {
  step: number;
}

/** The floor every framework inherits: the five considerations, the parent factors and the step requirements. */
export interface Floor {
  /** The afwegingskader's rules; those marked `floor: true` are the legal floor. */
  rules: RuleFile;
  /** The serious parent factors (Basisdocument ch. 4). */
  indicators: Indicator[];
  /** What the steps require of every profession (000 §Stap 2, §Stap 4). */
  requirements: StepRequirement[];
  /**
   * The floor examples (ruling C, DESIGN §6.3): 001 ch. 3's examples of acute unsafety and 001
   * ch. 4's repetition norm. Every framework lists each of them as it stands here; answered yes,
   * each is afweging 2 yes (norm 1). That they are floor is the library's choice, declared in
   * `examplesDeclaration`.
   */
  examples: Indicator[];
  /** Why the floor examples are floor: the library's choice, with the passage it rests on. */
  examplesDeclaration: { text: Text; source: Source };
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
    examples: floorExamplesJson.indicators as unknown as Indicator[],
    examplesDeclaration: { text: floorExamplesJson.declaration, source: floorExamplesJson.declarationSource as Source },
  });
  return floor;
}

/** The floor's files with their schemas, for the test that validates them. */
export const floorFileSchemas = {
  rules: () => ruleFileSchema,
  indicators: () => z.array(indicatorSchema),
  requirements: () => z.array(z.extend(stepRequirementSchema, { step: z.int().check(z.gte(1)).check(z.lte(5)) })),
  examples: () => z.array(indicatorSchema),
};

/** Every code a case may answer under `considerations.indicators` in this framework: the floor's parent factors, its indicators and its helping questions. */
export function indicatorCodes(framework: Framework): Set<string> {
  return new Set([...[...getFloor().indicators, ...framework.indicators].map((i) => i.code), ...(framework.guidingQuestions ?? []).map((q) => q.code)]);
}

/**
 * The unsafety kind of each acute, structural and disclosure indicator of a framework, by code,
 * and of each helping question linked to one (`sameAs`): answered yes, each is that unsafety.
 */
export function unsafetyIndicatorKinds(framework: Framework): Map<string, 'acute' | 'structural' | 'disclosure'> {
  const kinds = new Map<string, 'acute' | 'structural' | 'disclosure'>();
  for (const i of framework.indicators) if (i.kind !== 'parent-factor') kinds.set(i.code, i.kind);
  for (const q of framework.guidingQuestions ?? []) {
    const kind = q.sameAs === undefined ? undefined : kinds.get(q.sameAs);
    if (kind) kinds.set(q.code, kind);
  }
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
  client?: { caresForMinor?: boolean | undefined; pregnant?: boolean | undefined } | undefined,
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
      // The parent factors are floor examples for a client who cares for minor children or is
      // pregnant (ruling C; 001 ch. 3, Afweging 2), so "no suspicion" beside one closes a norm-1 answer.
      else if (parentFactors.has(code) && (client?.caresForMinor === true || client?.pregnant === true)) {
        noSuspicion(
          ['considerations', 'indicators', code],
          `de ernstige ouderfactor "${code}" (bij een cliënt die voor minderjarige kinderen zorgt of zwanger is)`,
          `the serious parent factor "${code}" (for a client who cares for minor children or is pregnant)`,
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

const answerLeaf = (code: string, answer: boolean): Condition => ({
  fact: 'considerations',
  path: `indicators.${code}`,
  operator: 'equal',
  value: answer,
});

const fact = (path: string, operator: 'equal' | 'known', value: boolean): Condition => ({ fact: 'considerations', path, operator, value });

/** Per afweging: when the route has reached it while it is open, when it was answered without the concern, and its questions. */
const afwegingStates: Record<2 | 3 | 4 | 5, { open: Condition[]; against: Condition[]; questions: string[] }> = {
  2: {
    open: [{ condition: 'route-unsafety-open' }],
    against: [{ condition: 'route-consideration-3' }],
    questions: ['considerations.unsafety.acute', 'considerations.unsafety.structural', 'considerations.unsafety.disclosure'],
  },
  3: {
    open: [{ condition: 'route-help-open' }],
    against: [{ condition: 'route-consideration-4' }],
    questions: ['considerations.help.canOffer', 'considerations.help.safetyPicture', 'considerations.help.history', 'considerations.help.fittingHelp'],
  },
  4: {
    open: [{ condition: 'route-consideration-4' }, fact('helpAccepted', 'known', false)],
    against: [{ condition: 'route-consideration-5' }],
    questions: ['considerations.helpAccepted'],
  },
  5: {
    open: [{ condition: 'route-consideration-5' }, fact('helpReachesSafety', 'known', false)],
    against: [{ condition: 'route-consideration-5' }, fact('helpReachesSafety', 'equal', true)],
    questions: ['considerations.helpReachesSafety'],
  },
};

const HELPING_SOURCE: Source = {
  document: '000_5b0914504b666284.txt',
  section: 'Bijlage 2 Afwegingskader › De toepassing van dit afwegingskader',
  quote: 'Dit afwegingskader helpende vragen bij de betreffende afwegingsvraag die de professional zichzelf in een concrete situatie kan stellen.',
};
const AGAINST_SOURCE: Record<2 | 3 | 4 | 5, Source> = {
  2: {
    document: '001_dcbf0a2973853468.txt',
    section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader › Afweging 2 › Expliciete voorbeelden beschrijven',
    quote: 'Het afwegingskader beschrijft daarom ook dat het de professionele verantwoordelijkheid is van de beroepskracht om in overige gevallen waarbij sprake is van vermoedens van ‘acuut onveilige’ en/of ‘structureel onveilige’ situaties Veilig Thuis te consulteren.',
  },
  3: {
    document: '000_5b0914504b666284.txt',
    section: 'Bijlage 2 Afwegingskader › Uitgangspunten bij het hanteren van dit afwegingskader',
    quote: 'De professional maakt bij dit soort afwegingen gebruik van collegiale consultatie, bijvoorbeeld door een aandachtsfunctionaris kindermishandeling en huiselijk geweld in de eigen organisatie te raadplegen en/of door advies te vragen bij Veilig Thuis.',
  },
  4: {
    document: '000_5b0914504b666284.txt',
    section: 'Bijlage 2 Afwegingskader › Uitgangspunten bij het hanteren van dit afwegingskader',
    quote: 'De professional maakt bij dit soort afwegingen gebruik van collegiale consultatie, bijvoorbeeld door een aandachtsfunctionaris kindermishandeling en huiselijk geweld in de eigen organisatie te raadplegen en/of door advies te vragen bij Veilig Thuis.',
  },
  5: {
    document: '000_5b0914504b666284.txt',
    section: 'Bijlage 2 Afwegingskader › Uitgangspunten bij het hanteren van dit afwegingskader',
    quote: 'De professional maakt bij dit soort afwegingen gebruik van collegiale consultatie, bijvoorbeeld door een aandachtsfunctionaris kindermishandeling en huiselijk geweld in de eigen organisatie te raadplegen en/of door advies te vragen bij Veilig Thuis.',
  },
};

const answerWord = { yes: { nl: 'ja', en: 'yes' }, no: { nl: 'nee', en: 'no' } };

/**
 * One rule per indicator and per helping question, and the named conditions the floor reads them
 * through. An indicator answered yes is itself a reason (a floor example, or the framework's own
 * example). A helping question's concerning answer is a reason and asks its afweging of the
 * professional; answered against the concern, the reason is to be recorded and Veilig Thuis may
 * be consulted. A helping question never reports, except as the example it is linked to (`sameAs`).
 */
function indicatorRules(indicators: readonly Indicator[], questions: readonly GuidingQuestion[] = []): RuleFile {
  const floorExamples = new Set(getFloor().examples.map((i) => i.code));
  const kindOf = new Map(indicators.map((i) => [i.code, i.kind]));
  const linked = questions.filter((q) => q.sameAs !== undefined);
  const linkedCodes = (kinds: readonly Indicator['kind'][]) => linked.filter((q) => kinds.includes(kindOf.get(q.sameAs!)!)).map((q) => q.code);
  const acuteOrStructural = [...indicators.filter((i) => i.kind === 'acute' || i.kind === 'structural').map((i) => i.code), ...linkedCodes(['acute', 'structural'])];
  const disclosure = indicators.filter((i) => i.kind === 'disclosure');
  const parent = indicators.filter((i) => i.kind === 'parent-factor');
  const codesCondition = (codes: readonly string[]): Condition => ({ fact: 'considerations', path: 'indicators', operator: 'anyTrue', value: [...codes] });
  const helping = questions.filter((q) => q.sameAs === undefined);
  const conditions: Record<string, Condition> = {
    // A disclosure indicator counts as acute unsafety unless the disclosure is about the past and the victim is safe now (000 Bijlage 2).
    'indicator-unsafety': {
      any: [codesCondition(acuteOrStructural), { all: [anyIndicator(disclosure), { not: { condition: 'disclosure-past-and-safe-now' } }] }],
    },
    'indicator-disclosure': { all: [anyIndicator(disclosure)] },
    'parent-factor-present': { all: [anyIndicator(parent)] },
  };
  const rules: RuleFile['rules'] = indicators.map((i) => {
    const floorExample = floorExamples.has(i.code);
    return {
      id: `indicator-${i.code}`,
      priority: 90,
      conditions: { all: [indicatorLeaf(i.code)] },
      event: { type: 'indicator', params: { kind: i.kind, code: i.code } },
      explanation: floorExample
        ? {
            nl: `Voorbeeld van ${kindLabel[i.kind].nl} uit de ondergrens met ja beantwoord (in ieder afwegingskader een reden om te melden; een keuze van deze bibliotheek): ${i.text.nl}`,
            en: `Floor example of ${kindLabel[i.kind].en} answered yes (in every framework a reason to report; a choice of this library): ${i.text.en}`,
          }
        : {
            nl: `Indicator van ${kindLabel[i.kind].nl} met ja beantwoord: ${i.text.nl}`,
            en: `Indicator of ${kindLabel[i.kind].en} answered yes: ${i.text.en}`,
          },
      source: i.source,
    };
  });
  for (const q of linked) {
    const kind = kindOf.get(q.sameAs!)!;
    rules.push({
      id: `indicator-${q.code}`,
      priority: 90,
      conditions: { all: [indicatorLeaf(q.code)] },
      event: { type: 'indicator', params: { kind, code: q.code } },
      explanation: {
        nl: `Helpende vraag met ja beantwoord die hetzelfde feit noemt als voorbeeld "${q.sameAs}" (${kindLabel[kind].nl}); zij telt als dat voorbeeld: ${q.text.nl}`,
        en: `Helping question answered yes that states the same fact as example "${q.sameAs}" (${kindLabel[kind].en}); it counts as that example: ${q.text.en}`,
      },
      source: q.source,
    });
  }
  for (const q of helping) {
    const word = answerWord[q.concern];
    rules.push({
      id: `helpende-vraag-${q.code}`,
      priority: 90,
      conditions: { all: [answerLeaf(q.code, q.concern === 'yes')] },
      event: { type: 'note', params: { note: 'helping-question-concern' } },
      explanation: {
        nl: `Helpende vraag bij afweging ${q.consideration} met ${word.nl} beantwoord, wat een zorg is: ${q.text.nl} Dat is een reden die u meeweegt bij afweging ${q.consideration}; uw eigen antwoord op die afweging beslist, niet de helpende vraag.`,
        en: `Helping question of consideration ${q.consideration} answered ${word.en}, which is a concern: ${q.text.en} It is a reason you weigh in consideration ${q.consideration}; your own answer to that consideration decides, not the helping question.`,
      },
      source: q.source,
    });
  }
  for (const n of [2, 3, 4, 5] as const) {
    const own = helping.filter((q) => q.consideration === n);
    if (own.length === 0) continue;
    const concern = `helping-concern-${n}`;
    conditions[concern] = { any: own.map((q) => answerLeaf(q.code, q.concern === 'yes')) };
    const state = afwegingStates[n];
    const kinds = new Set(own.flatMap((q) => (q.kind ? [`considerations.unsafety.${q.kind}`] : [])));
    const related = new Set(own.flatMap((q) => (q.relatesTo ? [q.relatesTo] : [])));
    const asked = n === 2 && kinds.size > 0 ? state.questions.filter((id) => kinds.has(id)) : n === 3 && related.size > 0 ? state.questions.filter((id) => related.has(id)) : state.questions;
    rules.push({
      id: `helpende-vragen-afweging-${n}-open`,
      priority: 85,
      conditions: { all: [{ condition: concern }, ...state.open] },
      event: { type: 'needs-input', params: { questions: asked.length > 0 ? asked : state.questions } },
      explanation: {
        nl: `Een helpende vraag bij afweging ${n} geeft een zorg aan (zie het spoor). Beantwoord daarom nu afweging ${n} zelf: het afwegingskader is geen checklist die tot ja of nee leidt.`,
        en: `A helping question of consideration ${n} points to a concern (see the trail). So answer consideration ${n} yourself now: the framework is no checklist that leads to yes or no.`,
      },
      source: HELPING_SOURCE,
    });
    rules.push({
      id: `helpende-vragen-afweging-${n}-tegen-zorg`,
      priority: 85,
      conditions: { all: [{ condition: concern }, ...state.against] },
      event: { type: 'action', params: { action: 'record-reason-against-helping-question' } },
      explanation: {
        nl: `U beantwoordde afweging ${n} zonder zorg, terwijl een helpende vraag bij die afweging een zorg aangeeft (zie het spoor). Dat mag: uw eigen oordeel beslist. Leg de reden vast in het dossier, en overleg zo nodig met Veilig Thuis: die vraag blijft open.`,
        en: `You answered consideration ${n} without concern, while a helping question of that consideration points to one (see the trail). That is allowed: your own judgement decides. Record the reason in the file, and consult Veilig Thuis where needed: that question stays open.`,
      },
      source: AGAINST_SOURCE[n],
    });
  }
  return { id: 'indicators', conditions, rules };
}

/**
 * The roles a user of the framework can have: those that take a step, decide on the report, act
 * as the designated officer or are named by a requirement (000 Bijlage 1c), in the order the
 * framework declares them. A role that is only informed (onderwijs: the parents) is not a user's.
 */
export function userRoles(framework: Framework): NonNullable<Framework['roles']> {
  const acting = new Set<string>();
  for (const step of framework.steps ?? []) {
    for (const id of [...(step.takenBy ?? []), ...(step.decidedBy ?? []), ...(step.requirements ?? []).flatMap((r) => r.roles ?? [])]) acting.add(id);
  }
  if (framework.designatedOfficer) acting.add(framework.designatedOfficer.role);
  return (framework.roles ?? []).filter((r) => acting.has(r.id));
}

/**
 * The framework's roles and step-5 requirements in the decision (issue 14 finding 10): who decides
 * on the report at step 5, and each requirement of the framework's own at step 5, as actions once
 * the afwegingskader advises (a report, or help offered). With the user's role known
 * (`professional.role`), the decision speaks to that role: "you decide", or "put it to …"; a
 * requirement for other roles is left out. Unknown, each is shown for the roles it names.
 */
function roleRules(framework: Framework): RuleFile['rules'] {
  const roleName = new Map((framework.roles ?? []).map((r) => [r.id, r.name]));
  const names = (ids: readonly string[], lang: 'nl' | 'en') => ids.map((id) => roleName.get(id)?.[lang] ?? id).join(', ');
  const floorIds = new Set(getFloor().requirements.map((r) => r.id));
  const advises: Condition = { any: [{ condition: 'route-any-report' }, { condition: 'route-consideration-5' }] };
  const roleUnknown: Condition = { fact: 'professional', path: 'role', operator: 'known', value: false };
  const roleIn = (ids: string[]): Condition => ({ fact: 'professional', path: 'role', operator: 'in', value: ids });
  const roleNotIn = (ids: string[]): Condition => ({ all: [{ fact: 'professional', path: 'role', operator: 'known', value: true }, { fact: 'professional', path: 'role', operator: 'notIn', value: ids }] });
  const rules: RuleFile['rules'] = [];
  for (const step of framework.steps ?? []) {
    if (step.step !== 5) continue;
    const decidedBy = step.decidedBy ?? [];
    if (decidedBy.length > 0) {
      const decides = (id: string, role: Condition, nl: string, en: string) =>
        rules.push({
          id,
          priority: 10,
          conditions: { all: [{ condition: 'suspicion-yes' }, role] },
          event: { type: 'action', params: { action: 'step-5-decided-by' } },
          explanation: { nl, en },
          source: step.source ?? framework.source,
        });
      decides(
        'rol-stap-5-beslist',
        roleUnknown,
        `Over de melding (stap 5) beslissen in dit afwegingskader: ${names(decidedBy, 'nl')}. Leg uw afweging aan hen voor als u die rol niet hebt.`,
        `In this framework the decision on the report (step 5) is taken by: ${names(decidedBy, 'en')}. Put your weighing to them if you do not have that role.`,
      );
      decides(
        'rol-stap-5-beslist-zelf',
        roleIn(decidedBy),
        `U beslist over de melding (stap 5): in dit afwegingskader beslissen ${names(decidedBy, 'nl')}, en u hebt die rol.`,
        `You decide on the report (step 5): in this framework it is decided by ${names(decidedBy, 'en')}, and you have that role.`,
      );
      decides(
        'rol-stap-5-voorleggen',
        roleNotIn(decidedBy),
        `Over de melding (stap 5) beslist u niet zelf: leg uw afweging voor aan ${names(decidedBy, 'nl')}, die in dit afwegingskader beslissen.`,
        `You do not decide on the report (step 5) yourself: put your weighing to ${names(decidedBy, 'en')}, who decide in this framework.`,
      );
    }
    for (const r of step.requirements ?? []) {
      if (floorIds.has(r.id) || r.level === 'not-applicable') continue;
      const level = { nl: r.level === 'where-needed' ? ' (zo nodig)' : '', en: r.level === 'where-needed' ? ' (where needed)' : '' };
      const requirement = (id: string, extra: Condition[], who: { nl: string; en: string }) =>
        rules.push({
          id,
          priority: 10,
          conditions: { all: [{ condition: 'suspicion-yes' }, advises, ...extra] },
          event: { type: 'action', params: { action: `step-5-${r.id}` } },
          explanation: { nl: `${who.nl}${r.text.nl}${level.nl}`, en: `${who.en}${r.text.en}${level.en}` },
          source: r.source,
        });
      if (r.roles && r.roles.length > 0) {
        // Only one of the two holds: the role unknown (named), or the user's role among those it names.
        requirement(`vereiste-stap-5-${r.id}`, [roleUnknown], { nl: `Voor de rol ${names(r.roles, 'nl')}: `, en: `For the role ${names(r.roles, 'en')}: ` });
        requirement(`vereiste-stap-5-${r.id}-uw-rol`, [roleIn(r.roles)], { nl: `Voor uw rol (${names(r.roles, 'nl')}): `, en: `For your role (${names(r.roles, 'en')}): ` });
      } else {
        requirement(`vereiste-stap-5-${r.id}`, [], r.appliesTo ? { nl: `Voor ${r.appliesTo.nl}: `, en: `For ${r.appliesTo.en}: ` } : { nl: '', en: '' });
      }
    }
  }
  return rules;
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

  const generated = indicatorRules([...indicators.values()], framework.guidingQuestions ?? []);
  const ruleFiles = [floorRules, { ...generated, rules: [...generated.rules, ...roleRules(framework)] }, ...(framework.rules ? [framework.rules] : [])];
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
