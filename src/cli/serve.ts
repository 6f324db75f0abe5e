// `meldcode serve`: the CDS Hooks service of meldcode/cds-hooks on node:http, from the command
// line. Loaded by cli.ts only for this command, so the other commands never load node:http or jose.
//
// Authentication is not optional by accident: the service either verifies the EHR's signed token
// (CDS Hooks 2.0 security, `jwtAuthorizer`: --issuer, --jwks, --service-base-url) or is started
// with --insecure-no-auth, which is refused on any address other than the loopback one.
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { type JsonWebKeySet, jwtAuthorizer } from '../cds-hooks/jwt.js';
import { createCdsHooksServer } from '../cds-hooks/node.js';
import type { CdsHooksServiceOptions } from '../cds-hooks/service.js';
import type { CdsHooksLink } from '../fhir/types.js';
import { MeldcodeInputError } from '../errors/errors.js';
import type { Lang } from '../rules/trail.js';
import { EXIT, type CliIo } from './run.js';

export const serveUsage = `meldcode serve — de CDS Hooks-dienst (meldcode/cds-hooks) / the CDS Hooks service

Gebruik / usage:
  meldcode serve [--port 8080] [--host 127.0.0.1] [--lang nl|en] [--canonical-base <url>]
      --issuer <iss> --jwks <url | jwks.json> [--issuer … --jwks …] --service-base-url <url>
                         controleer het ondertekende token van het EPD (CDS Hooks, JWT ES384/RS384);
                         <url> is het adres waaronder het EPD de dienst aanroept (aud)
  meldcode serve --insecure-no-auth [--port 8080]
                         zonder tokencontrole: alleen op 127.0.0.1, ::1 of localhost (lokaal proberen)
  --links <url>          een SMART-app (de launch-URL) als link op elke kaart, bv. de app die de
                         open vragen stelt / a SMART app link on every card

  --port 0 kiest een vrije poort. De dienst drukt de discovery-URL af en stopt netjes op
  SIGINT/SIGTERM. Feedback komt als één regel per kaart op stdout (nooit het commentaar: dat kan
  patiëntgegevens bevatten).
`;

