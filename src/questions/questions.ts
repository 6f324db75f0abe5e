import * as z from 'zod/mini';
import { caseSchema } from '../case/schema.js';
import consentQuestions from '../consent/consent.questions.json';
import { consentQuestionFileSchema } from '../consent/schema.js';
import type { Framework, FrameworkInput, Indicator } from '../frameworks/framework.js';
import { getFloor, parseFramework, userRoles } from '../frameworks/framework.js';
import { propertyPath } from '../rules/compile.js';
import { deepFreeze } from '../rules/freeze.js';
import { indicatorKinds, type Source, sourceSchema, type Text, textSchema, minLength } from '../rules/schema.js';
import kindcheckQuestions from '../kindcheck/kindcheck.questions.json';
import scopeQuestions from '../scope/scope.questions.json';
import stepsQuestions from '../steps/steps.questions.json';
import afwegingskaderQuestions from './afwegingskader.questions.json';
import branchingJson from './branching.json';

/** The kinds of answer a question takes: yes/no, a whole number, a list of whole numbers, one of `options`, or a date (`YYYY-MM-DD`). */
export type AnswerKind = 'boolean' | 'integer' | 'integer-list' | 'choice' | 'date';

/**
 * One condition under which a question is shown, after FHIR R4's `Questionnaire.item.enableWhen`:
 * the answer to another question (by id) compared with `answer`.
 */
export interface EnableWhen {
  /** Id of the question whose answer is tested. */
  question: string;
  /** `=`: answered with `answer`; `!=`: not answered with `answer` (unanswered counts); `exists`: answered or not. */
  operator: '=' | '!=' | 'exists';
  /** The answer compared with (for `exists`: `true` or `false`). */
  answer: boolean | number | string;
}

/** A question the library can ask; its id is the fact path its answer fills. */
export interface Question {
  /** Stable id, equal to the dotted path of the fact the answer fills (e.g. `considerations.suspicion`). */
  id: string;
  /** The question as the professional reads it. */
  text: Text;
  /** Help text: a definition or what to consider. */
  help?: Text;
  /** The kind of answer: yes/no, a whole number, a list of whole numbers, one of `options`, or a date. */
  answer: AnswerKind;
  /** For a `choice` answer: the values allowed. */
  options?: string[];
  /** For a `choice` answer whose values are ids (a framework's roles): the label of each. */
  optionLabels?: Record<string, Text>;
  /** Where the question comes from. */
  source: Source;
  /**
   * When the question is shown (FHIR-style branching); absent: always. A question whose
   * conditions refer to a question that is not shown is not shown either.
   */
  enableWhen?: EnableWhen[];
  /** Whether all conditions (default) or any one of them must hold. */
  enableBehavior?: 'all' | 'any';
  /** The module the question belongs to (`kindcheck`, `afwegingskader`, …). */
  module?: string;
}

const questionId = z.string().check(z.regex(/^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+$/, 'expected a dotted fact path'));

const enableWhenSchema = z.strictObject({
  question: questionId,
  operator: z.enum(['=', '!=', 'exists']),
  answer: z.union([z.boolean(), z.number(), z.string()]),
});

/** A question, as the catalogue holds it (and as a module's question file may write it). */
export const questionSchema = z.strictObject({
  id: questionId,
  text: textSchema,
  help: z.optional(textSchema),
  answer: z.enum(['boolean', 'integer', 'integer-list', 'choice', 'date']),
  options: z.optional(z.array(z.string().check(minLength(1))).check(minLength(2))),
  optionLabels: z.optional(z.record(z.string(), textSchema)),
  source: sourceSchema,
  enableWhen: z.optional(z.array(enableWhenSchema).check(minLength(1))),
  enableBehavior: z.optional(z.enum(['all', 'any'])),
  module: z.optional(z.string().check(minLength(1))),
});

/**
 * A condition in a question file. `considerations.indicators.*` with an `indicatorKind` stands
 * for every indicator of that kind in the framework (join such conditions with `"any"`).
 */
const fileEnableWhenSchema = z.extend(enableWhenSchema, {
  question: z.union([questionId, z.literal('considerations.indicators.*')]),
  indicatorKind: z.optional(z.enum(indicatorKinds)),
});

/** A question as written in a `*.questions.json` file. */
const fileQuestionSchema = z.extend(questionSchema, {
  enableWhen: z.optional(z.array(fileEnableWhenSchema).check(minLength(1))),
});

/** A module's question file (`src/<module>/<module>.questions.json`). */
export const questionFileSchema = z.strictObject({
  id: z.string().check(minLength(1)),
  /** The module the questions belong to; default: the file id without `-questions`. */
  module: z.optional(z.string().check(minLength(1))),
  source: sourceSchema,
  questions: z.array(fileQuestionSchema).check(minLength(1)),
  /** Further questions one can ask to answer a question (the kindcheck's question 2). */
  subQuestions: z.optional(z.array(textSchema)),
});

