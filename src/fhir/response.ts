import { type CaseInput, caseSchema } from '../case/schema.js';
import { echo, fromZodIssues, type InputIssue, MeldcodeInputError } from '../errors/errors.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import { hasFramework } from '../frameworks/registry.js';
import { resolveFramework } from '../questions/list.js';
import { type Question, questionModulesFor } from '../questions/questions.js';
import { CHOICE_SYSTEM, DATA_ABSENT_SYSTEM, QUESTIONNAIRE_URL_PREFIX, YES_NO_SYSTEM } from './codes.js';
import { helpLinkId } from './questionnaire.js';
import type { QuestionnaireResponse } from './types.js';

/** Options for {@link fromQuestionnaireResponse}. */
export interface FromQuestionnaireResponseOptions {
  /**
   * The framework the Questionnaire was generated from: a shipped id or a framework document.
   * Default: the one the response's `questionnaire` URL names, else `basismodel`.
   */
  framework?: string | Framework | FrameworkInput;
}

/**
 * How deep `item`s may nest in a response (an answer's `item`s count as one level deeper). A
 * Questionnaire from {@link toQuestionnaire} nests a few levels; deeper is refused with the issue
 * code `too-deep`, before walking further.
 */
export const MAX_ITEM_DEPTH = 32;

const statuses = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);
type Path = (string | number)[];

const issue = (path: Path, code: string, nl: string, en: string): InputIssue => ({ path, code, message: { nl, en } });
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The framework id a response's `questionnaire` canonical names, if it is one of ours. */
function frameworkIdOf(questionnaire: unknown): string | undefined {
  if (typeof questionnaire !== 'string' || !questionnaire.startsWith(QUESTIONNAIRE_URL_PREFIX)) return undefined;
  return questionnaire.slice(QUESTIONNAIRE_URL_PREFIX.length).split('|')[0];
}

/** The value of one answer for a question, or an issue; `undefined` for "don't know". */
function answerValue(q: Question, answer: unknown, path: Path): { value?: boolean | number | string; issue?: InputIssue } {
  const wrong = (nl: string, en: string) => ({
    issue: issue(path, 'wrong-answer-type', `vraag "${q.id}" verwacht ${nl}`, `question "${q.id}" expects ${en}`),
  });
  if (!isObject(answer)) return wrong('een antwoord-object', 'an answer object');
  const keys = Object.keys(answer).filter((k) => k.startsWith('value'));
  if (keys.length !== 1) return wrong('precies één value[x]', 'exactly one value[x]');
  const coding = answer.valueCoding;
  switch (q.answer) {
    case 'boolean':
      if (typeof answer.valueBoolean === 'boolean') return { value: answer.valueBoolean };
      if (isObject(coding) && coding.system === YES_NO_SYSTEM && (coding.code === 'Y' || coding.code === 'N')) {
        return { value: coding.code === 'Y' };
      }
      // "Don't know" stays unknown: unknown is never "no".
      if (isObject(coding) && coding.system === DATA_ABSENT_SYSTEM && coding.code === 'asked-unknown') return {};
      return wrong(
        'ja/nee: valueBoolean of valueCoding Y, N (v2-0136) of asked-unknown',
        'yes/no: valueBoolean, or valueCoding Y, N (v2-0136) or asked-unknown',
      );
    case 'integer':
    case 'integer-list':
      if (Number.isInteger(answer.valueInteger)) return { value: answer.valueInteger as number };
      return wrong('een geheel getal (valueInteger)', 'a whole number (valueInteger)');
    case 'date':
      if (typeof answer.valueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(answer.valueDate)) return { value: answer.valueDate };
      return wrong('een datum (valueDate, JJJJ-MM-DD)', 'a date (valueDate, YYYY-MM-DD)');
    case 'choice': {
      const options = q.options ?? [];
      if (
        isObject(coding) &&
        (coding.system === undefined || coding.system === CHOICE_SYSTEM) &&
        typeof coding.code === 'string' &&
        options.includes(coding.code)
      ) {
        return { value: coding.code };
      }
      return wrong(`een van: ${options.join(', ')} (valueCoding)`, `one of: ${options.join(', ')} (valueCoding)`);
    }
  }
}

/** Sets a dotted path in a plain object, creating the objects on the way (ids come from the catalogue). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(current[key])) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1] as string] = value;
}

/**
 * Turns a filled-in FHIR R4 `QuestionnaireResponse` (from {@link toQuestionnaire}) back into a
 * case. Each item's `linkId` is a question id, i.e. the fact its answer fills. An unanswered item
 * and the answer "don't know" leave the fact unknown — never "no". Groups and help texts are
 * walked through. The response is not changed.
 *
 * Options `null` count as no options. Items nested deeper than 32 levels are
 * refused.
 *
 * @throws {@link MeldcodeInputError} listing every problem with its path in the response:
 *   unknown linkIds, answers of the wrong type, repeated answers to a single question,
 *   items nested too deep, a response marked `entered-in-error`.
 * @example
 * ```ts
 * const kase = fromQuestionnaireResponse({
 *   resourceType: 'QuestionnaireResponse',
 *   status: 'completed',
 *   questionnaire: 'urn:meldcode:questionnaire:basismodel',
 *   item: [{ linkId: 'considerations.suspicion', answer: [{ valueBoolean: false }] }],
 * });
 * // { framework: 'basismodel', considerations: { suspicion: false } }
 * const decision = evaluate(kase); // close-and-record
 * ```
 */
