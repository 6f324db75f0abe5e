// `meldcode serve`: the built CLI started as a child process on 127.0.0.1 (port 0), called over
// real HTTP (discovery, a hook, feedback, tokens), stopped with SIGTERM and SIGINT.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdsServices } from '../src/cds-hooks/index.js';
import { toQuestionnaire } from '../src/fhir/index.js';
import { fillQuestionnaire } from './fhir-r4.js';
import { buildCli, runServe, startServe } from './support/serve.js';

let cli: string;
beforeAll(async () => {
  cli = await buildCli('meldcode-serve-test');
}, 120_000);

const page = readFileSync(new URL('../docs/cds-hooks.md', import.meta.url), 'utf8');
const kindcheckRequest = JSON.parse(/<!-- test: kindcheck-request -->\n```json\n([\s\S]*?)\n```/.exec(page)?.[1] as string) as Record<string, unknown>;

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('meldcode serve --insecure-no-auth', () => {
  it('prints the discovery URL, answers discovery, a hook and feedback over HTTP, and stops on SIGTERM with exit 0', async () => {
    const served = await startServe(cli, ['--insecure-no-auth', '--port', '0', '--host', '127.0.0.1']);
    try {
      expect(served.discovery).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cds-services$/);
      expect(served.discovery).not.toContain(':0/');
      expect(served.stderr()).toContain('--insecure-no-auth');
      const discovery = (await (await fetch(served.discovery)).json()) as { services: { id: string }[] };
      expect(discovery.services.map((s) => s.id)).toEqual(cdsServices.map((s) => s.id));

      const hook = await post(`${served.base}/cds-services/meldcode-kindcheck`, kindcheckRequest);
      expect(hook.status).toBe(200);
      const cards = hook.json.cards as { uuid: string; summary: string }[];
      expect(cards).toHaveLength(1);
      expect(cards[0]?.summary).toContain('Chronisch alcoholmisbruik');

      const feedback = {
        feedback: [
          {
            card: cards[0]?.uuid,
            outcome: 'overridden',
            overrideReason: { reason: { code: 'decides-otherwise' }, userComment: 'naam van de dochter' },
            outcomeTimestamp: '2026-11-23T10:15:00+01:00',
          },
        ],
      };
      expect((await post(`${served.base}/cds-services/meldcode-kindcheck/feedback`, feedback)).status).toBe(200);
      await expect.poll(() => served.stdout()).toContain(`feedback meldcode-kindcheck card=${cards[0]?.uuid} outcome=overridden reason=decides-otherwise`);
      // The comment is free text and may hold patient data: never printed.
      expect(served.stdout()).not.toContain('dochter');
    } finally {
      const end = await served.stop('SIGTERM');
      expect(end).toEqual({ code: 0, signal: null });
      expect(served.stderr()).toContain('stopped');
    }
  });

  it('stops on SIGINT with exit 0 and frees the port, also with a keep-alive connection open', async () => {
    const served = await startServe(cli, ['--insecure-no-auth', '--port', '0']);
    // fetch keeps the connection alive: the server must still close.
    expect((await fetch(served.discovery)).status).toBe(200);
    const port = Number(new URL(served.base).port);
    const started = Date.now();
    expect(await served.stop('SIGINT')).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(4000);
    // The port is free again.
    await new Promise<void>((resolve, reject) => {
      const probe = createServer().once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });

  it('--links puts the SMART app on every card: the kindcheck card and the afwegingskader card', async () => {
    const served = await startServe(cli, ['--insecure-no-auth', '--port', '0', '--links', 'https://app.example.org/launch']);
    try {
      const link = { label: 'Open de meldcode-vragen', url: 'https://app.example.org/launch', type: 'smart' };
      const kindcheck = await post(`${served.base}/cds-services/meldcode-kindcheck`, kindcheckRequest);
      expect((kindcheck.json.cards as { links?: unknown }[]).map((c) => c.links)).toEqual([[link]]);
      const answers = fillQuestionnaire(toQuestionnaire('basismodel'), { considerations: { suspicion: true, unsafety: { acute: true } } });
      const context = kindcheckRequest.context as { patientId: string };
      const afweging = await post(`${served.base}/cds-services/meldcode-afwegingskader`, {
        ...kindcheckRequest,
        prefetch: {
          patient: { resourceType: 'Patient', id: context.patientId },
          questionnaireResponses: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { ...answers, authored: '2026-11-20T10:00:00+01:00', subject: { reference: `Patient/${context.patientId}` } } }] },
        },
      });
      expect(afweging.status).toBe(200);
      expect((afweging.json.cards as { indicator: string; links?: unknown }[]).map((c) => [c.indicator, c.links])).toEqual([['critical', [link]]]);
    } finally {
      await served.stop();
    }
    // Without --links, no link.
    const plain = await startServe(cli, ['--insecure-no-auth', '--port', '0', '--lang', 'en']);
    try {
      const hook = await post(`${plain.base}/cds-services/meldcode-kindcheck`, kindcheckRequest);
      expect((hook.json.cards as { links?: unknown }[])[0]?.links).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });

  it('answers --lang en cards in English', async () => {
    const served = await startServe(cli, ['--insecure-no-auth', '--port', '0', '--lang', 'en']);
    try {
      const hook = await post(`${served.base}/cds-services/meldcode-kindcheck`, kindcheckRequest);
      expect((hook.json.cards as { summary: string }[])[0]?.summary).toMatch(/^Kindcheck: the dossier records/);
    } finally {
      await served.stop();
    }
  });
});

