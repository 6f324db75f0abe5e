// npm run verify:differential -- --cases 1000000 [--seed N] [--framework id[,id…]] [--share N] [--from K] [--workers N]
// Compares the compiled evaluator with the json-rules-engine reference on generated cases, per
// shipped framework (the cases are split evenly over the frameworks), in worker processes (one per
// CPU unless --workers). Shares are queued round-robin over the frameworks, so a run stopped part
// way has covered every framework evenly. Prints the result per framework and exits 1 on the
// first difference, with the case.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { listFrameworks } from '../src/index.js';
import { checkAgainstReference } from '../src/testing/index.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261201' },
    framework: { type: 'string' },
    worker: { type: 'boolean', default: false },
    // Cases per worker process; smaller shares report progress more often (a long run stays readable).
    share: { type: 'string' },
    // Skip the first K shares (in the order listed), so a long run can go on in another session.
    from: { type: 'string', default: '0' },
    // Worker processes (default: one per CPU); fewer leave the machine for other work.
    workers: { type: 'string' },
  },
});
const seed = Number(values.seed);

if (values.worker) {
  // One share: a framework, a number of cases and a seed of its own.
  const result = await checkAgainstReference(values.framework as string, { cases: Number(values.cases), seed });
  process.send?.(result);
  process.exit(0);
}

// --framework a,b,c: these frameworks, in this order (the same list and --share give the same
// shares at a later commit, so --from K resumes exactly even after a framework was added).
const frameworks = values.framework ? values.framework.split(',') : listFrameworks().map((f) => f.id);
const total = Number(values.cases);
const perFramework = Math.ceil(total / frameworks.length);
const workers = values.workers ? Math.max(1, Number(values.workers)) : Math.max(1, availableParallelism());
if (!Number.isInteger(workers)) throw new Error(`--workers: expected a whole number, got ${values.workers}`);
const shareSize = values.share ? Math.max(1, Number(values.share)) : Math.max(1000, Math.ceil(perFramework / Math.max(1, Math.ceil((workers * 4) / frameworks.length))));
// Share i of every framework, then share i + 1: round-robin, so `--from K` resumes evenly.
const perFrameworkShares = Math.ceil(perFramework / shareSize);
const shares = Array.from({ length: perFrameworkShares }, (_, i) =>
  frameworks.map((framework) => ({
    framework,
    cases: Math.min(shareSize, perFramework - i * shareSize),
    seed: (seed + i * 7919) | 0,
  })),
)
  .flat()
  .map((share, index) => ({ ...share, index }));
console.log(`verify:differential — ${perFramework * frameworks.length} cases (${perFramework} per framework: ${frameworks.join(', ')}), base seed ${seed}, ${shares.length} shares on ${workers} workers`);
const started = performance.now();
const done = new Map<string, { cases: number; inputErrors: number }>();
let failed = false;
const from = Math.max(0, Number(values.from));
if (!Number.isInteger(from)) throw new Error(`--from: expected a whole number of shares, got ${values.from}`);
if (from > 0) console.log(`  skipping the first ${from} of ${shares.length} shares (--from ${from})`);
const queue = shares.slice(from);
async function runWorker(): Promise<void> {
  for (let share = queue.shift(); share && !failed; share = queue.shift()) {
    const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const child = fork(process.argv[1] as string, ['--worker', '--framework', share.framework, '--cases', String(share.cases), '--seed', String(share.seed)], {
        execArgv: process.execArgv,
      });
      child.on('message', (m) => resolve(m as Record<string, unknown>));
      child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))));
    });
    if (result.ok !== true) {
      failed = true;
      console.error(`DIFFERENCE in ${share.framework} (seed ${share.seed}):\ncase: ${JSON.stringify(result.case)}\ncompiled:  ${String(result.compiled).slice(0, 4000)}\nreference: ${String(result.reference).slice(0, 4000)}`);
      return;
    }
    const d = done.get(share.framework) ?? { cases: 0, inputErrors: 0 };
    d.cases += Number(result.cases);
    d.inputErrors += Number(result.inputErrors);
    done.set(share.framework, d);
    const sum = [...done.values()].reduce((a, b) => a + b.cases, 0);
    console.log(`  share ${share.index + 1}/${shares.length} ${share.framework}: +${result.cases} identical (total ${sum}, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}
await Promise.all(Array.from({ length: workers }, runWorker));
const seconds = (performance.now() - started) / 1000;
for (const [framework, d] of done) console.log(`${framework}: ${d.cases} cases, no difference (${d.inputErrors} of them input errors, equal in both)`);
console.log(failed ? 'FAILED' : `no difference in ${[...done.values()].reduce((a, b) => a + b.cases, 0)} cases, ${seconds.toFixed(0)} s`);
process.exit(failed ? 1 : 0);
