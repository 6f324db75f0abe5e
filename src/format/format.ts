import type { Decision } from '../decision/types.js';
import type { Source } from '../rules/schema.js';
import type { Lang, TrailFact } from '../rules/trail.js';
import { sourceLabel } from '../sources/sources.js';
import { objectionReason, outcomeText } from './outcome.js';

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
    scope: 'Reikwijdte',
    inScope: 'de meldcode is van toepassing',
    assumed: 'aangenomen: geen signalen over geweld door een professional of tussen cliënten opgegeven',
    scopeOpen: 'nog open: de meldcode blijft intussen van toepassing',
    outOfScope: 'buiten de meldcode',
    kindcheck: 'Kindcheck',
    kindcheckStatus: { open: 'nog niet gereed', complete: 'gereed', 'follow-steps': 'volg de stappen', 'ask-veilig-thuis-advice': 'vraag Veilig Thuis om advies', 'not-applicable': 'niet van toepassing (minderjarige cliënt)' },
    subQuestions: 'vragen die u kunt stellen',
    children: 'Kinderen (aantal)',
    ages: 'leeftijden',
    sharedCare: 'zorg gedeeld',
    steps: 'Stappen',
    done: 'gezet',
    skipped: 'overgeslagen met vastgelegde reden',
    stepsOpen: 'open',
    none: 'geen',
    step5Yes: 'stap 5 mag nu worden besloten',
    step5WithVT: 'stap 5 mag worden besloten in overleg met Veilig Thuis',
    step5No: 'stap 5 nog niet: zet eerst de open stappen (de norm hierboven blijft staan)',
    record: 'Vastleggen in het dossier',
    notes: 'Let op',
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
    scope: 'Scope',
    inScope: 'the meldcode applies',
    assumed: 'assumed: no signals of violence by a professional or between clients given',
    scopeOpen: 'still open: the meldcode applies meanwhile',
    outOfScope: 'outside the meldcode',
    kindcheck: 'Kindcheck',
    kindcheckStatus: { open: 'not complete', complete: 'complete', 'follow-steps': 'follow the steps', 'ask-veilig-thuis-advice': 'ask Veilig Thuis for advice', 'not-applicable': 'not applicable (a minor client)' },
    subQuestions: 'questions you can ask',
    children: 'Children (number)',
    ages: 'ages',
    sharedCare: 'care shared',
    steps: 'Steps',
    done: 'taken',
    skipped: 'skipped with a recorded reason',
    stepsOpen: 'open',
    none: 'none',
    step5Yes: 'step 5 may be decided now',
    step5WithVT: 'step 5 may be decided in consultation with Veilig Thuis',
    step5No: 'not step 5 yet: first take the open steps (the norm above stands)',
    record: 'Record in the file',
    notes: 'Note',
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

/**
 * A citation as one line a person can read: the document's title (with publisher and year or
 * version, from the source catalogue or the source itself), the heading, the quoted words, the
 * public page where the source names one, and the file name, the machine key, in brackets at the
 * end.
 *
 * @example
 * ```ts
 * formatSource({ document: '002_e1b9d8c6246dae67.txt', section: 'Beroepsgeheim en de meldcode' });
 * // 'Toolkit meldcode huiselijk geweld en kindermishandeling (Rijksoverheid) — Beroepsgeheim en de meldcode [002_e1b9d8c6246dae67.txt]'
 * ```
 */
export function formatSource(source: Source): string {
  const quote = source.quote ? `: “${source.quote}”` : '';
  const url = source.url ? ` — ${source.url}` : '';
  return `${sourceLabel(source)} — ${source.section}${quote}${url} [${source.document}]`;
}

/**
 * A decision as readable text (Dutch by default, or the decision's language): the outcome, the
 * two step-5 decisions, questions, actions, and the trail with the facts read and the sources.
 *
 * @example
 * ```ts
 * console.log(formatDecision(evaluate(myCase)));
 * ```
 */
