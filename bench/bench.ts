// npm run bench: one run that measures every performance figure of the compiled evaluator next to
// its baseline, in the same process and on the same inputs (the bundled examples/*.json):
//   1. evaluate() against evaluateReference() (the same pipeline on json-rules-engine), all modules;
//   2. the compiled afwegingskader alone (runRules) against hand-written if/else and bare
//      json-rules-engine (runRulesReference);
//   3. heap bytes allocated per evaluate() (child process, bench/heap.mjs);
//   4. cold start of the built package in a fresh process against bare Node (bench/cold-start.mjs);
//   5. min+gz browser-bundle size of every dist entry point, and of `{ evaluate }` alone (esbuild);
//   6. the size of a decision's JSON.
// `npx tsup` runs first so 3-5 see a dist/ built from the current src/. Not a test: absolute
// numbers depend on the machine and its load; only ratios measured within one run mean anything.
//
// Knobs (environment): BENCH_ITERATIONS (default 20) passes of evaluate() over all examples per
// round, which sets the time every subject gets per round; BENCH_ROUNDS (default 9);
// BENCH_SPAWNS (default 9) spawns per cold-start variant; BENCH_SKIP_BUILD=1 reuses dist/ as is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { evaluate, getFramework } from '../src/index.js';
import { evaluateReference } from '../src/testing/index.js';
import { compileFramework } from '../src/frameworks/framework.js';
import { holdingRuleIds, runRules } from '../src/rules/compile.js';
import { trailFact } from '../src/rules/trail.js';
import { runRulesReference } from '../src/rules/reference.js';
import { examplesDir, loadExamples } from '../scripts/load-examples.js';
import { handWritten } from './hand-written.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const distIndexUrl = pathToFileURL(join(dist, 'index.js')).href;
const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  return Number.isFinite(n) && n >= 1 ? Math.round(n) : fallback;
};
const ITERATIONS = envInt('BENCH_ITERATIONS', 20);
const ROUNDS = envInt('BENCH_ROUNDS', 9);
const SPAWNS = envInt('BENCH_SPAWNS', 9);
const SKIP_BUILD = process.env.BENCH_SKIP_BUILD === '1';
const OPTIONS = { evaluationDate: '2026-11-23' } as const;

const examples = loadExamples();
const cases = examples.map((e) => e.case as Record<string, any>);
const facts = cases.map((c) => ({ client: c.client, considerations: c.considerations }));
const compiled = compileFramework(getFramework('basismodel'));

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const out = (line = '') => console.log(line);
const benchStart = performance.now();
let sectionStart = benchStart;
/** Wall time of the section just printed, so a slow part of the bench itself shows. */
const took = () => {
  const now = performance.now();
  out(`  (section took ${fmt((now - sectionStart) / 1000)} s)`);
  sectionStart = now;
};

// ---------------------------------------------------------------------------------------------
// Timing harness. A subject is one pass over all example cases. Each subject is warmed up (and
// its cost per pass estimated) for at least WARMUP_MS; then every round runs each subject, in
// turn, for the number of passes that takes about as long as ITERATIONS passes of evaluate()
// (at least one pass), so subjects compared with each other are measured interleaved, under the
// same conditions. The figure is the median over ROUNDS of µs per single evaluation.
// ---------------------------------------------------------------------------------------------
interface Subject {
  name: string;
  pass: () => void | Promise<void>;
  async: boolean;
}
interface Timing {
  name: string;
  median: number;
  min: number;
  max: number;
  passes: number;
  /** µs per evaluation in each round, in round order. */
  samples: number[];
}
const WARMUP_MS = 300;
let sink: unknown;

async function runPasses(subject: Subject, passes: number): Promise<number> {
  const start = performance.now();
  if (subject.async) for (let i = 0; i < passes; i++) await subject.pass();
  else for (let i = 0; i < passes; i++) subject.pass();
  return performance.now() - start;
}

async function msPerPass(subject: Subject): Promise<number> {
  let passes = 0;
  let ms = 0;
  while (ms < WARMUP_MS || passes < 3) {
    ms += await runPasses(subject, 1 + Math.floor(passes / 2));
    passes += 1 + Math.floor(passes / 2);
  }
  // Estimate from a fresh, warmed-up run rather than the warm-up itself.
  const n = Math.max(1, Math.round(passes / 2));
  return (await runPasses(subject, n)) / n;
}

