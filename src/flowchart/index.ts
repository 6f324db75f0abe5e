// A framework's decision flow as a Mermaid flowchart: the steps with their roles and
// requirements, the five considerations, and every exit, the ones that close the meldcode
// included (Basisdocument: visualise every decision option in the stroomschema).
import { stepRequirements } from '../frameworks/floor/check.js';
import { type Framework, type FrameworkInput, getFloor, parseFramework } from '../frameworks/framework.js';
import type { Lang } from '../rules/trail.js';

/** Options for {@link toMermaid}. */
export interface MermaidOptions {
  /** Language of the labels: `nl` (default) or `en`. */
  lang?: Lang;
}

const t = (lang: Lang, nl: string, en: string) => (lang === 'nl' ? nl : en);
/** Mermaid label text: quotes and angle brackets escaped (line breaks `<br/>` kept), so any source text is safe. */
const esc = (s: string) =>
  s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/#lt;br\/#gt;/g, '<br/>');

/** The floor rule behind an exit; looked up so the chart fails loudly if the floor changes. */
function floorRule(id: string): string {
  if (!getFloor().rules.rules.some((r) => r.id === id)) throw new Error(`toMermaid: floor rule "${id}" not found`);
  return id;
}

const defaultLabels: Record<number, { nl: string; en: string }> = {
  1: { nl: 'Vermoeden van huiselijk geweld of kindermishandeling?', en: 'Suspicion of domestic violence or child abuse?' },
  2: { nl: 'Acute en/of structurele onveiligheid?', en: 'Acute and/or structural unsafety?' },
  3: { nl: 'In staat effectieve hulp te bieden of te organiseren?', en: 'Able to offer or organise effective help?' },
  4: { nl: 'Aanvaarden de betrokkenen de hulp?', en: 'Do those involved accept the help?' },
  5: { nl: 'Leidt de hulp binnen de gewenste termijn tot veiligheid?', en: 'Does the help reach safety in time?' },
};

/**
 * The framework's decision flow as a Mermaid `flowchart`: steps 1-4 with who takes them and
 * what they require, the five considerations (with the profession's own labels), who decides
 * in step 5, every report exit with its norm, the exits that close the meldcode or the help,
 * and where an unanswered question leads. Each exit names the floor rule that takes it.
 *
 * @example
 * ```ts
 * const chart = toMermaid(getFramework('onderwijs'), { lang: 'nl' });
 * // paste into a ```mermaid block
 * ```
 */