const options = {
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  lang: { type: 'string', default: 'nl' },
  'canonical-base': { type: 'string' },
  issuer: { type: 'string', multiple: true },
  jwks: { type: 'string', multiple: true },
  'service-base-url': { type: 'string' },
  'insecure-no-auth': { type: 'boolean' },
  links: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

class ServeUsage extends Error {}

/** The keys of one issuer: a JWKS URL (fetched and cached by jose) or a JWKS file. */
async function issuerKeys(jwks: string): Promise<{ jwksUrl: string } | { jwks: JsonWebKeySet }> {
  if (/^https?:\/\//.test(jwks)) return { jwksUrl: jwks };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(jwks, 'utf8'));
  } catch (error) {
    throw new ServeUsage(`--jwks ${jwks}: ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => k !== null && typeof k === 'object')) {
    throw new ServeUsage(`--jwks ${jwks}: geen JWKS / not a JWKS ({ "keys": [ … ] })`);
  }
  return { jwks: { keys: keys as Record<string, unknown>[] } };
}

/** --links: the SMART app the EHR launches from every card (CDS Hooks `type: smart`, the app's launch URL). */
function smartLink(url: string, lang: Lang): CdsHooksLink {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') throw new ServeUsage(`--links: een http(s)-adres / an http(s) URL, niet/not "${url}"`);
  return { label: lang === 'nl' ? 'Open de meldcode-vragen' : 'Open the meldcode questions', url: parsed.href, type: 'smart' };
}

/** The `authorize` hook the flags ask for, or `undefined` for --insecure-no-auth. */
async function authorizeFrom(values: { issuer?: string[]; jwks?: string[]; 'service-base-url'?: string; 'insecure-no-auth'?: boolean; host: string }) {
  const issuers = values.issuer ?? [];
  const jwks = values.jwks ?? [];
  if (values['insecure-no-auth']) {
    if (issuers.length > 0 || jwks.length > 0 || values['service-base-url'] !== undefined) {
      throw new ServeUsage('--insecure-no-auth gaat niet samen met --issuer, --jwks of --service-base-url / does not go with them');
    }
    if (!loopback.has(values.host)) {
      throw new ServeUsage(`--insecure-no-auth alleen op 127.0.0.1, ::1 of localhost, niet op ${values.host} / only on a loopback address`);
    }
    return undefined;
  }
  if (issuers.length === 0) {
    throw new ServeUsage('geef --issuer, --jwks en --service-base-url (tokencontrole), of --insecure-no-auth om lokaal te proberen / give the token check, or --insecure-no-auth for a local trial');
  }
  if (issuers.length !== jwks.length) throw new ServeUsage('geef bij elke --issuer één --jwks / give one --jwks per --issuer');
  const serviceBaseUrl = values['service-base-url'];
  if (serviceBaseUrl === undefined || !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(serviceBaseUrl)) {
    throw new ServeUsage('--service-base-url: het http(s)-adres waaronder het EPD de dienst aanroept / the http(s) URL the EHR calls the service under');
  }
  try {
    await import('jose');
  } catch {
    throw new ServeUsage('de tokencontrole heeft het pakket jose nodig / the token check needs the package jose: npm install jose');
  }
  const byIssuer: Record<string, { jwksUrl: string } | { jwks: JsonWebKeySet }> = {};
  for (const [i, iss] of issuers.entries()) byIssuer[iss] = await issuerKeys(jwks[i] as string);
  return jwtAuthorizer({ issuers: byIssuer, serviceBaseUrl });
}

/**
 * Runs `meldcode serve` with its arguments (after `serve`) until SIGINT or SIGTERM (or `stop`
 * aborts), and returns the exit code: 0 after a clean stop, 1 when it cannot listen, 2 for usage.
 */
export async function serveCommand(argv: readonly string[], io: CliIo, stop?: AbortSignal): Promise<number> {
  let values;
  let authorize: CdsHooksServiceOptions['authorize'];
  let server;
  try {
    try {
      ({ values } = parseArgs({ args: [...argv], options, allowPositionals: false, strict: true }));
    } catch (error) {
      throw new ServeUsage(error instanceof Error ? error.message : String(error));
    }
    if (values.help) {
      io.stdout.write(serveUsage);
      return EXIT.ok;
    }
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new ServeUsage(`--port: 0-65535, niet/not "${values.port}"`);
    if (values.lang !== 'nl' && values.lang !== 'en') throw new ServeUsage(`--lang: nl of/or en, niet/not "${values.lang}"`);
    authorize = await authorizeFrom(values);
    const lang: Lang = values.lang;
    try {
      server = createCdsHooksServer({
        lang,
        ...(values['canonical-base'] !== undefined ? { canonicalBase: values['canonical-base'] } : {}),
        ...(authorize ? { authorize } : {}),
        ...(values.links !== undefined ? { links: [smartLink(values.links, lang)] } : {}),
        onFeedback: (entries, { serviceId }) => {
          for (const e of entries) {
            const reason = e.overrideReason?.reason?.code;
            io.stdout.write(`feedback ${serviceId} card=${e.card} outcome=${e.outcome}${reason ? ` reason=${reason}` : ''}\n`);
          }
        },
      });
    } catch (error) {
      if (error instanceof MeldcodeInputError) throw new ServeUsage(`--canonical-base: ${error.issues[0]?.message.en ?? 'invalid'}`);
      throw error;
    }
  } catch (error) {
    if (!(error instanceof ServeUsage)) throw error;
    io.stderr.write(`meldcode serve: ${error.message}\n\n${serveUsage}`);
    return EXIT.usage;
  }

  const host = values.host;
  const listening = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen(Number(values.port), host, () => resolve(undefined));
  });
  if (listening) {
    io.stderr.write(`meldcode serve: kan niet luisteren op / cannot listen on ${host}:${values.port} (${listening.code ?? listening.message})\n`);
    return EXIT.badInput;
  }
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  if (!authorize) io.stderr.write('meldcode serve: ZONDER tokencontrole (--insecure-no-auth): alleen om lokaal te proberen / WITHOUT token check: local trials only\n');
  io.stdout.write(`meldcode CDS Hooks service: http://${shown}:${port}/cds-services\n`);

  await new Promise<void>((resolve) => {
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const done = () => {
      for (const s of signals) process.off(s, done);
      stop?.removeEventListener('abort', done);
      // Refuse new connections, end the idle keep-alive ones, and give running calls 5 s.
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 5000).unref();
    };
    for (const s of signals) process.once(s, done);
    if (stop?.aborted) done();
    else stop?.addEventListener('abort', done, { once: true });
  });
  io.stderr.write('meldcode serve: gestopt / stopped\n');
  return EXIT.ok;
}
