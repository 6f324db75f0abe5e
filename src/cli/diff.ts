// `meldcode diff <a> <b>`: where two frameworks give a different decision, each difference on
// its smallest case, with both trails side by side. Loaded on demand (it needs fast-check).
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import type { Lang } from '../rules/trail.js';
import { diffFrameworks, type DiffTrailLine, type FrameworkDiff } from '../testing/diff.js';
import type { FrameworkRef } from '../authoring/ids.js';

const words = {
  nl: { none: 'geen verschil gevonden', found: 'verschil(len)', cases: 'casussen', kase: 'casus', outcome: 'uitkomst', also: 'ook anders', trail: 'spoor', more: 'er kunnen meer verschillen zijn (--runs, of het maximum)', vocab: 'indicatoren die alleen één kent (niet vergeleken)' },
  en: { none: 'no difference found', found: 'difference(s)', cases: 'cases', kase: 'case', outcome: 'outcome', also: 'also different', trail: 'trail', more: 'there may be more differences (--runs, or the maximum)', vocab: 'indicators only one knows (not compared)' },
} as const;

/**
 * The two trails as rows: rules both have stand side by side (aligned on their longest common
 * order), a rule only one has stands alone in its column, marked.
 */
export function sideBySide(a: readonly DiffTrailLine[], b: readonly DiffTrailLine[]): [string, string, string][] {
  const x = a.map((l) => l.ruleId);
  const y = b.map((l) => l.ruleId);
  // Longest common subsequence, table from the end.
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: [string, string, string][] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) rows.push([x[i++]!, ' ', y[j++]!]);
    else if (j >= y.length || (i < x.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) rows.push([x[i++]!, '<', '']);
    else rows.push(['', '>', y[j++]!]);
  }
  return rows;
}

/** The diff as text for a terminal. */
export function formatDiff(diff: FrameworkDiff, lang: Lang): string {
  const w = words[lang];
  const out: string[] = [];
  const head = `meldcode diff ${diff.a} ${diff.b}: `;
  out.push(head + (diff.identical ? w.none : `${diff.differences.length} ${w.found}`) + ` (${diff.cases} ${w.cases}, seed ${diff.seed})`);
  if (diff.vocabulary.onlyInA.length + diff.vocabulary.onlyInB.length > 0) {
    out.push(`${w.vocab}: ${diff.a}: ${diff.vocabulary.onlyInA.length}, ${diff.b}: ${diff.vocabulary.onlyInB.length}`);
  }
  const named = (key: string) => key.replace(/ only in a$/, ` only in ${diff.a}`).replace(/ only in b$/, ` only in ${diff.b}`);
  diff.differences.forEach((d, n) => {
    out.push('', `${n + 1}. ${named(d.key)}`);
    out.push(`   ${w.kase}: ${JSON.stringify(d.case)}`);
    out.push(`   ${w.outcome}: ${diff.a} ${d.outcomes.a}, ${diff.b} ${d.outcomes.b}`);
    const main = d.changes.find((c) => c.key === d.key);
    if (main && main.a !== null && main.b !== null) out.push(`   ${diff.a}: ${JSON.stringify(main.a)}`, `   ${diff.b}: ${JSON.stringify(main.b)}`);
    const others = d.changes.filter((c) => c.key !== d.key).map((c) => named(c.key));
    if (others.length > 0) out.push(`   ${w.also}: ${others.join('; ')}`);
    const rows = sideBySide(d.trails.a, d.trails.b);
    const width = Math.max(diff.a.length, ...rows.map((r) => r[0].length)) + 2;
    out.push(`   ${w.trail}:`, `     ${diff.a.padEnd(width)}  ${diff.b}`);
    for (const [left, mark, right] of rows) out.push(`     ${left.padEnd(width)}${mark} ${right}`.trimEnd());
  });
  if (diff.truncated) out.push('', w.more);
  return out.join('\n');
}

/** Runs the diff for the CLI; the frameworks are ids or parsed JSON documents. */
export function diffCommand(
  a: string | Framework | FrameworkInput,
  b: string | Framework | FrameworkInput,
  options: { json?: boolean; seed?: number; runs?: number },
  io: { stdout: { write(text: string): unknown } },
  lang: Lang,
): number {
  // An id from the command line is checked by diffFrameworks at run time (a typed error).
  const diff = diffFrameworks(a as FrameworkRef, b as FrameworkRef, {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.runs !== undefined ? { numRuns: options.runs } : {}),
  });
  io.stdout.write(options.json ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff, lang)}\n`);
  return 0;
}
