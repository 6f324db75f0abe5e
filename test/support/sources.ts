import { existsSync, readFileSync } from 'node:fs';
import { TestRunner } from 'vitest';
import type { Framework, Source } from '../../src/index.js';
import { documentPath, isFactNote, noSources, sourcesDir } from './sources-path.js';

export { documentPath, hasSources, isFactNote, missingSourcesMessage, needsSources, noSources, sourcesDir } from './sources-path.js';

/** Whitespace folded to single spaces, so quotes match across the documents' line breaks. */
export const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One non-blank line of a document, whitespace folded, with what the citation check reads off it. */
export interface OutlineLine {
  /** The line's text, folded (for Markdown headings without the leading `#`s). */
  text: string;
  /**
   * The heading level when the line opens a *numbered* heading (lower is higher: 0 `Hoofdstuk 3`,
   * `Bijlage 1b`, `III.`; 1 `3.2 …`; 2 `Stap 5: …`; 3 `Afweging 2`, `Afweging: …?`, `VRAAG 2`) or
   * a Markdown heading (the number of `#`s).
   */
  level?: number;
  /** Whether the line looks like a heading of its own (numbered or not): where an unnumbered section ends. */
  heading: boolean;
  /** Whether the line opens a block (after a sentence end, a short line or a heading) and is no list item: where a cited heading may start. */
  opens: boolean;
}

/** A document read for the citation check: its non-blank lines, and whether it is a Markdown sheet. */
export interface Outline {
  lines: OutlineLine[];
  markdown: boolean;
}

/**
 * Running page footers that the PDF extraction glued into the text (`… | 27 3.3 Conflict van plichten
 * Zo oud als de`): each is cut out and the line broken there, so the heading after it starts a line.
 */
const pageFooters = [/Basismodel meldcode huiselijk geweld en\s+kindermishandeling \| \d+/g];

/** Numbered headings in the plain-text documents, highest first. */
const numbered: [RegExp, number][] = [
  [/^(?:[IVX]+\.\s|Hoofdstuk\s+\d+\b|Bijlage\s+\d+[a-z]?\b)/, 0],
  [/^\d+\.\d+\.?\s+\p{Lu}/u, 1],
  [/^Stap\s+\d+\s*:/, 2],
  [/^(?:Afweging(?:\s+\d+\b|:)|(?:VRAAG|Vraag|ANTWOORD|Antwoord)\s+\d+$)/, 3],
];
/** A list item (`-`, `•`, `o`, the PDFs' private-use bullets) or a footnote number: never a heading. */
const bullet = /^(?:[-–•·*]|o\s|[\uf000-\uf8ff]|\d+\s+\p{Lu}[^.?]*https?:)/u;
/** A heading that is only a label (`Hoofdstuk 1`, `Bijlage 2`): its title is on the next line. */
const bareLabel = /^(?:Hoofdstuk|Bijlage|Deel)\s+\w+:?$/;
/** Words a heading does not end on: a line ending on one goes on at the next line. */
const openEnd = /\s(?:de|het|een|van|en|én|of|en\/of|voor|op|in|met|bij|te|aan|tot|om|door|naar|over|dat|die|the|a|an|and|or|to)$/i;

