// Every fact a rule reads is asked by a question of the catalogue, or is a fact the library
// derives or a framework settles, listed below with its reason. A fact nothing asks is, in a
// questionnaire app, silently never answered: the rules then read it as unknown, which for a
// `notEqual true` or `known false` test is as good as "no".
import { describe, expect, it } from 'vitest';
import type { RuleModule } from '../src/case/module.js';
import { consentModule } from '../src/consent/consent.js';
import { getCompiledFramework } from '../src/frameworks/framework.js';
import { getFramework, listFrameworks } from '../src/index.js';
import { kindcheckModule } from '../src/kindcheck/kindcheck.js';
import { questionCatalogue } from '../src/questions/questions.js';
import { recordsModule } from '../src/records/records.js';
import type { BaseEffect, Condition, RuleFile } from '../src/rules/schema.js';
import { scopeModule } from '../src/scope/scope.js';
import { stepsModule } from '../src/steps/steps.js';
import type { FrameworkId } from '../src/authoring/ids.js';

/**
 * Facts the rules read that no question asks, because the library derives them or the framework
 * settles them. Each entry must be read by some rule (checked below), so the list cannot rot.
 */
const notAsked: Record<string, string> = {
  'derived.ageYears': 'the age in whole years on the evaluation date, computed from client.birthDate or client.age (src/case/age.ts)',
  'derived.ageBand': 'the age band (under 12, 12-15, 16-17, 18+) of derived.ageYears (src/case/age.ts)',
  'derived.veiligThuisAdviceRequired': 'a framework setting: its step requirements make Veilig Thuis advice required at step 2 (the physicians; pipeline)',
  'derived.verwijsindexNotForRole': 'the user\u2019s role (professional.role) is one for which the framework rules the Verwijsindex out (the KNMG\u2019s dentists; pipeline)',
  'derived.threatToLifeExample': 'an acute indicator the framework’s objection regime lists as a threat to life is answered yes (pipeline)',
  'unsafety.acuteOrStructural': 'afweging 2, settled by the afwegingskader’s rules (afweging-2-ja-norm-1 / afweging-2-nee) before the consent rules run (pipeline)',
  'settings.consentRegime': 'a framework setting: framework.consent.regime (whose consent counts from 12 or 16)',
  'settings.objectionRegime': 'a framework setting: framework.objectionRegime.regime (faq-004 or weighing)',
  'settings.objectionRegimeSettled': 'whether the framework names its objection regime at all (pipeline)',
  'decision.decided': 'record keeping: the settled outcome reports, helps or closes (decisionFacts in src/records/records.ts)',
  'decision.reports': 'record keeping: the settled outcome reports (decisionFacts)',
  'decision.helps': 'record keeping: the settled outcome offers or organises help (decisionFacts)',
  'decision.closes': 'record keeping: the settled outcome closes the meldcode (decisionFacts)',
  'decision.conversationSkipped': 'record keeping: the conversation about the report is skipped, from conversation.skipReason (decisionFacts)',
};

/** Every rule module the decision runs besides the framework (src/decision/pipeline.ts). */
const modules: readonly RuleModule<BaseEffect>[] = [scopeModule, consentModule, kindcheckModule, stepsModule, recordsModule];

/** One fact test: the dotted path it reads, and where. */
interface Read {
  path: string;
  where: string;
}

/** Named conditions by name: an engine's rule files share theirs (the floor reads the indicators' ones). */
type Named = ReadonlyMap<string, Condition>;

/**
 * The fact paths of every leaf of a condition: `{ fact: 'objection', path: 'seriousDanger' }` reads
 * `objection.seriousDanger`, a leaf without a path the fact itself. `anyTrue` reads one property
 * per listed key (`considerations.indicators` with codes: each `considerations.indicators.<code>`,
 * asked by that indicator's question). A named condition is followed to its definition.
 */
