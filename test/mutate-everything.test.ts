// Issue 10, item 1: nothing a caller does to what the library exports or returns can bend a later
// decision. Every export of every entry point, and the result of every exported function, is
// vandalised as hard as plain JavaScript allows (every property overwritten and deleted, arrays
// emptied, prototypes swapped, Maps and Sets cleared); then, in the same process, every probe must
// give byte-for-byte what it gave before, and the floor's property tests must still hold.
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as consent from '../src/consent/index.js';
import * as kindcheck from '../src/kindcheck/index.js';
import * as fhir from '../src/fhir/index.js';
import * as basismodelEntry from '../src/frameworks/basismodel/index.js';
import * as sociaalDomeinEntry from '../src/frameworks/sociaal-domein/index.js';
import * as onderwijsEntry from '../src/frameworks/onderwijs/index.js';
import * as artsenEntry from '../src/frameworks/artsen/index.js';
import * as paramediciEntry from '../src/frameworks/paramedici/index.js';
import * as kinderopvangEntry from '../src/frameworks/kinderopvang/index.js';
import * as testing from '../src/testing/index.js';
import { loadExamples } from '../scripts/load-examples.js';
import type { CaseInput } from '../src/index.js';

const DATE = '2026-11-23';
const SHIPPED = ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen', 'paramedici', 'kinderopvang'] as const;
const entryPoints: Record<string, Record<string, unknown>> = {
  meldcode: core,
  'meldcode/consent': consent,
  'meldcode/kindcheck': kindcheck,
  'meldcode/fhir': fhir,
  'meldcode/frameworks/basismodel': basismodelEntry,
  'meldcode/frameworks/sociaal-domein': sociaalDomeinEntry,
  'meldcode/frameworks/onderwijs': onderwijsEntry,
  'meldcode/frameworks/artsen': artsenEntry,
  'meldcode/frameworks/paramedici': paramediciEntry,
  'meldcode/frameworks/kinderopvang': kinderopvangEntry,
  'meldcode/testing': testing,
};

const attempt = (f: () => unknown) => {
  try {
    f();
  } catch {
    // A frozen object refuses in strict mode: exactly what we want.
  }
};

/** Overwrites, deletes and empties everything reachable from `root`, children first. */
function vandalise(root: unknown, seen = new Set<object>()): void {
  if (root === null || typeof root !== 'object' || seen.has(root)) return;
  seen.add(root);
  const target = root as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(target)) {
    const d = Object.getOwnPropertyDescriptor(target, key);
    if (d && 'value' in d) vandalise(d.value, seen);
  }
  if (root instanceof Map || root instanceof Set) {
    for (const v of root.values()) vandalise(v, seen);
    attempt(() => root.clear());
  }
  if (Array.isArray(root)) {
    attempt(() => root.reverse());
    attempt(() => root.push('vandal'));
    attempt(() => (root.length = 0));
  }
  for (const key of Reflect.ownKeys(target)) {
    attempt(() => (target[key] = 'vandal'));
    attempt(() => delete target[key]);
  }
  attempt(() => (target.vandal = true));
  attempt(() => Object.setPrototypeOf(target, null));
}

const examples = loadExamples().map((e) => e.case as CaseInput);
const adultCase: CaseInput = { client: { age: 34, caresForMinor: true }, considerations: { suspicion: true, unsafety: { structural: true } } };
// A fresh copy per call: a result may hand the caller's own input back, which is theirs to change.
const adult = (): CaseInput => structuredClone(adultCase);

