// Hostile input (issue 10, item 5 "Typed errors everywhere"): huge, deep, odd or changing input
// gives a typed MeldcodeInputError with bounded messages; never a RangeError, a TypeError or a
// stack overflow.
import { describe, expect, it } from 'vitest';
import { evaluate, MeldcodeInputError, safeEvaluate } from '../src/index.js';
import { evaluateConsent } from '../src/consent/index.js';
import { evaluateKindcheck } from '../src/kindcheck/index.js';
import { evaluateRecordKeeping } from '../src/records/index.js';
import { evaluateScope } from '../src/scope/index.js';
import { evaluateSteps } from '../src/steps/index.js';
import { fromQuestionnaireResponse } from '../src/fhir/index.js';
import { MAX_ISSUES } from '../src/errors/errors.js';
import { thrown } from './support/throws.js';
import type { FrameworkId } from '../src/authoring/ids.js';

function inputError(call: () => unknown): MeldcodeInputError {
  const error = thrown(call);
  expect(error).toBeInstanceOf(MeldcodeInputError);
  return error as MeldcodeInputError;
}

function manyUnknownKeys(n: number): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) input[`k${i}`] = true;
  return input;
}

describe('many issues', () => {
  it('200,000 unknown keys: safeEvaluate returns ok:false, no RangeError', () => {
    const result = safeEvaluate(manyUnknownKeys(200_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(MeldcodeInputError);
  });

  it('200,000 unknown keys: issues are capped, with a final too-many-issues issue', () => {
    const result = safeEvaluate(manyUnknownKeys(200_000));
    if (result.ok) throw new Error('expected an error');
    const { issues, message } = result.error;
    expect(issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
    const last = issues[issues.length - 1];
    expect(last?.code).toBe('too-many-issues');
    expect(last?.message.en).toContain(String(200_000 - MAX_ISSUES));
    expect(message).toMatch(/^Invalid input \(200000 problems\)/);
    expect(message.length).toBeLessThan(10_000);
  });

  it('the cap holds when issues from the case and the options are merged', () => {
    const error = inputError(() => evaluate(manyUnknownKeys(5_000) as never, { lang: 'xx' } as never));
    expect(error.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
    expect(error.issues.filter((i) => i.code === 'too-many-issues')).toHaveLength(1);
    expect(error.message).toMatch(/^Invalid input \(5001 problems\)/);
  });
});

describe('echoed values are capped', () => {
  it('a 10 MB framework id gives a short message', () => {
    const id = 'x'.repeat(10_000_000);
    const error = inputError(() => evaluate({}, { framework: id as FrameworkId }));
    expect(error.message.length).toBeLessThan(10_000);
    for (const i of error.issues) expect(i.message.en.length + i.message.nl.length).toBeLessThan(10_000);
  });

  it('a 1 MB unknown key and a 1 MB framework id in the case give short messages', () => {
    const key = 'k'.repeat(1_000_000);
    const error = inputError(() => evaluate({ [key]: 1, framework: 'a'.repeat(1_000_000) } as never));
    expect(error.message.length).toBeLessThan(10_000);
    expect(error.issues.some((i) => i.path[0] === key)).toBe(true);
  });

  it('a 1 MB indicator code gives a short message', () => {
    const code = 'i'.repeat(1_000_000);
    const error = inputError(() => evaluate({ considerations: { indicators: { [code]: true } } } as never));
    expect(error.message.length).toBeLessThan(10_000);
  });
});

describe('evaluationDate as a Date', () => {
  const bad = { invalid: new Date(Number.NaN), late: new Date(8.64e15), early: new Date(-8.64e15), y10000: new Date('9999-12-31T23:30:00Z') };
  for (const [name, date] of Object.entries(bad)) {
    it(`${name}: a typed error at options.evaluationDate in evaluate and every module`, () => {
      const calls: [string, () => unknown][] = [
        ['evaluate', () => evaluate({}, { evaluationDate: date })],
        ['evaluateConsent', () => evaluateConsent({}, { evaluationDate: date })],
        ['evaluateKindcheck', () => evaluateKindcheck({}, { evaluationDate: date as never })],
        ['evaluateScope', () => evaluateScope({}, { evaluationDate: date as never })],
        ['evaluateSteps', () => evaluateSteps({}, { evaluationDate: date as never })],
        ['evaluateRecordKeeping', () => evaluateRecordKeeping({ outcome: 'report' }, { evaluationDate: date as never })],
      ];
      for (const [fn, call] of calls) {
        const error = inputError(call);
        expect(error.issues.map((i) => i.path), fn).toContainEqual(['options', 'evaluationDate']);
      }
    });
  }

  it('a Date inside years 1–9999 still works', () => {
    expect(evaluate({}, { evaluationDate: new Date('2026-11-23T12:00:00Z') }).receipt.evaluationDate).toBe('2026-11-23');
  });
});

describe('__proto__', () => {
  it('a root "__proto__" key is an unknown key, and Object.prototype is unchanged', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const error = inputError(() => evaluate(JSON.parse('{"__proto__": {"x": 1}}')));
    expect(error.issues).toContainEqual(expect.objectContaining({ path: ['__proto__'], code: 'unrecognized_keys' }));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a nested "__proto__" key is an unknown key too', () => {
    const error = inputError(() => evaluate(JSON.parse('{"considerations": {"__proto__": {"x": 1}}}')));
    expect(error.issues).toContainEqual(expect.objectContaining({ path: ['considerations', '__proto__'] }));
  });
});

describe('FHIR QuestionnaireResponse', () => {
  const response = (item: unknown) => ({ resourceType: 'QuestionnaireResponse', status: 'completed', item });
  const setting = (valueCoding: unknown) => response([{ linkId: 'scope.setting', answer: [{ valueCoding }] }]);

  it('options null is like no options', () => {
    expect(fromQuestionnaireResponse(response([]) as never, null as never)).toEqual({});
  });

  it('valueCoding.code {"toString": null} is a typed error at the answer', () => {
    const error = inputError(() => fromQuestionnaireResponse(setting(JSON.parse('{"code": {"toString": null}}')) as never));
    expect(error.issues.map((i) => i.path)).toEqual([['item', 0, 'answer', 0]]);
  });

  it('valueCoding.code ["care"] is not "care"', () => {
    const error = inputError(() => fromQuestionnaireResponse(setting({ code: ['care'] }) as never));
    expect(error.issues.map((i) => i.path)).toEqual([['item', 0, 'answer', 0]]);
    expect(fromQuestionnaireResponse(setting({ code: 'care' }) as never)).toEqual({ scope: { setting: 'care' } });
  });

  it('items nested 2,200 deep: a typed error, no stack overflow', () => {
    let items: unknown[] = [];
    for (let i = 0; i < 2_200; i++) items = [{ linkId: 'considerations', item: items }];
    const error = inputError(() => fromQuestionnaireResponse(response(items) as never));
    expect(error.issues.some((i) => i.code === 'too-deep')).toBe(true);
  });

  it('groups nested 2,200 deep inside an answer: a typed error, no stack overflow', () => {
    let groups: unknown[] = [];
    for (let i = 0; i < 2_200; i++) groups = [{ linkId: 'considerations', item: groups }];
    const items = [{ linkId: 'considerations.suspicion', answer: [{ valueBoolean: true, item: groups }] }];
    const error = inputError(() => fromQuestionnaireResponse(response(items) as never));
    expect(error.issues.some((i) => i.code === 'too-deep')).toBe(true);
  });

  it('a long unknown linkId gives a short message', () => {
    const error = inputError(() => fromQuestionnaireResponse(response([{ linkId: 'l'.repeat(1_000_000) }]) as never));
    expect(error.message.length).toBeLessThan(10_000);
  });
});

describe('each input is read once', () => {
  it('a framework getter that alternates: the receipt names the framework the case was validated with', () => {
    for (let start = 0; start < 2; start++) {
      let reads = start;
      const options = {
        get framework() {
          return reads++ % 2 === 0 ? 'basismodel' : 'artsen';
        },
      };
      const first = start === 0 ? 'basismodel' : 'artsen';
      const decision = evaluate({ framework: first }, options as never);
      expect(decision.receipt.framework.id).toBe(first);
      expect(reads).toBe(start + 1);
    }
  });

  it('a case framework getter that alternates: the receipt names the framework the case was validated with', () => {
    let reads = 0;
    const input = {
      considerations: { indicators: {} },
      get framework() {
        return reads++ % 2 === 0 ? 'basismodel' : 'artsen';
      },
    };
    const decision = evaluate(input as never);
    expect(decision.receipt.framework.id).toBe('basismodel');
  });
});

describe('a value whose length cannot be compared (found by the million-run fuzz, c81dc29)', () => {
  // JSON can hold `{"length":{"toString":""}}`. zod ran its length checks on it after the type
  // check had failed, and comparing that `length` threw a TypeError from inside safeParse.
  const hostile = JSON.parse('{"length":{"toString":""}}') as unknown;

  it('in a framework document: validateFramework says invalid, defineFramework and evaluate throw a typed error', async () => {
    const { defineFramework, getFramework, validateFramework } = await import('../src/index.js');
    const doc = structuredClone(getFramework('basismodel')) as unknown as { id: string; indicators: { source: { document: unknown } }[] };
    doc.id = 'eigen';
    doc.indicators[0]!.source.document = hostile;
    const result = validateFramework(doc);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path.join('.'))).toEqual(['indicators.0.source.document']);
    expect(thrown(() => defineFramework(doc as never))).toBeInstanceOf(MeldcodeInputError);
    expect(thrown(() => evaluate({}, { framework: doc as never }))).toBeInstanceOf(MeldcodeInputError);
  });

  it('in a case: a list with a length check (kindcheck.childrenAges) is an input issue', () => {
    const kase = { client: { caresForMinor: true }, kindcheck: { childrenAges: hostile } };
    const result = safeEvaluate(kase, { evaluationDate: '2026-11-23' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.issues.map((i) => i.path.join('.'))).toEqual(['kindcheck.childrenAges']);
    expect(thrown(() => evaluateKindcheck(kase as never))).toBeInstanceOf(MeldcodeInputError);
  });
});