/** A document's lines, for the citation check. Plain text: see {@link citationProblem}; Markdown: `#` headings. */
export function outline(raw: string, markdown: boolean): Outline {
  let text = raw;
  for (const footer of pageFooters) text = text.replace(footer, '\n');
  const folded = text.split('\n').map(fold).filter(Boolean);
  if (markdown) {
    return {
      markdown,
      lines: folded.map((line) => {
        const m = /^(#+)\s+(.*)$/.exec(line);
        return m ? { text: m[2]!, level: m[1]!.length, heading: true, opens: true } : { text: line, heading: false, opens: false };
      }),
    };
  }
  // A PDF's lines wrap at about `width`: a shorter line ends its paragraph (or is a heading). A web
  // page's lines are whole paragraphs: there a heading is a short line, or a question.
  const lengths = folded.map((l) => l.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 80;
  const wrapped = width <= 130;
  const short = wrapped ? 0.75 * width : 60;
  const lines: OutlineLine[] = [];
  folded.forEach((line, i) => {
    const level = numbered.find(([re]) => re.test(line))?.[1];
    const prev = folded[i - 1];
    const next = folded[i + 1];
    const afterBreak = !wrapped || prev === undefined || /[.?!:;)\]]$/.test(prev) || prev.length < short || lines[i - 1]!.heading;
    const capital = /^[\p{Lu}\d‘'“"(]/u.test(line);
    const plain =
      capital &&
      !bullet.test(line) &&
      !/^\d+\.?(?:\s|$)/.test(line) &&
      !/[.,;:]$/.test(line) &&
      !/^(?:Ja|Nee)\s*:/.test(line) &&
      (line.length < short ||
        (/\?$/.test(line) && line.length <= 200) ||
        // a long heading: over a list, or wrapped onto a short second line that ends no sentence
        (wrapped &&
          next !== undefined &&
          ((bullet.test(next) && !openEnd.test(line)) || (/^\p{Ll}/u.test(next) && next.length < short && !/[.,;:?]$/.test(next))))) &&
      afterBreak;
    lines.push({ text: line, level, heading: level !== undefined || plain, opens: level !== undefined || (afterBreak && capital && !bullet.test(line)) });
  });
  return { lines, markdown };
}

/** A heading part found: the lines it spans, `[start, end]`, and the text run into its last line, if any. */
interface Found {
  start: number;
  end: number;
  runIn?: string;
}

/** Where `part` stands as a whole heading: one line, or a few consecutive lines read as one; never a truncated one. */
function headingsAt(doc: Outline, part: string, from: number, until: number): Found[] {
  const want = fold(part);
  const found: Found[] = [];
  for (let i = from; i < until; i++) {
    const first = doc.lines[i]!;
    if (doc.markdown) {
      if (first.level !== undefined && first.text === want) found.push({ start: i, end: i });
      continue;
    }
    // A numbered heading the extraction ran into its first sentence (`3.3 Conflict van plichten Zo oud als de`).
    const runIn = first.level !== undefined && !want.endsWith(':') && first.text.startsWith(`${want} `) ? first.text.slice(want.length + 1) : '';
    if (/^\p{Lu}/u.test(runIn)) {
      found.push({ start: i, end: i, runIn });
      continue;
    }
    if (!want.startsWith(first.text) || !first.opens) continue;
    let text = first.text;
    let end = i;
    while (text.length < want.length && end + 1 < doc.lines.length && end - i < 3) {
      end += 1;
      text = `${text} ${doc.lines[end]!.text}`;
    }
    if (text !== want) continue;
    const next = doc.lines[end + 1]?.text;
    const goesOn =
      next !== undefined &&
      (bareLabel.test(text) || openEnd.test(text) || (/^\p{Ll}/u.test(next) && !bullet.test(next) && !/[.;!]$/.test(next)));
    if (!goesOn) found.push({ start: i, end });
  }
  return found;
}

/** Where the section of the heading at `found` ends (exclusive): see {@link citationProblem}. */
function sectionEnd(doc: Outline, found: Found, last: boolean, until: number): number {
  const level = doc.lines[found.start]!.level;
  for (let i = found.end + 1; i < until; i++) {
    const line = doc.lines[i]!;
    if (level !== undefined ? line.level !== undefined && line.level <= level : last && line.heading) return i;
  }
  return until;
}

/** Each document read once (keyed by its text, so a test's own texts are read the same way), Markdown or not. */
const outlines = new Map<string, Partial<Record<'md' | 'txt', Outline>>>();

/**
 * What is wrong with a citation of `document` (its raw text given), or `undefined` when it holds: see
 * {@link citationProblem}. Exported for the tests of the check itself.
 */
export function citationProblemIn(raw: string, source: Source, markdown = source.document.endsWith('.md')): string | undefined {
  const read = outlines.get(raw) ?? {};
  outlines.set(raw, read);
  const doc = (read[markdown ? 'md' : 'txt'] ??= outline(raw, markdown));
  const parts = source.section.split(' › ');
  const quote = source.quote ? fold(source.quote) : undefined;
  let deepest = -1;
  let quoteSeen = false;
  const search = (k: number, from: number, until: number): boolean => {
    for (const found of headingsAt(doc, parts[k]!, from, until)) {
      deepest = Math.max(deepest, k);
      const last = k === parts.length - 1;
      const end = sectionEnd(doc, found, last, until);
      if (!last) {
        if (search(k + 1, found.end + 1, end)) return true;
        continue;
      }
      if (quote === undefined) return true;
      quoteSeen = true;
      const body = [...(found.runIn ? [found.runIn] : []), ...doc.lines.slice(found.end + 1, end).map((l) => l.text)].join(' ');
      if (body.includes(quote)) return true;
    }
    return false;
  };
  if (search(0, 0, doc.lines.length)) return undefined;
  if (deepest < parts.length - 1) {
    const missing = parts[deepest + 1]!;
    const anywhere = headingsAt(doc, missing, 0, doc.lines.length).length > 0;
    return deepest < 0
      ? `heading "${missing}" not found in ${source.document} (as a whole heading${anywhere ? '' : '; not truncated, not run into other text'})`
      : `heading "${missing}" not found under "${parts.slice(0, deepest + 1).join(' › ')}" in ${source.document}${anywhere ? ' (it stands elsewhere, outside that section)' : ''}`;
  }
  const elsewhere = quote !== undefined && fold(doc.lines.map((l) => l.text).join(' ')).includes(quote);
  return quoteSeen && elsewhere
    ? `quote not under "${source.section}" in ${source.document} (it stands elsewhere): "${source.quote}"`
    : `quote not found in ${source.document}: "${source.quote}"`;
}

const cache = new Map<string, string | undefined>();
/** A document's raw text; `undefined` when it is not in `shared/sources` (or, a fact note, not in `docs/sources`). */
function documentRaw(document: string): string | undefined {
  if (!cache.has(document)) {
    const file = documentPath(document);
    cache.set(document, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  }
  return cache.get(document);
}

/** A document's text, whitespace folded; `undefined` when it is not in `shared/sources`. */
export function documentText(document: string): string | undefined {
  const raw = documentRaw(document);
  return raw === undefined ? undefined : fold(raw);
}

const checked = new Map<string, string | undefined>();

/**
 * What is wrong with a citation, or `undefined` when its quote stands under its heading path.
 *
 * The rule, read on the document's non-blank lines (whitespace folded; the running page footers of
 * 000 cut out and the line broken there):
 *
 * - **Headings are cited whole.** Each part of `section` (`A › B › C`) must equal a heading: one
 *   line, or up to four consecutive lines read as one (`Hoofdstuk 2` / `Het afwegingskader`), whose
 *   first line opens a block (the line before ends a sentence, is short, or is a heading) and starts
 *   with a capital, a digit or an opening quote. A part that stops where the heading goes on is
 *   truncated and fails: the words run on in the same line, the next line continues them (it starts
 *   in lower case and ends no sentence), the part ends on a word like `de`, `van`, `en`, or it is a
 *   bare label (`Hoofdstuk 1`, whose title `Inleiding` is the next line). One exception: a numbered
 *   heading the extraction ran into its first sentence (`3.3 Conflict van plichten Zo oud als de`) is
 *   found, the rest of that line being its text. In the `*.md` fact sheets (and the repository's
 *   own fact notes, `docs/sources/<name>.md`, read from this repository) only `#` headings count
 *   (their text after the `#`s); a quote from a table row stands under the heading above the table.
 * - **In order, each inside the one before.** Part *k+1* is looked for after part *k* and before
 *   part *k*'s section ends. Where a heading occurs more than once (000 has `Stap 1` … in § 2.2 and
 *   in Bijlage 1b, `Acute onveiligheid` in § 2.2 and Bijlage 2), any occurrence the path leads to will do.
 * - **The quote stands in the last part's section**: after that heading, before its section ends.
 * - **Where a section ends.** Levels are read off numbered headings: 0 `Hoofdstuk N`, `Bijlage N…`,
 *   `II.`; 1 `3.2 …`; 2 `Stap N: …`; 3 `Afweging N`, `Afweging: …?`, `VRAAG N`, `Vraag N`,
 *   `ANTWOORD N`; in Markdown the number of `#`s. A numbered heading's section runs to the next
 *   numbered heading of the same or a higher level: unnumbered headings after it are its
 *   subsections. An unnumbered heading has no level in plain text, so:
 *   - cited last, its section runs to the next line that looks like a heading of any kind, numbered
 *     or not: a line that opens a block, starts with a capital, is no list item, no `Ja:`/`Nee:`
 *     route and no `1.` list entry, ends without `.`, `,`, `;` or `:` (so `Vragen ter afweging:` is
 *     no boundary), and is short (under ¾ of the width the text wraps at; on a web page, whose lines
 *     are whole paragraphs, under 60 characters), a question of at most 200 characters, or a long
 *     heading over a list or wrapped onto a short second line;
 *   - cited above another part (`Kindcheck › Stappen van de meldcode volgen bij ‘oudersignalen’`),
 *     the path itself says the next part is below it, and its section is its parent's.
 *
 *   Every section also ends where its parent's ends. That is stricter than "the next heading of the
 *   same level" where an unnumbered heading has unnumbered subsections: cite the subsection then.
 *
 * Without `shared/sources` nothing can be checked: called in a test, it skips that test (with a note
 * saying why) rather than let it pass; outside a test it reports the missing document.
 */
export function citationProblem(source: Source): string | undefined {
  // A fact note of this repository (docs/sources/*.md) is always here: it is checked without shared/sources.
  const note = isFactNote(source.document);
  if (noSources && !note) TestRunner.getCurrentTest()?.context.skip(`not checked: ${sourcesDir} is absent`);
  const raw = documentRaw(source.document);
  if (raw === undefined) return `document ${source.document} not found in ${note ? 'docs/sources' : sourcesDir}`;
  const key = JSON.stringify([source.document, source.section, source.quote ?? null]);
  if (!checked.has(key)) checked.set(key, citationProblemIn(raw, source));
  return checked.get(key);
}

/** Every source a framework document cites: its own, its roles', steps', step requirements', designated officer's and open items'. */
export function frameworkCitations(fw: Framework): Source[] {
  return [
    fw.source,
    ...(fw.sources ?? []),
    ...(fw.roles ?? []).flatMap((r) => (r.source ? [r.source] : [])),
    ...(fw.steps ?? []).flatMap((s) => [...(s.source ? [s.source] : []), ...(s.requirements ?? []).map((r) => r.source)]),
    ...(fw.designatedOfficer ? [fw.designatedOfficer.source] : []),
    ...(fw.openItems ?? []).flatMap((o) => (o.source ? [o.source] : [])),
  ];
}

/** The citations of a framework that point at one fact note, and each one's problem (heading path or quote), if any. */
export function factNoteCitations(fw: Framework, note: string): { count: number; problems: string[] } {
  const own = frameworkCitations(fw).filter((s) => s.document === note);
  const problems = own.flatMap((s) => {
    const problem = citationProblem(s);
    return problem ? [`${s.section}: ${s.quote}: ${problem}`] : [];
  });
  return { count: own.length, problems };
}