export function formatDecision(decision: Decision, lang: Lang = decision.lang): string {
  const w = words[lang];
  const lines: string[] = [];
  lines.push(`${w.outcome}: ${outcomeText(decision, lang)}`);

  const r = decision.report;
  const basis = [
    ...r.norms.map((n) => `${w.norm} ${n}`),
    ...r.considerations.filter((c) => c === 4).map((c) => `${w.consideration} ${c}`),
  ];
  const out = decision.outcome === 'out-of-scope';
  const necessary = out ? `${w.notApplicable} (${w.outOfScope})` : r.necessary === null ? w.open : r.necessary ? w.yes : w.no;
  const because = objectionReason(decision, lang);
  lines.push(`${w.decision1} ${necessary}${because ? `: ${because}` : ''}${basis.length ? ` (${basis.join(', ')})` : ''}`);
  const h = decision.help;
  const possible =
    decision.outcome === 'close-and-record' || out
      ? w.notApplicable
      : h.possible === null
        ? h.togetherWithVeiligThuis
          ? w.together
          : w.open
        : h.possible
          ? w.yes
          : w.no;
  lines.push(`${w.decision2} ${possible}${h.togetherWithVeiligThuis && h.possible !== null ? `; ${w.together}` : ''}`);

  const sc = decision.scope;
  if (sc.status === 'out-of-scope') {
    // Where to go instead is listed under the actions.
    lines.push('', `${w.scope}: ${w.outOfScope}. ${sc.text ?? ''}`.trimEnd());
  } else {
    const status = sc.status === 'open' ? w.scopeOpen : sc.assumed ? `${w.inScope} (${w.assumed})` : w.inScope;
    lines.push('', `${w.scope}: ${status}${sc.text ? ` — ${sc.text}` : ''}`);
    for (const n of sc.notes) lines.push(`  ${w.notes}: ${n.text}`);
  }

  const kc = decision.kindcheck;
  if (kc) {
    lines.push(`${w.kindcheck}: ${w.kindcheckStatus[kc.status]}${kc.text ? ` — ${kc.text}` : ''}`);
    for (const q of kc.nextQuestions) lines.push(`  ? ${q.text[lang]}  [${q.id}]`);
    if (kc.subQuestions.length > 0) lines.push(`    (${w.subQuestions}: ${kc.subQuestions.join(' ')})`);
    const c = kc.children;
    if (c.count !== undefined || c.ages !== undefined || c.sharedCare !== undefined) {
      const shared = c.sharedCare === undefined ? w.unknown : formatValue(c.sharedCare, lang);
      lines.push(`  ${w.children}: ${c.count ?? w.unknown}; ${w.ages}: ${c.ages?.join(', ') ?? w.unknown}; ${w.sharedCare}: ${shared}`);
    }
    for (const n of kc.notes) lines.push(`  ${w.notes}: ${n.text}`);
  }

  const st = decision.steps;
  if (st) {
    const list = (xs: number[]) => (xs.length ? xs.join(', ') : w.none);
    const step5 = st.mayDecideStep5 ? (st.step5Basis === 'all-steps-taken' ? w.step5Yes : w.step5WithVT) : w.step5No;
    const skipped = st.skipped.length ? `; ${w.skipped}: ${list(st.skipped)}` : '';
    lines.push(`${w.steps}: ${w.done}: ${list(st.done)}${skipped}; ${w.stepsOpen}: ${list(st.open)} — ${step5}`);
    for (const n of st.notes) lines.push(`  ${w.notes}: ${n.text}`);
  }

  const cv = decision.conversation;
  if (cv) lines.push(...formatConversation(cv, lang));

  if (decision.nextQuestions.length > 0) {
    lines.push('', `${w.questions}:`);
    for (const q of decision.nextQuestions) lines.push(`  ? ${q.text[lang]}  [${q.id}]`);
  }
  if (decision.actions.length > 0) {
    lines.push('', `${w.actions}:`);
    for (const a of decision.actions) lines.push(`  - ${a.text}`);
  }
  if (decision.recordKeeping.items.length > 0) {
    lines.push('', `${w.record}:`);
    for (const item of decision.recordKeeping.items) lines.push(`  □ ${item.text}`);
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

const conversationWords = {
  nl: {
    title: 'Gesprek over de melding',
    with: 'met',
    none: 'nog niet te bepalen',
    notice: 'een mededeling: u vraagt niet om toestemming',
    consent: 'een gesprek om toestemming te verkrijgen',
    unknownMode: 'mededeling of toestemmingsvraag: nog open',
    skip: 'het gesprek wordt overgeslagen',
    objection: 'bezwaar',
    consentFrom: 'toestemming voor het delen van gegevens',
    client: 'de cliënt',
    parents: 'de ouders',
    anonymous: 'de melder mag tegenover het gezin anoniem blijven',
    missing: 'nog niet vastgelegd voor een toetsing achteraf',
  },
  en: {
    title: 'Conversation about the report',
    with: 'with',
    none: 'not yet known',
    notice: 'a notice: you do not ask for consent',
    consent: 'a conversation to obtain consent',
    unknownMode: 'notice or consent request: still open',
    skip: 'the conversation is skipped',
    objection: 'objection',
    consentFrom: 'consent to share data',
    client: 'the client',
    parents: 'the parents',
    anonymous: 'the reporter may stay anonymous towards the family',
    missing: 'not yet documented for a later review',
  },
} as const;

const partyWords: Record<string, Record<Lang, string>> = {
  client: { nl: 'de cliënt', en: 'the client' },
  parents: { nl: 'de ouder(s)', en: 'the parent(s)' },
  'legal-representative': { nl: 'de wettelijk vertegenwoordiger', en: 'the legal representative' },
  'other-representative': { nl: 'een andere geschikte vertegenwoordiger', en: 'another suitable representative' },
};

const basisWords: Record<string, Record<Lang, string>> = {
  required: { nl: 'altijd', en: 'always' },
  'and-or': { nl: 'en/of', en: 'and/or' },
  consider: { nl: 'overweeg', en: 'consider' },
  'professional-judgement': { nl: 'naar uw oordeel', en: 'at your judgement' },
};

/** The conversation plan as a few lines: with whom, notice or consent, objection, anonymity. */
function formatConversation(cv: NonNullable<Decision['conversation']>, lang: Lang): string[] {
  const w = conversationWords[lang];
  const parties = cv.conversationWith.map(
    (p) => `${partyWords[p.party]?.[lang] ?? p.party} (${basisWords[p.basis]?.[lang] ?? p.basis})`,
  );
  const mode = cv.mode === 'notice' ? w.notice : cv.mode === 'consent-request' ? w.consent : w.unknownMode;
  const lines = [`${w.title}: ${w.with} ${parties.length ? parties.join(', ') : w.none}; ${mode}`];
  if (cv.skip) lines.push(`  ${w.skip} (${cv.skip.reason})`);
  if (cv.consentFrom) lines.push(`  ${w.consentFrom}: ${partyWords[cv.consentFrom]![lang]}`);
  lines.push(`  ${w.objection}: ${cv.objection.reason}`);
  if (cv.reporterTowardsFamily === 'may-stay-anonymous') lines.push(`  ${w.anonymous}`);
  if (cv.reviewerChecklist.missing.length > 0) {
    lines.push(`  ${w.missing}: ${cv.reviewerChecklist.missing.map((m) => m.text).join('; ')}`);
  }
  for (const q of cv.nextQuestions) lines.push(`  ? ${q.text[lang]}  [${q.id}]`);
  return lines;
}
