// Times validateFramework and one evaluate on a hostile framework document: `npx tsx scripts/framework-dos.ts <dag|deep|many> <n>`.
// dag n: n named conditions c_i = all[c_{i+1}, c_{i+1}]; deep n: an n-deep condition tree; many n: n rules. Used for the issue 10 note.
import { evaluate, getFramework } from '../src/index.js';
import { validateFramework } from '../src/authoring/index.js';
const base = structuredClone(getFramework('basismodel')) as any;
const rule = (id: string, conditions: unknown) => ({ id, priority: 10, conditions, event: { type: 'action', params: { action: 'x-action' } }, explanation: { nl: 'x', en: 'x' }, source: { document: '004_afb33b2afc6e3693.txt', section: 'Kind Check' } });
const leaf = { fact: 'considerations', path: 'childSignals', operator: 'equal', value: true };
function doc(kind: string, n: number) {
  const d = { ...structuredClone(base), id: `dos-${kind}`, version: '1.0.0' };
  if (kind === 'dag') {
    const conditions: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) conditions[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
    conditions[`c${n}`] = { all: [leaf] };
    d.rules = { id: 'dos', conditions, rules: [rule('dag', { all: [{ condition: 'c0' }] })] };
  } else if (kind === 'deep') {
    let c: any = leaf;
    for (let i = 0; i < n; i++) c = { all: [c] };
    d.rules = { id: 'dos', rules: [rule('deep', c)] };
  } else if (kind === 'many') {
    d.rules = { id: 'dos', rules: Array.from({ length: n }, (_, i) => rule(`r-${i}`, { all: [leaf] })) };
  }
  return d;
}
const [kind, n] = [process.argv[2]!, Number(process.argv[3])];
const d = doc(kind, n);
let t = performance.now();
let v: any;
try { v = validateFramework(d); } catch (e) { console.log('validate threw', (e as Error).name, (e as Error).message.slice(0, 200)); }
console.log(kind, n, 'validate ms', (performance.now() - t).toFixed(0), v?.ok, v?.issues?.[0]?.code, v?.issues?.[0]?.message?.en?.slice(0, 150));
if (v?.ok) {
  t = performance.now();
  try { evaluate({ considerations: { suspicion: true, childSignals: true } }, { framework: v.framework, evaluationDate: '2026-11-23' }); } catch (e) { console.log('eval threw', (e as Error).name); }
  console.log('evaluate ms', (performance.now() - t).toFixed(0));
}
