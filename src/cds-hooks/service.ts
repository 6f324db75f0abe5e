// A CDS Hooks 2.0 service: discovery, two patient-view services and the feedback endpoint, as one
// request handler that knows nothing of the HTTP server it runs in (node:http, a web-standard
// fetch handler, or a framework's route: see ./node.ts and ./fetch.ts).
import { todayInAmsterdam } from '../case/date.js';
import { evaluate } from '../decision/evaluate.js';
import { MeldcodeInputError } from '../errors/errors.js';
import { overrideReasonCodings, toCdsHooksCard } from '../fhir/advice.js';
import { canonicalBase, canonicals, parseQuestionnaireCanonical } from '../fhir/canonical.js';
import { fromQuestionnaireResponse } from '../fhir/response.js';
import { nextQuestion } from '../fhir/adaptive.js';
import type { CdsHooksCard, CdsHooksLink, Coding, QuestionnaireResponse } from '../fhir/types.js';
import { evaluateKindcheck, kindcheckQuestions } from '../kindcheck/kindcheck.js';
import type { Lang } from '../rules/trail.js';
import { sourceTitle } from '../sources/sources.js';
import {
  bundleResources,
  checkSubject,
  childPrompts,
  conditionPrompts,
  defaultPromptCodes,
  encounterPrompts,
  PrefetchError,
  type Prompt,
  type PromptCode,
  patientBirthDate,
} from './ehr-data.js';

/** One feedback entry (CDS Hooks 2.0): what the professional did with a card. */
export interface CdsFeedback {
  /** The `uuid` of the card. */
  card: string;
  outcome: 'accepted' | 'overridden';
  /** When overridden: the reason picked (one of the card's `overrideReasons`, or the client's own) and a comment. */
  overrideReason?: { reason?: Coding; userComment?: string };
  acceptedSuggestions?: { id: string }[];
  /** When the professional acted, an ISO 8601 date-time. */
  outcomeTimestamp: string;
}

/** Options of {@link createCdsHooksHandler}. */
export interface CdsHooksServiceOptions {
  /** Language of the cards: `nl` (default) or `en`. */
  lang?: Lang;
  /** The canonical base the Questionnaires were published under (see `toQuestionnaire`). */
  canonicalBase?: string;
  /** Links on every card: e.g. a SMART app that asks the open questions, the dossier page of the full trail. */
  links?: CdsHooksLink[];
  /** The evaluation date (`YYYY-MM-DD`) of each call; default today in the Netherlands. */
  today?: () => string;
  /** The EHR codes that prompt kindcheck questions; default {@link defaultPromptCodes}. */
  promptCodes?: readonly PromptCode[];
  /**
   * Records feedback (accepted / overridden with reason). The library keeps nothing: without this
   * hook the feedback endpoint answers 501, so no feedback is silently dropped.
   */
  onFeedback?: (feedback: CdsFeedback[], context: { serviceId: string }) => void | Promise<void>;
  /**
   * Checks the request's `Authorization` header (CDS Hooks: a JWT the EHR signs) before a service
   * or feedback call; `false` answers 401. Discovery is public. See `jwtAuthorizer` for a verifier.
   */
  authorize?: (request: { authorization: string | undefined; serviceId: string; url: string }) => boolean | Promise<boolean>;
  /** The largest request body read, in bytes; larger is refused with 413. Default 5 MiB. */
  maxBodyBytes?: number;
}

/** A request as the handler reads it. */
export interface CdsHttpRequest {
  method: string;
  /** The path, e.g. `/cds-services/meldcode-kindcheck` (a query string is ignored). */
  path: string;
  headers: Record<string, string | undefined>;
  /** The raw body. */
  body: string;
  /** The full URL the client called (the JWT's `aud`); default the path. */
  url?: string;
}

/** A response as the handler writes it. */
export interface CdsHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or empty. */
  body: string;
}

/** A service as discovery lists it (CDS Hooks 2.0). */
export interface CdsServiceDefinition {
  id: string;
  hook: string;
  title: string;
  description: string;
  prefetch: Record<string, string>;
  usageRequirements?: string;
}

/**
 * The two services: the kindcheck alert and the afwegingskader advice, both on `patient-view`,
 * with the prefetch templates a CDS client fills (discovery lists them).
 *
 * @example
 * ```ts
 * cdsServices.map((s) => `${s.id} (${s.hook})`); // ['meldcode-kindcheck (patient-view)', 'meldcode-afwegingskader (patient-view)']
 * ```
 */
