// Fuzzes the public entry points with hostile input (issue 10): `npm run fuzz -- --runs N --seed S`.
// Each input must end in a result or a typed error (MeldcodeInputError and its subclass), never
// another exception; no input may be changed, nor Object.prototype; every decision keeps the
// floor invariants; a later canary evaluation gives the same decision as before. Then generated
// framework changes: each one that validates must still keep the floor's norms (DESIGN §7).
// `npm test` runs 20,000 seeded inputs of this with `sizes: 'small'` (test/fuzz.test.ts,
// test/fuzz-more.test.ts): every part and check, the full-size values in a few inputs per part.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { runCli } from '../src/cli/run.js';
import { fromQuestionnaireResponse, toQuestionnaire } from '../src/fhir/index.js';
import {
  type Decision,
  defineFramework,
  evaluate,
  evaluateKindcheck,
  evaluateRecordKeeping,
  evaluateScope,
  evaluateSteps,
  extendFramework,
  getFramework,
  listQuestions,
  MeldcodeInputError,
  parseCase,
  safeEvaluate,
  validateFramework,
} from '../src/index.js';
import { checkFramework, fullCaseArbitrary, type Invariant } from '../src/testing/index.js';

export const EVALUATION_DATE = '2026-11-23';

// ---------------------------------------------------------------------------------------------
// Hostile values. JSON can carry prototype keys, huge strings, deep nesting and wrong types; a
// caller in the same process can also pass NaN, Infinity, -0 and sparse arrays. (Getters are not
// JSON and are left out; test/hostile-input.test.ts covers the read-once snapshot.)

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then', 'length'];
/** Keys the library reads: each segment of every question id, and the case's sections. */
const knownKeys = [...new Set(listQuestions().flatMap((q) => q.id.split('.')).concat(['framework', 'evaluationDate', 'lang', 'rules', 'conditions', 'id', 'operator', 'fact', 'path', 'value', 'all', 'any', 'not', 'condition', 'event', 'params', 'type']))];
const key = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...prototypeKeys) },
  { weight: 5, arbitrary: fc.constantFrom(...knownKeys) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
);

/** An object with these own, enumerable data properties, as JSON.parse makes it (so `__proto__` is a plain key). */
function own(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * How large the hostile values get. `full` is `npm run fuzz`'s. `small` is `npm test`'s: each
 * size still goes past the library's limit that it is for (maxStringLength 20,000 and maxDepth 64
 * in src/frameworks/limits.ts, MAX_ISSUES 1,000 in src/errors/errors.ts), at a fraction of the
 * cost; the full-size kinds then come in a few inputs of every part ({@link hugeKinds}).
 */
export interface Sizes {
  /** The lengths of the long strings. */
  strings: readonly number[];
  /** The longest sparse array. */
  sparse: number;
  /** How deep a nested value goes: [least, most]. */
  depth: readonly [number, number];
  /** How deep the CLI's JSON text goes: [least, most]. */
  text: readonly [number, number];
}
export const sizes = {
  full: { strings: [10_000, 100_000, 1_000_000], sparse: 100_000, depth: [60, 1000], text: [1000, 200_000] },
  small: { strings: [10_000, 20_001], sparse: 1_500, depth: [60, 100], text: [65, 450] },
} as const satisfies Record<string, Sizes>;
export type SizeMode = keyof typeof sizes;

const odd = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53 + 1, 0.5, -1, '', 'ja', 'true', '2026-02-30', '0000-01-01', '9999-12-31', '+275760-09-13', '__proto__', 'x'.repeat(201));
const scalarOf = (s: Sizes) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
    { weight: 3, arbitrary: odd },
    { weight: 1, arbitrary: fc.constantFrom(...s.strings).map((n) => 'é'.repeat(n)) },
  );
/** A value nested `depth` levels deep, in arrays or in objects (JSON.stringify overflows far deeper). */
const deepOf = (least: number, most: number, leaf: fc.Arbitrary<unknown>) =>
  fc.tuple(fc.integer({ min: least, max: most }), fc.boolean(), leaf).map(([depth, arrays, value]) => {
    for (let i = 0; i < depth; i++) value = arrays ? [value] : own([['all', [value]]]);
    return value;
  });
/** A sparse array: a length up to `most` with a few elements set. */
const sparseOf = (least: number, most: number, element: fc.Arbitrary<unknown>) =>
  fc.tuple(fc.integer({ min: least, max: most }), fc.array(fc.tuple(fc.nat(), element), { maxLength: 3 })).map(([length, set]) => {
    const array = new Array<unknown>(length);
    for (const [i, v] of set) array[i % length] = v;
    return array;
  });

/** Where to put a hostile value in a document: which container (by index), which key, what. */
const injectionOf = (value: fc.Arbitrary<unknown>) => fc.tuple(fc.nat(), key, value, fc.boolean());

/**
 * A copy of `base` with the hostile values put in: each replaces an element or sets a key of
 * one of the document's objects or arrays. Valid documents with a few bad spots reach much
 * deeper into the library than garbage, which the first check refuses.
 */
