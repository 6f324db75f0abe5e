// Where the source texts are, and what a run without them says. No vitest import: the
// globalSetup (test/support/sources.setup.ts) loads this in the main process.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `shared/sources`, beside the repository (as in CI and in every checkout). */
export const sourcesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'sources');

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Whether `document` is a fact note of this repository (in `docs/sources/`), not a file in `shared/sources`. */
export const isFactNote = (document: string) => /^docs\/sources\/[a-z0-9-]+\.md$/.test(document);

/** Where a cited document is read from: a fact note in this repository, or `shared/sources`. */
export const documentPath = (document: string) => (isFactNote(document) ? join(repoRoot, document) : join(sourcesDir, document));

/**
 * Whether the source texts are here. Without them the checks that read them are skipped, by
 * name (see {@link needsSources}), and the run says so once (test/support/sources.setup.ts):
 * they are never passed silently.
 */
export const hasSources = existsSync(join(sourcesDir, 'README.md'));
/** `it.skipIf(noSources)` / `describe.skipIf(noSources)` for a check that reads the source texts. */
export const noSources = !hasSources;

/** A test name for a check that reads the texts: it says so, so a skipped run names what it did not check. */
export const needsSources = (what: string) => `${what} [needs ../shared/sources]`;

/** The message a run without the texts prints once: what could not be checked, and how to get the texts. */
export function missingSourcesMessage(): string {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return [
    '',
    '┌─ meldcode: the source texts are missing ──────────────────────────────────────────',
    `│ Not found: ${sourcesDir}`,
    '│ These checks could NOT run; they are reported as skipped, not passed, and listed by name',
    '│ at the end of the run:',
    '│  - every citation (rules, questions, indicators, framework sources, consent texts, and the',
    '│    trail, actions and record items of generated decisions) names a document that exists,',
    '│    with its heading and the quoted words (test/sources, consent-sources, frameworks,',
    '│    properties, and the citation tests of kindcheck, scope, steps, records, questions);',
    '│  - the source catalogue against the texts: every document has an entry, and each title,',
    '│    year and URL stands in its document or the README (test/source-catalogue).',
    '│ To run them, put the shared folder beside the repository, as CI does:',
    `│    ${dirname(repo)}/`,
    `│      ${basename(repo)}/         this repository`,
    '│      shared/sources/   000_…txt … 004_…txt, the *-facts.md sheets, README.md',
    '│ (clone or copy the project’s `shared` folder to that place), then run the tests again.',
    '└───────────────────────────────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}
