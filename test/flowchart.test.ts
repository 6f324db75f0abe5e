// toMermaid: the decision flow with every exit, the closing ones included; and the generated
// docs/frameworks/<id>.md and schema file are up to date with the data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendFramework, getFramework, listFrameworks, toMermaid } from '../src/index.js';
import { getFloor } from '../src/frameworks/framework.js';
import { generatedFiles, root } from '../scripts/framework-docs.js';

describe('toMermaid', () => {
  const chart = toMermaid(getFramework('basismodel'));

  it('is a Mermaid flowchart with the five considerations and every decision option', () => {
    expect(chart.startsWith('flowchart TD\n')).toBe(true);
    for (const n of [1, 2, 3, 4, 5]) expect(chart).toMatch(new RegExp(`A${n}\\{"${n}\\. `));
    for (const [from, to] of [['A1', 'CLOSE'], ['A1', 'A2'], ['A2', 'R1'], ['A2', 'A3'], ['A3', 'R2'], ['A3', 'A4'], ['A4', 'R4'], ['A4', 'HELP'], ['A5', 'R3'], ['A5', 'DONE']]) {
      expect(chart).toMatch(new RegExp(`${from} -->(\\|[^|]*\\|)? ${to}\\n`));
    }
  });

  it('includes the exits that close the meldcode or the help, marked as closing', () => {
    expect(chart).toMatch(/CLOSE\(\["Afsluiten en vastleggen in het dossier<br\/>afweging-1-nee"\]\)/);
    expect(chart).toMatch(/DONE\(\["Hulp afsluiten met afspraken.*afweging-5-ja"\]\)/);
    expect(chart).toContain('class CLOSE,DONE closing;');
  });

  it('names the floor rule behind every exit, and each exists in the floor', () => {
    const ids = new Set(getFloor().rules.rules.map((r) => r.id));
    const named = [...chart.matchAll(/<br\/>(afweging-[a-z0-9-]+)"/g)].map((m) => m[1]!);
    expect(named.sort()).toEqual(['afweging-1-nee', 'afweging-2-ja-norm-1', 'afweging-3-nee-norm-2', 'afweging-4-nee', 'afweging-5-ja', 'afweging-5-nee-norm-3']);
    for (const id of named) expect(ids.has(id)).toBe(true);
  });

  it('shows that unknown is never no: every consideration has an exit to "not yet answered"', () => {
    for (const n of [1, 2, 3, 4, 5]) expect(chart).toContain(`A${n} -.->|"onbekend"| OPEN`);
  });

  it("shows the profession's labels, roles per step, who decides, and its own rules", () => {
    const knmg = toMermaid(getFramework('artsen'), { lang: 'en' });
    expect(knmg).toContain('A1{"1. Suspicion: Suspicion of domestic violence');
    expect(knmg).toContain('In step 2 always ask Veilig Thuis for advice');
    expect(knmg).toContain('(not applicable: dentists and dental specialists)');
    const school = toMermaid(getFramework('onderwijs'));
    expect(school).toMatch(/S1\["Stap 1: signalen in kaart brengen<br\/>Door: Leerkracht/);
    expect(school).toMatch(/S5\[\/".*Beslist: Intern begeleider \(IB-er\), Directeur<br\/>Geïnformeerd: Ouders/);
    expect(school).toContain('niet door de signalerende beroepskracht zelf');
    expect(school).toContain('onderwijs-bij-twijfel-melden (action)');
  });

  it('follows an extended framework and escapes quotes in texts', () => {
    const fw = extendFramework('sociaal-domein', {
      id: 'wijkteam',
      version: '1.0.0',
      name: { nl: 'Wijkteam', en: 'Team' },
      roles: [{ id: 'teamleider', name: { nl: 'Teamleider "zorg"', en: 'Team leader' } }],
      steps: [{ step: 5, decidedBy: ['teamleider'] }],
    });
    const text = toMermaid(fw);
    expect(text).toContain('Beslist: Teamleider #quot;zorg#quot;');
    // The 12 floor examples of acute unsafety and the repetition norm, and sociaal-domein's own (issue 14 ruling C).
    expect(text).toContain('(indicatoren: 13 acuut, 1 disclosure, 1 structureel)');
  });
});

describe('generated docs', () => {
  it('docs/frameworks/<id>.md exists for every shipped framework and is up to date (npm run docs:frameworks)', () => {
    const files = generatedFiles();
    expect([...files.keys()].filter((p) => p.startsWith('docs/')).sort()).toEqual(listFrameworks({ aliases: true }).map((f) => `docs/frameworks/${f.id}.md`));
    for (const [path, content] of files) {
      expect(existsSync(join(root, path)), path).toBe(true);
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(content);
    }
    // The first render computes each page's diff table (diffFrameworks against basismodel, tens of
    // seconds of CPU); on a loaded machine that outlasts the default timeout. Later renders reuse it.
  }, 900_000);

  it('each page shows the sources, the indicators and the flowchart', () => {
    const page = generatedFiles().get('docs/frameworks/sociaal-domein.md')!;
    expect(page).toContain('## Sources');
    expect(page).toContain('`acute-direct-danger`');
    expect(page).toContain('```mermaid\nflowchart TD');
    expect(page).toContain('vignette-widow-68-financial-exploitation');
    expect(generatedFiles().get('docs/frameworks/artsen.md')).toContain('<https://knmg-meldcode.maglr.com/');
  });

  it('each indicator row names its own source: heading and quoted words, not one section for all', () => {
    for (const { id } of listFrameworks()) {
      const page = generatedFiles().get(`docs/frameworks/${id}.md`)!;
      expect(page).not.toContain('Source of the indicators');
      for (const i of getFramework(id).indicators) {
        const row = page.split('\n').find((line) => line.startsWith(`| \`${i.code}\` |`));
        expect(row, `${id} ${i.code}`).toContain(`§ ${i.source.section.replace(/\|/g, '\\|')} (\``);
        if (i.source.quote) expect(row, `${id} ${i.code}`).toContain(`“${i.source.quote.replace(/\|/g, '\\|')}”`);
      }
    }
    const sociaal = generatedFiles().get('docs/frameworks/sociaal-domein.md')!;
    expect(sociaal).toMatch(/\| `acute-direct-danger` \|.*› Acute onveiligheid \(`000_5b0914504b666284\.txt`\)/);
    expect(sociaal).toMatch(/\| `structural-[a-z-]+` \|.*› Herhaling van geweld \(`001_dcbf0a2973853468\.txt`\)/);
  });

  it('each page names its objection regime, or says that its source does not settle it (DESIGN §6.5)', () => {
    const row = (id: string) => generatedFiles().get(`docs/frameworks/${id}.md`)!.split('\n').find((l) => l.startsWith('| objection regime |'));
    expect(row('basismodel')).toMatch(/`faq-004`.*Wat als de cliënt bezwaren heeft\?/);
    expect(row('sociaal-domein')).toMatch(/`weighing`.*3\.3 Conflict van plichten/);
    for (const id of ['artsen', 'onderwijs']) expect(row(id)).toMatch(/`weighing`: not settled by its source/);
  });
});
