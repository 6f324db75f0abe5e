// The packed tarball as an adopter gets it: `npm pack`, then `npm install <tarball>` into a fresh
// ESM app and a fresh CJS app, each running the README's example. Slow (two installs), so it
// runs only where MELDCODE_PACKED=1, after `npm run build` (a `.ci/run` step).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const npm = (cwd: string, ...args: string[]) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The README's first TypeScript sample, which is plain JavaScript as well. */
function readmeExample(): string {
  const sample = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(root, 'README.md'), 'utf8'))?.[1];
  if (sample === undefined || !sample.includes("from 'meldcode'")) throw new Error('README has no sample that imports meldcode');
  // What the sample computes, for the test to check (the sample itself only shows it).
  return `${sample}\nconsole.log('OUTCOME ' + JSON.stringify([decision.outcome, decision.report.norms]));\n`;
}

/** ESM `import { a, b } from 'meldcode'` as CJS `const { a, b } = require('meldcode')`. */
const asCommonJs = (source: string) => source.replace(/import \{([^}]*)\} from '([^']+)';/g, "const {$1} = require('$2');");

describe.runIf(process.env.MELDCODE_PACKED === '1')('the packed package in fresh consumers', () => {
  let work: string;
  let tarball: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'meldcode-consumers-'));
    // dist is built before this runs; prepack would build it again.
    const [packed] = JSON.parse(npm(root, 'pack', '--json', '--ignore-scripts', '--pack-destination', work)) as { filename: string }[];
    tarball = join(work, packed!.filename);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const consumers = [
    { kind: 'ESM', type: 'module', file: 'index.js', source: () => readmeExample() },
    { kind: 'CJS', type: 'commonjs', file: 'index.js', source: () => asCommonJs(readmeExample()) },
  ];

  it.each(consumers)('a fresh $kind app installs the tarball and runs the README example', ({ kind, type, file, source }) => {
    const app = join(work, kind.toLowerCase());
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: `consumer-${type}`, private: true, type }));
    // --prefer-offline: zod comes from the npm cache where it is there, else from the registry.
    npm(app, 'install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts');
    writeFileSync(join(app, file), source());
    const out = execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
    expect(out).toContain('OUTCOME ["report",[1]]');
    // zod is the app's one copy (a peer), json-rules-engine is not installed (an optional peer).
    expect(existsSync(join(app, 'node_modules', 'zod', 'package.json'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'meldcode', 'node_modules'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'json-rules-engine'))).toBe(false);
  }, 300_000);
});
