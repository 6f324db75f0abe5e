// Every rule, indicator and question cites a document in shared/sources, a heading in it, and
// (where given) words that stand there. Without ../shared/sources these checks are skipped by
// name (and the run says so), never passed.
import { describe, expect, it } from 'vitest';
import { getFramework, listFrameworks } from '../src/index.js';
import { compileFramework } from '../src/frameworks/framework.js';
import { questionCatalogue } from '../src/questions/questions.js';
import { citationProblem, citationProblemIn, needsSources, noSources } from './support/sources.js';

describe.each(listFrameworks().map((f) => f.id))('framework %s', (id) => {
  it.skipIf(noSources)(needsSources('the framework document cites its source'), () => {
    expect(citationProblem(getFramework(id).source)).toBeUndefined();
  });

  it.skipIf(noSources)(needsSources('every rule cites a source that exists, with its heading and quote'), () => {
    const compiled = compileFramework(getFramework(id));
    const problems = compiled.ruleFiles
      .flatMap((file) => file.rules)
      .map((rule) => [rule.id, citationProblem(rule.source)])
      .filter(([, problem]) => problem);
    expect(problems).toEqual([]);
  });

  it.skipIf(noSources)(needsSources('every question cites a source that exists'), () => {
    const catalogue = questionCatalogue(compileFramework(getFramework(id)));
    const problems = [...catalogue.values()]
      .map((q) => [q.id, citationProblem(q.source)])
      .filter(([, problem]) => problem);
    expect(problems).toEqual([]);
  });

  it('every rule explains itself in Dutch and English', () => {
    const compiled = compileFramework(getFramework(id));
    expect(compiled.ruleFiles.flatMap((f) => f.rules).length).toBeGreaterThan(20);
    for (const rule of compiled.ruleFiles.flatMap((f) => f.rules)) {
      expect(rule.explanation.nl.length).toBeGreaterThan(10);
      expect(rule.explanation.en.length).toBeGreaterThan(10);
    }
  });
});

