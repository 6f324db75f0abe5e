// Issue 10, item 1 (in part): nothing a caller does with a returned decision changes a later one.
// Whatever a decision shares with the library's compiled state is deeply frozen: the rules'
// effects and sources in the trail, and the questions it asks.
import { describe, expect, it } from 'vitest';
import { evaluate, getFramework } from '../src/index.js';

const DATE = { evaluationDate: '2026-11-23' };
const norm1 = { considerations: { suspicion: true, unsafety: { acute: true } } };

describe('returned data cannot change later decisions', () => {
  it('re-typing the norm-1 rule’s effect in a returned trail throws, and later norm-1 cases still report', () => {
    const d = evaluate(norm1, DATE);
    const entry = d.trail.find((e) => e.ruleId === 'afweging-2-ja-norm-1');
    expect(entry).toBeDefined();
    expect(() => Object.assign(entry!.effect, { type: 'help', params: { stage: 'offer' } })).toThrow(TypeError);
    expect(() => Object.assign(entry!.source, { document: 'x' })).toThrow(TypeError);
    for (const framework of ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen'] as const) {
      expect(evaluate(norm1, { ...DATE, framework }).outcome).toMatch(/^report/);
    }
  });

  it('editing a returned next question throws, and the next decision asks the same question', () => {
    const first = evaluate({}, DATE);
    const question = first.nextQuestions[0]!;
    expect(() => {
      (question as { id: string }).id = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (question.text as { nl: string }).nl = 'anders';
    }).toThrow(TypeError);
    const again = evaluate({}, DATE);
    expect(again.nextQuestions[0]!.id).toBe('scope.perpetratorIsProfessional');
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it('getFramework() hands out a frozen framework', () => {
    const fw = getFramework('basismodel');
    expect(() => {
      (fw.indicators as unknown[]).length = 0;
    }).toThrow(TypeError);
    expect(evaluate({ considerations: { suspicion: true, indicators: { 'acute-weapon-use': true } } }, DATE).outcome).toMatch(/^report/);
  });
});
