import { type CaseInput, caseSchema } from '../case/schema.js';
import { echo, fromZodIssues, type InputIssue, type InputIssueCode, MeldcodeInputError } from '../errors/errors.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import { hasFramework } from '../frameworks/registry.js';
import { resolveFramework } from '../questions/list.js';
import { type Question, questionModulesFor } from '../questions/questions.js';
import { canonicalBase, canonicals, parseQuestionnaireCanonical, type QuestionnaireIdentity } from './canonical.js';
import { DATA_ABSENT_SYSTEM, LEGACY_CHOICE_SYSTEM, YES_NO_SYSTEM } from './codes.js';
import { helpLinkId } from './questionnaire.js';
import type { QuestionnaireResponse } from './types.js';
import type { FrameworkRef } from '../authoring/ids.js';

/** Options for {@link fromQuestionnaireResponse}. */
export interface FromQuestionnaireResponseOptions {
  /**
   * The framework the Questionnaire was generated from: a shipped id or a framework document.
   * Default: the one the response's `questionnaire` canonical names; a response without a
   * `questionnaire` is read with `basismodel`, as `evaluate` reads a case without a framework.
   * Pass it when you republish a generated Questionnaire under a canonical of your own.
   */
  framework?: FrameworkRef;
  /** The canonical base the Questionnaire was generated with (see `toQuestionnaire`); default the library's. */
  canonicalBase?: string;
}

/**
 * How deep `item`s may nest in a response (an answer's `item`s count as one level deeper). A
 * Questionnaire from {@link toQuestionnaire} nests a few levels; deeper is refused with the issue
 * code `too-deep`, before walking further.
 */
export const MAX_ITEM_DEPTH = 32;

const statuses = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);
type Path = (string | number)[];

const issue = (path: Path, code: InputIssueCode, nl: string, en: string): InputIssue => ({ path, code, message: { nl, en } });
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * For a response to a contained Questionnaire (`questionnaire: '#id'`, as an adaptive step of
 * `nextQuestion` writes it): the canonical that Questionnaire derives from.
 */
function containedSource(response: Record<string, unknown>): string | undefined {
  const q = response.questionnaire;
  if (typeof q !== 'string' || !q.startsWith('#') || !Array.isArray(response.contained)) return undefined;
  const contained = response.contained.find((r: unknown) => isObject(r) && r.resourceType === 'Questionnaire' && `#${String(r.id)}` === q);
  const derivedFrom = isObject(contained) && Array.isArray(contained.derivedFrom) ? contained.derivedFrom[0] : undefined;
  return typeof derivedFrom === 'string' ? derivedFrom : undefined;
}

/**
 * What the response's `questionnaire` canonical names: one of this library's Questionnaires,
 * `undefined` when the response names none, or `null` (with an issue) when it names one that is
 * not this library's under `base`. A foreign canonical is accepted only with the `framework`
 * option: without it the library cannot know which framework the Questionnaire asks for.
 */
function namedQuestionnaire(
  questionnaire: unknown,
  base: string,
  frameworkGiven: boolean,
  issues: InputIssue[],
): QuestionnaireIdentity | undefined | null {
  if (questionnaire === undefined) return undefined;
  if (typeof questionnaire !== 'string') {
    issues.push(issue(['questionnaire'], 'invalid_type', 'verwacht een canonical URL', 'expected a canonical URL'));
    return null;
  }
  const identity = parseQuestionnaireCanonical(questionnaire, base);
  if (identity || frameworkGiven) return identity;
  const url = echo(questionnaire);
  issues.push(
    issue(
      ['questionnaire'],
      'unknown-questionnaire',
      `onbekende Questionnaire "${url}": geef het afwegingskader mee (optie framework) of de canonical base waarmee hij is gemaakt (optie canonicalBase)`,
      `unknown Questionnaire "${url}": pass the framework (option framework) or the canonical base it was generated with (option canonicalBase)`,
    ),
  );
  return null;
}

