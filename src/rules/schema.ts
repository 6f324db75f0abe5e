import * as z from 'zod/mini';

/**
 * Length checks that run on strings and arrays only. zod runs its own on any value that has a
 * `length` (its `_whenHasLength`), also after the type check failed, and a JSON object whose
 * `length` cannot be compared (`{"length":{"toString":""}}`) then throws a TypeError from inside
 * `safeParse` (found by the million-run fuzz in validateFramework).
 */
const lengthy = (payload: { value: unknown }) => typeof payload.value === 'string' || Array.isArray(payload.value);
/** A zod check that runs only where `lengthy` holds (zod's params do not type `when`; its definition does). */
function onLengthy<C extends { _zod: { def: { when?: ((payload: never) => boolean) | undefined } } }>(check: C): C {
  check._zod.def.when = lengthy;
  return check;
}
/** `z.minLength` for strings and arrays only (see `lengthy`). */
export const minLength = (minimum: number) => onLengthy(z.minLength(minimum));
/** `z.maxLength` for strings and arrays only. */
export const maxLength = (maximum: number) => onLengthy(z.maxLength(maximum));
/** `z.length` for strings and arrays only. */
export const exactLength = (length: number) => onLengthy(z.length(length));

/** Stable ids: kebab-case, so they read well in a trail and in a URL. */
export const kebabId = z
  .string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id (a-z, 0-9, -)'));

/** A text in Dutch and English. */
export interface Text {
  /** Dutch: the language of the sources, shown first. */
  nl: string;
  /** English translation. */
  en: string;
}

/** A text in both languages the library speaks: Dutch first, English second. */
export const textSchema = z.strictObject({
  nl: z.string().check(minLength(1)),
  en: z.string().check(minLength(1)),
});

/**
 * Where a rule, question or text comes from: a file in `shared/sources` and the heading it
 * stands under, or a published document (then with title, publisher, version and URL).
 */
export interface Source {
  /** File name in `shared/sources` (e.g. `001_dcbf0a2973853468.txt`) or a document id. */
  document: string;
  /** The heading the text stands under; nested headings are joined with ` › `. */
  section: string;
  /** The source's own words, quoted. */
  quote?: string;
  /** Title of a published document that is not in `shared/sources`. */
  title?: string;
  /** Publisher of that document. */
  publisher?: string;
  /** Version or date of that document. */
  version?: string;
  /** Public URL of that document. */
  url?: string;
}

export const sourceSchema = z.strictObject({
  document: z.string().check(minLength(1)),
  section: z.string().check(minLength(1)),
  quote: z.optional(z.string().check(minLength(1))),
  title: z.optional(z.string().check(minLength(1))),
  publisher: z.optional(z.string().check(minLength(1))),
  version: z.optional(z.string().check(minLength(1))),
  url: z.optional(z.url()),
});

/** Fact names are the top-level sections of a case (`considerations`, `client`, …). */
const factName = z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/, 'expected a fact name (camelCase)'));
/** A plain dotted property path; each segment is a property name, never `__proto__`. */
const factPath = z
  .string().check(z.regex(/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/, 'expected a dotted property path')).check(z.refine((path) => !path.split('.').some((s) => s === '__proto__' || s === 'constructor' || s === 'prototype'), 'a path may not name __proto__, constructor or prototype'));

const primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const leaf = {
  fact: factName,
  path: z.optional(factPath),
  /** json-rules-engine evaluates higher priorities first and may then skip the rest. */
  priority: z.optional(z.int().check(z.gte(1)).check(z.lte(100))),
};

/**
 * A test of one fact. Each operator's value is typed, so every rule that validates can run: `in`,
 * `notIn` and `anyTrue` take a list (json-rules-engine calls `indexOf` on it), the comparisons a
 * number, `known` a boolean, the others one JSON scalar.
 */
export const factConditionSchema = z.discriminatedUnion('operator', [
  z.strictObject({ ...leaf, operator: z.enum(['equal', 'notEqual', 'contains', 'doesNotContain']), value: primitive }),
  z.strictObject({ ...leaf, operator: z.enum(['in', 'notIn']), value: z.array(primitive) }),
  z.strictObject({ ...leaf, operator: z.literal('anyTrue'), value: z.array(z.string()) }),
  z.strictObject({ ...leaf, operator: z.enum(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']), value: z.number() }),
  z.strictObject({ ...leaf, operator: z.literal('known'), value: z.boolean() }),
]);

/** A condition in json-rules-engine's own grammar. */
export type Condition =
  | z.infer<typeof factConditionSchema>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { condition: string };

export const conditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    factConditionSchema,
    z.strictObject({ all: z.array(conditionSchema).check(minLength(1)) }),
    z.strictObject({ any: z.array(conditionSchema).check(minLength(1)) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ condition: kebabId }),
  ]),
);

/** The root of a rule's conditions: a boolean operator or a named condition, never a bare fact. */
export const topLevelConditionSchema = z.union([
  z.strictObject({ all: z.array(conditionSchema).check(minLength(1)) }),
  z.strictObject({ any: z.array(conditionSchema).check(minLength(1)) }),
  z.strictObject({ not: conditionSchema }),
  z.strictObject({ condition: kebabId }),
]);

const questionIds = z.array(z.string().check(minLength(1))).check(minLength(1));

/** The unsafety forms an indicator can point to (Basisdocument ch. 3-4). */
export const indicatorKinds = ['acute', 'structural', 'disclosure', 'parent-factor'] as const;
/** Acute or structural unsafety, disclosure, or a serious parent factor (Basisdocument ch. 3-4). */
export type IndicatorKind = (typeof indicatorKinds)[number];

