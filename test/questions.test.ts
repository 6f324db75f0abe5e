import fc from 'fast-check';
import { withoutContradictions } from '../src/testing/index.js';
import type { CaseInput } from '../src/case/schema.js';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../src/case/schema.js';
import { evaluate, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { nextQuestions } from '../src/questions/next.js';
import { listQuestions } from '../src/questions/list.js';
import { isQuestionEnabled, type Question, questionModulesFor } from '../src/questions/questions.js';
import branching from '../src/questions/branching.json';
import { citationProblem } from './support/sources.js';
import type { FrameworkId } from '../src/authoring/ids.js';

const date = { evaluationDate: '2026-11-23' };
const frameworks = listFrameworks().map((f) => f.id);

/** A value of the question's answer kind. */
function sample(q: Question): unknown {
  switch (q.answer) {
    case 'boolean':
      return true;
    case 'integer':
      return 1;
    case 'integer-list':
      return [1];
    case 'choice':
      return q.options?.[0];
    case 'date':
      return '2020-02-29';
  }
}

function withFact(path: string, value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const keys = path.split('.');
  let o = root;
  for (const k of keys.slice(0, -1)) o = (o[k] = {}) as Record<string, unknown>;
  o[keys[keys.length - 1] as string] = value;
  return root;
}

describe.each(frameworks)('the question catalogue of %s', (id) => {
  const questions = listQuestions(id);
  const catalogue = new Map(questions.map((q) => [q.id, q]));

  it('holds each question once, with the framework\'s indicators', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const indicator of getFramework(id).indicators) {
      expect(catalogue.has(`considerations.indicators.${indicator.code}`)).toBe(true);
    }
  });

  it('every question cites a source that exists, in Dutch and English', () => {
    const problems = questions.map((q) => [q.id, citationProblem(q.source)]).filter(([, p]) => p);
    expect(problems).toEqual([]);
    for (const q of questions) expect(q.text.nl && q.text.en && q.module).toBeTruthy();
  });

  it('every question id is the path of a fact a case can hold, of the question\'s answer kind', () => {
    for (const q of questions) {
      const kase = { framework: id, ...withFact(q.id, sample(q)) };
      expect([q.id, caseSchema.safeParse(kase).success]).toEqual([q.id, true]);
    }
  });

  it('every branching condition names a question of the catalogue, with an answer of its kind', () => {
    for (const q of questions) {
      for (const c of q.enableWhen ?? []) {
        const target = catalogue.get(c.question);
        expect([q.id, c.question, target !== undefined]).toEqual([q.id, c.question, true]);
        if (c.operator !== 'exists' && target?.answer === 'boolean') expect(typeof c.answer).toBe('boolean');
      }
      if ((q.enableWhen?.length ?? 0) > 1) expect(q.enableBehavior).toBeDefined();
    }
  });

  it('never hides a question the rules ask (property): every next question is enabled', () => {
    const booleans = questions.filter((q) => q.answer === 'boolean').map((q) => q.id);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(true, false, undefined), { minLength: booleans.length, maxLength: booleans.length }),
        fc.boolean(),
        (values, suspicion) => {
          const kase: Record<string, unknown> = { framework: id };
          values.forEach((v, i) => {
            if (v === undefined) return;
            const keys = (booleans[i] as string).split('.');
            let o = kase;
            for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
            o[keys[keys.length - 1] as string] = v;
          });
          if (suspicion) ((kase.considerations ??= {}) as Record<string, unknown>).suspicion = true;
          reconcile(kase, id);
          const decision = evaluate(kase, date);
          const asked = [
            ...decision.nextQuestions,
            ...(decision.kindcheck?.nextQuestions ?? []),
            ...(decision.steps?.nextQuestions ?? []),
            ...(decision.conversation?.nextQuestions ?? []).filter((q) => catalogue.has(q.id)),
          ];
          for (const q of asked) expect([q.id, isQuestionEnabled(catalogue.get(q.id) ?? (q as Question), kase, catalogue)]).toEqual([q.id, true]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('branching', () => {
  const basismodel = getFramework('basismodel');
  const only = (...modules: string[]) => new Map(questionModulesFor(basismodel, modules).flatMap((m) => m.questions.map((x) => [x.id, x] as const)));
  // The kindcheck's branching, as in a kindcheck questionnaire (consent asks some of its questions unbranched).
  const catalogue = only('kindcheck', 'afwegingskader');
  const q = (id: string) => catalogue.get(id) as Question;

  it('every branching added for another module\'s questions cites its source', () => {
    const problems = Object.entries(branching).map(([id, b]) => [id, citationProblem(b.source)]).filter(([, p]) => p);
    expect(problems).toEqual([]);
  });

  it('follows the kindcheck: 2 unless 1 is no (a no to 2 completes it, 004), 3 after a yes to 2', () => {
    expect(isQuestionEnabled(q('kindcheck.parentSignals'), {}, catalogue)).toBe(true);
    expect(isQuestionEnabled(q('client.pregnant'), {}, catalogue)).toBe(true);
    expect(isQuestionEnabled(q('client.pregnant'), { kindcheck: { parentSignals: false } }, catalogue)).toBe(false);
    expect(isQuestionEnabled(q('client.pregnant'), { kindcheck: { parentSignals: true } }, catalogue)).toBe(true);
    const oneOff = q('contact.oneOff');
    expect(isQuestionEnabled(oneOff, { kindcheck: { parentSignals: true }, client: { pregnant: true } }, catalogue)).toBe(true);
    expect(isQuestionEnabled(oneOff, { kindcheck: { parentSignals: true }, client: { caresForMinor: false, pregnant: false } }, catalogue)).toBe(false);
    // An answer to a question that is not shown does not count (FHIR R4 semantics).
    expect(isQuestionEnabled(oneOff, { kindcheck: { parentSignals: false }, client: { pregnant: true } }, catalogue)).toBe(false);
  });

  it('a question two modules share shows when either needs it (kindcheck 2, or a parent factor)', () => {
    const caresForMinor = q('client.caresForMinor');
    expect(caresForMinor.module).toBe('kindcheck');
    expect(caresForMinor.enableBehavior).toBe('any');
    const parentFactor = { considerations: { suspicion: true, indicators: { 'parent-intoxication': true } } };
    expect(isQuestionEnabled(caresForMinor, parentFactor, catalogue)).toBe(true);
    expect(isQuestionEnabled(caresForMinor, { kindcheck: { parentSignals: true } }, catalogue)).toBe(true);
    expect(isQuestionEnabled(caresForMinor, {}, catalogue)).toBe(true);
    expect(isQuestionEnabled(caresForMinor, { kindcheck: { parentSignals: false } }, catalogue)).toBe(false);
  });

  it('a question another module asks without branching is always shown in the whole catalogue', () => {
    const whole = new Map(listQuestions().map((x) => [x.id, x]));
    const pregnant = whole.get('client.pregnant') as Question;
    expect(pregnant.module).toBe('kindcheck');
    expect(pregnant.enableWhen).toBeUndefined();
    expect(only('consent').get('objection.raised')?.module).toBe('consent');
  });

  it('implements != and exists as FHIR does: an unanswered question is "not equal"', () => {
    const probe = (operator: '=' | '!=' | 'exists', answer: boolean): Question => ({
      ...q('considerations.unsafety.acute'),
      id: 'probe.x',
      enableWhen: [{ question: 'considerations.suspicion', operator, answer }],
    });
    expect(isQuestionEnabled(probe('!=', false), {}, catalogue)).toBe(true);
    expect(isQuestionEnabled(probe('!=', false), { considerations: { suspicion: false } }, catalogue)).toBe(false);
    expect(isQuestionEnabled(probe('exists', true), {}, catalogue)).toBe(false);
    expect(isQuestionEnabled(probe('exists', false), {}, catalogue)).toBe(true);
    expect(isQuestionEnabled(probe('exists', true), { considerations: { suspicion: false } }, catalogue)).toBe(true);
  });

  it('groups the questions per module, scope and kindcheck before the afwegingskader', () => {
    const modules = questionModulesFor(getFramework('basismodel')).map((m) => m.id);
    expect(modules.indexOf('scope')).toBeLessThan(modules.indexOf('kindcheck'));
    expect(modules.indexOf('kindcheck')).toBeLessThan(modules.indexOf('afwegingskader'));
  });
});

describe('nextQuestions', () => {
  it('is the decision\'s next questions, in order', () => {
    for (const kase of [{}, { considerations: { suspicion: true } }, { considerations: { suspicion: true, unsafety: { acute: false, structural: false, disclosure: false } } }]) {
      expect(nextQuestions(kase)).toEqual(evaluate(kase, date).nextQuestions);
    }
    // The scope questions come first while unanswered (issue 14 ruling B), then afweging 1.
    expect(nextQuestions({}).map((q) => q.id)).toEqual(['scope.perpetratorIsProfessional', 'scope.betweenClients', 'considerations.suspicion']);
  });

  it('asking one question at a time reaches a decision, and then asks nothing more', () => {
    for (const answer of [true, false]) {
      const kase: Record<string, unknown> = {};
      let steps = 0;
      for (let next = nextQuestions(kase); next.length > 0; next = nextQuestions(kase)) {
        const q = next[0] as Question;
        // A choice takes its first option (for the scope's organisation question: the user's own).
        Object.assign(kase, merge(kase, withFact(q.id, q.answer === 'choice' ? q.options![0] : answer)));
        expect(++steps).toBeLessThan(20);
      }
      expect(evaluate(kase, date).outcome).not.toBe('needs-input');
    }
  });

  it('takes a framework id and rejects an unknown one', () => {
    expect(nextQuestions({}, 'basismodel').length).toBe(3);
    // @ts-expect-error a misspelt id does not compile; at run time it is refused with a typed error
    expect(() => nextQuestions({}, 'nope')).toThrow(MeldcodeInputError);
    // @ts-expect-error a misspelt id does not compile; at run time it is refused with a typed error
    expect(() => listQuestions('nope')).toThrow(MeldcodeInputError);
  });
});

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' ? merge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

describe('listQuestions', () => {
  it('returns copies: changing one does not change the catalogue', () => {
    const [first] = listQuestions();
    (first as Question).text.nl = 'gewijzigd';
    expect(listQuestions()[0]?.text.nl).not.toBe('gewijzigd');
  });
});

/**
 * Makes random answers consistent: an indicator answered yes while its form of unsafety is
 * answered no is a contradiction `evaluate` rejects, so that "no" is dropped (left unknown).
 */
/** Drops, in place, the answers evaluate() rejects as contradictions (the testing kit's `withoutContradictions`). */
function reconcile(kase: Record<string, unknown>, frameworkId: FrameworkId): Record<string, unknown> {
  const fixed = withoutContradictions(kase as CaseInput, frameworkId) as Record<string, unknown>;
  for (const key of Object.keys(kase)) delete kase[key];
  return Object.assign(kase, fixed);
}
