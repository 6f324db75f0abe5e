// The public types are the API: they must stay in step with the zod schemas that validate them.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type Case,
  type CaseInput,
  type Decision,
  type Effect,
  evaluate,
  type Indicator,
  type Outcome,
  parseCase,
  type Question,
  safeEvaluate,
  type SafeEvaluateResult,
  type Source,
  type Text,
} from '../src/index.js';
import type { caseSchema } from '../src/case/schema.js';
import type { indicatorSchema } from '../src/frameworks/framework.js';
import type { questionSchema } from '../src/questions/questions.js';
import type { effectSchema, sourceSchema, textSchema } from '../src/rules/schema.js';

describe('public types', () => {
  it('match their schemas', () => {
    expectTypeOf<z.infer<typeof textSchema>>().toEqualTypeOf<Text>();
    expectTypeOf<z.infer<typeof sourceSchema>>().toEqualTypeOf<Source>();
    expectTypeOf<z.infer<typeof questionSchema>>().toEqualTypeOf<Question>();
    expectTypeOf<z.infer<typeof indicatorSchema>>().toEqualTypeOf<Indicator>();
    expectTypeOf<z.infer<typeof effectSchema>>().toExtend<Effect>();
  });

  it('evaluate takes a typed case and returns a decision (synchronously)', () => {
    expectTypeOf(evaluate).parameter(0).toEqualTypeOf<CaseInput>();
    expectTypeOf(evaluate).returns.toEqualTypeOf<Decision>();
    // Unknown input (parsed JSON) goes through parseCase or safeEvaluate.
    expectTypeOf(parseCase).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseCase).returns.toEqualTypeOf<Case>();
    expectTypeOf(safeEvaluate).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf<Decision['outcome']>().toEqualTypeOf<Outcome>();
    expectTypeOf<Outcome>().toEqualTypeOf<
      'out-of-scope' | 'close-and-record' | 'report' | 'help' | 'report-and-help' | 'needs-input'
    >();
    expectTypeOf<Decision['report']['necessary']>().toEqualTypeOf<boolean | null>();
  });

  it('safeEvaluate narrows on ok', () => {
    expectTypeOf(safeEvaluate).returns.toEqualTypeOf<SafeEvaluateResult>();
    const check = (r: SafeEvaluateResult) => {
      if (r.ok) expectTypeOf(r.decision).toEqualTypeOf<Decision>();
      else expectTypeOf(r.error.issues[0]!.path).toEqualTypeOf<(string | number)[]>();
    };
    void check;
  });

  it('case answers are optional booleans: unknown is a missing key, not false', () => {
    type Considerations = NonNullable<z.input<typeof caseSchema>['considerations']>;
    expectTypeOf<Considerations['suspicion']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Considerations['indicators']>().toEqualTypeOf<Record<string, boolean> | undefined>();
  });
});
