// The weighing of a client's objection (issue 15 item 4: the consent module's objection rules,
// which the mutation analysis found pinned by no case). Each case of test/mutants/advice.ts is
// evaluated here as a test, from its source: FAQ 004 "Wat als de cliënt bezwaren heeft?", "Bespreek
// ik dat ik ga melden met de cliënt?", "Toepassen", and 000 Bijlage 1b Stap 5 "Melden en bespreken
// met de cliënt" (see weighingGolden's comment).
import { describe, expect, it } from 'vitest';
import { evaluate, getFramework, listFrameworks } from '../src/index.js';
import { decisionView } from '../src/testing/index.js';
import { consentTrailGolden, faq004WeighingGolden, weighingGolden } from './mutants/advice.js';
import type { FrameworkId } from '../src/authoring/ids.js';

// Every shipped framework; those not under FAQ 004's exception regime weigh the objection.
const ids = listFrameworks().map((f) => f.id);
const weighing = ids.filter((id) => getFramework(id).objectionRegime?.regime !== 'faq-004');

const view = (framework: FrameworkId, c: unknown) => decisionView(evaluate(c as never, { framework, evaluationDate: '2026-11-23' }));

describe.each(weighing)('%s: an objection is weighed', (framework) => {
  it("the framework does not use FAQ 004's exception regime", () => expect(getFramework(framework).objectionRegime?.regime ?? 'weighing').toBe('weighing'));

  it.each(weighingGolden(framework).map((g) => [g.id.split('/').at(-1)!, g] as const))('%s', (_, g) => {
    const v = view(framework, g.case);
    for (const [key, value] of Object.entries(g.expect)) expect(v[key], key).toEqual(value);
  });

  it('protection prevailing or not decides the objection, and only with afweging 2 answered', () => {
    const byId = Object.fromEntries(weighingGolden(framework).map((g) => [g.id.split('/').at(-1)!, view(framework, g.case)]));
    expect(byId.prevails!['conversation.objection']).not.toBe(byId['protection-prevails']!['conversation.objection']);
    expect(byId['unsafety-open']!['conversation.objection']).toBe('open');
    // With norm 1 the objection does not set the report aside; weighing it heavier sends the professional to Veilig Thuis.
    expect(byId['norm-1-weighed']!.actions).toContain('ask-veilig-thuis-advice');
    expect(byId['norm-1']!.actions).not.toContain('ask-veilig-thuis-advice');
  });
});

describe.each(ids)('%s: one objection status per case', (framework) => {
  it.each(weighingGolden(framework).map((g) => [g.id.split('/').at(-1)!, g] as const))('%s: exactly one objection rule holds, the one the status names', (_, g) => {
    const d = evaluate(g.case as never, { framework, evaluationDate: '2026-11-23' });
    const held = d.trail.filter((e) => e.module === 'consent' && e.outcome && e.effect.type === 'objection');
    expect(held).toHaveLength(1);
    expect((held[0]!.effect as { params: { status: string } }).params.status).toBe(d.conversation!.objection.status);
  });
});

describe('basismodel (FAQ 004): the weighing answer decides nothing, the exception is asked', () => {
  it.each(faq004WeighingGolden.map((g) => [g.id.split('/').at(-1)!, g] as const))('%s', (_, g) => {
    expect(view('basismodel', g.case)['conversation.objection']).toBe('open');
  });
});

describe.each(['basismodel', 'sociaal-domein'] as const)('%s: the consent rules that hold (test/mutants/advice.ts consentTrailGolden)', (framework) => {
  const consentTrail = (c: unknown) => evaluate(c as never, { framework, evaluationDate: '2026-11-23' }).trail.filter((e) => e.outcome && e.module === 'consent').map((e) => e.ruleId);
  it.each(consentTrailGolden(framework).map((g) => [g.id.split('/').at(-1)!, g] as const))('%s', (_, g) => {
    const v = view(framework, g.case);
    for (const [key, value] of Object.entries(g.expect)) expect(key === 'trail.consent' ? consentTrail(g.case) : v[key], key).toEqual(value);
  });
  it('FAQ 004 rules hold only under its regime, and only for an objection that stands', () => {
    for (const g of consentTrailGolden(framework)) {
      const trail = g.expect['trail.consent'] as string[];
      const faq = trail.filter((id) => id.startsWith('faq-004-') || id.startsWith('considered-objection'));
      if (framework !== 'basismodel' || (g.case as { objection?: { raised?: boolean } }).objection?.raised !== true) expect(faq, g.id).toEqual([]);
    }
  });
});
