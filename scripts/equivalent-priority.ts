// Proves change-priority mutants equivalent (issue 15 item 4), or says it cannot.
//
// A rule's priority decides only where it stands in its module's run: rules do not chain (each is
// tested on the same facts, src/rules/compile.ts), and the trail lists them by priority, then by
// rule-file order. Moving rule R to the next priority changes its place relative to some rules Q
// only. If R and each such Q can never hold on the same case, the rules that hold come in the same
// order, so every decision and every held trail entry is the same: the mutant is equivalent.
// (A floor rule's trail entry also stands there when it does not hold: that entry moves among the
// floor entries of the same consideration's priority; no decision reads that place.)
//
// "Never hold together" is proved, not sampled: both conditions (named conditions written out,
// `not` pushed inward) are put in disjunctive normal form, and every pair of terms must contain
// tests on one fact path that no value satisfies together. The values tried on a path are the
// constants its tests name, their neighbours, unknown (undefined), null, both booleans and a fresh
// value; for the operators allowed here (equal, notEqual, in, notIn, known and the four
// comparisons) that set has a witness whenever any value does. A path with another operator is
// never counted as a contradiction, so the proof can fail but never claims too much.
//
//   npx tsx scripts/equivalent-priority.ts            lists each change-priority survivor of
//                                                     docs/notes/issue-15-survivors.tsv: proved or not
//   npx tsx scripts/equivalent-priority.ts --write    proves the listed ones again (new reasons; dropped if no longer
//                                                     proved) and adds the newly proved ones to test/mutants/equivalent.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consentModule } from '../src/consent/consent.js';
import { compileFramework, getFloor, unsafetyIndicatorKinds } from '../src/frameworks/framework.js';
import { getFramework, listFrameworks } from '../src/frameworks/registry.js';
import { kindcheckModule } from '../src/kindcheck/kindcheck.js';
import { recordsModule } from '../src/records/records.js';
import { operatorImplementations } from '../src/rules/compile.js';
import type { BaseEffect, Condition, Rule, RuleFile } from '../src/rules/schema.js';
import { scopeModule } from '../src/scope/scope.js';
import { stepsModule } from '../src/steps/steps.js';

type AnyRule = Rule<BaseEffect>;
type AnyFile = RuleFile<BaseEffect>;

interface Literal {
  key: string;
  operator: string;
  value: unknown;
  negated: boolean;
}
type Term = Literal[];

