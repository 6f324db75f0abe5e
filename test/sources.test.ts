// Every rule, indicator and question cites a document in shared/sources, a heading in it, and
// (where given) words that stand there. Without ../shared/sources these checks are skipped by
// name (and the run says so), never passed.
import { describe, expect, it } from 'vitest';
import { getFramework, listFrameworks } from '../src/index.js';
import { compileFramework } from '../src/frameworks/framework.js';
import { questionCatalogue } from '../src/questions/questions.js';
import { citationProblem, needsSources, noSources } from './support/sources.js';

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
  it.skipIf(noSources)(needsSources('fails on a missing document, heading or quote'), () => {
    const doc = '001_dcbf0a2973853468.txt';
    expect(citationProblem({ document: 'nope.txt', section: 'x' })).toMatch(/not found/);
    expect(citationProblem({ document: doc, section: 'Hoofdstuk 99' })).toMatch(/heading/);
    expect(citationProblem({ document: doc, section: 'Afweging 1', quote: 'dit staat er niet' })).toMatch(/quote/);
    expect(citationProblem({ document: doc, section: 'Afweging 1', quote: 'Poging tot\n verwurging' })).toBeUndefined();
  });
});
