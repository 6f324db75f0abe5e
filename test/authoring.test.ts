// Authoring: defineFramework, validateFramework, extendFramework, the legal-floor check and
// the JSON Schema of the framework file format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defineFramework,
  evaluate,
  extendFramework,
  frameworkJsonSchema,
  getFramework,
  MeldcodeFrameworkError,
  MeldcodeInputError,
  stepRequirements,
  validateFramework,
} from '../src/index.js';
import type { Framework, FrameworkInput } from '../src/frameworks/framework.js';
import { root } from '../scripts/framework-docs.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const src = { document: '001_dcbf0a2973853468.txt', section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader' };
const base = (): FrameworkInput => structuredClone(getFramework('basismodel')) as FrameworkInput;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures of any shape
const rule = (id: string, event: unknown, conditions: unknown = { all: [{ condition: 'suspicion-yes' }] }): any => ({
  id,
  conditions,
  event,
  explanation: { nl: 'uitleg bij de regel', en: 'explanation of the rule' },
  source: src,
});
const withRules = (...rules: unknown[]) => ({ ...base(), id: 'test', rules: { id: 'test', rules } }) as FrameworkInput;
const issuesOf = (json: unknown) => {
  const r = validateFramework(json);
  return r.ok ? [] : r.issues;
};
const messages = (json: unknown) => issuesOf(json).map((i) => `${i.code} ${i.path.join('.')} ${i.message.en}`);

describe('validateFramework / defineFramework', () => {
  it('accepts every shipped framework', () => {
    for (const id of ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen'] as const) expect(validateFramework(getFramework(id)).ok).toBe(true);
  });

  it('lists every schema problem with its path, in nl and en', () => {
    const bad = { ...base(), version: 'one', role: 'teacher', indicators: [{ ...base().indicators[0], code: 'Not Kebab' }], extra: 1 };
    const issues = issuesOf(bad);
    const paths = issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['version', 'role', 'indicators.0.code', 'extra']));
    for (const i of issues) expect(i.message.nl && i.message.en).toBeTruthy();
  });

  it('rejects a role a step names but no one declared, and decidedBy outside step 5', () => {
    const bad = { ...base(), steps: [{ step: 4, decidedBy: ['directeur'] }] };
    const paths = issuesOf(bad).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['steps.0.decidedBy.0', 'steps.0.decidedBy']));
  });

  it('rejects rules that do not compile (an unknown named condition)', () => {
    expect(messages(withRules(rule('x', { type: 'action', params: { action: 'x' } }, { all: [{ condition: 'nope' }] })))).toEqual([
      expect.stringContaining('rules-do-not-compile'),
    ]);
  });

  it('defineFramework throws MeldcodeFrameworkError and never changes its input', () => {
    const input = withRules(rule('sluit', { type: 'close', params: { reason: 'no-suspicion' } }));
    const copy = structuredClone(input);
    expect(() => defineFramework(input)).toThrow(MeldcodeFrameworkError);
    expect(input).toEqual(copy);
    const ok = base();
    const frozen = structuredClone(ok);
    expect(defineFramework(ok)).not.toBe(ok);
    expect(ok).toEqual(frozen);
  });
});

