// The outcome in words, shared by the text format and the FHIR advice, so that both name the
// same decision the same way. The `help` and `needs-input` outcomes read the decision itself: help
// at stage `offer` is not help closed with agreements, and an objection changes what both mean.
import type { Decision } from '../decision/types.js';
import type { Lang } from '../rules/trail.js';

type Text = Record<Lang, string>;

const labels = {
  'out-of-scope': { nl: 'Buiten de meldcode', en: 'Outside the meldcode' },
  'close-and-record': {
    nl: 'Meldcode afsluiten en de conclusie vastleggen in het dossier',
    en: 'Close the meldcode and record the conclusion in the file',
  },
  report: { nl: 'Melden bij Veilig Thuis is de professionele norm', en: 'Reporting to Veilig Thuis is the professional norm' },
  'help-closed': {
    nl: 'Hulp bieden of organiseren; de hulp is afgesloten met afspraken over het volgen van de veiligheid',
    en: 'Offer or organise help; the help is closed with agreements on following safety',
  },
  'help-offer': {
    nl: 'Hulp bieden of organiseren; na de afgesproken termijn volgt afweging 5',
    en: 'Offer or organise help; after the agreed term, consideration 5 follows',
  },
  'help-objection': {
    nl: 'Hulp blijven aanbieden en de veiligheid volgen: het bezwaar van de cliënt houdt de melding tegen',
    en: 'Keep offering help and monitor safety: the client’s objection holds the report back',
  },
  'report-and-help': {
    nl: 'Melden bij Veilig Thuis én hulp bieden of organiseren, in overleg met Veilig Thuis',
    en: 'Report to Veilig Thuis and offer or organise help, in consultation with Veilig Thuis',
  },
  'needs-input': {
    nl: 'Nog geen advies: beantwoord eerst de open vragen',
    en: 'No advice yet: first answer the open questions',
  },
  'needs-input-objection': {
    nl: 'Nog geen advies: melden blijft het voorlopige advies tot de open vragen over het bezwaar zijn beantwoord',
    en: 'No advice yet: reporting stays the provisional advice until the open questions on the objection are answered',
  },
} satisfies Record<string, Text>;

/** The outcome of a decision as one line, in `lang`. */
export function outcomeText(decision: Pick<Decision, 'outcome' | 'report' | 'help'>, lang: Lang): string {
  const objection = decision.report.objection?.effect;
  switch (decision.outcome) {
    case 'help':
      if (objection === 'sets-report-aside') return labels['help-objection'][lang];
      return decision.help.stage === 'offer' ? labels['help-offer'][lang] : labels['help-closed'][lang];
    case 'needs-input':
      return objection === 'awaits-answers' ? labels['needs-input-objection'][lang] : labels['needs-input'][lang];
    default:
      return labels[decision.outcome][lang];
  }
}

/** Why decision 1 says no or open, when the client's objection is the reason; `''` otherwise. */
export function objectionReason(decision: Pick<Decision, 'report'>, lang: Lang): string {
  const effect = decision.report.objection?.effect;
  if (effect === 'sets-report-aside') return lang === 'nl' ? 'het bezwaar van de cliënt houdt de melding tegen' : 'the client’s objection holds the report back';
  if (effect === 'awaits-answers') return lang === 'nl' ? 'de open vragen over het bezwaar beslissen' : 'the open questions on the objection decide';
  return '';
}