export function inject(base: unknown, injections: readonly [number, string, unknown, boolean][]): unknown {
  const copy = copyOf(base);
  if (copy === null || typeof copy !== 'object') return copy;
  const containers: object[] = [];
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    containers.push(node);
    for (const v of Object.values(node)) stack.push(v);
  }
  for (const [pick, k, value, replace] of injections) {
    const target = containers[pick % containers.length]!;
    if (Array.isArray(target)) {
      if (replace && target.length > 0) target[pick % target.length] = value;
      else target.push(value);
    } else {
      const keys = Object.keys(target);
      const at = replace && keys.length > 0 ? keys[pick % keys.length]! : k;
      Object.defineProperty(target, at, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy;
}

/** A copy of plain data, as structuredClone makes it but several times faster (it was most of inject's time). */
function copyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Array.isArray(value) ? (new Array(value.length) as never) : {};
  for (const k of Object.keys(value)) {
    const v = copyOf((value as Record<string, unknown>)[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/** A value put in where a valid document has one: the valid kinds of value, and `null`. */
const plausible = fc.oneof(fc.boolean(), fc.integer({ min: -1, max: 200 }), fc.constantFrom(null, 'care', 'victim', '2010-01-01', EVALUATION_DATE, 'basismodel'));
const plausibleInjection = fc.tuple(fc.nat(), fc.constantFrom(...knownKeys), plausible, fc.boolean());

/** The linkIds of the basismodel Questionnaire: a response answers only those. */
const linkIds = new Set<string>();
const walkItems = (items: readonly { linkId: string; item?: unknown[] }[] | undefined) =>
  items?.forEach((i) => (linkIds.add(i.linkId), walkItems(i.item as typeof items)));
walkItems(toQuestionnaire('basismodel').item as never);
const qrFromCase = (c: unknown) => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  item: leaves(c).filter(([linkId]) => linkIds.has(linkId)).map(([linkId, v]) => ({
    linkId,
    answer: (Array.isArray(v) ? v : [v]).map((a) =>
      typeof a === 'boolean' ? { valueBoolean: a } : typeof a === 'number' ? { valueInteger: a } : /^\d{4}-/.test(String(a)) ? { valueDate: a } : { valueCoding: { code: a } },
    ),
  })),
});

/** [dotted path, value] of every scalar leaf. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return prefix ? [[prefix, value]] : [];
  if (Array.isArray(value)) return prefix ? [[prefix, value]] : [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const commands = ['evaluate', 'validate', 'flowchart', 'interview', 'frameworks', 'schema', 'help', 'nope'];
const cliArgs = fc.tuple(
  fc.constantFrom(...commands),
  fc.array(fc.oneof(fc.constantFrom('-', '--json', '--all', '--lang', 'en', 'fr', '--framework', 'basismodel', '--date', '2026-11-23', '9999-99-99', '-h', '--nope'), fc.string({ maxLength: 8 })), { maxLength: 4 }),
);
/** JSON text nested far deeper than JSON.stringify writes: a file can hold it. */
const deepTextOf = (least: number, most: number) =>
  fc.tuple(fc.integer({ min: least, max: most }), fc.boolean()).map(([n, arrays]) =>
    arrays ? `{"considerations":${'['.repeat(n)}true${']'.repeat(n)}}` : `${'{"all":['.repeat(n)}true${']}'.repeat(n)}`,
  );

/**
 * Every generator of hostile input, at these sizes. With `forced`, every input holds that value
 * at one or more hostile spots (valid documents left as they are, and plausible spots, drop out).
 */
function arbitraries(s: Sizes, forced?: fc.Arbitrary<unknown>) {
  const scalar = scalarOf(s);
  /** Any hostile value: scalars, arrays and objects of them, deep nesting, sparse arrays. */
  const hostileValue: fc.Arbitrary<unknown> =
    forced ??
    fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 6, arbitrary: scalar },
        { weight: 2, arbitrary: tie('array') },
        { weight: 3, arbitrary: tie('object') },
        { weight: 1, arbitrary: deepOf(s.depth[0], s.depth[1], scalar) },
        { weight: 1, arbitrary: sparseOf(1, s.sparse, scalar) },
      ),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map(own),
    })).value;
  const injected = (base: fc.Arbitrary<unknown>) => fc.tuple(base, fc.array(injectionOf(hostileValue), { minLength: 1, maxLength: 3 })).map(([b, i]) => inject(b, i));
  /**
   * Hostile documents: garbage; valid documents with hostile spots; valid ones with plausible
   * spots (often still valid, so the call goes all the way); and valid ones as they are.
   */
  const hostileDocument = (base: fc.Arbitrary<unknown>) =>
    forced
      ? fc.oneof({ weight: 1, arbitrary: hostileValue }, { weight: 4, arbitrary: injected(base) })
      : fc.oneof(
          { weight: 1, arbitrary: hostileValue },
          { weight: 4, arbitrary: injected(base) },
          { weight: 3, arbitrary: fc.tuple(base, fc.array(plausibleInjection, { minLength: 1, maxLength: 2 })).map(([b, i]) => inject(b, i)) },
          { weight: 2, arbitrary: base },
        );
  /** Valid cases across every module (the testing kit's), with hostile spots. */
  const hostileCase = hostileDocument(fullCaseArbitrary('basismodel'));
  /** Valid input of one module (its sections of a case), with hostile spots. */
  const moduleInput = (...sections: string[]) =>
    hostileDocument(fullCaseArbitrary('basismodel').map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => sections.includes(k)))));
  const recordsInput = hostileDocument(
    fc.tuple(fullCaseArbitrary('basismodel'), fc.constantFrom('out-of-scope', 'close-and-record', 'report', 'help', 'report-and-help', 'needs-input'), fc.boolean()).map(([c, outcome, helpAlongside]) => ({
      outcome,
      helpAlongside,
      ...(c.steps ? { steps: c.steps } : {}),
      ...(c.conversation ? { conversation: c.conversation } : {}),
    })),
  );
  /** The basismodel framework document under another id (so it is no look-alike), with hostile spots. */
  const hostileFrameworkDocument = hostileDocument(fc.constant({ ...structuredClone(getFramework('basismodel')), id: 'fuzz-document' }));
  /** QuestionnaireResponses made from valid cases, with hostile spots. */
  const hostileResponse = hostileDocument(fullCaseArbitrary('basismodel').map(qrFromCase));
  /** Options as a caller passes them: a framework, a date, a language; any of them hostile. */
  const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
  const hostileOptions = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record(
        {
          framework: mostly(fc.constantFrom('basismodel', 'sociaal-domein', 'onderwijs', 'artsen', 'nope')),
          evaluationDate: mostly(fc.constantFrom(EVALUATION_DATE, '2019-01-01', '2999-12-31')),
          lang: mostly(fc.constantFrom('nl', 'en')),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: hostileValue },
  );
  /** The modules' options: a language and a date, either of them hostile. */
  const moduleOptions = fc.oneof(
    { weight: 5, arbitrary: fc.record({ evaluationDate: mostly(fc.constantFrom(EVALUATION_DATE, '2019-01-01')), lang: mostly(fc.constantFrom('nl', 'en')) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: hostileValue },
  );
  const json = (v: unknown) => JSON.stringify(v) ?? 'null';
  const cliStdin = forced
    ? fc.oneof({ weight: 3, arbitrary: hostileCase.map(json) }, { weight: 1, arbitrary: hostileFrameworkDocument.map(json) })
    : fc.oneof(
        { weight: 6, arbitrary: hostileCase.map(json) },
        { weight: 1, arbitrary: deepTextOf(s.text[0], s.text[1]) },
        { weight: 2, arbitrary: hostileFrameworkDocument.map(json) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom('ja', 'nee', '?', 'misschien', '3', '1,2', '2010-01-01', ''), { maxLength: 12 }).map((l) => l.join('\n')) },
      );
  return { hostileValue, hostileDocument, hostileCase, moduleInput, recordsInput, hostileFrameworkDocument, hostileResponse, mostly, hostileOptions, moduleOptions, cli: fc.tuple(cliArgs, cliStdin) };
}
type Arbitraries = ReturnType<typeof arbitraries>;

