import { MeldcodeInputError } from '../errors/errors.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import { formatSource } from '../format/format.js';
import {
  type EnableWhen,
  type Question,
  type QuestionModule,
  questionModulesFor,
} from '../questions/questions.js';
import { resolveFramework } from '../questions/list.js';
import type { Lang } from '../rules/trail.js';
import { integerBounds } from './bounds.js';
import optionLabels from './option-labels.json';
import { canonicalBase, canonicals, questionnaireId } from './canonical.js';
import {
  booleanCoding,
  ITEM_CONTROL_EXTENSION,
  ITEM_CONTROL_SYSTEM,
  MAX_VALUE_EXTENSION,
  MIN_VALUE_EXTENSION,
  yesNoDisplay,
  yesNoUnknown,
} from './codes.js';
import type { Extension, Questionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen } from './types.js';
import type { FrameworkRef } from '../authoring/ids.js';

/** Options for {@link toQuestionnaire}. */
export interface ToQuestionnaireOptions {
  /** Language of the texts: `nl` (default) or `en`. */
  locale?: Lang;
  /**
   * Only these modules (e.g. `['kindcheck']`), in the catalogue's order; default: every module.
   * A partial Questionnaire has a canonical of its own (`…/Questionnaire/meldcode.basismodel.kindcheck.nl`).
   */
  modules?: string[];
  /**
   * The base of the canonical URLs (an http(s) URL without a trailing slash); default
   * {@link DEFAULT_CANONICAL_BASE}. Pass the same base to `fromQuestionnaireResponse`.
   */
  canonicalBase?: string;
}

/** What a Questionnaire item needs to know about the Questionnaire it is part of. */
interface Context {
  catalogue: ReadonlyMap<string, Question>;
  present: ReadonlySet<string>;
  locale: Lang;
  urls: ReturnType<typeof canonicals>;
}

/** The linkId of a module's group: its id, which never contains a dot (question ids always do). */
const groupLinkId = (module: string) => module;
/** The linkId of a question's help text. */
export const helpLinkId = (questionId: string) => `${questionId}.help`;

/**
 * The branching of a question within a Questionnaire that holds only `present` questions. A
 * condition on an absent question is settled as if unanswered; a question whose conditions can
 * then never hold is shown always, because hiding a question the rules need is never safe.
 */
function branchingWithin(question: Question, present: ReadonlySet<string>): Pick<Question, 'enableWhen' | 'enableBehavior'> {
  if (!question.enableWhen) return {};
  const any = question.enableBehavior === 'any';
  const kept: EnableWhen[] = [];
  for (const c of question.enableWhen) {
    if (present.has(c.question)) {
      kept.push(c);
      continue;
    }
    const holdsUnanswered = c.operator === '!=' || (c.operator === 'exists' && c.answer === false);
    if (any && holdsUnanswered) return {}; // one alternative always holds: always shown
    if (!any && !holdsUnanswered) return {}; // one requirement never holds: show rather than hide
  }
  if (kept.length === 0) return {};
  return kept.length > 1 ? { enableWhen: kept, enableBehavior: any ? 'any' : 'all' } : { enableWhen: kept };
}

function enableWhenItem(c: EnableWhen, target: Question | undefined, { locale, urls }: Context): QuestionnaireItemEnableWhen {
  const base = { question: c.question, operator: c.operator };
  if (c.operator === 'exists') return { ...base, answerBoolean: c.answer === true };
  if (target?.answer === 'boolean' && typeof c.answer === 'boolean') return { ...base, answerCoding: booleanCoding(c.answer, locale) };
  if (typeof c.answer === 'number') return { ...base, answerInteger: c.answer };
  if (target?.answer === 'choice' && typeof c.answer === 'string') return { ...base, answerCoding: { system: urls.answerSystem, code: c.answer } };
  if (typeof c.answer === 'boolean') return { ...base, answerBoolean: c.answer };
  return { ...base, answerString: c.answer };
}

/**
 * The label of a choice option in a language, else the code itself. The labels live here, by
 * question id, until the question files can carry them (the module question schema is strict).
 */