/** A canonical of ours must name the framework in use, and its `|version` must be that framework's version. */
function checkIdentity(named: QuestionnaireIdentity, framework: Framework, frameworkGiven: boolean, issues: InputIssue[]): void {
  if (frameworkGiven && named.frameworkId !== framework.id) {
    const [a, b] = [echo(named.frameworkId), framework.id];
    issues.push(
      issue(
        ['questionnaire'],
        'questionnaire-framework-mismatch',
        `de Questionnaire hoort bij afwegingskader "${a}", niet bij "${b}"`,
        `the Questionnaire belongs to framework "${a}", not "${b}"`,
      ),
    );
  }
  if (named.version !== undefined && named.version !== framework.version) {
    const [v, w] = [echo(named.version), framework.version];
    issues.push(
      issue(
        ['questionnaire'],
        'questionnaire-version-mismatch',
        `de Questionnaire heeft versie ${v}; afwegingskader "${framework.id}" heeft versie ${w}`,
        `the Questionnaire has version ${v}; framework "${framework.id}" has version ${w}`,
      ),
    );
  }
}

/** The value of one answer for a question, or an issue; `undefined` for "don't know". */
function answerValue(q: Question, answer: unknown, path: Path, answerSystem: string): { value?: boolean | number | string; issue?: InputIssue } {
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
        (coding.system === undefined || coding.system === answerSystem || coding.system === LEGACY_CHOICE_SYSTEM) &&
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
 * The response's `questionnaire` canonical names the framework, and is checked: a canonical that
 * is not the library's under `canonicalBase` (`unknown-questionnaire`, unless you pass
 * `framework`), a `|version` other than the framework's (`questionnaire-version-mismatch`), a
 * `framework` option that contradicts it (`questionnaire-framework-mismatch`). The case names the
 * framework whenever the response or the caller does.
 *
 * @throws {@link MeldcodeInputError} listing every problem with its path in the response:
 *   the Questionnaire problems above, unknown linkIds, answers of the wrong type, repeated
 *   answers to a single question, items nested too deep, a response marked `entered-in-error`.
 * @example
 * ```ts
 * const kase = fromQuestionnaireResponse({
 *   resourceType: 'QuestionnaireResponse',
 *   status: 'completed',
 *   questionnaire: questionnaireUrl('basismodel'), // 'https://meldcode.example/fhir/Questionnaire/meldcode.basismodel.nl'
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

  let base: string;
  try {
    base = canonicalBase((options ?? {}).canonicalBase);
  } catch (error) {
    if (error instanceof MeldcodeInputError) issues.push(...error.issues);
    throw new MeldcodeInputError(issues);
  }
  const answerSystem = canonicals(base).answerSystem;
  const named = namedQuestionnaire(containedSource(response) ?? response.questionnaire, base, frameworkOption !== undefined, issues);
  let framework: Framework | undefined;
  try {
    if (frameworkOption !== undefined) framework = resolveFramework(frameworkOption);
    else if (named && !hasFramework(named.frameworkId)) {
      const id = echo(named.frameworkId);
      issues.push(issue(['questionnaire'], 'unknown-framework', `onbekend afwegingskader "${id}"`, `unknown framework "${id}"`));
    } else if (named !== null) framework = resolveFramework(named?.frameworkId);
  } catch (error) {
    if (!(error instanceof MeldcodeInputError)) throw error;
    for (const found of error.issues) issues.push({ ...found, path: ['options', 'framework', ...found.path] });
  }
  if (framework && named) checkIdentity(named, framework, frameworkOption !== undefined, issues);
  if (!framework) throw new MeldcodeInputError(issues);

  const modules = questionModulesFor(framework);
  const groups = new Set(modules.map((m) => m.id));
  const questions = new Map(modules.flatMap((m) => m.questions.map((q) => [q.id, q] as const)));
  const helps = new Set([...questions.keys()].map(helpLinkId));
  const kase: Record<string, unknown> = {};
  // The case names its framework whenever the response or the caller did: evaluate() must not
  // fall back to basismodel for a response to another framework's Questionnaire.
  if (named || frameworkOption !== undefined) kase.framework = framework.id;
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
        const result = answerValue(q, answer, [...at, 'answer', j], answerSystem);
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
