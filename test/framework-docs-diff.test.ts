// The table on each generated framework page (issue 15 item 5): how the framework differs from
// basismodel, computed by diffFrameworks and shrunk to minimal cases. That the pages on disk are
// the generated ones is checked by test/flowchart.test.ts ('is up to date').
import { beforeAll, describe, expect, it } from 'vitest';
import { DIFF_BASE, diffFromBase, generatedFiles, renderDiffSection } from '../scripts/framework-docs.js';
import { extendFramework, getFramework, listFrameworks } from '../src/index.js';

const section = (page: string) => page.slice(page.indexOf('## How it differs from `basismodel`'), page.indexOf('## Flowchart'));
const rows = (text: string) => text.split('\n').filter((l) => /^\| \d+ \|/.test(l));

describe('the diff table on each framework page', () => {
  // The pages' diff tables take tens of seconds of CPU to compute, once: more on a loaded machine than a test's timeout.
  let files: Map<string, string>;
  beforeAll(() => {
    files = generatedFiles();
  }, 900_000);

  it.each(listFrameworks().filter((f) => f.id !== DIFF_BASE).map((f) => f.id))('%s: one row per difference diffFrameworks finds, each with its minimal case and both outcomes', (id) => {
    const diff = diffFromBase(getFramework(id));
    expect(diff.differences.length).toBeGreaterThan(0);
    const table = rows(section(files.get(`docs/frameworks/${id}.md`)!));
    expect(table).toHaveLength(diff.differences.length);
    diff.differences.forEach((d, i) => {
      const aspect = d.changes.find((c) => c.key === d.key)!.aspect;
      expect(table[i]).toContain(`| \`${aspect}\` |`);
      expect(table[i]).toContain(`\`${JSON.stringify(d.case).replace(/\|/g, '\\|')}\``);
      expect(table[i]).toContain(`| ${d.outcomes.a} / ${d.outcomes.b} |`);
    });
    expect(section(files.get(`docs/frameworks/${id}.md`)!)).toContain(`meldcode diff ${DIFF_BASE} ${id}`);
  });

  it("artsen: the physicians' step 2 (always ask Veilig Thuis advice, knmg-artsen-facts.md) is a row on its minimal case", () => {
    const table = rows(section(files.get('docs/frameworks/artsen.md')!));
    const step2 = table.find((r) => r.includes('| `steps.open` |'));
    expect(step2).toBeDefined();
    expect(step2).toContain('| — | has `2` | `{"steps":{"colleagueConsulted":true}}` |');
  });

  it('sociaal-domein: its consent regime (Jeugdwet/Wgbo, the client from 12; 000 §3.2) is a row on the case of a 12-year-old', () => {
    const table = rows(section(files.get('docs/frameworks/sociaal-domein.md')!));
    // The shrunk case is a client of 12 to 15, by age or by birth date (which one the search finds depends on the framework's vocabulary).
    expect(table.find((r) => r.includes('| `conversation.consentFrom` |'))).toMatch(/`\{"client":\{"(?:age":1[2-5]|birthDate":"\d{4}-\d{2}-\d{2}")\}\}`/);
  });

  it('basismodel: the page says it is the base the others compare with', () => {
    expect(section(files.get('docs/frameworks/basismodel.md')!)).toContain("This is the framework the other pages compare with (`diffFrameworks('basismodel', id)`)");
    expect(rows(section(files.get('docs/frameworks/basismodel.md')!))).toEqual([]);
  });

  it('a framework that changes nothing of basismodel gets no rows: "No difference found."', () => {
    const copy = extendFramework('basismodel', { id: 'basismodel-kopie', version: '1.0.0', name: { nl: 'Kopie', en: 'Copy' } });
    const text = renderDiffSection(copy).join('\n');
    expect(text).toContain('No difference found.');
    expect(rows(text)).toEqual([]);
  });
});
