// CDS Hooks security: the EHR signs a JWT for every call and sends it as a bearer token. This
// checks it with jose (panva/jose: maintained, no dependencies, Node and web runtimes), an
// optional peer dependency that is loaded on the first call, so a host that does not verify
// tokens here does not need it.
import type { CdsHooksServiceOptions } from './service.js';

/** A JSON Web Key Set, as an EHR publishes its public keys. */
export interface JsonWebKeySet {
  keys: Record<string, unknown>[];
}

/** Options of {@link jwtAuthorizer}. */
export interface JwtAuthorizerOptions {
  /**
   * The EHRs whose tokens are accepted, by their `iss`: each with its public keys, given (`jwks`)
   * or fetched from its JWKS URL (`jwksUrl`, cached by jose).
   */
  issuers: Record<string, { jwks: JsonWebKeySet } | { jwksUrl: string }>;
  /**
   * The service's public base URL (as the EHR registered it, e.g. `https://cds.example.org`): the
   * token's `aud` must be the endpoint called under it, e.g. `https://cds.example.org/cds-services/meldcode-kindcheck`.
   */
  serviceBaseUrl: string;
  /** Seconds of clock difference allowed for `exp`, `iat` and `nbf`; default 60. */
  clockToleranceSeconds?: number;
  /** How old a token (`iat`) may be, in seconds; default 300. */
  maxTokenAgeSeconds?: number;
  /**
   * Where accepted tokens are remembered, so a replay is refused. Default: {@link memoryReplayStore},
   * one per authorizer, which a second process never sees. Behind a load balancer, give every
   * instance the same shared store.
   */
  replayStore?: ReplayStore;
}

/**
 * The store {@link jwtAuthorizer} checks each token's `jti` against. Shared by several service
 * instances or processes, a token replayed to any of them is refused.
 */
export interface ReplayStore {
  /**
   * Whether `id` was seen before; if not, remember it until `expiresAt`. The check and the
   * remembering must be one atomic step across everything sharing the store (Redis: `SET id 1 NX
   * EXAT expiresAt`, seen when it does not set). A throw or rejection refuses the token.
   *
   * @param id The token's `iss` and `jti`, joined by a space.
   * @param expiresAt Seconds since the epoch after which the token is refused anyway (its `exp`
   *   plus the clock tolerance), so the store may forget it then.
   */
  seen(id: string, expiresAt: number): boolean | Promise<boolean>;
}

/**
 * The default {@link ReplayStore}: in memory, forgetting tokens once they expire. Pass one
 * instance to several authorizers in one process to share it; across processes it cannot be shared.
 *
 * @example
 * ```ts
 * const replayStore = memoryReplayStore();
 * const options = { issuers, serviceBaseUrl: 'https://cds.example.org', replayStore };
 * createCdsHooksServer({ authorize: jwtAuthorizer(options) }).listen(8080);
 * createCdsHooksServer({ authorize: jwtAuthorizer(options) }).listen(8081);
 * ```
 */
export function memoryReplayStore(): ReplayStore {
  const expiry = new Map<string, number>();
  return {
    seen(id, expiresAt) {
      const now = Math.floor(Date.now() / 1000);
      for (const [key, at] of expiry) if (at < now) expiry.delete(key);
      if (expiry.has(id)) return true;
      expiry.set(id, expiresAt);
      return false;
    },
  };
}


/**
 * An `authorize` function for the CDS Hooks service that verifies the EHR's signed token (CDS
 * Hooks 2.0 security): the signature against the issuer's keys (ES384 or RS384, as CDS Hooks
 * requires), an `iss` you trust, `aud` the endpoint called, `exp`, `iat` not older than
 * `maxTokenAgeSeconds`, and a `jti` not seen before in `replayStore` (replays are refused,
 * remembered until the token expires). Any failure is a refusal (401); the reason is never sent
 * to the client. A `jku` or `x5u` in the token's header is never followed: only the keys of the
 * issuers you list are trusted.
 *
 * Needs the package `jose` (an optional peer dependency: `npm install jose`).
 *
 * @example
 * ```ts
 * const authorize = jwtAuthorizer({
 *   issuers: { 'https://ehr.example.org': { jwksUrl: 'https://ehr.example.org/.well-known/jwks.json' } },
 *   serviceBaseUrl: 'https://cds.example.org',
 * });
 * createCdsHooksServer({ authorize, onFeedback });
 * ```
 */
export function jwtAuthorizer(options: JwtAuthorizerOptions): NonNullable<CdsHooksServiceOptions['authorize']> {
  const base = options.serviceBaseUrl.replace(/\/+$/, '');
  const tolerance = options.clockToleranceSeconds ?? 60;
  const maxAge = options.maxTokenAgeSeconds ?? 300;
  let jose: Promise<typeof import('jose')> | undefined;
  const keySets = new Map<string, Parameters<typeof import('jose').jwtVerify>[1]>();
  const replays = options.replayStore ?? memoryReplayStore();

  return async ({ authorization, serviceId, url }) => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
    if (!match) return false;
    const token = match[1] as string;
    jose ??= import('jose');
    const { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify } = await jose;
    try {
      const iss = decodeJwt(token).iss;
      const issuer = iss === undefined ? undefined : options.issuers[iss];
      if (iss === undefined || issuer === undefined) return false;
      let keys = keySets.get(iss);
      if (!keys) {
        keys = 'jwks' in issuer ? createLocalJWKSet(issuer.jwks as never) : createRemoteJWKSet(new URL(issuer.jwksUrl));
        keySets.set(iss, keys);
      }
      // The endpoint called: the service's, or (for feedback) the feedback endpoint under it.
      const path = new URL(url, base).pathname;
      const audience = [`${base}/cds-services/${serviceId}`, `${base}${path}`];
      const { payload } = await jwtVerify(token, keys, {
        issuer: iss,
        audience,
        algorithms: ['ES384', 'RS384'],
        requiredClaims: ['exp', 'iat', 'jti'],
        clockTolerance: tolerance,
        maxTokenAge: maxAge,
      });
      // Checked last: only a token that passed everything else is remembered.
      return !(await replays.seen(`${iss} ${String(payload.jti)}`, (payload.exp as number) + tolerance));
    } catch {
      return false;
    }
  };
}
