// Whose consent is asked by age, and when step 2 is done (issue 15 item 4: consent and steps rules
// the mutation analysis found pinned by no case). The cases are test/mutants/advice.ts
// consentAgeGolden and stepTwoGolden, with their sources in the comments there.
import { describe, expect, it } from 'vitest';
import { evaluate, getFramework, listFrameworks } from '../src/index.js';
import { decisionView } from '../src/testing/index.js';
import { adviceRequiredInStepTwo, consentAgeGolden, stepRequirementGolden, stepTwoGolden } from './mutants/advice.js';
import type { FrameworkId } from '../src/authoring/ids.js';

const view = (framework: FrameworkId, c: unknown) => decisionView(evaluate(c as never, { framework, evaluationDate: '2026-11-23' }));
const ids = listFrameworks().map((f) => f.id);
// Veilig Thuis advice is required in step 2 by the KNMG and the APA (with no role given; docs/sources/paramedici.md).
const adviceRequired = adviceRequiredInStepTwo;

describe.each(ids)('%s', (framework) => {
  it.each(consentAgeGolden(getFramework(framework)).map((g) => [g.id.split('/').at(-1)!, g] as const))('consent at %s', (_, g) => {
    expect(view(framework, g.case)['conversation.consentFrom']).toEqual(g.expect['conversation.consentFrom']);
  });

  it.each(stepTwoGolden(getFramework(framework), adviceRequired(framework)).map((g) => [g.id.split('/').at(-1)!, g] as const))('step 2: %s', (_, g) => {
    expect(view(framework, g.case)['steps.open']).toEqual(g.expect['steps.open']);
  });
});

describe('the two consent regimes differ from 12 to 15 only', () => {
  it('sociaal-domein asks the client of 12 to 15, onderwijs the parents; both the parents under 12 and the client from 16', () => {
    const holder = (fw: FrameworkId, age: number) => view(fw, { client: { age } })['conversation.consentFrom'];
    for (const age of [12, 13, 14, 15]) expect([holder('sociaal-domein', age), holder('onderwijs', age)]).toEqual(['client', 'parents']);
    for (const fw of ['sociaal-domein', 'onderwijs'] as const) expect([holder(fw, 11), holder(fw, 16)]).toEqual(['parents', 'client']);
  });

  it('only artsen and paramedici keep step 2 open until Veilig Thuis is asked', () => {
    const open = (fw: FrameworkId) => view(fw, { steps: { colleagueConsulted: true } })['steps.open'] as number[];
    expect(ids.filter((fw) => open(fw).includes(2))).toEqual(['artsen', 'paramedici']);
  });
});

describe('each step-5 requirement is given as an action in its level (test/mutants/advice.ts stepRequirementGolden)', () => {
  it.each(['artsen', 'onderwijs', 'kinderopvang'].flatMap((fw) => stepRequirementGolden(fw).map((g) => [g.id.replace('advice/step-requirement/', ''), fw, g] as const)))('%s', (_, fw, g) => {
    const d = evaluate(g.case as never, { framework: fw as FrameworkId, evaluationDate: '2026-11-23' });
    for (const [key, text] of Object.entries(g.expect)) {
      expect(d.actions.find((a) => `action:${a.id}` === key)?.text, key).toBe(text);
      expect(text as string).not.toMatch(/zo nodig/);
    }
  });
});
