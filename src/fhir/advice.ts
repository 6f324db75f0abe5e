import type { Decision } from '../decision/types.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import { getFramework, hasFramework } from '../frameworks/registry.js';
import { formatSource } from '../format/format.js';
import { objectionReason, outcomeText } from '../format/outcome.js';
import { resolveFramework } from '../questions/list.js';
import { deepFreeze } from '../rules/freeze.js';
import type { Lang } from '../rules/trail.js';
import { sourceEntry, sourceTitle } from '../sources/sources.js';
import { canonicalBase, canonicals } from './canonical.js';
import type { CdsHooksCard, CdsHooksLink, Coding, GuidanceResponse, ParametersParameter, Reference } from './types.js';

/** Options for {@link toCdsHooksCard} and {@link toGuidanceResponse}. */
export interface AdviceOptions {
  /**
   * The framework the decision was made with, when it is not one the library ships (a
   * framework document); it names the source of the advice.
   */
  framework?: Framework | FrameworkInput;
  /** The base of the canonical URLs (see `toQuestionnaire`); default the library's. */
  canonicalBase?: string;
}

/** Options for {@link toCdsHooksCard}. */
export interface CardOptions extends AdviceOptions {
  /** The card's `uuid`, which feedback names; default a random UUID (`crypto.randomUUID`). */
  uuid?: string;
  /**
   * Links shown on the card: e.g. a SMART app that asks the open questions, or the page of the
   * dossier that shows the full trail. The card's detail is short; the full trail is behind a link.
   */
  links?: CdsHooksLink[];
}

/** Options for {@link toGuidanceResponse}: who and what the advice is about, all optional (FHIR R4). */
export interface GuidanceOptions extends AdviceOptions {
  /** The patient or client, e.g. `{ reference: 'Patient/123' }`. */
  subject?: Reference;
  encounter?: Reference;
  /** The system that gave the advice: in R4 a `Device` reference, e.g. `{ reference: 'Device/meldcode' }`. */
  performer?: Reference;
  /** The id of the request (e.g. the CDS Hooks `hookInstance`). */
  requestIdentifier?: { system?: string; value: string };
}

/**
 * The reasons a professional can pick when they set a card aside (CDS Hooks `overrideReasons`):
 * the professional decides, and feedback records why. Codes of `…/CodeSystem/meldcode-override-reason`.
 *
 * @example
 * ```ts
 * overrideReasons.map((r) => r.code); // ['decides-otherwise', 'data-incorrect', 'already-handled']
 * ```
 */
export const overrideReasons = deepFreeze([
  { code: 'decides-otherwise', display: { nl: 'Ik besluit anders (licht toe)', en: 'I decide otherwise (explain)' } },
  { code: 'data-incorrect', display: { nl: 'De gegevens kloppen niet', en: 'The data are not correct' } },
  { code: 'already-handled', display: { nl: 'Al besproken of gemeld', en: 'Already discussed or reported' } },
] as const);

const words = {
  nl: {
    outcome: 'Uitkomst',
    decision1: 'Beslissing 1: is melden noodzakelijk?',
    decision2: 'Beslissing 2: is zelf hulp bieden of organiseren (ook) mogelijk?',
    yes: 'ja',
    no: 'nee',
    open: 'nog open',
    together: 'samen met Veilig Thuis te beantwoorden',
    norm: 'norm',
    questions: 'Vragen die nu nodig zijn',
    actions: 'Acties',
    trail: 'Onderbouwing',
    why: 'Waarom',
    more: (n: number) => `en nog ${n}`,
    fullTrail: 'De volledige onderbouwing staat achter de link op deze kaart en in de GuidanceResponse.',
    source: 'Bron',
    receipt: 'Verantwoording',
  },
  en: {
    outcome: 'Outcome',
    decision1: 'Decision 1: is reporting necessary?',
    decision2: 'Decision 2: is offering or organising help (also) possible?',
    yes: 'yes',
    no: 'no',
    open: 'still open',
    together: 'to be answered together with Veilig Thuis',
    norm: 'norm',
    questions: 'Questions needed now',
    actions: 'Actions',
    trail: 'Reasons',
    why: 'Why',
    more: (n: number) => `and ${n} more`,
    fullTrail: 'The full reasoning is behind the link on this card and in the GuidanceResponse.',
    source: 'Source',
    receipt: 'Receipt',
  },
} as const;

