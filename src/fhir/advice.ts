import type { Decision } from '../decision/types.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import { getFramework, hasFramework } from '../frameworks/registry.js';
import { formatSource } from '../format/format.js';
import { objectionReason, outcomeText } from '../format/outcome.js';
import { resolveFramework } from '../questions/list.js';
import type { Lang } from '../rules/trail.js';
import { sourceEntry, sourceTitle } from '../sources/sources.js';
import { FRAMEWORK_SYSTEM, MODULE_URI_PREFIX } from './codes.js';
import type { CdsHooksCard, GuidanceResponse, ParametersParameter } from './types.js';

/** Options for {@link toCdsHooksCard} and {@link toGuidanceResponse}. */
export interface AdviceOptions {
  /**
   * The framework the decision was made with, when it is not one the library ships (a
   * framework document); it names the source of the advice.
   */
  framework?: Framework | FrameworkInput;
}

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

/** The framework a decision names, when the library ships it or the caller passes it. */
function decisionFramework(decision: Decision, options: AdviceOptions): Framework | undefined {
  if (options.framework !== undefined) return resolveFramework(options.framework);
  const id = decision.receipt.framework.id;
  return hasFramework(id) ? getFramework(id) : undefined;
}

/**
 * A decision as a CDS Hooks 2.0 card: a summary under 140 characters, indicator `warning` when
 * reporting to Veilig Thuis is the professional norm (else `info`), the outcome, questions,
 * actions and trail as markdown detail, and a `source` naming the framework and its document.
 *
 * @example
 * ```ts
 * const card = toCdsHooksCard(evaluate({ considerations: { suspicion: true, unsafety: { acute: true } } }));
 * card.indicator;     // 'warning'
 * card.summary;       // 'Meldcode: melden bij Veilig Thuis is de professionele norm (norm 1).'
 * card.source.label;  // 'Meldcode — Voorbeeld-afwegingskader uit het Basisdocument (Basisdocument: het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling)'
 * ```
 */
export function toCdsHooksCard(decision: Decision, options: AdviceOptions = {}): CdsHooksCard {
  const framework = decisionFramework(decision, options);
  const lang = decision.lang;
  const rc = decision.receipt.framework;
  const name = framework?.name[lang] ?? rc.id;
  // The document by title (source catalogue), its file name only for a document the catalogue lacks.
  const document = framework ? (framework.source.title ?? sourceTitle(framework.source.document)) : undefined;
  const source: CdsHooksCard['source'] = {
    label: `Meldcode — ${name}${document ? ` (${document})` : ''}`,
    topic: { system: FRAMEWORK_SYSTEM, code: rc.id, display: name },
  };
  const url = framework ? (framework.source.url ?? sourceEntry(framework.source.document)?.url) : undefined;
  if (url) source.url = url;
  return {
    summary: adviceSummary(decision),
    detail: adviceMarkdown(decision),
    indicator: decision.report.necessary === true ? 'warning' : 'info',
    source,
  };
}

/**
 * A decision as a FHIR R4 `GuidanceResponse`: status `success`, or `data-required` while
 * answers are missing (each open question as a data requirement on its linkId); the advice as
 * a markdown note; and a contained `Parameters` with the outcome, both step-5 decisions, the
 * trail (rule id, explanation, source) and the receipt, for the dossier.
 *
 * @example
 * ```ts
 * const guidance = toGuidanceResponse(evaluate({}));
 * guidance.status;                            // 'data-required'
 * guidance.dataRequirement?.[0].mustSupport;  // ["item.where(linkId='considerations.suspicion')"]
 * ```
 */
export function toGuidanceResponse(decision: Decision, options: AdviceOptions = {}): GuidanceResponse {
  decisionFramework(decision, options); // validates a framework document passed in
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
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:meldcode:case-sha256:${rc.caseSha256}` }],
    contained: [{ resourceType: 'Parameters', id: 'output', parameter }],
    moduleUri: `${MODULE_URI_PREFIX}${rc.framework.id}|${rc.framework.version}`,
    status: decision.outcome === 'needs-input' ? 'data-required' : 'success',
    occurrenceDateTime: rc.evaluationDate,
    note: [{ text: adviceMarkdown(decision) }],
    outputParameters: { reference: '#output' },
  };
  if (decision.nextQuestions.length > 0) {
    response.dataRequirement = decision.nextQuestions.map((q) => ({
      type: 'QuestionnaireResponse',
      mustSupport: [`item.where(linkId='${q.id}')`],
    }));
  }
  return response;
}