let heldRatio: number | undefined;
let trailOnlyRatio: number | undefined;
let roundMs = 0; // set from evaluate()'s cost: ITERATIONS passes of it

async function measure(subjects: Subject[]): Promise<Timing[]> {
  const passes: number[] = [];
  for (const s of subjects) passes.push(Math.max(1, Math.round(roundMs / (await msPerPass(s)))));
  const samples: number[][] = subjects.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, s] of subjects.entries()) {
      const ms = await runPasses(s, passes[i]!);
      samples[i]!.push((ms * 1000) / (passes[i]! * cases.length));
    }
  }
  return subjects.map((s, i) => ({
    name: s.name,
    median: median(samples[i]!),
    min: Math.min(...samples[i]!),
    max: Math.max(...samples[i]!),
    passes: passes[i]!,
    samples: samples[i]!,
  }));
}

/**
 * slow / fast, taken per round (the two ran back to back, under the same load) and then the
 * median over rounds; with the range, so the noise of this run shows.
 */
function ratio(slow: Timing, fast: Timing): { median: number; min: number; max: number } {
  const perRound = slow.samples.map((x, i) => x / fast.samples[i]!);
  return { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound) };
}
const printRatio = (label: string, r: { median: number; min: number; max: number }, target: string) =>
  out(`  ratio ${label} = ${fmt(r.median)}×   (median of per-round ratios; range ${fmt(r.min)}–${fmt(r.max)}×)${target ? `   ${target}` : ''}`);

const printTiming = (t: Timing) =>
  out(
    `  ${t.name.padEnd(66)} ${fmt(t.median, t.median < 10 ? 2 : 1).padStart(9)} µs/eval` +
      `   (min ${fmt(t.min, t.min < 10 ? 2 : 1)}, max ${fmt(t.max, t.max < 10 ? 2 : 1)}; ${ROUNDS} rounds × ${t.passes * cases.length} evals)`,
  );

// ---------------------------------------------------------------------------------------------
// Child processes.
// ---------------------------------------------------------------------------------------------
// Children run plain `node` on the built package: no tsx loader, no inherited NODE_OPTIONS.
const childEnv = { ...process.env };
delete childEnv.NODE_OPTIONS;

