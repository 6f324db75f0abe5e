// The SDC adaptive questionnaire (`$next-question`): a QuestionnaireResponse in, the same response
// out with a contained Questionnaire that holds the questions answered so far and the next ones,
// chosen by the rules (`decision.nextQuestions`), not by a fixed form. The caller passes the
// decision, so meldcode/fhir does not carry the evaluator.
import type { Decision } from '../decision/types.js';
import { type InputIssueCode, MeldcodeInputError } from '../errors/errors.js';
import type { Lang } from '../rules/trail.js';
import { canonicalBase, parseQuestionnaireCanonical } from './canonical.js';
import { toQuestionnaire } from './questionnaire.js';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from './types.js';
import type { FrameworkId } from '../authoring/ids.js';

/** Options for {@link nextQuestion}. */
export interface NextQuestionOptions {
  /** The canonical base the Questionnaires were generated with; default the library's. */
  canonicalBase?: string;
}

/** The shipped frameworks' Questionnaires, built once per language, base and module set (each step reads one). */
const questionnaires = new Map<string, Questionnaire>();
function cachedQuestionnaire(frameworkId: string, locale: Lang, base: string, modules?: string[]): Questionnaire {
  const key = [frameworkId, locale, base, ...(modules ?? [])].join(' ');
  let q = questionnaires.get(key);
  if (!q) {
    q = toQuestionnaire(frameworkId as FrameworkId, { locale, canonicalBase: base, ...(modules ? { modules } : {}) });
    questionnaires.set(key, q);
  }
  return q;
}

/** The id of the contained Questionnaire of an adaptive response. */
const CONTAINED_ID = 'next';

/** A QuestionnaireResponse of an adaptive questionnaire: it contains the Questionnaire it answers. */
export type AdaptiveQuestionnaireResponse = QuestionnaireResponse & { contained?: Questionnaire[] };

const issue = (path: (string | number)[], code: InputIssueCode, nl: string, en: string) => new MeldcodeInputError([{ path, code, message: { nl, en } }]);

/** The canonical a response answers: its own `questionnaire`, or the one its contained Questionnaire derives from. */
function answeredCanonical(response: AdaptiveQuestionnaireResponse): string | undefined {
  const q = response.questionnaire;
  if (typeof q !== 'string' || !q.startsWith('#')) return q;
  const contained = (response.contained ?? []).find((r) => r?.resourceType === 'Questionnaire' && `#${r.id}` === q);
  return contained?.derivedFrom?.[0];
}

/** The linkIds a response has an item for, answered or not (a "don't know" is not asked again). */
function itemIds(items: readonly QuestionnaireResponseItem[] | undefined, out = new Set<string>()): Set<string> {
  for (const item of items ?? []) {
    out.add(item.linkId);
    itemIds(item.item, out);
    for (const answer of item.answer ?? []) itemIds(answer.item, out);
  }
  return out;
}

/** The items of `q` whose linkId is kept, in its order, with their groups; no branching (the rules choose). */
function keep(items: readonly QuestionnaireItem[] | undefined, kept: ReadonlySet<string>): QuestionnaireItem[] {
  const out: QuestionnaireItem[] = [];
  for (const item of items ?? []) {
    if (item.type === 'group') {
      const children = keep(item.item, kept);
      if (children.length > 0) out.push({ ...item, item: children });
    } else if (kept.has(item.linkId)) {
      const { enableWhen: _, enableBehavior: __, ...rest } = item;
      out.push(rest);
    }
  }
  return out;
}

/**
 * One step of an adaptive questionnaire (SDC `$next-question`). Takes a QuestionnaireResponse to
 * one of the library's Questionnaires (its `questionnaire` canonical, or a contained
 * Questionnaire that derives from one) and the decision for its answers (`evaluate` of
 * `fromQuestionnaireResponse(response)`). Returns the response with a contained Questionnaire of
 * the questions answered so far and the next ones (`decision.nextQuestions`; with afweging 2's
 * questions come its indicators). A question the response already has an item for (also "don't
 * know") is not asked again; when none is left the status is `completed`, else `in-progress`.
 * The response passed in is not changed.
 *
 * @throws {@link MeldcodeInputError} for a response that names no Questionnaire of the library,
 *   or a decision made with another framework than the Questionnaire's.
 * @example
 * ```ts
 * const start = { resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: questionnaireUrl('basismodel') } as const;
 * const step = nextQuestion(start, evaluate(fromQuestionnaireResponse(start)));
 * step.contained?.[0].item?.map((g) => g.linkId); // ['scope', 'afwegingskader']
 * ```
 */
export function nextQuestion(response: QuestionnaireResponse, decision: Decision, options: NextQuestionOptions = {}): AdaptiveQuestionnaireResponse {
  const base = canonicalBase(options.canonicalBase);
  const adaptive = response as AdaptiveQuestionnaireResponse;
  const canonical = answeredCanonical(adaptive);
  const identity = typeof canonical === 'string' ? parseQuestionnaireCanonical(canonical, base) : undefined;
  if (canonical === undefined || identity === undefined) {
    throw issue(['questionnaire'], 'unknown-questionnaire', 'het antwoord hoort niet bij een Questionnaire van meldcode', 'the response answers no Questionnaire of meldcode');
  }
  if (decision.receipt.framework.id !== identity.frameworkId) {
    const [a, b] = [decision.receipt.framework.id, identity.frameworkId];
    throw issue(['decision'], 'questionnaire-framework-mismatch', `het advies is van afwegingskader "${a}", de Questionnaire van "${b}"`, `the decision is of framework "${a}", the Questionnaire of "${b}"`);
  }
  const lang: Lang = identity.locale;
  const full = cachedQuestionnaire(identity.frameworkId, lang, base, identity.modules);
  const inForm = new Set<string>();
  const collect = (items?: QuestionnaireItem[]) => items?.forEach((i) => (inForm.add(i.linkId), collect(i.item)));
  collect(full.item);
  const present = itemIds(response.item);
  // Only what this Questionnaire asks (a kindcheck-only one does not ask the afwegingskader).
  const asked = decision.nextQuestions.map((q) => q.id);
  // Afweging 2 asks its direct questions; its indicators (the acute and structural examples, the
  // parent factors) answer it too, so they are offered with them, as the whole form shows them.
  if (asked.some((id) => id.startsWith('considerations.unsafety.'))) {
    asked.push(...[...inForm].filter((id) => id.startsWith('considerations.indicators.')));
  }
  const next = [...new Set(asked)].filter((id) => inForm.has(id) && !present.has(id));
  const { id: _, url: __, item, ...header } = full;
  const contained: Questionnaire = {
    ...header,
    id: CONTAINED_ID,
    // Where the questions come from; the contained one is this step's selection of them.
    derivedFrom: [`${full.url}|${full.version}`],
    // A copy: the cached Questionnaire is never handed out.
    item: structuredClone(keep(item, new Set([...present, ...next]))),
  };
  const { contained: _old, ...rest } = adaptive;
  return {
    ...structuredClone(rest),
    contained: [contained],
    questionnaire: `#${CONTAINED_ID}`,
    status: next.length > 0 ? 'in-progress' : 'completed',
  };
}
