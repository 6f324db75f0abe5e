// Child process of bench/bench.ts (section 4, cold start). Usage:
//   node bench/cold-start.mjs <mode> <file URL of dist/index.js>
// mode "empty": nothing (the cost of starting Node on an ES module file),
// mode "import": import the built package only,
// mode "evaluate": import the built package and run one evaluate(),
// mode "zod": import zod/mini alone, as the package does (its peer dependency: the floor under any
// import of the package).
// Prints one JSON line with in-process timings (ms since the process's time origin); the parent
// measures the wall time of the whole spawn.
const [mode, url] = process.argv.slice(2);
const start = performance.now();
let imported = start;
let evaluated = start;
let outcome = null;
if (mode === 'zod') {
  await import('zod/mini');
  imported = performance.now();
} else if (mode === 'import' || mode === 'evaluate') {
  const { evaluate } = await import(url);
  imported = performance.now();
  if (mode === 'evaluate') {
    outcome = evaluate({ considerations: { suspicion: true, unsafety: { acute: true } } }, { evaluationDate: '2026-11-23' }).outcome;
    evaluated = performance.now();
  }
}
console.log(JSON.stringify({ mode, start, importMs: imported - start, evaluateMs: mode === 'evaluate' ? evaluated - imported : 0, outcome }));