export function fromQuestionnaireResponse(
  response: QuestionnaireResponse,
  options: FromQuestionnaireResponseOptions | null = {},
): CaseInput {
  const issues: InputIssue[] = [];
  // Read once: a getter cannot give one value to the check and another to the use.
  const frameworkOption = (options ?? {}).framework;
  if (!isObject(response)) {
    throw new MeldcodeInputError([issue([], 'invalid_type', 'verwacht een QuestionnaireResponse', 'expected a QuestionnaireResponse')]);
  }
  if (response.resourceType !== 'QuestionnaireResponse') {
    issues.push(issue(['resourceType'], 'invalid_value', 'verwacht "QuestionnaireResponse"', 'expected "QuestionnaireResponse"'));
  }
  if (typeof response.status !== 'string' || !statuses.has(response.status)) {
    issues.push(
      issue(['status'], 'invalid_value', `ongeldige status; toegestaan: ${[...statuses].join(', ')}`, `invalid status; allowed: ${[...statuses].join(', ')}`),
    );
  } else if (response.status === 'entered-in-error') {
    issues.push(
      issue(['status'], 'entered-in-error', 'dit antwoord is als foutief ingevoerd gemarkeerd', 'this response is marked as entered in error'),
    );
  }

  const namedId = frameworkIdOf(response.questionnaire);
  let framework: Framework | undefined;
  try {
    if (frameworkOption !== undefined) framework = resolveFramework(frameworkOption);
    else if (namedId !== undefined && !hasFramework(namedId)) {
      issues.push(issue(['questionnaire'], 'unknown-framework', `onbekend afwegingskader "${echo(namedId)}"`, `unknown framework "${echo(namedId)}"`));
    } else framework = resolveFramework(namedId);
  } catch (error) {
    if (!(error instanceof MeldcodeInputError)) throw error;
    for (const found of error.issues) issues.push({ ...found, path: ['options', 'framework', ...found.path] });
  }
  if (!framework) throw new MeldcodeInputError(issues);

  const modules = questionModulesFor(framework);
  const groups = new Set(modules.map((m) => m.id));
  const questions = new Map(modules.flatMap((m) => m.questions.map((q) => [q.id, q] as const)));
  const helps = new Set([...questions.keys()].map(helpLinkId));
  const kase: Record<string, unknown> = {};
  if (namedId !== undefined && namedId === framework.id) kase.framework = framework.id;
  const where = new Map<string, Path>();

  const walk = (items: unknown, path: Path, depth = 1): void => {
    if (items === undefined) return;
    if (depth > MAX_ITEM_DEPTH) {
      issues.push(issue(path, 'too-deep', `items dieper genest dan ${MAX_ITEM_DEPTH} niveaus`, `items nested deeper than ${MAX_ITEM_DEPTH} levels`));
      return;
    }
    if (!Array.isArray(items)) {
      issues.push(issue(path, 'invalid_type', 'verwacht een lijst', 'expected an array'));
      return;
    }
    items.forEach((item, index) => {
      const at = [...path, index];
      if (!isObject(item) || typeof item.linkId !== 'string') {
        issues.push(issue([...at, 'linkId'], 'invalid_type', 'verwacht een item met een linkId', 'expected an item with a linkId'));
        return;
      }
      const linkId = item.linkId;
      const q = questions.get(linkId);
      if (!q) {
        if (!groups.has(linkId) && !helps.has(linkId)) {
          issues.push(issue([...at, 'linkId'], 'unknown-link-id', `onbekende vraag "${echo(linkId)}"`, `unknown question "${echo(linkId)}"`));
        } else if (item.answer !== undefined) {
          issues.push(issue([...at, 'answer'], 'unexpected-answer', `"${echo(linkId)}" is geen vraag`, `"${echo(linkId)}" is not a question`));
        }
        walk(item.item, [...at, 'item'], depth + 1);
        return;
      }
      if (where.has(linkId)) {
        issues.push(issue([...at, 'linkId'], 'duplicate-link-id', `vraag "${linkId}" staat er twee keer in`, `question "${linkId}" appears twice`));
        return;
      }
      where.set(linkId, at);
      walk(item.item, [...at, 'item'], depth + 1);
      const answers = item.answer ?? [];
      if (!Array.isArray(answers)) {
        issues.push(issue([...at, 'answer'], 'invalid_type', 'verwacht een lijst', 'expected an array'));
        return;
      }
      if (q.answer !== 'integer-list' && answers.length > 1) {
        issues.push(issue([...at, 'answer'], 'too-many-answers', `vraag "${linkId}" heeft één antwoord`, `question "${linkId}" takes one answer`));
        return;
      }
      const values: (boolean | number | string)[] = [];
      answers.forEach((answer, j) => {
        if (isObject(answer) && answer.item !== undefined) walk(answer.item, [...at, 'answer', j, 'item'], depth + 1);
        const result = answerValue(q, answer, [...at, 'answer', j]);
        if (result.issue) issues.push(result.issue);
        else if (result.value !== undefined) values.push(result.value);
      });
      if (values.length === 0) return; // unanswered: unknown, never "no"
      setPath(kase, linkId, q.answer === 'integer-list' ? values : values[0]);
    });
  };
  walk(response.item, ['item']);

  if (issues.length === 0) {
    // The answers must also make a valid case (e.g. a child's age under 18).
    const parsed = caseSchema.safeParse(kase);
    if (!parsed.success) {
      for (const i of fromZodIssues(parsed.error.issues)) {
        const fact = i.path.join('.');
        const id = [...where.keys()].find((k) => fact === k || fact.startsWith(`${k}.`));
        issues.push(id ? { ...i, path: [...(where.get(id) as Path), 'answer'] } : i);
      }
    }
  }
  if (issues.length > 0) throw new MeldcodeInputError(issues);
  return kase as CaseInput;
}
