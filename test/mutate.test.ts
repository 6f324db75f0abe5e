// mutateFramework and `meldcode mutate`: a rule that no golden case pins survives its mutant and
// is reported with its id and the change; a golden case that pins it kills the mutant; mutants of
// the floor and the modules run in the pipeline in place of the shipped rule file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendFramework } from '../src/authoring/index.js';
import { runCli } from '../src/cli/run.js';
import { MeldcodeInputError } from '../src/index.js';
import { listMutants, mutateFramework } from '../src/testing/index.js';
import { thrown } from './support/throws.js';

const src = { document: '001_dcbf0a2973853468.txt', section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader' };
/** basismodel with one rule of its own: with a suspicion and child signals, consult the school doctor. */
const framework = extendFramework('basismodel', {
  id: 'zwak-getest',
  version: '1.0.0',
  name: { nl: 'Zwak getest', en: 'Weakly tested' },
  rules: {
    id: 'zwak-getest',
    rules: [
      {
        id: 'schoolarts-raadplegen',
        priority: 25,
        conditions: { all: [{ condition: 'suspicion-yes' }, { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true }] },
        event: { type: 'action', params: { action: 'consult-school-doctor' } },
        explanation: { nl: 'Raadpleeg de jeugdarts.', en: 'Consult the youth doctor.' },
        source: src,
      },
    ],
  },
});
const own = (id: string) => id.startsWith('zwak-getest/');
const pinning = { id: 'kindsignalen', case: { considerations: { suspicion: true, childSignals: true } }, expect: { actions: ['consult-school-doctor', 'ask-veilig-thuis-advice', 'step-4-doubt-ask-veilig-thuis'] } };

describe('mutateFramework', () => {
  it('lists the mutants of the framework\u2019s own rule', () => {
    expect(listMutants(framework).map((m) => m.id).filter(own).sort()).toEqual([
      'zwak-getest/schoolarts-raadplegen/drop-condition@all.0',
      'zwak-getest/schoolarts-raadplegen/drop-condition@all.1',
      'zwak-getest/schoolarts-raadplegen/drop-rule',
      'zwak-getest/schoolarts-raadplegen/flip-value@all.1',
      'zwak-getest/schoolarts-raadplegen/swap-all-any',
      'zwak-getest/schoolarts-raadplegen/swap-operator@all.1',
    ]);
  });

  it('reports the survivors of golden cases that are too weak, with the rule id and the change', () => {
    const report = mutateFramework(framework, { only: listMutants(framework).map((m) => m.id).filter(own), numRuns: 5 });
    expect(report.total).toBe(6);
    const dropped = report.survivors.find((s) => s.mutant.kind === 'drop-rule');
    expect(dropped?.mutant).toMatchObject({ ruleId: 'schoolarts-raadplegen', file: 'zwak-getest', change: 'rule removed' });
    // The floor invariants do not see an action: every mutant of it survives, and the score says so.
    expect(report.survived).toBe(report.total - report.refused);
    expect(report.score).toBeLessThan(1);
  });

  it('a golden case that pins the action kills the mutants that change it', () => {
    const report = mutateFramework(framework, { only: listMutants(framework).map((m) => m.id).filter(own), golden: [pinning], numRuns: 10 });
    const status = Object.fromEntries(report.results.map((r) => [r.mutant.id.split('/').pop(), [r.status, r.by]]));
    expect(status['drop-rule']).toEqual(['killed', 'golden:kindsignalen']);
    expect(status['flip-value@all.1']).toEqual(['killed', 'golden:kindsignalen']);
    // Dropping "suspicion yes" still gives the action here: a second golden case would be needed.
    expect(status['drop-condition@all.0']![0]).toBe('survived');
  });

  it('counts a mutant listed as equivalent apart, with its reason', () => {
    const id = 'zwak-getest/schoolarts-raadplegen/drop-condition@all.0';
    const report = mutateFramework(framework, { only: [id], golden: [pinning], equivalent: [{ id, reason: 'test' }], invariants: false });
    expect(report).toMatchObject({ total: 1, equivalent: 1, survived: 0, score: 1 });
    expect(report.results[0]).toMatchObject({ status: 'equivalent', by: 'test' });
  });

  it('a golden case that fails on the unmutated framework is a typed error naming it', () => {
    const error = thrown(() => mutateFramework(framework, { golden: [{ ...pinning, expect: { outcome: 'close-and-record' } }] }));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect((error as MeldcodeInputError).issues[0]).toMatchObject({ code: 'golden-case-fails', path: ['golden', 0, 'kindsignalen'] });
  });

  it('runs a floor mutant in the pipeline: without the norm-1 rule the norm-1 invariant fails', () => {
    const id = 'afwegingskader/afweging-2-ja-norm-1/drop-rule';
    expect(listMutants('basismodel', ['floor']).map((m) => m.id)).toContain(id);
    const report = mutateFramework('basismodel', { targets: ['floor'], only: [id], numRuns: 10 });
    expect(report.results).toEqual([expect.objectContaining({ status: 'killed', by: expect.stringMatching(/^invariant:/) })]);
  });

  it('runs a module mutant in the pipeline: a golden case on the conversation plan kills it', () => {
    const id = 'consent/conversation-notice/drop-rule';
    expect(listMutants('basismodel', ['modules']).map((m) => m.id)).toContain(id);
    const golden = [{ id: 'melding', case: { considerations: { suspicion: true, unsafety: { acute: true } } }, expect: { 'conversation.mode': 'notice' } }];
    const report = mutateFramework('basismodel', { targets: ['modules'], only: [id], golden, invariants: false });
    expect(report.results).toEqual([expect.objectContaining({ status: 'killed', by: 'golden:melding' })]);
  });

  it('a mutant the framework check refuses is counted as refused', () => {
    // basismodel's FAQ 004 regime names the weapon as a threat to life: it must stay an acute indicator.
    const report = mutateFramework('basismodel', { only: ['framework/acute-weapon-use/change-indicator-kind'], invariants: false });
    expect(report).toMatchObject({ total: 1, refused: 1, score: 1 });
    expect(report.results[0]!.by).toBe('custom');
  });
});

describe('meldcode mutate', () => {
  it('prints the score and the survivors, and exits 3 while mutants survive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meldcode-mutate-'));
    const file = join(dir, 'zwak.json');
    writeFileSync(file, JSON.stringify(framework));
    let stdout = '';
    const io = { stdin: process.stdin, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } };
    const code = await runCli(['mutate', file, '--lang', 'en', '--runs', '5', '--sample', '3'], io);
    expect(code).toBe(3);
    expect(stdout).toMatch(/^meldcode mutate zwak-getest \(framework\): 3 mutants, /);
    expect(stdout).toContain('Survivors (rule, change):');
  });
});
