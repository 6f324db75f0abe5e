// The library in a page under a strict Content-Security-Policy (issue 10 item 7): no 'unsafe-eval',
// no inline script. The page loads the ESM build bundled for the browser (zod included, as an
// app's bundler would), evaluates an example case, and must report no CSP violation; the
// decision must equal the one Node gives for the same build.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../scripts/load-examples.js';
import type { evaluate } from '../../src/index.js';
import { browserAvailable, launchChromium } from './chromium';

// The ESM build of the main entry, made here as tsup makes dist/index.js (so the test needs no
// earlier `npm run build`), then bundled for the browser with its dependencies.
const outDir = join(process.cwd(), 'node_modules', '.cache', 'meldcode-csp-test');
// 'report-sample' only makes the violation events carry the first characters of what was blocked.
const strictCsp = "default-src 'none'; script-src 'self' 'report-sample'; connect-src 'self'";

const example = loadExamples().find((e) => e.id === '02-acute-onveiligheid')!;
const options = { evaluationDate: '2026-11-23', lang: 'en' } as const;

// Runs before the library is imported: records every CSP violation.
const listenJs = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({ directive: e.violatedDirective, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
});
`;
// Imports the bundle named in the query string.
const pageJs = `
window.__meldcode = await import(new URLSearchParams(location.search).get('bundle'));
document.body.dataset.ready = 'yes';
`;
// A known violation, to prove the listener hears one: an inline script, which the CSP blocks.
// Violation events are queued in order, so once this one has arrived any earlier one has too.
// (Not an eval: chromium reports only the first blocked eval of a document.)
const controlJs = `
window.__control = () => new Promise((resolve) => {
  const seen = (e) => { if ((e.sample || '').includes('meldcode-control')) { document.removeEventListener('securitypolicyviolation', seen); resolve(); } };
  document.addEventListener('securitypolicyviolation', seen);
  const script = document.createElement('script');
  script.textContent = '/* meldcode-control */';
  document.head.append(script);
});
`;
const html = `<!doctype html><html><head><meta charset="utf-8"><title>csp</title>
<script src="/listen.js"></script><script src="/control.js"></script><script type="module" src="/page.js"></script>
</head><body></body></html>`;

let server: Server;
let origin: string;
let nodeBuild: typeof import('../../src/index.js');

/** Bundles `entry` for the browser, with zod and every other dependency inside. */
async function browserBundle(entry: string, name: string): Promise<string> {
  await esbuild({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: join(outDir, name), logLevel: 'silent' });
  return readFileSync(join(outDir, name), 'utf8');
}

beforeAll(async () => {
  await build({
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    outDir,
    target: 'es2022',
    dts: false,
    clean: true,
    silent: true,
    config: false,
    treeshake: true,
  });
  nodeBuild = await import(pathToFileURL(join(outDir, 'index.js')).href);
  const files: Record<string, [string, string]> = {
    '/': ['text/html', html],
    '/listen.js': ['text/javascript', listenJs],
    '/control.js': ['text/javascript', controlJs],
    '/page.js': ['text/javascript', pageJs],
    '/meldcode.js': ['text/javascript', await browserBundle(join(outDir, 'index.js'), 'meldcode.browser.js')],
  };
  server = createServer((req, res) => {
    const file = files[(req.url ?? '').replace(/\?.*/, '')];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': `${file[0]}; charset=utf-8`, 'Content-Security-Policy': strictCsp }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

interface PageRun {
  decision: ReturnType<typeof evaluate>;
  /** Violations other than the control's. */
  violations: { directive: string; sample: string; source: string; line: number }[];
  /** Console lines about the CSP other than the control's blocked inline script. */
  cspConsole: string[];
  errors: string[];
}

type Window = { __meldcode: { evaluate: typeof evaluate }; __control: () => Promise<void>; __violations: PageRun['violations'] };

describe.runIf(browserAvailable())('the ESM build under a strict CSP (no unsafe-eval)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  /** Loads `bundle` in a fresh page under the strict CSP and evaluates the example case there. */
  async function runInPage(bundle: string): Promise<PageRun> {
    const page = await browser.newPage();
    try {
      const consoleLines: string[] = [];
      page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const response = await page.goto(`${origin}/?bundle=${bundle}`);
      expect(response?.headers()['content-security-policy']).toBe(strictCsp);
      await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 30_000 }).catch((e: unknown) => {
        throw new Error(`the page did not load ${bundle}: ${[...errors, ...consoleLines].join('; ') || String(e)}`);
      });
      const decision = await page.evaluate(([kase, opts]) => (window as unknown as Window).__meldcode.evaluate(kase as never, opts), [example.case, options] as const);
      await page.evaluate(() => (window as unknown as Window).__control());
      const all = await page.evaluate(() => (window as unknown as Window).__violations);
      const control = all.filter((v) => v.sample?.includes('meldcode-control'));
      expect(control).toHaveLength(1);
      const csp = consoleLines.filter((line) => /Content Security Policy|unsafe-eval|Refused to/i.test(line));
      return {
        decision,
        violations: all.filter((v) => !control.includes(v)),
        cspConsole: csp.filter((line) => !line.includes('Executing inline script')),
        errors,
      };
    } finally {
      await page.close();
    }
  }

  it('evaluates an example case as Node does', async () => {
    // The library's own code builds its rules into closures: no eval, no new Function.
    expect(readFileSync(join(outDir, 'index.js'), 'utf8')).not.toMatch(/\beval\s*\(|new\s+Function\b/);
    const run = await runInPage('/meldcode.js');
    expect(run.errors).toEqual([]);
    expect(run.decision.outcome).toBe(example.expect.outcome);
    expect(run.decision).toEqual(JSON.parse(JSON.stringify(nodeBuild.evaluate(example.case as never, options))));
  });

  // zod/mini's objects have no JIT, so nothing probes `new Function` (the full zod's z.object did,
  // at module load: one script-src violation with sample "(function anonymous(…").
  it('reports no CSP violation, without any host configuration', async () => {
    const run = await runInPage('/meldcode.js');
    expect(run.errors).toEqual([]);
    expect(run.violations).toEqual([]);
    expect(run.cspConsole).toEqual([]);
  });
});
