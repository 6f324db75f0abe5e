// holdingRuleIds: the compiled closures alone, no trail (what the bench times against the
// hand-written function) — the same rules, in the same order, as the trail's rules that held.
import { describe, expect, it } from 'vitest';
import { getFramework, listFrameworks } from '../src/index.js';
import { compileFramework } from '../src/frameworks/framework.js';
import { holdingRuleIds, runRules } from '../src/rules/compile.js';
import { loadExamples } from '../scripts/load-examples.js';

describe('holdingRuleIds', () => {
  const examples = loadExamples().map((e) => e.case as Record<string, unknown>);
  it.each(listFrameworks().map((f) => f.id))('%s: the ids of the rules that hold, as runRules lists them', (id) => {
    const compiled = compileFramework(getFramework(id)).rules;
    let held = 0;
    for (const c of examples) {
      const facts = { client: c.client, considerations: c.considerations };
      const ids = holdingRuleIds(compiled, facts);
      expect(ids).toEqual(runRules(compiled, facts, 'nl').filter((e) => e.outcome).map((e) => e.ruleId));
      held += ids.length;
    }
    expect(held).toBeGreaterThan(examples.length);
  });
});
