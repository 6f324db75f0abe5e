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
import {
  booleanCoding,
  CHOICE_SYSTEM,
  ITEM_CONTROL_EXTENSION,
  ITEM_CONTROL_SYSTEM,
  QUESTIONNAIRE_URL_PREFIX,
  SOURCE_EXTENSION,
  yesNoDisplay,
  yesNoUnknown,
} from './codes.js';
import type { Questionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen } from './types.js';

/** Options for {@link toQuestionnaire}. */
export interface ToQuestionnaireOptions {
  /** Language of the texts: `nl` (default) or `en`. */
  locale?: Lang;
  /** Only these modules (e.g. `['kindcheck']`), in the catalogue's order; default: every module. */
  modules?: string[];
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

function enableWhenItem(c: EnableWhen, target: Question | undefined, locale: Lang): QuestionnaireItemEnableWhen {
  const base = { question: c.question, operator: c.operator };
  if (c.operator === 'exists') return { ...base, answerBoolean: c.answer === true };
  if (target?.answer === 'boolean' && typeof c.answer === 'boolean') return { ...base, answerCoding: booleanCoding(c.answer, locale) };
  if (typeof c.answer === 'number') return { ...base, answerInteger: c.answer };
  if (target?.answer === 'choice' && typeof c.answer === 'string') return { ...base, answerCoding: { system: CHOICE_SYSTEM, code: c.answer } };
  if (typeof c.answer === 'boolean') return { ...base, answerBoolean: c.answer };
  return { ...base, answerString: c.answer };
}

function questionItem(q: Question, catalogue: ReadonlyMap<string, Question>, present: ReadonlySet<string>, locale: Lang): QuestionnaireItem {
  const item: QuestionnaireItem = {
    linkId: q.id,
    text: q.text[locale],
    type: 'choice',
    extension: [{ url: SOURCE_EXTENSION, valueString: formatSource(q.source) }],
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
      item.answerOption = (q.options ?? []).map((code) => ({ valueCoding: { system: CHOICE_SYSTEM, code, display: code } }));
      break;
    case 'integer':
      item.type = 'integer';
      break;
    case 'integer-list':
      item.type = 'integer';
      item.repeats = true;
      break;
    case 'date':
      item.type = 'date';
      break;
  }
  const branching = branchingWithin(q, present);
  if (branching.enableWhen) {
    item.enableWhen = branching.enableWhen.map((c) => enableWhenItem(c, catalogue.get(c.question), locale));
    if (branching.enableBehavior) item.enableBehavior = branching.enableBehavior;
  }
  if (q.help) {
    item.item = [
      {
        linkId: helpLinkId(q.id),
        text: q.help[locale],
        type: 'display',
        extension: [
          { url: ITEM_CONTROL_EXTENSION, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: 'help' }] } },
        ],
      },
    ];
  }
  return item;
}

/**
 * The canonical URL of the Questionnaire generated for a framework; a response's
 * `questionnaire` names it (optionally with `|version`).
 *
 * @example
 * ```ts
 * questionnaireUrl('basismodel'); // 'urn:meldcode:questionnaire:basismodel'
 * ```
 */
export function questionnaireUrl(frameworkId: string): string {
  return `${QUESTIONNAIRE_URL_PREFIX}${frameworkId}`;
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
export function toQuestionnaire(framework?: string | Framework | FrameworkInput, options: ToQuestionnaireOptions = {}): Questionnaire {
  const locale: Lang = options.locale === 'en' ? 'en' : 'nl';
  const fw = resolveFramework(framework);
  const all = questionModulesFor(fw);
  // Branching is merged among the chosen modules only: the kindcheck alone keeps its own.
  const modules: QuestionModule[] = options.modules ? questionModulesFor(fw, options.modules) : all;
  const unknown = (options.modules ?? []).filter((id) => !all.some((m) => m.id === id));
  if (unknown.length > 0) throw unknownModulesError(unknown, all);
  const catalogue = new Map(modules.flatMap((m) => m.questions.map((q) => [q.id, q] as const)));
  const present = new Set(catalogue.keys());
  const moduleIds = modules.map((m) => m.id);
  return {
    resourceType: 'Questionnaire',
    id: `meldcode-${fw.id}${options.modules ? `-${moduleIds.join('-')}` : ''}`.slice(0, 64),
    url: questionnaireUrl(fw.id),
    version: fw.version,
    name: `Meldcode${fw.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}`,
    title: `${fw.name[locale]}${options.modules ? ` — ${modules.map((m) => m.name[locale]).join(', ')}` : ''}`,
    status: 'active',
    date: fw.validFrom,
    publisher: fw.publishers.join('; '),
    description: (fw.description ?? fw.name)[locale],
    language: locale,
    subjectType: ['Patient'],
    extension: [{ url: SOURCE_EXTENSION, valueString: formatSource(fw.source) }],
    item: modules.map((m) => ({
      linkId: groupLinkId(m.id),
      text: m.name[locale],
      type: 'group' as const,
      extension: [{ url: SOURCE_EXTENSION, valueString: formatSource(m.source) }],
      item: m.questions.map((q) => questionItem(q, catalogue, present, locale)),
    })),
  };
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
