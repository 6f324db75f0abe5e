// What every rule module (kindcheck, scope, steps, records) shares: validating its part of a
// case, the facts its rules read, its question file, and the options of its standalone function.
import * as z from 'zod/mini';
import { fromZodIssues, type InputIssue, MeldcodeInputError } from '../errors/errors.js';
import type { Question } from '../questions/questions.js';
import { sortKeys } from '../rules/canonical.js';
import { type CompiledRules, compileRules, propertyPath, runRules } from '../rules/compile.js';
import { deepFreeze } from '../rules/freeze.js';
import {
  type BaseEffect,
  type RuleFile,
  ruleFileSchemaFor,
  type Source,
  sourceSchema,
  textSchema,
  minLength,
} from '../rules/schema.js';
import type { Lang, TrailEntry } from '../rules/trail.js';
import { ageIssues, type DerivedFacts, deriveFacts } from './age.js';
import { type Case, isoDate } from './schema.js';

/** A remark or an action of a module, with the rule that makes it and its source. */
export interface ModuleNote {
  /** Stable code, e.g. `report-states-client-condition`. */
  id: string;
  /** The text in the chosen language. */
  text: string;
  ruleId: string;
  source: Source;
}

/** Options of a module's standalone function. */
export interface ModuleOptions {
  /** Language of explanations: `nl` (default) or `en`. */
  lang?: Lang;
  /** Evaluation date (`YYYY-MM-DD`) for ages; default: the input's `evaluationDate`, else today in Europe/Amsterdam. */
  evaluationDate?: string;
}

const moduleOptionsSchema = z.strictObject({
  lang: z.optional(z.enum(['nl', 'en'])),
  evaluationDate: z.optional(isoDate),
});

/**
 * A module's question: the shape of {@link Question} that a question file holds. Its own schema
 * so a standalone module (`meldcode/kindcheck`) does not pull in the whole question catalogue.
 */
const moduleQuestionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+$/)),
  text: textSchema,
  help: z.optional(textSchema),
  answer: z.enum(['boolean', 'integer', 'integer-list', 'choice']),
  options: z.optional(z.array(z.string().check(minLength(1))).check(minLength(2))),
  source: sourceSchema,
});

/** A module's question file: its questions, in the order they are asked. */
export const moduleQuestionFileSchema = z.strictObject({
  id: z.string().check(minLength(1)),
  source: sourceSchema,
  questions: z.array(moduleQuestionSchema).check(minLength(1)),
  /** Further questions one can ask for a question (the kindcheck's question 2). */
  subQuestions: z.optional(z.array(textSchema)),
});

/**
 * One rule module (scope, kindcheck, steps, records, consent): its rule file, its questions and its
 * effect vocabulary, declared once with {@link defineRuleModule} and run by the one pipeline.
 */
export interface RuleModule<E extends BaseEffect> {
  /** The module's id, as its rule file names it. */
  readonly id: string;
  /** The rule file as shipped, deeply frozen. `test/modules.test.ts` validates it against {@link effectSchema}. */
  readonly ruleFile: RuleFile<E>;
  /** The schema of the effects its rules may establish. */
  readonly effectSchema: z.ZodMiniType<BaseEffect>;
  /** Its questions by id (fact path), in the order they are asked. */
  readonly questions: ReadonlyMap<string, Question>;
  /** Its rules, compiled on first use and reused. */
  rules(): CompiledRules<E>;
  /** Runs its rules on facts; only the rules that held. */
  run(facts: Readonly<Record<string, unknown>>, lang: Lang): TrailEntry<E>[];
}

/**
 * Declares a rule module. Shipped rule files are trusted at run time (the test suite validates
 * each against its schema), so importing the library does not parse them again: that keeps the
 * cold start small. Third-party frameworks are always validated.
 */
export function defineRuleModule<E extends BaseEffect>(spec: {
  ruleFile: unknown;
  effectSchema: z.ZodMiniType<BaseEffect>;
  questions?: readonly Question[];
}): RuleModule<E> {
  const ruleFile = deepFreeze(spec.ruleFile) as RuleFile<E>;
  let compiled: CompiledRules<E> | undefined;
  const rules = () => (compiled ??= compileRules([ruleFile]));
  return Object.freeze({
    id: ruleFile.id,
    ruleFile,
    effectSchema: spec.effectSchema,
    questions: questionMap(deepFreeze(spec.questions ?? [])),
    rules,
    run: (facts: Readonly<Record<string, unknown>>, lang: Lang) => runRules(rules(), facts, lang, { unheld: false }),
  });
}