type FileQuestion = z.output<typeof fileQuestionSchema>;

/** Branching for questions whose own file carries none, each with its source. */
const branchingSchema = z.record(
  questionId,
  z.strictObject({
    enableWhen: z.array(fileEnableWhenSchema).check(minLength(1)),
    enableBehavior: z.optional(z.enum(['all', 'any'])),
    source: sourceSchema,
  }),
);

/** The shipped question files with their schemas, for the test that validates them. */
export const questionFileSchemas = {
  files: () => ({ schema: questionFileSchema, files: questionFiles }),
  branching: () => ({ schema: branchingSchema, file: branchingJson as unknown }),
};

/**
 * The question files, in the order a professional meets them: scope (does the meldcode apply?),
 * the kindcheck (step 1), the steps, then the afwegingskader (steps 4-5). A module adds its file
 * here with one import and one entry.
 */
const questionFiles: readonly unknown[] = [scopeQuestions, kindcheckQuestions, stepsQuestions, afwegingskaderQuestions];

/** A module of questions: its id, name and source, and its questions in the order they are asked. */
export interface QuestionModule {
  /** Module id, e.g. `kindcheck` or `afwegingskader`. */
  id: string;
  /** The module's name, as a heading. */
  name: Text;
  /** Where the module's questions come from. */
  source: Source;
  /** The questions, in the order they are asked. */
  questions: Question[];
}

/** Headings for the modules this library knows; others use their id. */
const moduleNames: Record<string, Text> = {
  kindcheck: { nl: 'Kindcheck', en: 'Child check (kindcheck)' },
  afwegingskader: { nl: 'Afwegingskader (stap 4 en 5)', en: 'Framework (steps 4 and 5)' },
  consent: { nl: 'Gesprek over de melding en toestemming', en: 'Conversation about the report and consent' },
  steps: { nl: 'Stappen van de meldcode', en: 'Steps of the meldcode' },
  scope: { nl: 'Valt de situatie onder de meldcode?', en: 'Is the situation within the meldcode?' },
};

interface ParsedFile {
  module: string;
  source: Source;
  questions: FileQuestion[];
}

let parsedFiles: ParsedFile[] | undefined;
/** The question files, validated on first use (not at import time). */
function files(): ParsedFile[] {
  if (parsedFiles) return parsedFiles;
  // Shipped and trusted at run time: `test/modules.test.ts` validates every question file.
  const branching = branchingJson as unknown as z.output<typeof branchingSchema>;
  parsedFiles = questionFiles.map((json) => {
    const file = json as z.output<typeof questionFileSchema>;
    const questions = file.questions.map((q) => {
      const extra = branching[q.id];
      return q.enableWhen || !extra ? q : { ...q, enableWhen: extra.enableWhen, enableBehavior: extra.enableBehavior };
    });
    return { module: file.module ?? file.id.replace(/-questions$/, ''), source: file.source, questions };
  });
  parsedFiles.push(consentFile());
  return parsedFiles;
}

/** A value of a question's answer kind, to test that its id is a fact of the case. */
const sampleAnswer = { boolean: true, integer: 1, 'integer-list': [1], date: '2020-01-01', choice: undefined } as const;

function isCaseFact(id: string, value: unknown): boolean {
  const root: Record<string, unknown> = {};
  const keys = id.split('.');
  let o = root;
  for (const k of keys.slice(0, -1)) o = (o[k] = {}) as Record<string, unknown>;
  o[keys[keys.length - 1] as string] = value;
  return caseSchema.safeParse(root).success;
}

/**
 * The consent module's questions, from its own file format (`choices` for `options`, no file
 * source). Only questions whose id is a fact of the case join the catalogue; the others (the
 * consent regime, a setting; consideration 2 as one answer) are inputs of `evaluateConsent`.
 * When the consent file takes the catalogue format, list it in `questionFiles` instead.
 */
function consentFile(): ParsedFile {
  const file = consentQuestions as unknown as z.output<typeof consentQuestionFileSchema>;
  const questions: FileQuestion[] = [];
  for (const { choices, ...q } of file.questions) {
    const question: FileQuestion = choices ? { ...q, options: choices } : q;
    if (isCaseFact(q.id, q.answer === 'choice' ? choices?.[0] : sampleAnswer[q.answer])) questions.push(question);
  }
  const first = file.questions[0] as { source: Source };
  return { module: 'consent', source: first.source, questions };
}

// Consideration 2 and the indicators come after consideration 1 is answered yes (Basisdocument ch. 3).
const afterSuspicion: EnableWhen[] = [{ question: 'considerations.suspicion', operator: '=', answer: true }];

