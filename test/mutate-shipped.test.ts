// npm run mutate -- --strict (scripts/mutate-shipped.ts, the CI step of issue 15 item 4): it exits
// non-zero while a survivor is neither killed, equivalent nor explained. With a deliberately weak
// golden set (--golden examples: the bundled examples only) a scope rule's mutant survives and the
// run fails; with the full golden set the same mutant is killed and the run passes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const id = 'scope/scope-professional-jeugdzorg-meldplicht/drop-condition@all.0';
const ids = join(mkdtempSync(join(tmpdir(), 'meldcode-mutate-shipped-')), 'ids.txt');
writeFileSync(ids, `${id}\n`);
const run = (...extra: string[]) =>
  spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['scripts/mutate-shipped.ts', '--strict', '--runs', '1', '--only', ids, ...extra], { encoding: 'utf8', timeout: 280_000 });

describe('npm run mutate -- --strict', () => {
  it('exits 1 on a golden set too weak to kill a scope mutant, naming it unexplained', () => {
    const r = run('--golden', 'examples');
    expect(r.stdout).toContain(`${id}  [unexplained]`);
    expect(r.stdout).toMatch(/--strict: 1 survivors are neither killed, equivalent nor explained/);
    expect(r.status).toBe(1);
  }, 300_000);

  it('exits 0 when the golden cases kill it', () => {
    const r = run();
    expect(r.stdout).toMatch(/total: 1 mutants, 1 killed/);
    expect(r.status).toBe(0);
  }, 300_000);
});
