import { deepFreeze } from '../rules/freeze.js';
import type { Source, Text } from '../rules/schema.js';
import catalogueJson from './catalogue.json';

/** A field of a catalogue entry that its document does not state, so the catalogue leaves it out. */
export type NotStated = 'publisher' | 'year' | 'url';

/** The published document a fact sheet in `shared/sources` takes its facts from. */
export interface SourceBasis {
  /** Its title, as the fact sheet gives it. */
  title: string;
  /** Its publisher, where the fact sheet names one. */
  publisher?: string;
  /** Its year, where the fact sheet states one. */
  year?: number;
  /** Its version or date, where the fact sheet states one. */
  version?: string;
  /** A public page of it, as the fact sheet gives it. */
  url?: string;
}

/**
 * One document the library cites: the file name in `shared/sources` is the machine key (`id`, the
 * `document` of every {@link Source}); the rest is what a person reads. Publisher, year, version and
 * URL are given only where the document itself (title page, colophon, first heading) or the
 * sources' README states them; what is not stated is listed in `notStated` and explained in
 * `notes`, never guessed.
 */
export interface SourceCatalogueEntry {
  /** The file name in `shared/sources`, e.g. `001_dcbf0a2973853468.txt`, or a fact note of this repository, e.g. `docs/sources/paramedici.md`: the machine key. */
  id: string;
  /** `seed`: a public document as found; `facts`: a fact sheet of this project, in its own words, citing public pages. */
  kind: 'seed' | 'facts';
  /** The title in Dutch, as the document (or the README) names it; for an English fact sheet, a Dutch rendering. */
  title: string;
  /** The title in English: a rendering of a Dutch title, or an English fact sheet's own heading. */
  titleEn: string;
  /** Who published it, where stated; `meldcode-project` for the project's own fact sheets. */
  publisher?: string;
  /** Year of publication, where stated. */
  year?: number;
  /** Version or edition, where stated. */
  version?: string;
  /** Public address of the document, where stated. */
  url?: string;
  /** The associations that wrote (part of) it, where the document lists them. */
  contributors?: string[];
  /** For a fact sheet: the published document it takes its facts from. */
  basedOn?: SourceBasis;
  /** Which of publisher, year and URL the document does not state (and so are left out). */
  notStated: NotStated[];
  /** Where the title comes from and why a field is left out, in Dutch and English. */
  notes: Text[];
}

const entries = deepFreeze(catalogueJson.sources as SourceCatalogueEntry[]);
const byId = new Map(entries.map((e) => [e.id, e]));

/**
 * The catalogue of every document the library cites (frozen): id (the file name, the machine key),
 * title, publisher, year or version and URL where the document states them, and notes on what it
 * does not state.
 *
 * @example
 * ```ts
 * const entry = sourceCatalogue().find((s) => s.id === '000_5b0914504b666284.txt');
 * entry?.publisher;  // 'BPSW'
 * entry?.notStated;  // ['year', 'url']
 * ```
 */
export function sourceCatalogue(): readonly SourceCatalogueEntry[] {
  return entries;
}

/** The catalogue entry of a document (its file name), or `undefined` for a document not in it. */
export function sourceEntry(document: string): SourceCatalogueEntry | undefined {
  return byId.get(document);
}

/**
 * The title a person reads for a cited document: the catalogue's Dutch title, or the file name
 * itself for a document the catalogue does not know (e.g. a framework maintainer's own).
 *
 * @example
 * ```ts
 * sourceTitle('001_dcbf0a2973853468.txt');
 * // 'Basisdocument: het afwegingskader in de Meldcode huiselijk geweld en kindermishandeling'
 * sourceTitle('onze-meldcode.pdf');  // 'onze-meldcode.pdf'
 * ```
 */
export function sourceTitle(document: string): string {
  return byId.get(document)?.title ?? document;
}

/**
 * A cited document as a person reads it: its title with publisher and year or version where
 * known, e.g. `Toolkit meldcode huiselijk geweld en kindermishandeling (Rijksoverheid)`. A
 * source that names its own published document (`title`, `publisher`, `version`) is shown by
 * that; otherwise the catalogue's entry; an unknown document by its file name.
 */
export function sourceLabel(source: Pick<Source, 'document' | 'title' | 'publisher' | 'version'>): string {
  const entry = byId.get(source.document);
  const [title, details] = source.title
    ? [source.title, [source.publisher, source.version]]
    : entry
      ? [entry.title, [entry.publisher, entry.year === undefined ? entry.version : String(entry.year)]]
      : [source.document, []];
  const known = details.filter((d): d is string => Boolean(d));
  return known.length > 0 ? `${title} (${known.join(', ')})` : title;
}