/**
 * The full-size kinds. In the small mode each goes into one input of every part (as a hostile
 * spot, or the whole argument), and the CLI also gets the deepest text: the rare huge inputs
 * still come, deterministically, without paying for them on every input.
 */
const smallScalar = scalarOf(sizes.small);
export const hugeKinds: { name: string; value?: fc.Arbitrary<unknown>; text?: fc.Arbitrary<string> }[] = [
  { name: `a string of ${sizes.full.strings.at(-1)} characters`, value: fc.constant('é'.repeat(sizes.full.strings.at(-1)!)) },
  { name: `a sparse array ${sizes.full.sparse} long`, value: sparseOf(sizes.full.sparse, sizes.full.sparse, smallScalar) },
  { name: `nesting ${sizes.full.depth[1]} deep`, value: deepOf(sizes.full.depth[1], sizes.full.depth[1], smallScalar) },
  { name: `JSON text ${sizes.full.text[1]} deep (the CLI)`, text: deepTextOf(sizes.full.text[1], sizes.full.text[1]) },
];
/** The size from which a value counts as full-size (a hostile value at the small sizes stays below). */
export const fullSize = { string: sizes.full.strings.at(-1)!, array: sizes.full.sparse, depth: sizes.full.depth[1] };

// ---------------------------------------------------------------------------------------------
// What must hold for every input.

export class FuzzFailure extends Error {
  override readonly name = 'FuzzFailure';
}
const fail = (message: string): never => {
  throw new FuzzFailure(message);
};

/**
 * Walks what a value holds, flat, to see whether a call changed it: every primitive (by value, so
 * NaN and -0 too), each object and array by reference with its prototype, frozenness and own keys
 * (a `__proto__` key too; an array's indices and `length`, so a hole is a missing key). An
 * array's holes cost nothing, so a sparse array of 100,000 is as cheap as its few elements.
 * Stops when `visit` returns false.
 */
function walk(root: unknown, visit: (value: unknown) => boolean): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!visit(value)) return false;
    if (value === null || typeof value !== 'object') continue;
    const keys = Reflect.ownKeys(value);
    if (!visit(Object.getPrototypeOf(value)) || !visit(Object.isFrozen(value)) || !visit(keys.length)) return false;
    for (const k of keys) if (!visit(k)) return false;
    for (let i = keys.length - 1; i >= 0; i--) stack.push((value as Record<PropertyKey, unknown>)[keys[i]!]);
  }
  return true;
}
/** {@link walk}'s values in order; compare with {@link sameSnapshot} or {@link unchanged}. */
export function snapshot(root: unknown): unknown[] {
  const out: unknown[] = [];
  walk(root, (v) => out.push(v) > 0);
  return out;
}
export const sameSnapshot = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
/** Whether `root` still holds what `before` (its snapshot) recorded: one walk, no second snapshot. */
export function unchanged(root: unknown, before: unknown[]): boolean {
  let i = 0;
  return walk(root, (v) => i < before.length && Object.is(v, before[i++])) && i === before.length;
}

