// Issue 11, types: public inputs are the domain types (`unknown` only where we parse), framework
// ids are a literal union, and issue codes and errors are discriminated. Each `@ts-expect-error`
// fails the typecheck when the line below it compiles, so each line is a test.
import { describe, expectTypeOf, it } from 'vitest';
import type { shippedFrameworkIds } from '../src/authoring/ids.js';
import { toQuestionnaire } from '../src/fhir/index.js';
import { caseArbitrary, checkFramework, diffFrameworks, mutateFramework } from '../src/testing/index.js';
import {
  defineFramework,
  evaluate,
  extendFramework,
  type FrameworkId,
  type FrameworkInput,
  type FrameworkRef,
  getFramework,
  hasFramework,
  type InputIssue,
  listFrameworks,
  listQuestions,
  nextQuestions,
  type InputIssueCode,
  isMeldcodeError,
  MeldcodeFrameworkError,
  MeldcodeInputError,
  type MeldcodeIssueCode,
  parseCase,
  type SchemaIssueCode,
  validateFramework,
} from '../src/index.js';

declare const json: unknown;
const name = { nl: 'Kopie', en: 'Copy' };

describe('inputs are the domain types', () => {
  it('evaluate takes a case, not anything', () => {
    // @ts-expect-error: a number is not a case
    evaluate(42);
    // @ts-expect-error: a misspelt field (suspicon) does not compile
    evaluate({ considerations: { suspicon: true } });
    // @ts-expect-error: parsed JSON is `unknown`; it goes through parseCase (or safeEvaluate)
    evaluate(json);
    evaluate(parseCase(json));
  });

  it('defineFramework takes a framework document; unknown JSON goes through validateFramework', () => {
    // @ts-expect-error: `FrameworkInput | unknown` was `unknown`, and took anything
    defineFramework(json);
    // @ts-expect-error: a number is not a framework document
    defineFramework(42);
    expectTypeOf(defineFramework).parameter(0).toEqualTypeOf<FrameworkInput>();
    expectTypeOf(validateFramework).parameter(0).toEqualTypeOf<unknown>();
    const result = validateFramework(json);
    if (result.ok) expectTypeOf(extendFramework(result.framework, { id: 'x', version: '1.0.0', name })).toEqualTypeOf(result.framework);
  });
});

describe('framework ids', () => {
  it('are the shipped ids, and a framework object stays open', () => {
    expectTypeOf<FrameworkId>().toEqualTypeOf<'artsen' | 'basismodel' | 'kinderopvang' | 'onderwijs' | 'paramedici' | 'psychologen-pedagogen' | 'sociaal-domein'>();
    expectTypeOf<(typeof shippedFrameworkIds)[number]>().toEqualTypeOf<FrameworkId>();
    expectTypeOf<FrameworkId>().toExtend<FrameworkRef>();
    expectTypeOf<FrameworkInput>().toExtend<FrameworkRef>();
    expectTypeOf(extendFramework).parameter(0).toEqualTypeOf<FrameworkRef>();
    extendFramework('basismodel', { id: 'kopie', version: '1.0.0', name });
    extendFramework(getFramework('artsen'), { id: 'kopie', version: '1.0.0', name });
    // @ts-expect-error: a misspelt id does not compile
    extendFramework('basismodl', { id: 'kopie', version: '1.0.0', name });
    // @ts-expect-error: any string does not compile either (one read at run time is checked there)
    extendFramework('basismodel' as string, { id: 'kopie', version: '1.0.0', name });
  });

  it('every option or parameter that takes a framework takes a FrameworkRef', () => {
    expectTypeOf<NonNullable<Parameters<typeof evaluate>[1]>['framework']>().toEqualTypeOf<FrameworkRef | undefined>();
    for (const f of [listQuestions, toQuestionnaire]) expectTypeOf(f).parameter(0).toEqualTypeOf<FrameworkRef | undefined>();
    expectTypeOf(nextQuestions).parameter(1).toEqualTypeOf<FrameworkRef | undefined>();
    for (const f of [caseArbitrary, checkFramework, mutateFramework, diffFrameworks]) expectTypeOf(f).parameter(0).toEqualTypeOf<FrameworkRef>();
    // @ts-expect-error: a misspelt id does not compile in an option
    evaluate({}, { framework: 'basismodl' });
    // @ts-expect-error: nor as a parameter
    listQuestions('basismodl');
    // @ts-expect-error: nor in a lookup by id
    getFramework('basismodl');
    expectTypeOf(getFramework).parameter(0).toEqualTypeOf<FrameworkId>();
  });

  it('listFrameworks gives FrameworkIds, and hasFramework turns a run-time string into one', () => {
    expectTypeOf(listFrameworks()[0]!.id).toEqualTypeOf<FrameworkId>();
    const flag = 'artsen' as string;
    if (hasFramework(flag)) expectTypeOf(flag).toEqualTypeOf<FrameworkId>();
    evaluate({}, { framework: listFrameworks()[0]!.id });
  });
});

describe('issue codes and errors are discriminated', () => {
  it('InputIssue.code is a literal union of zod codes and our own', () => {
    expectTypeOf<InputIssue['code']>().toEqualTypeOf<InputIssueCode>();
    expectTypeOf<InputIssueCode>().toEqualTypeOf<SchemaIssueCode | MeldcodeIssueCode>();
    expectTypeOf<'invalid_type' | 'unrecognized_keys' | 'too_big'>().toExtend<SchemaIssueCode>();
    expectTypeOf<'unknown-framework' | 'floor-rule-weakened' | 'too-many-issues'>().toExtend<MeldcodeIssueCode>();
    expectTypeOf<string>().not.toExtend<InputIssueCode>();
    // @ts-expect-error: zod's codes are snake_case, ours kebab-case; a mix-up does not compile
    const wrong: InputIssueCode = 'unknown_framework';
    void wrong;
  });

  it('a switch over the code can be exhaustive', () => {
    const describe = (code: InputIssueCode): string => {
      switch (code) {
        case 'unknown-framework':
        case 'framework-not-yet-encoded':
          return 'framework';
        default:
          return code;
      }
    };
    expectTypeOf(describe).returns.toEqualTypeOf<string>();
  });

  it('errors carry a literal kind and name', () => {
    expectTypeOf<MeldcodeFrameworkError['kind']>().toEqualTypeOf<'framework'>();
    expectTypeOf<MeldcodeFrameworkError['name']>().toEqualTypeOf<'MeldcodeFrameworkError'>();
    expectTypeOf<MeldcodeInputError['kind']>().toEqualTypeOf<'input' | 'framework'>();
    const error: unknown = new Error();
    if (isMeldcodeError(error)) {
      expectTypeOf(error.issues).toEqualTypeOf<readonly InputIssue[]>();
      if (error.kind === 'framework') expectTypeOf(error.kind).toEqualTypeOf<'framework'>();
    }
  });
});
