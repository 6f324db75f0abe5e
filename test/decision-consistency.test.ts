// One decision, one voice (docs/legal-model.md §"Where the modules meet"): over generated cases
// across every module and every shipped framework, `outcome`, `report`, `help`, the conversation
// plan, `scope`, `steps` and `actions` never contradict one another. Each invariant is its own test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decision, evaluate, listFrameworks } from '../src/index.js';
import type { CaseInput } from '../src/case/schema.js';
import { precedenceRules } from '../src/decision/precedence.js';
import { fullCaseArbitrary, KIT_EVALUATION_DATE } from '../src/testing/index.js';

const SEED = Number(process.env.MELDCODE_SEED ?? 20261201);
const CASES = Number(process.env.MELDCODE_CONSISTENCY_CASES ?? 1500);

const reporting = (d: Decision) => d.outcome === 'report' || d.outcome === 'report-and-help';
const acting = (d: Decision) => reporting(d) || d.outcome === 'help';

/** Each invariant: a name and what must hold for every decision. */
const invariants: [string, (d: Decision) => boolean][] = [
  ['a report outcome, and only a report outcome, has report.necessary true', (d) => reporting(d) === (d.report.necessary === true)],
  ['norms are listed only with a report, or with the objection that sets it aside or awaits answers', (d) => d.report.norms.length === 0 || d.report.necessary === true || d.report.objection !== null],
  ['report-and-help is help alongside the report, decided with Veilig Thuis', (d) => d.outcome !== 'report-and-help' || (d.help.stage === 'alongside-report' && d.help.togetherWithVeiligThuis)],
  ['close-and-record: no report, no help stage', (d) => d.outcome !== 'close-and-record' || (d.report.necessary === false && d.help.stage === null)],
  [
    'help: no report (or, while afweging 5 waits for the agreed term, not yet decided), help not ruled out',
    (d) =>
      d.outcome !== 'help' ||
      (d.help.possible !== false &&
        d.help.stage !== null &&
        (d.report.necessary === false || (d.report.necessary === null && d.help.stage === 'offer' && d.report.objection === null))),
  ],
  [
    'an objection sets a report aside exactly when it holds it back, and then the outcome is help, never close',
    (d) =>
      (d.report.objection?.effect === 'sets-report-aside') ===
        (d.conversation?.objection.reportDespiteObjection === false && d.report.rules.length > 0) &&
      (d.report.objection?.effect !== 'sets-report-aside' ||
        (d.outcome === 'help' && d.report.necessary === false && ['keep-offering-help', 'monitor-safety', 'record-objection-and-weighing'].every((id) => d.actions.some((a) => a.id === id)))),
  ],
  [
    'an objection awaiting answers: needs input, the norm kept as the provisional advice, its questions asked',
    (d) =>
      d.report.objection?.effect !== 'awaits-answers' ||
      (d.outcome === 'needs-input' && d.report.necessary === null && d.report.norms.length + d.report.considerations.length > 0 && d.conversation?.objection.status === 'exception-open' && d.nextQuestions.length > 0),
  ],
  ['the objection regime is the framework’s: FAQ 004 only in basismodel', (d) => d.conversation === null || (d.conversation.objectionRegime.regime === 'faq-004') === (d.receipt.framework.id === 'basismodel')],
  ['needs-input: the report is undecided and there is a question to ask', (d) => d.outcome !== 'needs-input' || (d.report.necessary === null && d.nextQuestions.length > 0)],
  [
    'out of scope: the meldcode does not decide (no afwegingskader advice, conversation, kindcheck or steps)',
    (d) =>
      d.outcome !== 'out-of-scope' ||
      (d.scope.status === 'out-of-scope' && d.report.necessary === null && d.help.possible === null && d.conversation === null && d.kindcheck === null && d.steps === null && d.trail.every((e) => e.module === 'scope') && d.actions.length > 0),
  ],
  ['in scope (or open): never the out-of-scope outcome, and every module speaks', (d) => d.scope.status === 'out-of-scope' || (d.outcome !== 'out-of-scope' && d.conversation !== null && d.kindcheck !== null && d.steps !== null)],
  ['a report never stands beside an objection that holds it back', (d) => !reporting(d) || d.conversation?.objection.reportDespiteObjection !== false],
  [
    'without an intended report, the objection holds nothing back and forces nothing',
    (d) => !(d.outcome === 'close-and-record' || d.outcome === 'help') || d.report.objection !== null || d.conversation?.objection.reportDespiteObjection === null,
  ],
  ['"take the open steps first" only where the decision acts (report or help)', (d) => !d.actions.some((a) => a.id === 'take-open-steps-first') || acting(d)],
  ['with open steps, a report or help says to take them first', (d) => !acting(d) || d.steps === null || d.steps.mayDecideStep5 || d.actions.some((a) => a.id === 'take-open-steps-first')],
  ['one action per meaning: no action id twice', (d) => new Set(d.actions.map((a) => a.id)).size === d.actions.length],
  [
    'no objection questions when no report is intended',
    (d) => d.report.necessary === true || d.report.objection !== null || !(d.conversation?.nextQuestions ?? []).some((q) => q.id.startsWith('objection.')),
  ],
  ['scope questions come first', (d) => d.scope.nextQuestions.every((q, i) => d.nextQuestions[i]?.id === q.id)],
  ['a non-empty trail, every entry cited', (d) => d.trail.length > 0 && d.trail.every((e) => e.source.document.length > 0 && e.source.section.length > 0)],
  [
    'a record-keeping checklist exactly for a decision that reports, closes, helps or skips the conversation',
    (d) => {
      const carries = acting(d) || d.outcome === 'close-and-record' || (d.conversation !== null && d.conversation.skip !== null);
      return carries === d.recordKeeping.items.length > 0;
    },
  ],
];

describe.each(listFrameworks().map((f) => f.id))('%s: one decision never contradicts itself', (framework) => {
  const sample = fc.sample(fullCaseArbitrary(framework), { numRuns: CASES, seed: SEED });
  const decided: [CaseInput, Decision][] = sample.map((c) => [c, evaluate(c, { framework, evaluationDate: KIT_EVALUATION_DATE })]);

  it('reaches every outcome in the sample (so the invariants below are not vacuous)', () => {
    const outcomes = new Set(decided.map(([, d]) => d.outcome));
    expect([...outcomes].sort()).toEqual(['close-and-record', 'help', 'needs-input', 'out-of-scope', 'report', 'report-and-help']);
  });

  for (const [name, holds] of invariants) {
    it(name, () => {
      const broken = decided.find(([, d]) => !holds(d));
      if (broken) throw new Error(`broken by case ${JSON.stringify(broken[0])} (seed ${SEED}): outcome ${broken[1].outcome}`);
    });
  }
});

describe('the precedence table', () => {
  it('is written down once, each line cited, in the order docs/legal-model.md gives', () => {
    expect(precedenceRules.map((r) => r.id)).toEqual([
      'scope-first',
      'objection-sets-report-aside',
      'objection-exception-awaits-answers',
      'objection-needs-an-intended-report',
      'open-steps-never-change-the-norm',
    ]);
    for (const r of precedenceRules) expect(r.source.document && r.source.section && r.text.nl && r.text.en).toBeTruthy();
  });
});