/** The longest string, the longest array and the deepest nesting (containers) in a value. */
export interface Largest {
  string: number;
  array: number;
  depth: number;
}
export function measure(root: unknown, into: Largest = { string: 0, array: 0, depth: 0 }): Largest {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string' && value.length > into.string) into.string = value.length;
    if (value === null || typeof value !== 'object') continue;
    if (depth > into.depth) into.depth = depth;
    if (Array.isArray(value) && value.length > into.array) into.array = value.length;
    for (const k of Object.keys(value)) stack.push([(value as Record<string, unknown>)[k], depth + 1]);
  }
  return into;
}
/** What the snapshots hold, objects by kind (not by reference), as a hash: to see an input come again. */
function contentKey(snapshots: readonly unknown[][]): string {
  const parts: string[] = [];
  for (const s of snapshots) {
    for (const v of s) parts.push(v === null ? 'null' : typeof v === 'object' ? (Array.isArray(v) ? '[' : '{') : Object.is(v, -0) ? '-0' : typeof v === 'string' ? `"${v}` : String(v));
    parts.push('\u0001');
  }
  return createHash('sha256').update(parts.join('\u0000')).digest('base64');
}
const isFullSize = (m: Largest) => m.string >= fullSize.string || m.array >= fullSize.array || m.depth >= fullSize.depth;

const builtins = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
/** Every own property of the built-in prototypes: its key, value or accessors, and attributes (a replaced method too). */
function prototypesNow(): unknown[] {
  const out: unknown[] = [];
  for (const p of builtins) {
    for (const k of Reflect.ownKeys(p)) {
      const d = Reflect.getOwnPropertyDescriptor(p, k)!;
      out.push(k, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable);
    }
  }
  return out;
}
const prototypesAtStart = prototypesNow();

const isReport = (d: Decision) => d.outcome === 'report' || d.outcome === 'report-and-help';

/**
 * The floor invariants a decision of a valid case must keep (DESIGN §7); the case is what
 * evaluate accepted. Under a framework document (`shipped: false`) only the floor's norms: a
 * framework's own rules can break "no suspicion ⇒ close" although it validates (the note's finding 2).
 */
export function floorProblem(kase: unknown, d: Decision, shipped = true): string | undefined {
  if (d.trail.length === 0) return 'a decision with an empty trail';
  for (const e of d.trail) if (!e.source?.document || !e.source?.section) return `trail entry ${e.ruleId} cites no source`;
  if (d.report.necessary === true && !isReport(d) && d.outcome !== 'out-of-scope') return `report.necessary but outcome ${d.outcome}`;
  if (d.outcome === 'out-of-scope') return undefined;
  const c = (kase ?? {}) as { considerations?: { suspicion?: unknown; unsafety?: { acute?: unknown; structural?: unknown } }; objection?: unknown };
  const k = c.considerations;
  // Norm 1, except where an objection regime may decide (DESIGN §6.5): cases without an objection.
  if (k?.suspicion === true && (k.unsafety?.acute === true || k.unsafety?.structural === true) && c.objection === undefined) {
    if (!isReport(d) || !d.report.norms.includes(1)) return `suspicion with acute or structural unsafety gave ${d.outcome}, norms ${d.report.norms.join(',') || 'none'}`;
  }
  if (shipped && k?.suspicion === false && (d.outcome !== 'close-and-record' || d.report.necessary !== false)) return `no suspicion gave ${d.outcome}`;
  return undefined;
}

/** An error the library may throw: ours, typed, and bounded (issue 10 item 5). */
export function typedErrorProblem(error: unknown): string | undefined {
  if (!(error instanceof MeldcodeInputError)) {
    const name = error instanceof Error ? error.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    return `threw ${name}: ${message.slice(0, 300)}`;
  }
  if (error.issues.length > 1001) return `a typed error with ${error.issues.length} issues`;
  if (error.message.length > 60_000) return `a typed error message of ${error.message.length} characters`;
  for (const i of error.issues) if (i.message.nl.length > 1001 || i.message.en.length > 1001) return `an issue message of ${i.message.en.length} characters`;
  return undefined;
}

// The canaries: two cases whose decisions must never change, whatever came before.
const canaries = [
  { considerations: { suspicion: true, unsafety: { acute: true } } },
  { considerations: { suspicion: false } },
  { considerations: { suspicion: true, unsafety: { acute: false, structural: false, disclosure: false }, help: { canOffer: true, safetyPicture: true, history: true, fittingHelp: true }, helpAccepted: true, helpReachesSafety: true } },
];
const canaryText = () => canaries.map((c) => JSON.stringify(evaluate(c, { evaluationDate: EVALUATION_DATE }))).join('\n');
const canariesAtStart = canaryText();
export function canaryProblem(): string | undefined {
  return canaryText() === canariesAtStart ? undefined : 'a canary case now gets another decision: an earlier call changed shared state';
}

// ---------------------------------------------------------------------------------------------
// The entry points.

type Result = 'result' | 'typed-error';
export interface Target {
  name: string;
  /** Generates one input, the arguments of the call, from the generators of one size. */
  arbitrary: (a: Arbitraries) => fc.Arbitrary<unknown[]>;
  /** Calls the entry point; throws only what the entry point threw. */
  call: (...args: unknown[]) => unknown;
  /** Whether this entry point may throw a typed error (safe* and validate* return them). */
  mayThrow: boolean;
  /** A problem with the result, if any. */
  check?: (args: unknown[], result: unknown) => string | undefined;
  /** Its input is often the same one, a constant valid document as it is: see {@link repeatFilter}. */
  repeats?: boolean;
}

const opts = { evaluationDate: EVALUATION_DATE };
/**
 * The floor check of each validated document, by its content. At the full sizes most are one
 * document (the base as it is, or with a plausible spot that changed nothing: 288 of 299 in 1,428
 * inputs at seed 20261201), so each content is checked once; the canaries watch for state that a
 * check could leave behind.
 */
const floorChecked = new Map<string, string | undefined>();
const decisionCheck = (args: unknown[], result: unknown) => floorProblem(args[0], result as Decision);

