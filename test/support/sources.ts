import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestRunner } from 'vitest';
import type { Source } from '../../src/index.js';
import { noSources, sourcesDir } from './sources-path.js';

export { hasSources, missingSourcesMessage, needsSources, noSources, sourcesDir } from './sources-path.js';

const cache = new Map<string, string>();
/** Whitespace folded to single spaces, so quotes match across the documents' line breaks. */
export const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A document's text, whitespace folded; `undefined` when it is not in `shared/sources`. */
export function documentText(document: string): string | undefined {
  if (!cache.has(document)) {
    const file = join(sourcesDir, document);
    if (!existsSync(file)) return undefined;
    cache.set(document, fold(readFileSync(file, 'utf8')));
  }
  return cache.get(document);
}

/**
 * What is wrong with a citation, or `undefined` when document, every heading part and the quote are found.
 *
 * Without `shared/sources` nothing can be checked: called in a test, it skips that test (with a note
 * saying why) rather than let it pass; outside a test it reports the missing document.
 */
export function citationProblem(source: Source): string | undefined {
  if (noSources) TestRunner.getCurrentTest()?.context.skip(`not checked: ${sourcesDir} is absent`);
  const text = documentText(source.document);
  if (text === undefined) return `document ${source.document} not found in ${sourcesDir}`;
  for (const part of source.section.split(' › ')) {
    if (!text.includes(fold(part))) return `heading "${part}" not found in ${source.document}`;
  }
  if (source.quote && !text.includes(fold(source.quote))) return `quote not found in ${source.document}: "${source.quote}"`;
  return undefined;
}
