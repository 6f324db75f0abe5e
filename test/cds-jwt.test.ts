// CDS Hooks security over real HTTP: tokens signed as an EHR signs them (ES384), checked by
// jwtAuthorizer; every wrong token is a 401.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCdsHooksServer, jwtAuthorizer } from '../src/cds-hooks/index.js';

const iss = 'https://ehr.example.org';
let server: Server;
let base: string;
let sign: (claims: Record<string, unknown>, options?: { key?: CryptoKey; alg?: string; exp?: string | number }) => Promise<string>;

beforeAll(async () => {
  const ehr = await generateKeyPair('ES384');
  const other = await generateKeyPair('ES384');
  const jwk = { ...(await exportJWK(ehr.publicKey)), kid: 'ehr-1', alg: 'ES384', use: 'sig' };
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
const call = (token?: string) =>
  fetch(`${base}/cds-services/meldcode-afwegingskader`, {
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