/** Expands `considerations.indicators.*` into one condition per indicator of that kind. */
function expand(question: FileQuestion, indicators: readonly Indicator[], module: string): Question {
  const { enableWhen, enableBehavior, ...rest } = question;
  const out: Question = { ...rest, module };
  if (!enableWhen) return out;
  const conditions: EnableWhen[] = [];
  for (const c of enableWhen) {
    if (c.question !== 'considerations.indicators.*') {
      conditions.push({ question: c.question, operator: c.operator, answer: c.answer });
      continue;
    }
    for (const i of indicators) {
      if (!c.indicatorKind || i.kind === c.indicatorKind) {
        conditions.push({ question: `considerations.indicators.${i.code}`, operator: c.operator, answer: c.answer });
      }
    }
  }
  // A wildcard that matched nothing would hide the question for good; show it instead.
  if (conditions.length === 0) return out;
  out.enableWhen = conditions;
  // Explicit with more than one condition, as FHIR requires (que-12).
  if (conditions.length > 1) out.enableBehavior = enableBehavior ?? 'all';
  return out;
}

/** Every indicator a framework answers: the floor's parent factors and the framework's own. */
function frameworkIndicators(framework: Framework): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const i of [...getFloor().indicators, ...framework.indicators]) if (!seen.has(i.code)) seen.set(i.code, i);
  return [...seen.values()];
}

/** The user's role among the framework's (issue 14 finding 10): it decides which role-specific actions are shown. */
function roleQuestion(roles: NonNullable<Framework['roles']>): Question {
  return {
    id: 'professional.role',
    text: { nl: 'Welke rol hebt u in de meldcode van uw organisatie?', en: "What is your role in your organisation's meldcode?" },
    help: {
      nl: 'De meldcode van uw organisatie verdeelt de stappen en het besluit in stap 5 over rollen. Uw rol bepaalt welke acties voor u gelden (wie beslist, wat uw rol vraagt); aan de norm verandert zij niets.',
      en: "Your organisation's meldcode divides the steps and the decision in step 5 over roles. Your role decides which actions are yours (who decides, what your role asks); it does not change the norm.",
    },
    answer: 'choice',
    options: roles.map((r) => r.id),
    optionLabels: Object.fromEntries(roles.map((r) => [r.id, { ...r.name }])),
    source: {
      document: '000_5b0914504b666284.txt',
      section: 'Bijlage 1c Verdeling van verantwoordelijkheden voor het zetten van de stappen en het beslissen over het al dan niet doen van een melding',
      quote: 'Verantwoordelijk voor het besluit in stap 5 voor het al dan niet doen van een melding is:',
    },
    module: 'afwegingskader',
  };
}

/** Each module's own questions for a framework (a question two modules define is in both). */
function moduleDefinitions(framework: Framework): QuestionModule[] {
  const cached = definitionCache.get(framework);
  if (cached) return cached;
  const indicators = frameworkIndicators(framework);
  const modules = files().map((file) => {
    const questions = file.questions.map((q) => expand(q, indicators, file.module));
    if (file.module === 'afwegingskader') {
      const roles = userRoles(framework);
      if (roles.length > 0) questions.unshift(roleQuestion(roles));
      for (const i of indicators) {
        const id = `considerations.indicators.${i.code}`;
        questions.push({ id, text: i.text, answer: 'boolean', source: i.source, enableWhen: afterSuspicion, module: file.module });
      }
      // The helping questions (ruling C): asked after afweging 1 yes, each with its afweging and the answer that is a concern.
      for (const q of framework.guidingQuestions ?? []) {
        const id = `considerations.indicators.${q.code}`;
        const concern = q.concern === 'yes' ? { nl: 'ja', en: 'yes' } : { nl: 'nee', en: 'no' };
        const help = q.sameAs
          ? {
              nl: `Helpende vraag bij afweging 2 die hetzelfde feit noemt als voorbeeld "${q.sameAs}": ja telt als ja op dat voorbeeld (norm 1).`,
              en: `Helping question of consideration 2 that states the same fact as example "${q.sameAs}": yes counts as yes to that example (norm 1).`,
            }
          : {
              nl: `Helpende vraag bij afweging ${q.consideration}. Het antwoord ${concern.nl} is een zorg: een reden om afweging ${q.consideration} zelf te beantwoorden. Het antwoord beslist niet zelf.`,
              en: `Helping question of consideration ${q.consideration}. The answer ${concern.en} is a concern: a reason to answer consideration ${q.consideration} yourself. The answer does not decide by itself.`,
            };
        questions.push({ id, text: q.text, help, answer: 'boolean', source: q.source, enableWhen: afterSuspicion, module: file.module });
      }
    }
    return { id: file.module, name: moduleNames[file.module] ?? { nl: file.module, en: file.module }, source: file.source, questions };
  });
  definitionCache.set(framework, modules);
  return modules;
}
const definitionCache = new WeakMap<Framework, QuestionModule[]>();

