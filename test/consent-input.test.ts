// Bad input to evaluateConsent: a typed MeldcodeInputError listing every problem with its path,
// in Dutch and English; never a crash, never a partial plan.
import { describe, expect, it } from 'vitest';
import { evaluateConsent, MeldcodeInputError, safeEvaluateConsent } from '../src/consent/index.js';

const DATE = { evaluationDate: '2026-11-23' };
function issuesOf(input: unknown, options: object = DATE) {
  try {
    // Bad input is cast at the call: the runtime validation is what is tested.
    evaluateConsent(input as never, options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(MeldcodeInputError);
    const issues = (error as MeldcodeInputError).issues;
    for (const issue of issues) {
      expect(issue.message.nl.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
    return issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
  }
  throw new Error('expected a MeldcodeInputError');
}

describe('evaluateConsent: bad input', () => {
  it.each([null, 'a case', 42, [], true])('rejects %j as a whole', (input) => {
    expect(issuesOf(input)).toEqual([{ path: '', code: 'invalid_type' }]);
  });

  it('lists every problem at once, with its path', () => {
    const issues = issuesOf({
      client: { pregnant: 'yes', age: -1, role: 'bystander', legalRepresentative: { present: 1 } },
      objection: { raised: 'no', seriousDanger: null },
      conversation: { skipReason: 'busy' },
      unsafety: { acuteOrStructural: 'maybe' },
      extra: true,
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'client.pregnant',
        'client.age',
        'client.role',
        'client.legalRepresentative.present',
        'objection.raised',
        'objection.seriousDanger',
        'conversation.skipReason',
        'unsafety.acuteOrStructural',
        'extra',
      ].sort(),
    );
  });

  it('rejects unknown keys, including __proto__', () => {
    expect(issuesOf(JSON.parse('{"objection": {"__proto__": {"raised": true}}}'))).toEqual([
      { path: 'objection.__proto__', code: 'unrecognized_keys' },
    ]);
    expect(issuesOf({ client: { wilsonbekwaam: true } })).toEqual([{ path: 'client.wilsonbekwaam', code: 'unrecognized_keys' }]);
  });

  it('rejects dates that do not exist, a birth date after the evaluation date, and an age that contradicts it', () => {
    expect(issuesOf({ client: { birthDate: '2010-02-30' } })).toEqual([{ path: 'client.birthDate', code: 'invalid_format' }]);
    expect(issuesOf({ client: { birthDate: '2027-01-01' } })).toEqual([
      { path: 'client.birthDate', code: 'birth-date-after-evaluation-date' },
    ]);
    expect(issuesOf({ client: { birthDate: '2010-11-23', age: 15 } })).toEqual([{ path: 'client.age', code: 'age-contradicts-birth-date' }]);
    expect(issuesOf({ evaluationDate: '23-11-2026' }, {})).toEqual([{ path: 'evaluationDate', code: 'invalid_format' }]);
  });

  it('checks the options, and reports them together with the input problems', () => {
    const issues = issuesOf({ objection: { raised: 1 } }, { lang: 'fr', regime: 'gdpr', evaluationDate: 'today', colour: 'red' });
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['objection.raised', 'options.lang', 'options.regime', 'options.evaluationDate', 'options.colour'].sort(),
    );
  });

  it('safeEvaluateConsent returns the error instead of throwing', () => {
    const result = safeEvaluateConsent({ objection: { raised: 'yes' } }, DATE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues[0]!.path).toEqual(['objection', 'raised']);
    const good = safeEvaluateConsent({}, DATE);
    expect(good.ok).toBe(true);
  });

  it('the option date overrides the input date; a Date object is taken in Europe/Amsterdam', () => {
    const plan = evaluateConsent(
      { evaluationDate: '2000-01-01', client: { birthDate: '2010-11-23' } },
      { evaluationDate: new Date('2026-11-22T23:30:00Z') },
    );
    expect(plan.age.years).toBe(16); // 00:30 on 23 November in Amsterdam: the 16th birthday
  });
});