/** What the library gives for a fixed set of questions: compared before and after the vandalism. */
function probes(): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, f: () => unknown) => {
    try {
      out[name] = JSON.stringify(f());
    } catch (error) {
      out[name] = `throws ${(error as Error).name}: ${(error as Error).message}`;
    }
  };
  for (const framework of SHIPPED) {
    examples.forEach((c, i) => put(`evaluate ${framework} example ${i}`, () => core.evaluate(c, { framework, evaluationDate: DATE })));
    put(`getFramework ${framework}`, () => core.getFramework(framework));
    put(`listQuestions ${framework}`, () => core.listQuestions(framework));
    put(`nextQuestions ${framework}`, () => core.nextQuestions(adultCase, framework));
    put(`toMermaid ${framework}`, () => core.toMermaid(core.getFramework(framework)));
    put(`stepRequirements ${framework}`, () => core.stepRequirements(core.getFramework(framework)));
    put(`toQuestionnaire ${framework}`, () => fhir.toQuestionnaire(framework));
  }
  put('listFrameworks', () => core.listFrameworks());
  put('sourceCatalogue', () => core.sourceCatalogue());
  put('frameworkJsonSchema', () => core.frameworkJsonSchema());
  put('consentRuleFile', () => consent.consentRuleFile());
  put('consentQuestionCatalogue', () => consent.consentQuestionCatalogue());
  put('evaluateConsent', () => consent.evaluateConsent({ client: { age: 14 }, considerations: { suspicion: true, unsafety: { acute: true } } } as never));
  put('evaluateKindcheck', () => kindcheck.evaluateKindcheck({ client: { age: 34, caresForMinor: true }, kindcheck: { parentSignals: true, childrenCount: 2 } } as never));
  put('safeEvaluate junk', () => core.safeEvaluate({ considerations: { suspicion: 'ja' } }));
  // A card's uuid is new on every call (CDS Hooks): everything else must be the same.
  put('card', () => ({ ...fhir.toCdsHooksCard(core.evaluate(adultCase, { evaluationDate: DATE })), uuid: undefined }));
  put('guidance', () => fhir.toGuidanceResponse(core.evaluate(adultCase, { evaluationDate: DATE })));
  put('format', () => core.formatDecision(core.evaluate(adultCase, { evaluationDate: DATE })));
  // The exported constants themselves: vandalising them must have changed nothing.
  for (const [entry, module] of Object.entries(entryPoints)) {
    for (const [name, value] of Object.entries(module)) {
      if (value !== null && typeof value === 'object') put(`${entry} export ${name}`, () => value);
    }
  }
  return out;
}

/** Calls every exported function with a plausible argument and vandalises what it returns. */
const calls: Record<string, () => unknown> = {
  evaluate: () => core.evaluate(adult(), { evaluationDate: DATE }),
  evaluateWith: () => core.evaluateWith(core.getFramework('artsen'), adult(), { evaluationDate: DATE }),
  safeEvaluate: () => core.safeEvaluate(adult(), { evaluationDate: DATE }),
  safeEvaluateWith: () => core.safeEvaluateWith(core.getFramework('onderwijs'), adult(), { evaluationDate: DATE }),
  parseCase: () => core.parseCase(adult()),
  getFramework: () => SHIPPED.map((id) => core.getFramework(id)),
  listFrameworks: () => core.listFrameworks(),
  sourceCatalogue: () => core.sourceCatalogue(),
  frameworkJsonSchema: () => core.frameworkJsonSchema(),
  listQuestions: () => SHIPPED.map((id) => core.listQuestions(id)),
  nextQuestions: () => core.nextQuestions(adult()),
  stepRequirements: () => core.stepRequirements(core.getFramework('basismodel')),
  defineFramework: () => core.defineFramework(basismodelEntry.basismodel),
  extendFramework: () => core.extendFramework('basismodel', { id: 'eigen', version: '1.0.0', name: { nl: 'Eigen', en: 'Own' } }),
  validateFramework: () => core.validateFramework(artsenEntry.artsen),
  evaluateKindcheck: () => core.evaluateKindcheck({ client: { age: 34, caresForMinor: true }, kindcheck: { parentSignals: true, childrenCount: 2 } } as never),
  evaluateScope: () => core.evaluateScope({}),
  evaluateSteps: () => core.evaluateSteps({}),
  evaluateRecordKeeping: () => core.evaluateRecordKeeping({ outcome: 'report', helpAlongside: true }),
  consentRuleFile: () => consent.consentRuleFile(),
  consentQuestionCatalogue: () => consent.consentQuestionCatalogue(),
  evaluateConsent: () => consent.evaluateConsent({ client: { age: 14 } } as never),
  safeEvaluateConsent: () => consent.safeEvaluateConsent({ client: { age: 17 } }),
  ageIssues: () => consent.ageIssues({ age: 14 } as never, DATE),
  toQuestionnaire: () => SHIPPED.map((id) => fhir.toQuestionnaire(id)),
  toCdsHooksCard: () => fhir.toCdsHooksCard(core.evaluate(adult(), { evaluationDate: DATE })),
  toGuidanceResponse: () => fhir.toGuidanceResponse(core.evaluate(adult(), { evaluationDate: DATE })),
  caseArbitrary: () => testing.caseArbitrary('basismodel'),
  fullCaseArbitrary: () => testing.fullCaseArbitrary('basismodel'),
  unsafetyArbitrary: () => testing.unsafetyArbitrary('basismodel'),
  checkFramework: () => testing.checkFramework('basismodel', { numRuns: 5, seed: 1 }),
  withoutContradictions: () => testing.withoutContradictions(adult(), 'basismodel'),
  decisionView: () => testing.decisionView(core.evaluate(adult(), { evaluationDate: DATE })),
  conformanceResources: () => fhir.conformanceResources(),
  nextQuestion: () => fhir.nextQuestion({ resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: fhir.toQuestionnaire('basismodel').url, item: [] } as never, core.evaluate(adult(), { evaluationDate: DATE })),
  listMutants: () => testing.listMutants('basismodel'),
  mutateFramework: () => testing.mutateFramework('basismodel', { only: [testing.listMutants('basismodel')[0]!.id], invariants: false }),
  invariantChecks: () => testing.invariantChecks(core.getFramework('basismodel')),
  setAnswer: () => core.setAnswer(adult(), 'considerations.help.canOffer', true),
  verifyReceipt: () => core.verifyReceipt(core.evaluate(adult(), { evaluationDate: DATE }), adult()),
  diffFrameworks: () => testing.diffFrameworks('basismodel', 'artsen', { numRuns: 5, seed: 1, maxDifferences: 1 }),
};