export const targets: Target[] = [
  { name: 'evaluate', arbitrary: (a) => fc.tuple(a.hostileCase), call: (c) => evaluate(c as never, opts), mayThrow: true, check: decisionCheck },
  // Norm 1 and "no suspicion ⇒ close" hold in every framework, so in these two as well.
  { name: 'evaluate (hostile options)', arbitrary: (a) => fc.tuple(a.hostileCase, a.hostileOptions), call: (c, o) => evaluate(c as never, o as never), mayThrow: true, check: decisionCheck },
  {
    name: 'safeEvaluate',
    arbitrary: (a) => fc.tuple(a.hostileCase, a.hostileOptions),
    call: (c, o) => safeEvaluate(c, o as never),
    mayThrow: false,
    check: ([c], r) => {
      const result = r as ReturnType<typeof safeEvaluate>;
      if (result.ok) return undefined;
      return typedErrorProblem(result.error);
    },
  },
  { name: 'parseCase', arbitrary: (a) => fc.tuple(a.hostileCase), call: (c) => parseCase(c, opts), mayThrow: true },
  { name: 'evaluateKindcheck', arbitrary: (a) => fc.tuple(a.moduleInput('client', 'contact', 'kindcheck'), a.moduleOptions), call: (c, o) => evaluateKindcheck(c as never, o as never), mayThrow: true },
  { name: 'evaluateScope', arbitrary: (a) => fc.tuple(a.moduleInput('client', 'scope'), a.moduleOptions), call: (c, o) => evaluateScope(c as never, o as never), mayThrow: true },
  { name: 'evaluateSteps', arbitrary: (a) => fc.tuple(a.moduleInput('client', 'contact', 'steps', 'forms', 'crime', 'conversation'), a.moduleOptions), call: (c, o) => evaluateSteps(c as never, o as never), mayThrow: true },
  { name: 'evaluateRecordKeeping', arbitrary: (a) => fc.tuple(a.recordsInput, a.moduleOptions), call: (c, o) => evaluateRecordKeeping(c as never, o as never), mayThrow: true },
  {
    name: 'validateFramework',
    arbitrary: (a) => fc.tuple(a.hostileFrameworkDocument),
    call: (d) => validateFramework(d),
    mayThrow: false,
    repeats: true,
    check: (_, r) => {
      const result = r as ReturnType<typeof validateFramework>;
      if (!result.ok) return undefined;
      const content = JSON.stringify(result.framework);
      if (!floorChecked.has(content)) floorChecked.set(content, floorNormsProblem(result.framework, 5));
      return floorChecked.get(content);
    },
  },
  { name: 'defineFramework', arbitrary: (a) => fc.tuple(a.hostileFrameworkDocument), call: (d) => defineFramework(d as never), mayThrow: true, repeats: true },
  { name: 'evaluate (framework document)', arbitrary: (a) => fc.tuple(a.hostileCase, a.hostileFrameworkDocument), call: (c, d) => evaluate(c as never, { ...opts, framework: d as never }), mayThrow: true, check: ([c], r) => floorProblem(c, r as Decision, false) },
  {
    name: 'extendFramework',
    arbitrary: (a) => fc.tuple(fc.oneof(fc.constantFrom('basismodel', 'sociaal-domein'), a.hostileValue), a.hostileDocument(fc.constant({ id: 'fuzz-uitbreiding', version: '1.0.0', name: { nl: 'x', en: 'x' } }))),
    call: (b, changes) => extendFramework(b as never, changes as never),
    mayThrow: true,
    repeats: true,
  },
  {
    name: 'fromQuestionnaireResponse',
    arbitrary: (a) => fc.tuple(a.hostileResponse, fc.oneof(fc.constant(undefined), fc.constant(null), fc.record({ framework: a.mostly(fc.constantFrom('basismodel', 'artsen', 'nope')) }), a.hostileValue)),
    call: (qr, o) => fromQuestionnaireResponse(qr as never, o as never),
    mayThrow: true,
  },
];

/** The CLI's parse and dispatch, in-process (`runCli` with its own streams). */
export async function runCliOnce(argv: string[], stdin: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}