const MAX_TERMS = 4096;
// Pairs of terms checked for two rules (the floor's unsafety conditions, written out, give some 20,000).
const MAX_PAIRS = 262_144;
const supported = new Set(['equal', 'notEqual', 'in', 'notIn', 'known', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** The condition in disjunctive normal form (each term a conjunction of literals); `null` past {@link MAX_TERMS}. */
function dnf(condition: Condition, named: ReadonlyMap<string, Condition>, positive = true): Term[] | null {
  if ('condition' in condition) {
    const inner = named.get(condition.condition);
    if (!inner) throw new Error(`unknown named condition ${condition.condition}`);
    return dnf(inner, named, positive);
  }
  if ('not' in condition) return dnf(condition.not, named, !positive);
  if ('all' in condition || 'any' in condition) {
    const children = ('all' in condition ? condition.all : condition.any).map((c) => dnf(c, named, positive));
    if (children.some((c) => c === null)) return null;
    const conjunction = 'all' in condition === positive;
    if (!conjunction) {
      const union = (children as Term[][]).flat();
      return union.length > MAX_TERMS ? null : union;
    }
    let product: Term[] = [[]];
    for (const child of children as Term[][]) {
      const next: Term[] = [];
      for (const a of product) for (const b of child) next.push([...a, ...b]);
      if (next.length > MAX_TERMS) return null;
      product = next;
    }
    return product;
  }
  const leaf = condition as { fact: string; path?: string; operator: string; value: unknown };
  // anyTrue(keys) holds when one of the keys is answered true (src/rules/compile.ts anyTrue): the any of those keys' `equal true`.
  if (leaf.operator === 'anyTrue' && Array.isArray(leaf.value) && leaf.value.every((k) => typeof k === 'string' && !k.includes('.'))) {
    const base = leaf.path ? `${leaf.path}.` : '';
    return dnf({ any: (leaf.value as string[]).map((k) => ({ fact: leaf.fact, path: `${base}${k}`, operator: 'equal', value: true })) } as Condition, named, positive);
  }
  return [[{ key: leaf.path ? `${leaf.fact}.${leaf.path}` : leaf.fact, operator: leaf.operator, value: leaf.value, negated: !positive }]];
}

/** The values tried for one fact path: see the header. */
function candidates(literals: Literal[]): unknown[] {
  const values: unknown[] = [undefined, null, true, false, 0, '', '\u0000fresh', {}, []];
  for (const l of literals) {
    const named = Array.isArray(l.value) ? l.value : [l.value];
    for (const v of named) {
      values.push(v);
      if (typeof v === 'number') values.push(v - 1, v - 0.5, v + 0.5, v + 1, String(v));
    }
  }
  return values;
}

const holds = (l: Literal, v: unknown) => (operatorImplementations[l.operator]!(v, l.value) === true) !== l.negated;

/**
 * What the pipeline guarantees of the facts one module's rules read, beyond the case schema (each
 * an `any` of alternatives, every alternative a conjunction; test/mutants-equivalent-priority.test.ts
 * checks each against the code that builds the facts):
 * - consent (src/decision/pipeline.ts, consentFacts): a framework's objection regime is given as
 *   settled, so `faq-004` is always settled; a threat-to-life example is only set from the
 *   faq-004 regime's `threatToLifeIndicators` (parseFramework refuses them under another regime);
 *   the age band is `ageBand(ageYears)` (src/case/age.ts).
 */
const leafOf = (fact: string, path: string, operator: string, value: unknown): Literal => ({ key: `${fact}.${path}`, operator, value, negated: false });
export const domainConstraints: Readonly<Record<string, readonly Term[][]>> = {
  consent: [
    [[leafOf('settings', 'objectionRegime', 'notEqual', 'faq-004')], [leafOf('settings', 'objectionRegimeSettled', 'equal', true)]],
    [[leafOf('derived', 'threatToLifeExample', 'notEqual', true)], [leafOf('settings', 'objectionRegime', 'equal', 'faq-004')]],
    [[leafOf('derived', 'ageBand', 'notEqual', 'under-12')], [leafOf('derived', 'ageYears', 'lessThan', 12)]],
    [[leafOf('derived', 'ageBand', 'notEqual', '12-15')], [leafOf('derived', 'ageYears', 'greaterThanInclusive', 12), leafOf('derived', 'ageYears', 'lessThan', 16)]],
    [[leafOf('derived', 'ageBand', 'notIn', ['16-17', 'adult'])], [leafOf('derived', 'ageYears', 'greaterThanInclusive', 16)]],
  ],
};

/**
 * What the case check guarantees of the floor's facts under one framework (src/frameworks/framework.ts
 * contradictionIssues): an indicator of acute, structural or disclosure unsafety answered yes while
 * that form of unsafety is answered no is refused, so every case the rules see has one or the other not so.
 */
export function indicatorConstraints(framework: Parameters<typeof unsafetyIndicatorKinds>[0]): Term[][] {
  return [...unsafetyIndicatorKinds(framework)].map(([code, kind]) => [[leafOf('considerations', `indicators.${code}`, 'notEqual', true)], [leafOf('considerations', `unsafety.${kind}`, 'notEqual', false)]]);
}

/** Whether the term contradicts itself under every alternative of the constraints: the fact paths that show it, or `undefined`. */
function contradictionUnder(term: Term, constraints: readonly Term[][]): string[] | undefined {
  const own = contradiction(term);
  if (own !== undefined) return [own];
  // A constraint on paths the term does not test cannot contradict it: it is left out (dropping a constraint only weakens the proof).
  const keys = new Set(term.map((l) => l.key));
  const relevant = constraints.filter((c) => c.some((alt) => alt.some((l) => keys.has(l.key))));
  if (relevant.length === 0) return undefined;
  const [first, ...rest] = relevant as [Term[], ...Term[][]];
  const paths: string[] = [];
  for (const alternative of first) {
    const found = contradictionUnder([...term, ...alternative], rest);
    if (found === undefined) return undefined;
    paths.push(...found);
  }
  return paths;
}

/** A fact path on which the literals of a term contradict each other, or `undefined`. */
function contradiction(term: Term): string | undefined {
  const byKey = new Map<string, Literal[]>();
  for (const l of term) byKey.set(l.key, [...(byKey.get(l.key) ?? []), l]);
  for (const [key, literals] of byKey) {
    if (literals.some((l) => !supported.has(l.operator))) continue;
    if (!candidates(literals).some((v) => literals.every((l) => holds(l, v)))) return key;
  }
  return undefined;
}

/** Whether two rules can never hold on the same facts; with the fact paths that exclude them. */
export function neverTogether(a: AnyRule, b: AnyRule, named: ReadonlyMap<string, Condition>, constraints: readonly Term[][] = []): { proved: boolean; paths: string[] } {
  const da = dnf(a.conditions, named);
  const db = dnf(b.conditions, named);
  if (!da || !db || da.length * db.length > MAX_PAIRS) return { proved: false, paths: [] };
  const paths = new Set<string>();
  for (const x of da) {
    for (const y of db) {
      const keys = contradictionUnder([...x, ...y], constraints);
      if (keys === undefined) return { proved: false, paths: [] };
      for (const k of keys) paths.add(k);
    }
  }
  return { proved: true, paths: [...paths].sort() };
}

/** One run of rule files as the pipeline compiles them together: the rules in file order, and every named condition. */
interface Run {
  name: string;
  rules: AnyRule[];
  named: Map<string, Condition>;
  /** What the pipeline guarantees of this run's facts ({@link domainConstraints}). */
  constraints: readonly Term[][];
}

function runOf(name: string, files: readonly AnyFile[]): Run {
  const named = new Map<string, Condition>();
  for (const f of files) for (const [k, c] of Object.entries(f.conditions ?? {})) named.set(k, c);
  return { name, rules: files.flatMap((f) => f.rules), named, constraints: domainConstraints[name] ?? [] };
}

/** Every run a rule file takes part in: the floor with each shipped framework's own rules; a module alone; a framework's own file with the floor. */
export function runsOf(file: string): Run[] {
  const modules = [scopeModule, consentModule, kindcheckModule, stepsModule, recordsModule];
  const module = modules.find((m) => (m.ruleFile as AnyFile).id === file);
  if (module) return [runOf(file, [module.ruleFile as AnyFile])];
  const floorId = (getFloor().rules as AnyFile).id;
  return listFrameworks()
    .map((f) => compileFramework(getFramework(f.id)))
    .filter((c) => file === floorId || c.ruleFiles.some((rf) => (rf as AnyFile).id === file))
    .map((c) => ({ ...runOf(`${file} with ${c.framework.id}`, c.ruleFiles as unknown as AnyFile[]), constraints: indicatorConstraints(c.framework) }));
}

/** Trail order: priority (high first), then file order. */
const ordered = (rules: AnyRule[]) => rules.map((r, order) => ({ r, order })).sort((x, y) => (y.r.priority ?? 1) - (x.r.priority ?? 1) || x.order - y.order).map((x) => x.r.id);

/** The result for one change-priority mutant. */
export interface PriorityProof {
  id: string;
  proved: boolean;
  /** Per run: the rules whose order with the moved rule changes, and the paths that keep each apart (or `null`: not proved). */
  swaps: { run: string; rule: string; paths: string[] | null }[];
  reason: string;
}

/** Proves `<file>/<rule>/change-priority` (priority `from` → `to`) equivalent, or says which pair it cannot. */
export function provePriorityMutant(file: string, ruleId: string, to: number): PriorityProof {
  const id = `${file}/${ruleId}/change-priority`;
  const swaps: PriorityProof['swaps'] = [];
  const runs = runsOf(file);
  if (runs.length === 0) return { id, proved: false, swaps, reason: `no run found for rule file ${file}` };
  let from: number | undefined;
  for (const run of runs) {
    const moved = run.rules.find((r) => r.id === ruleId);
    if (!moved) return { id, proved: false, swaps, reason: `rule ${ruleId} not found in ${run.name}` };
    from = moved.priority ?? 1;
    const before = ordered(run.rules);
    const after = ordered(run.rules.map((r) => (r.id === ruleId ? { ...r, priority: to } : r)));
    const pos = (list: string[], x: string) => list.indexOf(x);
    for (const q of run.rules) {
      if (q.id === ruleId) continue;
      const was = pos(before, ruleId) < pos(before, q.id);
      const is = pos(after, ruleId) < pos(after, q.id);
      if (was === is) continue;
      const proof = neverTogether(moved, q, run.named, run.constraints);
      swaps.push({ run: run.name, rule: q.id, paths: proof.proved ? proof.paths : null });
    }
  }
  const open = swaps.filter((s) => s.paths === null);
  if (open.length > 0) return { id, proved: false, swaps, reason: `not proved: ${ruleId} may hold together with ${[...new Set(open.map((s) => s.rule))].join(', ')}` };
  const pairs = [...new Map(swaps.map((s) => [s.rule, s.paths!])).entries()];
  const reason =
    pairs.length === 0
      ? `Priority ${from} → ${to} moves ${ruleId} past no other rule of its run (the trail order is priority, then file order; src/rules/compile.ts): the run is the same. Proved by scripts/equivalent-priority.ts.`
      : `Priority ${from} → ${to} changes the order of ${ruleId} only with ${pairs.map(([r]) => r).join(', ')}, and it can never hold on the same case as any of them (contradictory tests on ${[...new Set(pairs.flatMap(([, p]) => p))].join(', ')}), so the rules that hold, every decision and every held trail entry keep their order; rules do not chain (src/rules/compile.ts). Proved by scripts/equivalent-priority.ts.`;
  return { id, proved: true, swaps, reason };
}

/** Whether `a` can never hold without `b` (a ⇒ b): `a` and `not b` never hold together. */
function implies(a: Condition, b: Condition, named: ReadonlyMap<string, Condition>, constraints: readonly Term[][] = []): { proved: boolean; paths: string[] } {
  return neverTogether(rule('a', a), rule('b', { not: b } as Condition), named, constraints);
}
const rule = (id: string, conditions: Condition) => ({ id, conditions, event: { type: 'x', params: {} } }) as unknown as AnyRule;

/**
 * Proves a drop-condition mutant equivalent: dropping part C of an `all` changes nothing where the
 * rest of that `all` already implies C; dropping part D of an `any` changes nothing where D
 * implies the rest of that `any` (proved with {@link neverTogether}, on the node itself, so it
 * holds wherever the node stands).
 */
export function proveDropConditionMutant(mutantId: string): PriorityProof {
  const m = /^([^/]+)\/([^/]+)\/drop-condition@(.+)$/.exec(mutantId);
  const fail = (reason: string): PriorityProof => ({ id: mutantId, proved: false, swaps: [], reason });
  if (!m) return fail('not a drop-condition mutant');
  const [, file, target, path] = m as unknown as [string, string, string, string];
  const runs = runsOf(file!);
  if (runs.length === 0) return fail(`no run found for rule file ${file}`);
  const paths = new Set<string>();
  let described = '';
  for (const run of runs) {
    const root = target!.startsWith('condition:') ? run.named.get(target!.slice('condition:'.length)) : run.rules.find((r) => r.id === target)?.conditions;
    if (!root) return fail(`${target} not found in ${run.name}`);
    const steps = path!.split('.');
    let node: Condition = root;
    for (let i = 0; i < steps.length - 2; i += 2) node = (node as Record<string, Condition[]>)[steps[i]!]![Number(steps[i + 1])]!;
    const kind = steps.at(-2) as 'all' | 'any';
    const list = (node as Record<string, Condition[]>)[kind]!;
    const index = Number(steps.at(-1));
    const dropped = list[index]!;
    const rest = list.filter((_, i) => i !== index);
    const proof = kind === 'all' ? implies({ all: rest } as Condition, dropped, run.named, run.constraints) : implies(dropped, { any: rest } as Condition, run.named, run.constraints);
    if (!proof.proved && kind === 'all' && steps.length === 2 && target!.startsWith('condition:')) {
      // Where the named condition is used: each use beside conditions that imply the part dropped.
      const uses = contextImplies(run, target!.slice('condition:'.length), dropped);
      if (uses.proved) {
        for (const p of uses.paths) paths.add(p);
        described = `wherever the condition is read (${uses.rules.join(', ')}), it stands in the rule's all beside conditions that already imply the part dropped`;
        continue;
      }
    }
    if (!proof.proved) return fail(`not proved in ${run.name}: the ${kind === 'all' ? 'rest of the all does not imply the dropped part' : 'dropped part does not imply the rest of the any'}`);
    for (const p of proof.paths) paths.add(p);
    described = kind === 'all' ? 'the rest of that all already implies the part dropped' : 'the part dropped already implies the rest of that any';
  }
  return {
    id: mutantId,
    proved: true,
    swaps: [],
    reason: `Dropping ${path} of ${target} changes nothing: ${described} (no case satisfies one without the other: contradictory tests on ${[...paths].sort().join(', ')}), in every run of the ${file} rules. Proved by scripts/equivalent-priority.ts.`,
  };
}

/** The named conditions a condition reads, directly or through other named conditions. */
function reads(c: Condition, named: ReadonlyMap<string, Condition>, seen = new Set<string>()): Set<string> {
  if ('condition' in c) {
    if (!seen.has(c.condition)) {
      seen.add(c.condition);
      const inner = named.get(c.condition);
      if (inner) reads(inner, named, seen);
    }
  } else if ('not' in c) reads(c.not, named, seen);
  else if ('all' in c || 'any' in c) for (const x of 'all' in c ? c.all : c.any) reads(x, named, seen);
  return seen;
}

/**
 * Whether every rule of the run that reads named condition `name` reads it only as a direct part
 * (or the negation of one) of its top-level `all`, beside other parts that imply `dropped`; then
 * removing `dropped` from the condition changes no rule. A use inside another named condition, or
 * deeper in a rule, is not proved.
 */
function contextImplies(run: Run, name: string, dropped: Condition): { proved: boolean; paths: string[]; rules: string[] } {
  const no = { proved: false, paths: [], rules: [] };
  const paths = new Set<string>();
  const rules: string[] = [];
  // The users: each rule, and each other named condition, that reads it directly (a named condition
  // whose own formula is unchanged by the drop keeps every use of it unchanged in turn).
  const direct = (c: Condition): boolean => ('condition' in c ? c.condition === name : 'not' in c ? direct(c.not) : 'all' in c || 'any' in c ? ('all' in c ? c.all : c.any).some(direct) : false);
  const users = [
    ...[...run.named].filter(([other, c]) => other !== name && direct(c)).map(([other, c]) => ({ id: `condition ${other}`, conditions: c })),
    ...run.rules.filter((r) => direct(r.conditions)).map((r) => ({ id: r.id, conditions: r.conditions })),
  ];
  for (const r of users) {
    if (!('all' in r.conditions)) return no;
    const parts = r.conditions.all;
    const isUse = (p: Condition) => ('condition' in p && p.condition === name) || ('not' in p && 'condition' in p.not && p.not.condition === name);
    const others = parts.filter((p) => !isUse(p));
    if (others.some((p) => direct(p))) return no;
    const proof = implies({ all: others } as Condition, dropped, run.named, run.constraints);
    if (!proof.proved) return no;
    for (const p of proof.paths) paths.add(p);
    rules.push(r.id);
  }
  return rules.length > 0 ? { proved: true, paths: [...paths], rules } : no;
}

/** Proves any mutant of a named condition equivalent that no rule reads (directly or through another named condition), in every run of its file. */
export function proveUnusedConditionMutant(mutantId: string): PriorityProof {
  const m = /^([^/]+)\/condition:([^/]+)\/([a-z-]+)(@.+)?$/.exec(mutantId);
  const fail = (reason: string): PriorityProof => ({ id: mutantId, proved: false, swaps: [], reason });
  if (!m) return fail('not a mutant of a named condition');
  const [, file, name] = m as unknown as [string, string, string];
  const runs = runsOf(file);
  if (runs.length === 0) return fail(`no run found for rule file ${file}`);
  for (const run of runs) {
    if (!run.named.has(name)) return fail(`condition ${name} not found in ${run.name}`);
    const reader = run.rules.find((r) => reads(r.conditions, run.named).has(name));
    if (reader) return fail(`rule ${reader.id} reads condition ${name} in ${run.name}`);
  }
  return {
    id: mutantId,
    proved: true,
    swaps: [],
    reason: `No rule reads the named condition ${name}, directly or through another named condition, in any run of the ${file} rules: a change to it changes no rule. Proved by scripts/equivalent-priority.ts.`,
  };
}

/** Proves a listed mutant again by its kind: a named condition no rule reads, a change of priority (to `to`), or a dropped condition. */
export function proveMutant(mutantId: string, to?: number): PriorityProof {
  const unused = /\/condition:/.test(mutantId) ? proveUnusedConditionMutant(mutantId) : undefined;
  if (unused?.proved) return unused;
  if (mutantId.endsWith('/change-priority')) {
    const [file, ruleId] = mutantId.split('/') as [string, string];
    return provePriorityMutant(file, ruleId, to!);
  }
  if (/\/drop-condition@/.test(mutantId)) return proveDropConditionMutant(mutantId);
  return unused ?? { id: mutantId, proved: false, swaps: [], reason: 'no proof for this kind of mutant' };
}

/** The change-priority survivors of the tsv, each with its target priority. */
export function prioritySurvivors(tsv: string): { file: string; ruleId: string; to: number }[] {
  return tsv
    .split('\n')
    .filter((l) => l.includes('/change-priority\t'))
    .map((line) => {
      const [id, change] = line.split('\t') as [string, string];
      const [file, ruleId] = id.split('/') as [string, string];
      return { file, ruleId, to: Number(/→ (\d+)/.exec(change)![1]) };
    });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(import.meta.dirname, '..');
  const tsv = readFileSync(join(root, 'docs', 'notes', 'issue-15-survivors.tsv'), 'utf8');
  const ids = tsv.split('\n').slice(1).map((l) => l.split('\t')[0]!).filter(Boolean);
  const others = ids.filter((id) => !id.endsWith('/change-priority'));
  const proofs = [...prioritySurvivors(tsv).map((s) => provePriorityMutant(s.file, s.ruleId, s.to)), ...others.map((id) => proveMutant(id))];
  for (const p of proofs) console.log(`${p.proved ? 'proved' : 'open  '} ${p.id}${p.proved ? '' : `: ${p.reason}`}`);
  console.log(`${proofs.filter((p) => p.proved).length} of ${proofs.length} survivors of the tsv proved equivalent`);
  if (process.argv.includes('--write')) {
    const path = join(root, 'test', 'mutants', 'equivalent.json');
    // The change-priority entries are this script's: each listed one proved again (its reason as the proof now reads, or dropped if no longer proved), then the new ones.
    const previous = JSON.parse(readFileSync(path, 'utf8')) as { id: string; reason: string }[];
    const list = previous.flatMap((e) => {
      if (!e.reason.endsWith('Proved by scripts/equivalent-priority.ts.')) return [e];
      const to = /Priority \d+ → (\d+)/.exec(e.reason)?.[1];
      const proof = proveMutant(e.id, to === undefined ? undefined : Number(to));
      return proof.proved ? [{ id: e.id, reason: proof.reason }] : [];
    });
    const known = new Set(list.map((e) => e.id));
    for (const p of proofs) if (p.proved && !known.has(p.id)) list.push({ id: p.id, reason: p.reason });
    writeFileSync(path, `${JSON.stringify(list, null, 1)}\n`);
    console.log(`wrote ${path}`);
  }
}