/** Exports whose results are strings, numbers, booleans or fresh errors: nothing to vandalise. */
const returnsNothingShared = new Set([
  'formatDecision', 'formatSource', 'sourceTitle', 'toMermaid', 'todayInAmsterdam', 'isQuestionEnabled',
  'ageBand', 'ageBandOn', 'ageInYears', 'questionnaireUrl', 'reversedKeys', 'withSignal', 'isMeldcodeError', 'hasFramework',
  'assertFramework', 'evaluateReference', 'evaluateWithReference', 'checkAgainstReference',
  'fromQuestionnaireResponse',
  'MeldcodeInputError', 'MeldcodeFrameworkError',
]);

describe('vandalising every export and every returned object changes nothing later', () => {
  const before = probes();

  it('every exported function is called, or listed as returning nothing shared', () => {
    const uncovered = Object.values(entryPoints)
      .flatMap((module) => Object.entries(module))
      .filter(([name, value]) => typeof value === 'function' && !(name in calls) && !returnsNothingShared.has(name))
      .map(([name]) => name);
    expect(uncovered).toEqual([]);
  });

  it('after the vandalism every probe gives what it gave before', () => {
    // The values, not the module namespaces: a real ESM namespace is sealed (vitest's is not).
    for (const module of Object.values(entryPoints)) for (const value of Object.values(module)) vandalise(value);
    for (const call of Object.values(calls)) vandalise(call());
    for (const framework of SHIPPED) {
      vandalise(core.evaluate(adultCase, { framework, evaluationDate: DATE }));
      // An example may use indicators another framework does not know: its typed error is its probe.
      for (const c of examples) vandalise(core.safeEvaluate(structuredClone(c), { framework, evaluationDate: DATE }));
    }
    const after = probes();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    // The first difference of each changed probe, to find what was shared.
    const firstDifference = (a = '', b = '') => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return `…${a.slice(Math.max(0, i - 80), i + 40)} ⇒ …${b.slice(Math.max(0, i - 80), i + 40)}`;
    };
    expect(changed.map((k) => `${k}: ${firstDifference(before[k], after[k])}`)).toEqual([]);
  });

  it('and the floor’s property tests still hold for every shipped framework, in the same process', () => {
    for (const framework of SHIPPED) {
      const result = testing.checkFramework(framework, { numRuns: 25, seed: 20261201 });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });
});
