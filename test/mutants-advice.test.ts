// Two survivors of the mutation analysis that change advice (issue 15 item 4), each pinned by its
// source. (1) The FAQ 004 exception sets a report aside only when every one of its conditions is
// answered (DESIGN §6.5, FAQ 004): dropping one condition from it treated that unanswered question
// as "no". (2) Experts are consulted before the conversation for honour-based violence, forced
// marriage and FGM (000 §Stap 3): negating one of the three added that advice to most cases.
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, getFramework, listFrameworks } from '../src/index.js';
import { loadExamples } from '../scripts/load-examples.js';
import { mutateFramework } from '../src/testing/index.js';
import { adviceGolden, indicatorGolden } from './mutants/advice.js';

const DATE = { evaluationDate: '2026-11-23' };
/** examples/20: a considered and free objection of an adult victim, every condition of the exception answered. */
const exception = loadExamples().find((e) => e.id.startsWith('20-'))!.case as CaseInput & Record<string, Record<string, unknown>>;

const leaves = (v: unknown, p = ''): string[] =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).flatMap(([k, x]) => leaves(x, p ? `${p}.${k}` : k)) : [p];
const edit = (path: string, change: (parent: Record<string, unknown>, key: string) => void): CaseInput => {
  const c = structuredClone(exception) as Record<string, unknown>;
  const keys = path.split('.');
  let node = c;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  change(node, keys.at(-1)!);
  return c as CaseInput;
};
// What the exception does not read: the date, and the role (the objector's own answer says she is the victim).
const conditions = leaves(exception).filter((p) => p !== 'evaluationDate' && p !== 'client.role');

describe('FAQ 004: the exception holds only with every condition answered', () => {
  it('as answered in examples/20, the objection sets the report aside', () => {
    const d = evaluate(exception, DATE);
    expect([d.outcome, d.report.necessary, d.report.norms]).toEqual(['help', false, [1]]);
  });

  it.each(conditions)('%s unanswered: the report is not set aside', (path) => {
    const d = evaluate(edit(path, (node, key) => delete node[key]), DATE);
    expect(d.report.necessary).not.toBe(false);
    // Serious danger unknown reports (DESIGN §6.5); another open condition asks for it, the norm shown as provisional.
    if (path === 'objection.seriousDanger') expect([d.outcome, d.report.necessary]).toEqual(['report', true]);
    else if (!path.startsWith('considerations.') && path !== 'objection.raised' && path !== 'objection.canBeMet') {
      expect([d.outcome, d.report.norms, d.report.objection?.effect]).toEqual(['needs-input', [1], 'awaits-answers']);
    }
  });

  it('holds for a victim of 18; a victim of 17 is a minor and the report stands (FAQ 004; bands exact at the birthday)', () => {
    expect(evaluate(edit('client.age', (n, k) => (n[k] = 18)), DATE).report.necessary).toBe(false);
    const minor = evaluate(edit('client.age', (n, k) => (n[k] = 17)), DATE);
    expect([minor.outcome, minor.report.necessary]).toEqual(['report', true]);
  });

  it('the carer of a care-dependent adult is asked, and answered yes always reports (FAQ 004)', () => {
    const open = evaluate(edit('client.caresForCareDependentAdult', (n, k) => delete n[k]), DATE);
    expect(open.nextQuestions.map((q) => q.id)).toContain('client.caresForCareDependentAdult');
    const carer = evaluate(edit('client.caresForCareDependentAdult', (n, k) => (n[k] = true)), DATE);
    expect([carer.outcome, carer.report.necessary, carer.report.objection]).toEqual(['report', true, null]);
  });

  const answer = (path: string) => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], exception);
  // Every yes/no condition but the suspicion ("no suspicion" beside structural unsafety is refused as a contradiction).
  it.each(conditions.filter((p) => typeof answer(p) === 'boolean' && p !== 'considerations.suspicion'))('%s answered the other way: the report is not set aside', (path) => {
    const d = evaluate(edit(path, (node, key) => (node[key] = !node[key])), DATE);
    expect(d.report.necessary).not.toBe(false);
  });
});

describe('000 §Stap 3: experts before the conversation for honour-based violence, forced marriage and FGM', () => {
  const none = { fgm: false, honourBasedViolence: false, forcedMarriage: false, sexualAbuse: false, elderAbuse: false, partnerStalking: false };
  const actions = (c: CaseInput) => {
    const d = evaluate(c, DATE);
    return [...d.actions.map((a) => a.id), ...(d.steps?.actions ?? []).map((a) => a.id)];
  };

  it('no specific form: no such advice', () => {
    expect(actions({ considerations: { suspicion: true }, forms: none })).not.toContain('consult-experts-before-conversation');
  });

  it.each(['honourBasedViolence', 'forcedMarriage', 'fgm'])('%s alone: consult experts before the conversation, until it is held', (form) => {
    const forms = { ...none, [form]: true, inHouseExpertise: false };
    expect(actions({ considerations: { suspicion: true }, forms })).toContain('consult-experts-before-conversation');
    expect(actions({ considerations: { suspicion: true }, forms, steps: { conversationHeld: true } })).not.toContain('consult-experts-before-conversation');
  });
});

describe('the same cases as golden data for the mutation analysis (test/mutants/advice.ts)', () => {
  it('every one holds on basismodel', () => {
    // mutateFramework checks every golden case on the unmutated framework first, and throws naming the one that fails.
    expect(mutateFramework('basismodel', { golden: adviceGolden, only: [], invariants: false })).toMatchObject({ total: 0 });
  });
});

describe('each indicator\u2019s kind, pinned by one case (test/mutants/advice.ts, DESIGN §6.3)', () => {
  it.each(listFrameworks().map((f) => f.id))('every case holds on %s', (id) => {
    const golden = indicatorGolden(getFramework(id));
    expect(golden.length).toBe(getFramework(id).indicators.length);
    expect(mutateFramework(id, { golden, only: [], invariants: false })).toMatchObject({ total: 0 });
  });
});
