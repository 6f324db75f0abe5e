// Generates docs/frameworks/<id>.md for every shipped framework (sources, steps, indicators,
// examples, open items, flowchart) and schema/framework.schema.json, from the data.
// `npm run docs:frameworks` writes them; test/frameworks-docs.test.ts checks they are up to date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { frameworkJsonSchema } from '../src/authoring/index.js';
import { stepRequirements } from '../src/frameworks/floor/check.js';
import type { Framework } from '../src/frameworks/framework.js';
import { type FrameworkAlias, frameworkAlias, getFramework, listFrameworks } from '../src/frameworks/registry.js';
import { toMermaid } from '../src/flowchart/index.js';
import type { Source } from '../src/rules/schema.js';
import { sourceEntry } from '../src/sources/sources.js';
import { compileFramework } from '../src/frameworks/framework.js';
import { type DecisionChange, diffFrameworks, type FrameworkDiff } from '../src/testing/diff.js';
import type { FrameworkId } from '../src/authoring/ids.js';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * A citation for a person: the document by title (its own, or the source catalogue's), publisher
 * and year or version where known, the heading, and the file name (the machine key) at the end.
 */
function cite(s: Source): string {
  const entry = sourceEntry(s.document);
  const parts = (
    s.title ? [`*${s.title}*`, s.publisher, s.version] : entry ? [`*${entry.title}*`, entry.publisher, entry.year?.toString() ?? entry.version] : []
  ).filter((p): p is string => Boolean(p));
  const file = `\`${s.document}\``;
  if (parts.length === 0) return `${file}, § ${s.section}`;
  if (s.url) return `${parts.join(', ')} — <${s.url}> (facts in ${entry ? `*${entry.title}*, ` : ''}${file})`;
  return `${parts.join(', ')}, § ${s.section} (${file})`;
}

/** {@link cite}, and the quoted words where the source quotes them. */
const citeQuoted = (s: Source) => `${cite(s)}${s.quote ? `: “${s.quote}”` : ''}`;

const kinds = { acute: 'Acute onveiligheid / acute unsafety', disclosure: 'Disclosure', structural: 'Structurele onveiligheid / structural unsafety', 'parent-factor': 'Ernstige ouderfactoren / serious parent factors' } as const;

/** The framework every page is compared with: the Basisdocument's example framework. */
export const DIFF_BASE = 'basismodel';
/** The search behind each page's table: fixed, so the pages are reproducible (and checked fresh). */
export const DIFF_OPTIONS = { numRuns: 100, seed: 20261201, maxDifferences: 20 } as const;

const diffs = new Map<string, FrameworkDiff>();
/**
 * {@link diffFrameworks} of {@link DIFF_BASE} against a framework, with {@link DIFF_OPTIONS};
 * computed once per process for a shipped one (the pages are rendered more than once in a test run).
 */
export function diffFromBase(fw: Framework): FrameworkDiff {
  const shipped = listFrameworks().some((f) => f.id === fw.id && getFramework(f.id) === fw);
  let diff = shipped ? diffs.get(fw.id) : undefined;
  if (!diff) {
    diff = diffFrameworks(DIFF_BASE, fw, DIFF_OPTIONS);
    if (shipped) diffs.set(fw.id, diff);
  }
  return diff;
}

const shown = (value: unknown) => (value === null || value === undefined ? '—' : `\`${JSON.stringify(value)}\``);
const listItem = (change: DecisionChange) => / only in [ab]$/.test(change.key);

/** One side of a change: a list aspect's item where that side has it, any other aspect's value. */
function side(change: DecisionChange, which: 'a' | 'b'): string {
  if (listItem(change)) return change[which] === null ? '—' : `has \`${String(change[which])}\``;
  return shown(change[which]);
}

/**
 * What else differs on a difference's case, short: each aspect once, a list aspect with how many
 * items only one side has (`nextQuestions` (+0 / −17)), the outcome and the norm with both values.
 */
function alsoDiffers(changes: DecisionChange[], a: string, b: string): string {
  const parts: string[] = [];
  const lists = new Map<string, { a: number; b: number }>();
  for (const c of changes) {
    if (listItem(c)) {
      const n = lists.get(c.aspect) ?? { a: 0, b: 0 };
      if (c.a !== null) n.a++;
      else n.b++;
      if (!lists.has(c.aspect)) parts.push(c.aspect);
      lists.set(c.aspect, n);
    } else parts.push(c.key);
  }
  return parts
    .map((p) => {
      const n = lists.get(p);
      return n ? `\`${p}\` (${[n.a ? `${n.a} only in ${a}` : '', n.b ? `${n.b} only in ${b}` : ''].filter(Boolean).join(', ')})` : `\`${p}\``;
    })
    .join(', ');
}

/** The section that compares a framework with {@link DIFF_BASE}: every difference, on its minimal case. */
export function renderDiffSection(fw: Framework): string[] {
  const out: string[] = ['## How it differs from `basismodel`', ''];
  if (fw.id === DIFF_BASE) {
    out.push(`This is the framework the other pages compare with (\`diffFrameworks('${DIFF_BASE}', id)\`).`, '');
    return out;
  }
  const diff = diffFromBase(fw);
  const options = Object.entries(DIFF_OPTIONS).map(([k, v]) => `${k}: ${v}`).join(', ');
  out.push(
    `Computed by \`diffFrameworks('${DIFF_BASE}', '${fw.id}', { ${options} })\` (\`meldcode diff ${DIFF_BASE} ${fw.id}\`) in ${diff.cases.toLocaleString('en')} generated cases. Each row is one difference, on the smallest case found that shows it, with both outcomes and what else differs on that case. Only what is decided is compared, not the texts. The indicators only one of the two knows are left out of the search: ${diff.vocabulary.onlyInA.length} only in \`${DIFF_BASE}\`, ${diff.vocabulary.onlyInB.length} only in \`${fw.id}\`.`,
    '',
  );
  if (diff.identical) {
    out.push('No difference found.', '');
    return out;
  }
  out.push(`| # | aspect | \`${DIFF_BASE}\` | \`${fw.id}\` | minimal case | outcomes | also differs on that case |`, '|---|---|---|---|---|---|---|');
  diff.differences.forEach((d, i) => {
    const target = d.changes.find((c) => c.key === d.key)!;
    const others = alsoDiffers(d.changes.filter((c) => c.key !== d.key), DIFF_BASE, fw.id);
    out.push(
      `| ${i + 1} | \`${cell(target.aspect)}\` | ${cell(side(target, 'a'))} | ${cell(side(target, 'b'))} | \`${cell(JSON.stringify(d.case))}\` | ${d.outcomes.a} / ${d.outcomes.b} | ${cell(others || '—')} |`,
    );
  });
  out.push('');
  if (diff.truncated) out.push(`The search stopped at ${DIFF_OPTIONS.maxDifferences} differences; there may be more.`, '');
  return out;
}

/** The Markdown page for one framework. */
export function renderFrameworkDoc(fw: Framework): string {
  const out: string[] = [];
  const roles = new Map((fw.roles ?? []).map((r) => [r.id, r.name]));
  const names = (ids?: string[]) => (ids ?? []).map((id) => roles.get(id)?.nl ?? id).join(', ') || '—';
  out.push(`<!-- Generated by scripts/framework-docs.ts from src/frameworks/${fw.extends ? '' : `${fw.id}/`}; do not edit by hand. -->`);
  out.push(`# ${fw.name.nl}`, '', `*${fw.name.en}*`, '');
  if (fw.description) out.push(fw.description.nl, '', `> ${fw.description.en}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| id | \`${fw.id}\` (\`meldcode/frameworks/${fw.id}\`) |`);
  out.push(`| version | ${fw.version} |`, `| valid from | ${fw.validFrom} |`);
  out.push(`| role | ${fw.role === 'signaller' ? 'signaleerder / signaller' : 'hulpverlener / helper'} |`);
  out.push(`| publishers | ${cell(fw.publishers.join(', '))} |`);
  if (fw.consent) out.push(`| consent | \`${fw.consent.regime}\` (${cell(cite(fw.consent.source))}) |`);
  // The objection regime (DESIGN §6.5): the framework's own, or the weighing where its source does not settle it.
  out.push(
    fw.objectionRegime
      ? `| objection regime | \`${fw.objectionRegime.regime}\` (${cell(cite(fw.objectionRegime.source))}) |`
      : '| objection regime | `weighing`: not settled by its source; the library applies the weighing and says so (library convention) |',
  );
  if (fw.designatedOfficer) out.push(`| designated officer | ${cell(names([fw.designatedOfficer.role]))}${fw.designatedOfficer.tasks ? `: ${cell(fw.designatedOfficer.tasks.nl)}` : ''} |`);
  out.push('', '## Sources', '', `- ${cite(fw.source)}`);
  for (const s of fw.sources ?? []) out.push(`- ${cite(s)}`);
  out.push('');

  if (fw.questionLabels?.length) {
    out.push('## Labels for the five considerations', '', '| # | nl | en |', '|---|---|---|');
    for (const l of fw.questionLabels) out.push(`| ${l.consideration} | ${l.label.nl} | ${l.label.en} |`);
    out.push('');
  }

  out.push('## Steps', '', '| step | taken by | decides | informed |', '|---|---|---|---|');
  for (const n of [1, 2, 3, 4, 5]) {
    const s = fw.steps?.find((x) => x.step === n);
    out.push(`| ${n} | ${cell(names(s?.takenBy))} | ${n === 5 ? cell(names(s?.decidedBy)) : ''} | ${cell(names(s?.informed))} |`);
  }
  out.push('', '### Step requirements (the legal floor, made stricter where the framework says so)', '');
  out.push('| step | id | level | requirement | source |', '|---|---|---|---|---|');
  for (const r of stepRequirements(fw)) {
    const who = r.appliesTo ? ` (${r.appliesTo.nl})` : '';
    out.push(`| ${r.step} | \`${r.id}\` | ${r.level}${cell(who)} | ${cell(r.text.nl)} | ${cell(cite(r.source))} |`);
  }
  out.push('');

  out.push('## Indicators', '', 'Answer them under `considerations.indicators.<code>`; a yes is itself a reason in the trail. The serious parent factors come from the legal floor. Each row names its own source: the document, the heading the words stand under, and the words.', '');
  for (const kind of ['acute', 'disclosure', 'structural'] as const) {
    const list = fw.indicators.filter((i) => i.kind === kind);
    if (list.length === 0) continue;
    out.push(`### ${kinds[kind]} (${list.length})`, '', '| code | nl | en | source |', '|---|---|---|---|');
    for (const i of list) out.push(`| \`${i.code}\` | ${cell(i.text.nl)} | ${cell(i.text.en)} | ${cell(citeQuoted(i.source))} |`);
    out.push('');
  }

  if (fw.guidingQuestions?.length) {
    out.push('## Guiding questions (shown, never evaluated)', '');
    out.push('They help the professional answer a consideration; the answer itself stays the case fact named under *relates to*.', '');
    out.push('| consideration | code | nl | relates to |', '|---|---|---|---|');
    for (const q of fw.guidingQuestions) out.push(`| ${q.consideration} | \`${q.code}\` | ${cell(q.text.nl)} | ${q.relatesTo ? `\`${q.relatesTo}\`` : '—'} |`);
    out.push('');
  }

  if (fw.examples?.length) {
    out.push('## Examples', '');
    for (const e of fw.examples) {
      out.push(`### \`${e.id}\``, '', `> ${e.text.nl}`, '', `*${e.text.en}*`, '');
      out.push(`Case: \`${JSON.stringify(e.case)}\` → **${e.expect.outcome}**${e.expect.norms.length ? ` (norm ${e.expect.norms.join(', ')})` : ''}. Source: ${cite(e.source)}`, '');
    }
  }

  if (fw.rules?.rules.length) {
    out.push('## Rules this framework adds to the floor', '', '| id | effect | explanation | source |', '|---|---|---|---|');
    for (const r of fw.rules.rules) out.push(`| \`${r.id}\` | ${r.event.type} | ${cell(r.explanation.nl)} | ${cell(cite(r.source))} |`);
    out.push('');
  }

  if (fw.superseded?.length) {
    out.push('## Superseded parts of older sources', '', '| part | why | source |', '|---|---|---|');
    for (const s of fw.superseded) out.push(`| ${cell(s.part.nl)} | ${cell(s.reason.nl)} | ${cell(cite(s.source))} |`);
    out.push('');
  }

  if (fw.openItems?.length) {
    out.push('## Open items', '', 'What the profession\'s own document would add but the sources at hand lack. Not encoded as rules.', '');
    for (const o of fw.openItems) out.push(`- **${o.id}**: ${o.text.nl}${o.source ? ` (${cite(o.source)})` : ''}`);
    out.push('');
  }

  out.push(...renderDiffSection(fw));

  out.push('## Flowchart', '', 'Every decision option, the exits that close the meldcode included; each exit names the floor rule that takes it.', '');
  out.push('```mermaid', toMermaid(fw).trimEnd(), '```', '');
  return out.join('\n');
}