export const cdsServices: readonly CdsServiceDefinition[] = Object.freeze<CdsServiceDefinition[]>([
  {
    id: 'meldcode-kindcheck',
    hook: 'patient-view',
    title: 'Meldcode: Kindcheck',
    description:
      'Shows the kindcheck (Veelgestelde vragen, Kind Check) when the dossier records a parent problem (alcohol or drug use, a psychiatric problem, partner violence), a pregnancy or a child in the family. The codes only prompt the questions; they never answer them.',
    prefetch: {
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      relatedPersons: 'RelatedPerson?patient={{context.patientId}}',
      questionnaireResponses: 'QuestionnaireResponse?subject=Patient/{{context.patientId}}&_sort=-authored',
    },
    usageRequirements: 'Prefetch only: the service does not call the FHIR server. Every prefetch key is needed; a missing one is answered with 412.',
  },
  {
    id: 'meldcode-kindcheck-discharge',
    hook: 'encounter-discharge',
    title: 'Meldcode: Kindcheck bij ontslag',
    description:
      'The kindcheck when a patient is discharged, as meldcode-kindcheck, with the encounter: an emergency encounter prompts kindcheck question 3 (fleeting or one-off contact, Veelgestelde vragen, Kind Check, vraag 3); it never answers it.',
    prefetch: {
      patient: 'Patient/{{context.patientId}}',
      encounter: 'Encounter/{{context.encounterId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      relatedPersons: 'RelatedPerson?patient={{context.patientId}}',
      questionnaireResponses: 'QuestionnaireResponse?subject=Patient/{{context.patientId}}&_sort=-authored',
    },
    usageRequirements: 'Prefetch only: the service does not call the FHIR server. Every prefetch key is needed; a missing one is answered with 412.',
  },
  {
    id: 'meldcode-afwegingskader',
    hook: 'patient-view',
    title: 'Meldcode: afwegingskader',
    description:
      "Evaluates the patient's latest meldcode QuestionnaireResponse into the professional norm (report, help, close and record, or the questions still open), with the rules that decided and their sources.",
    prefetch: {
      patient: 'Patient/{{context.patientId}}',
      questionnaireResponses: 'QuestionnaireResponse?subject=Patient/{{context.patientId}}&_sort=-authored',
    },
    usageRequirements: 'Prefetch only: the service does not call the FHIR server. Every prefetch key is needed; a missing one is answered with 412.',
  },
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An error the handler answers with an OperationOutcome. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly expression?: string[],
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): CdsHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** A FHIR R4 OperationOutcome with one issue per problem (`code` from the R4 value set issue-type). */
function operationOutcome(issues: { code: string; text: string; expression?: string[] }[]) {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({ severity: 'error', code: i.code, details: { text: i.text }, ...(i.expression ? { expression: i.expression } : {}) })),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The hook request body, checked: hook, hookInstance, context.patientId, prefetch. */
function readHookRequest(body: unknown, service: CdsServiceDefinition): { patientId: string; encounterId?: string; hookInstance: string; prefetch: Json } {
  if (!isObject(body)) throw new HttpError(400, 'structure', 'the request body must be a JSON object');
  const problems: { text: string; expression: string[] }[] = [];
  if (body.hook !== service.hook) problems.push({ text: `hook must be "${service.hook}" for service ${service.id}`, expression: ['hook'] });
  if (typeof body.hookInstance !== 'string' || body.hookInstance === '') problems.push({ text: 'hookInstance (a UUID) is required', expression: ['hookInstance'] });
  const context = body.context;
  const patientId = isObject(context) ? context.patientId : undefined;
  if (typeof patientId !== 'string' || !/^[A-Za-z0-9\-.]{1,64}$/.test(patientId)) problems.push({ text: 'context.patientId must be a FHIR id', expression: ['context.patientId'] });
  // encounter-discharge names the encounter (CDS Hooks: context.encounterId, required).
  const encounterId = service.hook === 'encounter-discharge' && isObject(context) ? context.encounterId : undefined;
  if (service.hook === 'encounter-discharge' && (typeof encounterId !== 'string' || !/^[A-Za-z0-9\-.]{1,64}$/.test(encounterId))) {
    problems.push({ text: 'context.encounterId must be a FHIR id', expression: ['context.encounterId'] });
  }
  if (body.fhirAuthorization !== undefined && body.fhirServer === undefined) problems.push({ text: 'fhirAuthorization requires fhirServer', expression: ['fhirAuthorization'] });
  if (body.prefetch !== undefined && !isObject(body.prefetch)) problems.push({ text: 'prefetch must be an object', expression: ['prefetch'] });
  if (problems.length > 0) {
    const [first] = problems;
    throw Object.assign(new HttpError(400, 'invalid', first?.text ?? 'invalid request'), { problems });
  }
  const prefetch = (body.prefetch ?? {}) as Json;
  // The service works from prefetch only: a key the client did not fill is asked for, never guessed.
  const missing = Object.keys(service.prefetch).filter(
    (key) => !Object.hasOwn(prefetch, key) || (isObject(prefetch[key]) && prefetch[key].resourceType === 'OperationOutcome'),
  );
  if (missing.length > 0) {
    throw new HttpError(
      412,
      'required',
      `prefetch needed: ${missing.map((k) => `${k} (${service.prefetch[k]})`).join(', ')}; this service does not call the FHIR server`,
      missing.map((k) => `prefetch.${k}`),
    );
  }
  return { patientId: patientId as string, ...(typeof encounterId === 'string' ? { encounterId } : {}), hookInstance: body.hookInstance as string, prefetch };
}

/**
 * The latest QuestionnaireResponse of the patient that answers one of the library's
 * Questionnaires asking `module` (a whole one, or a partial one with that module).
 */
function latestResponse(prefetch: Json, patientId: string, base: string, module: string): Json | undefined {
  const responses = bundleResources(prefetch.questionnaireResponses, 'questionnaireResponses', 'QuestionnaireResponse');
  const ours = responses.filter((r) => {
    checkSubject(r, 'questionnaireResponses', 'subject', patientId);
    const identity = typeof r.questionnaire === 'string' ? parseQuestionnaireCanonical(r.questionnaire, base) : undefined;
    return r.status !== 'entered-in-error' && identity !== undefined && (identity.modules === undefined || identity.modules.includes(module));
  });
  // Latest by `authored` as a point in time (time zones differ); undated ones last.
  const time = (r: Json) => {
    const t = typeof r.authored === 'string' ? Date.parse(r.authored) : Number.NaN;
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  return ours.sort((a, b) => time(b) - time(a))[0];
}

/** A response read into a case; a response that is not a valid one is the EHR's data problem (422). */
function caseOf(response: Json, base: string): Record<string, unknown> {
  try {
    return fromQuestionnaireResponse(response as unknown as QuestionnaireResponse, { canonicalBase: base }) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof MeldcodeInputError)) throw error;
    throw Object.assign(new HttpError(422, 'invalid', `QuestionnaireResponse/${String(response.id)} cannot be read`), {
      problems: error.issues.map((i) => ({ text: i.message.en, expression: [`QuestionnaireResponse.${i.path.join('.')}`] })),
    });
  }
}