export function toMermaid(framework: Framework | FrameworkInput, options: MermaidOptions = {}): string {
  const fw = parseFramework(framework);
  const lang = options.lang ?? 'nl';
  const roleName = new Map((fw.roles ?? []).map((r) => [r.id, r.name[lang]]));
  const names = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => roleName.get(id) ?? id).join(', ');
  const step = (n: number) => fw.steps?.find((s) => s.step === n);
  const requirements = stepRequirements(fw);
  const levelText = {
    required: t(lang, 'verplicht', 'required'),
    'where-needed': t(lang, 'zo nodig', 'where needed'),
    'not-applicable': t(lang, 'niet van toepassing', 'not applicable'),
  };
  const stepTitles: Record<number, { nl: string; en: string }> = {
    1: { nl: 'Stap 1: signalen in kaart brengen', en: 'Step 1: map the signals' },
    2: { nl: 'Stap 2: collegiale consultatie (en Veilig Thuis)', en: 'Step 2: consult a colleague (and Veilig Thuis)' },
    3: { nl: 'Stap 3: gesprek met de cliënt', en: 'Step 3: talk with the client' },
    4: { nl: 'Stap 4: wegen (afwegingskader)', en: 'Step 4: weigh (framework)' },
  };
  const label = (n: number) => {
    const own = fw.questionLabels?.find((l) => l.consideration === n)?.label[lang];
    return `${n}. ${own ? `${own}: ` : ''}${defaultLabels[n]![lang]}`;
  };
  const counts = (['acute', 'disclosure', 'structural'] as const)
    .map((kind) => [kind, fw.indicators.filter((i) => i.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${t(lang, { acute: 'acuut', disclosure: 'disclosure', structural: 'structureel' }[kind], kind)}`)
    .join(', ');

  const lines: string[] = ['flowchart TD'];
  const node = (id: string, open: string, text: string, close: string) => lines.push(`  ${id}${open}"${esc(text)}"${close}`);
  const edge = (from: string, to: string, text?: string, dotted = false) =>
    lines.push(`  ${from} ${dotted ? '-.->' : '-->'}${text ? `|"${esc(text)}"|` : ''} ${to}`);

  for (const n of [1, 2, 3, 4]) {
    const parts = [stepTitles[n]![lang]];
    const who = names(step(n)?.takenBy);
    if (who) parts.push(`${t(lang, 'Door', 'By')}: ${who}`);
    const informed = names(step(n)?.informed);
    if (informed) parts.push(`${t(lang, 'Geïnformeerd', 'Informed')}: ${informed}`);
    for (const r of requirements.filter((r) => r.step === n)) {
      parts.push(`${r.text[lang]} (${levelText[r.level]}${r.appliesTo ? `: ${r.appliesTo[lang]}` : ''})`);
    }
    node(`S${n}`, '[', parts.join('<br/>'), ']');
  }
  edge('S1', 'S2');
  edge('S2', 'S3');
  edge('S3', 'S4');
  edge('S4', 'A1');

  const decider = names(step(5)?.decidedBy);
  for (const n of [1, 2, 3, 4, 5]) {
    const extra = n === 2 && counts ? `<br/>(${t(lang, 'indicatoren', 'indicators')}: ${counts})` : '';
    node(`A${n}`, '{', label(n) + extra, '}');
  }
  const yes = t(lang, 'Ja', 'Yes');
  const no = t(lang, 'Nee', 'No');
  const report = (norm: string) => t(lang, `Melden bij Veilig Thuis${norm}`, `Report to Veilig Thuis${norm}`);

  node('CLOSE', '([', `${t(lang, 'Afsluiten en vastleggen in het dossier', 'Close and record in the file')}<br/>${floorRule('afweging-1-nee')}`, '])');
  node('R1', '[[', `${report(' (norm 1)')}<br/>${t(lang, 'afwegingen 3-5 samen met Veilig Thuis', 'considerations 3-5 together with Veilig Thuis')}<br/>${floorRule('afweging-2-ja-norm-1')}`, ']]');
  node('R2', '[[', `${report(' (norm 2)')}<br/>${floorRule('afweging-3-nee-norm-2')}`, ']]');
  node('R4', '[[', `${report('')}<br/>${floorRule('afweging-4-nee')}`, ']]');
  node('HELP', '[', fw.role === 'signaller'
    ? t(lang, 'Hulp laten bieden of organiseren (niet door de signalerende beroepskracht zelf)', 'Have help offered or organised (not by the signalling professional)')
    : t(lang, 'Hulp bieden of organiseren', 'Offer or organise help'), ']');
  node('R3', '[[', `${t(lang, '(Opnieuw) melden bij Veilig Thuis (norm 3)', 'Report (again) to Veilig Thuis (norm 3)')}<br/>${floorRule('afweging-5-nee-norm-3')}`, ']]');
  node('DONE', '([', `${t(lang, 'Hulp afsluiten met afspraken over het volgen van de veiligheid', 'Close the help with agreements to follow safety')}<br/>${floorRule('afweging-5-ja')}`, '])');
  node('OPEN', '>', t(lang, 'Nog niet beantwoord: vraag het na; bij twijfel advies van Veilig Thuis. Onbekend is geen nee.', 'Not yet answered: find out; when in doubt ask Veilig Thuis for advice. Unknown is not no.'), ']');

  edge('A1', 'CLOSE', no);
  edge('A1', 'A2', yes);
  edge('A2', 'R1', yes);
  edge('A2', 'A3', no);
  edge('A3', 'R2', no);
  edge('A3', 'A4', yes);
  edge('A4', 'R4', no);
  edge('A4', 'HELP', yes);
  edge('HELP', 'A5');
  edge('A5', 'R3', no);
  edge('A5', 'DONE', yes);
  for (const n of [1, 2, 3, 4, 5]) edge(`A${n}`, 'OPEN', t(lang, 'onbekend', 'unknown'), true);

  const step5 = [t(lang, 'Stap 5: eerst beslissen of melden noodzakelijk is, dan of hulp (ook) mogelijk is', 'Step 5: first decide whether reporting is necessary, then whether help is (also) possible')];
  if (decider) step5.push(`${t(lang, 'Beslist', 'Decides')}: ${decider}`);
  const informed5 = names(step(5)?.informed);
  if (informed5) step5.push(`${t(lang, 'Geïnformeerd', 'Informed')}: ${informed5}`);
  for (const r of requirements.filter((r) => r.step === 5)) step5.push(`${r.text[lang]} (${levelText[r.level]})`);
  node('S5', '[/', step5.join('<br/>'), '/]');
  edge('S5', 'A1', undefined, true);

  const own = fw.rules?.rules ?? [];
  if (own.length > 0) {
    node('OWN', '[', `${t(lang, 'Eigen regels van dit afwegingskader', "This framework's own rules")}:<br/>${own.map((r) => `${r.id} (${r.event.type})`).join('<br/>')}`, ']');
    edge('A2', 'OWN', undefined, true);
  }

  lines.push('  classDef report fill:#fde2e1,stroke:#b42318;');
  lines.push('  classDef closing fill:#e7f5ec,stroke:#067647;');
  lines.push('  classDef open fill:#fff6db,stroke:#b54708;');
  lines.push('  class R1,R2,R3,R4 report;');
  lines.push('  class CLOSE,DONE closing;');
  lines.push('  class OPEN open;');
  return lines.join('\n') + '\n';
}
