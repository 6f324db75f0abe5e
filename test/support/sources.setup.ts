// vitest globalSetup: once per run, before any test file. Without ../shared/sources the checks
// that read the texts are skipped by name; this says so plainly at the start, with how to get
// the texts (test/support/sources.reporter.ts lists the skipped checks at the end). In CI
// (CI=true, where shared/ is always checked out beside the repository) a missing folder is an
// error: CI must never go green without the citation checks.
import { hasSources, missingSourcesMessage } from './sources-path.js';

export default function setup(): void {
  if (hasSources) return;
  const message = missingSourcesMessage();
  if (process.env.CI) throw new Error(`CI=${process.env.CI}, but the source texts are missing.\n${message}`);
  console.warn(message);
}