/**
 * The questions of each module for a framework (or only of the modules named), in the order
 * they are asked; the framework's indicators follow the afwegingskader's own questions. A
 * question that two of these modules share is listed once, under the first; its branching is
 * merged so it shows when either module needs it.
 */
export function questionModulesFor(framework: Framework, only?: readonly string[]): QuestionModule[] {
  const key = only?.join('|') ?? '*';
  let byKey = moduleCache.get(framework);
  if (!byKey) moduleCache.set(framework, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const modules: QuestionModule[] = [];
  const byId = new Map<string, Question>();
  for (const definition of moduleDefinitions(framework)) {
    if (only && !only.includes(definition.id)) continue;
    const questions: Question[] = [];
    for (const original of definition.questions) {
      const q = structuredClone(original);
      const first = byId.get(q.id);
      if (first) mergeBranching(first, q);
      else {
        byId.set(q.id, q);
        questions.push(q);
      }
    }
    if (questions.length > 0) modules.push({ ...definition, questions });
  }
  byKey.set(key, modules);
  return modules;
}
const moduleCache = new WeakMap<Framework, Map<string, QuestionModule[]>>();

/**
 * Merges the branching of a second definition into the first, so the question shows when either
 * would show it. Only conditions joined by "any" (or single ones) can be merged; otherwise the
 * question is always shown: showing a question too often is safe, hiding a needed one is not.
 */
function mergeBranching(first: Question, second: Question): void {
  const alternatives = (q: Question) =>
    !q.enableWhen ? null : q.enableWhen.length === 1 || q.enableBehavior === 'any' ? q.enableWhen : undefined;
  const a = alternatives(first);
  const b = alternatives(second);
  if (a === null || b === null || a === undefined || b === undefined) {
    delete first.enableWhen;
    delete first.enableBehavior;
    return;
  }
  const merged = [...a];
  for (const c of b) {
    if (!merged.some((m) => m.question === c.question && m.operator === c.operator && m.answer === c.answer)) merged.push(c);
  }
  first.enableWhen = merged;
  if (merged.length > 1) first.enableBehavior = 'any';
}

const catalogues = new WeakMap<Framework, ReadonlyMap<string, Question>>();

/**
 * Every question of a framework by id, in the order they are asked (see {@link questionModulesFor}).
 * Takes a framework, or anything that holds one (a compiled framework).
 */
export function questionCatalogue(of: Framework | { readonly framework: Framework }): ReadonlyMap<string, Question> {
  const framework = 'framework' in of && typeof of.framework === 'object' ? of.framework : (of as Framework);
  let catalogue = catalogues.get(framework);
  if (!catalogue) {
    // Frozen: decisions hand these questions out, and nothing a caller does with one may change
    // what a later decision asks.
    catalogue = new Map(questionModulesFor(framework).flatMap((m) => m.questions.map((q) => [q.id, deepFreeze(q)] as const)));
    catalogues.set(framework, catalogue);
  }
  return catalogue;
}


/**
 * Whether a question is shown for these answers, by its `enableWhen` (FHIR R4 semantics): `=`
 * holds when the answer equals, `!=` when it does not (an unanswered question counts), `exists`
 * when the question is answered (or not). A condition on a question that is itself not shown
 * does not hold: its answer does not count.
 *
 * @example
 * ```ts
 * const catalogue = new Map(listQuestions().map((q) => [q.id, q]));
 * const acute = catalogue.get('considerations.unsafety.acute')!;
 * isQuestionEnabled(acute, { considerations: { suspicion: true } }, catalogue); // true
 * isQuestionEnabled(acute, {}, catalogue);                                       // false
 * ```
 */
export function isQuestionEnabled(question: Question, answers: unknown, catalogue: ReadonlyMap<string, Question>): boolean {
  return enabled(question, answers, catalogue, new Set());
}

function enabled(question: Question, answers: unknown, catalogue: ReadonlyMap<string, Question>, seen: Set<string>): boolean {
  if (!question.enableWhen) return true;
  if (seen.has(question.id)) return false;
  const path = new Set(seen).add(question.id);
  const holds = (c: EnableWhen): boolean => {
    const other = catalogue.get(c.question);
    const shown = other ? enabled(other, answers, catalogue, path) : true;
    const value = shown ? propertyPath(answers, c.question) : undefined;
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (c.operator === 'exists') return (values.length > 0) === c.answer;
    if (c.operator === '=') return values.includes(c.answer);
    return !values.includes(c.answer);
  };
  return question.enableBehavior === 'any' ? question.enableWhen.some(holds) : question.enableWhen.every(holds);
}
