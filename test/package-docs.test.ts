// Every export of every public entry point is documented, and every function, class and value
// shows an @example (the typedoc reference is built from these comments).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { publicEntries } from './support/public-entries.js';

const root = process.cwd();

/**
 * Value exports of other modules that still lack an @example when this test was written. The
 * list may only shrink: add an example, then remove the name here.
 */
const missingExamples = new Set([
  'todayInAmsterdam', 'MeldcodeFrameworkError', 'stepRequirements', 'VERSION',
  'kindcheckQuestions',
  'ageBands', 'ageIssues', 'consentQuestionCatalogue', 'consentResultFromTrail', 'consentRuleFile',
  'getCompiledConsentRules', 'objectionPrecedence', 'anonymityReasons', 'checklistItems',
  'consentRegimes', 'objectionStatuses', 'parties', 'skipReasons',
  'invariants',
]);

describe('API documentation', () => {
  const program = ts.createProgram(
    publicEntries.map(([, file]) => join(root, file)),
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, resolveJsonModule: true, noEmit: true, skipLibCheck: true, types: [] },
  );
  const checker = program.getTypeChecker();

  it.each(publicEntries)('every export of %s is documented; values show an @example', (_, file) => {
    const source = program.getSourceFile(join(root, file));
    const module = source && checker.getSymbolAtLocation(source);
    expect(module).toBeDefined();
    const problems: string[] = [];
    for (const exported of checker.getExportsOfModule(module as ts.Symbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim()) problems.push(`${exported.name}: no doc comment`);
      const isValue = symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable);
      if (isValue && !missingExamples.has(exported.name) && !symbol.getJsDocTags().some((t) => t.name === 'example')) {
        problems.push(`${exported.name}: no @example`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