/** Adds the EHR's date of birth to a case that has none: the professional's own answer stands. */
function withBirthDate(kase: Record<string, unknown>, birthDate: string | undefined): Record<string, unknown> {
  const client = (kase.client ?? {}) as Record<string, unknown>;
  if (birthDate === undefined || client.birthDate !== undefined || client.age !== undefined) return kase;
  return { ...kase, client: { ...client, birthDate } };
}

const words = {
  nl: {
    kindcheck: 'Kindcheck',
    recorded: 'Wat het dossier vermeldt',
    recordedNote: 'Dit is een aanleiding om de vragen te stellen, geen antwoord: alleen u kunt ze beantwoorden.',
    ask: 'Vragen van de kindcheck',
    subQuestions: 'Vragen die u de cliënt kunt stellen',
    outcome: 'Uitkomst',
    record: 'Leg vast',
    source: 'Bron',
    summaryOpen: (what: string) => `Kindcheck: het dossier vermeldt ${what}. Doe de kindcheck.`,
    more: (n: number) => ` en ${n} meer`,
  },
  en: {
    kindcheck: 'Kindcheck',
    recorded: 'What the dossier records',
    recordedNote: 'This is a reason to ask the questions, not an answer: only you can answer them.',
    ask: 'Kindcheck questions',
    subQuestions: 'Questions you can ask the client',
    outcome: 'Outcome',
    record: 'Record',
    source: 'Source',
    summaryOpen: (what: string) => `Kindcheck: the dossier records ${what}. Do the kindcheck.`,
    more: (n: number) => ` and ${n} more`,
  },
} as const;

