// CDS Hooks security over real HTTP: tokens signed as an EHR signs them (ES384), checked by
// jwtAuthorizer; every wrong token is a 401.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCdsHooksServer, jwtAuthorizer, memoryReplayStore, type JwtAuthorizerOptions, type ReplayStore } from '../src/cds-hooks/index.js';

const iss = 'https://ehr.example.org';
let server: Server;
let base: string;
let jwk: Record<string, unknown>;
let sign: (claims: Record<string, unknown>, options?: { key?: CryptoKey; alg?: string; exp?: string | number }) => Promise<string>;

beforeAll(async () => {
  const ehr = await generateKeyPair('ES384');
  const other = await generateKeyPair('ES384');
  jwk = { ...(await exportJWK(ehr.publicKey)), kid: 'ehr-1', alg: 'ES384', use: 'sig' };
  server = createCdsHooksServer({
    today: () => '2026-11-23',
    authorize: jwtAuthorizer({ issuers: { [iss]: { jwks: { keys: [jwk] } } }, serviceBaseUrl: 'https://cds.example.org' }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sign = (claims, options = {}) =>
    new SignJWT({ iss, aud: 'https://cds.example.org/cds-services/meldcode-afwegingskader', jti: crypto.randomUUID(), ...claims })
      .setProtectedHeader({ alg: options.alg ?? 'ES384', kid: 'ehr-1', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(options.key ?? ehr.privateKey);
  // A token signed with a key the EHR did not publish.
  otherKey = other.privateKey;
});
let otherKey: CryptoKey;
afterAll(() => new Promise((resolve) => server.close(resolve)));

const body = {
  hook: 'patient-view',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  context: { userId: 'Practitioner/7', patientId: 'p1' },
  prefetch: { patient: { resourceType: 'Patient', id: 'p1' }, questionnaireResponses: null },
};
const call = (token?: string, at = base) =>
  fetch(`${at}/cds-services/meldcode-afwegingskader`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  }).then((r) => r.status);

describe('jwtAuthorizer', () => {
  it('accepts a token the EHR signed for this endpoint', async () => {
    expect(await call(await sign({}))).toBe(200);
  });

  it('refuses no token, junk, another issuer, another audience, another key, an expired token', async () => {
    expect(await call()).toBe(401);
    expect(await call('not.a.jwt')).toBe(401);
    expect(await call(await sign({ iss: 'https://evil.example.org' }))).toBe(401);
    expect(await call(await sign({ aud: 'https://cds.example.org/cds-services/meldcode-kindcheck' }))).toBe(401);
    expect(await call(await sign({}, { key: otherKey }))).toBe(401);
    expect(await call(await sign({}, { exp: Math.floor(Date.now() / 1000) - 3600 }))).toBe(401);
  });

  it('refuses an unsigned token (alg none) and a token without jti', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ iss, aud: 'https://cds.example.org/cds-services/meldcode-afwegingskader', jti: 'x', exp: 9999999999, iat: Math.floor(Date.now() / 1000) })).toString('base64url');
    expect(await call(`${header}.${claims}.`)).toBe(401);
    expect(await call(await sign({ jti: undefined }))).toBe(401);
  });

  it('refuses a replayed token (the same jti twice)', async () => {
    const token = await sign({});
    expect(await call(token)).toBe(200);
    expect(await call(token)).toBe(401);
  });
});

describe('jwtAuthorizer replayStore: a replay across service instances', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));
  /** A second service instance (another process behind the same load balancer, say), on its own port. */
  const instance = async (options: Partial<JwtAuthorizerOptions> = {}) => {
    const s = createCdsHooksServer({ today: () => '2026-11-23', authorize: jwtAuthorizer({ issuers: { [iss]: { jwks: { keys: [jwk] } } }, serviceBaseUrl: 'https://cds.example.org', ...options }) });
    servers.push(s);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };
  /** A store shared as Redis would be: asynchronous, outside either instance. */
  const sharedStore = () => {
    const entries = new Map<string, number>();
    const store: ReplayStore = {
      seen: async (id, expiresAt) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (entries.has(id)) return true;
        entries.set(id, expiresAt);
        return false;
      },
    };
    return { store, entries };
  };

  it('refuses at the second instance a token the first accepted, when they share the store', async () => {
    const { store, entries } = sharedStore();
    const [a, b] = [await instance({ replayStore: store }), await instance({ replayStore: store })];
    const token = await sign({ jti: 'once-only' });
    expect(await call(token, a)).toBe(200);
    expect(await call(token, b)).toBe(401);
    expect(await call(token, a)).toBe(401);
    expect(await call(await sign({}), b)).toBe(200);
    // Keyed by issuer and jti, kept until exp plus the clock tolerance (60 s).
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as { exp: number };
    expect(entries.get(`${iss} once-only`)).toBe(exp + 60);
  });

  it('the default store is per authorizer: a second instance without a shared store accepts the replay', async () => {
    const [a, b] = [await instance(), await instance()];
    const token = await sign({});
    expect(await call(token, a)).toBe(200);
    expect(await call(token, a)).toBe(401);
    expect(await call(token, b)).toBe(200);
  });

  it('one memoryReplayStore shared by two instances in a process refuses the replay', async () => {
    const replayStore = memoryReplayStore();
    const [a, b] = [await instance({ replayStore }), await instance({ replayStore })];
    const token = await sign({});
    expect(await call(token, a)).toBe(200);
    expect(await call(token, b)).toBe(401);
  });

  it('a store that fails refuses the token, and a refused token is never stored', async () => {
    const failing = await instance({ replayStore: { seen: () => Promise.reject(new Error('store down')) } });
    expect(await call(await sign({}), failing)).toBe(401);
    const throwing = await instance({ replayStore: { seen: () => { throw new Error('store down'); } } });
    expect(await call(await sign({}), throwing)).toBe(401);
    const { store, entries } = sharedStore();
    const a = await instance({ replayStore: store });
    expect(await call(await sign({ aud: 'https://cds.example.org/cds-services/meldcode-kindcheck' }), a)).toBe(401);
    expect(entries.size).toBe(0);
  });
});
