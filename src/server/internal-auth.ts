/**
 * Internal authentication between nodes (reference/trino-protocol.md §3.2): every internal request
 * carries `X-Trino-Internal-Bearer: <JWT>`, HS256, `sub` = the sending node's id, expiring 6
 * minutes after issue; a token is reused until 5 minutes of validity remain. The HMAC key is
 * derived as current Trino derives it: HKDF-SHA256 over the UTF-8 shared secret, no salt, info
 * "internal-communication", 32 bytes.
 *
 * The compact JWS is produced and checked here with node:crypto rather than with jose: jose 6 is
 * ESM-only, which jest's CommonJS runtime cannot load, and HS256 is a single HMAC.
 * test/server/internal-auth.test.ts checks tokens both ways against jose in a child process.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const INTERNAL_BEARER_HEADER = 'x-trino-internal-bearer';

const TOKEN_LIFETIME_S = 6 * 60;
const REUSE_S = 60;

export function internalKey(sharedSecret: string): Uint8Array {
  return new Uint8Array(
    hkdfSync('sha256', Buffer.from(sharedSecret, 'utf8'), Buffer.alloc(0), 'internal-communication', 32),
  );
}

export class InternalAuthenticator {
  private readonly key: Uint8Array;
  private cached: { token: string; renewAt: number } | undefined;

  constructor(
    sharedSecret: string,
    private readonly nodeId: string,
  ) {
    this.key = internalKey(sharedSecret);
  }

  /** A token for outgoing requests (cached for about a minute). */
  async token(): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    if (this.cached && now < this.cached.renewAt) return this.cached.token;
    const token = signHs256({ sub: this.nodeId, iat: now, exp: now + TOKEN_LIFETIME_S }, this.key);
    this.cached = { token, renewAt: now + REUSE_S };
    return token;
  }

  /** The sending node's id when the token is valid, else undefined. */
  async verify(token: string | undefined): Promise<string | undefined> {
    const claims = token ? verifyHs256(token, this.key) : undefined;
    return claims && typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : undefined;
  }
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A compact JWS (HS256) of the claims. */
export function signHs256(claims: Record<string, unknown>, key: Uint8Array): string {
  const input = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/**
 * The claims of an HS256 token whose signature matches and which has not expired (and is not used
 * before `nbf`), else undefined. Any other algorithm is refused (no `none`, no key confusion).
 */
export function verifyHs256(
  token: string,
  key: Uint8Array,
  nowSeconds = Date.now() / 1000,
): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as {
      alg?: unknown;
      crit?: unknown;
    };
    if (header.alg !== 'HS256' || header.crit !== undefined) return undefined;
    const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
    const actual = Buffer.from(parts[2], 'base64url');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return undefined;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return undefined;
    if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds + 1) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/**
 * `fetch` for node-to-node requests: adds the internal bearer token when a secret is configured,
 * and bounds every request in time.
 */
export function internalFetch(
  auth: InternalAuthenticator | undefined,
  defaultTimeoutMs = 30_000,
): (url: string, init?: RequestInit) => Promise<Response> {
  return async (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (auth) headers.set(INTERNAL_BEARER_HEADER, await auth.token());
    const timeout = AbortSignal.timeout(defaultTimeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(url, { ...init, headers, signal });
  };
}