/** Escapes the characters markdown would read as formatting. */
const md = (text: string) => text.replace(/([\\`*[\]<>_])/g, '\\$1');
const under140 = (text: string) => (text.length < 140 ? text : `${text.slice(0, 138)}…`);
const KINDCHECK_SOURCE = '004_afb33b2afc6e3693.txt';

/** The kindcheck card, or none: no prompt and no answer, or a kindcheck that is done. */
/** The prompts that open the kindcheck: a parent problem or a pregnancy (question 1 comes first). */
const opensKindcheck = (p: Prompt) => p.question === 'kindcheck.parentSignals' || p.question === 'client.pregnant';

function kindcheckCards(prefetch: Json, patientId: string, options: ResolvedOptions, encounterId?: string): CdsHooksCard[] {
  const { lang, base } = options;
  const evaluationDate = options.today();
  const birthDate = patientBirthDate(prefetch.patient, patientId, evaluationDate);
  const conditions = bundleResources(prefetch.conditions, 'conditions', 'Condition');
  const related = bundleResources(prefetch.relatedPersons, 'relatedPersons', 'RelatedPerson');
  const prompts: Prompt[] = [
    ...conditionPrompts(conditions, patientId, options.promptCodes, lang),
    ...childPrompts(related, patientId, evaluationDate, lang),
    ...(encounterId !== undefined ? encounterPrompts(prefetch.encounter, encounterId, patientId, lang) : []),
  ];
  const response = latestResponse(prefetch, patientId, base, 'kindcheck');
  const kase = withBirthDate(response ? caseOf(response, base) : {}, birthDate);
  const answered = (kase.kindcheck as Json | undefined)?.parentSignals === true;
  // Only a parent problem or a pregnancy in the dossier (or a yes already given) opens the
  // kindcheck; a child in the family alone does not, as question 1 comes first.
  if (!answered && !prompts.some(opensKindcheck)) return [];
  const input = Object.fromEntries(Object.entries(kase).filter(([k]) => k === 'client' || k === 'contact' || k === 'kindcheck'));
  const result = evaluateKindcheck(input, { lang, evaluationDate });
  if (result.status === 'complete') return [];
  if (result.status === 'not-applicable') {
    // A minor client: the kindcheck applies once they are known to be pregnant or to care for a
    // child. A pregnancy or a child in the dossier prompts exactly that question.
    const ask = [...new Set(prompts.map((p) => p.question))].filter((id) => id === 'client.pregnant' || id === 'client.caresForMinor');
    if (ask.length === 0) return [];
    result.nextQuestions = ask.map((id) => kindcheckQuestions.get(id)).filter((q) => q !== undefined);
    result.text = null;
    result.status = 'open';
  }

  const w = words[lang];
  const lines: string[] = [];
  if (prompts.length > 0) {
    lines.push(`### ${w.recorded}`, '');
    for (const p of prompts) lines.push(`- ${md(p.text)}`);
    lines.push('', w.recordedNote, '');
  }
  if (result.text) lines.push(`**${w.outcome}:** ${md(result.text)}`, '');
  if (result.nextQuestions.length > 0) {
    lines.push(`### ${w.ask}`, '');
    for (const q of result.nextQuestions) lines.push(`- ${md(q.text[lang])}`);
    lines.push('');
  }
  if (result.subQuestions.length > 0) {
    lines.push(`### ${w.subQuestions}`, '');
    for (const q of result.subQuestions) lines.push(`- ${md(q)}`);
    lines.push('');
  }
  if (result.status !== 'open' && result.record.length > 0) {
    lines.push(`### ${w.record}`, '');
    for (const r of result.record) lines.push(`- ${md(r.text)}`);
    lines.push('');
  }
  lines.push(`_${w.source}:_ ${md(sourceTitle(KINDCHECK_SOURCE))}, Kind Check`);

  const problems = prompts.filter(opensKindcheck);
  const first = problems[0]?.text.replace(/ \[.*$/, '');
  const summary = result.status === 'open' && first
    ? w.summaryOpen(`${first}${problems.length > 1 ? w.more(problems.length - 1) : ''}`)
    : `${w.kindcheck}: ${result.text ?? ''}`;
  const card: CdsHooksCard = {
    uuid: globalThis.crypto.randomUUID(),
    summary: under140(summary),
    detail: lines.join('\n'),
    // Following the steps, or asking Veilig Thuis, is what the kindcheck concludes: a warning.
    indicator: result.status === 'open' ? 'info' : 'warning',
    source: { label: `Meldcode — Kindcheck (${sourceTitle(KINDCHECK_SOURCE)})`, topic: { system: canonicals(base).frameworkSystem, code: 'kindcheck', display: 'Kindcheck' } },
    overrideReasons: overrideReasonCodings(canonicals(base).overrideReasonSystem, lang),
  };
  if (options.links.length > 0) card.links = options.links.map((l) => ({ ...l }));
  return [card];
}

/** The afwegingskader card of the latest response, or none when the patient has no response yet. */
function afwegingskaderCards(prefetch: Json, patientId: string, options: ResolvedOptions): CdsHooksCard[] {
  const { base, lang } = options;
  const evaluationDate = options.today();
  const birthDate = patientBirthDate(prefetch.patient, patientId, evaluationDate);
  const response = latestResponse(prefetch, patientId, base, 'afwegingskader');
  if (!response) return [];
  const kase = withBirthDate(caseOf(response, base), birthDate);
  let decision;
  try {
    decision = evaluate(kase, { lang, evaluationDate });
  } catch (error) {
    if (!(error instanceof MeldcodeInputError)) throw error;
    throw Object.assign(new HttpError(422, 'invalid', `QuestionnaireResponse/${String(response.id)} does not make a valid case`), {
      problems: error.issues.map((i) => ({ text: i.message.en, expression: [i.path.join('.')] })),
    });
  }
  return [toCdsHooksCard(decision, { canonicalBase: base, ...(options.links.length > 0 ? { links: options.links } : {}) })];
}

/** The feedback body, checked. */
function readFeedback(body: unknown): CdsFeedback[] {
  const entries = isObject(body) ? body.feedback : undefined;
  if (!Array.isArray(entries) || entries.length === 0) throw new HttpError(400, 'invalid', 'feedback must be a non-empty array', ['feedback']);
  const problems: { text: string; expression: string[] }[] = [];
  const out: CdsFeedback[] = [];
  entries.forEach((e, i) => {
    const at = (field: string) => [`feedback[${i}]${field ? `.${field}` : ''}`];
    if (!isObject(e)) return void problems.push({ text: 'a feedback entry must be an object', expression: at('') });
    if (typeof e.card !== 'string' || !uuidPattern.test(e.card)) problems.push({ text: 'card must be the uuid of a card', expression: at('card') });
    if (e.outcome !== 'accepted' && e.outcome !== 'overridden') problems.push({ text: 'outcome must be accepted or overridden', expression: at('outcome') });
    if (typeof e.outcomeTimestamp !== 'string' || !dateTimePattern.test(e.outcomeTimestamp)) {
      problems.push({ text: 'outcomeTimestamp must be an ISO 8601 date-time with a time zone', expression: at('outcomeTimestamp') });
    }
    const reason = e.overrideReason;
    if (reason !== undefined) {
      if (e.outcome !== 'overridden') problems.push({ text: 'overrideReason goes with outcome overridden', expression: at('overrideReason') });
      else if (!isObject(reason)) problems.push({ text: 'overrideReason must be an object', expression: at('overrideReason') });
      else {
        const coding = reason.reason;
        if (coding !== undefined && (!isObject(coding) || typeof coding.code !== 'string')) problems.push({ text: 'overrideReason.reason must be a Coding', expression: at('overrideReason.reason') });
        if (reason.userComment !== undefined && typeof reason.userComment !== 'string') problems.push({ text: 'overrideReason.userComment must be text', expression: at('overrideReason.userComment') });
      }
    }
    if (e.acceptedSuggestions !== undefined && !(Array.isArray(e.acceptedSuggestions) && e.acceptedSuggestions.every((s) => isObject(s) && typeof s.id === 'string'))) {
      problems.push({ text: 'acceptedSuggestions must be a list of { id }', expression: at('acceptedSuggestions') });
    }
    out.push(structuredClone(e) as unknown as CdsFeedback);
  });
  if (problems.length > 0) throw Object.assign(new HttpError(400, 'invalid', problems[0]?.text ?? 'invalid feedback'), { problems });
  return out;
}

/** The answer to a body over the limit, for adapters that stop reading it (413, FHIR OperationOutcome). */
export function bodyTooLargeResponse(maxBodyBytes: number): CdsHttpResponse {
  const response = json(413, operationOutcome([{ code: 'too-costly', text: `the body is larger than ${maxBodyBytes} bytes` }]), corsHeaders);
  return { ...response, headers: { ...response.headers, connection: 'close' } };
}

interface ResolvedOptions {
  lang: Lang;
  base: string;
  links: CdsHooksLink[];
  today: () => string;
  promptCodes: readonly PromptCode[];
}

/** CORS: browser-based CDS clients (e.g. the CDS Hooks sandbox) call the service from another origin. */
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
};

/**
 * The CDS Hooks 2.0 service as one request handler:
 * - `GET /cds-services`: discovery of {@link cdsServices};
 * - `POST /cds-services/meldcode-kindcheck`: the kindcheck card when the prefetched Patient,
 *   Conditions and RelatedPersons give a reason (a coded parent problem or pregnancy), with the
 *   patient's answers to the kindcheck (the latest meldcode QuestionnaireResponse) taken in;
 * - `POST /cds-services/meldcode-afwegingskader`: the advice of the latest meldcode
 *   QuestionnaireResponse, as the card of `toCdsHooksCard`;
 * - `POST /cds-services/{id}/feedback`: feedback, passed to `onFeedback`.
 *
 * Answers `{ cards: [...] }`, or a FHIR `OperationOutcome` with 400 (malformed request or
 * prefetch), 401 (refused by `authorize`), 404, 405, 412 (a prefetch key missing: the service asks
 * for it and does not guess), 413, 422 (a QuestionnaireResponse that is no valid meldcode answer)
 * or 501 (feedback without `onFeedback`).
 *
 * @throws {@link MeldcodeInputError} for a `canonicalBase` that is not an http(s) URL.
 * @example
 * ```ts
 * const handle = createCdsHooksHandler({ onFeedback: (entries) => store(entries) });
 * const res = await handle({ method: 'GET', path: '/cds-services', headers: {}, body: '' });
 * JSON.parse(res.body).services.map((s) => s.id); // ['meldcode-kindcheck', 'meldcode-afwegingskader']
 * ```
 */
export function createCdsHooksHandler(options: CdsHooksServiceOptions = {}): (request: CdsHttpRequest) => Promise<CdsHttpResponse> {
  const resolved: ResolvedOptions = {
    lang: options.lang === 'en' ? 'en' : 'nl',
    base: canonicalBase(options.canonicalBase),
    links: [...(options.links ?? [])],
    today: options.today ?? (() => todayInAmsterdam()),
    promptCodes: options.promptCodes ?? defaultPromptCodes,
  };
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const services = new Map(cdsServices.map((s) => [s.id, s]));

  /** The request's JSON body, once the host's `authorize` accepts the call and the body is within its size. */
  const authorizedBody = async (request: CdsHttpRequest, serviceId: string, url: string): Promise<unknown> => {
    if (options.authorize) {
      const ok = await options.authorize({ authorization: request.headers.authorization, serviceId, url });
      if (!ok) throw new HttpError(401, 'login', 'the bearer token was refused', undefined, { 'www-authenticate': 'Bearer' });
    }
    if (new TextEncoder().encode(request.body).length > maxBodyBytes) throw new HttpError(413, 'too-costly', `the body is larger than ${maxBodyBytes} bytes`);
    try {
      return JSON.parse(request.body) as unknown;
    } catch {
      throw new HttpError(400, 'structure', 'the body is not JSON');
    }
  };

  /**
   * SDC `$next-question` over HTTP: a QuestionnaireResponse (or a Parameters with it as
   * `questionnaireResponse`) in, the next step of `nextQuestion` out. Checked by `authorize` like
   * the services.
   */
  const nextQuestionOperation = async (request: CdsHttpRequest, method: string): Promise<CdsHttpResponse> => {
    if (method !== 'POST') throw new HttpError(405, 'not-supported', '$next-question takes POST', undefined, { allow: 'POST, OPTIONS' });
    const body = await authorizedBody(request, '$next-question', request.url ?? request.path);
    const fromParameters = isObject(body) && body.resourceType === 'Parameters' && Array.isArray(body.parameter)
      ? (body.parameter.find((p: unknown) => isObject(p) && p.name === 'questionnaireResponse') as Json | undefined)?.resource
      : body;
    if (!isObject(fromParameters) || fromParameters.resourceType !== 'QuestionnaireResponse') {
      throw new HttpError(400, 'invalid', 'expected a QuestionnaireResponse, or a Parameters with it as questionnaireResponse');
    }
    const response = fromParameters as unknown as QuestionnaireResponse;
    try {
      const decision = evaluate(fromQuestionnaireResponse(response, { canonicalBase: resolved.base }), { lang: resolved.lang, evaluationDate: resolved.today() });
      return json(200, nextQuestion(response, decision, { canonicalBase: resolved.base }));
    } catch (error) {
      if (!(error instanceof MeldcodeInputError)) throw error;
      throw Object.assign(new HttpError(422, 'invalid', 'the QuestionnaireResponse cannot be read'), {
        problems: error.issues.map((i) => ({ text: i.message.en, expression: [`QuestionnaireResponse.${i.path.join('.')}`] })),
      });
    }
  };

  const route = async (request: CdsHttpRequest): Promise<CdsHttpResponse> => {
    const path = (request.path.split('?')[0] ?? '').replace(/\/+$/, '');
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS') return { status: 204, headers: {}, body: '' };
    if (path === '/cds-services') {
      if (method !== 'GET') throw new HttpError(405, 'not-supported', 'discovery takes GET', undefined, { allow: 'GET, OPTIONS' });
      return json(200, { services: cdsServices });
    }
    if (path === '/Questionnaire/$next-question') return nextQuestionOperation(request, method);
    const match = /^\/cds-services\/([^/]+)(\/feedback)?$/.exec(path);
    const service = match ? services.get(decodeURIComponent(match[1] as string)) : undefined;
    if (!match || !service) throw new HttpError(404, 'not-found', `no such endpoint: ${path}`);
    if (method !== 'POST') throw new HttpError(405, 'not-supported', 'a service call takes POST', undefined, { allow: 'POST, OPTIONS' });
    const body = await authorizedBody(request, service.id, request.url ?? path);
    if (match[2]) {
      if (!options.onFeedback) throw new HttpError(501, 'not-supported', 'this service records no feedback (no onFeedback configured)');
      const feedback = readFeedback(body);
      await options.onFeedback(feedback, { serviceId: service.id });
      return json(200, {});
    }
    const { patientId, encounterId, prefetch } = readHookRequest(body, service);
    try {
      const cards = service.id === 'meldcode-afwegingskader' ? afwegingskaderCards(prefetch, patientId, resolved) : kindcheckCards(prefetch, patientId, resolved, encounterId);
      return json(200, { cards });
    } catch (error) {
      if (error instanceof PrefetchError) throw new HttpError(400, 'invalid', error.message, [`prefetch.${error.key}`]);
      throw error;
    }
  };

  return async (request) => {
    let response: CdsHttpResponse;
    try {
      response = await route(request);
    } catch (error) {
      if (!(error instanceof HttpError)) {
        // Never a stack trace or an input value to the client, nor to the log: a message may
        // quote the patient's data (see the privacy guidance in the EHR guide).
        response = json(500, operationOutcome([{ code: 'exception', text: 'internal error' }]));
        console.error(`meldcode cds-hooks: internal error (${error instanceof Error ? error.name : typeof error})`);
      } else {
        const problems = (error as HttpError & { problems?: { text: string; expression: string[] }[] }).problems;
        const issues = problems?.map((p) => ({ code: error.code, text: p.text, expression: p.expression })) ?? [
          { code: error.code, text: error.message, ...(error.expression ? { expression: error.expression } : {}) },
        ];
        response = json(error.status, operationOutcome(issues), error.extraHeaders);
      }
    }
    return { ...response, headers: { ...corsHeaders, ...response.headers } };
  };
}