const optionLabel = (q: Question, code: string, locale: Lang): string =>
  q.optionLabels?.[code]?.[locale] ?? (optionLabels as Record<string, Record<string, Record<Lang, string>> | undefined>)[q.id]?.[code]?.[locale] ?? code;

function questionItem(q: Question, context: Context): QuestionnaireItem {
  const { locale, urls } = context;
  const item: QuestionnaireItem = {
    linkId: q.id,
    text: q.text[locale],
    type: 'choice',
    extension: [{ url: urls.sourceExtension, valueString: formatSource(q.source) }],
  };
  switch (q.answer) {
    case 'boolean': {
      // Coded yes / no / don't know rather than a checkbox: an unticked box reads as "no", and
      // unknown is never "no".
      const d = yesNoDisplay[locale];
      item.answerOption = [
        { valueCoding: { ...yesNoUnknown.yes, display: d.yes } },
        { valueCoding: { ...yesNoUnknown.no, display: d.no } },
        { valueCoding: { ...yesNoUnknown.unknown, display: d.unknown } },
      ];
      break;
    }
    case 'choice':
      item.answerOption = (q.options ?? []).map((code) => ({
        valueCoding: { system: urls.answerSystem, code, display: optionLabel(q, code, locale) },
      }));
      break;
    case 'integer':
    case 'integer-list': {
      item.type = 'integer';
      if (q.answer === 'integer-list') item.repeats = true;
      // The bounds the case schema sets: the form refuses what evaluate() would refuse.
      const { min, max } = integerBounds(q.id);
      const bounds: Extension[] = [];
      if (min !== undefined) bounds.push({ url: MIN_VALUE_EXTENSION, valueInteger: min });
      if (max !== undefined) bounds.push({ url: MAX_VALUE_EXTENSION, valueInteger: max });
      item.extension?.push(...bounds);
      break;
    }
    case 'date':
      item.type = 'date';
      break;
  }
  const branching = branchingWithin(q, context.present);
  if (branching.enableWhen) {
    item.enableWhen = branching.enableWhen.map((c) => enableWhenItem(c, context.catalogue.get(c.question), context));
    if (branching.enableBehavior) item.enableBehavior = branching.enableBehavior;
  }
  if (q.help) {
    item.item = [
      {
        linkId: helpLinkId(q.id),
        text: q.help[locale],
        type: 'display',
        // `flyover` (R4 questionnaire-item-control): drawn by Smart Forms and LHC-Forms alike,
        // where `help` is dropped by Smart Forms.
        extension: [
          { url: ITEM_CONTROL_EXTENSION, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: 'flyover' }] } },
        ],
      },
    ];
  }
  return item;
}

/**
 * The afwegingskader's questions in the order a form shows them: the indicator questions (the
 * acute and structural examples, the parent factors) belong to afweging 2, so they follow its
 * direct questions instead of coming after afweging 5.
 */
function formOrder(questions: readonly Question[]): Question[] {
  const isIndicator = (q: Question) => q.id.startsWith('considerations.indicators.');
  const indicators = questions.filter(isIndicator);
  const others = questions.filter((q) => !isIndicator(q));
  let afweging2End = -1;
  others.forEach((q, i) => {
    if (q.id.startsWith('considerations.unsafety.') || q.id === 'considerations.disclosurePastAndSafeNow') afweging2End = i;
  });
  if (indicators.length === 0 || afweging2End === -1) return [...questions];
  return [...others.slice(0, afweging2End + 1), ...indicators, ...others.slice(afweging2End + 1)];
}

/**
 * The canonical URL of the Questionnaire generated for a framework in one language (and, for a
 * partial one, its modules); a response's `questionnaire` names it, optionally with `|version`.
 *
 * @throws {@link MeldcodeInputError} for a `canonicalBase` that is not an http(s) URL.
 * @example
 * ```ts
 * questionnaireUrl('basismodel'); // 'https://meldcode.example/fhir/Questionnaire/meldcode.basismodel.nl'
 * questionnaireUrl('artsen', { locale: 'en', modules: ['kindcheck'], canonicalBase: 'https://fhir.example.org' });
 * // 'https://fhir.example.org/Questionnaire/meldcode.artsen.kindcheck.en'
 * ```
 */
