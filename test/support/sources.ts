import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Source } from '../../src/index.js';

/** `shared/sources`, beside the repository (as in CI and in every checkout). */
export const sourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'sources');

const cache = new Map<string, string>();
/** Whitespace folded to single spaces, so quotes match across the documents' line breaks. */
export const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

function documentText(document: string): string | undefined {
  if (!cache.has(document)) {
    const file = join(sourcesDir, document);
    if (!existsSync(file)) return undefined;
    cache.set(document, fold(readFileSync(file, 'utf8')));
  }
  return cache.get(document);
}

/** What is wrong with a citation, or `undefined` when document, every heading part and the quote are found. */
export function citationProblem(source: Source): string | undefined {
  const text = documentText(source.document);
  if (text === undefined) return `document ${source.document} not found in ${sourcesDir}`;
  for (const part of source.section.split(' › ')) {
    if (!text.includes(fold(part))) return `heading "${part}" not found in ${source.document}`;
  }
  if (source.quote && !text.includes(fold(source.quote))) return `quote not found in ${source.document}: "${source.quote}"`;
  return undefined;
}
