// The reference web app (examples/web): build it with esbuild from the built package, and serve it
// on this machine only.
//   tsx scripts/web-app.ts build            → examples/web/dist (app.js, app.css, index.html)
//   tsx scripts/web-app.ts serve [--port N] → builds, then serves it on http://127.0.0.1:5173
// `npm run app` runs `npm run build` (the package, as an adopter installs it) and then `serve`.
//
// Why esbuild: it is already a devDependency (tsup and the tests use it), so the app adds no
// toolchain; the app is one TypeScript entry and a stylesheet, with no framework plugin, dev
// server or HMR to need Vite's extras; and it resolves `meldcode` through package.json `exports`
// to dist/, exactly as an adopter's bundler resolves the installed package.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const appDir = join(root, 'examples', 'web');
export const appDist = join(appDir, 'dist');

/**
 * The page's Content-Security-Policy, read from index.html (one policy, in one place). The server
 * sends it as a header too, where `frame-ancestors` is honoured (a <meta> policy ignores it).
 */
export function contentSecurityPolicy(): string {
  const html = readFileSync(join(appDir, 'index.html'), 'utf8');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  if (!m) throw new Error('examples/web/index.html has no Content-Security-Policy meta tag');
  return m[1]!;
}

/** Builds the app into `outDir`; returns the bundle's size and what it is made of. */
export async function buildApp(outDir = appDist): Promise<{ bytes: number; metafile: Metafile }> {
  const pkgEntry = join(root, 'dist', 'index.js');
  if (!existsSync(pkgEntry)) throw new Error('dist/ is missing: run `npm run build` first (the app bundles the built package, as an adopter would)');
  const newest = (dir: string): number => {
    let t = 0;
    for (const entry of readdirRecursive(dir)) t = Math.max(t, statSync(entry).mtimeMs);
    return t;
  };
  if (newest(join(root, 'src')) > statSync(pkgEntry).mtimeMs) {
    console.warn('warning: src/ is newer than dist/index.js; run `npm run build` for the current library');
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(appDir, 'src', 'main.ts')],
    // The app lives inside this repository, so `meldcode` resolves to this package by its name
    // (package.json `exports` → dist/index.js), as it would from an adopter's node_modules.
    absWorkingDir: root,
    // Not examples/web/tsconfig.json, whose `paths` point the typecheck at src/: the bundle takes
    // the built package, as an adopter's would.
    tsconfigRaw: { compilerOptions: { target: 'es2022', verbatimModuleSyntax: true } },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    outfile: join(outDir, 'app.js'),
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
    // tsup's chunks of dist/ are imported bare for their order; with `sideEffects: false` esbuild
    // says it drops those bare imports, which is right (each chunk is also imported by name).
    logOverride: { 'ignored-bare-import': 'silent' },
  });
  const inputs = Object.keys(result.metafile.inputs);
  if (!inputs.some((p) => p.startsWith('dist/'))) throw new Error("'meldcode' did not resolve to dist/ (package.json exports)");
  if (inputs.some((p) => p.startsWith('src/'))) throw new Error('the app bundle reached into src/: only the public package may be used');
  copyFileSync(join(appDir, 'index.html'), join(outDir, 'index.html'));
  for (const file of ['app.css', 'favicon.svg']) copyFileSync(join(appDir, file), join(outDir, file));
  return { bytes: statSync(join(outDir, 'app.js')).size, metafile: result.metafile };
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves a built app from `dir` on 127.0.0.1 (never another interface), with the page's CSP as a
 * header and the usual hardening headers. Only files inside `dir` are served.
 */
export function serveApp(dir = appDist, port = 5173): Promise<{ server: Server; url: string }> {
  const csp = `${contentSecurityPolicy()}; frame-ancestors 'none'`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = normalize(join(dir, rel));
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      'Cache-Control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  const portArg = rest.indexOf('--port');
  const port = portArg >= 0 ? Number(rest[portArg + 1]) : Number(process.env.PORT ?? 5173);
  const { bytes } = await buildApp();
  console.log(`built examples/web/dist/app.js (${kB(bytes)} minified)`);
  if (command === 'serve') {
    const { url } = await serveApp(appDist, port);
    console.log(`\nThe meldcode web app: ${url}\nEverything runs in the browser; this server only hands out the files. Ctrl+C stops it.`);
  } else if (command !== 'build') {
    console.error(`unknown command "${command}": use build or serve`);
    process.exit(2);
  }
}
