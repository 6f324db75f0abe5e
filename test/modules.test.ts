// The shipped rule and question files of every module. They are trusted at run time (not parsed
// again at import, for a small cold start), so this suite is where they are validated: each rule
// file against its module's schema, each question file against its format, and each rule file is
// deeply frozen so that nothing a caller does with a returned trail entry changes a later decision.
import { describe, expect, it } from 'vitest';
import { type RuleModule, moduleQuestionFileSchema, moduleRuleFileSchema } from '../src/case/module.js';
import { consentModule, consentQuestionCatalogue, consentRuleFile, getCompiledConsentRules } from '../src/consent/consent.js';
import consentQuestions from '../src/consent/consent.questions.json';
import { consentQuestionFileSchema } from '../src/consent/schema.js';
import { kindcheckModule, kindcheckQuestions } from '../src/kindcheck/kindcheck.js';
import kindcheckQuestionFile from '../src/kindcheck/kindcheck.questions.json';
import { recordsModule } from '../src/records/records.js';
import { getFramework, listFrameworks } from '../src/index.js';
import { floorFileSchemas, getFloor, parseFramework } from '../src/frameworks/framework.js';
import { questionFileSchemas } from '../src/questions/questions.js';
import type { BaseEffect } from '../src/rules/schema.js';
import { scopeModule, scopeQuestions } from '../src/scope/scope.js';
import scopeQuestionFile from '../src/scope/scope.questions.json';
import { stepsModule, stepsQuestions } from '../src/steps/steps.js';
import stepsQuestionFile from '../src/steps/steps.questions.json';

const modules = [
  ['kindcheck', kindcheckModule],
  ['scope', scopeModule],
  ['steps', stepsModule],
  ['records', recordsModule],
  ['consent', consentModule],
] as const satisfies readonly (readonly [string, RuleModule<BaseEffect>])[];

/** Every object and array in a value that is not frozen, by path. */
function unfrozen(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`))];
}

describe.each(modules)('the %s module', (id, module) => {
  it('its shipped rule file is valid against the module’s rule-file schema', () => {
    const parsed = moduleRuleFileSchema(module).safeParse(module.ruleFile);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    // What the library runs is what validation yields: the schema neither drops nor adds anything.
    expect(parsed.data).toEqual(module.ruleFile);
    expect(module.id).toBe(id);
    expect(module.ruleFile.id).toBe(id);
  });

  it('its rules compile, with unique rule ids', () => {
    const compiled = module.rules();
    expect(compiled.rules.size).toBe(module.ruleFile.rules.length);
    expect(module.rules()).toBe(compiled);
  });

  it('its rule file is deeply frozen', () => {
    expect(unfrozen(module.ruleFile)).toEqual([]);
  });
});

describe('the rule files cannot be changed at run time', () => {
  it('mutating the kindcheck rule file throws (strict mode)', () => {
    const rules = kindcheckModule.ruleFile.rules;
    const count = rules.length;
    expect(() => rules.push(rules[0]!)).toThrow(TypeError);
    expect(() => {
      (rules[0] as { id: string }).id = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (rules[0]!.event.params as Record<string, unknown>).extra = 1;
    }).toThrow(TypeError);
    expect(rules).toHaveLength(count);
    expect(rules[0]!.id).not.toBe('changed');
  });

  it('the consent rule file and compiled rules are the module’s', () => {
    expect(consentRuleFile()).toBe(consentModule.ruleFile);
    expect(getCompiledConsentRules()).toBe(consentModule.rules());
  });
});

describe('the shipped question files', () => {
  it.each([
    ['kindcheck', kindcheckQuestionFile, kindcheckQuestions],
    ['scope', scopeQuestionFile, scopeQuestions],
    ['steps', stepsQuestionFile, stepsQuestions],
  ] as const)('%s.questions.json is a valid module question file, and the module asks its questions in order', (_, file, questions) => {
    const parsed = moduleQuestionFileSchema.safeParse(file);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toEqual(file);
    expect([...questions.keys()]).toEqual(file.questions.map((q) => q.id));
  });

  it('consent.questions.json is a valid consent question file', () => {
    const parsed = consentQuestionFileSchema.safeParse(consentQuestions);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toEqual(consentQuestions);
    expect(consentQuestionCatalogue().length).toBeGreaterThan(0);
  });
});

describe('the shipped frameworks, the floor and the question catalogue are trusted only because they validate here', () => {
  it.each(listFrameworks().map((f) => f.id))('%s validates, keeps the floor and parses to itself', (id) => {
    const shipped = getFramework(id);
    expect(parseFramework(structuredClone(shipped))).toEqual(shipped);
    expect(unfrozen(shipped)).toEqual([]);
  });

  it('the floor files validate against their schemas and parse to themselves', () => {
    const floor = getFloor();
    expect(floorFileSchemas.rules().parse(floor.rules)).toEqual(floor.rules);
    expect(floorFileSchemas.indicators().parse(floor.indicators)).toEqual(floor.indicators);
    expect(floorFileSchemas.requirements().parse(floor.requirements)).toEqual(floor.requirements);
    expect(unfrozen(floor)).toEqual([]);
  });

  it('the catalogue question files and the branching validate and parse to themselves', () => {
    const { schema, files } = questionFileSchemas.files();
    for (const file of files) expect(schema.parse(file)).toEqual(file);
    const branching = questionFileSchemas.branching();
    expect(branching.schema.parse(branching.file)).toEqual(branching.file);
  });
});