export function questionnaireUrl(frameworkId: string, options: ToQuestionnaireOptions = {}): string {
  const locale: Lang = options.locale === 'en' ? 'en' : 'nl';
  return canonicals(canonicalBase(options.canonicalBase)).questionnaire(questionnaireId(frameworkId, locale, options.modules));
}

/**
 * A FHIR R4 `Questionnaire` with every question of a framework (default `basismodel`), one group
 * per module (kindcheck, afwegingskader, …). Each item's `linkId` is the question id, which is the
 * fact path its answer fills; yes/no questions have coded answers (yes, no, don't know);
 * `enableWhen` carries the branching of the kindcheck and the five considerations; each item cites
 * its source in an extension. Pair it with {@link fromQuestionnaireResponse}.
 *
 * @throws {@link MeldcodeInputError} for an unknown framework id, module or invalid framework document.
 * @example
 * ```ts
 * const questionnaire = toQuestionnaire('basismodel', { locale: 'nl', modules: ['kindcheck'] });
 * questionnaire.item?.[0].item?.[0].linkId; // 'kindcheck.parentSignals'
 * ```
 */
export function toQuestionnaire(framework?: FrameworkRef, options: ToQuestionnaireOptions = {}): Questionnaire {
  const locale: Lang = options.locale === 'en' ? 'en' : 'nl';
  const fw = resolveFramework(framework);
  const all = questionModulesFor(fw);
  // Branching is merged among the chosen modules only: the kindcheck alone keeps its own.
  const modules: QuestionModule[] = options.modules ? questionModulesFor(fw, options.modules) : all;
  const unknown = (options.modules ?? []).filter((id) => !all.some((m) => m.id === id));
  if (unknown.length > 0) throw unknownModulesError(unknown, all);
  const catalogue = new Map(modules.flatMap((m) => m.questions.map((q) => [q.id, q] as const)));
  const urls = canonicals(canonicalBase(options.canonicalBase));
  const context: Context = { catalogue, present: new Set(catalogue.keys()), locale, urls };
  const moduleIds = options.modules ? modules.map((m) => m.id) : undefined;
  const id = questionnaireId(fw.id, locale, moduleIds);
  const questionnaire: Questionnaire = {
    resourceType: 'Questionnaire',
    // R4 ids are at most 64 characters; the canonical URL, which identifies it, has no limit.
    ...(id.length <= 64 ? { id } : {}),
    url: urls.questionnaire(id),
    version: fw.version,
    // Computer-friendly (inv qst-0) and, like the id, distinct per language and module set.
    name: id.replace(/(^|[.-])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    title: `${fw.name[locale]}${options.modules ? ` — ${modules.map((m) => m.name[locale]).join(', ')}` : ''}`,
    status: 'active',
    date: fw.validFrom,
    publisher: fw.publishers.join('; '),
    description: (fw.description ?? fw.name)[locale],
    language: locale,
    subjectType: ['Patient'],
    extension: [{ url: urls.sourceExtension, valueString: formatSource(fw.source) }],
    item: modules.map((m) => ({
      linkId: groupLinkId(m.id),
      text: m.name[locale],
      type: 'group' as const,
      extension: [{ url: urls.sourceExtension, valueString: formatSource(m.source) }],
      item: formOrder(m.questions).map((q) => questionItem(q, context)),
    })),
  };
  return questionnaire;
}


function unknownModulesError(unknown: string[], all: QuestionModule[]): MeldcodeInputError {
  const known = all.map((m) => m.id).join(', ');
  return new MeldcodeInputError(
    unknown.map((id) => ({
      path: ['options', 'modules'],
      code: 'unknown-module',
      message: {
        nl: `onbekende module "${id}"; bekend zijn: ${known}`,
        en: `unknown module "${id}"; known modules: ${known}`,
      },
    })),
  );
}