/** Escapes the characters markdown would read as formatting (GFM leaves `_` inside words alone). */
const md = (text: string) => text.replace(/([\\`*[\]<>])/g, '\\$1').replace(/(^|\s)_/g, '$1\\_');

/** The summary of a decision, under 140 characters (CDS Hooks). */
export function adviceSummary(decision: Decision): string {
  const lang = decision.lang;
  const outcome = outcomeText(decision, lang);
  let text = `Meldcode: ${outcome.charAt(0).toLowerCase()}${outcome.slice(1)}`;
  const norms = decision.report.norms;
  if (decision.report.necessary && norms.length > 0) text += ` (${words[lang].norm} ${norms.join(', ')}).`;
  else if (decision.outcome === 'report' || decision.outcome === 'report-and-help') text += '.';
  return text.length < 140 ? text : `${text.slice(0, 138)}…`;
}

/**
 * A decision as markdown: outcome, the two step-5 decisions, questions, actions, the trail with
 * each rule's source, the receipt and the disclaimer — for a card's detail or a dossier note.
 */
export function adviceMarkdown(decision: Decision): string {
  const lang = decision.lang;
  const w = words[lang];
  const r = decision.report;
  const h = decision.help;
  const lines: string[] = [];
  lines.push(`**${w.outcome}:** ${md(outcomeText(decision, lang))}`, '');
  const necessary = r.necessary === null ? w.open : r.necessary ? w.yes : w.no;
  const norms = r.norms.length ? ` (${r.norms.map((n) => `${w.norm} ${n}`).join(', ')})` : '';
  const because = objectionReason(decision, lang);
  lines.push(`- **${w.decision1}** ${necessary}${because ? `: ${md(because)}` : ''}${norms}`);
  const possible = h.possible === null ? (h.togetherWithVeiligThuis ? w.together : w.open) : h.possible ? w.yes : w.no;
  lines.push(`- **${w.decision2}** ${possible}`);
  if (decision.nextQuestions.length > 0) {
    lines.push('', `### ${w.questions}`, '');
    for (const q of decision.nextQuestions) lines.push(`- ${md(q.text[lang])} (\`${q.id}\`)`);
  }
  if (decision.actions.length > 0) {
    lines.push('', `### ${w.actions}`, '');
    for (const a of decision.actions) lines.push(`- ${md(a.text)}`);
  }
  lines.push('', `### ${w.trail}`, '');
  decision.trail.forEach((e, i) => {
    lines.push(`${i + 1}. \`${e.ruleId}\`: ${md(e.explanation)}`);
    lines.push(`   _${w.source}:_ ${md(formatSource(e.source))}`);
  });
  const rc = decision.receipt;
  lines.push(
    '',
    `### ${w.receipt}`,
    '',
    `meldcode ${rc.library.version} · ${rc.framework.id} ${rc.framework.version} · sha256 \`${rc.framework.sha256}\` · ${rc.evaluationDate}`,
    '',
    `> ${md(decision.disclaimer.text)}`,
  );
  return lines.join('\n');
}

/** How many open questions and actions a card's short detail lists. */
const SHORT_LIST = 5;

/**
 * A decision as a short markdown text, for a card: the outcome and the two step-5 decisions, the
 * rules that decided them (with the document by title), the first open questions and actions.
 * The full trail is in {@link adviceMarkdown} and the GuidanceResponse.
 */
export function adviceShortMarkdown(decision: Decision): string {
  const lang = decision.lang;
  const w = words[lang];
  const lines = adviceMarkdown(decision).split('\n');
  // The outcome and the two decisions are the first three lines of the full text.
  const head = lines.slice(0, lines.indexOf('', 1) + 3);
  const deciding = new Set([...decision.report.rules, ...decision.help.rules]);
  const reasons = decision.trail.filter((e) => deciding.has(e.ruleId));
  const out = [...head];
  if (reasons.length > 0) {
    out.push('', `### ${w.why}`, '');
    for (const e of reasons) out.push(`- ${md(e.explanation)} (_${md(sourceTitle(e.source.document))}_)`);
  }
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    out.push('', `### ${title}`, '');
    for (const i of items.slice(0, SHORT_LIST)) out.push(`- ${i}`);
    if (items.length > SHORT_LIST) out.push(`- … ${w.more(items.length - SHORT_LIST)}`);
  };
  list(w.questions, decision.nextQuestions.map((q) => md(q.text[lang])));
  list(w.actions, decision.actions.map((a) => md(a.text)));
  out.push('', w.fullTrail, '', `> ${md(decision.disclaimer.text)}`);
  return out.join('\n');
}