/**
 * What a rule establishes when its conditions hold. The engine ignores these params;
 * the decision is assembled from them.
 */
export const effectSchema = z.discriminatedUnion('type', [
  /** An indicator answered "yes": itself a reason in the trail. */
  z.strictObject({
    type: z.literal('indicator'),
    params: z.strictObject({ kind: z.enum(indicatorKinds), code: kebabId }),
  }),
  /** The answer to one of the five considerations (afwegingen). */
  z.strictObject({
    type: z.literal('consideration'),
    params: z.strictObject({ consideration: z.int().check(z.gte(1)).check(z.lte(5)), answer: z.enum(['yes', 'no']) }),
  }),
  /** Reporting to Veilig Thuis is the professional norm (norm 1, 2 or 3, or consideration 4). */
  z.strictObject({
    type: z.literal('report'),
    params: z.strictObject({
      consideration: z.int().check(z.gte(2)).check(z.lte(5)),
      norm: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3)])),
    }),
  }),
  /** Offering or organising help: now, alongside a report, or closed with agreements. */
  z.strictObject({
    type: z.literal('help'),
    params: z.strictObject({ stage: z.enum(['offer', 'alongside-report', 'close-with-agreements']) }),
  }),
  /** Close the meldcode and record the conclusion. */
  z.strictObject({
    type: z.literal('close'),
    params: z.strictObject({ reason: z.enum(['no-suspicion']) }),
  }),
  /** An answer that matters is missing: ask these questions (ids = fact paths). */
  z.strictObject({
    type: z.literal('needs-input'),
    params: z.strictObject({ questions: questionIds }),
  }),
  /** Something the professional should do. */
  z.strictObject({
    type: z.literal('action'),
    params: z.strictObject({ action: kebabId }),
  }),
  /** A remark that explains, without changing the decision. */
  z.strictObject({
    type: z.literal('note'),
    params: z.strictObject({ note: kebabId }),
  }),
]);
/**
 * What a rule establishes when its conditions hold (the json-rules-engine `event`):
 * an indicator answered yes, a consideration's answer, a report with its norm, help, closing,
 * questions still needed, an action or a note.
 */
export type Effect =
  | { type: 'indicator'; params: { kind: IndicatorKind; code: string } }
  | { type: 'consideration'; params: { consideration: number; answer: 'yes' | 'no' } }
  | { type: 'report'; params: { consideration: number; norm?: 1 | 2 | 3 } }
  | { type: 'help'; params: { stage: 'offer' | 'alongside-report' | 'close-with-agreements' } }
  | { type: 'close'; params: { reason: 'no-suspicion' } }
  | { type: 'needs-input'; params: { questions: string[] } }
  | { type: 'action'; params: { action: string } }
  | { type: 'note'; params: { note: string } };

/** The shape every effect has: json-rules-engine's `event` with a `type` and `params`. */
export interface BaseEffect {
  type: string;
  params: Record<string, unknown>;
}

/**
 * The rule schema for a module whose rules establish effects of the given schema. Each module
 * (afwegingskader, kindcheck, consent, …) has its own effect vocabulary; the rest is shared.
 */
export function ruleSchemaFor<E extends z.ZodMiniType<BaseEffect>>(effect: E) {
  return z.strictObject({
    /** Stable kebab-case id; the trail names the rule by it. */
    id: kebabId,
    /** Higher runs first (json-rules-engine); the trail is ordered by it. */
    priority: z.optional(z.int().check(z.gte(1)).check(z.lte(100))),
    /** A legal-floor rule: no framework may remove or weaken it. */
    floor: z.optional(z.boolean()),
    conditions: topLevelConditionSchema,
    event: effect,
    explanation: textSchema,
    source: sourceSchema,
  });
}

/** The rule-file schema for a module's effect vocabulary (see {@link ruleSchemaFor}). */
export function ruleFileSchemaFor<E extends z.ZodMiniType<BaseEffect>>(effect: E) {
  return z.strictObject({
    /** The module that owns these rules, e.g. `afwegingskader`. */
    id: kebabId,
    /** Named conditions that rules reference with `{ "condition": "name" }`. */
    conditions: z.optional(z.record(kebabId, topLevelConditionSchema)),
    rules: z.array(ruleSchemaFor(effect)).check(minLength(1)),
  });
}

/** One rule: json-rules-engine conditions plus the metadata the trail uses. */
export interface Rule<E extends BaseEffect = Effect> {
  /** Stable kebab-case id; the trail names the rule by it. */
  id: string;
  /** Higher runs first (json-rules-engine); the trail is ordered by it. */
  priority?: number | undefined;
  /** A legal-floor rule: no framework may remove or weaken it. */
  floor?: boolean | undefined;
  /** json-rules-engine conditions (boolean operator or named condition at the root). */
  conditions: Condition;
  /** What the rule establishes when its conditions hold. */
  event: E;
  /** Why, in Dutch and English. */
  explanation: Text;
  /** Where the rule comes from. */
  source: Source;
}

/** A rule file: named conditions and rules, as validated JSON. */
export interface RuleFile<E extends BaseEffect = Effect> {
  /** The module that owns these rules. */
  id: string;
  /** Named conditions that rules reference with `{ "condition": "name" }`. */
  conditions?: Record<string, Condition> | undefined;
  /** The rules. */
  rules: Rule<E>[];
}

/** Rules of the afwegingskader (the floor and frameworks). */
export const ruleSchema = ruleSchemaFor(effectSchema);
/** Rule files of the afwegingskader (the floor and frameworks). */
export const ruleFileSchema = ruleFileSchemaFor(effectSchema);
