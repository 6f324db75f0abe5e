// npm run bench: evaluate() on the bundled example cases against (a) bare json-rules-engine
// running the same compiled rules in this process and (b) a hand-written TypeScript function of
// the same five considerations. Prints µs per evaluation and the ratios. Not a test: numbers vary
// by machine, so only the ratios measured in one run mean anything.
import { evaluate, getFramework } from '../src/index.js';
import { compileFramework } from '../src/frameworks/framework.js';
import { compileRules } from '../src/rules/engine.js';
import { loadExamples } from '../scripts/load-examples.js';
import { handWritten } from './hand-written.js';

const examples = loadExamples();
const cases = examples.map((e) => e.case as Record<string, any>);
const ROUNDS = 7;
const PER_ROUND = Number(process.env.BENCH_ITERATIONS ?? 100);

async function measure(name: string, fn: (c: Record<string, any>) => unknown): Promise<number> {
  for (const c of cases) await fn(c); // warm up
  const perEval: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < PER_ROUND; i++) for (const c of cases) await fn(c);
    perEval.push(((performance.now() - start) * 1000) / (PER_ROUND * cases.length));
  }
  perEval.sort((a, b) => a - b);
  const median = perEval[Math.floor(ROUNDS / 2)]!;
  console.log(`${name.padEnd(44)} ${median.toFixed(1).padStart(9)} µs/eval  (min ${perEval[0]!.toFixed(1)}, max ${perEval[ROUNDS - 1]!.toFixed(1)})`);
  return median;
}

// The same rule files, on an engine of their own, fed the same facts: the engine's share.
const compiled = await compileFramework(getFramework('basismodel'));
const bare = compileRules(compiled.ruleFiles).engine;

// Sanity: the hand-written baseline agrees with evaluate() on every example, or the comparison is void.
for (const [i, c] of cases.entries()) {
  const d = await evaluate(c, { evaluationDate: '2026-11-23' });
  // The baseline knows only the five considerations; scope (issue 3) routes these cases elsewhere.
  if (d.outcome === 'out-of-scope') continue;
  const h = handWritten(c);
  if (d.outcome !== h.outcome) throw new Error(`hand-written baseline disagrees on ${examples[i]!.id}: ${h.outcome} vs ${d.outcome}`);
}

console.log(`meldcode bench: ${cases.length} example cases, ${ROUNDS} rounds × ${PER_ROUND} iterations, Node ${process.version}\n`);
const full = await measure('evaluate() (validate, rules, trail, receipt)', (c) => evaluate(c, { evaluationDate: '2026-11-23' }));
const engine = await measure('bare json-rules-engine, same rules', (c) =>
  bare.run({ client: c.client, considerations: c.considerations }),
);
const hand = await measure('hand-written TypeScript, five considerations', (c) => handWritten(c));
console.log(`\nratios: evaluate / bare engine = ${(full / engine).toFixed(2)}×, evaluate / hand-written = ${(full / hand).toFixed(0)}×, bare engine / hand-written = ${(engine / hand).toFixed(0)}×`);