export function cliProblem(result: { code: number; out: string; err: string }): string | undefined {
  if (![0, 1, 2].includes(result.code)) return `exit code ${result.code}`;
  if (result.out.length + result.err.length > 2_000_000) return `wrote ${result.out.length + result.err.length} characters`;
  if (/^\s+at .+[(:]\d/m.test(result.err)) return 'a stack trace on stderr';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The floor under generated frameworks.

/**
 * The floor's norms no framework may weaken, and a validated one must keep: it never throws,
 * norm 1 holds, and the always-report clients get a report (DESIGN §7).
 */
export const floorNorms: readonly Invariant[] = ['no-crash', 'norm-1', 'always-report'];
/**
 * Invariants of DESIGN §7 that a framework's own added rules can break although it validates
 * (validation checks the floor statically; it does not run cases). The search counts those
 * frameworks and keeps the first, for the note; `checkFramework` is how an author catches them.
 */
export const frameworkInvariants: readonly Invariant[] = ['no-suspicion', 'monotonic-danger'];

/** Whether a framework that validated still keeps the floor's norms, on `numRuns` generated cases each. */
export function floorNormsProblem(framework: Parameters<typeof checkFramework>[0], numRuns: number, seed = 1, only: readonly Invariant[] = floorNorms): string | undefined {
  const result = checkFramework(framework, { numRuns, seed, only });
  if (result.ok) return undefined;
  return `framework ${result.framework} validates but breaks ${result.invariant}: ${result.error}; counterexample ${JSON.stringify(result.counterexample).slice(0, 500)}`;
}

const questionIds = listQuestions().map((q) => q.id);
const floorConditions = ['suspicion-yes', 'suspicion-no', 'suspicion-open', 'unsafety-indicated', 'unsafety-ruled-out', 'help-able', 'help-unable', 'route-norm-1', 'route-consideration-3', 'route-any-report'];
const factPaths: Record<string, string[]> = {
  considerations: ['suspicion', 'unsafety.acute', 'unsafety.structural', 'unsafety.disclosure', 'childSignals', 'helpAccepted', 'helpReachesSafety', 'help.canOffer', 'indicators.acute-weapon-use', 'indicators.fuzz-teken'],
  client: ['caresForMinor', 'pregnant', 'age', 'role'],
  kindcheck: ['parentSignals', 'childrenCount'],
  scope: ['setting', 'perpetratorIsProfessional'],
};
const kebab = fc.constantFrom('fuzz-a', 'fuzz-b', 'fuzz-c', 'fuzz-teken');
const leafCondition = fc.constantFrom(...Object.keys(factPaths)).chain((fact) =>
  fc.tuple(fc.constantFrom(...factPaths[fact]!), fc.oneof(
    fc.record({ operator: fc.constantFrom('equal', 'notEqual'), value: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 20 }), fc.constantFrom('care', 'education', 'victim')) }),
    fc.record({ operator: fc.constantFrom('in', 'notIn'), value: fc.array(fc.oneof(fc.boolean(), fc.constantFrom('care', 'victim')), { maxLength: 3 }) }),
    fc.record({ operator: fc.constantFrom('lessThan', 'greaterThanInclusive'), value: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ operator: fc.constant('known'), value: fc.boolean() }),
  )).map(([path, test]) => ({ fact, path, ...test })),
);
const condition: fc.Arbitrary<unknown> = fc.letrec<{ c: unknown }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    { weight: 4, arbitrary: leafCondition },
    { weight: 2, arbitrary: fc.constantFrom(...floorConditions).map((name) => ({ condition: name })) },
    { weight: 1, arbitrary: fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: tie('c').map((not) => ({ not })) },
  ),
})).c;
const topCondition = fc.oneof(
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
  condition.map((not) => ({ not })),
  fc.constantFrom(...floorConditions).map((name) => ({ condition: name })),
);
const event = fc.oneof(
  fc.record({ type: fc.constant('report'), params: fc.record({ consideration: fc.integer({ min: 2, max: 5 }), norm: fc.constantFrom(1, 2, 3) }, { requiredKeys: ['consideration'] }) }),
  fc.record({ type: fc.constant('help'), params: fc.record({ stage: fc.constantFrom('offer', 'alongside-report', 'close-with-agreements') }) }),
  fc.record({ type: fc.constant('close'), params: fc.constant({ reason: 'no-suspicion' }) }),
  fc.record({ type: fc.constant('needs-input'), params: fc.record({ questions: fc.array(fc.constantFrom(...questionIds), { minLength: 1, maxLength: 2 }) }) }),
  fc.record({ type: fc.constant('consideration'), params: fc.record({ consideration: fc.integer({ min: 1, max: 5 }), answer: fc.constantFrom('yes', 'no') }) }),
  fc.record({ type: fc.constant('indicator'), params: fc.record({ kind: fc.constantFrom('acute', 'structural', 'disclosure', 'parent-factor'), code: kebab }) }),
  fc.record({ type: fc.constant('action'), params: fc.record({ action: kebab }) }),
  fc.record({ type: fc.constant('note'), params: fc.record({ note: kebab }) }),
);
const source = { document: '001_dcbf0a2973853468.txt', section: 'Hoofdstuk 3 Vijf afwegingen in het afwegingskader' };

/** Framework changes for extendFramework: rules (any priority, any effect, over floor conditions too), indicators, named conditions. */
export const frameworkChanges = fc
  .record({
    base: fc.constantFrom('basismodel', 'sociaal-domein', 'onderwijs', 'artsen'),
    rules: fc.array(fc.record({ priority: fc.integer({ min: 1, max: 100 }), conditions: topCondition, event }), { minLength: 1, maxLength: 4 }),
    named: fc.array(condition, { maxLength: 2 }),
    indicators: fc.array(fc.record({ code: kebab, kind: fc.constantFrom('acute', 'structural', 'disclosure', 'parent-factor') }), { maxLength: 2 }),
  })
  .map(({ base, rules, named, indicators }) => ({
    base,
    changes: {
      id: `${base}-fuzz`,
      version: '1.0.0',
      name: { nl: 'Gegenereerd kader', en: 'Generated framework' },
      ...(indicators.length ? { indicators: indicators.map((i) => ({ ...i, text: { nl: 'een teken', en: 'a sign' }, source })) } : {}),
      rules: {
        id: 'fuzz-regels',
        ...(named.length ? { conditions: Object.fromEntries(named.map((c, i) => [`fuzz-conditie-${i}`, { all: [c] }])) } : {}),
        rules: rules.map((r, i) => ({ id: `fuzz-regel-${i}`, ...r, explanation: { nl: 'gegenereerd', en: 'generated' }, source })),
      },
    },
  }));

// ---------------------------------------------------------------------------------------------
// Running.

export interface TargetReport {
  target: string;
  inputs: number;
  results: number;
  typedErrors: number;
  maxMs: number;
  /** Inputs that held a full-size value ({@link fullSize}): in the small mode, the forced ones. */
  fullSize: number;
  /** The largest values among the inputs. */
  largest: Largest;
}
export interface FrameworkReport {
  generated: number;
  validated: number;
  refused: number;
  /** Validated frameworks that break one of {@link frameworkInvariants}, and the first of them. */
  breakingOwnInvariants: number;
  firstBreaking?: string;
  maxMs: number;
}

