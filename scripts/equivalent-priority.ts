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
import { compileFramework, getFloor } from '../src/frameworks/framework.js';
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
export function neverTogether(a: AnyRule, b: AnyRule, named: ReadonlyMap<string, Condition>): { proved: boolean; paths: string[] } {
  const da = dnf(a.conditions, named);
  const db = dnf(b.conditions, named);
  if (!da || !db || da.length * db.length > MAX_TERMS * 4) return { proved: false, paths: [] };
  const paths = new Set<string>();
  for (const x of da) {
    for (const y of db) {
      const key = contradiction([...x, ...y]);
      if (key === undefined) return { proved: false, paths: [] };
      paths.add(key);
    }
  }
  return { proved: true, paths: [...paths].sort() };
}

/** One run of rule files as the pipeline compiles them together: the rules in file order, and every named condition. */
interface Run {
  name: string;
  rules: AnyRule[];
  named: Map<string, Condition>;
}

function runOf(name: string, files: readonly AnyFile[]): Run {
  const named = new Map<string, Condition>();
  for (const f of files) for (const [k, c] of Object.entries(f.conditions ?? {})) named.set(k, c);
  return { name, rules: files.flatMap((f) => f.rules), named };
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
    .map((c) => runOf(`${file} with ${c.framework.id}`, c.ruleFiles as unknown as AnyFile[]));
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
      const proof = neverTogether(moved, q, run.named);
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
function implies(a: Condition, b: Condition, named: ReadonlyMap<string, Condition>): { proved: boolean; paths: string[] } {
  return neverTogether(rule('a', a), rule('b', { not: b } as Condition), named);
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
    const proof = kind === 'all' ? implies({ all: rest } as Condition, dropped, run.named) : implies(dropped, { any: rest } as Condition, run.named);
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
  const dropped = tsv.split('\n').map((l) => l.split('\t')[0]!).filter((id) => /\/drop-condition@/.test(id));
  const proofs = [...prioritySurvivors(tsv).map((s) => provePriorityMutant(s.file, s.ruleId, s.to)), ...dropped.map(proveDropConditionMutant)];
  for (const p of proofs) console.log(`${p.proved ? 'proved' : 'open  '} ${p.id}${p.proved ? '' : `: ${p.reason}`}`);
  console.log(`${proofs.filter((p) => p.proved).length} of ${proofs.length} change-priority and drop-condition survivors proved equivalent`);
  if (process.argv.includes('--write')) {
    const path = join(root, 'test', 'mutants', 'equivalent.json');
    // The change-priority entries are this script's: each listed one proved again (its reason as the proof now reads, or dropped if no longer proved), then the new ones.
    const previous = JSON.parse(readFileSync(path, 'utf8')) as { id: string; reason: string }[];
    const list = previous.flatMap((e) => {
      if (/\/drop-condition@/.test(e.id)) {
        const proof = proveDropConditionMutant(e.id);
        return proof.proved ? [{ id: e.id, reason: proof.reason }] : [];
      }
      if (!e.id.endsWith('/change-priority')) return [e];
      const [file, ruleId] = e.id.split('/') as [string, string];
      const proof = provePriorityMutant(file, ruleId, Number(/Priority \d+ → (\d+)/.exec(e.reason)![1]));
      return proof.proved ? [{ id: e.id, reason: proof.reason }] : [];
    });
    const known = new Set(list.map((e) => e.id));
    for (const p of proofs) if (p.proved && !known.has(p.id)) list.push({ id: p.id, reason: p.reason });
    writeFileSync(path, `${JSON.stringify(list, null, 1)}\n`);
    console.log(`wrote ${path}`);
  }
}
