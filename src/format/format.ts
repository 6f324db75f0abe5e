import type { Decision, Outcome } from '../decision/types.js';
import type { Source } from '../rules/schema.js';
import type { Lang, TrailFact } from '../rules/trail.js';

const outcomeLabel: Record<Outcome, Record<Lang, string>> = {
  'out-of-scope': { nl: 'Buiten de meldcode', en: 'Outside the meldcode' },
  'close-and-record': {
    nl: 'Meldcode afsluiten en de conclusie vastleggen in het dossier',
    en: 'Close the meldcode and record the conclusion in the file',
  },
  report: { nl: 'Melden bij Veilig Thuis is de professionele norm', en: 'Reporting to Veilig Thuis is the professional norm' },
  help: {
    nl: 'Hulp bieden of organiseren; de hulp is afgesloten met afspraken over het volgen van de veiligheid',
    en: 'Offer or organise help; the help is closed with agreements on following safety',
  },
  'report-and-help': {
    nl: 'Melden bij Veilig Thuis én hulp bieden of organiseren, in overleg met Veilig Thuis',
    en: 'Report to Veilig Thuis and offer or organise help, in consultation with Veilig Thuis',
  },
  'needs-input': {
    nl: 'Nog geen advies: beantwoord eerst de open vragen',
    en: 'No advice yet: first answer the open questions',
  },
};

const words = {
  nl: {
    outcome: 'Uitkomst',
    decision1: 'Beslissing 1: is melden noodzakelijk?',
    decision2: 'Beslissing 2: is zelf hulp bieden of organiseren (ook) mogelijk?',
    yes: 'ja',
    no: 'nee',
    open: 'nog open',
    norm: 'norm',
    consideration: 'afweging',
    together: 'te beantwoorden samen met Veilig Thuis',
    questions: 'Vragen die nu nodig zijn',
    actions: 'Acties',
    trail: 'Onderbouwing',
    facts: 'gelezen',
    source: 'bron',
    unknown: 'onbekend',
    notEvaluated: 'niet geëvalueerd',
    receipt: 'Verantwoording',
    floor: 'wettelijke ondergrens',
    notApplicable: 'niet van toepassing',
  },
  en: {
    outcome: 'Outcome',
    decision1: 'Decision 1: is reporting necessary?',
    decision2: 'Decision 2: is offering or organising help (also) possible?',
    yes: 'yes',
    no: 'no',
    open: 'still open',
    norm: 'norm',
    consideration: 'consideration',
    together: 'to be answered together with Veilig Thuis',
    questions: 'Questions needed now',
    actions: 'Actions',
    trail: 'Reasons',
    facts: 'read',
    source: 'source',
    unknown: 'unknown',
    notEvaluated: 'not evaluated',
    receipt: 'Receipt',
    floor: 'legal floor',
    notApplicable: 'does not apply',
  },
} as const;

function formatValue(value: unknown, lang: Lang): string {
  if (value === true) return words[lang].yes;
  if (value === false) return words[lang].no;
  return JSON.stringify(value);
}

function formatFact(fact: TrailFact, lang: Lang): string {
  const w = words[lang];
  const value = fact.known ? formatValue(fact.value, lang) : w.unknown;
  const result = fact.result === 'not-evaluated' ? w.notEvaluated : formatValue(fact.result, lang);
  return `${fact.fact} = ${value} (${fact.operator} ${formatValue(fact.expected, lang)} → ${result})`;
}

/** A citation as one line: document, heading and the quoted words. */
export function formatSource(source: Source): string {
  const quote = source.quote ? `: “${source.quote}”` : '';
  return `${source.document} — ${source.section}${quote}`;
}

/**
 * A decision as readable text (Dutch by default, or the decision's language): the outcome, the
 * two step-5 decisions, questions, actions, and the trail with the facts read and the sources.
 *
 * @example
 * ```ts
 * console.log(formatDecision(await evaluate(myCase)));
 * ```
 */
export function formatDecision(decision: Decision, lang: Lang = decision.lang): string {
  const w = words[lang];
  const lines: string[] = [];
  lines.push(`${w.outcome}: ${outcomeLabel[decision.outcome][lang]}`);

  const r = decision.report;
  const basis = [
    ...r.norms.map((n) => `${w.norm} ${n}`),
    ...r.considerations.filter((c) => c === 4).map((c) => `${w.consideration} ${c}`),
  ];
  const necessary = r.necessary === null ? w.open : r.necessary ? w.yes : w.no;
  lines.push(`${w.decision1} ${necessary}${basis.length ? ` (${basis.join(', ')})` : ''}`);
  const h = decision.help;
  const possible =
    decision.outcome === 'close-and-record'
      ? w.notApplicable
      : h.possible === null
        ? h.togetherWithVeiligThuis
          ? w.together
          : w.open
        : h.possible
          ? w.yes
          : w.no;
  lines.push(`${w.decision2} ${possible}${h.togetherWithVeiligThuis && h.possible !== null ? `; ${w.together}` : ''}`);

  if (decision.nextQuestions.length > 0) {
    lines.push('', `${w.questions}:`);
    for (const q of decision.nextQuestions) lines.push(`  ? ${q.text[lang]}  [${q.id}]`);
  }
  if (decision.actions.length > 0) {
    lines.push('', `${w.actions}:`);
    for (const a of decision.actions) lines.push(`  - ${a.text}`);
  }
  lines.push('', `${w.trail}:`);
  decision.trail.forEach((entry, index) => {
    const floor = entry.floor ? ` (${w.floor})` : '';
    const status = entry.outcome ? '' : ` — ${w.notApplicable}`;
    lines.push(`  ${index + 1}. [${entry.ruleId}]${floor}${status}`);
    lines.push(`     ${entry.explanation}`);
    // Known facts tell the story; unknown ones only matter where the rule asks for them.
    const asks = entry.effect.type === 'needs-input' ? entry.effect.params.questions : [];
    const facts = entry.facts.filter((f) => f.known || asks.includes(f.fact));
    if (facts.length > 0) lines.push(`     ${w.facts}: ${facts.map((f) => formatFact(f, lang)).join('; ')}`);
    lines.push(`     ${w.source}: ${formatSource(entry.source)}`);
  });
  const rc = decision.receipt;
  lines.push(
    '',
    `${w.receipt}: meldcode ${rc.library.version} · ${rc.framework.id} ${rc.framework.version} · sha256 ${rc.framework.sha256.slice(0, 16)}… · ${rc.evaluationDate}`,
    decision.disclaimer.text,
  );
  return lines.join('\n');
}
