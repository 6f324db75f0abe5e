// The bundled example cases (npm run demo) reach the outcome each one states.
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, formatDecision } from '../src/index.js';
import { loadExamples } from '../scripts/load-examples.js';
import { expectedOf } from './support/examples.js';

const examples = loadExamples();

describe('examples/*.json', () => {
  it('covers every path the demo promises', () => {
    expect(examples.map((e) => e.expect.outcome)).toEqual(
      expect.arrayContaining(['close-and-record', 'report', 'help', 'report-and-help', 'needs-input']),
    );
    expect(examples.length).toBeGreaterThanOrEqual(9);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s', (_id, example) => {
    const d = evaluate(example.case as CaseInput, { evaluationDate: '2026-11-23' });
    expect(d.outcome).toBe(example.expect.outcome);
    expect(d.report.necessary).toBe(expectedOf(example).necessary);
    expect(d.report.norms).toEqual(example.expect.norms);
    for (const lang of ['nl', 'en'] as const) {
      const text = formatDecision(evaluate(example.case as CaseInput, { evaluationDate: '2026-11-23', lang }));
      for (const entry of d.trail) expect(text).toContain(entry.ruleId);
    }
  });
});
