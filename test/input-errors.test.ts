// Bad input: a typed error listing every problem with its path, in nl and en; never a crash,
// never a partial decision.
import { describe, expect, it } from 'vitest';
import { evaluate, MeldcodeInputError, parseCase, safeEvaluate } from '../src/index.js';
import { thrown } from './support/throws.js';

// Bad input is cast at the call: evaluate() takes a typed case, and its runtime validation is what is tested.
function issuesOf(input: unknown, options?: Parameters<typeof evaluate>[1]) {
  const error = thrown(() => evaluate(input as never, options));
  expect(error).toBeInstanceOf(MeldcodeInputError);
  return (error as MeldcodeInputError).issues;
}
const paths = (issues: readonly { path: (string | number)[] }[]) => issues.map((i) => i.path.join('.'));

describe('bad input', () => {
  it('wrong types: the path and a message in Dutch and English', () => {
    const issues = issuesOf({ considerations: { suspicion: 'ja' } });
    expect(issues).toEqual([
      {
        path: ['considerations', 'suspicion'],
        code: 'invalid_type',
        message: { nl: 'verwacht ja/nee (boolean)', en: 'expected a boolean' },
      },
    ]);
  });

  it('lists every problem at once, not only the first', () => {
    const issues = issuesOf({
      framework: 'tandartsen',
      considerations: { suspicion: 1, help: { canOffer: 'yes' }, indicators: { 'no-such-indicator': true } },
      extra: true,
    });
    expect(paths(issues)).toEqual(
      expect.arrayContaining(['framework', 'considerations.suspicion', 'considerations.help.canOffer', 'extra']),
    );
  });

  it('unknown keys are rejected, at every level', () => {
    const issues = issuesOf({ considerations: { suspicion: true, suspision: true }, clinet: {} });
    expect(paths(issues).sort()).toEqual(['clinet', 'considerations.suspision']);
    expect(issues[0]!.message.nl).toMatch(/onbekend veld/);
  });

  it('a __proto__ key is an unknown key, not a prototype', () => {
    const top = issuesOf(JSON.parse('{"__proto__": {"considerations": {"suspicion": true}}}'));
    expect(paths(top)).toEqual(['__proto__']);
    const nested = issuesOf(JSON.parse('{"considerations": {"indicators": {"__proto__": true}}}'));
    expect(paths(nested)).toContain('considerations.indicators.__proto__');
  });

  it('an indicator the framework does not list is named', () => {
    const issues = issuesOf({ considerations: { indicators: { 'acute-weapon-use': true, 'acute-typo': true } } });
    expect(issues).toEqual([
      expect.objectContaining({ path: ['considerations', 'indicators', 'acute-typo'], code: 'unknown-indicator' }),
    ]);
  });

  it('an unknown framework lists the known ones', () => {
    const issues = issuesOf({ framework: 'tandartsen' });
    expect(issues[0]).toMatchObject({ path: ['framework'], code: 'unknown-framework' });
    expect(issues[0]!.message.en).toContain('basismodel');
    expect(issues[0]!.message.nl).toContain('basismodel');
  });

  it.each([null, undefined, 42, 'case', [], true])('a non-object input (%s) is an error on the whole input', (input) => {
    const issues = issuesOf(input);
    expect(issues[0]!.path).toEqual([]);
  });

  it('deeply nested input is rejected without a stack overflow', () => {
    let deep: unknown = true;
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const issues = issuesOf({ considerations: { suspicion: deep } });
    expect(paths(issues)).toEqual(['considerations.suspicion']);
  });

  it('huge input is rejected completely; the message and the issue list are capped', () => {
    const indicators = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`x-${i}`, true]));
    const error = thrown(() => evaluate({ considerations: { indicators } }));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    const e = error as MeldcodeInputError;
    expect(e.issues).toHaveLength(1_001);
    expect(e.issues[1_000]).toMatchObject({ code: 'too-many-issues', message: { en: expect.stringContaining('49000 more') } });
    expect(e.message.split('\n').length).toBeLessThan(30);
    expect(e.message).toContain('and 49980 more');
  });

  it('a huge string is a type error, not a slowdown', () => {
    const issues = issuesOf({ considerations: { suspicion: 'x'.repeat(10_000_000) } });
    expect(paths(issues)).toEqual(['considerations.suspicion']);
  });

  it('an impossible date is rejected', () => {
    const issues = issuesOf({ evaluationDate: '2026-02-30' });
    expect(paths(issues)).toEqual(['evaluationDate']);
  });

  it('bad options are reported under options', () => {
    const issues = issuesOf({}, { lang: 'fr' as 'nl', evaluationDate: 'morgen' });
    expect(paths(issues).sort()).toEqual(['options.evaluationDate', 'options.lang']);
  });

  it('problems in the case and in the options are reported together', () => {
    const issues = issuesOf({ considerations: { suspicion: 'x' } }, { lang: 'fr' as 'nl' });
    expect(paths(issues).sort()).toEqual(['considerations.suspicion', 'options.lang']);
  });

  it('safeEvaluate returns the error instead of throwing', () => {
    const result = safeEvaluate({ considerations: { suspicion: 'x' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues[0]!.path).toEqual(['considerations', 'suspicion']);
    const good = safeEvaluate({ considerations: { suspicion: false } });
    expect(good.ok && good.decision.outcome).toBe('close-and-record');
  });

  it('parseCase turns unknown input into a typed case, or throws the error evaluate would', () => {
    const kase = parseCase(JSON.parse('{"considerations":{"suspicion":false}}'));
    expect(kase).toEqual({ considerations: { suspicion: false } });
    expect(evaluate(kase).outcome).toBe('close-and-record');
    const error = thrown(() => parseCase({ considerations: { suspicion: 'x' } }));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect((error as MeldcodeInputError).issues).toEqual(issuesOf({ considerations: { suspicion: 'x' } }));
  });

  it('never mutates the caller’s input', () => {
    const input = {
      considerations: { suspicion: true, unsafety: { acute: true }, indicators: { 'acute-weapon-use': true } },
    };
    const frozen = structuredClone(input);
    const deepFreeze = (o: object): void => {
      Object.freeze(o);
      for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
    };
    deepFreeze(input);
    const d = evaluate(input);
    expect(input).toEqual(frozen);
    expect(d.outcome).toBe('report');
  });
});

