// docs/embedding-in-an-ehr.md §5, run block by block: the integrator's walk from `meldcode serve`
// to a card in a CDS client. Every fenced block of §5 carries a marker, and an unmarked one fails:
//   <!-- step: serve -->    the command is started: `npx meldcode` is the built CLI, `--port 8080`
//                           becomes `--port 0`, `--host 0.0.0.0` becomes 127.0.0.1, and the EHR's JWKS
//                           URL is the test EHR's (below); SERVICE is then the address it printed
//   <!-- step: env -->      the variables the commands use: SERVICE (the service), FHIR (the test EHR's
//                           FHIR server below); CARD and TOKEN are set by the test as the page says
//   <!-- step: sh -->       run with bash in a scratch folder (curl, jq, node)
//   <!-- file: name -->     written into the scratch folder
//   <!-- fhir-resource -->  stored in the test EHR's FHIR server
//   <!-- expect: … -->      what the step before printed: text (exactly), lines (each of them appears),
//                           json-lines (jq's values, in order), serve-prints (a line meldcode serve printed)
// The test EHR is the one part that is not real: a node:http FHIR server holding the Patient,
// Condition and RelatedPerson of the page's request (and the QuestionnaireResponse the page adds),
// answering reads and searches as searchset Bundles, and publishing its JWKS. Its tokens are signed
// with jose as an EHR signs them.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type Served, startServe } from './support/serve.js';

const page = readFileSync(new URL('../docs/embedding-in-an-ehr.md', import.meta.url), 'utf8');
const section = page.slice(page.indexOf('## 5. '), page.indexOf('## 6. '));

interface Block {
  marker: string;
  arg: string;
  lang: string;
  body: string;
  line: number;
}