/** The framework a decision names, when the library ships it or the caller passes it. */
function decisionFramework(decision: Decision, options: AdviceOptions): Framework | undefined {
  if (options.framework !== undefined) return resolveFramework(options.framework);
  const id = decision.receipt.framework.id;
  return hasFramework(id) ? getFramework(id) : undefined;
}

/**
 * Whether the decision reports on acute unsafety: the direct question answered yes, or an
 * indicator of the kind `acute` (001 ch. 3 (a): "in direct fysiek gevaar … direct bescherming
 * nodig"). Read from the facts the trail's rules read, so it is what the rules saw.
 */
function reportsAcuteUnsafety(decision: Decision, framework: Framework | undefined): boolean {
  if (decision.report.necessary !== true) return false;
  const acuteCodes = new Set((framework?.indicators ?? []).filter((i) => i.kind === 'acute').map((i) => i.code));
  return decision.trail.some((entry) =>
    entry.facts.some((f) => {
      if (f.fact === 'considerations.unsafety.acute') return f.value === true;
      if (f.fact !== 'considerations.indicators' || f.value === null || typeof f.value !== 'object') return false;
      return Object.entries(f.value as Record<string, unknown>).some(([code, v]) => v === true && acuteCodes.has(code));
    }),
  );
}

/** A random UUID (CDS Hooks card ids); `crypto.randomUUID` is in Node 20 and every current browser. */
const randomUuid = (): string => globalThis.crypto.randomUUID();

/**
 * A decision as a CDS Hooks 2.0 card: a `uuid` (feedback names it); a summary under 140
 * characters; indicator `critical` when reporting is the norm because of acute unsafety (001
 * ch. 3: a person in direct physical danger, protection needed at once), `warning` for any other
 * report, else `info`; a short markdown detail (the decisions, the rules that decided them, the
 * first open questions and actions); the `links` you pass (the full trail, an app); the override
 * reasons a professional can pick; and a `source` naming the framework and its document.
 *
 * @example
 * ```ts
 * const card = toCdsHooksCard(evaluate({ considerations: { suspicion: true, unsafety: { structural: true } } }));
 * card.indicator;     // 'warning'
 * card.summary;       // 'Meldcode: melden bij Veilig Thuis is de professionele norm (norm 1).'
 * card.source.label;  // 'Meldcode — Voorbeeld-afwegingskader uit het Basisdocument (Basisdocument: het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling)'
 * ```
 */
export function toCdsHooksCard(decision: Decision, options: CardOptions = {}): CdsHooksCard {
  const framework = decisionFramework(decision, options);
  const urls = canonicals(canonicalBase(options.canonicalBase));
  const lang = decision.lang;
  const rc = decision.receipt.framework;
  const name = framework?.name[lang] ?? rc.id;
  // The document by title (source catalogue), its file name only for a document the catalogue lacks.
  const document = framework ? (framework.source.title ?? sourceTitle(framework.source.document)) : undefined;
  const source: CdsHooksCard['source'] = {
    label: `Meldcode — ${name}${document ? ` (${document})` : ''}`,
    topic: { system: urls.frameworkSystem, code: rc.id, display: name },
  };
  const url = framework ? (framework.source.url ?? sourceEntry(framework.source.document)?.url) : undefined;
  if (url) source.url = url;
  const indicator = reportsAcuteUnsafety(decision, framework) ? 'critical' : decision.report.necessary === true ? 'warning' : 'info';
  const card: CdsHooksCard = {
    uuid: options.uuid ?? randomUuid(),
    summary: adviceSummary(decision),
    detail: adviceShortMarkdown(decision),
    indicator,
    source,
    overrideReasons: overrideReasonCodings(urls.overrideReasonSystem, lang),
  };
  if (options.links && options.links.length > 0) card.links = options.links.map((l) => ({ ...l }));
  return card;
}

/** The override reasons as Codings, in a language. */
export function overrideReasonCodings(system: string, lang: Lang): Coding[] {
  return overrideReasons.map((r) => ({ system, code: r.code, display: r.display[lang] }));
}