describe('meldcode serve refuses to start without a decision on authentication', () => {
  it('exits 2 without --insecure-no-auth or a token check, naming both', async () => {
    const { code, stderr } = await runServe(cli, ['--port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--insecure-no-auth');
    expect(stderr).toContain('--issuer');
  });

  it('exits 2 for --insecure-no-auth on an address other than loopback', async () => {
    const { code, stderr } = await runServe(cli, ['--insecure-no-auth', '--port', '0', '--host', '0.0.0.0']);
    expect(code).toBe(2);
    expect(stderr).toContain('0.0.0.0');
  });

  it('exits 2 for --insecure-no-auth together with --issuer, for an --issuer without --jwks, for a bad port or language', async () => {
    for (const args of [
      ['--insecure-no-auth', '--issuer', 'https://ehr.example.org', '--jwks', 'x.json'],
      ['--issuer', 'https://ehr.example.org', '--service-base-url', 'https://cds.example.org'],
      ['--issuer', 'https://ehr.example.org', '--jwks', 'https://ehr.example.org/jwks'],
      ['--insecure-no-auth', '--port', '70000'],
      ['--insecure-no-auth', '--lang', 'de'],
      ['--insecure-no-auth', '--canonical-base', 'ftp://x'],
      ['--insecure-no-auth', '--bogus'],
      ['--insecure-no-auth', '--links', 'app.example.org/launch'],
      ['--insecure-no-auth', '--links', 'javascript:alert(1)'],
    ]) {
      const { code } = await runServe(cli, args);
      expect(code, args.join(' ')).toBe(2);
    }
  });

  it('is listed in the top-level help, nl and en (meldcode --help)', () => {
    for (const [args, text] of [[['--help'], 'CDS Hooks-dienst'], [['--help', '--lang', 'en'], 'CDS Hooks service']] as const) {
      const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout.split('\n').find((line) => /^\s+meldcode serve\s/.test(line)), args.join(' ')).toContain(text);
    }
  });

  it('prints its usage for --help (exit 0)', async () => {
    const { code, stdout } = await runServe(cli, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--service-base-url');
  });

  it('exits 1 when the port is taken', async () => {
    const first = await startServe(cli, ['--insecure-no-auth', '--port', '0']);
    try {
      const { code, stderr } = await runServe(cli, ['--insecure-no-auth', '--port', new URL(first.base).port]);
      expect(code).toBe(1);
      expect(stderr).toContain('EADDRINUSE');
    } finally {
      await first.stop();
    }
  });
});

describe('meldcode serve --issuer --jwks --service-base-url', () => {
  it('verifies the EHR-signed token: discovery public, a call without or with a wrong token 401, a signed one 200', async () => {
    const iss = 'https://ehr.example.org';
    const ehr = await generateKeyPair('ES384');
    const stranger = await generateKeyPair('ES384');
    const dir = mkdtempSync(join(tmpdir(), 'meldcode-serve-'));
    const jwks = join(dir, 'jwks.json');
    writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(ehr.publicKey)), kid: 'ehr-1', alg: 'ES384', use: 'sig' }] }));
    const served = await startServe(cli, ['--port', '0', '--issuer', iss, '--jwks', jwks, '--service-base-url', 'https://cds.example.org']);
    const sign = (key: CryptoKey, aud = 'https://cds.example.org/cds-services/meldcode-kindcheck') =>
      new SignJWT({ iss, aud, jti: crypto.randomUUID() }).setProtectedHeader({ alg: 'ES384', kid: 'ehr-1', typ: 'JWT' }).setIssuedAt().setExpirationTime('5m').sign(key);
    try {
      expect(served.stderr()).not.toContain('insecure');
      expect((await fetch(served.discovery)).status).toBe(200);
      const url = `${served.base}/cds-services/meldcode-kindcheck`;
      expect((await post(url, kindcheckRequest)).status).toBe(401);
      expect((await post(url, kindcheckRequest, { authorization: `Bearer ${await sign(stranger.privateKey)}` })).status).toBe(401);
      expect((await post(url, kindcheckRequest, { authorization: `Bearer ${await sign(ehr.privateKey, 'https://cds.example.org/cds-services/meldcode-afwegingskader')}` })).status).toBe(401);
      const ok = await post(url, kindcheckRequest, { authorization: `Bearer ${await sign(ehr.privateKey)}` });
      expect(ok.status).toBe(200);
      expect(ok.json.cards).toHaveLength(1);
    } finally {
      await served.stop();
    }
  });

  it('exits 2 for a --jwks file that is not a JWKS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meldcode-serve-'));
    const jwks = join(dir, 'not.json');
    writeFileSync(jwks, '{"kid":"x"}');
    const { code, stderr } = await runServe(cli, ['--port', '0', '--issuer', 'https://ehr.example.org', '--jwks', jwks, '--service-base-url', 'https://cds.example.org']);
    expect(code).toBe(2);
    expect(stderr).toContain('JWKS');
  });
});