function record(report: TargetReport, outcome: Result, ms: number, size: Largest) {
  report.inputs++;
  if (outcome === 'result') report.results++;
  else report.typedErrors++;
  if (ms > report.maxMs) report.maxMs = ms;
  if (isFullSize(size)) report.fullSize++;
  for (const k of ['string', 'array', 'depth'] as const) if (size[k] > report.largest[k]) report.largest[k] = size[k];
}

/** Runs one input through one entry point and checks everything that must hold; throws a FuzzFailure. */
function once(target: Target, args: unknown[], before: unknown[][], report: TargetReport) {
  const start = performance.now();
  let outcome: Result = 'result';
  let result: unknown;
  try {
    result = target.call(...args);
  } catch (error) {
    const problem = typedErrorProblem(error);
    if (problem) fail(`${target.name} ${problem}`);
    if (!target.mayThrow) fail(`${target.name} threw ${(error as Error).name} (it must return its errors)`);
    outcome = 'typed-error';
  }
  const ms = performance.now() - start;
  if (outcome === 'result' && target.name === 'safeEvaluate' && !(result as { ok: boolean }).ok) outcome = 'typed-error';
  if (outcome === 'result' && target.name === 'validateFramework' && !(result as { ok: boolean }).ok) outcome = 'typed-error';
  if (args.some((a, i) => !unchanged(a, before[i]!))) fail(`${target.name} changed its input`);
  if (!sameSnapshot(prototypesNow(), prototypesAtStart)) fail(`${target.name} changed a built-in prototype`);
  if (outcome === 'result' && target.check) {
    const problem = target.check(args, result);
    if (problem) fail(`${target.name}: ${problem}`);
  }
  record(report, outcome, ms, measure(args));
}

/** What the CLI read: the JSON value if the text is JSON, else the text. */
function measureText(text: string): Largest {
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the value.
  }
  return measure(value);
}

export interface FuzzOptions {
  /** Inputs in all, shared among the entry points (and the CLI). */
  runs: number;
  seed: number;
  /** Generated framework changes for the floor-bypass search. */
  frameworks: number;
  /** Cases per floor invariant for each framework that validates. */
  casesPerFramework?: number;
  /** `full` (the default): every input at the full sizes. `small`: see {@link Sizes} and {@link hugeKinds}. */
  sizes?: SizeMode;
  /** Called after each entry point is done. */
  progress?: (line: string) => void;
  /** Only these entry points (names as reported; `cli` and `frameworks` for those parts). */
  only?: readonly string[];
  /** The entry points, if not {@link targets} (a test plants a faulty one). */
  targets?: readonly Target[];
}

const generators = new Map<string, Arbitraries>();
/** The generators of one size (built once: fullCaseArbitrary is not free), or forcing one full-size kind. */
function generatorsFor(mode: SizeMode, kind?: (typeof hugeKinds)[number]): Arbitraries {
  const id = kind ? kind.name : mode;
  let a = generators.get(id);
  if (!a) {
    a = kind?.value ? arbitraries(sizes.small, kind.value) : arbitraries(sizes[mode]);
    if (kind?.text) a = { ...a, cli: fc.tuple(cliArgs, kind.text) };
    generators.set(id, a);
  }
  return a;
}
/**
 * How a part's share of inputs is generated: at the full sizes; or, in the small mode, first one
 * input of each full-size kind (the deepest text only for the CLI), then the rest at the small sizes.
 */
function plan(mode: SizeMode, share: number, cli: boolean): { a: Arbitraries; runs: number }[] {
  if (mode === 'full') return [{ a: generatorsFor('full'), runs: share }];
  const forced = hugeKinds.filter((k) => cli || k.value).slice(0, share).map((k) => ({ a: generatorsFor('small', k), runs: 1 }));
  return [...forced, { a: generatorsFor('small'), runs: share - forced.length }].filter((p) => p.runs > 0);
}

/**
 * In the small mode no input of a part that {@link Target.repeats} runs twice (fast-check draws
 * another). Such a part would spend most of its time on the same valid document, the base as it
 * is, each time a full compile: in npm test's validateFramework 343 of 1,428 inputs were repeats,
 * and 288 of its 299 valid documents one and the same. (Elsewhere a repeat is rare: 39 of 1,428
 * for evaluate, and keying costs about as much as it saves.)
 */
function repeatFilter(mode: SizeMode, target: Target): (snapshots: readonly unknown[][]) => void {
  if (mode !== 'small' || !target.repeats) return () => {};
  const seen = new Set<string>();
  return (snapshots) => {
    const key = contentKey(snapshots);
    fc.pre(!seen.has(key));
    seen.add(key);
  };
}