describe('the legal floor cannot be removed or weakened (the error names the floor rule)', () => {
  it.each([
    ['replacing a floor rule', withRules(rule('afweging-2-ja-norm-1', { type: 'report', params: { consideration: 2 } })), 'afweging-2-ja-norm-1'],
    ['a rule that closes the meldcode', withRules(rule('sluit-af', { type: 'close', params: { reason: 'no-suspicion' } })), 'afweging-1-nee'],
    ['a rule that closes the help', withRules(rule('klaar', { type: 'help', params: { stage: 'close-with-agreements' } })), 'afweging-5-ja'],
    ['a rule that answers consideration 2 with no', withRules(rule('geen-onveiligheid', { type: 'consideration', params: { consideration: 2, answer: 'no' } })), 'afweging-2-ja-norm-1'],
    ['a rule that answers consideration 4', withRules(rule('aanvaard', { type: 'consideration', params: { consideration: 4, answer: 'yes' } })), 'afweging-4-nee'],
    ['a rule that claims floor status', withRules({ ...rule('mijn-regel', { type: 'note', params: { note: 'x' } }), floor: true }), 'afweging-2-ja-norm-1'],
    // Found by the issue 10 fuzz: a report under "no suspicion" contradicted afweging 1 ("Nee: … afsluiten").
    ['a rule that reports without a suspicion', withRules(rule('meld-zonder-vermoeden', { type: 'report', params: { consideration: 2 } }, { all: [{ condition: 'suspicion-no' }] })), 'afweging-1-nee'],
    ['a rule that reports on any branch without a suspicion', withRules(rule('meld-of', { type: 'report', params: { consideration: 2 } }, { any: [{ condition: 'suspicion-yes' }, { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true }] })), 'afweging-1-nee'],
  ])('%s', (_, json, floorRule) => {
    const issues = issuesOf(json);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.message.en).join(' ')).toContain(`"${floorRule}"`);
    expect(issues.map((i) => i.message.nl).join(' ')).toContain(floorRule);
    expect(issues[0]!.path[0]).toBe('rules');
  });

  it('replacing a floor condition is rejected with the condition named', () => {
    const json = { ...withRules(rule('x', { type: 'note', params: { note: 'x' } })), rules: { id: 'test', conditions: { 'route-norm-1': { all: [{ condition: 'suspicion-no' }] } }, rules: [rule('x', { type: 'note', params: { note: 'x' } })] } };
    expect(messages(json)).toEqual([expect.stringContaining('"route-norm-1"')]);
  });

  it('a framework without acute or structural indicators is rejected, naming the floor rule that reads them', () => {
    const json = { ...base(), indicators: base().indicators.filter((i) => i.kind !== 'structural') };
    expect(messages(json).join()).toContain('afweging-2-ja-norm-1');
  });

  it('an indicator code that shadows a floor parent factor is rejected', () => {
    const json = { ...base(), indicators: [...base().indicators, { ...base().indicators[0]!, code: 'parent-intoxication' }] };
    expect(messages(json).join()).toContain('duplicate-indicator');
  });

  it('a floor step requirement can be made stricter, never weaker', () => {
    const stricter = { ...base(), id: 'strenger', steps: [{ step: 2, requirements: [{ id: 'advies-veilig-thuis', level: 'required', text: { nl: 'altijd advies', en: 'always advice' }, source: src }] }] };
    expect(validateFramework(stricter).ok).toBe(true);
    expect(stepRequirements(defineFramework(stricter as FrameworkInput)).find((r) => r.id === 'advies-veilig-thuis')!.level).toBe('required');
    const weaker = { ...base(), steps: [{ step: 2, requirements: [{ id: 'collegiale-consultatie', level: 'where-needed', text: { nl: 'zo nodig', en: 'where needed' }, source: src }] }] };
    expect(messages(weaker)).toEqual([expect.stringMatching(/floor-requirement-weakened steps\.0\.requirements\.0\.level .*"collegiale-consultatie"/)]);
    const moved = { ...base(), steps: [{ step: 5, requirements: [{ id: 'collegiale-consultatie', level: 'required', text: { nl: 'x', en: 'x' }, source: src }] }] };
    expect(messages(moved).join()).toContain('collegiale-consultatie');
  });

  it('evaluate() rejects a weakening framework document the same way', () => {
    const error = thrown(() => evaluate({}, { ...DATE, framework: withRules(rule('sluit-af', { type: 'close', params: { reason: 'no-suspicion' } })) }));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect((error as MeldcodeInputError).issues.map((i) => i.message.en).join()).toContain('afweging-1-nee');
  });

  it('a framework may add rules that report, ask or act', () => {
    const fw = defineFramework(withRules(rule('meld-ook', { type: 'report', params: { consideration: 2 } }, { all: [{ condition: 'suspicion-yes' }, { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true }] })));
    const d = evaluate({ considerations: { suspicion: true, childSignals: true } }, { ...DATE, framework: fw });
    expect(d.report.rules).toContain('meld-ook');
  });
});