describe('the citation check itself', () => {
  it.skipIf(noSources)(needsSources('fails on a missing document, heading or quote, and on a quote under another heading'), () => {
    const doc = '001_dcbf0a2973853468.txt';
    const acute = 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader › Afweging 2 › Voorbeelden van acuut onveilige situaties van huiselijk geweld en/of kindermishandeling';
    expect(citationProblem({ document: 'nope.txt', section: 'x' })).toMatch(/not found/);
    expect(citationProblem({ document: doc, section: 'Hoofdstuk 99' })).toMatch(/heading/);
    expect(citationProblem({ document: doc, section: 'Afweging 1', quote: 'dit staat er niet' })).toMatch(/quote not found/);
    expect(citationProblem({ document: doc, section: acute, quote: 'Poging tot\n verwurging' })).toBeUndefined();
    // Both occur in the file, but the example stands under Afweging 2, not 1.
    expect(citationProblem({ document: doc, section: 'Afweging 1', quote: 'Poging tot verwurging' })).toMatch(/quote not under "Afweging 1"/);
    // Chapter 2's wording of afweging 5 ("Ja: hulp …"), not chapter 3's ("Ja: Hulp …").
    const ja5 = 'Ja: hulp afsluiten met afspraken over het volgen van toekomstige (on)veiligheid met betrokkenen en samenwerkingspartners.';
    expect(citationProblem({ document: doc, section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader › Afweging 5', quote: ja5 })).toMatch(/not under/);
    expect(citationProblem({ document: doc, section: 'Hoofdstuk 2 Het afwegingskader › Afwegingen › Voorbeeld afwegingskader: 5 afwegingen in stap 5', quote: ja5 })).toBeUndefined();
    // The structural list is not the acute one.
    expect(citationProblem({ document: doc, section: acute, quote: 'lichamelijke verwaarlozing' })).toMatch(/not under/);
    // Truncated headings: a bare chapter label, and a heading that goes on past the cited words.
    expect(citationProblem({ document: doc, section: 'Hoofdstuk 1' })).toMatch(/heading "Hoofdstuk 1" not found/);
    expect(citationProblem({ document: '000_5b0914504b666284.txt', section: 'Stap 2: Collegiale consultatie en zo nodig raadplegen van Veilig Thuis' })).toMatch(/heading/);
    // A heading the PDF extraction ran into a page footer and its first sentence still counts.
    expect(citationProblem({ document: '000_5b0914504b666284.txt', section: '3.3 Conflict van plichten', quote: 'Zo oud als de zwijgplicht is ook de notie' })).toBeUndefined();
  });

  // The rule on small texts, with no need of shared/sources.
  const check = (text: string, section: string, quote?: string, document = 'doc.txt') => citationProblemIn(text, { document, section, quote });
  const pdf = [
    'Hoofdstuk 1',
    '',
    'Inleiding',
    'Een inleidende zin die de regel vult tot ongeveer de breedte van de regels in dit document, en',
    'verder loopt op de volgende regel van dezelfde alinea, zoals tekst uit een PDF dat doet.',
    'Wat verandert er?',
    'Een leerkracht signaleert maar verleent zelf geen hulp, terwijl een huisarts ook hulp biedt.',
    'Hoofdstuk 2',
    'Het kader',
    'Stap 1: In kaart brengen van signalen',
    'Breng de signalen in kaart. Neem contact op met de intern begeleider en/of de directie.',
    'Kindcheck',
    'Vraag of de cliënt voor kinderen zorgt, in elke situatie waarin dat aan de orde kan zijn.',
    'Oudersignalen',
    'Ook signalen bij de ouder tellen, zelfs als de sociaal werker de kinderen niet zelf ziet.',
    'Stap 2: Collegiale consultatie en zo nodig raadplegen van Veilig Thuis of een',
    'deskundige op het terrein van letselduiding',
    'Vragen ter afweging:',
    '- Is overleg met een collega nodig?',
    'Overleg met een deskundige collega is noodzakelijk, dat staat hier en nergens anders.',
    'Afweging 1',
    'Heb ik een vermoeden?',
    'Acute onveiligheid',
    'Poging tot verwurging, wapengebruik, geweld tijdens de zwangerschap van de cliënte.',
    'Structurele onveiligheid',
    'Herhaald lichamelijk geweld, verwaarlozing en andere vormen van voortdurend geweld.',
    'Afweging 2',
    'Ja: Hulp afsluiten met afspraken over de veiligheid, met de betrokkenen en partners.',
    'Bijlage 1c Verdeling van verantwoordelijkheden voor het zetten van de',
    'stappen en het beslissen over een melding',
    'Functionarissen die de stappen zetten, binnen de organisatie of daarbuiten, staan hier.',
    'Basismodel meldcode huiselijk geweld en kindermishandeling | 27 3.3 Conflict van plichten Zo oud als de',
    'zwijgplicht is het dilemma van de sociaal werker die alleen door te spreken kan helpen.',
  ].join('\n');

  it('finds the heading parts in order, each inside the one before', () => {
    expect(check(pdf, 'Hoofdstuk 2 Het kader › Stap 1: In kaart brengen van signalen', 'Neem contact op met de intern begeleider')).toBeUndefined();
    expect(check(pdf, 'Stap 1: In kaart brengen van signalen › Hoofdstuk 2 Het kader')).toMatch(/not found under "Stap 1/);
    expect(check(pdf, 'Hoofdstuk 1 Inleiding › Stap 1: In kaart brengen van signalen')).toMatch(/not found under "Hoofdstuk 1 Inleiding" .*stands elsewhere/);
    expect(check(pdf, 'Hoofdstuk 3 Vijf afwegingen')).toMatch(/heading "Hoofdstuk 3 Vijf afwegingen" not found/);
  });

  it('wants the quote after the last heading and before the next one of the same or a higher level', () => {
    expect(check(pdf, 'Hoofdstuk 1 Inleiding › Wat verandert er?', 'Een leerkracht signaleert')).toBeUndefined();
    expect(check(pdf, 'Hoofdstuk 1 Inleiding', 'Een leerkracht signaleert')).toBeUndefined();
    expect(check(pdf, 'Hoofdstuk 2 Het kader', 'Een leerkracht signaleert')).toMatch(/quote not under "Hoofdstuk 2 Het kader" .*stands elsewhere/);
    // A numbered heading holds its unnumbered subsections, and ends at the next of its level or higher.
    expect(check(pdf, 'Stap 1: In kaart brengen van signalen', 'Ook signalen bij de ouder tellen')).toBeUndefined();
    expect(check(pdf, 'Stap 1: In kaart brengen van signalen', 'Overleg met een deskundige collega')).toMatch(/not under/);
    expect(check(pdf, 'Afweging 1', 'Ja: Hulp afsluiten')).toMatch(/not under/);
    expect(check(pdf, 'Hoofdstuk 2 Het kader › Afweging 2', 'Ja: Hulp afsluiten')).toBeUndefined();
    // An unnumbered heading cited last ends at the next line that looks like a heading …
    expect(check(pdf, 'Afweging 1 › Acute onveiligheid', 'Poging tot verwurging')).toBeUndefined();
    expect(check(pdf, 'Afweging 1 › Acute onveiligheid', 'Herhaald lichamelijk geweld')).toMatch(/not under/);
    expect(check(pdf, 'Kindcheck', 'Ook signalen bij de ouder tellen')).toMatch(/not under/);
    // … though not at a label or a list item; cited above another part, the path says what is below it.
    expect(check(pdf, 'Stap 2: Collegiale consultatie en zo nodig raadplegen van Veilig Thuis of een deskundige op het terrein van letselduiding', 'Overleg met een deskundige collega')).toBeUndefined();
    expect(check(pdf, 'Kindcheck › Oudersignalen', 'Ook signalen bij de ouder tellen')).toBeUndefined();
  });

  it('cites headings whole: a truncated heading fails, one over several lines or run into the text is found', () => {
    expect(check(pdf, 'Hoofdstuk 1')).toMatch(/heading "Hoofdstuk 1" not found/);
    expect(check(pdf, 'Stap 2: Collegiale consultatie en zo nodig raadplegen van Veilig Thuis')).toMatch(/heading/);
    expect(check(pdf, 'Stap 2: Collegiale consultatie en zo nodig raadplegen van Veilig Thuis of een')).toMatch(/heading/);
    expect(check(pdf, 'Bijlage 1c Verdeling van verantwoordelijkheden voor het zetten van de')).toMatch(/heading/);
    expect(check(pdf, 'Bijlage 1c Verdeling van verantwoordelijkheden voor het zetten van de stappen en het beslissen over een melding', 'Functionarissen die de stappen zetten')).toBeUndefined();
    expect(check(pdf, 'Stap 1')).toMatch(/heading/);
    // The page footer is cut out; the heading's first sentence, run into its line, is under it.
    expect(check(pdf, '3.3 Conflict van plichten', 'Zo oud als de zwijgplicht is het dilemma')).toBeUndefined();
    // A heading in the middle of a sentence is no heading.
    expect(check(pdf, 'deskundige op het terrein van letselduiding')).toMatch(/heading/);
  });

  it('takes the occurrence of a repeated heading that the path leads to', () => {
    const twice = ['2.2 De stappen', 'Stap 1: Signalen', 'De eerste versie van stap 1, in het hoofdstuk.', 'Bijlage 1b Stappenplan', 'Stap 1: Signalen', 'De tweede versie van stap 1, in de bijlage.'].join('\n');
    expect(check(twice, 'Stap 1: Signalen', 'De tweede versie')).toBeUndefined();
    expect(check(twice, 'Bijlage 1b Stappenplan › Stap 1: Signalen', 'De tweede versie')).toBeUndefined();
    expect(check(twice, 'Bijlage 1b Stappenplan › Stap 1: Signalen', 'De eerste versie')).toMatch(/not under/);
    expect(check(twice, '2.2 De stappen › Stap 1: Signalen', 'De tweede versie')).toMatch(/not under/);
  });

  it('reads a web page: its headings are whole lines, questions or short', () => {
    const faq = [
      'Wat als de cliënt bezwaren heeft?',
      '',
      'Bij bezwaren van de cliënt, bekijk of, en zo ja op welke wijze, je tegemoet kunt komen aan deze bezwaren. Is dat niet mogelijk, weeg de bezwaren dan af.',
      'Beschrijf welke informatie je bij je melding hebt verstrekt en welke afspraken je hebt gemaakt, zonder punt aan het eind',
      'Wat als het slachtoffer wilsonbekwaam is?',
      '',
      'Doe een melding indien de bescherming van de cliënt de doorslag moet geven.',
    ].join('\n');
    expect(check(faq, 'Wat als de cliënt bezwaren heeft?', 'weeg de bezwaren dan af')).toBeUndefined();
    expect(check(faq, 'Wat als de cliënt bezwaren heeft?', 'welke afspraken je hebt gemaakt')).toBeUndefined();
    expect(check(faq, 'Wat als de cliënt bezwaren heeft?', 'Doe een melding')).toMatch(/not under/);
  });

  it('reads a Markdown facts sheet by its # headings', () => {
    const md = [
      '# Facts for a framework',
      '',
      'Not a seed document.',
      '',
      '## The framework',
      '',
      '| fact | where |',
      '|---|---|',
      '| Help is not given by the teacher. | https://example.org |',
      '',
      '### A detail',
      '',
      'Detail text.',
      '',
      '## Roles',
      '',
      '| fact | where |',
      '|---|---|',
      '| The intern begeleider coordinates. | https://example.org/roles |',
    ].join('\n');
    expect(check(md, 'The framework', 'Help is not given by the teacher.', 'x-facts.md')).toBeUndefined();
    expect(check(md, 'The framework', 'Detail text.', 'x-facts.md')).toBeUndefined();
    expect(check(md, 'The framework › A detail', 'Detail text.', 'x-facts.md')).toBeUndefined();
    expect(check(md, 'The framework', 'The intern begeleider coordinates.', 'x-facts.md')).toMatch(/not under/);
    expect(check(md, 'Facts for a framework', 'The intern begeleider coordinates.', 'x-facts.md')).toBeUndefined();
    expect(check(md, 'Roles', 'Help is not given', 'x-facts.md')).toMatch(/not under/);
    // Only # headings are headings there.
    expect(check(md, 'Not a seed document.', undefined, 'x-facts.md')).toMatch(/heading/);
  });
});
