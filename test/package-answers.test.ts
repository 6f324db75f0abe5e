// setAnswer and verifyReceipt (issue 11): an app sets answers by question id without writing its
// own setPath, and a third party checks a receipt's caseSha256 with standard tools (RFC 8785 JCS
// and SHA-256).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, extendFramework, MeldcodeInputError, nextQuestions, setAnswer, verifyReceipt } from '../src/index.js';
import { loadExamples } from '../scripts/load-examples.js';

const DATE = '2026-11-23';

/**
 * RFC 8785 (JSON Canonicalization Scheme) for JSON data, written from the RFC and not from the
 * library: object keys sorted by their UTF-16 code units (§3.2.3), no whitespace, strings and
 * numbers as ECMAScript's JSON.stringify writes them (§3.2.2.2, §3.2.2.3).
 */
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('setAnswer', () => {
  it('sets an answer by question id on a copy, creating the objects on its path', () => {
    const kase: CaseInput = { considerations: { suspicion: true } };
    const next = setAnswer(kase, 'considerations.unsafety.acute', true);
    expect(next).toEqual({ considerations: { suspicion: true, unsafety: { acute: true } } });
    expect(kase).toEqual({ considerations: { suspicion: true } });
    expect(setAnswer({}, 'kindcheck.childrenAges', [3, 7])).toEqual({ kindcheck: { childrenAges: [3, 7] } });
  });

  it('removes the answer for "don’t know" (undefined), never writing false', () => {
    const kase = setAnswer({ considerations: { suspicion: true, unsafety: { acute: true } } }, 'considerations.unsafety.acute', undefined);
    expect(kase).toEqual({ considerations: { suspicion: true, unsafety: {} } });
    expect(evaluate(kase, { evaluationDate: DATE }).outcome).toBe('needs-input');
  });

  it('answers nextQuestions one at a time up to a decision', () => {
    let kase: CaseInput = {};
    const answers: Record<string, boolean> = { 'scope.perpetratorIsProfessional': false, 'scope.betweenClients': false, 'considerations.suspicion': true, 'considerations.unsafety.acute': true };
    for (let i = 0; i < 10 && evaluate(kase, { evaluationDate: DATE }).outcome === 'needs-input'; i++) {
      const q = nextQuestions(kase)[0]!;
      kase = setAnswer(kase, q.id, answers[q.id]);
    }
    expect(evaluate(kase, { evaluationDate: DATE }).outcome).toBe('report');
  });

  it('refuses an id that is not a path, or that reaches a prototype', () => {
    for (const id of ['', 'a..b', '__proto__.polluted', 'considerations.constructor.prototype']) {
      expect(() => setAnswer({}, id, true)).toThrow(MeldcodeInputError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('verifyReceipt and caseSha256', () => {
  const examples = loadExamples();

  it.each(examples.map((e) => [e.id, e.case as CaseInput] as const))('%s: caseSha256 is SHA-256 of the JCS of the case with its evaluation date', (_id, kase) => {
    const decision = evaluate(kase, { evaluationDate: DATE });
    expect(decision.receipt.caseSha256).toBe(sha256(jcs({ ...kase, evaluationDate: decision.receipt.evaluationDate })));
    expect(verifyReceipt(decision, kase)).toEqual({ ok: true, caseSha256: decision.receipt.caseSha256, caseMatches: true, frameworkMatches: true, sameLibraryVersion: true });
  });

  it('tells another case, another date and another framework apart', () => {
    const kase: CaseInput = { considerations: { suspicion: true, unsafety: { acute: true } } };
    const decision = evaluate(kase, { evaluationDate: DATE });
    expect(verifyReceipt(decision, setAnswer(kase, 'considerations.unsafety.structural', true))).toMatchObject({ ok: false, caseMatches: false, frameworkMatches: true });
    expect(verifyReceipt(evaluate(kase, { evaluationDate: '2026-11-24' }), kase).caseSha256).not.toBe(decision.receipt.caseSha256);
    expect(verifyReceipt(decision, kase, { framework: 'artsen' })).toMatchObject({ ok: false, caseMatches: true, frameworkMatches: false });
  });

  it('needs a framework of your own given, since the receipt can only name it', () => {
    const own = extendFramework('basismodel', { id: 'eigen', version: '1.0.0', name: { nl: 'Eigen', en: 'Own' } });
    const kase: CaseInput = { considerations: { suspicion: false } };
    const decision = evaluate(kase, { framework: own, evaluationDate: DATE });
    expect(() => verifyReceipt(decision, kase)).toThrow(MeldcodeInputError);
    expect(verifyReceipt(decision, kase, { framework: own }).ok).toBe(true);
    const changed = extendFramework('basismodel', { id: 'eigen', version: '1.0.0', name: { nl: 'Eigen', en: 'Own' }, indicators: [] , description: { nl: 'anders', en: 'other' } });
    expect(verifyReceipt(decision, kase, { framework: changed }).frameworkMatches).toBe(false);
  });
});
