// The source catalogue (src/sources/catalogue.json): people read titles, not file names. The
// shipped file is trusted and frozen at run time, so it is validated here. Its checks against
// the texts themselves need ../shared/sources and are skipped by name without it; everything
// else (the schema, one entry per cited document, the rendered texts) runs on any clone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import catalogueJson from '../src/sources/catalogue.json';
import { sourceLabel } from '../src/sources/sources.js';
import { evaluate, formatDecision, formatSource, getFramework, listFrameworks, sourceCatalogue, sourceTitle } from '../src/index.js';
import { toCdsHooksCard, toGuidanceResponse, toQuestionnaire } from '../src/fhir/index.js';
import { textSchema } from '../src/rules/schema.js';
import { loadExamples } from '../scripts/load-examples.js';
import { documentPath, documentText, fold, isFactNote, needsSources, noSources, sourcesDir } from './support/sources.js';

const year = z.int().min(1990).max(2100);
const basisSchema = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1).optional(),
  year: year.optional(),
  version: z.string().min(1).optional(),
  url: z.url().optional(),
});
const entrySchema = z.strictObject({
  // A file in shared/sources, or a fact note of this repository in docs/sources (issue 15).
  id: z.string().regex(/^(\d{3}_[0-9a-f]{16}\.txt|[a-z-]+-facts\.md|docs\/sources\/[a-z0-9-]+\.md)$/, 'a file name in shared/sources, or docs/sources/<name>.md'),
  kind: z.enum(['seed', 'facts']),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  publisher: z.string().min(1).optional(),
  year: year.optional(),
  version: z.string().min(1).optional(),
  url: z.url().optional(),
  contributors: z.array(z.string().min(1)).min(1).optional(),
  basedOn: basisSchema.optional(),
  notStated: z.array(z.enum(['publisher', 'year', 'url'])),
  notes: z.array(textSchema).min(1),
});
const catalogueSchema = z.strictObject({ $comment: z.string(), sources: z.array(entrySchema).min(1) });

const root = process.cwd();

/** Every `document` cited anywhere in src: rule, question, framework and floor JSON, and the TypeScript. */
function citedDocuments(): Map<string, string> {
  const cited = new Map<string, string>();
  const walk = (value: unknown, file: string) => {
    if (Array.isArray(value)) for (const v of value) walk(v, file);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'document' && typeof v === 'string') cited.set(v, file);
        else walk(v, file);
      }
    }
  };
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' });
  for (const file of files) {
    const path = join(root, 'src', file);
    if (file.endsWith('.json')) walk(JSON.parse(readFileSync(path, 'utf8')), file);
    if (file.endsWith('.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/\bdocument: '([^']+)'/g)) cited.set(m[1]!, file);
    }
  }
  return cited;
}

