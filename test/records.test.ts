// Record keeping (004 §Wat leg ik vast over een melding?; 000 Bijlage 1b §Stap 1).
import { describe, expect, it } from 'vitest';
import { evaluate, MeldcodeInputError } from '../src/index.js';
import { evaluateRecordKeeping } from '../src/records/index.js';
import { recordsModule } from '../src/records/records.js';
import { citationProblem } from './support/sources.js';
import { thrown } from './support/throws.js';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const base = ['facts-apart-from-hypotheses', 'source-of-third-party-information', 'diagnoses-only-from-competent-professional', 'contacts-steps-decisions', 'contradicting-information'];
// 000 §3.3 (issue 14 finding 9): "Niet alleen de melding dient te worden vastgelegd, ook de belangen
// die zijn afgewogen en de personen die van te voren over het besluit zijn geraadpleegd."
const report = ['report-information-and-agreements', 'report-conversation-and-reaction', 'veilig-thuis-officer', 'interests-weighed-and-people-consulted', 'later-outcomes'];

describe('evaluateRecordKeeping', () => {
  it('a report: what was provided and agreed, the conversation and reaction, the Veilig Thuis officer, the interests weighed and who was consulted, later outcomes', () => {
    const r = evaluateRecordKeeping({ outcome: 'report' });
    expect(r.because).toEqual(['report']);
    expect(ids(r.items)).toEqual([...base, ...report]);
  });

  it('report and help: also the help offered and how it met the requirements', () => {
    const r = evaluateRecordKeeping({ outcome: 'report-and-help' });
    expect(r.because).toEqual(['report', 'help']);
    expect(ids(r.items)).toContain('help-and-requirements');
  });

  it('closing the meldcode: record the conclusion', () => {
    const r = evaluateRecordKeeping({ outcome: 'close-and-record', steps: { colleagueConsulted: true } });
    expect(ids(r.items)).toEqual([...base, 'consultation-and-advice', 'closing-conclusion']);
  });

  it('a skipped conversation: record why, even before the decision', () => {
    const r = evaluateRecordKeeping({ outcome: 'needs-input', conversation: { skipReason: 'safety' } });
    expect(r.because).toEqual(['conversation-skipped']);
    expect(ids(r.items)).toEqual(['why-no-conversation']);
  });

  it('no decision yet, or out of scope: no checklist', () => {
    expect(evaluateRecordKeeping({ outcome: 'needs-input' }).items).toEqual([]);
    expect(evaluateRecordKeeping({ outcome: 'out-of-scope' }).items).toEqual([]);
  });

  it('English texts', () => {
    const r = evaluateRecordKeeping({ outcome: 'report' }, { lang: 'en' });
    expect(r.items.find((i) => i.id === 'veilig-thuis-officer')!.text).toBe('Record the name and role of the Veilig Thuis officer to whom you made the report.');
  });

  it('bad input lists every problem', () => {
    const error = thrown(() => evaluateRecordKeeping({ outcome: 'maybe', steps: { x: true } } as never));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect((error as MeldcodeInputError).issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['outcome', 'steps.x']));
    expect(() => evaluateRecordKeeping({} as never)).toThrow(MeldcodeInputError);
  });
});

describe('record keeping inside evaluate()', () => {
  it('a report carries the checklist, with the kindcheck\'s items about the children', () => {
    const d = evaluate(
      { considerations: { suspicion: true, unsafety: { acute: true } }, kindcheck: { parentSignals: true }, client: { caresForMinor: true } },
      { evaluationDate: '2026-11-23' },
    );
    expect(ids(d.recordKeeping.items)).toEqual(expect.arrayContaining([...base, ...report, 'children-number-ages-shared-care', 'parent-signals']));
  });

  it('needs-input carries none', () => {
    expect(evaluate({}, { evaluationDate: '2026-11-23' }).recordKeeping).toEqual({ because: [], items: [] });
  });
});

describe('record keeping citations', () => {
  it('every rule cites words that stand in the source', () => {
    expect(recordsModule.ruleFile.rules.map((r) => [r.id, citationProblem(r.source)]).filter(([, p]) => p)).toEqual([]);
  });
});