function leaves(condition: Condition, named: Named, where: string, seen: ReadonlySet<string> = new Set()): Read[] {
  if ('all' in condition) return condition.all.flatMap((c) => leaves(c, named, where, seen));
  if ('any' in condition) return condition.any.flatMap((c) => leaves(c, named, where, seen));
  if ('not' in condition) return leaves(condition.not, named, where, seen);
  if ('condition' in condition) {
    const definition = named.get(condition.condition);
    if (!definition) throw new Error(`${where}: named condition ${condition.condition} is not defined`);
    return seen.has(condition.condition) ? [] : leaves(definition, named, where, new Set(seen).add(condition.condition));
  }
  if (!('fact' in condition)) throw new Error(`${where}: unknown condition ${JSON.stringify(condition)}`);
  const base = condition.path ? `${condition.fact}.${condition.path}` : condition.fact;
  if (condition.operator === 'anyTrue') return condition.value.map((key) => ({ path: `${base}.${key}`, where }));
  return [{ path: base, where }];
}

/** The rule files of one engine: the framework's (floor, indicators, its own) or one module's. */
type Engine = readonly RuleFile<BaseEffect>[];

/** The named conditions of an engine, from all its files. */
const namedOf = (engine: Engine): Named => new Map(engine.flatMap((file) => Object.entries(file.conditions ?? {})));

/** Every fact read by every rule and every named condition of an engine. */
function reads(engine: Engine): Read[] {
  const named = namedOf(engine);
  return engine.flatMap((file) => [
    ...Object.entries(file.conditions ?? {}).flatMap(([name, c]) => leaves(c, named, `${file.id}: condition ${name}`)),
    ...file.rules.flatMap((rule) => leaves(rule.conditions, named, `${file.id}: ${rule.id}`)),
  ]);
}

/** The question ids rules ask for in their effects (`needs-input`, an open step). */
function askedFor(engine: Engine): Read[] {
  return engine.flatMap((file) =>
    file.rules.flatMap((rule) => {
      const questions = (rule.event.params as { questions?: unknown }).questions;
      return Array.isArray(questions) ? questions.map((path: string) => ({ path, where: `${file.id}: ${rule.id}` })) : [];
    }),
  );
}

const frameworks = listFrameworks().map((f) => f.id);

/** The engines a decision runs for a framework: the framework with the floor, then each module. */
function enginesOf(id: FrameworkId) {
  const compiled = getCompiledFramework(getFramework(id));
  const framework: Engine = compiled.ruleFiles as Engine;
  return { compiled, framework, engines: [framework, ...modules.map((m): Engine => [m.ruleFile])] };
}

/** The reads that are neither a question of the catalogue nor on the list, with where they are read. */
function unasked(list: readonly Read[], catalogue: ReadonlyMap<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { path, where } of list) {
    if (catalogue.has(path) || path in notAsked) continue;
    const places = (out[path] ??= []);
    if (!places.includes(where)) places.push(where);
  }
  return out;
}

describe.each(frameworks)('the facts the rules of %s read', (id) => {
  const { compiled, framework, engines } = enginesOf(id);
  const catalogue = questionCatalogue(compiled);
  const read = engines.flatMap(reads);

  it('are found: every rule reads at least one fact (named conditions followed)', () => {
    const withoutFacts = engines.flatMap((engine) => {
      const named = namedOf(engine);
      return engine.flatMap((file) => file.rules.filter((rule) => leaves(rule.conditions, named, rule.id).length === 0).map((rule) => `${file.id}: ${rule.id}`));
    });
    expect(withoutFacts).toEqual([]);
  });

  it('each have a question in the catalogue, or are derived or settled (the list above)', () => {
    expect(unasked(read, catalogue)).toEqual({});
  });

  it('each question a rule asks for is in the catalogue, or derived or settled', () => {
    expect(unasked(engines.flatMap(askedFor), catalogue)).toEqual({});
  });

  it('of the framework are the client, the considerations and the user\u2019s role: the pipeline passes its rules nothing else', () => {
    const roots = new Set(reads(framework).map((r) => r.path.split('.')[0]));
    expect([...roots].filter((r) => r !== 'client' && r !== 'considerations' && r !== 'professional')).toEqual([]);
  });

  it('on the list are not also asked by a question (the list holds only what nothing asks)', () => {
    expect(Object.keys(notAsked).filter((path) => catalogue.has(path))).toEqual([]);
  });
});

describe('the list of derived and settled facts', () => {
  it('holds only facts some rule reads, each with its reason', () => {
    const read = new Set(frameworks.flatMap((id) => enginesOf(id).engines.flatMap(reads).map((r) => r.path)));
    expect(Object.keys(notAsked).filter((path) => !read.has(path))).toEqual([]);
    for (const reason of Object.values(notAsked)) expect(reason.length).toBeGreaterThan(20);
  });
});
