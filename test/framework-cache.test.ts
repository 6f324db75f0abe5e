// A framework document passed to evaluate() is validated and compiled once per object, however
// often it is used (the options object is validated by zod, whose copy must not become the key).
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/rules/compile.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/rules/compile.js')>();
  return { ...original, compileRules: vi.fn(original.compileRules) };
});

const { compileRules } = await import('../src/rules/compile.js');
const { evaluate, evaluateWith, getFramework } = await import('../src/index.js');

describe('framework documents are compiled once per object', () => {
  it('evaluate({ framework: document }) and evaluateWith(document) compile it on first use only', () => {
    const document = structuredClone(getFramework('sociaal-domein'));
    const kase = { considerations: { suspicion: true, unsafety: { acute: true } } };
    evaluate(kase, { framework: document, evaluationDate: '2026-11-23' });
    const afterFirst = vi.mocked(compileRules).mock.calls.length;
    for (let i = 0; i < 3; i++) {
      evaluate(kase, { framework: document, evaluationDate: '2026-11-23' });
      evaluateWith(document, kase, { evaluationDate: '2026-11-23' });
    }
    expect(vi.mocked(compileRules).mock.calls.length).toBe(afterFirst);
    // A different object with the same content is another document: compiled once more.
    evaluate(kase, { framework: structuredClone(document), evaluationDate: '2026-11-23' });
    expect(vi.mocked(compileRules).mock.calls.length).toBe(afterFirst + 1);
  });
});