describe('extendFramework (organisation tailoring)', () => {
  const changes = {
    id: 'sociaal-domein-wijkteam',
    version: '1.0.0',
    name: { nl: 'Meldcode wijkteam', en: 'Neighbourhood team meldcode' },
    publishers: ['Wijkteam Oost'],
    roles: [
      { id: 'teamleider', name: { nl: 'Teamleider', en: 'Team leader' } },
      { id: 'gedragswetenschapper', name: { nl: 'Gedragswetenschapper', en: 'Behavioural scientist' } },
    ],
    steps: [
      { step: 1, takenBy: ['beroepskracht'] },
      {
        step: 2,
        requirements: [{ id: 'advies-veilig-thuis', level: 'required' as const, text: { nl: 'Vraag altijd advies aan Veilig Thuis.', en: 'Always ask Veilig Thuis for advice.' }, source: src }],
      },
      { step: 5, decidedBy: ['teamleider'] },
    ],
    designatedOfficer: { role: 'gedragswetenschapper', source: src },
    indicators: [{ code: 'wijk-huisverbod-afgelopen', kind: 'acute' as const, text: { nl: 'Een huisverbod loopt af zonder veiligheidsplan', en: 'A restraining order ends without a safety plan' }, source: src }],
  };

  it('adds roles, who decides in step 5, the designated officer, indicators and a stricter requirement', () => {
    const before = structuredClone(getFramework('sociaal-domein'));
    const fw: Framework = extendFramework('sociaal-domein', changes);
    expect(fw.extends).toEqual({ id: 'sociaal-domein', version: '1.0.0' });
    expect(fw.steps!.find((s) => s.step === 5)!.decidedBy).toEqual(['teamleider']);
    expect(fw.steps!.find((s) => s.step === 5)!.takenBy).toEqual(['beroepskracht']);
    expect(fw.designatedOfficer!.role).toBe('gedragswetenschapper');
    expect(fw.indicators).toHaveLength(getFramework('sociaal-domein').indicators.length + 1);
    expect(fw.examples).toHaveLength(8);
    expect(fw.publishers.at(-1)).toBe('Wijkteam Oost');
    expect(stepRequirements(fw).find((r) => r.id === 'advies-veilig-thuis')!.level).toBe('required');
    expect(getFramework('sociaal-domein')).toEqual(before);
    const d = evaluate({ considerations: { suspicion: true, indicators: { 'wijk-huisverbod-afgelopen': true } } }, { ...DATE, framework: fw });
    expect(d.report.norms).toEqual([1]);
    expect(d.receipt.framework.id).toBe('sociaal-domein-wijkteam');
  });

  it("cannot weaken the base's own step requirements (KNMG: Veilig Thuis advice always)", () => {
    const weaker = { id: 'huisartsenpraktijk', version: '1.0.0', name: { nl: 'Praktijk', en: 'Practice' }, steps: [{ step: 2, requirements: [{ id: 'advies-veilig-thuis', level: 'where-needed' as const, text: { nl: 'zo nodig', en: 'where needed' }, source: src }] }] };
    const error = (() => {
      try {
        extendFramework('artsen', weaker);
      } catch (e) {
        return e as MeldcodeFrameworkError;
      }
    })();
    expect(error).toBeInstanceOf(MeldcodeFrameworkError);
    expect(error!.issues[0]!.path).toEqual(['changes', 'steps', 0, 'requirements', 0, 'level']);
    expect(error!.issues[0]!.message.en).toContain('advies-veilig-thuis');
  });

  it("cannot replace the base's rules, nor the floor's", () => {
    const own = { id: 'school', version: '1.0.0', name: { nl: 'School', en: 'School' }, rules: { id: 'school', rules: [rule('onderwijs-bij-twijfel-melden', { type: 'note', params: { note: 'x' } })] } };
    expect(() => extendFramework('onderwijs', own)).toThrow(/belongs to "onderwijs"/);
    const floor = { ...own, rules: { id: 'school', rules: [rule('sluit', { type: 'close', params: { reason: 'no-suspicion' } })] } };
    expect(() => extendFramework('onderwijs', floor)).toThrow(/afweging-1-nee/);
  });

  it('names the path of a bad change, and an unknown base', () => {
    expect(() => extendFramework('sociaal-domein', { ...changes, steps: [{ step: 5, decidedBy: ['niemand'] }] })).toThrow(/steps\[\d\]\.decidedBy\[0\]/);
    // @ts-expect-error: not a shipped id (FrameworkId); refused at run time too
    expect(() => extendFramework('nope', changes)).toThrow(/unknown framework "nope"/);
    const bad = (() => {
      try {
        extendFramework('sociaal-domein', { ...changes, version: 'x' });
      } catch (e) {
        return e as MeldcodeFrameworkError;
      }
    })();
    expect(bad!.issues[0]!.path).toEqual(['changes', 'version']);
  });
});