/**
 * A decision as a FHIR R4 `GuidanceResponse`: status `success`, or `data-required` while
 * answers are missing, with one data requirement per open question (a `QuestionnaireResponse`
 * with that item; the extension `meldcode-open-question` names its linkId); a shipped framework
 * as `moduleCanonical`, its Library with `|version` (see `conformanceResources`), a framework
 * document of your own as `moduleUri` (its version is in the receipt); the advice as a markdown note; a contained
 * `Parameters` with the outcome, both step-5 decisions, the trail (rule id, explanation, source)
 * and the receipt, for the dossier; and, when given, `subject`, `encounter`, `performer` and
 * `requestIdentifier`.
 *
 * @example
 * ```ts
 * const guidance = toGuidanceResponse(evaluate({}), { subject: { reference: 'Patient/123' } });
 * guidance.status;                                   // 'data-required'
 * guidance.dataRequirement?.[0].extension?.[0].valueString;  // 'considerations.suspicion'
 * ```
 */
export function toGuidanceResponse(decision: Decision, options: GuidanceOptions = {}): GuidanceResponse {
  decisionFramework(decision, options); // validates a framework document passed in
  const urls = canonicals(canonicalBase(options.canonicalBase));
  const rc = decision.receipt;
  const parameter: ParametersParameter[] = [
    { name: 'outcome', valueCode: decision.outcome },
    ...(decision.report.necessary === null ? [] : [{ name: 'reportNecessary', valueBoolean: decision.report.necessary }]),
    ...decision.report.norms.map((n) => ({ name: 'norm', valueInteger: n })),
    ...(decision.help.possible === null ? [] : [{ name: 'helpPossible', valueBoolean: decision.help.possible }]),
    { name: 'helpTogetherWithVeiligThuis', valueBoolean: decision.help.togetherWithVeiligThuis },
    ...decision.actions.map((a) => ({
      name: 'action',
      part: [
        { name: 'id', valueCode: a.id },
        { name: 'text', valueString: a.text },
        { name: 'source', valueString: formatSource(a.source) },
      ],
    })),
    ...decision.trail.map((e) => ({
      name: 'trail',
      part: [
        { name: 'ruleId', valueCode: e.ruleId },
        { name: 'outcome', valueBoolean: e.outcome },
        { name: 'explanation', valueString: e.explanation },
        { name: 'source', valueString: formatSource(e.source) },
      ],
    })),
    {
      name: 'receipt',
      part: [
        { name: 'library', valueString: `${rc.library.name} ${rc.library.version}` },
        { name: 'framework', valueString: `${rc.framework.id} ${rc.framework.version}` },
        { name: 'frameworkValidFrom', valueDate: rc.framework.validFrom },
        { name: 'frameworkSha256', valueString: rc.framework.sha256 },
        { name: 'evaluationDate', valueDate: rc.evaluationDate },
        { name: 'caseSha256', valueString: rc.caseSha256 },
      ],
    },
  ];
  const response: GuidanceResponse = {
    resourceType: 'GuidanceResponse',
    id: `meldcode-${rc.caseSha256.slice(0, 32)}`,
    contained: [{ resourceType: 'Parameters', id: 'output', parameter }],
    ...(options.requestIdentifier ? { requestIdentifier: { ...options.requestIdentifier } } : {}),
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:meldcode:case-sha256:${rc.caseSha256}` }],
    // A shipped framework has its Library (conformanceResources); a document of your own has none.
    ...(rc.framework.shipped ? { moduleCanonical: `${urls.library(rc.framework.id)}|${rc.framework.version}` } : { moduleUri: urls.framework(rc.framework.id) }),
    status: decision.outcome === 'needs-input' ? 'data-required' : 'success',
    ...(options.subject ? { subject: { ...options.subject } } : {}),
    ...(options.encounter ? { encounter: { ...options.encounter } } : {}),
    occurrenceDateTime: rc.evaluationDate,
    ...(options.performer ? { performer: { ...options.performer } } : {}),
    note: [{ text: adviceMarkdown(decision) }],
    outputParameters: { reference: '#output' },
  };
  if (decision.nextQuestions.length > 0) {
    // R4 allows only plain paths in mustSupport (no where()): the item is named by an extension.
    response.dataRequirement = decision.nextQuestions.map((q) => ({
      type: 'QuestionnaireResponse',
      extension: [{ url: urls.openQuestionExtension, valueString: q.id }],
      mustSupport: ['item'],
    }));
  }
  return response;
}
