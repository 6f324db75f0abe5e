// vitest reporter (beside the default one): at the end of a run without ../shared/sources, lists
// by name every check that was skipped because it reads the texts, so none passes silently.
import type { Reporter, TestModule } from 'vitest/node';
import { hasSources, sourcesDir } from './sources-path.js';

export default class MissingSourcesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (hasSources) return;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        if (test.fullName.includes('[needs ../shared/sources]') || note?.includes(sourcesDir)) {
          skipped.push(`  - ${module.relativeModuleId} › ${test.fullName.replace(/ \[needs \.\.\/shared\/sources\]/g, '')}`);
        }
      }
    }
    if (skipped.length === 0) return;
    console.warn(
      [
        '',
        `meldcode: ${skipped.length} checks NOT run, because ${sourcesDir} is absent (skipped, not passed):`,
        ...skipped,
        'Put the shared folder beside the repository as ../shared (as CI does) and run the tests again; see the note at the start of this run.',
        '',
      ].join('\n'),
    );
  }
}