/**
 * The page for an alias: its own names, the passage that says it shares the framework, and a link
 * to that framework's page (the rules are not repeated: an alias is not a copy).
 */
export function renderAliasDoc(alias: FrameworkAlias): string {
  const fw = getFramework(alias.aliasOf as FrameworkId);
  const out: string[] = [];
  out.push(`<!-- Generated by scripts/framework-docs.ts from src/frameworks/${alias.id}/; do not edit by hand. -->`);
  out.push(`# ${alias.name.nl}`, '', `*${alias.name.en}*`, '');
  out.push(alias.description.nl, '', `> ${alias.description.en}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| id | \`${alias.id}\` (\`meldcode/frameworks/${alias.id}\`) |`);
  out.push(`| alias of | [\`${fw.id}\`](${fw.id}.md): ${cell(fw.name.nl)}, version ${fw.version} |`);
  out.push(`| receipt | \`framework.id\` is \`${fw.id}\`, \`shipped\` is \`true\`: the framework really evaluated |`);
  out.push('', '## Why an alias', '', `- ${citeQuoted(alias.source)}`);
  // The associations' own page, from the cluster's fact note (docs/sources/).
  const meta = JSON.parse(readFileSync(join(root, 'src', 'frameworks', alias.id, `${alias.id}.alias.json`), 'utf8')) as { publicPage?: { title: string; publisher: string; url: string }; factNote?: string };
  if (meta.publicPage) out.push(`- *${meta.publicPage.title}*, ${meta.publicPage.publisher} — <${meta.publicPage.url}>${meta.factNote ? ` (facts in [\`${meta.factNote}\`](../sources/${meta.factNote.split('/').pop()}))` : ''}`);
  out.push('');
  out.push(`Everything else (sources, steps, indicators, examples, open items, the differences from \`basismodel\`) is on the page of [\`${fw.id}\`](${fw.id}.md).`, '');
  return out.join('\n');
}

/** Every generated file, by path relative to the repository root. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { id } of listFrameworks({ aliases: true })) {
    const alias = frameworkAlias(id);
    files.set(`docs/frameworks/${id}.md`, alias ? renderAliasDoc(alias) : renderFrameworkDoc(getFramework(id)));
  }
  files.set('schema/framework.schema.json', JSON.stringify(frameworkJsonSchema(), null, 2) + '\n');
  // The receipt's `shipped` flag compares a framework's hash with these; an alias has none of its own (it is not listed without `aliases`).
  const hashes = Object.fromEntries(listFrameworks().map(({ id }) => [id, compileFramework(getFramework(id)).hash]));
  files.set('src/frameworks/shipped.json', JSON.stringify(hashes, null, 2) + '\n');
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [path, content] of generatedFiles()) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    console.log(`wrote ${path}`);
  }
}