/** The rule-file schema of a module, for validating its shipped file in the tests. */
export function moduleRuleFileSchema(module: RuleModule<BaseEffect>) {
  return ruleFileSchemaFor(module.effectSchema);
}

/**
 * A map nobody can change: question catalogues are shared by every evaluation and handed out
 * (`kindcheckQuestions`), and a frozen `Map` can still be cleared. The entries live in a private
 * field, out of reach of `Map.prototype` methods called on this object.
 */
class ReadonlyCatalogue<K, V> implements ReadonlyMap<K, V> {
  readonly #map: Map<K, V>;
  constructor(entries: Iterable<readonly [K, V]>) {
    this.#map = new Map(entries);
    Object.freeze(this);
  }
  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    return this.#map.get(key);
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.#map.forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  keys(): MapIterator<K> {
    return this.#map.keys();
  }
  values(): MapIterator<V> {
    return this.#map.values();
  }
  entries(): MapIterator<[K, V]> {
    return this.#map.entries();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.#map.entries();
  }
}
Object.freeze(ReadonlyCatalogue.prototype);

/** A module's questions by id, in file order; read-only. */
export function questionMap(questions: readonly Question[]): ReadonlyMap<string, Question> {
  return new ReadonlyCatalogue(questions.map((q) => [q.id, q] as const));
}

/** The questions with these ids that the facts leave unanswered, in catalogue order. */
export function openQuestions(catalogue: ReadonlyMap<string, Question>, ids: Iterable<string>, facts: unknown): Question[] {
  const wanted = new Set(ids);
  if (wanted.size === 0) return [];
  // The age question is answered by a date of birth or by an age (`derived.ageYears`).
  const answered = (id: string) => (id === 'client.birthDate' ? propertyPath(facts, 'derived.ageYears') !== undefined : propertyPath(facts, id) !== undefined);
  // The few wanted ids, put in catalogue order (rather than a walk over the whole catalogue).
  const order = catalogueOrder(catalogue);
  const open: string[] = [];
  for (const id of wanted) if (order.has(id) && !answered(id)) open.push(id);
  open.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  return open.map((id) => catalogue.get(id) as Question);
}

/** Each catalogue's question ids with their place in it, computed once per catalogue. */
const catalogueOrders = new WeakMap<ReadonlyMap<string, Question>, ReadonlyMap<string, number>>();
function catalogueOrder(catalogue: ReadonlyMap<string, Question>): ReadonlyMap<string, number> {
  let order = catalogueOrders.get(catalogue);
  if (!order) catalogueOrders.set(catalogue, (order = new Map([...catalogue.keys()].map((id, i) => [id, i]))));
  return order;
}

/**
 * The facts the rules read: the case's sections as validated and key-sorted, the evaluation date,
 * and `derived` (the client's age in years and age band, computed in TypeScript; `more` adds
 * facts the framework settles, such as a required Veilig Thuis advice at step 2).
 */
export function caseFacts(data: Case, evaluationDate: string, more: DerivedFacts = {}): Record<string, unknown> {
  return sortKeys({ ...data, evaluationDate, derived: { ...deriveFacts(data.client, evaluationDate), ...more } }) as Record<string, unknown>;
}

let amsterdamDate: Intl.DateTimeFormat | undefined;
function today(): string {
  amsterdamDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
  return amsterdamDate.format(new Date());
}

/**
 * Validates a module's input against its schema and its options; every problem (also an age that
 * contradicts the date of birth) is collected into one {@link MeldcodeInputError}.
 */
export function parseModuleInput<S extends z.ZodMiniType<Case>>(
  schema: S,
  input: unknown,
  options: unknown,
): { data: z.output<S>; lang: Lang; evaluationDate: string } {
  const issues: InputIssue[] = [];
  const parsed = schema.safeParse(input);
  if (!parsed.success) for (const issue of fromZodIssues(parsed.error.issues)) issues.push(issue);
  const opts = moduleOptionsSchema.safeParse(options ?? {});
  if (!opts.success) for (const issue of fromZodIssues(opts.error.issues, ['options'])) issues.push(issue);
  const evaluationDate = (opts.success ? opts.data.evaluationDate : undefined) ?? (parsed.success ? parsed.data.evaluationDate : undefined) ?? today();
  if (parsed.success) for (const issue of ageIssues(parsed.data.client, evaluationDate)) issues.push(issue);
  if (issues.length > 0 || !parsed.success || !opts.success) throw new MeldcodeInputError(issues);
  return { data: parsed.data, lang: opts.data.lang ?? 'nl', evaluationDate };
}
