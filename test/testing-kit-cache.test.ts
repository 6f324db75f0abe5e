// The testing kit validates a framework document once per object: its generators and
// withoutContradictions run once per generated case, and re-validating the document each time
// was most of a framework diff's time.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/frameworks/framework.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/frameworks/framework.js')>();
  return { ...original, parseFramework: vi.fn(original.parseFramework) };
});

const { parseFramework } = await import('../src/frameworks/framework.js');
const { getFramework } = await import('../src/index.js');
const { withoutContradictions, diffFrameworks } = await import('../src/testing/index.js');

describe('the testing kit validates a framework document once per object', () => {
  it('withoutContradictions(case, document) parses the document on first use only', () => {
    const document = structuredClone(getFramework('onderwijs'));
    const kase = { considerations: { suspicion: false, unsafety: { acute: true } } };
    const first = withoutContradictions(kase, document);
    const afterFirst = vi.mocked(parseFramework).mock.calls.length;
    for (let i = 0; i < 5; i++) expect(withoutContradictions(kase, document)).toEqual(first);
    expect(vi.mocked(parseFramework).mock.calls.length).toBe(afterFirst);
    // Another object with the same content is another document: parsed once more.
    withoutContradictions(kase, structuredClone(document));
    expect(vi.mocked(parseFramework).mock.calls.length).toBe(afterFirst + 1);
  });

  it('a diff against a framework document parses it as often for 10 cases as for 200', () => {
    const parses = (numRuns: number) => {
      const before = vi.mocked(parseFramework).mock.calls.length;
      const diff = diffFrameworks('basismodel', structuredClone(getFramework('basismodel')), { numRuns, seed: 1 });
      expect(diff.identical).toBe(true);
      expect(diff.cases).toBeGreaterThanOrEqual(numRuns);
      return vi.mocked(parseFramework).mock.calls.length - before;
    };
    parses(10); // the shipped basismodel is parsed on first use only, by the kit and by evaluate
    expect(parses(200)).toBe(parses(10));
  });
});