/** The fenced blocks of §5 with their markers; a block without one has marker ''. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const fence = /(?:<!-- ([a-z-]+)(?:: (\S+))? -->\n)?```(\w*)\n([\s\S]*?)\n```/g;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    out.push({ marker: m[1] ?? '', arg: m[2] ?? '', lang: m[3] ?? '', body: m[4] ?? '', line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}
const steps = blocks(section);
const tools = ['curl', 'jq'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (tools.length > 0 && process.env.CI) throw new Error(`docs/embedding-in-an-ehr.md needs ${tools.join(' and ')}`);

describe('docs/embedding-in-an-ehr.md §5: every block is a step the test runs', () => {
  it('has no unmarked fenced block, and each kind of step at least once', () => {
    expect(steps.filter((b) => b.marker === '').map((b) => `line ${b.line}: ${b.body.slice(0, 40)}`)).toEqual([]);
    const kinds = new Set(steps.map((b) => `${b.marker}${b.arg ? `:${b.arg}` : ''}`));
    for (const k of ['step:serve', 'step:env', 'step:sh', 'file:kindcheck-request.json', 'file:cds-client.mjs', 'fhir-resource', 'expect:json-lines', 'expect:text', 'expect:lines', 'expect:serve-prints']) {
      expect(kinds, k).toContain(k);
    }
    // Every sh step's output is checked.
    steps.forEach((b, i) => {
      if (b.marker === 'step' && b.arg === 'sh') expect(steps[i + 1]?.marker, `the sh step at line ${b.line}`).toBe('expect');
    });
  });
});

// The test EHR: a FHIR server and its keys.
const resources: Record<string, unknown>[] = [];
let ehr: Server;
let ehrBase: string;
let signToken: (aud: string) => Promise<string>;
let cli: string;
const scratch = mkdtempSync(join(tmpdir(), 'meldcode-embedding-'));

const reference = (r: Record<string, unknown>, field: string) => (r[field] as { reference?: string } | undefined)?.reference;
function fhirAnswer(url: URL): { status: number; body: unknown } {
  const [, type, id] = url.pathname.replace(/^\/fhir/, '').split('/');
  if (id !== undefined) {
    const found = resources.find((r) => r.resourceType === type && r.id === id);
    return found ? { status: 200, body: found } : { status: 404, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] } };
  }
  const patient = url.searchParams.get('patient');
  const subject = url.searchParams.get('subject');
  const matches = resources.filter((r) => {
    if (r.resourceType !== type) return false;
    if (patient !== null) return reference(r, type === 'RelatedPerson' ? 'patient' : 'subject') === `Patient/${patient}`;
    if (subject !== null) return reference(r, 'subject') === subject;
    return true;
  });
  return { status: 200, body: { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry: matches.map((resource) => ({ resource })) } };
}

let served: Served | undefined;
const env: Record<string, string> = {};

beforeAll(async () => {
  const keys = await generateKeyPair('ES384');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'ehr-1', alg: 'ES384', use: 'sig' };
  ehr = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const answer = url.pathname === '/.well-known/jwks.json' ? { status: 200, body: { keys: [jwk] } } : fhirAnswer(url);
    response.writeHead(answer.status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => ehr.listen(0, '127.0.0.1', resolve));
  ehrBase = `http://127.0.0.1:${(ehr.address() as AddressInfo).port}`;
  signToken = (aud) =>
    new SignJWT({ iss: 'https://ehr.example.org', aud, jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'ES384', kid: 'ehr-1', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);
  cli = await buildCli('meldcode-embedding-docs-test');
}, 120_000);

afterAll(async () => {
  await served?.stop();
  await new Promise((resolve) => ehr.close(resolve));
});

const label = (b: Block) => `line ${b.line}: ${b.marker}${b.arg ? `: ${b.arg}` : ''} ${b.body.split('\n')[0]?.slice(0, 60)}`;

describe.skipIf(tools.length > 0)('docs/embedding-in-an-ehr.md §5, step by step', () => {
  let lastOutput = '';
  for (const block of steps) {
    it(label(block), async () => {
      switch (`${block.marker}:${block.arg}`) {
        case 'step:serve': {
          await served?.stop();
          const words = block.body.replace(/\\\n/g, ' ').trim().split(/\s+/);
          expect(words.slice(0, 3)).toEqual(['npx', 'meldcode', 'serve']);
          expect(block.body).not.toMatch(/["'$]/); // no shell quoting to lose by splitting
          const args = words.slice(3).map((w, i, all) => {
            if (all[i - 1] === '--port' && w === '8080') return '0';
            if (all[i - 1] === '--host' && w === '0.0.0.0') return '127.0.0.1';
            if (all[i - 1] === '--jwks' && w === 'https://ehr.example.org/.well-known/jwks.json') return `${ehrBase}/.well-known/jwks.json`;
            return w;
          });
          served = await startServe(cli, args);
          env.SERVICE = served.base;
          // The page says what it prints (with the port it was given).
          expect(section).toContain(served.discovery.replace(/:\d+\//, ':8080/'));
          break;
        }
        case 'step:env': {
          const names = block.body.split('\n').map((l) => /^([A-Z]+)=\S+/.exec(l)?.[1]);
          expect(names).toEqual(['SERVICE', 'FHIR']);
          env.FHIR = `${ehrBase}/fhir`;
          break;
        }
        case `file:${block.arg}`: {
          const path = join(scratch, block.arg);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, `${block.body}\n`);
          // The request's prefetch is the dossier the test EHR holds.
          if (block.arg === 'kindcheck-request.json') {
            const { prefetch } = JSON.parse(block.body) as { prefetch: Record<string, Record<string, unknown>> };
            for (const value of Object.values(prefetch)) {
              const entries = (value.entry as { resource: Record<string, unknown> }[] | undefined)?.map((e) => e.resource);
              resources.push(...(value.resourceType === 'Bundle' ? entries ?? [] : [value]));
            }
          }
          break;
        }
        case 'fhir-resource:':
          resources.push(JSON.parse(block.body) as Record<string, unknown>);
          break;
        case 'step:sh': {
          const service = env.SERVICE ?? '';
          const token = await signToken(`https://cds.example.org/cds-services/meldcode-kindcheck`);
          lastOutput = '';
          // Asynchronously: the test EHR answers from this process while the step runs.
          ({ stdout: lastOutput } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', block.body], {
            cwd: scratch,
            encoding: 'utf8',
            timeout: 60_000,
            env: { PATH: process.env.PATH ?? '', HOME: scratch, ...env, SERVICE: service, TOKEN: token },
          }));
          const uuid = /^uuid: (\S+)$/m.exec(lastOutput)?.[1];
          if (uuid && env.CARD === undefined && /meldcode-kindcheck/.test(block.body)) env.CARD = uuid;
          break;
        }
        case 'expect:text':
          expect(lastOutput.trim()).toBe(block.body.trim());
          break;
        case 'expect:lines': {
          const printed = lastOutput.split('\n').map((l) => l.trim());
          for (const line of block.body.split('\n')) expect(printed, lastOutput).toContain(line.trim());
          break;
        }
        case 'expect:json-lines': {
          // jq prints each value from column 0: split there.
          const values = lastOutput.trim().split(/\n(?=[{[])/).map((v) => JSON.parse(v) as unknown);
          expect(values).toEqual(block.body.split('\n').map((l) => JSON.parse(l) as unknown));
          break;
        }
        case 'expect:serve-prints': {
          expect(env.CARD).toMatch(/^[0-9a-f-]{36}$/);
          const line = block.body.trim().replace('$CARD', env.CARD ?? '');
          await expect.poll(() => served?.stdout().split('\n')).toContain(line);
          break;
        }
        default:
          throw new Error(`unknown marker at ${label(block)}`);
      }
    });
  }
});