/** Runs the whole fuzz; throws (fast-check's report with the seed and the shrunk input) on the first failure. */
export async function fuzz(options: FuzzOptions): Promise<{ targets: TargetReport[]; frameworks: FrameworkReport }> {
  const mode = options.sizes ?? 'full';
  const chosen = (name: string) => !options.only || options.only.includes(name);
  const selected = (options.targets ?? targets).filter((t) => chosen(t.name));
  const parts = selected.length + (chosen('cli') ? 1 : 0);
  // The inputs shared out exactly: the first parts take one more of what does not divide.
  let given = 0;
  const share = () => Math.max(1, Math.floor(options.runs / parts) + (given++ < options.runs % parts ? 1 : 0));
  const newReport = (target: string): TargetReport => ({ target, inputs: 0, results: 0, typedErrors: 0, maxMs: 0, fullSize: 0, largest: { string: 0, array: 0, depth: 0 } });
  const reports: TargetReport[] = [];
  for (const target of selected) {
    const report = newReport(target.name);
    const again = repeatFilter(mode, target);
    let count = 0;
    for (const { a, runs } of plan(mode, share(), false)) {
      fc.assert(
        fc.property(target.arbitrary(a), (args) => {
          const before = args.map(snapshot);
          again(before);
          once(target, args, before, report);
          if (++count % 200 === 0) {
            const problem = canaryProblem();
            if (problem) fail(`after ${target.name}: ${problem}`);
          }
        }),
        { numRuns: runs, seed: options.seed },
      );
    }
    const problem = canaryProblem();
    if (problem) fail(`after ${target.name}: ${problem}`);
    reports.push(report);
    options.progress?.(line(report));
  }
  const cli = newReport('cli (runCli)');
  if (chosen('cli')) {
    for (const { a, runs } of plan(mode, share(), true)) {
      await fc.assert(
        fc.asyncProperty(a.cli, async ([[command, rest], stdin]) => {
          const start = performance.now();
          let result;
          try {
            result = await runCliOnce([command, ...rest], stdin);
          } catch (error) {
            fail(`the CLI (${command}) rejected with ${(error as Error).name}: ${String((error as Error).message).slice(0, 300)}`);
          }
          const problem = cliProblem(result!);
          if (problem) fail(`the CLI (${command}): ${problem}`);
          record(cli, result!.code === 0 ? 'result' : 'typed-error', performance.now() - start, measureText(stdin));
        }),
        { numRuns: runs, seed: options.seed },
      );
    }
    const problem = canaryProblem();
    if (problem) fail(`after the CLI: ${problem}`);
    reports.push(cli);
    options.progress?.(line(cli));
  }
  const frameworks: FrameworkReport = { generated: 0, validated: 0, refused: 0, breakingOwnInvariants: 0, maxMs: 0 };
  if (chosen('frameworks')) fc.assert(
    fc.property(frameworkChanges, ({ base, changes }) => {
      const start = performance.now();
      frameworks.generated++;
      let framework;
      try {
        framework = extendFramework(base, changes as never);
      } catch (error) {
        const problem = typedErrorProblem(error);
        if (problem) fail(`extendFramework ${problem}`);
        frameworks.refused++;
        return;
      }
      frameworks.validated++;
      const problem = floorNormsProblem(framework, options.casesPerFramework ?? 10, options.seed);
      if (problem) fail(problem);
      const own = floorNormsProblem(framework, options.casesPerFramework ?? 10, options.seed, frameworkInvariants);
      if (own) {
        frameworks.breakingOwnInvariants++;
        frameworks.firstBreaking ??= `${own} (changes: ${JSON.stringify(changes).slice(0, 1500)})`;
      }
      frameworks.maxMs = Math.max(frameworks.maxMs, performance.now() - start);
    }),
    { numRuns: options.frameworks, seed: options.seed },
  );
  const problem = canaryProblem();
  if (problem) fail(`after the framework search: ${problem}`);
  options.progress?.(
    `frameworks: ${frameworks.generated} generated, ${frameworks.refused} refused (typed), ${frameworks.validated} validated and kept the floor's norms (${floorNorms.join(', ')}); ` +
      `${frameworks.breakingOwnInvariants} of those break ${frameworkInvariants.join(' or ')} by their own rules; max ${frameworks.maxMs.toFixed(1)} ms`,
  );
  if (frameworks.firstBreaking) options.progress?.(`  the first: ${frameworks.firstBreaking}`);
  return { targets: reports, frameworks };
}

const line = (r: TargetReport) => `${r.target}: ${r.inputs} inputs (${r.fullSize} full-size), ${r.results} results, ${r.typedErrors} typed errors, max ${r.maxMs.toFixed(1)} ms`;

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' }, frameworks: { type: 'string' }, cases: { type: 'string', default: '10' }, only: { type: 'string' }, sizes: { type: 'string', default: 'full' } },
  });
  const only = values.only?.split(',').map((name) => name.trim());
  const known = [...targets.map((t) => t.name), 'cli', 'frameworks'];
  for (const name of only ?? []) if (!known.includes(name)) throw new Error(`--only: unknown part "${name}"; the parts are: ${known.join(', ')}`);
  const mode = values.sizes as SizeMode;
  if (!Object.hasOwn(sizes, mode)) throw new Error(`--sizes must be full or small, not "${mode}"`);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const frameworks = values.frameworks !== undefined ? Number(values.frameworks) : Math.max(10, Math.floor(runs / 100));
  for (const [name, n] of Object.entries({ runs, seed, frameworks, cases: Number(values.cases) })) {
    if (!Number.isInteger(n) || (name !== 'seed' && n < 1)) throw new Error(`--${name} must be a whole number (at least 1), not "${n}"`);
  }
  const start = performance.now();
  const cpuAtStart = process.cpuUsage();
  console.log(`meldcode fuzz: --runs ${runs} --seed ${seed} --frameworks ${frameworks} --cases ${values.cases} --sizes ${mode}${only ? ` --only ${only.join(',')}` : ''}`);
  await fuzz({ runs, seed, frameworks, casesPerFramework: Number(values.cases), sizes: mode, progress: (l) => console.log(`  ${l}`), ...(only ? { only } : {}) });
  const cpu = process.cpuUsage(cpuAtStart);
  // CPU time beside the wall time: on a shared machine the wall time says more about the load.
  console.log(`ok in ${((performance.now() - start) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU): no untyped exception, no changed input or prototype, every decision and every validated framework kept the floor`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    // fast-check's report (seed, path, shrunk counterexample), then what failed on it.
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause instanceof Error) console.error(`Failure: ${error.cause.message}`);
    process.exitCode = 1;
  });
}