describe('JSON Schema of the framework file format', () => {
  it('is generated from the zod schema and the committed schema/framework.schema.json is up to date', () => {
    const committed = JSON.parse(readFileSync(join(root, 'schema', 'framework.schema.json'), 'utf8'));
    expect(committed).toEqual(frameworkJsonSchema());
  });

  it('describes the fields a framework file has, for editor autocomplete', () => {
    const schema = frameworkJsonSchema() as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'indicators', 'steps', 'roles', 'designatedOfficer', 'consent', 'questionLabels', 'examples', 'openItems', 'rules']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'validFrom', 'name', 'publishers', 'role', 'source', 'indicators']));
    expect(schema.additionalProperties).toBe(false);
    // Every key a shipped framework file uses is one the schema describes ($schema included).
    for (const id of ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen']) {
      const file = JSON.parse(readFileSync(join(root, 'src', 'frameworks', id, `${id}.framework.json`), 'utf8'));
      expect(file.$schema).toBe('../../../schema/framework.schema.json');
      for (const key of Object.keys(file)) expect(Object.keys(schema.properties), `${id}: ${key}`).toContain(key);
    }
  });
});

describe('docs/writing-a-framework.md', () => {
  it('its worked example extends sociaal-domein, validates, evaluates and keeps the floor', async () => {
    const { checkFramework } = await import('../src/testing/index.js');
    const doc = readFileSync(join(root, 'docs', 'writing-a-framework.md'), 'utf8');
    const changes = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)![1]!);
    const fw = extendFramework('sociaal-domein', changes);
    expect(fw.id).toBe('sociaal-domein-wijkteam-oost');
    expect(fw.consent!.regime).toBe('jeugdwet-wgbo-12');
    expect(stepRequirements(fw).find((r) => r.id === 'advies-veilig-thuis')!.level).toBe('required');
    // Ruling C: the helping question alone asks afweging 2; the professional's answer decides.
    const asked = evaluate({ considerations: { suspicion: true, indicators: { 'structural-coercive-control': true } } }, { ...DATE, framework: fw });
    expect(asked.outcome).toBe('needs-input');
    expect(asked.nextQuestions.map((q) => q.id)).toContain('considerations.unsafety.structural');
    const d = evaluate({ considerations: { suspicion: true, unsafety: { structural: true }, indicators: { 'structural-coercive-control': true } } }, { ...DATE, framework: fw });
    expect(d.outcome).toBe('report');
    expect(d.receipt.framework.id).toBe('sociaal-domein-wijkteam-oost');
    expect(checkFramework(fw, { numRuns: 10, seed: 7, only: ['norm-1', 'no-suspicion'] })).toMatchObject({ ok: true });
  });
});

describe('questions a framework rule asks', () => {
  it('must exist in the question catalogue', () => {
    const asks = (id: string) => withRules(rule('vraag', { type: 'needs-input', params: { questions: [id] } }));
    expect(validateFramework(asks('considerations.childSignals')).ok).toBe(true);
    expect(validateFramework(asks('considerations.indicators.acute-weapon-use')).ok).toBe(true);
    expect(messages(asks('considerations.nietBestaand'))).toEqual([expect.stringMatching(/^unknown-question rules\.rules\.0\.event\.params\.questions\.0 /)]);
  });
});

describe('the receipt hash', () => {
  it('ignores $schema (an editor hint) but changes with any content', () => {
    const { $schema: _s, ...without } = structuredClone(getFramework('basismodel'));
    const hash = (fw: unknown) => evaluate({}, { ...DATE, framework: fw as FrameworkInput }).receipt.framework.sha256;
    expect(hash(without)).toBe(hash(getFramework('basismodel')));
    // A changed copy needs an id of its own (a shipped id with other content is refused).
    const own = { ...without, id: 'eigen' };
    expect(hash({ ...own, version: '1.0.1' })).not.toBe(hash(own));
  });
});