function run(command: string, args: string[]) {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: childEnv, maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - start, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

function runNode(args: string[]) {
  const r = run(process.execPath, args);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.error?.message ?? r.stderr.trim()}`);
  return r;
}

// =============================================================================================
out('meldcode bench (npm run bench)');
out(`Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`);
out('Absolute numbers depend on the machine and its load at the time; only ratios measured within');
out('one run mean anything. Every figure below is measured in this run next to its baseline.');
out(`Inputs: the ${cases.length} bundled example cases (examples/*.json), evaluationDate ${OPTIONS.evaluationDate}.`);
out(`Timings: µs per single evaluation, median of ${ROUNDS} rounds after warm-up. In each round the subjects`);
out(`compared run back to back, each for about as long as ${ITERATIONS} passes of evaluate() over all examples`);
out(`take; a ratio is the median of the per-round ratios (BENCH_ITERATIONS=${ITERATIONS}, BENCH_ROUNDS=${ROUNDS}).`);
out();

// --- build ------------------------------------------------------------------------------------
let built = false;
if (SKIP_BUILD) {
  built = existsSync(join(dist, 'index.js'));
  out(`Build: skipped (BENCH_SKIP_BUILD=1); sections 3-5 use dist/ as it is${built ? '' : ', and it is missing'}.`);
} else {
  const b = run('npx', ['tsup']);
  built = b.status === 0 && existsSync(join(dist, 'index.js'));
  if (built) out(`Build: \`npx tsup\` ran first (${fmt(b.ms / 1000)} s), so sections 3-5 measure a dist/ built from the current src/.`);
  else {
    out(`Build: \`npx tsup\` FAILED (exit ${b.status}); sections 3-5 are skipped. Last lines of its output:`);
    for (const line of `${b.stdout}\n${b.stderr}`.trim().split('\n').slice(-15)) out(`    ${line}`);
  }
}
out();
sectionStart = performance.now();

// --- sanity checks ------------------------------------------------------------------------------
// The hand-written baseline must agree with evaluate() on every example it covers, or comparing
// with it is void. It knows only the five considerations; scope routes out-of-scope cases elsewhere,
// and a client's objection (the framework's objection regime) can set a report aside.
let covered = 0;
for (const [i, c] of cases.entries()) {
  const d = evaluate(c, OPTIONS);
  if (d.outcome === 'out-of-scope' || d.report.objection !== null) continue;
  const h = handWritten(c);
  if (d.outcome !== h.outcome) throw new Error(`hand-written baseline disagrees on ${examples[i]!.id}: ${h.outcome} vs ${d.outcome}`);
  covered++;
}
const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
const decisionMismatch: string[] = [];
const trailMismatch: string[] = [];
for (const [i, c] of cases.entries()) {
  if (differs(evaluate(c, OPTIONS), await evaluateReference(c, OPTIONS))) decisionMismatch.push(examples[i]!.id);
  if (differs(runRules(compiled.rules, facts[i]!, 'nl'), await runRulesReference(compiled.rules, facts[i]!, 'nl'))) trailMismatch.push(examples[i]!.id);
}
const agreement = (mismatch: string[]) =>
  mismatch.length === 0 ? `identical on all ${cases.length} examples` : `DIFFER on ${mismatch.length} examples: ${mismatch.join(', ')}`;

// --- 1 + 2: in-process timings ---------------------------------------------------------------
const evaluateSubject: Subject = { name: 'evaluate()  compiled closures', async: false, pass: () => { for (const c of cases) sink = evaluate(c, OPTIONS); } };
roundMs = ITERATIONS * (await msPerPass(evaluateSubject));

out('1. Full-case evaluation, all modules (validation, scope, afwegingskader, steps, records, trail, receipt)');
out('   src/ run in this process (tsx); both sides get the same cases and options.');
const [tEvaluate, tReference] = await measure([
  evaluateSubject,
  {
    name: 'evaluateReference()  same pipeline, rules on json-rules-engine',
    async: true,
    pass: async () => { for (const c of cases) sink = await evaluateReference(c, OPTIONS); },
  },
]);
printTiming(tEvaluate!);
printTiming(tReference!);
const full = ratio(tReference!, tEvaluate!);
const fullRatio = full.median;
printRatio('evaluateReference / evaluate', full, `issue target ≥ 200×: ${verdict(fullRatio >= 200)}`);
out(`  decisions, JSON of evaluate() vs evaluateReference(): ${agreement(decisionMismatch)}`);
took();
out();

out("2. The afwegingskader alone (basismodel's compiled rules, five considerations; no validation, no other modules)");
out('   facts = { client, considerations } of each example, built once before timing.');
// The compiled closures alone: which rules hold, no trail (checked against runRules' ids below).
const heldIds = (f: Record<string, unknown>): string[] => holdingRuleIds(compiled.rules, f);
for (const [i, f] of facts.entries()) {
  const viaTrail = runRules(compiled.rules, f, 'nl').filter((e) => e.outcome).map((e) => e.ruleId);
  if (differs(heldIds(f), viaTrail)) throw new Error(`outcome-only run disagrees with runRules on ${examples[i]!.id}`);
}
// The trail's objects alone: the same entries and facts as runRules returns, rebuilt from values
// stored before timing (no rule is evaluated): the least any evaluator that returns this trail pays.
const storedTrails = facts.map((f) => runRules(compiled.rules, f, 'nl'));
const rebuild = (trail: ReturnType<typeof runRules>) =>
  trail.map((e) => ({
    ruleId: e.ruleId,
    module: e.module,
    outcome: e.outcome,
    floor: e.floor,
    effect: e.effect,
    facts: e.facts.map((x) => trailFact(x.fact, x.operator, x.expected, x.value, x.result)),
    explanation: e.explanation,
    source: e.source,
  }));
if (storedTrails.some((t) => differs(rebuild(t), t))) throw new Error('the rebuilt trail differs from runRules');
const trailEntries = storedTrails.reduce((n, t) => n + t.length, 0) / storedTrails.length;
const trailFacts = storedTrails.reduce((n, t) => n + t.reduce((m, e) => m + e.facts.length, 0), 0) / storedTrails.length;

const [tCompiled, tHand, tBare, tHeld, tTrailOnly] = await measure([
  { name: 'runRules()  compiled closures, with trail', async: false, pass: () => { for (const f of facts) sink = runRules(compiled.rules, f, 'nl'); } },
  { name: 'handWritten()  plain if/else, no trail (bench/hand-written.ts)', async: false, pass: () => { for (const c of cases) sink = handWritten(c); } },
  {
    name: 'runRulesReference()  bare json-rules-engine, with trail',
    async: true,
    pass: async () => { for (const f of facts) sink = await runRulesReference(compiled.rules, f, 'nl'); },
  },
  { name: 'compiled closures, outcome only (which rules hold; no trail)', async: false, pass: () => { for (const f of facts) sink = heldIds(f); } },
  { name: `the trail's objects alone (~${fmt(trailEntries, 0)} entries, ~${fmt(trailFacts, 0)} facts; no rule run)`, async: false, pass: () => { for (const t of storedTrails) sink = rebuild(t); } },
]);
printTiming(tCompiled!);
printTiming(tHand!);
printTiming(tBare!);
printTiming(tHeld!);
printTiming(tTrailOnly!);
const hand = ratio(tCompiled!, tHand!);
const handRatio = hand.median;
printRatio('runRules / handWritten', hand, `issue target ≤ 3×: ${verdict(handRatio <= 3)}`);
heldRatio = ratio(tHeld!, tHand!).median;
trailOnlyRatio = ratio(tTrailOnly!, tHand!).median;
printRatio('outcome only / handWritten', ratio(tHeld!, tHand!), '(the same comparison without the trail the hand-written function does not build)');
printRatio("trail's objects alone / handWritten", ratio(tTrailOnly!, tHand!), '(building the trail alone, no rule evaluated: the floor of this ratio for any evaluator that returns the trail)');
printRatio('runRulesReference / runRules', ratio(tBare!, tCompiled!), '(context)');
out(`  handWritten() agrees with evaluate() on all ${covered} examples that are neither out-of-scope nor decided by an objection (checked before timing)`);
out(`  trails, JSON of runRules() vs runRulesReference(): ${agreement(trailMismatch)}`);
took();
out();

// --- 3: heap ---------------------------------------------------------------------------------
interface HeapReport { cases: number; passes: number; evaluationsPerBatch: number; results: { bytes: number; gcs: number }[] }
out('3. Heap allocated per evaluate() call');
let heapPerEval: number | undefined;
if (!built) out('  skipped: no fresh dist/');
else {
  const flags = ['--expose-gc', '--min-semi-space-size=128', '--max-semi-space-size=128'];
  const r = runNode([...flags, join(root, 'bench', 'heap.mjs'), distIndexUrl, examplesDir, String(Math.max(5, Math.min(ROUNDS, 15)))]);
  const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as HeapReport;
  const clean = report.results.filter((b) => b.gcs === 0);
  const withGc = report.results.length - clean.length;
  if (clean.length === 0) out(`  no batch ran without a garbage collection (${report.results.length} tried); no figure`);
  else {
    heapPerEval = median(clean.map((b) => b.bytes));
    const bytes = clean.map((b) => b.bytes);
    out(`  ${kB(heapPerEval)} per evaluate() (median of ${clean.length} batches; min ${kB(Math.min(...bytes))}, max ${kB(Math.max(...bytes))})`);
  }
  out(`  How: child \`node ${flags.join(' ')} bench/heap.mjs\` imports dist/index.js, warms up 50 passes,`);
  out(`  then per batch: gc() twice, heapUsed before, ${report.evaluationsPerBatch} evaluate() calls (${report.passes} passes over the ${report.cases} examples),`);
  out('  heapUsed after; (after − before) / calls. The fixed 128 MB young generation lets a batch (~40 MB) run');
  out(
    `  without collection; a PerformanceObserver on 'gc' entries saw collections in ${withGc} of ${report.results.length} batches` +
      `${withGc ? ' (left out)' : ''}. JS heap only: ArrayBuffers/external memory are not counted.`,
  );
}
took();
out();

// --- 4: cold start ---------------------------------------------------------------------------
out('4. Cold start in a fresh process (built package), wall time of spawning node from this process');
let coldDiff: number | undefined;
let zodFloor: number | undefined;
if (!built) out('  skipped: no fresh dist/');
else {
  const script = join(root, 'bench', 'cold-start.mjs');
  const variants = [
    { name: 'node -e 0  (bare Node)', args: ['-e', '0'] },
    { name: 'node bench/cold-start.mjs empty  (ES module file, imports nothing)', args: [script, 'empty', distIndexUrl] },
    { name: "node bench/cold-start.mjs zod  (import 'zod/mini' alone: the peer dependency)", args: [script, 'zod', distIndexUrl] },
    { name: 'node bench/cold-start.mjs import  (import dist/index.js)', args: [script, 'import', distIndexUrl] },
    { name: 'node bench/cold-start.mjs evaluate  (import + first evaluate())', args: [script, 'evaluate', distIndexUrl] },
  ];
  for (const v of variants) runNode(v.args); // one discarded spawn each: file-system cache
  const wall: number[][] = variants.map(() => []);
  const inner: { importMs: number; evaluateMs: number }[] = [];
  for (let s = 0; s < SPAWNS; s++) {
    for (const [i, v] of variants.entries()) {
      const r = runNode(v.args);
      wall[i]!.push(r.ms);
      if (v.args[1] === 'evaluate') inner.push(JSON.parse(r.stdout.trim()));
    }
  }
  for (const [i, v] of variants.entries()) {
    out(`  ${v.name.padEnd(66)} ${fmt(median(wall[i]!)).padStart(7)} ms   (min ${fmt(Math.min(...wall[i]!))}, max ${fmt(Math.max(...wall[i]!))})`);
  }
  const [bare, empty, zod, imp, full] = wall.map(median) as [number, number, number, number, number];
  coldDiff = full - bare;
  zodFloor = zod - bare;
  out(`  import + first evaluate() − bare node -e 0 = ${fmt(coldDiff)} ms   (issue target ≤ 30 ms: ${verdict(coldDiff <= 30)})`);
  out(`  import 'zod/mini' alone − bare node -e 0 = ${fmt(zodFloor)} ms: the floor under any import of the package while zod is its peer dependency, loaded from node_modules`);
  out(`  of which: ES module file − bare = ${fmt(empty - bare)} ms, import − ES module file = ${fmt(imp - empty)} ms, first evaluate() ≈ ${fmt(full - imp)} ms (differences of medians)`);
  out(
    `  measured inside the child (performance.now(), median): import ${fmt(median(inner.map((x) => x.importMs)))} ms, ` +
      `first evaluate() ${fmt(median(inner.map((x) => x.evaluateMs)))} ms`,
  );
  out(`  ${SPAWNS} spawns per variant (BENCH_SPAWNS), variants interleaved, after one discarded spawn each; spawnSync of ${process.execPath}.`);
}
took();
out();

// --- 5: bundle sizes -------------------------------------------------------------------------
out('5. Browser bundle size per entry point, with its dependencies');
out("   esbuild bundle of each dist/*.js entry: bundle, minify, format esm, platform browser; fast-check external;");
out('   gzip level 9 (node:zlib). kB = 1000 bytes. "jre" = json-rules-engine in the bundle (from the metafile inputs).');
let coreEvaluateGz: number | undefined;
let smallPathGz: number | undefined;
let coreHasJre: boolean | undefined;
if (!built) out('  skipped: no fresh dist/');
else {
  const entries = [
    'index.js', 'consent.js', 'kindcheck.js', 'fhir.js', 'testing.js',
    ...readdirSync(join(dist, 'frameworks')).filter((f) => f.endsWith('.js')).sort().map((f) => `frameworks/${f}`),
  ];
  const bundle = async (label: string, options: esbuild.BuildOptions) => {
    const result = await esbuild.build({
      ...options,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      outdir: join(root, '.bench-out'), // nothing is written (write: false); names the output
      external: ['fast-check'],
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!;
    const gz = gzipSync(js.contents, { level: 9 }).length;
    const inputs = Object.keys(result.metafile.inputs);
    const jre = inputs.some((p) => p.includes('node_modules/json-rules-engine/'));
    const fromDist = inputs.some((p) => p.startsWith('dist/'));
    // Minified bytes per dependency in the output, before gzip.
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.js'))![1];
    const perPackage = new Map<string, number>();
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = m ? m[1]! : 'meldcode';
      perPackage.set(key, (perPackage.get(key) ?? 0) + bytesInOutput);
    }
    const parts = [...perPackage].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kB(v)}`).join(', ');
    out(`  ${label.padEnd(44)} ${kB(js.contents.length).padStart(9)} min ${kB(gz).padStart(9)} min+gz   jre: ${jre ? 'YES' : 'no '}   (min by package: ${parts})`);
    return { gz, jre, fromDist };
  };
  for (const entry of entries) {
    try {
      const r = await bundle(`dist/${entry}`, { entryPoints: [join(dist, entry)] });
      if (entry === 'index.js') coreHasJre = r.jre;
    } catch (e) {
      out(`  dist/${entry}: bundling failed: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  // What an app that only calls evaluate() ships, after tree-shaking (package.json sideEffects: false).
  // The package imports itself by name: esbuild resolves 'meldcode' through package.json exports.
  const contents = "import { evaluate } from 'meldcode';\nconsole.log(evaluate({ considerations: { suspicion: false } }).outcome);\n";
  // tsconfigRaw: not the repository's tsconfig, whose `paths` point the typecheck at src/.
  const r = await bundle("entry: import { evaluate } from 'meldcode'", { stdin: { contents, resolveDir: root, sourcefile: 'evaluate-only.js', loader: 'js' }, tsconfigRaw: {} });
  if (!r.fromDist) throw new Error("'meldcode' did not resolve to dist/ when bundling the evaluate-only entry");
  coreEvaluateGz = r.gz;
  out("  ^ an entry file that only imports evaluate from 'meldcode' (resolved via package.json exports to");
  out('    dist/index.js) and calls it: what tree-shaking leaves (package.json has sideEffects: false).');
  out(`  { evaluate } alone: ${kB(r.gz)} min+gz   (issue target ≤ 60 kB: ${verdict(r.gz <= 60_000)})`);
  // The documented small path: evaluateWith and one framework subpath, so the registry (every
  // framework) stays out. With basismodel: the whole library, every module, one framework.
  const small = "import { evaluateWith } from 'meldcode';\nimport { basismodel } from 'meldcode/frameworks/basismodel';\nconsole.log(evaluateWith(basismodel, { considerations: { suspicion: false } }).outcome);\n";
  const s = await bundle("entry: evaluateWith + frameworks/basismodel", { stdin: { contents: small, resolveDir: root, sourcefile: 'evaluate-with.js', loader: 'js' }, tsconfigRaw: {} });
  smallPathGz = s.gz;
  out(`  evaluateWith + meldcode/frameworks/basismodel: ${kB(s.gz)} min+gz (every module and one framework, no registry; the same target applies)`);
  out(
    `  json-rules-engine in the core bundles: dist/index.js ${coreHasJre ? 'YES' : 'no'}, { evaluate } alone ${r.jre ? 'YES' : 'no'}` +
      ' (it should only be reachable from dist/testing.js)',
  );
}
took();
out();

// --- 6: decision JSON size -------------------------------------------------------------------
out('6. Size of a decision: bytes of JSON.stringify(evaluate(case)), UTF-8, over all examples');
const sizes = examples
  .map((e) => ({ id: e.id, bytes: Buffer.byteLength(JSON.stringify(evaluate(e.case as Record<string, any>, OPTIONS)), 'utf8') }))
  .sort((a, b) => a.bytes - b.bytes);
const mid = sizes[Math.floor(sizes.length / 2)]!;
out(
  `  min ${kB(sizes[0]!.bytes)} (${sizes[0]!.id}), median ${kB(median(sizes.map((s) => s.bytes)))} (e.g. ${mid.id}), ` +
    `max ${kB(sizes.at(-1)!.bytes)} (${sizes.at(-1)!.id}); ${sizes.length} examples`,
);
took();
out();

// --- summary ---------------------------------------------------------------------------------
out('Summary against the issue targets (this run):');
out(`  evaluateReference / evaluate          ${fmt(fullRatio).padStart(8)}×     target ≥ 200×    ${verdict(fullRatio >= 200)}`);
out(`  runRules / handWritten                ${fmt(handRatio).padStart(8)}×     target ≤ 3×      ${verdict(handRatio <= 3)}   (outcome only: ${fmt(heldRatio ?? NaN)}×; the trail's objects alone: ${fmt(trailOnlyRatio ?? NaN)}×)`);
if (coldDiff !== undefined) out(`  cold start above bare Node            ${fmt(coldDiff).padStart(8)} ms    target ≤ 30 ms   ${verdict(coldDiff <= 30)}   (zod/mini alone: ${fmt(zodFloor ?? NaN)} ms)`);
if (coreEvaluateGz !== undefined) out(`  { evaluate } min+gz                   ${kB(coreEvaluateGz).padStart(11)}  target ≤ 60 kB   ${verdict(coreEvaluateGz <= 60_000)}   (evaluateWith + basismodel: ${kB(smallPathGz ?? NaN)})`);
if (heapPerEval !== undefined) out(`  heap allocated per evaluate()         ${kB(heapPerEval).padStart(11)}  (no target)`);
out(`Total run time of this bench: ${fmt((performance.now() - benchStart) / 1000)} s (build included).`);
void sink;
