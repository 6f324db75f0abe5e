// Child process of bench/bench.ts (section 3, heap allocated per evaluate()). Usage:
//   node --expose-gc --min-semi-space-size=128 --max-semi-space-size=128 bench/heap.mjs \
//     <file URL of dist/index.js> <examples dir> <batches>
// With a 128 MB young generation fixed from the start, a batch that allocates well under that
// needs no garbage collection, so heapUsed after − heapUsed before (after gc()) is what the batch
// allocated. A PerformanceObserver counts the collections that happen during each batch anyway;
// a batch with one is reported, not silently used.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

const [url, dir, batchesArg] = process.argv.slice(2);
const batches = Number(batchesArg ?? 7);
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const { evaluate } = await import(url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).case);
const options = { evaluationDate: '2026-11-23' };

let gcs = 0;
const observer = new PerformanceObserver((list) => { gcs += list.getEntries().length; });
observer.observe({ entryTypes: ['gc'] });
const flush = () => new Promise((resolve) => setImmediate(resolve));

let sink;
const pass = () => { for (const c of cases) sink = evaluate(c, options); };
for (let i = 0; i < 50; i++) pass(); // warm up: compile, and let the optimiser settle

/** One batch of `passes` passes over the cases: bytes per evaluate() and collections seen. */
async function batch(passes) {
  sink = undefined;
  globalThis.gc(); globalThis.gc();
  await flush(); await flush();
  gcs = 0;
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < passes; i++) pass();
  const after = process.memoryUsage().heapUsed;
  await flush(); await flush();
  return { bytes: (after - before) / (passes * cases.length), gcs };
}

// Size the batch to allocate about 40 MB, a third of one 128 MB semi-space.
const probe = await batch(1);
const passes = Math.max(1, Math.floor(40e6 / (probe.bytes * cases.length)));
const results = [];
for (let b = 0; b < batches; b++) results.push(await batch(passes));
observer.disconnect();
console.log(JSON.stringify({ cases: cases.length, passes, evaluationsPerBatch: passes * cases.length, results, sink: typeof sink }));
