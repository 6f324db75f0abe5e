// The public types of meldcode/consent: what a caller can rely on at compile time.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AgeBand,
  type ConsentInput,
  type ConsentResult,
  type ConsentEffect,
  ageBand,
  ageInYears,
  evaluateConsent,
  safeEvaluateConsent,
} from '../src/consent/index.js';

describe('meldcode/consent types', () => {
  it('evaluateConsent takes a ConsentInput and options, and returns a ConsentResult', () => {
    expectTypeOf(evaluateConsent).parameter(0).toEqualTypeOf<ConsentInput>();
    expectTypeOf(evaluateConsent).returns.toEqualTypeOf<ConsentResult>();
    expectTypeOf<Parameters<typeof evaluateConsent>[1]>().toMatchTypeOf<
      { lang?: 'nl' | 'en'; evaluationDate?: string | Date; regime?: 'privacy-16' | 'jeugdwet-wgbo-12' } | undefined
    >();
  });

  it('the report effect of an objection is true, false or null: never undefined', () => {
    expectTypeOf<ConsentResult['objection']['reportDespiteObjection']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<ConsentResult['alwaysReport']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<ConsentResult['mode']>().toEqualTypeOf<'notice' | 'consent-request' | null>();
  });

  it('ages and bands', () => {
    expectTypeOf(ageInYears).returns.toEqualTypeOf<number>();
    expectTypeOf(ageBand).returns.toEqualTypeOf<AgeBand>();
    expectTypeOf<AgeBand>().toEqualTypeOf<'under-12' | '12-15' | '16-17' | 'adult'>();
  });

  it('the input is checked at compile time: answers are booleans, reasons are enumerated', () => {
    // @ts-expect-error a string is no answer
    const bad: ConsentInput = { objection: { raised: 'yes' } };
    // @ts-expect-error not a reason to skip the conversation
    const reason: ConsentInput = { conversation: { skipReason: 'care-relationship' } };
    void bad;
    void reason;
  });

  it('effects are a discriminated union on type', () => {
    expectTypeOf<Extract<ConsentEffect, { type: 'objection' }>['params']['status']>().toMatchTypeOf<string>();
    expectTypeOf(safeEvaluateConsent).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(safeEvaluateConsent).returns.toMatchTypeOf<{ ok: boolean }>();
  });
});