describe('the source catalogue', () => {
  it('is valid against its schema, one entry per document', () => {
    const parsed = catalogueSchema.safeParse(catalogueJson);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const ids = catalogueJson.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // What the library serves is the file, unchanged.
    expect(sourceCatalogue()).toEqual(catalogueJson.sources);
  });

  it('is deeply frozen', () => {
    const unfrozen = (v: unknown): boolean =>
      v !== null && typeof v === 'object' && (!Object.isFrozen(v) || Object.values(v).some(unfrozen));
    expect(unfrozen(sourceCatalogue())).toBe(false);
    expect(() => (sourceCatalogue()[0] as { title: string }).title = 'x').toThrow(TypeError);
  });

  it('has an entry for every document cited anywhere in src', () => {
    const known = new Set(sourceCatalogue().map((s) => s.id));
    const cited = citedDocuments();
    // The seeds and the three fact sheets are cited (002 only by the catalogue itself, as the
    // Toolkit that points to the Basisdocument).
    expect(cited.size).toBeGreaterThanOrEqual(7);
    const missing = [...cited].filter(([doc]) => !known.has(doc)).map(([doc, file]) => `${doc} (cited in src/${file})`);
    expect(missing).toEqual([]);
  });

  it('leaves out what is not stated, and says so: each of publisher, year and URL is given or listed as not stated', () => {
    for (const s of sourceCatalogue()) {
      for (const field of ['publisher', 'year', 'url'] as const) {
        expect(s[field] === undefined, `${s.id}: ${field}`).toBe(s.notStated.includes(field));
      }
      for (const n of s.notes) expect(n.nl.length > 20 && n.en.length > 20, s.id).toBe(true);
    }
  });

  it('a fact note of this repository (docs/sources/<name>.md) is a file there, titled by its first heading', () => {
    const notes = sourceCatalogue().filter((e) => isFactNote(e.id));
    expect(notes.map((e) => e.id)).toEqual(expect.arrayContaining(['docs/sources/paramedici.md', 'docs/sources/kinderopvang.md']));
    for (const s of notes) {
      expect(s.kind, s.id).toBe('facts');
      expect(readFileSync(join(root, s.id), 'utf8').split('\n')[0]!.replace(/^# /, ''), s.id).toBe(s.titleEn);
    }
  });

  it('a fact sheet names the published document it rests on; the project is its publisher', () => {
    for (const s of sourceCatalogue().filter((e) => e.kind === 'facts')) {
      expect(s.publisher, s.id).toBe('meldcode-project');
      expect(s.basedOn?.title, s.id).toBeTruthy();
    }
  });
});

describe('sourceTitle and the rendered texts', () => {
  it('gives the title of a known document, and the file name of an unknown one', () => {
    expect(sourceTitle('001_dcbf0a2973853468.txt')).toBe('Basisdocument: het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling');
    expect(sourceTitle('onze-eigen-meldcode.pdf')).toBe('onze-eigen-meldcode.pdf');
    for (const s of sourceCatalogue()) expect(sourceTitle(s.id)).toBe(s.title);
  });

  it('formatSource shows the title, publisher and year or version, and keeps the file name at the end', () => {
    expect(formatSource({ document: '000_5b0914504b666284.txt', section: '3.3 Conflict van plichten', quote: 'x' })).toBe(
      'BPSW-meldcode huiselijk geweld en kindermishandeling voor sociaal werkers (BPSW, met afwegingskader 2019) — 3.3 Conflict van plichten: “x” [000_5b0914504b666284.txt]',
    );
    expect(formatSource({ document: '002_e1b9d8c6246dae67.txt', section: 'Beroepsgeheim en de meldcode' })).toBe(
      'Toolkit meldcode huiselijk geweld en kindermishandeling (Rijksoverheid) — Beroepsgeheim en de meldcode [002_e1b9d8c6246dae67.txt]',
    );
    // A source naming its own published document is shown by that document, with its page.
    const knmg = getFramework('artsen').source;
    expect(formatSource(knmg)).toBe(`KNMG-meldcode Kindermishandeling en huiselijk geweld (KNMG, 2023) — ${knmg.section} — ${knmg.url} [knmg-artsen-facts.md]`);
    // A document the catalogue lacks (a maintainer's own framework) keeps its file name.
    expect(formatSource({ document: 'onze-meldcode.pdf', section: 'Stap 5' })).toBe('onze-meldcode.pdf — Stap 5 [onze-meldcode.pdf]');
    expect(sourceLabel({ document: 'onderwijs-facts.md' })).toBe('Feiten voor het afwegingskader onderwijs en de aparte meldplichten van scholen (meldcode-project)');
  });

  // A few cases for every framework, and every demo case (written for basismodel).
  const cases = (framework: string) => [
    ...[{}, { considerations: { suspicion: true, unsafety: { acute: true } } }, { considerations: { suspicion: false } }].map((c) => ({ ...c, framework })),
    ...(framework === 'basismodel' ? loadExamples().map((e) => e.case as object) : []),
  ];
  const bareFileName = /(^|[^[`\w])(\d{3}_[0-9a-f]{16}\.txt|[a-z-]+-facts\.md)(?!\])/;

  it.each(listFrameworks().map((f) => f.id))('%s: every source line a person reads names the document by title, not by file name', (framework) => {
    for (const c of cases(framework)) {
      for (const lang of ['nl', 'en'] as const) {
        const d = evaluate(c as never, { evaluationDate: '2026-11-23', lang });
        const text = formatDecision(d);
        const lines = text.split('\n').filter((l) => /^\s+(bron|source): /.test(l));
        expect(lines.length).toBe(d.trail.length);
        for (const line of lines) {
          expect(line).not.toMatch(bareFileName);
          expect(line).toMatch(/\[[^\]]+\]$/);
        }
        const card = toCdsHooksCard(d);
        expect(card.source.label).not.toMatch(bareFileName);
        for (const l of (card.detail ?? '').split('\n').filter((x) => x.includes('_bron:_') || x.includes('_source:_'))) expect(l).not.toMatch(bareFileName);
        const parts = toGuidanceResponse(d).contained?.flatMap((r) => ('parameter' in r ? (r.parameter ?? []) : [])) ?? [];
        for (const p of parts.flatMap((x) => x.part ?? []).filter((x) => x.name === 'source')) expect(p.valueString).not.toMatch(bareFileName);
      }
    }
  });

  it.each(listFrameworks().map((f) => f.id))('%s: the Questionnaire cites its sources by title', (framework) => {
    const q = JSON.stringify(toQuestionnaire(framework));
    const cites = [...q.matchAll(/"valueString":"([^"]*\[[^\]"]+\])"/g)].map((m) => m[1]!);
    expect(cites.length).toBeGreaterThan(10);
    for (const c of cites) expect(c).not.toMatch(bareFileName);
  });

  it('the generated framework pages cite documents by title', () => {
    for (const { id } of listFrameworks()) {
      const page = readFileSync(join(root, 'docs', 'frameworks', `${id}.md`), 'utf8');
      // File names appear only as code, beside the title: `001_….txt`.
      expect(page.replace(/`[^`]+`/g, '')).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      expect(sourceCatalogue().some((s) => page.includes(`*${s.title}*`)), id).toBe(true);
    }
  });
});

describe.skipIf(noSources)(needsSources('the source catalogue against the texts'), () => {
  // Read inside the tests: a skipped describe still collects its body.
  const readme = () => readFileSync(join(sourcesDir, 'README.md'), 'utf8');
  /** The README's table row for a document. */
  const row = (id: string) => readme().split('\n').find((l) => l.startsWith(`| \`${id}\` |`)) ?? '';
  const stated = (id: string) => `${documentText(id) ?? ''} ${fold(row(id))}`;

  it('every text in shared/sources and every fact sheet the library cites has an entry; every entry is a file there', () => {
    const files = readdirSync(sourcesDir);
    const known = new Set(sourceCatalogue().map((s) => s.id));
    expect(files.filter((f) => f.endsWith('.txt') && !known.has(f))).toEqual([]);
    for (const s of sourceCatalogue().filter((e) => !isFactNote(e.id))) expect(files, s.id).toContain(s.id);
  });

  it('each year, version and URL stands in its document or in the README', () => {
    for (const s of sourceCatalogue()) {
      const text = stated(s.id);
      for (const v of [s.year, s.version, s.basedOn?.year, s.basedOn?.version].filter((x) => x !== undefined)) {
        for (const digits of String(v).match(/\d{4}/g) ?? []) expect(text, `${s.id}: ${v}`).toContain(digits);
      }
      for (const url of [s.url, s.basedOn?.url].filter((x) => x !== undefined)) expect(text, s.id).toContain(url);
      if (s.basedOn?.publisher) expect(text, s.id).toContain(s.basedOn.publisher);
    }
  });

  it('each title and publisher comes from its document or the README', () => {
    for (const s of sourceCatalogue()) {
      const text = stated(s.id).toLowerCase();
      // A seed's Dutch title, a fact sheet's own (English) heading: every word stands there.
      const title = s.kind === 'seed' ? s.title : s.titleEn;
      for (const word of title.toLowerCase().split(/[\s:()']+/).filter((w) => w.length > 3)) expect(text, `${s.id}: ${word}`).toContain(word);
      if (s.kind === 'seed' && s.publisher) expect(text, s.id).toContain(s.publisher.toLowerCase());
    }
  });

  it('a fact sheet\'s English title is its own first heading', () => {
    for (const s of sourceCatalogue().filter((e) => e.kind === 'facts')) {
      const heading = readFileSync(documentPath(s.id), 'utf8').split('\n')[0]!.replace(/^# /, '').replace(/`/g, '');
      expect(s.titleEn).toBe(heading);
    }
  });
});