describe('the framework option', () => {
  it('evaluates with a framework document passed in, validated once', async () => {
    const { getFramework } = await import('../src/index.js');
    const own = { ...getFramework('basismodel'), id: 'mijn-organisatie', version: '2.0.0' };
    const d = evaluate({ considerations: { suspicion: false } }, { framework: own });
    expect(d.receipt.framework).toMatchObject({ id: 'mijn-organisatie', version: '2.0.0' });
  });

  it('an invalid framework document is reported under options.framework', () => {
    const issues = issuesOf({}, { framework: { id: 'x' } as never });
    expect(paths(issues).every((p) => p.startsWith('options.framework'))).toBe(true);
    expect(issues.length).toBeGreaterThan(3);
  });

  it('a case naming another framework than the one given is an error', async () => {
    const issues = issuesOf({ framework: 'basismodel' }, { framework: { ...(await import('../src/index.js')).getFramework('basismodel'), id: 'ander' } });
    expect(issues[0]).toMatchObject({ path: ['framework'], code: 'framework-mismatch' });
  });

  it('an unknown framework id in the options lists the known ones', () => {
    // @ts-expect-error a misspelt id does not compile; at run time it is refused with a typed error
    const issues = issuesOf({}, { framework: 'tandartsen' });
    expect(issues[0]).toMatchObject({ path: ['options', 'framework'], code: 'unknown-framework' });
  });
});

describe('contradicting answers', () => {
  it('an indicator answered yes while its form of unsafety is answered no is an input error naming both', () => {
    const issues = issuesOf({
      considerations: { suspicion: true, unsafety: { acute: false }, indicators: { 'acute-weapon-use': true, 'structural-other': true } },
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: ['considerations', 'indicators', 'acute-weapon-use'], code: 'contradiction' }),
    ]);
    expect(issues[0]!.message.nl).toContain('considerations.unsafety.acute');
  });

  it('an indicator answered no beside a direct no is consistent', () => {
    const d = evaluate({ considerations: { suspicion: true, unsafety: { acute: false }, indicators: { 'acute-weapon-use': false } } });
    expect(d.outcome).toBe('needs-input');
  });
});
